"""Screenshots of the real built site for the README: `python -m tests.browser.screenshots`.

Builds nothing itself: run `make site` first. Writes docs/screenshots/*.png: the seed story's
overview, timeline and figures at 1280 x 800, the overview and (dark) the timeline on a
390 x 844 phone, a profile, the people index's cards, and a copy of the story's share card
(the PNG the site itself serves to social networks).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import sync_playwright

from .support import CHROMIUM_ARGS, chromium_path, serve

ROOT = Path(__file__).resolve().parents[2]
STORY = "stories/tajikistan-interpol/"


@dataclass(frozen=True)
class Shot:
    name: str
    path: str
    width: int = 1280
    height: int = 800
    scheme: str = "light"


SHOTS = (
    Shot("overview.png", STORY),
    Shot("timeline.png", STORY + "timeline/"),
    Shot("figures.png", STORY + "figures/"),
    Shot("phone.png", STORY, 390, 844),
    Shot("phone-timeline-dark.png", STORY + "timeline/", 390, 844, "dark"),
    Shot("profile.png", "people/ramazon-rakhimzoda/", 1280, 1000),
    Shot("people.png", "people/", 1280, 800, "dark"),
)
SHARE_CARD = "social/stories/tajikistan-interpol.png"


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
        for shot in SHOTS:
            context = browser.new_context(viewport={"width": shot.width, "height": shot.height},
                                          color_scheme=shot.scheme)
            page = context.new_page()
            page.goto(url + shot.path)
            page.wait_for_load_state("networkidle")
            page.screenshot(path=str(out / shot.name))
            context.close()
            print(f"wrote {out / shot.name}")
        (out / "share-card.png").write_bytes((site / SHARE_CARD).read_bytes())
        print(f"wrote {out / 'share-card.png'}")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
