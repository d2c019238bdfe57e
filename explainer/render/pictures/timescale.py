"""A time axis for partial dates: days as numbers, long gaps cut out, ticks that fit.

Every date is a span of whole days, half-open (`lo` inclusive, `hi` exclusive): a day is one
day long, "2016-09" the days of September 2016, "2015" the days of 2015. The axis maps days to
x positions; where nothing happens for a long time (the gap dwarfs the stretches with events,
and is over a year), that stretch is cut out and drawn as a break, and each stretch with events
keeps a readable width.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from itertools import pairwise

from ...model.dates import MONTHS, DatePoint
from .text import text_width

#: A gap is cut out of the axis when longer than this many days and than
#: GAP_FACTOR times the days that have events.
MIN_GAP_DAYS = 366
GAP_FACTOR = 2
BREAK_WIDTH = 28.0
#: Each stretch of the axis gets at least this share of the width, and this many pixels:
#: where there would be more stretches than fit, the shortest gaps are not cut out.
MIN_SEGMENT_SHARE = 0.18
MIN_SEGMENT_WIDTH = 64.0
TICK_FONT = 12.0
TICK_LABEL_OFFSET = 3.0
TICK_LABEL_GAP = 10.0
#: Steps closer than this cannot hold even the shortest labels ("Jan", "2015"): not tried.
MIN_TICK_SPACING = 34.0
_UNIT_DAYS = {"day": 1.0, "month": 30.44, "year": 365.25}


def day_number(year: int, month: int, day: int) -> int:
    """Days since 1970-01-01 in the proleptic Gregorian calendar, for any year (Howard
    Hinnant's days_from_civil; EDTF allows years Python's `date` does not)."""
    year -= month <= 2
    era = year // 400
    year_of_era = year - era * 400
    day_of_year = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    day_of_era = year_of_era * 365 + year_of_era // 4 - year_of_era // 100 + day_of_year
    return era * 146097 + day_of_era - 719468


def civil(days: int) -> tuple[int, int, int]:
    """(year, month, day) of a day number (the inverse of day_number)."""
    days += 719468
    era = days // 146097
    day_of_era = days - era * 146097
    year_of_era = (day_of_era - day_of_era // 1460 + day_of_era // 36524
                   - day_of_era // 146096) // 365
    day_of_year = day_of_era - (365 * year_of_era + year_of_era // 4 - year_of_era // 100)
    mp = (5 * day_of_year + 2) // 153
    day = day_of_year - (153 * mp + 2) // 5 + 1
    month = mp + (3 if mp < 10 else -9)
    return year_of_era + era * 400 + (month <= 2), month, day


@dataclass(frozen=True)
class Span:
    """Whole days from `lo` up to, not including, `hi`."""

    lo: int
    hi: int


def point_span(point: DatePoint) -> Span:
    """The days a date written at year, month or day precision can be."""
    return Span(day_number(*point.earliest()), day_number(*point.latest()) + 1)


@dataclass(frozen=True)
class Segment:
    """A stretch of days drawn from x0 to x1."""

    lo: int
    hi: int
    x0: float
    x1: float

    def x(self, day: float) -> float:
        return self.x0 + (day - self.lo) * (self.x1 - self.x0) / (self.hi - self.lo)


@dataclass(frozen=True)
class Break:
    """Days left out between two segments, drawn as a gap from x0 to x1."""

    lo: int
    hi: int
    x0: float
    x1: float

    @property
    def label(self) -> str:
        """How much time is left out, in words ("13 years", "5 months")."""
        years = (self.hi - self.lo) / 365.2425
        if years >= 1.5:
            return f"about {round(years)} years"
        months = round(years * 12)
        return f"about {months} months" if months > 1 else "about a month"


@dataclass(slots=True)
class Tick:
    x: float
    label: str  # "" for a tick whose label would not fit
    label_x: float
    label_width: float


@dataclass(frozen=True)
class TimeScale:
    segments: tuple[Segment, ...]
    breaks: tuple[Break, ...]
    starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "starts", tuple(s.lo for s in self.segments))

    @property
    def x0(self) -> float:
        return self.segments[0].x0

    @property
    def x1(self) -> float:
        return self.segments[-1].x1

    def x(self, day: float) -> float:
        """The x of a day (a day inside a break sits at the break's middle: events never do)."""
        index = bisect.bisect_right(self.starts, day) - 1
        if index < 0:
            return self.x0
        segment = self.segments[index]
        if day <= segment.hi:
            return segment.x0 + (day - segment.lo) * (segment.x1 - segment.x0) / (
                segment.hi - segment.lo)
        if index + 1 < len(self.segments):
            gap = self.breaks[index]
            return (gap.x0 + gap.x1) / 2
        return self.x1

    def ticks(self, limit: float) -> list[Tick]:
        """Ticks of every segment. A label runs at most to its segment's end (not into a
        break), or to `limit`, the picture's edge: one that would not fit is shortened to its
        year, or left out, so no two labels overlap and none leaves the picture."""
        out: list[Tick] = []
        for index, segment in enumerate(self.segments):
            ticks = _segment_ticks(segment)
            for position, tick in enumerate(ticks):
                following = (ticks[position + 1].label_x if position + 1 < len(ticks)
                             else segment.x1 + TICK_LABEL_GAP if index + 1 < len(self.segments)
                             else limit + TICK_LABEL_GAP)
                out.append(_fitted(tick, following - TICK_LABEL_GAP))
        return out


def _fitted(tick: Tick, right: float) -> Tick:
    """The tick, its label shortened to the year (the last word) or dropped where it would
    run past `right`."""
    if not tick.label or tick.label_x + tick.label_width <= right:
        return tick
    year = tick.label.split()[-1]
    if year.isdigit() and len(year) >= 3:
        width = text_width(year, TICK_FONT)
        if tick.label_x + width <= right:
            return Tick(tick.x, year, tick.label_x, width)
    return Tick(tick.x, "", tick.label_x, 0.0)


def clusters(spans: list[Span]) -> list[Span]:
    """Spans merged where they overlap or touch, in order."""
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.lo, s.hi)):
        if merged and span.lo <= merged[-1].hi:
            last = merged[-1]
            merged[-1] = Span(last.lo, max(last.hi, span.hi))
        else:
            merged.append(span)
    return merged


def stretches(spans: list[Span], most: int = 1000) -> list[Span]:
    """The stretches of days the axis shows: clusters of events, joined across every gap that
    is not long enough to cut out (see MIN_GAP_DAYS and GAP_FACTOR), and across the shortest
    gaps while there are more than `most` stretches."""
    parts = clusters(spans)
    busy = sum(part.hi - part.lo for part in parts)
    longest_kept = max(MIN_GAP_DAYS, GAP_FACTOR * busy)
    joined: list[Span] = []
    for part in parts:
        if joined and part.lo - joined[-1].hi <= longest_kept:
            joined[-1] = Span(joined[-1].lo, part.hi)
        else:
            joined.append(part)
    while len(joined) > max(most, 1):
        gaps = [(b.lo - a.hi, index) for index, (a, b) in enumerate(pairwise(joined))]
        _, index = min(gaps)
        joined[index:index + 2] = [Span(joined[index].lo, joined[index + 1].hi)]
    return joined


def make_scale(spans: list[Span], x0: float, x1: float) -> TimeScale:
    """An axis from x0 to x1 showing every span; long empty stretches become breaks. Each
    stretch is widened to whole months or years when it is long enough for such ticks, and
    gets a width in proportion to the events in it (at least MIN_SEGMENT_SHARE): a stretch
    of days crowded with events is not squeezed by a year that holds one."""
    most = int((x1 - x0 + BREAK_WIDTH) // (MIN_SEGMENT_WIDTH + BREAK_WIDTH))
    parts = clusters([_nice(part) for part in stretches(spans, most)])
    weights = [sum(1 for span in spans if part.lo <= span.lo < part.hi) or 1 for part in parts]
    available = x1 - x0 - BREAK_WIDTH * (len(parts) - 1)
    widths = _shares(weights, available)
    segments: list[Segment] = []
    breaks: list[Break] = []
    x = x0
    for index, (part, width) in enumerate(zip(parts, widths, strict=True)):
        if index:
            breaks.append(Break(parts[index - 1].hi, part.lo, x, x + BREAK_WIDTH))
            x += BREAK_WIDTH
        segments.append(Segment(part.lo, part.hi, x, x + width))
        x += width
    return TimeScale(tuple(segments), tuple(breaks))


def _nice(span: Span) -> Span:
    """A stretch of over three years widened to whole years, of over two months to whole
    months (so the axis starts and ends on a labelled tick); shorter ones stay as they are."""
    days = span.hi - span.lo
    if days <= 61:
        return span
    first, last = civil(span.lo), civil(span.hi - 1)
    if days > 3 * 365:
        return Span(day_number(first[0], 1, 1), day_number(last[0] + 1, 1, 1))
    after = (last[0] + (last[1] == 12), last[1] % 12 + 1)
    return Span(day_number(first[0], first[1], 1), day_number(*after, 1))


def _shares(weights: list[int], available: float) -> list[float]:
    """`available` split in proportion to `weights`, each part at least a minimum share."""
    minimum = available * min(MIN_SEGMENT_SHARE, 1 / len(weights))
    fixed: set[int] = set()
    while True:
        free = [i for i in range(len(weights)) if i not in fixed]
        if not free:
            return [available / len(weights)] * len(weights)
        room = available - minimum * len(fixed)
        total = sum(weights[i] for i in free)
        small = [i for i in free if weights[i] * room / total < minimum]
        if not small:
            return [minimum if i in fixed else weights[i] * room / total
                    for i in range(len(weights))]
        fixed.update(small)


# Tick steps from fine to coarse: (unit, count).
_STEPS = (("day", 1), ("day", 2), ("day", 7), ("day", 14), ("month", 1), ("month", 2),
          ("month", 3), ("month", 6), ("year", 1), ("year", 2), ("year", 5), ("year", 10),
          ("year", 20), ("year", 50), ("year", 100), ("year", 200), ("year", 500),
          ("year", 1000))


def _segment_ticks(segment: Segment) -> list[Tick]:
    """Ticks at the finest step whose labels fit side by side, plus one at the segment's first
    day when that is not a step (its label left out if it would crowd the next one)."""
    per_day = (segment.x1 - segment.x0) / (segment.hi - segment.lo)
    for unit, count in _STEPS:
        if _UNIT_DAYS[unit] * count * per_day < MIN_TICK_SPACING:
            continue
        days = _tick_days(segment, unit, count)
        with_start = [segment.lo, *days] if not days or days[0] != segment.lo else days
        for shown in (with_start, days):
            ticks = _labelled(segment, shown, unit)
            if ticks and _fit(ticks):
                if shown is days and with_start is not days:
                    ticks.insert(0, Tick(segment.x0, "", segment.x0, 0.0))
                return ticks
    return [Tick(segment.x0, "", segment.x0, 0.0)]


def _labelled(segment: Segment, days: list[int], unit: str) -> list[Tick]:
    labels = _tick_labels(days, unit)
    return [Tick(x, label, x + TICK_LABEL_OFFSET, text_width(label, TICK_FONT))
            for x, label in zip((segment.x(d) for d in days), labels, strict=True)]


def _fit(ticks: list[Tick]) -> bool:
    return all(a.label_x + a.label_width + TICK_LABEL_GAP <= b.label_x
               for a, b in pairwise(ticks))


def _tick_days(segment: Segment, unit: str, count: int) -> list[int]:
    """Day numbers in the segment where a unit starts, every `count` units (aligned: months
    1, 4, 7, 10 for quarters; years divisible by the count)."""
    year, month, day = civil(segment.lo)
    if unit == "day":
        return list(range(segment.lo, segment.hi, count))
    out: list[int] = []
    if unit == "month":
        index = year * 12 + month - 1 + (day != 1)
        index += (-index) % count
        while (tick := day_number(index // 12, index % 12 + 1, 1)) < segment.hi:
            out.append(tick)
            index += count
        return out
    start = year + ((month, day) != (1, 1))
    start += (-start) % count
    while (tick := day_number(start, 1, 1)) < segment.hi:
        out.append(tick)
        start += count
    return out


def _tick_labels(days: list[int], unit: str) -> list[str]:
    """'2015'; 'Jan 2016', 'Feb', ...; '19 Sep 2016', '20 Sep', ...: the year and month are
    repeated only where they change."""
    labels = []
    previous: tuple[int, int, int] | None = None
    for day_value in days:
        year, month, day = civil(day_value)
        short = MONTHS[month][:3]
        if unit == "year" and (month, day) == (1, 1):
            labels.append(str(year))
        elif unit in ("year", "month") and day == 1:
            labels.append(short if previous and previous[0] == year else f"{short} {year}")
        else:
            new_month = previous is None or previous[:2] != (year, month)
            if previous is None or previous[0] != year:
                labels.append(f"{day} {short} {year}")
            else:
                labels.append(f"{day} {short}" if new_month or unit == "day" else str(day))
        previous = (year, month, day)
    return labels
