"""The breakdown chart: a total, its parts laid end to end under it, and what is left over.

One row per figure, all on one scale: the total's bar, then each part's bar starting where
the previous one ended, then the remainder (hatched, "12 not accounted for in the article")
or the excess when the parts add up to more than the total. A qualified number never gets an
exact bar end: "about" ends fuzzy, "more than"/"at least" with an arrow onwards, "less than"/
"at most" with an arrow back. A disputed figure is outlined and tagged "disputed".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..numbers import number
from .layout import ASCENT, DESCENT, GAP, ROW_GAP, Box, Label, lay_row
from .text import text_width

WIDE, NARROW = 680.0, 360.0  # as the timeline's
END_ROOM = 14.0  # right of the longest bar: room for an end's arrow or fuzz
BAR_HEIGHT = 14.0
FUZZ = 5.0  # half the width of an "about" end
ARROW = 8.0
TOP = 4.0
TAG = "disputed"
TAG_SIZE = 11.0

LOWER = ("more than", "at least")  # the true number is higher
UPPER = ("less than", "at most")  # the true number is lower


def qualified(qualifier: str, value: float) -> str:
    """A number with its qualifier: "about 1,400", "133"."""
    return number(value) if qualifier == "exactly" else f"{qualifier} {number(value)}"


def amount(model: Any) -> str:
    """How a figure is written on the page: "about 1,400 km", "133 people"."""
    unit = f" {model.unit}" if model.unit else ""
    return qualified(model.qualifier, model.value) + unit


def figure_text(model: Any) -> str:
    """A figure's label: its amount and what it counts, as its heading on the page says."""
    return f"{amount(model)}: {model.counts}"


def end_style(qualifier: str) -> str:
    """How a bar for a number with this qualifier ends: exact, about, above or below."""
    if qualifier == "exactly":
        return "exact"
    if qualifier == "about":
        return "about"
    return "above" if qualifier in LOWER else "below"


@dataclass(frozen=True)
class Remainder:
    """What the parts leave out of the total (`missing`, or `other` for a single part), or
    add beyond it (`excess`), with how precisely that is known."""

    value: float
    qualifier: str
    kind: str  # missing | excess | other

    @property
    def amount(self) -> str:
        return qualified(self.qualifier, self.value)

    @property
    def text(self) -> str:
        if self.kind == "missing":
            return f"{self.amount} not accounted for in the article"
        if self.kind == "excess":
            return f"{self.amount} more than the total given"
        return f"{self.amount} others"


def remainder(total: Any, parts: list[Any]) -> Remainder | None:
    """The difference between a total and its parts (figure models); None when they match.

    Bounds carry over: a total of "more than 1,000" less exact parts leaves "more than" the
    difference; a part of "more than 100" leaves "less than" it; "about" anywhere, or bounds
    pulling both ways, leave "about"."""
    difference = total.value - sum(part.value for part in parts)
    if difference == 0:
        return None
    directions = set()
    strict = False
    for model, sign in ((total, 1), *((part, -1) for part in parts)):
        if model.qualifier == "about":
            directions.add(0)
        elif model.qualifier in LOWER:
            directions.add(sign)
        elif model.qualifier in UPPER:
            directions.add(-sign)
        strict = strict or model.qualifier in ("more than", "less than")
    if difference < 0:
        directions = {-d for d in directions}
    if not directions:
        qualifier = "exactly"
    elif len(directions) == 1 and 0 not in directions:
        bound = LOWER if directions == {1} else UPPER
        qualifier = bound[0] if strict else bound[1]
    else:
        qualifier = "about"
    kind = "excess" if difference < 0 else "other" if len(parts) == 1 else "missing"
    return Remainder(abs(difference), qualifier, kind)


@dataclass(slots=True)
class ChartRow:
    kind: str  # total | part | remainder | excess
    href: str  # "" for the remainder: it is not a fact of its own
    text: str
    tag: str  # "disputed" or ""
    title: str
    start: float  # the value where the bar starts
    value: float  # the value the bar measures
    bar: Box
    end: str  # exact | about | above | below
    fuzz: Box | None  # the fuzzy end of an "about"
    arrow: str  # polygon points of an arrow end, or ""
    mark: Box
    label: Label
    tag_box: Box | None  # where the tag goes, after the label's last line
    classes: str


@dataclass(frozen=True)
class BreakdownChart:
    id: str
    width: float
    height: float
    rows: tuple[ChartRow, ...]
    remainder: Remainder | None
    legend: tuple[str, ...]
    title: str  # what the chart shows, for its caption
    scale: float  # px per unit
    tooltips: bool  # bars carry their text for the pointer to show (not on phones)


def breakdown_chart(figure: Any, breakdown: Any, chart_id: str, width: float = WIDE,
                    tooltips: bool = True) -> BreakdownChart | None:
    """The chart of one breakdown of `figure` (a FigureNode; `breakdown` one of its
    breakdowns); None when it cannot be drawn as lengths (a negative number, a zero total)."""
    parts = list(breakdown.parts)
    values = [figure.model.value, *(p.model.value for p in parts)]
    if figure.model.value <= 0 or any(v < 0 for v in values):
        return None
    rest = remainder(figure.model, [p.model for p in parts])
    reach = max(figure.model.value, sum(p.model.value for p in parts))
    scale = (width - END_ROOM) / reach
    rows: list[ChartRow] = []
    top = TOP
    specs: list[tuple[str, Any, float]] = [("total", figure, 0.0)]
    offset = 0.0
    for part in parts:
        specs.append(("part", part, offset))
        offset += part.model.value
    for kind, node, start in specs:
        row = _row(kind, node.model, f"#{node.anchor}", start, node.model.value,
                   end_style(node.model.qualifier), bool(node.disputed_by), scale, top, width)
        rows.append(row)
        top = _bottom(row) + ROW_GAP
    if rest is not None:
        start = min(figure.model.value, offset)
        kind = "excess" if rest.kind == "excess" else "remainder"
        row = _row(kind, None, "", start, rest.value, end_style(rest.qualifier), False, scale,
                   top, width, text=rest.text)
        rows.append(row)
        top = _bottom(row) + ROW_GAP
    sums = " + ".join(number(p.model.value) for p in parts)
    title = (f"{figure_text(figure.model)}, {breakdown.name}: {sums}"
             + (f" = {number(offset)}" if len(parts) > 1 else "")
             + (f"; {rest.text}" if rest is not None else "; they add up to the total")
             + ".")
    return BreakdownChart(chart_id, width, top - ROW_GAP + TOP, tuple(rows), rest,
                          _legend(rows), title, scale, tooltips)


def _row(kind: str, model: Any, href: str, start: float, value: float, end: str,
         disputed: bool, scale: float, top: float, width: float,
         text: str | None = None) -> ChartRow:
    x0 = start * scale
    x1 = (start + value) * scale
    label_text = text if text is not None else figure_text(model)
    tag = TAG if disputed else ""
    tag_width = GAP + text_width(tag, TAG_SIZE) if tag else 0.0
    mark_x1 = x1 + FUZZ if end == "about" else x1 + 2 + ARROW if end != "exact" else x1
    row = lay_row(top, x0, mark_x1, BAR_HEIGHT, label_text, width, trailer=tag_width)
    y = row.mark_y - BAR_HEIGHT / 2
    mid = row.mark_y
    fuzz = None
    solid_end = x1
    if end == "about":
        solid_end = max(x0, x1 - FUZZ)
        fuzz = Box(solid_end, y, x1 + FUZZ - solid_end, BAR_HEIGHT)
    arrow = ""
    if end == "above":
        arrow = _points((x1 + 2, y), (x1 + 2 + ARROW, mid), (x1 + 2, y + BAR_HEIGHT))
    elif end == "below":
        arrow = _points((x1 + 2 + ARROW, y), (x1 + 2, mid), (x1 + 2 + ARROW, y + BAR_HEIGHT))
    tag_box = None
    if tag:
        box = row.label.box
        tag_box = Box(box.right - tag_width + GAP, row.label.lines[-1].baseline - TAG_SIZE,
                      tag_width - GAP, TAG_SIZE * (ASCENT + DESCENT))
    classes = " ".join(c for c in (f"ch-{kind}", f"ch-end-{end}",
                                   "ch-disputed" if disputed else "") if c)
    title = label_text + (" (disputed on this page)" if disputed else "")
    return ChartRow(kind, href, label_text, tag, title, start, value,
                    Box(x0, y, max(solid_end - x0, 0.0), BAR_HEIGHT), end, fuzz, arrow,
                    Box(x0, y, mark_x1 - x0, BAR_HEIGHT), row.label, tag_box, classes)


def _bottom(row: ChartRow) -> float:
    return max(row.label.box.bottom, row.mark.bottom)


def _points(*points: tuple[float, float]) -> str:
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in points)


def _legend(rows: list[ChartRow]) -> tuple[str, ...]:
    present = {
        "remainder": any(r.kind == "remainder" for r in rows),
        "excess": any(r.kind == "excess" for r in rows),
        "about": any(r.end == "about" for r in rows),
        "above": any(r.end == "above" for r in rows),
        "below": any(r.end == "below" for r in rows),
        "disputed": any(r.tag for r in rows),
    }
    return tuple(key for key, shown in present.items() if shown)
