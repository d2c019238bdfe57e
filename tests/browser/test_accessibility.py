"""Accessibility of every page type, checked by axe-core in Chromium, in light and dark.

axe-core comes bundled in the axe-playwright-python package (no download at test time). Every
rule axe runs by default is run (WCAG 2.x A/AA and axe's best practices, not only the WCAG
tags); zero serious or critical violations are allowed. Screenshots of each page type in both
palettes are kept in test-artifacts/screenshots/.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from explainer.cli.main import main

from ..test_pictures import project_with_pictures
from .support import serve
from .test_pages import PAGES

AXE = Axe()
#: No `runOnly`: axe's default set, every rule it enables by default.
RULES = {"resultTypes": ["violations"]}
#: Page types beyond those test_pages loads: lists, topics, places, a year of the timeline.
ALL_PAGES = {**PAGES, "stories": "stories/", "organisations": "organisations/",
             "places": "places/", "place": "places/tajikistan/", "topics": "topics/",
             "topic": "topics/tajikistan/", "timeline-year": "timeline/2016/"}


def serious_violations(browser: Any, url: str, scheme: str, screenshot: Path) -> str:
    """axe's serious and critical results on the page at `url`, one line each ("" if none)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    palette = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert palette == ("slate" if scheme == "dark" else "default")
    results = AXE.run(page, options=RULES)
    serious = [v for v in results.response["violations"]
               if v["impact"] in ("serious", "critical")]
    page.screenshot(path=str(screenshot), full_page=True)
    context.close()
    return "\n".join(f"{v['id']} ({v['impact']}): {v['help']}: "
                     f"{[n['target'] for n in v['nodes'][:3]]}" for v in serious)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", sorted(ALL_PAGES))
def test_no_serious_accessibility_violations(browser: Any, base_url: str, artifacts: Path,
                                             name: str, scheme: str) -> None:
    found = serious_violations(browser, base_url + ALL_PAGES[name], scheme,
                               artifacts / f"{name}-{scheme}.png")
    assert not found, found


@pytest.fixture(scope="module")
def pictures_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A site whose story, person and organisation have pictures (the seed has none)."""
    root = project_with_pictures(tmp_path_factory.mktemp("pictures") / "project")
    assert main(["--root", str(root), "build"]) == 0
    with serve(root / "site") as url:
        yield url


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["stories/sample/", "people/", "people/jane-doe/",
                                  "organisations/", "organisations/sampletown-council/"])
def test_pages_with_pictures_have_no_serious_violations(browser: Any, pictures_url: str,
                                                        artifacts: Path, path: str,
                                                        scheme: str) -> None:
    name = "pictures-" + path.strip("/").replace("/", "-")
    found = serious_violations(browser, pictures_url + path, scheme,
                               artifacts / f"{name}-{scheme}.png")
    assert not found, found
