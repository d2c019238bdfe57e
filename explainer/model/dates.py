"""Partial, approximate and ranged dates in EDTF, shown with honest precision.

Dates are written in the Library of Congress Extended Date/Time Format (EDTF): "2015",
"2016-09", "2016-09-19/2016-09-20", "2015/2016-08", "2016-09~" (approximate), "2016?"
(uncertain), "2016-09-21/.." (open end), "2016-21" (spring 2016: EDTF writes seasons, quarters
and halves of a year as months 21-41). A day is never shown unless it was written.

The `edtf` package is the reference parser, but it costs 3-7 ms a string (pyparsing), which
would dominate generation for a large site. The common forms above are parsed here with one
regular expression and checked against `edtf` in the tests; seasons are validated by `edtf`;
anything else falls back to `edtf` (validated, shown as written).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from typing import Any

MONTHS = [
    "", "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
]

#: EDTF's "months" 21-41 (level 1: seasons; level 2: seasons of either hemisphere, quarters,
#: quadrimesters, semesters): the words shown for them, and their first and last months (the
#: `edtf` package's, so that they sort within their year as it orders them).
SEASONS: dict[int, tuple[str, int, int]] = {
    21: ("spring {year}", 3, 5), 22: ("summer {year}", 6, 8),
    23: ("autumn {year}", 9, 11), 24: ("winter {year}", 12, 12),
    25: ("spring {year} (northern hemisphere)", 3, 5),
    26: ("summer {year} (northern hemisphere)", 6, 8),
    27: ("autumn {year} (northern hemisphere)", 9, 11),
    28: ("winter {year} (northern hemisphere)", 12, 12),
    29: ("spring {year} (southern hemisphere)", 9, 11),
    30: ("summer {year} (southern hemisphere)", 12, 12),
    31: ("autumn {year} (southern hemisphere)", 3, 5),
    32: ("winter {year} (southern hemisphere)", 6, 8),
    33: ("first quarter of {year}", 1, 3), 34: ("second quarter of {year}", 4, 6),
    35: ("third quarter of {year}", 7, 9), 36: ("fourth quarter of {year}", 10, 12),
    37: ("January–April {year}", 1, 4), 38: ("May–August {year}", 5, 8),
    39: ("September–December {year}", 9, 12),
    40: ("first half of {year}", 1, 6), 41: ("second half of {year}", 7, 12),
}

_POINT = r"(?P<{p}y>\d{{4}})(?:-(?P<{p}m>\d{{2}})(?:-(?P<{p}d>\d{{2}}))?)?(?P<{p}q>[?~%])?"
_SINGLE = re.compile("^" + _POINT.format(p="a") + "$")
_INTERVAL = re.compile(
    "^(?:" + _POINT.format(p="a") + r"|(?P<aopen>\.\.)|(?P<aunk>))/"
    "(?:" + _POINT.format(p="b") + r"|(?P<bopen>\.\.)|(?P<bunk>))$"
)


class DateError(ValueError):
    pass


@dataclass(frozen=True)
class DatePoint:
    """One calendar point at year, month or day precision, or a season of a year (EDTF's
    21-41, a key of `SEASONS`)."""

    year: int
    month: int | None = None
    day: int | None = None
    uncertain: bool = False
    approximate: bool = False
    season: int | None = None

    @property
    def precision(self) -> str:
        if self.season:
            return "season"
        return "day" if self.day else "month" if self.month else "year"

    def iso(self) -> str:
        """The HTML `<time datetime>` value: only as precise as written (a season: its year,
        as HTML has no form for a season)."""
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def earliest(self) -> tuple[int, int, int]:
        if self.season:
            return (self.year, SEASONS[self.season][1], 1)
        return (self.year, self.month or 1, self.day or 1)

    def latest(self) -> tuple[int, int, int]:
        month = SEASONS[self.season][2] if self.season else self.month or 12
        return (self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def text(self, with_year: bool = True, with_month: bool = True) -> str:
        if self.season:  # never shortened: the compact forms below are for days and months
            return SEASONS[self.season][0].format(year=self.year)
        parts = []
        if self.day:
            parts.append(str(self.day))
        if self.month and with_month:
            parts.append(MONTHS[self.month])
        if with_year:
            parts.append(str(self.year))
        return " ".join(parts)

    @property
    def qualifier(self) -> str:
        if self.uncertain and self.approximate:
            return "approximate, uncertain"
        if self.approximate:
            return "approximate"
        if self.uncertain:
            return "uncertain"
        return ""


@dataclass(frozen=True)
class FuzzyDate:
    """A date or interval as written in EDTF, with what is known and what is not."""

    edtf: str
    start: DatePoint | None
    end: DatePoint | None
    open_start: bool = False
    open_end: bool = False
    is_interval: bool = False
    #: Forms beyond the common ones (unspecified digits, sets, ...) are shown as written.
    verbatim: bool = False

    def __str__(self) -> str:
        return self.edtf

    @property
    def sort_key(self) -> tuple[tuple[int, int, int], tuple[int, int, int], str]:
        first = self.start or self.end
        low = first.earliest() if first else (0, 0, 0)
        high = self.end.latest() if self.end else (9999, 12, 31)
        return (low, high, self.edtf)

    @property
    def year(self) -> int | None:
        point = self.start or self.end
        return point.year if point else None

    def display(self) -> str:
        """English text at the precision written: '19–20 September 2016', 'January–August 2016'."""
        return "".join(text for text, _ in self._pieces())

    def html(self) -> str:
        """The same text in `<time datetime>` elements (machine-readable, no day invented)."""
        out = []
        for text, point in self._pieces():
            if point is None:
                out.append(escape(text))
            else:
                out.append(f'<time datetime="{point.iso()}">{escape(text)}</time>')
        return "".join(out)

    def _pieces(self) -> list[tuple[str, DatePoint | None]]:
        if self.verbatim:
            return [(self.edtf, None)]
        if not self.is_interval:
            if self.start is None:
                return [(self.edtf, None)]
            return [(self.start.text(), self.start), *_qualifier_piece(self.start)]
        a, b = self.start, self.end
        if a is None and b is None:
            return [("date unknown", None)]
        if a is None:
            lead = "until " if self.open_start else "unknown start – "
            assert b is not None
            return [(lead, None), (b.text(), b), *_qualifier_piece(b)]
        if b is None:
            tail = "from " if self.open_end else ""
            pieces: list[tuple[str, DatePoint | None]] = [(tail, None), (a.text(), a)]
            if not self.open_end:
                pieces.append((" – unknown end", None))
            return pieces + _qualifier_piece(a)
        same_year = a.year == b.year
        same_month = same_year and a.month == b.month and a.month is not None
        compact = a.precision == b.precision and not a.qualifier and not b.qualifier
        if compact and same_month and a.precision == "day":
            first = a.text(with_year=False, with_month=False)
            return [(first, a), ("–", None), (b.text(), b)]
        if compact and same_year and a.precision in ("day", "month"):
            first = a.text(with_year=False)
            return [(first, a), ("–", None), (b.text(), b)]
        if compact and a.precision == "year":
            return [(a.text(), a), ("–", None), (b.text(), b)]
        return [(a.text(), a), *_qualifier_piece(a), (" – ", None), (b.text(), b),
                *_qualifier_piece(b)]


def _qualifier_piece(point: DatePoint) -> list[tuple[str, DatePoint | None]]:
    return [(f" ({point.qualifier})", None)] if point.qualifier else []


def _point(match: re.Match[str], prefix: str) -> DatePoint | None:
    year = match.group(prefix + "y")
    if year is None:
        return None
    month = match.group(prefix + "m")
    day = match.group(prefix + "d")
    qualifier = match.group(prefix + "q") or ""
    if _season(match, prefix):  # already validated by `edtf` (which has no qualified season)
        return DatePoint(int(year), season=int(month))
    point = DatePoint(
        int(year), int(month) if month else None, int(day) if day else None,
        uncertain=qualifier in "?%" and qualifier != "",
        approximate=qualifier in "~%" and qualifier != "",
    )
    if point.month is not None and not 1 <= point.month <= 12:
        raise DateError(f"month {point.month:02d} does not exist")
    if point.day is not None:
        assert point.month is not None
        last = calendar.monthrange(point.year, point.month)[1]
        if not 1 <= point.day <= last:
            raise DateError(f"{MONTHS[point.month]} {point.year} has no day {point.day}")
    return point


def _season(match: re.Match[str], prefix: str) -> bool:
    """EDTF writes seasons as months 21-41 ("2016-21", spring 2016)."""
    month = match.group(prefix + "m")
    return month is not None and match.group(prefix + "d") is None and month in _SEASON_MONTHS


_SEASON_MONTHS = frozenset(str(number) for number in SEASONS)


@lru_cache(maxsize=65536)
def parse_date(value: str) -> FuzzyDate:
    """Parse an EDTF string; raise DateError with a message an editor can act on."""
    text = value.strip()
    match = _SINGLE.match(text)
    if match:
        if _season(match, "a"):
            _parse_edtf(text)  # the rules for seasons (no qualifier, ...) are the package's
        return FuzzyDate(text, _point(match, "a"), _point(match, "a"))
    match = _INTERVAL.match(text)
    if match:
        if _season(match, "a") or _season(match, "b"):
            _parse_edtf(text)
        start, end = _point(match, "a"), _point(match, "b")
        if start and end and start.earliest() > end.latest():
            raise DateError(f"interval '{text}' ends before it starts")
        return FuzzyDate(text, start, end, open_start=bool(match.group("aopen")),
                         open_end=bool(match.group("bopen")), is_interval=True)
    return _parse_with_edtf(text)


def _parse_edtf(text: str) -> Any:
    """The `edtf` package's reading of `text`; DateError if it is not EDTF."""
    from edtf import parse_edtf
    from edtf.parser.edtf_exceptions import EDTFParseException

    try:
        return parse_edtf(text)
    except (EDTFParseException, ValueError, TypeError):
        raise DateError(
            f"'{text}' is not an EDTF date; write e.g. 2016, 2016-09, 2016-09-19, "
            "2016-09-19/2016-09-20 (a range), 2016-01/2016-08, 2016-21 (spring), "
            "2016~ (approximate) or 2016? (uncertain)") from None


def _parse_with_edtf(text: str) -> FuzzyDate:
    """A form only the `edtf` package reads, shown as written. Its bounds may be infinite
    (a set open at one end, "[..1760-12-03]"): that end is open."""
    parsed = _parse_edtf(text)
    low, high = parsed.lower_strict(), parsed.upper_strict()
    start = None if isinstance(low, float) else DatePoint(low.tm_year, low.tm_mon, low.tm_mday)
    end = None if isinstance(high, float) else DatePoint(high.tm_year, high.tm_mon, high.tm_mday)
    return FuzzyDate(text, start, end, open_start=start is None, open_end=end is None,
                     is_interval=True, verbatim=True)
