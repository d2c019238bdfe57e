"""The JSON form of an `Extraction`, in the prediction format of tests/corpus/score.py.

The scorer reads `people[].name`, `attributions[].{speaker, content, char_start, char_end}` and
`dates[].{text, char_start, char_end}`; the other keys carry the rest of the extraction so the same
JSON serves `build.py draft --json`.
"""

from __future__ import annotations

from typing import Any

from .model import Extraction, Mention


def _mention(m: Mention | None) -> dict[str, Any] | None:
    if m is None:
        return None
    return {"text": m.text, "char_start": m.char_start, "char_end": m.char_end}


def to_score_json(result: Extraction) -> dict[str, Any]:
    """A JSON-ready dict: people, attributions, dates, figures, organisations."""
    return {
        "article_date": result.article_date,
        "people": [
            {
                "name": p.name,
                "roles": list(p.roles),
                "known_id": p.known_id,
                "mentions": [_mention(m) for m in p.mentions],
            }
            for p in result.people
        ],
        "attributions": [
            {
                "speaker": a.speaker,
                "speaker_kind": a.speaker_kind,
                "speaker_description": a.speaker_description,
                "speaker_mention": _mention(a.speaker_mention),
                "cue": a.cue,
                "cue_start": a.cue_start,
                "cue_end": a.cue_end,
                "direct": a.direct,
                "content": a.content,
                "char_start": a.char_start,
                "char_end": a.char_end,
                "partial_quotes": [_mention(m) for m in a.partial_quotes],
                "embedded_in": a.embedded_in,
            }
            for a in result.attributions
        ],
        "dates": [
            {
                "text": d.text,
                "char_start": d.char_start,
                "char_end": d.char_end,
                "edtf": d.edtf,
                "year_inferred": d.year_inferred,
                "relative": d.relative,
            }
            for d in result.dates
        ],
        "figures": [
            {
                "text": f.text,
                "char_start": f.char_start,
                "char_end": f.char_end,
                "value": f.value,
                "unit": f.unit,
                "qualifier": f.qualifier,
                "counts": f.counts,
                "vague": f.vague,
            }
            for f in result.figures
        ],
        "organisations": [
            {
                "name": o.name,
                "abbreviation": o.abbreviation,
                "mentions": [_mention(m) for m in o.mentions],
            }
            for o in result.organisations
        ],
    }
