"""The timeline picture: each event on a time axis, drawn as precisely as its date is known.

- a day is a dot (on a day);
- a month or a year is a light bar over all of it (sometime within it);
- a range is a solid bar from start to end, with light ends where an end is only known to a
  month or a year ("2015/2016-08": sometime in 2015 until sometime in August 2016);
- an open end ("2016-09-21/..") runs to the axis' edge with an arrow, an unknown end
  ("2016-09-21/") trails off in dots;
- approximate (`~`) and uncertain (`?`) dates are drawn dashed and dotted, and an event whose
  year the article does not give (`year_inferred`) carries a hollow diamond.

One row per event, in the order given (the page's list order), so labels never collide; the
geometry is plain numbers, checked by the tests, and the template draws it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ...model.dates import FuzzyDate
from .layout import GAP, ROW_GAP, Box, Label, lay_row
from .timescale import Break, Span, Tick, TimeScale, make_scale, point_span

#: Drawn at two widths: for wide columns and for phones (the page shows the one that fits).
WIDE, NARROW = 680.0, 360.0
#: The axis runs from MARGIN to WIDTH - END_MARGIN: room on the right for what a mark at the
#: end carries (a dot's edge, the "year inferred" diamond).
MARGIN = 4.0
END_MARGIN = 22.0
AXIS_Y = 22.0  # the axis line; tick labels above it
FIRST_ROW = 34.0
BAR_HEIGHT = 10.0
DOT_RADIUS = 5.0
ARROW = 7.0  # length of an open end's arrow head
TRAIL = 22.0  # length of an unknown end's dotted trail
DIAMOND = 5.0  # half the width of the "year inferred" diamond


@dataclass(frozen=True)
class Piece:
    """Part of an event's mark: days drawn `solid` (it went on through them) or `within`
    (it happened sometime in them)."""

    lo: int
    hi: int
    style: str


@dataclass(frozen=True)
class DateShape:
    """What a date looks like on the axis, in days."""

    pieces: tuple[Piece, ...]
    dot: int | None  # the day of a single-day date
    open_start: bool = False
    open_end: bool = False
    unknown_start: bool = False
    unknown_end: bool = False
    approximate: bool = False
    uncertain: bool = False

    @property
    def span(self) -> Span:
        if self.dot is not None:
            return Span(self.dot, self.dot + 1)
        return Span(min(p.lo for p in self.pieces), max(p.hi for p in self.pieces))


def date_shape(date: FuzzyDate) -> DateShape | None:
    """The shape of a date; None for a date with no known point ("../..")."""
    a, b = date.start, date.end
    qualifiers = [p for p in (a, b) if p is not None]
    approximate = any(p.approximate for p in qualifiers)
    uncertain = any(p.uncertain for p in qualifiers)
    if date.verbatim and a is not None and b is not None:
        shape = (Piece(point_span(a).lo, point_span(b).hi, "within"),)
        return DateShape(shape, None, approximate=approximate, uncertain=uncertain)
    if not date.is_interval and a is not None:
        span = point_span(a)
        if a.precision == "day":
            return DateShape((), span.lo, approximate=approximate, uncertain=uncertain)
        return DateShape((Piece(span.lo, span.hi, "within"),), None,
                         approximate=approximate, uncertain=uncertain)
    if a is None and b is None:
        return None
    pieces: list[Piece] = []
    start = point_span(a) if a is not None else None
    end = point_span(b) if b is not None else None
    if start is not None and end is not None:
        assert a is not None and b is not None
        if a.precision != "day":
            pieces.append(Piece(start.lo, min(start.hi, end.hi), "within"))
        solid_lo = start.lo if a.precision == "day" else start.hi
        solid_hi = end.hi if b.precision == "day" else end.lo
        if solid_lo < solid_hi:
            pieces.append(Piece(solid_lo, solid_hi, "solid"))
        if b.precision != "day":
            pieces.append(Piece(max(end.lo, start.lo), end.hi, "within"))
    else:
        known = start or end
        point = a or b
        assert known is not None and point is not None
        style = "solid" if point.precision == "day" else "within"
        pieces.append(Piece(known.lo, known.hi, style))
    return DateShape(tuple(pieces), None,
                     open_start=a is None and date.open_start,
                     open_end=b is None and date.open_end,
                     unknown_start=a is None and not date.open_start,
                     unknown_end=b is None and not date.open_end,
                     approximate=approximate, uncertain=uncertain)


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    w: float
    h: float
    style: str  # solid | within


@dataclass(frozen=True)
class EventRow:
    """One event's row: its mark, label and link."""

    href: str
    text: str  # the label: the event's title
    title: str  # the tooltip: date and title
    story: str  # the event's story (the site-wide timeline filters by it)
    shape: DateShape
    date_x: tuple[float, float]  # where the date's days lie on the axis
    bars: tuple[Bar, ...]
    dot: tuple[float, float] | None  # centre of a day's dot
    arrows: tuple[str, ...]  # polygon points of open ends' arrow heads
    trails: tuple[tuple[float, float, float], ...]  # x1, x2, y of unknown ends' dotted lines
    diamond: str  # polygon points of the "year inferred" mark, or ""
    mark: Box
    label: Label
    classes: str

    @property
    def inferred(self) -> bool:
        return bool(self.diamond)


@dataclass(frozen=True)
class TimelinePicture:
    id: str
    width: float
    height: float
    axis_y: float
    scale: TimeScale
    ticks: tuple[Tick, ...]
    rows: tuple[EventRow, ...]
    left_out: int  # events with no known date, not drawn
    legend: tuple[str, ...]  # which keys the legend shows, in order
    title: str
    summary: str

    @property
    def breaks(self) -> tuple[Break, ...]:
        return self.scale.breaks


def timeline_picture(events: Sequence[Any], site_wide: bool = False,
                     picture_id: str = "timeline-picture",
                     width: float = WIDE) -> TimelinePicture | None:
    """The picture of `events` (EventNodes, in the page's order); None when none has a date
    that can be placed. On the site-wide year pages (`site_wide`) marks link to the list
    entries there (`story-event` anchors) and carry their story for the filter."""
    shaped = [(event, shape) for event in events
              if (shape := date_shape(event.model.date)) is not None]
    if not shaped:
        return None
    scale = make_scale([shape.span for _, shape in shaped], MARGIN, width - END_MARGIN)
    rows: list[EventRow] = []
    top = FIRST_ROW
    for event, shape in shaped:
        row = _event_row(event, shape, scale, top, site_wide, width)
        rows.append(row)
        top = max(row.label.box.bottom, row.mark.bottom) + ROW_GAP
    legend = _legend(rows, scale)
    first, last = shaped[0][0].model.date, shaped[-1][0].model.date
    count = len(shaped)
    title = (f"Timeline of {count} event{'s' if count != 1 else ''}"
             + (f", {first.display()} to {last.display()}" if count > 1 else
                f", {first.display()}"))
    return TimelinePicture(picture_id, width, top + ROW_GAP, AXIS_Y, scale,
                           tuple(scale.ticks()), tuple(rows), len(events) - count, legend,
                           title, "Each event is placed by its date; they are listed below.")


def _event_row(event: Any, shape: DateShape, scale: TimeScale, top: float,
               site_wide: bool, width: float) -> EventRow:
    model = event.model
    lo = scale.x(shape.span.lo)
    hi = scale.x(shape.span.hi)
    mark_x0 = lo
    mark_x1 = hi
    if shape.dot is not None:
        centre = scale.x(shape.dot + 0.5)
        mark_x0, mark_x1 = centre - DOT_RADIUS, centre + DOT_RADIUS
    if shape.open_start:
        mark_x0 = scale.x0
        lo = scale.x0
    if shape.open_end:
        mark_x1 = scale.x1
        hi = scale.x1
    if shape.unknown_start:
        mark_x0 -= TRAIL
    if shape.unknown_end:
        mark_x1 += TRAIL
    inferred = bool(getattr(model, "year_inferred", False))
    diamond_x = mark_x1 + GAP / 2 + DIAMOND
    if inferred:
        mark_x1 = diamond_x + DIAMOND
    mark_x0 = max(mark_x0, 0.0)
    height = 2 * DOT_RADIUS if shape.dot is not None else BAR_HEIGHT
    row = lay_row(top, mark_x0, mark_x1, height, model.title, width)
    y = row.mark_y
    bars = tuple(Bar(scale.x(p.lo), y - BAR_HEIGHT / 2, scale.x(p.hi) - scale.x(p.lo),
                     BAR_HEIGHT, p.style) for p in shape.pieces)
    if shape.open_start and bars:
        first = bars[0]
        bars = (Bar(scale.x0 + ARROW, first.y, first.x - scale.x0 - ARROW, first.h, "solid"),
                *bars)
    if shape.open_end and bars:
        last = bars[-1]
        right = last.x + last.w
        bars = (*bars, Bar(right, last.y, scale.x1 - ARROW - right, last.h, "solid"))
    arrows = []
    if shape.open_start:
        arrows.append(_arrow(scale.x0 + ARROW, scale.x0, y))
    if shape.open_end:
        arrows.append(_arrow(scale.x1 - ARROW, scale.x1, y))
    trails = []
    if shape.unknown_start:
        trails.append((max(lo - TRAIL, 0.0), lo - 2, y))
    if shape.unknown_end:
        trails.append((hi + 2, hi + TRAIL, y))
    dot = (scale.x(shape.dot + 0.5), y) if shape.dot is not None else None
    diamond = (_diamond(diamond_x, y) if inferred else "")
    classes = " ".join(name for name, on in (
        ("tl-approximate", shape.approximate), ("tl-uncertain", shape.uncertain),
        ("tl-inferred", inferred)) if on)
    when = model.date.display()
    note = f" ({model.date_note})" if model.date_note else ""
    title = f"{when}{note}: {model.title}"
    if site_wide:
        title += f" (from {event.story.headline})"
        href = f"#{event.story.slug}-{event.id}"
    else:
        href = f"#{event.id}"
    mark_box = Box(mark_x0, y - height / 2, mark_x1 - mark_x0, height)
    return EventRow(href, model.title, title, event.story.slug, shape, (lo, hi), bars, dot,
                    tuple(arrows), tuple(trails), diamond, mark_box, row.label, classes)


def _arrow(base: float, tip: float, y: float) -> str:
    half = BAR_HEIGHT / 2 + 2
    return " ".join(f"{x:.1f},{yy:.1f}" for x, yy in ((base, y - half), (tip, y),
                                                       (base, y + half)))


def _diamond(x: float, y: float) -> str:
    return " ".join(f"{px:.1f},{py:.1f}" for px, py in (
        (x, y - DIAMOND), (x + DIAMOND, y), (x, y + DIAMOND), (x - DIAMOND, y)))


def _legend(rows: list[EventRow], scale: TimeScale) -> tuple[str, ...]:
    """The legend's keys for what this picture draws."""
    shapes = [row.shape for row in rows]
    present = {
        "day": any(s.dot is not None for s in shapes),
        "within": any(p.style == "within" for s in shapes for p in s.pieces),
        "range": any(p.style == "solid" for s in shapes for p in s.pieces),
        "approximate": any(s.approximate for s in shapes),
        "uncertain": any(s.uncertain for s in shapes),
        "inferred": any(row.inferred for row in rows),
        "open": any(s.open_start or s.open_end for s in shapes),
        "unknown": any(s.unknown_start or s.unknown_end for s in shapes),
        "break": bool(scale.breaks),
    }
    return tuple(key for key, shown in present.items() if shown)
