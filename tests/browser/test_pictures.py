"""The pictures and the story overview in Chromium, at 1280 x 800 and on a 390 x 844 phone:
no page scrolls sideways, the overview's at-a-glance block is on the first screen, labels as
rendered touch nothing, marks lead to their facts, light and dark palettes, print, and axe
with all its default rules. Built from all of the repository's stories (the year pages need
more than one)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from explainer.cli.main import main

from ..conftest import copy_project
from .support import serve

SEED = "stories/tajikistan-interpol/"
PAGE_TYPES = {
    "home": "",
    "stories": "stories/",
    "topics": "topics/",
    "topic": "topics/terrorism/",
    "overview": SEED,
    "timeline": SEED + "timeline/",
    "quotes": SEED + "quotes/",
    "figures": SEED + "figures/",
    "source": SEED + "source/",
    "timeline-all": "timeline/",
    "timeline-year": "timeline/2015/",
    "people": "people/",
    "profile": "people/ramazon-rakhimzoda/",
    "organisations": "organisations/",
    "organisation": "organisations/tajikistan-mvd/",
    "places": "places/",
    "place": "places/tajikistan/",
    "glossary": "glossary/",
    "404": "404.html",
}
PICTURES = {
    "timeline": SEED + "timeline/",
    "figures": SEED + "figures/",
    "timeline-year": "timeline/2015/",
    "timeline-break": "stories/wikinews-scientology-hackers/timeline/",
    "timeline-asylum": "stories/wikinews-uk-asylum-questionnaire/timeline/",
    "figures-robotics": "stories/wikinews-afghan-robotics-team/figures/",
}
SIZES = {"desktop": (1280, 800), "phone": (390, 844)}
AXE = Axe()


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = copy_project(tmp_path_factory.mktemp("pictures") / "project")
    assert main(["--root", str(root), "build"]) == 0
    with serve(root / "site") as base:
        yield base


@pytest.fixture
def open_page(browser: Any, url: str) -> Iterator[Any]:
    """open_page(path, size="desktop", scheme="light", media="screen") -> a loaded page."""
    contexts: list[Any] = []

    def opener(path: str, size: str = "desktop", scheme: str = "light") -> Any:
        width, height = SIZES[size]
        context = browser.new_context(viewport={"width": width, "height": height},
                                      color_scheme=scheme)
        contexts.append(context)
        page = context.new_page()
        page.goto(url + path)
        page.wait_for_load_state("networkidle")
        return page

    yield opener
    for context in contexts:
        context.close()


@pytest.mark.parametrize("size", sorted(SIZES))
@pytest.mark.parametrize("name", sorted(PAGE_TYPES))
def test_no_page_scrolls_sideways(open_page: Any, name: str, size: str) -> None:
    page = open_page(PAGE_TYPES[name], size)
    wide, viewport = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert wide <= viewport, f"{name} is {wide} px wide in a {viewport} px viewport"


@pytest.mark.parametrize("size", sorted(SIZES))
def test_the_story_at_a_glance_is_on_the_first_screen(open_page: Any, artifacts: Path,
                                                       size: str) -> None:
    page = open_page(SEED, size)
    page.screenshot(path=str(artifacts / f"glance-{size}.png"))
    height = page.evaluate("innerHeight")
    parts = ["#at-a-glance h1", ".glance__meta", ".glance__figures", "#key-point-1",
             "#key-point-2"]
    for selector in parts:
        box = page.locator(selector).bounding_box()
        assert box is not None, selector
        assert box["y"] >= 0 and box["y"] + box["height"] <= height, \
            f"{selector} ends at {box['y'] + box['height']:.0f} px, below the {height} px fold"
    tiles = page.locator(".glance__figure")
    assert tiles.count() == 4
    for index in range(tiles.count()):
        box = tiles.nth(index).bounding_box()
        assert box is not None and box["y"] + box["height"] <= height


#: The rendered boxes of a visible picture: labels, tick labels and marks, in SVG units.
BOXES = """(svg) => {
  const box = (e) => { const b = e.getBBox(); return [b.x, b.y, b.x + b.width, b.y + b.height]; };
  const all = (s) => Array.from(svg.querySelectorAll(s)).map(box);
  return {
    width: svg.viewBox.baseVal.width,
    labels: all("text.pic-label"),
    ticks: all("text.pic-tick"),
    marks: all(".tl-solid, .tl-within, .tl-dot, .tl-arrow, .tl-diamond, .tl-trail, .ch-bar, "
               + ".ch-fuzz, .ch-arrow"),
  };
}"""


def _overlap(a: list[float], b: list[float], slack: float = 0.5) -> bool:
    return (a[0] + slack < b[2] and b[0] + slack < a[2]
            and a[1] + slack < b[3] and b[1] + slack < a[3])


@pytest.mark.parametrize("size", sorted(SIZES))
@pytest.mark.parametrize("name", sorted(PICTURES))
def test_labels_as_rendered_touch_nothing(open_page: Any, artifacts: Path, name: str,
                                          size: str) -> None:
    """The layout's boxes are estimates; this checks the text the browser really set."""
    page = open_page(PICTURES[name], size)
    shown = page.locator("figure.pic svg.pic__svg:visible")
    assert shown.count() >= 1
    page.locator("figure.pic").first.screenshot(path=str(artifacts / f"pic-{name}-{size}.png"))
    for index in range(shown.count()):
        boxes = shown.nth(index).evaluate(BOXES)
        labels, marks, ticks = boxes["labels"], boxes["marks"], boxes["ticks"]
        assert labels and marks
        for number, label in enumerate(labels):
            assert label[0] >= -0.5 and label[2] <= boxes["width"] + 0.5, label
            for other in labels[number + 1:]:
                assert not _overlap(label, other), (label, other)
            for mark in marks:
                assert not _overlap(label, mark), (label, mark)
        for number, tick in enumerate(ticks):
            assert tick[2] <= boxes["width"] + 0.5
            for other in ticks[number + 1:]:
                assert not _overlap(tick, other), (tick, other)


def test_a_phone_gets_the_narrow_layout_and_a_desktop_the_wide_one(open_page: Any) -> None:
    desktop = open_page(SEED + "timeline/", "desktop")
    assert desktop.locator(".pic__wide svg").is_visible()
    assert not desktop.locator(".pic__narrow svg").is_visible()
    phone = open_page(SEED + "timeline/", "phone")
    assert phone.locator(".pic__narrow svg").is_visible()
    assert not phone.locator(".pic__wide svg").is_visible()
    font = phone.locator(".pic__narrow text.pic-label").first.evaluate(
        "(t) => t.getBoundingClientRect().height")
    assert font >= 11, "labels on a phone are set at reading size"


@pytest.mark.parametrize(("path", "selector", "shape"), [
    (SEED + "timeline/", "a.tl-row", ".tl-solid, .tl-within, .tl-dot"),
    (SEED + "figures/", "a.ch-row", ".ch-bar")])
def test_every_mark_leads_to_its_fact(open_page: Any, path: str, selector: str,
                                      shape: str) -> None:
    page = open_page(path)
    marks = page.locator(f".pic__wide {selector}")
    assert marks.count() >= 4
    for index in (0, marks.count() - 1):
        mark = marks.nth(index)
        href = mark.get_attribute("href")
        mark.locator(shape).first.click()
        page.wait_for_function(f"location.hash === {href!r}")
        assert page.evaluate("document.querySelector(':target').id") == href[1:]


def _rgb(css: str) -> tuple[float, ...]:
    inside = css[css.index("(") + 1:css.index(")")].replace("/", " ").replace(",", " ")
    return tuple(float(v) for v in inside.split()[:3])


def _luminance(rgb: tuple[float, ...]) -> float:
    def channel(value: float) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_pictures_follow_the_palette(open_page: Any, scheme: str) -> None:
    page = open_page(SEED + "figures/", scheme=scheme)
    colours = page.evaluate("""() => {
      const fill = (s, p = "fill") => getComputedStyle(document.querySelector(s))[p];
      return {
        ground: getComputedStyle(document.body).backgroundColor,
        label: fill(".pic__wide text.pic-label"),
        part: fill(".pic__wide .ch-part .ch-bar"),
        warn: fill(".pic__wide .pic-tag"),
        edge: fill(".pic__wide .ch-remainder .ch-bar", "stroke"),
      };
    }""")
    ground = _rgb(colours["ground"])
    assert (_luminance(ground) < 0.1) == (scheme == "dark")
    assert _contrast(_rgb(colours["label"]), ground) >= 4.5  # text
    assert _contrast(_rgb(colours["warn"]), ground) >= 4.5  # the "disputed" tag is text too
    assert _contrast(_rgb(colours["part"]), ground) >= 3  # marks: non-text contrast
    assert _contrast(_rgb(colours["edge"]), ground) >= 3


def test_print_keeps_the_content_the_pictures_and_readable_citations(open_page: Any,
                                                                      artifacts: Path) -> None:
    page = open_page(SEED + "timeline/", scheme="dark")
    page.emulate_media(media="print")
    shown = page.evaluate("""() => {
      const display = (s) => { const e = document.querySelector(s);
                               return e ? getComputedStyle(e).display : "absent"; };
      const cite = getComputedStyle(document.querySelector("a.cite"));
      return {
        header: display(".md-header"), sidebar: display(".md-sidebar"),
        tabs: display(".story-nav"), wide: display(".pic__wide"),
        narrow: display(".pic__narrow"), cite: [cite.fontSize, cite.verticalAlign],
        note: getComputedStyle(document.querySelector(".md-content__inner"),
                               "::after").content,
        text: getComputedStyle(document.querySelector(".md-typeset")).color,
        label: getComputedStyle(document.querySelector(".pic__wide text.pic-label")).fill,
      };
    }""")
    assert shown["header"] == shown["sidebar"] == shown["tabs"] == "none"
    assert shown["wide"] == "block" and shown["narrow"] == "none"
    assert float(shown["cite"][0].removesuffix("px")) >= 9 and shown["cite"][1] == "baseline"
    assert "[p3]" in shown["note"] and "Source article" in shown["note"]
    # Printed from the dark palette, it is still dark ink on white paper.
    assert _luminance(_rgb(shown["text"])) < 0.2 and _luminance(_rgb(shown["label"])) < 0.2
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF")
    (artifacts / "timeline-print.pdf").write_bytes(pdf)


def test_the_year_filter_dims_the_other_stories_in_the_picture(open_page: Any) -> None:
    page = open_page("timeline/2015/")
    rows = page.locator(".pic__wide .tl-row")
    stories = {rows.nth(i).get_attribute("data-story") for i in range(rows.count())}
    assert len(stories) >= 2
    page.locator("[data-timeline-filter] select").select_option("tajikistan-interpol")
    for index in range(rows.count()):
        row = rows.nth(index)
        dimmed = "is-dimmed" in (row.get_attribute("class") or "")
        assert dimmed == (row.get_attribute("data-story") != "tajikistan-interpol")
    page.locator("[data-timeline-filter] select").select_option("")
    assert page.locator(".pic__wide .tl-row.is-dimmed").count() == 0


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("size", sorted(SIZES))
@pytest.mark.parametrize("name", ["overview", "timeline", "figures", "timeline-year"])
def test_axe_finds_nothing_serious_with_all_its_rules(open_page: Any, name: str, size: str,
                                                      scheme: str) -> None:
    page = open_page(PAGE_TYPES[name], size, scheme)
    results = AXE.run(page, options={"resultTypes": ["violations"]})
    serious = [v for v in results.response["violations"]
               if v["impact"] in ("serious", "critical")]
    assert not serious, "\n".join(f"{v['id']} ({v['impact']}): {v['help']}: "
                                  f"{[n['target'] for n in v['nodes'][:3]]}" for v in serious)
