"""Measures the advance widths of characters in Chromium, for the label boxes of the pictures:
`python -m tests.browser.text_widths` rewrites explainer/render/pictures/text_widths.json.

The pictures lay out their labels in Python (explainer/render/pictures/text.py) and must know
how wide a label will be in the reader's browser. The theme's font stack (system fonts: no
web font is downloaded) resolves to different fonts on different systems; DejaVu Sans, what
Debian's Chromium uses, is the widest of the common ones (wider than Helvetica, Arial,
Roboto, San Francisco and Segoe UI), so widths measured in it are safe upper bounds elsewhere.
The browser tests check the estimate against the rendered text.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from .support import CHROMIUM_ARGS, chromium_path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "explainer" / "render" / "pictures" / "text_widths.json"
FONT = "DejaVu Sans"
#: Latin (with Latin-1 and Extended-A/B), Greek, Cyrillic, general punctuation, currency signs.
RANGES = ((0x20, 0x250), (0x370, 0x400), (0x400, 0x500), (0x2000, 0x2070), (0x20A0, 0x20C1))
SIZE = 1000  # px: widths come back in thousandths of an em

#: A font that is not installed falls back to monospace: its widths would be monospace's.
AVAILABLE = """(font) => {
  const context = document.createElement("canvas").getContext("2d");
  context.font = `100px "${font}", monospace`;
  const wanted = context.measureText("illegible WWW").width;
  context.font = "100px monospace";
  return wanted !== context.measureText("illegible WWW").width;
}"""

MEASURE = """([font, ranges, size]) => {
  const context = document.createElement("canvas").getContext("2d");
  const out = {};
  for (const weight of ["normal", "bold"]) {
    context.font = `${weight} ${size}px "${font}"`;
    const widths = [];
    for (const [start, end] of ranges) {
      const row = [];
      for (let code = start; code < end; code++) {
        row.push(Math.ceil(context.measureText(String.fromCodePoint(code)).width));
      }
      widths.push([start, row]);
    }
    out[weight] = widths;
  }
  return out;
}"""


def main() -> int:
    executable = chromium_path()
    if executable is None:
        print("needs Chromium (apt-get install chromium)", file=sys.stderr)
        return 1
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        page = browser.new_page()
        available = page.evaluate(AVAILABLE, FONT)
        if not available:
            print(f"the font {FONT} is not installed (apt-get install fonts-dejavu-core)",
                  file=sys.stderr)
            return 1
        widths = page.evaluate(MEASURE, [FONT, [list(r) for r in RANGES], SIZE])
        browser.close()
    data = {"font": FONT, "unit": "1/1000 em", "ranges": widths}
    OUT.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
