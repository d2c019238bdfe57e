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
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ...model.dates import FuzzyDate
from .layout import GAP, ROW_GAP, Box, Label, fmt, lay_row
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
#: How far an open end's bar (to its arrow's tip) or an unknown end's dotted trail goes beyond
#: the known part of the date.
TRAIL = 22.0
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

    def __post_init__(self) -> None:
        span = (Span(self.dot, self.dot + 1) if self.dot is not None else
                Span(min(p.lo for p in self.pieces), max(p.hi for p in self.pieces)))
        object.__setattr__(self, "span", span)

    #: The days the date covers (its known part for an open or unknown end).
    span: Span = field(init=False, compare=False)


@lru_cache(maxsize=65536)
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


@dataclass(slots=True)
class Bar:
    x: float
    y: float
    w: float
    h: float
    style: str  # solid | within


@dataclass(slots=True)
class EventMark:
    """One event's mark on the axis, and its link."""

    href: str
    title: str  # the tooltip: date and title
    shape: DateShape
    date_x: tuple[float, float]  # where the date's known days lie on the axis
    bars: tuple[Bar, ...]
    dot: tuple[float, float] | None  # centre of a day's dot
    arrows: tuple[str, ...]  # polygon points of open ends' arrow heads
    trails: tuple[tuple[float, float, float], ...]  # x1, x2, y of unknown ends' dotted lines
    diamond: str  # polygon points of the "year inferred" mark, or ""
    box: Box
    classes: str

    @property
    def inferred(self) -> bool:
        return bool(self.diamond)


@dataclass(slots=True)
class TimelineRow:
    """A row: one event and its title, or (on a crowded year page) one story, its headline
    and the marks of all its events."""

    text: str  # the label
    story: str  # the story's slug (the site-wide timeline filters by it)
    marks: tuple[EventMark, ...]
    mark: Box  # the room the marks take
    label: Label

    @property
    def href(self) -> str:
        """Where the label links: its event (a story's row has no single event)."""
        return self.marks[0].href if len(self.marks) == 1 else ""


@dataclass(frozen=True)
class TimelinePicture:
    id: str
    width: float
    height: float
    axis_y: float
    scale: TimeScale
    ticks: tuple[Tick, ...]
    rows: tuple[TimelineRow, ...]
    by_story: bool  # a row per story (a crowded year page) rather than per event
    site_wide: bool  # a year page: rows carry their story, for its filter
    tooltips: bool  # marks carry their date and title for the pointer to show (not on phones)
    left_out: int  # events with no known date, not drawn
    legend: tuple[str, ...]  # which keys the legend shows, in order
    title: str  # what the picture shows, for its caption

    @property
    def breaks(self) -> tuple[Break, ...]:
        return self.scale.breaks

    @property
    def marks(self) -> list[EventMark]:
        return [mark for row in self.rows for mark in row.marks]

    @property
    def grid_path(self) -> str:
        """SVG path data of the grid: a line down from each tick."""
        return "".join(f"M{fmt(t.x)} {fmt(self.axis_y)}V{fmt(self.height)}" for t in self.ticks)

    @property
    def tick_path(self) -> str:
        return "".join(f"M{fmt(t.x)} {fmt(self.axis_y - 4)}v8" for t in self.ticks)

    @property
    def axis_path(self) -> str:
        """The axis: a line along each segment, none across the breaks."""
        return "".join(f"M{fmt(s.x0)} {fmt(self.axis_y)}H{fmt(s.x1)}"
                       for s in self.scale.segments)

    @property
    def break_path(self) -> str:
        """Two slanted strokes across the axis at each break."""
        y0, y1 = fmt(self.axis_y + 6), fmt(self.axis_y - 6)
        return "".join(f"M{fmt(b.x0 + 7)} {y0}L{fmt(b.x0 + 12)} {y1}"
                       f"M{fmt(b.x1 - 12)} {y0}L{fmt(b.x1 - 7)} {y1}" for b in self.breaks)


#: A site-wide year page with more events than this draws a row per story, not per event.
CROWDED = 40


def timeline_picture(events: Sequence[Any], site_wide: bool = False,
                     picture_id: str = "timeline-picture", width: float = WIDE,
                     tooltips: bool = True) -> TimelinePicture | None:
    """The picture of `events` (EventNodes, in the page's order); None when none has a date
    that can be placed. On the site-wide year pages (`site_wide`) marks link to the list
    entries there (`story-event` anchors), and a crowded year (over CROWDED events from more
    than one story) gets a row per story, labelled with its headline."""
    shaped = [(event, shape) for event in events
              if (shape := date_shape(event.model.date)) is not None]
    if not shaped:
        return None
    starts_open = any(s.open_start or s.unknown_start for _, s in shaped)
    scale = make_scale([shape.span for _, shape in shaped],
                       MARGIN + (TRAIL if starts_open else 0.0), width - END_MARGIN)
    groups: dict[str, list[tuple[Any, DateShape]]] = {}
    by_story = site_wide and len(shaped) > CROWDED
    for event, shape in shaped:
        key = event.story.slug if by_story else f"{event.story.slug}/{event.id}"
        groups.setdefault(key, []).append((event, shape))
    if len(groups) == 1 and by_story:
        by_story = False
        groups = {f"{e.story.slug}/{e.id}": [(e, s)] for e, s in shaped}
    rows: list[TimelineRow] = []
    top = FIRST_ROW
    for members in groups.values():
        row = _row(members, scale, top, site_wide, by_story, width)
        rows.append(row)
        top = max(row.label.box.bottom, row.mark.bottom) + ROW_GAP
    count = len(shaped)
    first, last = shaped[0][0].model.date, shaped[-1][0].model.date
    title = (f"Timeline of {count} event{'s' if count != 1 else ''}"
             + (f", {first.display()} to {last.display()}" if count > 1 else
                f", {first.display()}"))
    return TimelinePicture(picture_id, width, top + ROW_GAP, AXIS_Y, scale,
                           tuple(scale.ticks(width)), tuple(rows), by_story, site_wide,
                           tooltips, len(events) - count, _legend(rows, scale), title)


def _row(members: list[tuple[Any, DateShape]], scale: TimeScale, top: float, site_wide: bool,
         by_story: bool, width: float) -> TimelineRow:
    """A row for `members` (one event, or a story's events) starting at `top`."""
    extents = [_extent(event, shape, scale) for event, shape in members]
    x0 = min(extent[0] for extent in extents)
    x1 = max(extent[1] for extent in extents)
    height = max(extent[2] for extent in extents)
    story = members[0][0].story
    text = story.headline if by_story else members[0][0].model.title
    row = lay_row(top, x0, x1, height, text, width)
    marks = tuple(_mark(event, shape, extent, scale, row.mark_y, site_wide)
                  for (event, shape), extent in zip(members, extents, strict=True))
    box = Box(x0, row.mark_y - height / 2, x1 - x0, height)
    return TimelineRow(text, story.slug, marks, box, row.label)


def _extent(event: Any, shape: DateShape, scale: TimeScale) -> tuple[float, float, float]:
    """Left and right edge and height of an event's mark, decorations included."""
    if shape.dot is not None:
        centre = scale.x(shape.dot + 0.5)
        left, right, height = centre - DOT_RADIUS, centre + DOT_RADIUS, 2 * DOT_RADIUS
    else:
        left, right, height = scale.x(shape.span.lo), scale.x(shape.span.hi), BAR_HEIGHT
    if shape.open_start or shape.unknown_start:
        left -= TRAIL
    if shape.open_end or shape.unknown_end:
        right += TRAIL
    if getattr(event.model, "year_inferred", False):
        right += GAP / 2 + 2 * DIAMOND
    return left, right, height


def _mark(event: Any, shape: DateShape, extent: tuple[float, float, float],
          scale: TimeScale, y: float, site_wide: bool) -> EventMark:
    model = event.model
    lo = scale.x(shape.span.lo)
    hi = scale.x(shape.span.hi)
    left, right, height = extent
    bars = [Bar(scale.x(p.lo), y - BAR_HEIGHT / 2, scale.x(p.hi) - scale.x(p.lo),
                BAR_HEIGHT, p.style) for p in shape.pieces]
    arrows = []
    trails = []
    if shape.open_start:
        bars.insert(0, Bar(lo - TRAIL + ARROW, y - BAR_HEIGHT / 2, TRAIL - ARROW, BAR_HEIGHT,
                           "solid"))
        arrows.append(_arrow(lo - TRAIL + ARROW, lo - TRAIL, y))
    if shape.open_end:
        bars.append(Bar(hi, y - BAR_HEIGHT / 2, TRAIL - ARROW, BAR_HEIGHT, "solid"))
        arrows.append(_arrow(hi + TRAIL - ARROW, hi + TRAIL, y))
    if shape.unknown_start:
        trails.append((lo - TRAIL, lo - 2, y))
    if shape.unknown_end:
        trails.append((hi + 2, hi + TRAIL, y))
    dot = (scale.x(shape.dot + 0.5), y) if shape.dot is not None else None
    inferred = bool(getattr(model, "year_inferred", False))
    diamond = _diamond(right - DIAMOND, y) if inferred else ""
    classes = ((" tl-approximate" if shape.approximate else "")
               + (" tl-uncertain" if shape.uncertain else "")
               + (" tl-inferred" if inferred else "")).lstrip()
    note = f" ({model.date_note})" if model.date_note else ""
    title = f"{model.date.display()}{note}: {model.title}"
    if site_wide:
        title += f" (from {event.story.headline})"
        href = f"#{event.story.slug}-{event.id}"
    else:
        href = f"#{event.id}"
    return EventMark(href, title, shape, (lo, hi), tuple(bars), dot, tuple(arrows),
                     tuple(trails), diamond, Box(left, y - height / 2, right - left, height),
                     classes)


def _arrow(base: float, tip: float, y: float) -> str:
    half = BAR_HEIGHT / 2 + 2
    return " ".join(f"{x:.1f},{yy:.1f}" for x, yy in ((base, y - half), (tip, y),
                                                       (base, y + half)))


def _diamond(x: float, y: float) -> str:
    return " ".join(f"{px:.1f},{py:.1f}" for px, py in (
        (x, y - DIAMOND), (x + DIAMOND, y), (x, y + DIAMOND), (x - DIAMOND, y)))


def _legend(rows: list[TimelineRow], scale: TimeScale) -> tuple[str, ...]:
    """The legend's keys for what this picture draws."""
    marks = [mark for row in rows for mark in row.marks]
    shapes = [mark.shape for mark in marks]
    present = {
        "day": any(s.dot is not None for s in shapes),
        "within": any(p.style == "within" for s in shapes for p in s.pieces),
        "range": any(p.style == "solid" for s in shapes for p in s.pieces),
        "approximate": any(s.approximate for s in shapes),
        "uncertain": any(s.uncertain for s in shapes),
        "inferred": any(mark.inferred for mark in marks),
        "open": any(s.open_start or s.open_end for s in shapes),
        "unknown": any(s.unknown_start or s.unknown_end for s in shapes),
        "break": bool(scale.breaks),
    }
    return tuple(key for key, shown in present.items() if shown)
