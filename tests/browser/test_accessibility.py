"""Accessibility of every page type, checked by axe-core in Chromium, in light and dark.

axe-core comes bundled in the axe-playwright-python package (no download at test time). Every
rule axe runs by default is run (WCAG 2.x A/AA and axe's best practices, not only the WCAG
tags); zero serious or critical violations are allowed. Screenshots of each page type in both
palettes are kept in test-artifacts/screenshots/.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from .test_pages import PAGES

AXE = Axe()
#: No `runOnly`: axe's default set, every rule it enables by default.
RULES = {"resultTypes": ["violations"]}
#: Page types beyond those test_pages loads: lists, topics, places, a year of the timeline.
ALL_PAGES = {**PAGES, "stories": "stories/", "organisations": "organisations/",
             "places": "places/", "place": "places/tajikistan/", "topics": "topics/",
             "topic": "topics/tajikistan/", "timeline-year": "timeline/2016/"}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", sorted(ALL_PAGES))
def test_no_serious_accessibility_violations(browser: Any, base_url: str, artifacts: Path,
                                             name: str, scheme: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.goto(base_url + ALL_PAGES[name])
    page.wait_for_load_state("networkidle")
    palette = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert palette == ("slate" if scheme == "dark" else "default")
    results = AXE.run(page, options=RULES)
    serious = [v for v in results.response["violations"]
               if v["impact"] in ("serious", "critical")]
    page.screenshot(path=str(artifacts / f"{name}-{scheme}.png"), full_page=True)
    context.close()
    details = "\n".join(f"{v['id']} ({v['impact']}): {v['help']}: "
                        f"{[n['target'] for n in v['nodes'][:3]]}" for v in serious)
    assert not serious, details
