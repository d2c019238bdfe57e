"""What review of drafted stories found wrong, on text written for these tests: non-people filed
as people, organisations truncated or merged, reporter words in direct quotes, raw sentences as
event titles, bare numbers as figures, relative dates left out; and re-drafting every shipped
story (in a copy) gives facts that pass `check` with no person file for a non-person."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from explainer.cli import main
from explainer.extract.draft import event_title, quoted_words
from explainer.extract.entities import (
    RegistryNames,
    is_person_name,
    known_ids,
    normalise,
    organisation_names,
)

from .conftest import REPO

ARTICLE = """---
headline: Harbour board sells its old ferry
published: 2024-03-14
---

{#p1}
The Eastholm harbour board sold its oldest ferry last Tuesday, board chair Ilse Brandt said.

{#p2}
"We kept her running for forty years," Brandt said. "It was time."

{#p3}
Operation Clambake said the sale was rushed. The Red Cross said the ferry had carried supplies.

{#p4}
The Afghan team and Afghan engineers toured the ferry. So far, it's the board: 1, the critics: 0.

{#p5}
The ferry was sold for 120,000 euros to the Northern Boat Museum.
"""


@pytest.fixture
def drafted(minimal_project: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    story = minimal_project / "content/stories/ferry"
    story.mkdir()
    (story / "article.md").write_text(ARTICLE)
    orgs = minimal_project / "content/organisations"
    orgs.mkdir(exist_ok=True)
    (orgs / "british-red-cross.md").write_text("---\nname: British Red Cross\n---\n")
    assert main(["--root", str(minimal_project), "draft", "ferry"]) == 0
    capsys.readouterr()
    assert main(["--root", str(minimal_project), "check"]) == 0, capsys.readouterr().out
    facts = yaml.safe_load((story / "facts.yaml").read_text())
    assert isinstance(facts, dict)
    facts["new_people"] = sorted(p.stem for p in (minimal_project / "content/people").iterdir())
    return facts


def test_no_person_file_for_a_non_person(drafted: dict[str, object]) -> None:
    people = drafted["new_people"]
    assert isinstance(people, list)
    assert "ilse-brandt" in people
    for wrong in ("operation-clambake", "red-cross", "afghan"):
        assert wrong not in people


def test_a_known_organisation_named_shorter_is_the_registrys(drafted: dict[str, object]) -> None:
    quotes = drafted["quotes"]
    assert isinstance(quotes, list)
    speakers = {q["speaker"] for q in quotes}
    assert "british-red-cross" in speakers
    assert "red-cross" not in speakers


def test_direct_quotes_hold_only_the_quoted_words(drafted: dict[str, object]) -> None:
    quotes = drafted["quotes"]
    assert isinstance(quotes, list)
    direct = [q["text"] for q in quotes if q["kind"] == "direct"]
    assert "We kept her running for forty years" in " ".join(direct)
    assert "It was time." in " ".join(direct)
    assert not any("said" in text for text in direct)


def test_relative_dates_are_resolved_with_a_note(drafted: dict[str, object]) -> None:
    events = drafted["events"]
    assert isinstance(events, list)
    sale = next(e for e in events if e["date"] == "2024-03-12")
    assert "last Tuesday" in sale["date_note"] and "2024-03-14" in sale["date_note"]
    assert len(sale["title"].split()) <= 11


def test_no_figure_without_a_unit_or_what_it_counts(drafted: dict[str, object]) -> None:
    figures = drafted.get("figures", [])
    assert isinstance(figures, list)
    assert all(f["value"] not in (0, 1) for f in figures)  # "board: 1, the critics: 0"
    price = next(f for f in figures if f["value"] == 120000)
    assert price.get("unit") or not price["counts"].startswith("(")


@pytest.mark.parametrize(("name", "article", "expected"), [
    ("Ilse Brandt", "", True),
    ("Operation Clambake", "", False),
    ("We've", "", False),
    ("Kabul Airport", "", False),
    ("Afghan", "The Afghan team met Afghan engineers.", False),
    ("Brandt", "Brandt said it was time. Brandt was right.", True),
])
def test_person_names(name: str, article: str, expected: bool) -> None:
    assert is_person_name(name, article) is expected


def test_registry_names_match_whole_words_at_either_end() -> None:
    registry = known_ids([
        ("jcwi", "Joint Council for the Welfare of Immigrants", [], "JCWI"),
        ("home-office", "Home Office", [], None),
        ("british-red-cross", "British Red Cross", [], None),
        ("straits-times", "The Straits Times", [], None),
    ])
    assert registry.find("Joint Council for the Welfare") == "jcwi"
    assert registry.find("United Kingdom Home Office") == "home-office"
    assert registry.find("Red Cross") == "british-red-cross"
    assert registry.find("Straits Times") == "straits-times"
    assert registry.find("Office") is None
    assert registry.find("Welfare Council") is None
    assert normalise("The Straits Times'") == ("straits", "times")
    assert RegistryNames().find("Anything") is None


def test_organisation_names_drop_titles_and_split_pairs() -> None:
    assert organisation_names("CEO of the Refugee Council") == ["Refugee Council"]
    assert organisation_names(
        "Irving Independent School District and the Irving Police Department") == [
        "Irving Independent School District", "Irving Police Department"]
    assert organisation_names("Food Standards of Australia and New Zealand") == [
        "Food Standards of Australia and New Zealand"]


def test_event_titles_are_short() -> None:
    title = event_title("In 2015 and the first eight months of 2016, Tajik police repatriated "
                        "151 Tajiks accused of terrorism, the minister said.", "2015")
    assert title.startswith("Tajik police repatriated")
    assert len(title.split()) <= 11


def test_quoted_words() -> None:
    assert quoted_words('"A is true," he said, "and so is B."') == "A is true ... and so is B."
    assert quoted_words('"Only this,"') == "Only this"


def test_redrafting_the_shipped_stories_passes_check(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "project"
    root.mkdir()
    shutil.copytree(REPO / "content", root / "content")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    people_before = {p.stem for p in (root / "content/people").iterdir()}
    organisations_before = {p.stem for p in (root / "content/organisations").iterdir()}
    for story in sorted((root / "content/stories").iterdir()):
        assert main(["--root", str(root), "draft", story.name, "--force"]) == 0
    capsys.readouterr()
    assert main(["--root", str(root), "check"]) == 0, capsys.readouterr().out
    registry = known_ids(
        [(p.stem, yaml.safe_load(p.read_text().split("---")[1])["name"], [], None)
         for folder in ("organisations", "places") for p in (root / "content" / folder).iterdir()])
    for path in (root / "content/people").iterdir():
        if path.stem in people_before:
            continue
        name = yaml.safe_load(path.read_text().split("---")[1])["name"]
        assert registry.find(name) is None, f"{name} is an organisation or place"
        assert is_person_name(name, ""), name
    # every organisation the shipped stories quote is in the registry already: a new file would
    # be a non-organisation ("Posts" on a message board) or a wrong form of a known one
    organisations_after = {p.stem for p in (root / "content/organisations").iterdir()}
    assert organisations_after == organisations_before
