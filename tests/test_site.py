"""The built site (MkDocs + Material), checked in its HTML: profiles, quotes, citations."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml

from explainer.cli.main import main

from .conftest import REPO, copy_seed_project, site_template
from .html import page, squash, text_of

pytestmark = pytest.mark.engine

FACTS = yaml.safe_load((REPO / "content/stories/tajikistan-interpol/facts.yaml").read_text())
STORY = "tajikistan-interpol"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_seed_project(tmp_path_factory.mktemp("seed") / "project")
    assert main(["--root", str(root), "build"]) == 0
    return root / "site"


def test_every_speaker_profile_shows_all_their_quotes(site: Path) -> None:
    people = {q["speaker"] for q in FACTS["quotes"]} - {s["id"] for s in FACTS["anonymous_sources"]}
    assert len(people) == 6
    source = page(site, f"stories/{STORY}/source")
    for person in sorted(people):
        html = page(site, f"people/{person}")
        name = yaml.safe_load((REPO / f"content/people/{person}.md").read_text().split("---")[1])
        assert text_of(html.find("h1")) == name["name"]
        quotes = [q for q in FACTS["quotes"] if q["speaker"] == person]
        for quote in quotes:
            figure = html.find(id=f"{STORY}-{quote['id']}")
            assert figure is not None, f"{person}: quote {quote['id']} missing"
            shown = text_of(figure.find("blockquote") if quote["kind"] == "direct"
                            else figure.find(class_="quote__paraphrase"))
            assert squash(quote["text"]) in shown
            links = figure.select("a.cite")
            cited = [a["href"].split("#")[1] for a in links]
            assert cited == quote["cite"] if isinstance(quote["cite"], list) else [quote["cite"]]
            for link in links:
                assert link["href"].startswith(f"../../stories/{STORY}/source/#")
                paragraph = source.find(id=link["href"].split("#")[1])
                assert paragraph is not None
                assert link["title"].split(": ", 1)[1] in text_of(paragraph)
        direct = html.find(id=f"direct-{STORY}")
        reported = html.find(id=f"reported-{STORY}")
        assert (direct is not None) == any(q["kind"] == "direct" for q in quotes)
        assert (reported is not None) == any(q["kind"] == "paraphrase" for q in quotes)


def test_anonymous_source_is_listed_but_has_no_profile(site: Path) -> None:
    assert not (site / "people/mvd-source").exists()
    index = page(site, "people")
    assert "Tajik Interior Ministry (MVD) source who requested anonymity" in text_of(index)
    quotes = page(site, f"stories/{STORY}/quotes")
    section = quotes.find(id="speaker-mvd-source")
    assert section is not None
    anonymous = [q for q in FACTS["quotes"] if q["speaker"] == "mvd-source"]
    assert len(anonymous) == 10
    for quote in anonymous:
        assert quotes.find(id=quote["id"]) is not None


def test_source_paragraphs_link_back_to_the_facts_citing_them(site: Path) -> None:
    source = page(site, f"stories/{STORY}/source")
    paragraph = source.find(id="p6")
    backlinks = paragraph.find_next_sibling(class_="backlinks")
    targets = [a["href"] for a in backlinks.find_all("a")]
    assert targets == ["../quotes/#q3", "../quotes/#q4"]
    marks = [text_of(m) for m in paragraph.find_all("mark", class_="quote-mark")]
    assert marks[0].startswith("One of the performance indicators")
    assert paragraph.find("mark")["title"] == "Ramazon Rakhimzoda"


def test_abbreviations_explain_themselves(site: Path) -> None:
    source = page(site, f"stories/{STORY}/source")
    titles = {a.get_text(): a["title"] for a in source.find_all("abbr")}
    assert titles["ISIL"] == "Islamic State of Iraq and the Levant"
    assert titles["IMU"] == "Islamic Movement of Uzbekistan"
    assert titles["WMDs"] == "weapons of mass destruction"


def test_timeline_is_an_ordered_list_with_machine_readable_dates(site: Path) -> None:
    timeline = page(site, f"stories/{STORY}/timeline")
    items = timeline.select("ol.timeline > li")
    assert [li["id"] for li in items] == [
        "e-air-strikes", "e-repatriation", "e-attacks-prevented", "e-conference", "e-photo"]
    conference = timeline.find(id="e-conference")
    assert [t["datetime"] for t in conference.find_all("time")] == ["2016-09-19", "2016-09-20"]
    assert "19–20 September 2016" in text_of(conference)


def test_figures_page_records_the_articles_own_inconsistency(site: Path) -> None:
    figures = text_of(page(site, f"stories/{STORY}/figures"))
    assert ("133 + 5 + 1 = 139, but the total given is 151 people: 12 are not accounted for"
            in figures)
    assert "the number of Tajik ex-militant returnees is greater than the number stated" in figures


def test_search_index_holds_the_quotes(site: Path) -> None:
    index = (site / "search/search_index.json").read_text(encoding="utf-8")
    assert "We comply with international privacy rules" in index


def tree_digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_builds_are_byte_identical(tmp_path: Path, site: Path) -> None:
    root = copy_seed_project(tmp_path / "again")
    assert main(["--root", str(root), "build"]) == 0
    assert tree_digest(root / "site") == tree_digest(site)


def test_a_failed_build_leaves_the_previous_site(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_seed_project(tmp_path / "project")
    assert main(["--root", str(root), "build"]) == 0
    before = tree_digest(root / "site")
    # An engine failure: a template links to a page that does not exist (strict mode).
    template = site_template(root, "pages/glossary.md.j2")
    template.write_text(template.read_text() + "\n[broken](no-such-page.md)\n")
    assert main(["--root", str(root), "build"]) == 3
    assert "no-such-page.md" in capsys.readouterr().err
    assert tree_digest(root / "site") == before
    # A content failure: nothing is generated or built.
    template.write_text(template.read_text().replace("[broken](no-such-page.md)", ""))
    facts = root / "content/stories/tajikistan-interpol/facts.yaml"
    facts.write_text(facts.read_text().replace("speaker: shukhrat-latifi", "speaker: latif", 1))
    assert main(["--root", str(root), "build"]) == 1
    assert tree_digest(root / "site") == before
    assert not list(root.glob(".site-*")), "no staging folder is left behind"
