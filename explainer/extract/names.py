"""Proper-name runs: maximal sequences of capitalised tokens, the raw material of people and
organisations.

English marks names by capitals, so a run of capitalised tokens (with name particles such as
"de", "bin", "van" inside) is the candidate; sentence-initial capitals are flagged rather than
trusted, because "Militants fleeing..." and "Rakhimzoda had ideas..." look alike; a sentence's
first preposition or connective starts no run, and a title-case headline gives none. Classifying a
run (person, organisation, place, title) is left to people.py and organisations.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from .lexicon import (
    ADVERBS_BEFORE_VERB,
    CONNECTIVES,
    HONORIFICS,
    NAME_BLOCKERS,
    PREPOSITIONS,
    SUBORDINATORS,
)
from .text import Document, Token

NAME_PARTICLES: Final = frozenset(
    {
        "de",
        "da",
        "di",
        "du",
        "del",
        "della",
        "der",
        "den",
        "van",
        "von",
        "bin",
        "ibn",
        "al",
        "el",
        "la",
        "le",
        "dos",
        "das",
        "ap",
        "ab",
        "bint",
        "ter",
        "ten",
        "zu",
        "af",
    }
)


@dataclass(frozen=True, slots=True)
class NameRun:
    """Token range [first, last) of a capitalised run. `initial` when its first token is the first
    word of a sentence (or follows an opening quote / colon), `possessive` when it ends in 's."""

    first: int
    last: int
    start: int
    end: int
    initial: bool
    possessive: bool


def strip_possessive(word: str) -> str:
    for suffix in ("'s", "\u2019s"):
        if word.endswith(suffix):
            return word[: -len(suffix)]
    if word.endswith(("s'", "s\u2019")):
        return word[:-1]
    return word


def is_name_token(tok: Token) -> bool:
    if tok.kind != "word":
        return False
    first = tok.text[0]
    return first.isupper()


def _initial_positions(doc: Document) -> frozenset[int]:
    """Token indices where a capital letter is expected regardless of naming."""
    out: set[int] = set()
    toks = doc.tokens
    for sent in doc.sentences:
        j = sent.first
        while (
            j < sent.last
            and toks[j].kind in ("quote", "squote", "punct")
            and toks[j].text not in ("#", "@")
        ):
            j += 1
        out.add(j)
    for i, tok in enumerate(toks[:-1]):
        if tok.kind == "quote" or tok.text in (":", "\u2014", "(", "["):
            j = i + 1
            out.add(j)
    return frozenset(out)


# capitalised only because a sentence starts with them: "Without Sarah Kim", "Meanwhile Ortiz"
_INITIAL_BLOCKERS: Final = (
    NAME_BLOCKERS | PREPOSITIONS | SUBORDINATORS | CONNECTIVES | ADVERBS_BEFORE_VERB
)
_TITLE_CASE_MINOR: Final = frozenset(
    {"a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "as",
     "with", "from", "vs", "via", "into", "over"}
)


def title_case_heading(doc: Document) -> range:
    """Token range of a title-case headline opening the article ("Dorsey Scores 41 As Harbor City
    Stuns Top-Seeded Ridgeline"): every word of four letters or more capitalised, and at least one
    of them written in lower case in the body. Its capitals say nothing about names."""
    if len(doc.paragraphs) < 2:
        return range(0)
    para = doc.paragraphs[0]
    words = [t for t in doc.tokens[para.first : para.last] if t.kind == "word"]
    long_words = [t for t in words if len(t.text) >= 4 and not t.text.isupper()]
    if len(words) < 4 or len(long_words) < 3:
        return range(0)
    if not all(t.text[0].isupper() for t in long_words):
        return range(0)
    body = frozenset(t.text for t in doc.tokens[para.last :] if t.kind == "word")
    lowered = [t for t in words if t.text.lower() in body and t.lower not in _TITLE_CASE_MINOR]
    minor_capitalised = [t for t in words if t.lower in _TITLE_CASE_MINOR and t.text[0].isupper()
                         and t is not words[0]]
    return range(para.first, para.last) if lowered or minor_capitalised else range(0)


def find_name_runs(doc: Document) -> tuple[NameRun, ...]:
    """All capitalised runs of the document, in text order."""
    toks = doc.tokens
    initial = _initial_positions(doc)
    heading = title_case_heading(doc)
    runs: list[NameRun] = []
    i = heading.stop if heading else 0
    n = len(toks)
    while i < n:
        tok = toks[i]
        if not is_name_token(tok) or (i in initial and tok.lower in _INITIAL_BLOCKERS):
            i += 1
            continue
        if tok.lower in NAME_BLOCKERS and not tok.text.isupper():
            i += 1
            continue
        first = i
        possessive = False
        j = i
        while j < n:
            t = toks[j]
            if is_name_token(t) and (
                t.lower not in NAME_BLOCKERS or (t.text.isupper() and len(t.text) > 1)
            ):
                if t.text != strip_possessive(t.text):
                    possessive = True
                    j += 1
                    break
                j += 1
                continue
            if (
                t.text == "."
                and j > first
                and toks[j - 1].end == t.start
                and (len(toks[j - 1].text) == 1 or toks[j - 1].lower in HONORIFICS)
                and j + 1 < n
                and is_name_token(toks[j + 1])
            ):
                j += 1  # "Mr. Toccafondi", "L. Ron Hubbard"
                continue
            if t.lower in NAME_PARTICLES and j > first:
                # "de", "van der", "de la": particles followed by a name word
                k = j
                while k < n and k - j < 3 and toks[k].lower in NAME_PARTICLES:
                    k += 1
                if k < n and is_name_token(toks[k]) and toks[k].lower not in NAME_BLOCKERS:
                    j = k
                    continue
            break
        # a line break ends a run
        k = first + 1
        while k < j and "\n" not in doc.text[toks[k - 1].end : toks[k].start]:
            k += 1
        j = k
        if j > first:
            runs.append(
                NameRun(
                    first,
                    j,
                    toks[first].start,
                    toks[j - 1].end,
                    first in initial,
                    possessive and j == k,
                )
            )
        i = j if j > first else i + 1
    return tuple(runs)


def run_words(doc: Document, first: int, last: int) -> list[str]:
    """The words of a token range with a final possessive removed."""
    words = [t.text for t in doc.tokens[first:last]]
    if words:
        words[-1] = strip_possessive(words[-1])
    return words


def run_text(doc: Document, first: int, last: int) -> str:
    """Surface text of a token range, possessive stripped from the end."""
    if last <= first:
        return ""
    text = doc.text[doc.tokens[first].start : doc.tokens[last - 1].end]
    return strip_possessive(text)
