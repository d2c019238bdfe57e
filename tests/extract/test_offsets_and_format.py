"""Every span is exact, and the JSON form is what tests/corpus/score.py reads."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from explainer.extract import Extraction, to_score_json

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "tests" / "fixtures" / "pages" / "seed.txt"


def _check_offsets(text: str, result: Extraction) -> None:
    for a in result.attributions:
        assert text[a.char_start : a.char_end] == a.content
        if a.cue is not None:
            assert a.cue_start is not None and a.cue_end is not None
            assert text[a.cue_start : a.cue_end] == a.cue
        for m in (a.speaker_mention, *a.partial_quotes):
            if m is not None:
                assert text[m.char_start : m.char_end] == m.text
    for d in result.dates:
        assert text[d.char_start : d.char_end] == d.text
    for f in result.figures:
        assert text[f.char_start : f.char_end] == f.text
    for p in result.people:
        for m in p.mentions:
            assert text[m.char_start : m.char_end] == m.text
    for o in result.organisations:
        for m in o.mentions:
            assert text[m.char_start : m.char_end] == m.text


def test_offsets_are_exact(
    corpus_texts: dict[str, str],
    corpus_results: dict[str, Extraction],
    seed_text: str,
    seed_result: Extraction,
) -> None:
    for doc, text in corpus_texts.items():
        _check_offsets(text, corpus_results[doc])
    _check_offsets(seed_text, seed_result)


def test_contents_have_clean_edges(
    corpus_results: dict[str, Extraction], seed_result: Extraction
) -> None:
    for result in [*corpus_results.values(), seed_result]:
        for a in result.attributions:
            assert a.content == a.content.strip()
            assert not a.content.startswith("that ")
            if not a.direct:
                assert a.content[-1] not in ",;:" or a.content.endswith("...")


def test_score_json_shape(seed_result: Extraction) -> None:
    data = to_score_json(seed_result)
    assert set(data) >= {"people", "attributions", "dates", "figures", "organisations"}
    a = data["attributions"][0]
    assert {"speaker", "content", "char_start", "char_end", "speaker_kind", "direct", "cue"} <= set(
        a
    )
    assert all("name" in p for p in data["people"])
    assert all({"text", "char_start", "char_end", "edtf"} <= set(d) for d in data["dates"])
    json.dumps(data)


def test_module_entry_point_prints_json(seed_result: Extraction) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "explainer.extract", str(SEED)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    assert json.loads(out) == json.loads(json.dumps(to_score_json(seed_result)))
