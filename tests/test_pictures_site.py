"""The pictures in the built site's HTML (all the repository's stories): they draw the facts'
own text and numbers, every mark links to an entry on its page, and they carry no styles,
scripts or duplicate ids. Their geometry is tested as numbers in tests/unit/test_pictures.py
and as rendered in Chromium in tests/browser/test_pictures.py."""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from explainer.cli.main import main
from explainer.project import PACKAGE_TEMPLATES
from explainer.render.environment import make_environment
from explainer.render.pictures import breakdown_layouts

from .conftest import REPO, copy_project
from .html import page, squash, text_of

pytestmark = pytest.mark.engine
SEED = "tajikistan-interpol"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("pictures") / "project")
    assert main(["--root", str(root), "build"]) == 0
    return root / "site"


def versions(figure: Tag) -> list[Tag]:
    """The picture's two layouts (wide, phone)."""
    found = figure.select(".pic__wide > svg, .pic__narrow > svg")
    assert len(found) == 2
    return found


def label(node: Tag) -> str:
    """A label's text without its tag ("disputed")."""
    text = node.select_one("text.pic-label")
    assert text is not None
    return "".join(t.get_text() for t in text.select("tspan:not(.pic-tag)"))


def number(attribute: object) -> float:
    return float(str(attribute))


def test_every_event_is_drawn_and_its_mark_links_to_its_entry(site: Path) -> None:
    timelines = [f"stories/{s.name}/timeline" for s in sorted((site / "stories").iterdir())
                 if (s / "timeline").is_dir()]
    years = [f"timeline/{y.name}" for y in sorted((site / "timeline").iterdir()) if y.is_dir()]
    assert len(timelines) == 7 and len(years) >= 8
    for path in timelines + years:
        soup = page(site, path)
        entries = {li["id"]: text_of(li.find("strong")) for li in soup.select("li.timeline__event")}
        figure = soup.select_one("figure.pic--timeline")
        if path == "timeline/undated":
            assert figure is None
            continue
        assert figure is not None, path
        for svg in versions(figure):
            marks = svg.select("a.tl-row, a.tl-event")  # a row per event, or per story
            assert sorted(a["href"] for a in marks) == sorted(f"#{i}" for i in entries), path
            for row in svg.select(".tl-row"):
                if row.name == "a":  # a row per event: its title, linked to its entry
                    assert label(row) == squash(entries[str(row["href"])[1:]])
                else:  # a row per story (a crowded year): the story's headline
                    assert row["data-story"] in {a["href"][1:].split("-e")[0] for a in marks}
            tooltips = [mark.find("title") for mark in marks]
            if svg.parent["class"] == ["pic__narrow"]:  # no pointer to hover with on a phone
                assert tooltips == [None] * len(marks)
            for mark, tooltip in zip(marks, tooltips, strict=True):
                if tooltip is not None:
                    assert squash(tooltip.get_text()).split(": ", 1)[1].startswith(
                        squash(entries[str(mark["href"])[1:]]))
            # The list is the accessible alternative: the picture is hidden from assistive
            # technology, its links are out of the tab order, its caption names it.
            assert svg["aria-hidden"] == "true"
            assert all(a["tabindex"] == "-1" for a in svg.find_all("a"))
        caption = text_of(figure.select_one(".pic__caption"))
        assert caption.startswith("Timeline of "), path


def test_the_seed_timeline_is_honest_about_precision(site: Path) -> None:
    figure = page(site, f"stories/{SEED}/timeline").select_one("figure.pic--timeline")
    assert figure is not None
    svg = versions(figure)[0]
    marks = {a["href"]: a for a in svg.select("a.tl-row")}
    styles = {href: [r["class"][0] for r in a.select("rect")] for href, a in marks.items()}
    assert styles == {
        "#e-air-strikes": ["tl-within"],  # 2015: sometime that year
        "#e-repatriation": ["tl-within", "tl-solid", "tl-within"],  # 2015/2016-08
        "#e-attacks-prevented": ["tl-within", "tl-solid", "tl-within"],
        "#e-conference": ["tl-solid"],  # two days
        "#e-photo": [],  # a day: a dot
    }
    assert marks["#e-photo"].find("circle", class_="tl-dot") is not None
    inferred = {href for href, a in marks.items() if "tl-inferred" in a["class"]}
    assert inferred == {"#e-conference", "#e-photo"}
    assert all(a.find("polygon", class_="tl-diamond") for a in marks.values()
               if a["href"] in inferred)
    legend = text_of(figure.select_one("figcaption"))
    for key in ("on a day", "sometime in that month or year", "from start to end",
                "year inferred"):
        assert key in legend
    ticks = [t.get_text() for t in svg.select("text.pic-tick")]
    assert ticks[0] == "Jan 2015" and "Jan 2016" in ticks


def test_a_long_gap_is_cut_out_and_said_so(site: Path) -> None:
    figure = page(site, "stories/wikinews-scientology-hackers/timeline").select_one(
        "figure.pic--timeline")
    assert figure is not None
    assert len(versions(figure)[0].select("rect.tl-break")) == 1
    assert "about 13 years left out" in text_of(figure.select_one("figcaption"))


def test_breakdown_charts_draw_the_facts_numbers(site: Path) -> None:
    charts = 0
    for story in sorted((site / "stories").iterdir()):
        if not (story / "figures").is_dir():
            continue
        soup = page(site, f"stories/{story.name}/figures")
        for figure in soup.select("figure.pic--chart"):
            charts += 1
            for svg in versions(figure):
                rows = svg.select(".ch-row")
                widths = {}
                for row in rows:
                    bar = row.select_one("rect.ch-bar")
                    assert bar is not None
                    fuzz = row.select_one("rect.ch-fuzz")
                    end = number(bar["x"]) + number(bar["width"])
                    if fuzz is not None:  # an "about" ends in the middle of its fuzz
                        end = number(fuzz["x"]) + number(fuzz["width"]) / 2
                    widths[row] = (number(bar["x"]), end)
                    if row.name == "a":  # a figure: its label is its heading on the page
                        heading = soup.find(id=str(row["href"])[1:])
                        assert heading is not None
                        assert label(row) == text_of(heading)
                total, *parts = rows
                value = _value(label(total))
                scale = (widths[total][1] - widths[total][0]) / value
                offset = 0.0
                for row in parts:
                    start, end = widths[row]
                    assert start == pytest.approx(offset * scale, abs=0.15)
                    if row.name == "a":
                        offset += _value(label(row))
                        assert end == pytest.approx(offset * scale, abs=0.15)
                    else:  # what the parts leave out, or go past the total by
                        left = _value(label(row))
                        assert end - start == pytest.approx(left * scale, abs=0.15)
    assert charts >= 3


def _value(text: str) -> float:
    match = re.search(r"[\d,]+(\.\d+)?", text)
    assert match is not None, text
    return float(match.group().replace(",", ""))


def test_the_seed_chart_shows_the_twelve_the_article_leaves_out(site: Path) -> None:
    soup = page(site, f"stories/{SEED}/figures")
    figure = soup.select_one("figure.pic--chart")
    assert figure is not None
    for svg in versions(figure):
        rows = svg.select(".ch-row")
        assert [label(r) for r in rows] == [
            "151 people: Tajiks accused of terrorism and extremism repatriated by Tajik police",
            "133 people: suspected members of ISIL among the returnees",
            "5 people: returnees accused of belonging to Jamaat Ansarullah",
            "1 person: returnee accused of belonging to the IMU",
            "12 not accounted for in the article"]
        assert [r.get("href") for r in rows] == ["#returnees", "#returnees-isil",
                                                 "#returnees-ansarullah", "#returnees-imu",
                                                 None]
        tag = rows[0].select_one("tspan.pic-tag")
        assert tag is not None and tag.get_text() == "disputed"
        assert "ch-disputed" in rows[0]["class"]
        hatch = rows[-1].select_one("rect.ch-bar")
        assert hatch is not None and hatch["fill"] == f"url(#{figure['id']}-hatch)"
        assert figure.find("pattern", id=f"{figure['id']}-hatch") is not None


def test_about_and_more_than_are_drawn_as_such() -> None:
    env = make_environment([PACKAGE_TEMPLATES / "pages"])
    template = env.from_string('{% import "_pictures.md.j2" as p %}{{ p.breakdown(c, "") }}')

    def fact(value: float, qualifier: str, anchor: str) -> SimpleNamespace:
        model = SimpleNamespace(value=value, qualifier=qualifier, unit="people",
                                counts=f"{anchor} <b>counted</b>")
        return SimpleNamespace(model=model, anchor=anchor, disputed_by=[])

    total = fact(1000, "about", "total")
    parts = [fact(600, "more than", "a"), fact(100, "at most", "b")]
    charts = breakdown_layouts(total, SimpleNamespace(name="by kind", parts=parts), "chart-x")
    assert charts is not None
    soup = BeautifulSoup(template.render(c=charts), "html.parser")
    rows = soup.select(".pic__wide .ch-row")
    assert [r["class"][2] for r in rows] == ["ch-end-about", "ch-end-above", "ch-end-below",
                                             "ch-end-about"]
    assert rows[0].select_one("rect.ch-fuzz") is not None
    assert rows[1].select_one("polygon.ch-arrow") is not None
    assert label(rows[0]) == "about 1,000 people: total <b>counted</b>"  # text, not markup
    assert label(rows[-1]) == "about 300 not accounted for in the article"
    assert soup.find("b") is None


def test_pictures_carry_no_styles_scripts_or_repeated_ids(site: Path) -> None:
    for path in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        figures = soup.select("figure.pic")
        for figure in figures:
            assert figure.find("script") is None and figure.find("style") is None
            for element in figure.find_all(True):
                for name, value in element.attrs.items():
                    assert name != "style" and not name.startswith("on"), (path, name)
                    if name == "href":
                        assert str(value).startswith("#"), (path, value)
                        assert soup.find(id=str(value)[1:]) is not None, (path, value)
        if figures:
            ids = [e["id"] for e in soup.find_all(id=True)]
            assert len(ids) == len(set(ids)), path


def test_pictures_are_indexed_for_search_once_through_their_entries(site: Path) -> None:
    """A picture's labels repeat the list or headings below it: the search index keeps the
    entries only, so a search for an event finds it once per page, not twice."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    timeline = [doc["text"] for doc in index["docs"]
                if doc["location"].startswith(f"stories/{SEED}/timeline/")]
    words = "Tajik militants photographed in Syria"
    assert sum(text.count(words) for text in timeline) == 1, timeline
    assert not any("on a day" in text for text in timeline)


def test_the_overview_opens_at_a_glance(site: Path) -> None:
    facts = yaml.safe_load((REPO / f"content/stories/{SEED}/facts.yaml").read_text())
    soup = page(site, f"stories/{SEED}")
    glance = soup.select_one("#at-a-glance")
    assert glance is not None
    assert text_of(glance.find("h1")) == ("Tajikistan co-operates with Interpol to fight "
                                          "trans-national crime")
    assert text_of(glance.select_one(".glance__meta")).startswith(
        "DUSHANBE · publication date not given · By Nadin Bahrom · Caravanserai")
    tops = [f for f in facts["figures"] if "part_of" not in f][:4]
    tiles = glance.select(".glance__figure")
    assert len(tiles) == 4
    for tile, fact in zip(tiles, tops, strict=True):
        link = tile.find("a")
        assert link is not None and link["href"] == f"figures/#{fact['id']}"
        assert text_of(tile.select_one(".glance__number")) == f"{fact['value']:,}"
        assert text_of(tile.select_one(".glance__counts")) == fact["counts"]
        qualifier = tile.select_one(".glance__qualifier")
        assert (text_of(qualifier) if qualifier else "exactly") == fact.get("qualifier",
                                                                            "exactly")
    assert "All 5 key figures" in text_of(glance)
    points = glance.select("ol > li")
    assert [li["id"] for li in points] == [f"key-point-{n}" for n in range(1, 8)]
    assert glance.select_one("figure.glance__image") is None  # the seed has no image


def test_the_lead_image_slot_takes_an_optional_image() -> None:
    env = make_environment([PACKAGE_TEMPLATES / "pages"])
    template = env.from_string('{% import "_macros.md.j2" as m with context %}'
                               "{{ m.lead_image(story) }}")
    story = SimpleNamespace(image=None)
    env.globals["picture"] = lambda node: node.image  # the story's resized picture, or None
    assert template.render(page_path="stories/s/index.md", story=story).strip() == ""
    story.image = SimpleNamespace(path="images/stories/s.jpg", alt="Militants [in] *Syria*",
                                  width=1200, height=800, caption="A caption",
                                  credit="Odnoklassniki", licence="CC BY 4.0")
    shown = template.render(page_path="stories/s/index.md", story=story)
    assert '<figure class="glance__image" markdown>' in shown
    assert ('![Militants \\[in\\] \\*Syria\\*](../../images/stories/s.jpg)'
            '{: width="1200" height="800" }') in shown
    assert "A caption" in shown and "Odnoklassniki" in shown
