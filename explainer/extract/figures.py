"""Figures: numbers in digits or words with their unit, qualifier and what they count.

An explainer shows the numbers of a story ("151 Tajiks accused of terrorism", "about 1,400km of
border"), so each number is read with its neighbours: a qualifier before it ("slightly more
than", "about"), a currency or unit around it ("US$ 20,000", "1,400km", "56 percent"), and the
noun phrase after it, which is what it counts. Vague quantities ("dozens", "hundreds") are kept
with no value. Numbers inside date expressions are left to dates.py; ordinals are not figures.
A small word-number reader is enough for news prose, so no number-parsing package is needed.
"""

from __future__ import annotations

import re
from typing import Final

from .lexicon import AUXILIARIES, NUMBER_WORDS, PREPOSITIONS, SCALE_WORDS
from .model import DateMention, Figure
from .text import Document

_QUALIFIERS: Final = (
    "slightly more than",
    "slightly less than",
    "a little more than",
    "just over",
    "just under",
    "more than",
    "fewer than",
    "less than",
    "at least",
    "at most",
    "up to",
    "approximately",
    "about",
    "around",
    "nearly",
    "almost",
    "roughly",
    "some",
    "over",
    "under",
    "close to",
    "an estimated",
    "as many as",
)
_QUALIFIER_RE: Final = re.compile(
    r"(?:" + "|".join(re.escape(q) for q in _QUALIFIERS) + r")\s+$", re.I
)
_UNITS: Final = {
    "%": "percent",
    "percent": "percent",
    "per cent": "percent",
    "km": "km",
    "kilometres": "km",
    "kilometers": "km",
    "miles": "miles",
    "mile": "miles",
    "m": "m",
    "metres": "m",
    "meters": "m",
    "meter": "m",
    "metre": "m",
    "kg": "kg",
    "kilograms": "kg",
    "tonnes": "tonnes",
    "tons": "tons",
    "hours": "hours",
    "days": "days",
    "weeks": "weeks",
    "months": "months",
    "years": "years",
    "minutes": "minutes",
    "points": "points",
    "votes": "votes",
}
_CURRENCY_RE: Final = re.compile(r"(?:US\$|A\$|C\$|\$|\u20ac|\u00a3|\u00a5)\s?$")
_CURRENCY_WORDS: Final = {
    "euros": "EUR",
    "euro": "EUR",
    "dollars": "USD",
    "pounds": "GBP",
    "rubles": "RUB",
    "somoni": "TJS",
    "yuan": "CNY",
}
_VAGUE: Final = {
    "dozens": None,
    "hundreds": 100.0,
    "thousands": 1000.0,
    "millions": 1e6,
    "billions": 1e9,
    "a dozen": 12.0,
    "dozen": 12.0,
}
_NUMBER_RE: Final = re.compile(
    r"(?P<num>\d+(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<unit>km|kg|m|%|bn|mn)?\b(?!\s*[:/]\s*\d)(?!(?:st|nd|rd|th)\b)"
)
_WORDS_RE: Final = re.compile(
    r"\b(?P<words>(?:(?:"
    + "|".join(sorted(list(NUMBER_WORDS) + list(SCALE_WORDS), key=len, reverse=True))
    + r")(?:[\s-]+(?:and\s+)?)?)+)",
    re.I,
)
_VAGUE_RE: Final = re.compile(
    r"\b(?P<v>dozens|hundreds|thousands|millions|billions|a dozen)\b(?:\s+of\b)?", re.I
)
_COUNT_STOP: Final = (
    PREPOSITIONS - {"of"}
    | AUXILIARIES
    | {"who", "which", "that", "and", "or", "but", "were", "was"}
)


def words_to_number(text: str) -> float | None:
    """ "two billion" -> 2e9, "twenty-one" -> 21, "one hundred and five" -> 105."""
    total = 0
    current = 0
    seen = False
    for w in re.split(r"[\s-]+", text.lower()):
        if not w or w == "and":
            continue
        if w in NUMBER_WORDS:
            current += NUMBER_WORDS[w]
            seen = True
        elif w in SCALE_WORDS:
            scale = SCALE_WORDS[w]
            current = max(current, 1) * scale
            if scale >= 1000:
                total += current
                current = 0
            seen = True
        else:
            return None
    return float(total + current) if seen else None


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(a < e and s < b for a, b in spans)


def _counts(doc: Document, end: int) -> str | None:
    """The noun phrase after a figure: "Tajiks accused of terrorism", "terrorist attacks"."""
    k = doc.token_at_or_after(end)
    toks = doc.tokens
    first = k
    if k < len(toks) and toks[k].lower == "of":
        first = k = k + 1
    while k < len(toks) and k - first < 6:
        t = toks[k]
        if (
            t.kind != "word"
            or t.lower in _COUNT_STOP
            or ("\n" in doc.text[toks[k - 1].end : t.start] and k > first)
        ):
            break
        if (
            k > first
            and toks[k - 1].lower.endswith("s")
            and toks[k - 1].lower != "of"
            and t.text.islower()
            and t.lower != "of"
        ):
            break  # "151 Tajiks include": the plural noun ends the phrase
        if (
            k > first
            and t.lower.endswith("ed")
            and t.lower
            not in ("suspected", "armed", "injured", "wounded", "killed", "detained", "arrested")
        ):
            break
        k += 1
        if (
            k < len(toks)
            and toks[k].lower == "of"
            and k + 1 < len(toks)
            and toks[k + 1].kind == "word"
        ):
            k += 1
    while k > first and toks[k - 1].lower in ("the", "a", "an", "of"):
        k -= 1
    if k == first:
        return None
    text = doc.text[toks[first].start : toks[k - 1].end]
    return text if text.lower() not in ("the", "a", "an") else None


def _name_before(text: str, paren: int) -> str | None:
    m = re.search(
        r"((?:[A-Z][\w'-]*\s+(?:of\s+(?:the\s+)?)?)*[A-Z][\w'-]*)\s*$",
        text[max(0, paren - 80) : paren],
    )
    return m.group(1) if m else None


def find_figures(doc: Document, dates: tuple[DateMention, ...] = ()) -> tuple[Figure, ...]:
    """Every figure of the article, in text order."""
    text = doc.text
    taken: list[tuple[int, int]] = [(d.char_start, d.char_end) for d in dates]
    found: list[Figure] = []

    def qualify(start: int) -> tuple[int, str | None]:
        m = _QUALIFIER_RE.search(text, max(0, start - 24), start)
        if m is None:
            return start, None
        return m.start(), m.group().strip().lower()

    for m in _NUMBER_RE.finditer(text):
        s, e = m.start(), m.end()
        if _overlaps(taken, s, e):
            continue
        if s > 0 and (text[s - 1].isalpha() or text[s - 1] in "#"):
            continue  # "IE6", "#2"
        value = float(m.group("num").replace(",", ""))
        unit = _UNITS.get(m.group("unit") or "") if m.group("unit") else None
        cur = _CURRENCY_RE.search(text, max(0, s - 4), s)
        if cur is not None:
            unit, s = cur.group().strip(), cur.start()
        tail = text[e : e + 12]
        scale = re.match(r"\s+(million|billion|thousand|trillion)\b", tail)
        if scale:
            value *= SCALE_WORDS[scale.group(1)]
            e += scale.end()
            tail = text[e : e + 12]
        u = re.match(
            r"\s?(per cent|percent|%|km|kilometres|kilometers|miles|metres|meters|kg|tonnes"
            r"|euros|dollars|pounds)\b",
            tail,
        )
        if unit is None and u is not None:
            unit = _UNITS.get(u.group(1), _CURRENCY_WORDS.get(u.group(1)))
            e += u.end()
        s, qualifier = qualify(s)
        found.append(Figure(text[s:e], s, e, value, unit, qualifier, _counts(doc, e)))
        taken.append((s, e))

    for m in _WORDS_RE.finditer(text):
        raw = m.group("words").rstrip(" -")
        raw = re.sub(r"\s+and$", "", raw)
        s, e = m.start(), m.start() + len(raw)
        if _overlaps(taken, s, e) or raw.lower() in ("hundred", "thousand", "million", "billion"):
            continue
        spelled = words_to_number(raw)
        if spelled is None:
            continue
        if raw.lower() == "one" and re.match(
            r"(?:\s+(?:of|another|side|day|time|thing)\b|['\u2019]s\b)", text[e : e + 10]
        ):
            continue  # "one of the", "one another", "one's life": a pronoun, not a count
        counts = _counts(doc, e)
        if s > 0 and text[s - 1] == "(":
            counts = _name_before(text, s - 1) or counts  # "Jamaat Ansarullah (five)"
        s, qualifier = qualify(s)
        found.append(Figure(text[s:e], s, e, spelled, None, qualifier, counts))
        taken.append((s, e))

    for m in _VAGUE_RE.finditer(text):
        s, e = m.start(), m.end()
        if _overlaps(taken, s, e):
            continue
        key = m.group("v").lower()
        found.append(
            Figure(text[s:e], s, e, None, None, None, _counts(doc, e), vague=True)
            if key != "a dozen"
            else Figure(text[s:e], s, e, 12.0, None, "about", _counts(doc, e))
        )
        taken.append((s, e))

    found.sort(key=lambda f: f.char_start)
    return tuple(found)
