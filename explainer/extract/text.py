"""Tokens, paragraphs and sentences with exact character offsets.

Two house-style conventions are settled here, before any rule sees the text: a wire dateline
("RIVERTON, Ohio (AP) - ") is a sentence of its own, and an article that quotes speech in single
marks is tokenised as if they were double ones (same offsets).

Every later stage works on token indices and reports character spans, so offsets are computed
once, here, and never re-derived from substrings. The sentence splitter is a small rule set
(terminal punctuation + next token shape + an abbreviation list) rather than pysbd: on a 4 KB
article pysbd alone costs about 23 ms, more than the whole extraction budget, and news prose
needs few of its rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, Literal

TokenKind = Literal["word", "num", "punct", "quote", "squote"]

# Double quotation marks, including '' used as an opening/closing mark.
DOUBLE_QUOTES: Final = frozenset({'"', "\u201c", "\u201d", "\u201e", "\u00ab", "\u00bb", "''"})
OPENING_ONLY: Final = frozenset({"\u201c", "\u201e", "\u00ab"})
CLOSING_ONLY: Final = frozenset({"\u201d", "\u00bb"})

_LETTER = r"[^\W\d_]"
_TOKEN_RE: Final = re.compile(
    rf"""
    (?P<quote>''|["\u201c\u201d\u201e\u00ab\u00bb])
  | (?P<domain>[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.(?:com|org|net|gov|edu|info|io)\b)
  | (?P<abbr>(?:[A-Z]\.){{2,}}|(?:[a-z]\.){{2,}})
  | (?P<num>\d+(?:[.,:]\d+)*)
  | (?P<word>{_LETTER}+(?:['\u2019\-]{_LETTER}+)*(?:['\u2019]s\b|['\u2019](?!{_LETTER}))?)
  | (?P<ellipsis>\.\.\.|\u2026)
  | (?P<squote>['\u2018\u2019])
  | (?P<punct>\S)
    """,
    re.VERBOSE,
)

ABBREVIATIONS: Final = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "jr",
        "sr",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "cmdr",
        "gov",
        "sen",
        "rep",
        "rev",
        "fr",
        "messrs",
        "vs",
        "etc",
        "inc",
        "ltd",
        "co",
        "corp",
        "no",
        "nos",
        "approx",
        "est",
        "dept",
        "univ",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mt",
        "ft",
        "ave",
        "blvd",
        "fig",
        "al",
    ]
)
_SENTENCE_STARTERS: Final = frozenset(
    [
        "the",
        "a",
        "an",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "their",
        "its",
        "there",
        "in",
        "on",
        "at",
        "but",
        "and",
        "however",
        "after",
        "before",
        "when",
        "while",
        "as",
        "if",
        "for",
        "some",
        "many",
        "most",
        "one",
        "two",
    ]
)


@dataclass(frozen=True, slots=True)
class Token:
    """One token: its text, [start, end) offsets into the article and a coarse kind."""

    text: str
    start: int
    end: int
    kind: TokenKind

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_capitalised(self) -> bool:
        return self.kind == "word" and self.text[0].isupper()


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence as a half-open token range [first, last) inside one paragraph."""

    first: int
    last: int
    paragraph: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    first: int
    last: int
    start: int
    end: int


def tokenize(text: str) -> tuple[Token, ...]:
    """Split text into tokens with offsets (words keep internal hyphens/apostrophes)."""
    out: list[Token] = []
    for m in _TOKEN_RE.finditer(text):
        group = m.lastgroup
        if group == "quote":
            kind: TokenKind = "quote"
        elif group == "squote":
            kind = "squote"
        elif group == "num":
            kind = "num"
        elif group in ("word", "abbr", "domain"):
            kind = "word"
        else:
            kind = "punct"
        out.append(Token(m.group(), m.start(), m.end(), kind))
    return tuple(out)


def paragraphs(text: str, tokens: tuple[Token, ...]) -> tuple[Paragraph, ...]:
    """Paragraphs are runs of tokens between line breaks (blank or not)."""
    result: list[Paragraph] = []
    first = 0
    for i in range(1, len(tokens) + 1):
        if i == len(tokens) or "\n" in text[tokens[i - 1].end : tokens[i].start]:
            if i > first:
                result.append(Paragraph(first, i, tokens[first].start, tokens[i - 1].end))
            first = i
    return tuple(result)


def _is_abbreviation(tok: Token) -> bool:
    word = tok.lower.rstrip(".")
    if tok.kind != "word":
        return False
    if len(tok.text) == 1 and tok.text.isupper():  # an initial: "L. Ron Hubbard"
        return True
    return word in ABBREVIATIONS


def _ends_sentence(tokens: tuple[Token, ...], i: int, end: int) -> int | None:
    """If a sentence may end at token i, return the index of the first token after the end."""
    tok = tokens[i]
    if tok.text in (".", "!", "?"):
        if (
            tok.text == "."
            and i > 0
            and tokens[i - 1].end == tok.start
            and _is_abbreviation(tokens[i - 1])
        ):
            return None
        j = i + 1
    elif tok.kind == "word" and tok.text.endswith(".") and "." in tok.text[:-1]:
        # a dotted abbreviation such as "U.S." may close a sentence before a typical starter
        j = i + 1
        if j < end and tokens[j].lower not in _SENTENCE_STARTERS:
            return None
    else:
        return None
    while j < end and (tokens[j].kind in ("quote", "squote") or tokens[j].text in (")", "]")):
        if tokens[j].start != tokens[j - 1].end:
            break
        j += 1
    if j >= end:
        return end
    nxt = tokens[j]
    if nxt.kind == "quote" or nxt.text in ("(", "[", "\u2018"):
        return j
    if nxt.kind == "num" or (nxt.kind == "word" and (nxt.text[0].isupper())):
        return j
    return None


_DASHES: Final = frozenset({"-", "--", "\u2014", "\u2013"})


def dateline_end(tokens: tuple[Token, ...], para: Paragraph) -> int | None:
    """The first token after a wire dateline opening the paragraph ("RIVERTON, Ohio (AP) - ",
    "OSLO, Nov 14 - ", "GENEVA (Reuters) - "): an upper-case place, optional state, agency in
    parentheses and date, closed by a spaced dash. The dateline is a sentence of its own, so that
    it is never the start of a speaker's phrase or of reported content."""
    first = tokens[para.first]
    if first.kind != "word" or not first.text.isupper() or len(first.text) < 2:
        return None
    for i in range(para.first + 1, min(para.last, para.first + 14)):
        tok = tokens[i]
        if tok.text in _DASHES:
            return i + 1 if i + 1 < para.last and tok.start > tokens[i - 1].end else None
        if not (
            tok.text in (",", ".", "(", ")")
            or tok.kind == "num"
            or (tok.kind == "word" and tok.text[0].isupper())
        ):
            return None
    return None


def sentences(tokens: tuple[Token, ...], paras: tuple[Paragraph, ...]) -> tuple[Sentence, ...]:
    """Split each paragraph into sentences; a paragraph break always ends a sentence."""
    out: list[Sentence] = []
    for p_index, para in enumerate(paras):
        first = para.first
        i = para.first
        dateline = dateline_end(tokens, para)
        if dateline is not None:
            out.append(Sentence(first, dateline, p_index, tokens[first].start,
                                tokens[dateline - 1].end))
            first = i = dateline
        while i < para.last:
            nxt = _ends_sentence(tokens, i, para.last)
            if nxt is not None and nxt > first:
                out.append(Sentence(first, nxt, p_index, tokens[first].start, tokens[nxt - 1].end))
                first = nxt
                i = nxt
                continue
            i += 1
        if first < para.last:
            out.append(
                Sentence(first, para.last, p_index, tokens[first].start, tokens[para.last - 1].end)
            )
    return tuple(out)


_SINGLE_OPENING: Final = "\u2018'"
_SINGLE_CLOSING: Final = "\u2019'"
_BEFORE_OPENING: Final = "([{\u2014\u2013-/:"
_AFTER_CLOSING: Final = ",.;:!?)]}\u2014\u2013-\u2026"


def speech_marks(text: str) -> str:
    """The text with single quotation marks written as double ones, for an article that quotes
    speech in single marks (many British and Irish papers: 'It's the only warm place,' she said)
    and uses no double marks. Same length, so every offset still points into the original text;
    apostrophes (We'd, O'Rourke, the Joneses' house outside a quotation) are left alone."""
    if sum(text.count(c) for c in '"\u201c\u201d\u201e\u00ab\u00bb') >= 2:
        return text
    chars = list(text)
    opened = 0
    open_at: int | None = None
    for i, c in enumerate(text):
        before = text[i - 1] if i > 0 else "\n"
        after = text[i + 1] if i + 1 < len(text) else "\n"
        if c == "\n":
            open_at = None
        elif (
            c in _SINGLE_OPENING
            and open_at is None
            and (before.isspace() or before in _BEFORE_OPENING)
            and (after.isalnum() or after in ".\u2026")
        ):
            open_at = i
        elif (
            c in _SINGLE_CLOSING
            and open_at is not None
            and not before.isspace()
            and (after.isspace() or after in _AFTER_CLOSING)
        ):
            chars[open_at], chars[i] = "\u201c", "\u201d"
            opened += 1
            open_at = None
    if opened < 2:
        return text
    # an opening mark left open at the end of a paragraph continues into the next one
    for i, c in enumerate(text):
        if c in _SINGLE_OPENING and (i == 0 or text[i - 1] == "\n") and chars[i] == c:
            after = text[i + 1] if i + 1 < len(text) else "\n"
            if after.isalnum():
                chars[i] = "\u201c"
    return "".join(chars)


@dataclass(frozen=True, slots=True)
class Document:
    """The article text with its tokens, paragraphs and sentences, built once per article."""

    text: str
    tokens: tuple[Token, ...]
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    sentence_of: tuple[int, ...]  # token index -> sentence index

    @classmethod
    def from_text(cls, text: str) -> Document:
        toks = tokenize(speech_marks(text))
        paras = paragraphs(text, toks)
        sents = sentences(toks, paras)
        owner = [0] * len(toks)
        for s_index, sent in enumerate(sents):
            for i in range(sent.first, sent.last):
                owner[i] = s_index
        return cls(text, toks, paras, sents, tuple(owner))

    def span_text(self, start: int, end: int) -> str:
        return self.text[start:end]

    def token_at_or_after(self, offset: int) -> int:
        """Index of the first token starting at or after a character offset."""
        lo, hi = 0, len(self.tokens)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.tokens[mid].start < offset:
                lo = mid + 1
            else:
                hi = mid
        return lo
