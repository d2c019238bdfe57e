"""Turn frames and resolved speakers into `Attribution` records with clean spans.

Span edges follow one convention for every rule, so that a quote is cut the same way whichever
frame found it: a direct quotation runs from its opening to its closing mark (a comma or period
after the closing mark is outside); reported content excludes a leading "that" and trailing
punctuation outside quotation marks; a trailing language tag such as "((it))" is dropped.
"""

from __future__ import annotations

import re
from typing import Final

from .attribution import Frame
from .clauses import Clauses
from .coref import NO_SPEAKER, Speaker
from .model import Attribution, Mention
from .quotes import Quotation
from .text import Document

_TRAILING_PUNCT: Final = ",.;:\u2014\u2013-"
_LANG_TAG: Final = re.compile(r"\s*\(\(\w{2,3}\)\)\s*$")


def clean_span(doc: Document, clauses: Clauses, first: int, last: int) -> tuple[int, int]:
    """Character span of content tokens [first, last) with the edge rules applied."""
    toks = doc.tokens
    text = doc.text
    start = toks[first].start
    end = toks[last - 1].end
    if text.startswith("that ", start) and first + 1 < last:
        start = toks[first + 1].start
    for _ in range(4):
        m = _LANG_TAG.search(text, start, end)
        if m is not None and m.end() == end:
            end = m.start()
        # strip punctuation after a closing mark or outside any open quotation
        while end > start and text[end - 1] in _TRAILING_PUNCT and text[end - 3 : end] != "...":
            k = doc.token_at_or_after(end - 1)
            inside_open = k < len(toks) and clauses.quote_owner[k] >= 0 and _unclosed_at(clauses, k)
            if inside_open:
                break
            end -= 1
        while end > start and text[end - 1].isspace():
            end -= 1
    return start, end


def _unclosed_at(clauses: Clauses, k: int) -> bool:
    q = clauses.quotes[clauses.quote_owner[k]]
    return q.close_mark is None or k < q.close_mark


def _direct(doc: Document, clauses: Clauses, start: int, end: int) -> bool:
    """Direct when at least half the words of the content are inside quotation marks."""
    first = doc.token_at_or_after(start)
    inside = total = 0
    k = first
    while k < len(doc.tokens) and doc.tokens[k].end <= end:
        if doc.tokens[k].kind in ("word", "num"):
            total += 1
            if clauses.quote_owner[k] >= 0:
                inside += 1
        k += 1
    return total > 0 and inside * 2 >= total


def _partial_quotes(
    doc: Document, quotes: tuple[Quotation, ...], start: int, end: int
) -> tuple[Mention, ...]:
    out = []
    for q in quotes:
        if start <= q.start and q.end <= end and (q.start, q.end) != (start, end):
            out.append(Mention(doc.text[q.start : q.end], q.start, q.end))
    return tuple(out)


def assemble(
    doc: Document, clauses: Clauses, frames: list[Frame], speakers: dict[int, Speaker]
) -> tuple[Attribution, ...]:
    """Attribution records in text order, one per distinct content span."""
    built: list[tuple[int, int, Frame, Speaker]] = []
    seen: set[tuple[int, int]] = set()
    for f in frames:
        start, end = clean_span(doc, clauses, f.first, f.last)
        if end <= start or (start, end) in seen:
            continue
        if sum(1 for t in doc.tokens[f.first : f.last] if t.kind in ("word", "num")) == 0:
            continue
        seen.add((start, end))
        built.append((start, end, f, speakers.get(id(f), NO_SPEAKER)))
    built.sort(key=lambda x: (x[0], -x[1]))
    out: list[Attribution] = []
    for i, (start, end, f, sp) in enumerate(built):
        parent = None
        for j in range(i - 1, -1, -1):
            ps, pe = built[j][0], built[j][1]
            if ps <= start and end <= pe:
                parent = j
                break
        cue_start = cue_end = None
        cue_text = None
        if f.cue is not None:
            cue_start, cue_end = doc.tokens[f.cue[0]].start, doc.tokens[f.cue[1] - 1].end
            cue_text = doc.text[cue_start:cue_end]
        out.append(
            Attribution(
                content=doc.text[start:end],
                char_start=start,
                char_end=end,
                direct=_direct(doc, clauses, start, end),
                speaker=sp.name,
                speaker_kind=sp.kind,
                speaker_description=sp.description if sp.kind != "person" else None,
                speaker_mention=sp.mention,
                cue=cue_text,
                cue_start=cue_start,
                cue_end=cue_end,
                partial_quotes=_partial_quotes(doc, clauses.quotes, start, end),
                embedded_in=parent,
            )
        )
    return tuple(out)
