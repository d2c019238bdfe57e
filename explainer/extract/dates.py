"""Date expressions and their EDTF values.

News dates come in a few shapes: full dates ("Tuesday, September 22, 2015"), month-day with the
year left to the reader ("September 19-20"), month-year, bare years, periods ("the first eight
months of 2016"), and expressions relative to the publication day ("yesterday", "last week",
"on Tuesday", "two years ago"). Each shape is one regular expression; the value is built as an
EDTF string (Library of Congress Extended Date/Time Format) by construction, because the `edtf`
parser costs milliseconds a call (the tests check every produced string with it).

A missing year is taken from the article date, else from the latest year written before the
expression (`year_inferred=True`), else left unspecified ("XXXX-09-20"). Relative expressions
are resolved only against a known article date; without one their value stays None: the day is
not invented.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Final

from .lexicon import MONTHS, NUMBER_WORDS, WEEKDAYS
from .model import DateMention
from .text import Document

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_NUM_WORD = r"(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r"|a|an|\d+)"
_DASH = r"\s*[-\u2013\u2014]\s*"
_SEASON = r"(?:spring|summer|autumn|fall|winter)"
# a year followed by a lower-case content word is a count ("1709 schoolchildren"); these function
# words may follow a year
_NOT_NOUN = (
    r"(?:and|or|but|as|was|were|is|are|has|had|have|its|this|his|her|their|the|for|with|from|when|after|before"
    r"|until|through|to|of|in|on|at|by|saw|will|would|onwards|onward|alone|season|census|elections?)"
)
_SEASON_CODE: Final = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}

_PATTERNS: Final[list[tuple[str, re.Pattern[str]]]] = [
    (
        "month_day_range",
        re.compile(
            rf"\b(?:(?P<wd>{_WEEKDAY}),?\s+)?(?P<m>{_MONTH})\s+(?P<d1>{_DAY}){_DASH}(?P<d2>{_DAY})\b(?:,?\s+(?P<y>{_YEAR}))?"
        ),
    ),
    (
        "full_mdy",
        re.compile(
            rf"\b(?:(?P<wd>{_WEEKDAY}),?\s+)?(?P<m>{_MONTH})\s+(?P<d>{_DAY})\b(?:,?\s+(?P<y>{_YEAR})\b)?"
        ),
    ),
    (
        "full_dmy",
        re.compile(
            rf"\b(?:(?P<wd>{_WEEKDAY}),?\s+)?(?P<d>{_DAY})\s+(?P<m>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?\b"
        ),
    ),
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
    (
        "first_months",
        re.compile(
            rf"\b(?:the\s+)?first\s+(?P<n>{_NUM_WORD})\s+months\s+of\s+(?P<y>{_YEAR})\b", re.I
        ),
    ),
    (
        "half",
        re.compile(rf"\b(?:the\s+)?(?P<which>first|second)\s+half\s+of\s+(?P<y>{_YEAR})\b", re.I),
    ),
    ("month_year", re.compile(rf"\b(?P<m>{_MONTH})\s+(?:of\s+)?(?P<y>{_YEAR})\b")),
    ("decade", re.compile(r"\b(?:the\s+)?(?P<y>1[5-9]\d0|20\d0)s\b")),
    (
        "ago",
        re.compile(
            rf"\b(?P<n>{_NUM_WORD})\s+(?P<u>days?|weeks?|months?|years?|decades?)\s+ago\b", re.I
        ),
    ),
    (
        "past_n",
        re.compile(
            rf"\b(?:the\s+)?(?:past|last)\s+(?P<n>{_NUM_WORD}|few|several)\s+(?P<u>days|weeks|months|years)\b",
            re.I,
        ),
    ),
    (
        "this_next_last",
        re.compile(
            rf"\b(?P<rel>this|last|next|coming)\s+(?P<u>week|weekend|month|year|years|{_SEASON}|{_WEEKDAY})(?:'s)?\b",
            re.I,
        ),
    ),
    ("end_of_year", re.compile(r"\b(?:the\s+end\s+of\s+the\s+year|year[- ]end)\b", re.I)),
    ("deictic", re.compile(r"\b(?P<w>yesterday|today|tomorrow|tonight)\b", re.I)),
    ("weekday", re.compile(rf"\b(?P<wd>{_WEEKDAY})\b")),
    (
        "time",
        re.compile(
            r"\b(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?:\s*(?P<z>GMT|UTC|a\.?m\.?|p\.?m\.?))?", re.I
        ),
    ),
    (
        "year",
        re.compile(
            rf"(?<![\d,.$/])(?<!/\s)\b(?P<y>{_YEAR})\b(?![,.]?\d)(?!\s*/)"
            r"(?!\s*(?:-\s*)?(?:years?|year-old|%|percent|per cent|km|m\b|kg|people|meters|metres))"
            rf"(?!\s+(?!{_NOT_NOUN}\b)(?![a-z]+ed\b)[a-z]{{3,}}\b)"
        ),
    ),
]

_FUTURE_WORDS: Final = re.compile(
    r"\b(?:will|is to|are to|plans?|planned|going to|next|scheduled|expected)\b", re.I
)


@dataclass(frozen=True, slots=True)
class _Match:
    kind: str
    start: int
    end: int
    groups: dict[str, str | None]


def _num(word: str) -> int | None:
    w = word.lower()
    if w.isdigit():
        return int(w)
    if w in ("a", "an"):
        return 1
    return NUMBER_WORDS.get(w)


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _day(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _iso(d: dt.date) -> str:
    return d.isoformat()


def _interval(a: dt.date, b: dt.date) -> str:
    return f"{a.isoformat()}/{b.isoformat()}"


def _valid_day(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]


def _matches(text: str) -> list[_Match]:
    """All pattern matches, longest first where they overlap."""
    found: list[_Match] = []
    for kind, pat in _PATTERNS:
        for hit in pat.finditer(text):
            found.append(_Match(kind, hit.start(), hit.end(), hit.groupdict()))
    found.sort(key=lambda x: (x.start, -(x.end - x.start)))
    out: list[_Match] = []
    taken_end = -1
    for m in found:
        if m.start < taken_end:
            continue
        out.append(m)
        taken_end = m.end
    return out


def find_article_date(doc: Document) -> str | None:
    """The publication date from a dateline paragraph near the top ("Saturday, October 9, 2010")."""
    for para in doc.paragraphs[:4]:
        chunk = doc.text[para.start : para.end].strip()
        ms = _matches(chunk)
        if len(ms) == 1 and ms[0].kind == "full_mdy" and ms[0].end - ms[0].start >= len(chunk) - 1:
            g = ms[0].groups
            if g.get("y"):
                y, mo, d = int(g["y"] or 0), _month(g["m"] or ""), _day(g["d"] or "")
                if _valid_day(y, mo, d):
                    return _iso(dt.date(y, mo, d))
    return None


class _Resolver:
    """Builds EDTF values; `anchor` is the article date, `text` gives context for missing years."""

    def __init__(
        self, text: str, anchor: dt.date | None, explicit_years: list[tuple[int, int]]
    ) -> None:
        self.text = text
        self.anchor = anchor
        self.years = explicit_years  # (offset, year) of written years

    def _context_year(self, offset: int, month: int | None) -> tuple[str, bool]:
        """The year of a month-day without one: (year or "XXXX", inferred?)."""
        if self.anchor is not None:
            year = self.anchor.year
            if month is not None and month > self.anchor.month + 2:
                year -= 1  # "December 12" in a February article is last December
            return str(year), True
        before = [y for off, y in self.years if off < offset]
        if before:
            return str(before[-1]), True
        return "XXXX", False

    def _future(self, start: int) -> bool:
        lo = self.text.rfind(".", 0, start) + 1
        hi = self.text.find(".", start)
        return bool(_FUTURE_WORDS.search(self.text[lo : hi if hi > 0 else len(self.text)]))

    def value(self, m: _Match) -> tuple[str | None, bool, bool]:
        """(edtf, year_inferred, relative) for a match."""
        g = m.groups
        a = self.anchor
        kind = m.kind
        if kind in ("full_mdy", "full_dmy", "iso"):
            mo = _month(g["m"] or "") if kind != "iso" else int(g["m"] or 0)
            d = _day(g["d"] or "")
            if g.get("y"):
                y = int(g["y"] or 0)
                return (_iso(dt.date(y, mo, d)) if _valid_day(y, mo, d) else None), False, False
            year, inferred = self._context_year(m.start, mo)
            if year == "XXXX":
                return f"XXXX-{mo:02d}-{d:02d}", False, False
            return (
                (f"{year}-{mo:02d}-{d:02d}" if _valid_day(int(year), mo, d) else None),
                inferred,
                False,
            )
        if kind == "month_day_range":
            mo = _month(g["m"] or "")
            d1, d2 = _day(g["d1"] or ""), _day(g["d2"] or "")
            inferred = False
            year = g.get("y") or ""
            if not year:
                year, inferred = self._context_year(m.start, mo)
            return f"{year}-{mo:02d}-{d1:02d}/{year}-{mo:02d}-{d2:02d}", inferred, False
        if kind == "month_year":
            return f"{int(g['y'] or 0)}-{_month(g['m'] or ''):02d}", False, False
        if kind == "year":
            return g["y"], False, False
        if kind == "decade":
            return (g["y"] or "")[:3] + "X", False, False
        if kind == "first_months":
            n = _num(g["n"] or "")
            if n is None or not 1 <= n <= 12:
                return None, False, False
            return f"{g['y']}-01/{g['y']}-{n:02d}", False, False
        if kind == "half":
            hy = g["y"] or ""
            return (
                (
                    f"{hy}-01/{hy}-06"
                    if (g["which"] or "").lower() == "first"
                    else f"{hy}-07/{hy}-12"
                ),
                False,
                False,
            )
        if kind == "time":
            return None, False, False
        # relative expressions
        if a is None:
            return None, False, True
        if kind == "deictic":
            w = (g["w"] or "").lower()
            delta = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[w]
            return _iso(a + dt.timedelta(days=delta)), False, True
        if kind == "weekday":
            target = WEEKDAYS[(g["wd"] or "").lower()]
            diff = (a.weekday() - target) % 7
            if self._future(m.start) and diff:
                return _iso(a + dt.timedelta(days=7 - diff)), False, True
            return _iso(a - dt.timedelta(days=diff)), False, True
        if kind == "ago":
            n = _num(g["n"] or "")
            unit = (g["u"] or "").lower().rstrip("s")
            if n is None:
                return None, False, True
            if unit == "day":
                return _iso(a - dt.timedelta(days=n)), False, True
            if unit == "week":
                return _iso(a - dt.timedelta(weeks=n)), False, True
            if unit == "month":
                total = a.year * 12 + a.month - 1 - n
                return f"{total // 12}-{total % 12 + 1:02d}", False, True
            years = n * (10 if unit == "decade" else 1)
            return str(a.year - years), False, True
        if kind == "past_n":
            n = _num(g["n"] or "")
            unit = (g["u"] or "").lower()
            if n is None or unit != "days":
                return None, False, True
            return _interval(a - dt.timedelta(days=n), a), False, True
        if kind == "end_of_year":
            return f"{a.year}-12", False, True
        if kind == "this_next_last":
            return (
                self._this_next_last((g["rel"] or "").lower(), (g["u"] or "").lower(), m.start),
                False,
                True,
            )
        return None, False, True

    def _this_next_last(self, rel: str, unit: str, start: int) -> str | None:
        a = self.anchor
        assert a is not None
        step = {"this": 0, "coming": 1, "next": 1, "last": -1}[rel]
        if unit in ("year", "years"):
            return str(a.year + step)
        if unit == "month":
            total = a.year * 12 + a.month - 1 + step
            return f"{total // 12}-{total % 12 + 1:02d}"
        if unit == "week":
            monday = a - dt.timedelta(days=a.weekday()) + dt.timedelta(weeks=step)
            return _interval(monday, monday + dt.timedelta(days=6))
        if unit == "weekend":
            monday = a - dt.timedelta(days=a.weekday())
            saturday = monday + dt.timedelta(days=5)
            if step == 0 and a.weekday() <= 2:
                saturday -= dt.timedelta(weeks=1)  # early in the week, "this weekend" has passed
            saturday += dt.timedelta(weeks=step if step != 0 else 0)
            return _interval(saturday, saturday + dt.timedelta(days=1))
        if unit in _SEASON_CODE:
            year = a.year + step
            if (
                rel == "last"
                and _SEASON_CODE[unit] < 24
                and a.month >= {21: 6, 22: 9, 23: 12}[_SEASON_CODE[unit]]
            ):
                year = a.year  # "last summer" in October is this year's summer
            return f"{year}-{_SEASON_CODE[unit]}"
        if unit.capitalize() in WEEKDAYS or unit in WEEKDAYS:
            target = WEEKDAYS[unit]
            diff = (a.weekday() - target) % 7 or 7
            if step < 0:
                return _iso(a - dt.timedelta(days=diff))
            ahead = (target - a.weekday()) % 7 or 7
            return _iso(a + dt.timedelta(days=ahead))
        return None


def find_dates(doc: Document, article_date: str | None) -> tuple[DateMention, ...]:
    """Every date expression of the article with its EDTF value."""
    text = doc.text
    anchor: dt.date | None = None
    if article_date:
        try:
            anchor = dt.date.fromisoformat(article_date[:10])
        except ValueError:
            anchor = None
    matches = _matches(text)
    years = [
        (m.start, int(m.groups["y"] or 0))
        for m in matches
        if m.groups.get("y") and m.kind not in ("time",) and (m.groups["y"] or "").isdigit()
    ]
    resolver = _Resolver(text, anchor, years)
    out: list[DateMention] = []
    for m in matches:
        value, inferred, relative = resolver.value(m)
        out.append(DateMention(text[m.start : m.end], m.start, m.end, value, inferred, relative))
    return tuple(out)
