"""Rows of marks with their labels: where a label goes so that it touches nothing.

Both pictures draw one row per fact: a mark (a dot or bars) somewhere along the row and the
fact's text as its label. A label goes beside its mark, on the right if it fits on one line,
else on the left; if neither side has room for one line, it is wrapped on the roomier side
when that is wide enough, else set above the mark. Rows are stacked without overlapping, so
no label can touch another row's label or mark, and within a row the label keeps `GAP` away
from its mark.

The geometry's records are slotted dataclasses, not frozen ones: a large site makes them by
the ten thousand, and nothing changes them once made.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .text import text_width, wrap

FONT_SIZE = 13.0
LINE_HEIGHT = 16.0
GAP = 6.0  # between a mark and its label
ROW_GAP = 6.0  # between rows
#: A label is wrapped beside its mark only where the side is at least this wide.
MIN_SIDE = 170.0
#: Where the baseline sits in a line box (DejaVu Sans: ascent 0.928 em, descent 0.236 em).
ASCENT, DESCENT = 0.928, 0.236


@dataclass(slots=True)
class Box:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def intersects(self, other: Box) -> bool:
        return (self.x < other.right and other.x < self.right
                and self.y < other.bottom and other.y < self.bottom)


@dataclass(slots=True)
class Line:
    x: float
    baseline: float
    text: str


@dataclass(slots=True)
class Label:
    """A label's lines (joined, they are its text) and the box they take (with room for a
    trailer: a tag after the last line). `anchor` is SVG's text-anchor: the lines start at
    their x (a label right of its mark or above it), or end there (left of its mark)."""

    lines: tuple[Line, ...]
    box: Box
    anchor: Literal["start", "end"] = "start"

    @property
    def text(self) -> str:
        return "".join(line.text for line in self.lines)


@dataclass(slots=True)
class Row:
    """A row's vertical placement: its top, height and the centre line of its mark."""

    top: float
    height: float
    mark_y: float
    label: Label


def lay_row(top: float, mark_x0: float, mark_x1: float, mark_height: float, text: str,
            width: float, size: float = FONT_SIZE, trailer: float = 0.0) -> Row:
    """Places `text` beside (or above) a mark spanning mark_x0..mark_x1 in a row starting at
    `top` in a picture `width` wide; `trailer` is room kept after the text's last line."""
    text = " ".join(text.split())  # as a browser shows it
    line_height = LINE_HEIGHT * size / FONT_SIZE
    one_line = text_width(text, size) + trailer
    right = width - (mark_x1 + GAP)
    left = mark_x0 - GAP
    side: Literal["right", "left", "above"]
    if one_line <= right:
        side, lines = "right", [text]
    elif one_line <= left:
        side, lines = "left", [text]
    elif max(left, right) >= MIN_SIDE:
        side = "right" if right >= left else "left"
        lines = wrap(text, max(left, right) - trailer, size)
    else:
        side, lines = "above", wrap(text, width - trailer, size)
    widths = [text_width(line.rstrip(), size) for line in lines]
    widths[-1] += trailer
    widest = max(widths)
    label_height = len(lines) * line_height
    if side == "above":
        label_top = top
        mark_y = top + label_height + GAP / 2 + mark_height / 2
        height = label_height + GAP / 2 + mark_height
        x = min(max(mark_x0, 0.0), width - widest)
    else:
        height = max(mark_height, label_height)
        mark_y = top + height / 2
        label_top = mark_y - label_height / 2
        x = mark_x1 + GAP if side == "right" else mark_x0 - GAP - widest
    anchor: Literal["start", "end"] = "end" if side == "left" else "start"
    line_x = x + widest if anchor == "end" else x
    baseline = (line_height - (ASCENT + DESCENT) * size) / 2 + ASCENT * size
    placed = tuple(Line(line_x, label_top + index * line_height + baseline, line)
                   for index, line in enumerate(lines))
    return Row(top, height, mark_y,
               Label(placed, Box(x, label_top, widest, label_height), anchor))


def fmt(value: float) -> str:
    """A coordinate for SVG markup: one decimal at most, no "-0"."""
    text = f"{value:.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    return "0" if text == "-0" else text
