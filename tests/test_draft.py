"""`build.py draft`: facts drafted from an article, valid by construction, never over reviews."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from explainer.cli.main import main
from explainer.extract import extract, to_score_json
from explainer.link.provenance import normalise

from .conftest import REPO, copy_seed_project

SEED = REPO / "content/stories/tajikistan-interpol"
PAGES = REPO / "tests/fixtures/pages"


@pytest.fixture
def seed_copy(minimal_project: Path, tmp_path: Path) -> Path:
    """The minimal project plus the seed story's registry entries (no seed story itself)."""
    seed = copy_seed_project(tmp_path / "seed")
    for name in ("people", "organisations", "places"):
        shutil.copytree(seed / "content" / name, minimal_project / "content" / name,
                        dirs_exist_ok=True)
    return minimal_project


def norm(text: str) -> str:
    return normalise(text).text.strip(' "')


def test_seed_draft_has_every_direct_quote_with_its_speaker(seed_copy: Path,
                                                           capsys: pytest.CaptureFixture[str]
                                                           ) -> None:
    assert main(["--root", str(seed_copy), "new", "seed", "--from", str(PAGES / "seed.txt"),
                 "--outlet", "Caravanserai"]) == 0
    assert main(["--root", str(seed_copy), "draft", "seed"]) == 0
    draft = yaml.safe_load((seed_copy / "content/stories/seed/facts.yaml").read_text())
    reviewed = yaml.safe_load((SEED / "facts.yaml").read_text())
    assert draft["status"] == "draft"

    anonymous = {s["id"]: s["description"] for s in draft.get("anonymous_sources", [])}
    hand_anonymous = {s["id"]: s["description"] for s in reviewed["anonymous_sources"]}

    def who(speaker: str, sources: dict[str, str]) -> str:
        return sources.get(speaker, speaker)

    drafted = {(who(q["speaker"], anonymous), norm(q["text"])) for q in draft["quotes"]
               if q["kind"] == "direct"}
    expected = [(who(q["speaker"], hand_anonymous), norm(q["text"]))
                for q in reviewed["quotes"] if q["kind"] == "direct"]
    assert len(expected) == 26
    missing = [q for q in expected if q not in drafted]
    assert missing == []

    capsys.readouterr()
    assert main(["--root", str(seed_copy), "check"]) == 0, capsys.readouterr().out


def test_reviewed_facts_are_never_replaced_without_force(minimal_project: Path,
                                                         capsys: pytest.CaptureFixture[str]
                                                         ) -> None:
    facts = minimal_project / "content/stories/sample/facts.yaml"
    before = facts.read_text()
    assert main(["--root", str(minimal_project), "draft", "sample"]) == 2
    assert "reviewed facts" in capsys.readouterr().err
    assert facts.read_text() == before
    assert main(["--root", str(minimal_project), "draft", "sample", "--force"]) == 0
    assert (facts.parent / "facts.yaml.bak").read_text() == before
    assert yaml.safe_load(facts.read_text())["status"] == "draft"


def test_new_people_get_files_and_existing_ones_are_untouched(minimal_project: Path) -> None:
    story = minimal_project / "content/stories/fresh"
    story.mkdir()
    (story / "article.md").write_text(
        "---\nheadline: Council votes\n---\n\n{#p1}\n\"We will build it,\" said Mayor Jane Doe."
        "\n\n{#p2}\nThe plan is too costly, council member Peter Quill told reporters.\n")
    person = minimal_project / "content/people/jane-doe.md"
    before = person.read_text()
    assert main(["--root", str(minimal_project), "draft", "fresh"]) == 0
    facts = yaml.safe_load((story / "facts.yaml").read_text())
    speakers = {q["speaker"] for q in facts["quotes"]}
    assert speakers == {"jane-doe", "peter-quill"}
    assert person.read_text() == before
    created = yaml.safe_load((minimal_project / "content/people/peter-quill.md")
                             .read_text().split("---")[1])
    assert created["name"] == "Peter Quill"
    assert main(["--root", str(minimal_project), "check"]) == 0


def test_json_is_the_scorers_prediction_format(capsys: pytest.CaptureFixture[str]) -> None:
    source = REPO / "tests/corpus/wikinews/GUM_news_iodine.txt"
    assert main(["draft", "--from", str(source), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == json.loads(json.dumps(to_score_json(extract(source.read_text()))))
    text = source.read_text()
    for item in printed["attributions"]:
        assert text[item["char_start"]:item["char_end"]] == item["content"]


def test_a_saved_web_page_gives_quotes_with_speakers(seed_copy: Path) -> None:
    page = PAGES / "caravanserai-tajikistan-interpol.html"
    assert main(["--root", str(seed_copy), "new", "page", "--from", str(page)]) == 0
    assert main(["--root", str(seed_copy), "draft", "page"]) == 0
    facts = yaml.safe_load((seed_copy / "content/stories/page/facts.yaml").read_text())
    by_text = {norm(q["text"]): q["speaker"] for q in facts["quotes"]}
    assert by_text[norm("We comply with international privacy rules")] == \
        "abdurakhim-abdulkhasanov"
    assert by_text[norm("Together, we can resist any threats.")] == "makhmadruzi-tilyayev"
