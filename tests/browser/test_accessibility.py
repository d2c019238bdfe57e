"""Accessibility of every page type, checked by axe-core in Chromium, in light and dark.

axe-core comes bundled in the axe-playwright-python package (no download at test time). Zero
serious or critical violations of WCAG 2.1 A/AA rules are allowed; screenshots of each page
type in both palettes are kept in test-artifacts/screenshots/.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from .test_pages import PAGES

AXE = Axe()
RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
         "resultTypes": ["violations"]}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", sorted(PAGES))
def test_no_serious_accessibility_violations(browser: Any, base_url: str, artifacts: Path,
                                             name: str, scheme: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.goto(base_url + PAGES[name])
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
