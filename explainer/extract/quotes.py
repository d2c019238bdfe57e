"""Quotation segmentation: pair quotation marks into quotations with exact spans.

Direct speech is the backbone of attribution, so quotations are found before any cue rule runs.
Straight marks are typed as opening or closing from their neighbours; news conventions are
handled explicitly: a quotation continued into the next paragraph (the paragraph ends without a
closing mark and the next one reopens), a paragraph that only closes (its opening mark was lost),
and '' used as an opening mark. Single quotes are left alone: in news English they mark titles
and scare terms inside headlines or inside double quotes, not speech.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

from .lexicon import NOT_NAME_WORDS
from .text import CLOSING_ONLY, OPENING_ONLY, Document

Role = Literal["open", "close", "either"]

_OPEN_BEFORE: Final = frozenset("([{\u2014\u2013-/:")


@dataclass(frozen=True, slots=True)
class Quotation:
    """A quotation: token range [first, last) of its content and the character span of the whole
    quotation including its marks ([start, end)). `open_mark`/`close_mark` are token indices or
    None when the mark is missing in the text."""

    first: int
    last: int
    start: int
    end: int
    open_mark: int | None
    close_mark: int | None


def _mark_role(doc: Document, i: int) -> Role:
    tok = doc.tokens[i]
    if tok.text in OPENING_ONLY:
        return "open"
    if tok.text in CLOSING_ONLY:
        return "close"
    text = doc.text
    before = text[tok.start - 1] if tok.start > 0 else "\n"
    after = text[tok.end] if tok.end < len(text) else "\n"
    space_before = before.isspace() or before in _OPEN_BEFORE
    space_after = after.isspace() or after in ",.;:!?)]\u2014"
    if space_before and not space_after:
        return "open"
    if space_after and not space_before:
        return "close"
    return "either"


def find_quotations(doc: Document) -> tuple[Quotation, ...]:
    """Pair the double quotation marks of the document into quotations."""
    marks = [i for i, t in enumerate(doc.tokens) if t.kind == "quote"]
    para_of = [0] * len(doc.tokens)
    for p_index, para in enumerate(doc.paragraphs):
        for i in range(para.first, para.last):
            para_of[i] = p_index
    roles = {i: _mark_role(doc, i) for i in marks}
    quotes: list[Quotation] = []
    open_at: int | None = None  # token index of the opening mark, or first token if mark missing
    open_mark: int | None = None

    def close(end_tok: int, close_mark: int | None) -> None:
        nonlocal open_at, open_mark
        assert open_at is not None
        first = open_at + 1 if open_mark is not None else open_at
        last = end_tok if close_mark is not None else end_tok + 1
        start = doc.tokens[open_at].start
        end = doc.tokens[close_mark].end if close_mark is not None else doc.tokens[end_tok].end
        if last > first:
            quotes.append(Quotation(first, last, start, end, open_mark, close_mark))
        open_at = None
        open_mark = None

    marks_by_para: dict[int, list[int]] = {}
    for i in marks:
        marks_by_para.setdefault(para_of[i], []).append(i)

    for p_index, para in enumerate(doc.paragraphs):
        for i in marks_by_para.get(p_index, []):
            role = roles[i]
            if open_at is None:
                if role == "close" and i > para.first:
                    # a closing mark with nothing open: the opening mark was lost; the quotation
                    # runs from the start of the paragraph
                    open_at, open_mark = para.first, None
                    close(i, i)
                elif role != "close":
                    open_at, open_mark = i, i
                continue
            if para_of[open_at] != p_index and i == para.first and role != "close":
                continue  # reopening mark of a quotation continued across paragraphs
            if role == "open" and para_of[open_at] == p_index:
                # two openings in a row: the first quotation was never closed; end it before this
                close(i - 1, None)
                open_at, open_mark = i, i
                continue
            close(i, i)
        if open_at is not None:
            nxt = doc.paragraphs[p_index + 1] if p_index + 1 < len(doc.paragraphs) else None
            if nxt is not None and _continues(
                doc, roles, marks_by_para.get(p_index + 1, []), nxt.first
            ):
                continue
            close(para.last - 1, None)
    return tuple(quotes)


def _continues(
    doc: Document, roles: dict[int, Role], next_marks: list[int], next_first: int
) -> bool:
    """Does an unclosed quotation carry on into the next paragraph?"""
    if not next_marks:
        return False
    first_mark = next_marks[0]
    if first_mark == next_first and roles[first_mark] != "close":
        return True  # the conventional reopening mark
    return roles[first_mark] == "close"  # the next paragraph closes first: its mark was lost


_FUNCTION_WORDS: Final = NOT_NAME_WORDS | frozenset(
    {"vs", "vs.", "de", "del", "la", "le", "von", "van"}
)


def word_count(doc: Document, q: Quotation) -> int:
    return sum(1 for t in doc.tokens[q.first : q.last] if t.kind in ("word", "num"))


def looks_like_name(doc: Document, q: Quotation) -> bool:
    """A quoted title or name ("Islamic State of Iraq and the Levant", "Insurgency Wiki"): short,
    no sentence punctuation, and its content words are capitalised."""
    toks = doc.tokens[q.first : q.last]
    words = [t for t in toks if t.kind in ("word", "num")]
    if not words or len(words) > 9:
        return False
    for i, t in enumerate(toks[:-1]):
        if t.text in ("!", "?", ";") or (
            t.text == "."
            and not (
                i > 0
                and toks[i - 1].end == t.start
                and toks[i - 1].kind == "word"
                and len(toks[i - 1].text) <= 4
            )
        ):
            return False
    content = [t for t in words if t.lower not in _FUNCTION_WORDS]
    if not content:
        return False
    if _is_sentence_like(doc, q):
        return False
    capitalised = sum(1 for t in content if t.kind == "num" or t.text[0].isupper())
    return words[0].kind == "num" or (
        words[0].text[0].isupper() and capitalised * 2 >= len(content)
    )


def _is_sentence_like(doc: Document, q: Quotation) -> bool:
    """First or second person, or a finite "be/have/will": speech, not a title."""
    toks = doc.tokens[q.first : q.last]
    return any(
        t.lower
        in ("is", "are", "was", "were", "will", "have", "has", "we", "i", "you", "our", "my")
        for t in toks
    )


def quote_at(quotes: tuple[Quotation, ...], token_index: int) -> Quotation | None:
    """The quotation containing a token (marks included), if any."""
    for q in quotes:
        lo = q.open_mark if q.open_mark is not None else q.first
        hi = q.close_mark if q.close_mark is not None else q.last - 1
        if lo <= token_index <= hi:
            return q
    return None
