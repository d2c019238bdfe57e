"""Screenshots of the real built site for the README: `python -m tests.browser.screenshots`.

Builds nothing itself: run `make site` first. Writes docs/screenshots/{overview,profile}.png.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from .support import CHROMIUM_ARGS, chromium_path, serve

ROOT = Path(__file__).resolve().parents[2]
SHOTS = {
    "overview.png": "stories/tajikistan-interpol/",
    "profile.png": "people/ramazon-rakhimzoda/",
}


def main() -> int:
    site = ROOT / "site"
    executable = chromium_path()
    if not (site / "index.html").is_file() or executable is None:
        print("needs a built site (make site) and Chromium (apt-get install chromium)",
              file=sys.stderr)
        return 1
    out = ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with serve(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        for name, path in SHOTS.items():
            page.goto(url + path)
            page.wait_for_load_state("networkidle")
            page.screenshot(path=str(out / name))
            print(f"wrote {out / name}")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
