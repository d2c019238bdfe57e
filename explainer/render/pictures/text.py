"""How wide a label will be in the reader's browser, and how to wrap it to a width.

The pictures place their labels in Python, so they need each label's box before any browser
sees it. Widths come from `text_widths.json`: every character's advance in DejaVu Sans (the
widest of the fonts the theme's system font stack resolves to), measured in Chromium by
`tests/browser/text_widths.py`. Summing advances ignores kerning, which only narrows text, so
an estimate is an upper bound; characters outside the measured ranges count a full em (CJK
ideographs are one em wide), combining marks nothing.
"""

from __future__ import annotations

import json
import unicodedata
from functools import cache, lru_cache
from importlib import resources

#: Room for rounding and hinting on top of the summed advances.
SAFETY = 1.02
UNKNOWN = 1000  # thousandths of an em


class _Widths(dict[str, int]):
    """Advance widths by character; one outside the measured ranges counts a full em (a
    combining mark nothing), worked out on first use."""

    def __missing__(self, char: str) -> int:
        width = self[char] = 0 if unicodedata.combining(char) else UNKNOWN
        return width


@cache
def _widths(bold: bool) -> _Widths:
    data = json.loads(resources.files(__package__).joinpath("text_widths.json")
                      .read_text(encoding="utf-8"))
    table = _Widths()
    for start, row in data["ranges"]["bold" if bold else "normal"]:
        for offset, width in enumerate(row):
            table[chr(start + offset)] = width
    return table


@lru_cache(maxsize=65536)
def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width in px of `text` set at `size` px (an upper bound; see the module's note)."""
    return sum(map(_widths(bold).__getitem__, text)) * size / 1000 * SAFETY


def wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """`text` in lines no wider than `width`, broken at spaces (a word wider than a line is
    broken between characters). A line broken at a space keeps it at its end, so the lines
    joined give back the text, its runs of white space made single (as a browser shows it)."""
    space = text_width(" ", size, bold)
    lines: list[str] = []
    line: list[str] = []
    used = 0.0
    for word in text.split():
        wide = text_width(word, size, bold)
        if line and used + space + wide <= width:
            line.append(word)
            used += space + wide
            continue
        if line:
            lines.append(" ".join(line) + " ")
        while len(word) > 1 and wide > width:
            cut = _fitting_prefix(word, width, size, bold)
            lines.append(word[:cut])
            word = word[cut:]
            wide = text_width(word, size, bold)
        line, used = [word], wide
    if line:
        lines.append(" ".join(line))
    return lines


def _fitting_prefix(word: str, width: float, size: float, bold: bool) -> int:
    """How many leading characters of `word` fit in `width` (at least one)."""
    cut = 1
    while cut < len(word) and text_width(word[:cut + 1], size, bold) <= width:
        cut += 1
    return cut
