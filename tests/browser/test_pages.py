"""The built seed site in headless Chromium: citation previews, offline pages, screenshots."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

STORY = "stories/tajikistan-interpol/"
PAGES = {
    "home": "",
    "overview": STORY,
    "timeline": STORY + "timeline/",
    "quotes": STORY + "quotes/",
    "figures": STORY + "figures/",
    "source": STORY + "source/",
    "people": "people/",
    "profile": "people/ramazon-rakhimzoda/",
    "organisation": "organisations/tajikistan-mvd/",
    "glossary": "glossary/",
    "timeline-all": "timeline/",
}


def tooltip_text(page: Any) -> str:
    page.wait_for_selector("#explainer-tooltip:not([hidden])", timeout=3000)
    return str(page.locator("#explainer-tooltip").inner_text())


def test_citation_preview_on_hover(page: Any, base_url: str) -> None:
    page.goto(base_url + STORY)
    page.locator("a.cite").first.hover()
    # The overview's first citation is its first key figure's (151 returnees, p2).
    assert tooltip_text(page).startswith("p2: In 2015 and the first eight months of 2016")


def test_citation_preview_on_keyboard_focus(page: Any, base_url: str) -> None:
    page.goto(base_url + STORY)
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('cite')"):
            break
    else:
        pytest.fail("no citation link is reachable with the Tab key")
    assert tooltip_text(page).startswith("p2: In 2015 and the first eight months")
    assert page.evaluate("document.activeElement.getAttribute('aria-describedby')") == \
        "explainer-tooltip"
    page.keyboard.press("Escape")
    page.wait_for_selector("#explainer-tooltip[hidden]", state="attached", timeout=3000)
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "the focused citation has no visible focus ring"


def test_citation_link_lands_on_its_paragraph(page: Any, base_url: str) -> None:
    page.goto(base_url + STORY + "quotes/")
    page.locator("#q3 a.cite").click()
    page.wait_for_url("**/source/#p6")
    assert page.evaluate("document.querySelector(':target').id") == "p6"


@pytest.mark.parametrize("name", sorted(PAGES))
def test_pages_load_offline_without_errors(page: Any, base_url: str, name: str,
                                           artifacts: Path) -> None:
    response = page.goto(base_url + PAGES[name])
    assert response is not None and response.status == 200
    page.wait_for_load_state("networkidle")
    assert page.console_errors == []
    assert page.outside_requests == [], "the site must work without network access"
    assert page.evaluate("document.documentElement.lang") == "en"
    page.screenshot(path=str(artifacts / f"{name}-light.png"), full_page=True)


def test_site_timeline_filters_by_story_without_a_server(page: Any, base_url: str) -> None:
    page.goto(base_url + "timeline/2016/")
    select = page.locator("[data-timeline-filter] select")
    assert select.is_visible()
    events = page.locator("ol.timeline > li")
    total = events.count()
    assert total >= 3
    select.select_option("tajikistan-interpol")
    visible = page.locator("ol.timeline > li:not([hidden])")
    assert 0 < visible.count() <= total
    for index in range(visible.count()):
        assert visible.nth(index).get_attribute("data-story") == "tajikistan-interpol"
    select.select_option("")
    assert page.locator("ol.timeline > li:not([hidden])").count() == total


def test_timeline_shows_every_event_without_javascript(browser: Any, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "timeline/2016/")
    assert page.locator("ol.timeline > li").count() >= 3
    assert not page.locator("[data-timeline-filter]").is_visible()
    context.close()
