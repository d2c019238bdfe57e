"""Provenance: does the article really say what a fact claims it says?

A direct quote must appear verbatim in the paragraph(s) it cites, allowing for whitespace,
curly versus straight quotation marks (and the `''` some outlets open with) and `...`
omissions, whose parts must appear in order. A figure's value must appear in its cited
paragraph, as digits ("1,400") or words ("five"). When a check fails, the message says where
the text departs from the article, so an editor can fix a typo without hunting for it.
"""

from __future__ import annotations

import difflib
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from num2words import num2words

_MARKS = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
                        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"',
                        "\u2032": "'", "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
                        "\u2026": "\u2026"})
_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|\. \. \.|\u2026)\s*")


@dataclass(frozen=True)
class NormalisedText:
    """Text with quotation marks and whitespace normalised, and a map back to the original.

    The map is piecewise: `anchors[i]` is (normalised offset, original offset) where a run of
    unchanged characters starts, so building it costs one step per change, not per character.
    """

    text: str
    anchors: tuple[tuple[int, int], ...]

    def origin(self, index: int) -> int:
        """Offset in the original of normalised character `index`."""
        position = bisect_right(self.anchors, (index, _BIG)) - 1
        start, original = self.anchors[position]
        return original + (index - start)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        return self.origin(start), self.origin(end - 1) + 1


_BIG = 1 << 62
# What normalising changes: whitespace other than one plain space, and `''` (an opening mark).
_CHANGES = re.compile(r"\s{2,}|[^\S ]|''")


def normalise(original: str) -> NormalisedText:
    translated = original.translate(_MARKS)
    stripped = translated.strip()
    lead = len(translated) - len(translated.lstrip())
    parts: list[str] = []
    anchors: list[tuple[int, int]] = []
    out_length = 0
    position = 0
    for match in _CHANGES.finditer(stripped):
        start, end = match.span()
        if start > position:
            anchors.append((out_length, lead + position))
            parts.append(stripped[position:start])
            out_length += start - position
        anchors.append((out_length, lead + start))
        parts.append('"' if match.group() == "''" else " ")
        out_length += 1
        position = end
    if position < len(stripped):
        anchors.append((out_length, lead + position))
        parts.append(stripped[position:])
    return NormalisedText("".join(parts), tuple(anchors))


@lru_cache(maxsize=65536)
def quote_segments(quote_text: str) -> tuple[str, ...]:
    """The parts of a quote between `...` omissions, without enclosing quotation marks."""
    text = normalise(quote_text).text.strip()
    if len(text) >= 2 and text[0] == '"' and text[-1] == '"':
        text = text[1:-1]
    return tuple(part.strip() for part in _ELLIPSIS.split(text) if part.strip(" ,.;:"))


@dataclass(frozen=True)
class QuoteMatch:
    """Where each part of a verified quote sits: (paragraph index, start, end) in original text."""

    spans: tuple[tuple[int, int, int], ...]


def find_quote(quote_text: str, paragraphs: list[str]) -> QuoteMatch | str:
    """Locate a direct quote in the cited paragraphs (in order), or explain why it is not there.

    The cited paragraphs are read as one text (joined by a space), so a quote that goes on in
    the next paragraph is found when it cites both.
    """
    segments = quote_segments(quote_text)
    if not segments:
        return "the quote has no words"
    normalised = [normalise(p) for p in paragraphs]
    joined = " ".join(n.text for n in normalised)
    starts: list[int] = []  # where each paragraph begins in `joined`
    offset = 0
    for n in normalised:
        starts.append(offset)
        offset += len(n.text) + 1
    spans: list[tuple[int, int, int]] = []
    position = 0
    for segment in segments:
        found = joined.find(segment, position)
        if found < 0:
            return _explain(segment, joined[position:] if spans else joined)
        position = found + len(segment)
        for para, n in enumerate(normalised):  # split the segment per paragraph it touches
            a = max(found, starts[para])
            b = min(position, starts[para] + len(n.text))
            if a < b:
                spans.append((para, *n.original_span(a - starts[para], b - starts[para])))
    return QuoteMatch(tuple(spans))


_TOKEN = re.compile(r"\w+(?:['\u2019-]\w+)*|[^\w\s]")


def _explain(segment: str, haystack: str) -> str:
    """Say where `segment` first departs from the closest passage of `haystack`."""
    quote = _TOKEN.findall(segment)
    text = haystack
    spans = [m.span() for m in _TOKEN.finditer(text)]
    article = [text[a:b] for a, b in spans]
    matcher = difflib.SequenceMatcher(None, article, quote, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    if not article or not blocks or max(b.size for b in blocks) < 2:
        return f"'{_clip(segment)}' is not in the cited paragraph(s)"
    # Compare against the article window aligned on the largest run of shared words.
    best = max(blocks, key=lambda b: b.size)
    lo = max(best.a - best.b - 3, 0)
    hi = min(best.a - best.b + len(quote) + 3, len(article))
    window = article[lo:hi]
    window_matcher = difflib.SequenceMatcher(None, window, quote, autojunk=False)
    for tag, a1, a2, b1, b2 in window_matcher.get_opcodes():
        if tag == "equal":
            continue
        theirs = " ".join(window[a1:a2])
        ours = " ".join(quote[b1:b2])
        before = " ".join(quote[max(b1 - 2, 0): b1]) or "the start"
        if tag == "replace":
            detail = f"'{ours}' differs from '{theirs}'"
        elif tag == "insert":
            if b1 == 0 or b2 == len(quote):
                continue
            detail = f"'{ours}' (after '{before}') is not in the article"
        else:
            if b1 in (0, len(quote)):
                continue
            detail = f"the article has '{theirs}' after '{before}'"
            if theirs == ". . .":
                detail += " (mark an omission with ...)"
        first = spans[lo + max(a1 - 6, 0)][0]
        last = spans[min(lo + a2 + 6, len(spans)) - 1][1]
        return f"{detail} (the article has: {_clip(text[first:last])!r})"
    return f"'{_clip(segment)}' is not in the cited paragraph(s)"


def _clip(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


# --------------------------------------------------------------------------- figures

_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_A_SCALE = re.compile(r"\ban? (hundred|thousand|million|billion|trillion)\b")


def _number_text(text: str) -> str:
    lowered = normalise(text).text.lower()
    lowered = _THOUSANDS.sub("", lowered)
    lowered = _A_SCALE.sub(r"one \1", lowered)  # "a billion-year contract"
    lowered = lowered.replace("-", " ").replace(",", " ")
    return " ".join(w for w in lowered.split() if w != "and")


@lru_cache(maxsize=4096)
def _spelling_patterns(value: float) -> tuple[re.Pattern[str], ...]:
    """Compiled once per value: a site has thousands of figures, more than re's own cache."""
    patterns = []
    for spelling in _spellings(value):
        if spelling[0].isdigit():
            patterns.append(re.compile(r"(?<![\d.])" + re.escape(spelling) + r"(?!\.?\d)"))
        else:
            patterns.append(re.compile(r"\b" + re.escape(spelling) + r"\b"))
    return tuple(patterns)


def _spellings(value: float) -> tuple[str, ...]:
    spellings: list[str] = []
    if float(value).is_integer():
        number = int(value)
        spellings.append(str(number))
        words = num2words(number)
        spellings.append(" ".join(w for w in words.replace("-", " ").replace(",", " ").split()
                                  if w != "and"))
        for scale, name in ((1_000_000_000, "billion"), (1_000_000, "million")):
            if number >= scale and number % (scale // 10) == 0:
                spellings.append(f"{number / scale:g} {name}")
    else:
        spellings.append(f"{value:g}")
    return tuple(spellings)


def figure_in_text(value: float, text: str) -> bool:
    """True if `value` is written in `text` as digits (with or without separators) or words."""
    haystack = _number_text(text)
    return any(pattern.search(haystack) for pattern in _spelling_patterns(value))


def describe_value(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"
