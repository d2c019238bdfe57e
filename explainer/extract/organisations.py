"""Organisations and their abbreviations.

Two general signals find organisations without a gazetteer: a capitalised run headed by an
organisation word ("Ministry", "University", "Council", "News", ...; with "of/for/on" links:
"Islamic Movement of Uzbekistan"), and the definition pattern "Name (ABBR)" whose letters match
the name's initials ("World Health Organisation (WHO)"), including a quoted name
("the "Islamic State of Iraq and the Levant" (ISIL)"). The index built here lets speaker
resolution map "WHO" or "the World Health Organisation" to one canonical name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from .lexicon import ORG_WORDS, WEAK_ORG_WORDS
from .model import Mention, Organisation
from .names import NameRun, is_name_token, strip_possessive
from .quotes import Quotation
from .text import Document

_CONNECTORS: Final = frozenset({"of", "for", "on", "and", "the", "&", "-", "\u2013"})
_ABBR_RE: Final = re.compile(r"^[A-Z][A-Za-z0-9&]{1,7}$")


def _is_org_word(word: str, next_word: str = "") -> bool:
    """An organisation word; a plural one only when a name goes on after it ("Centers for
    Disease Control"), not in "the State and Homeland Security Departments"."""
    w = strip_possessive(word).lower()
    if w not in ORG_WORDS and w.endswith("s") and w[:-1] in ORG_WORDS and next_word in (
        "of", "for", "on"
    ):
        w = w[:-1]
    return w in ORG_WORDS and w not in WEAK_ORG_WORDS


def normalise(name: str) -> str:
    words = re.sub(r"[^\w\s&-]", " ", name.lower()).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _initials_match(abbr: str, words: list[str]) -> bool:
    """Do the abbreviation's letters follow the name's word initials (function words optional)?"""
    letters = [c.lower() for c in abbr if c.isalnum()]
    initials = [w[0].lower() for w in words if w]
    minor = {"of", "for", "on", "and", "the", "&", "-", "\u2013", "de", "la"}

    def match(li: int, wi: int) -> bool:
        if li == len(letters):
            return all(words[k].lower() in minor for k in range(wi, len(words)))
        if wi == len(words):
            return False
        w = words[wi]
        if initials[wi] == letters[li] and match(li + 1, wi + 1):
            return True
        if w.lower() in minor and match(li, wi + 1):
            return True
        # a letter taken from inside the word ("M5S" from "Movimento 5 Stelle")
        return w[0].isdigit() and w == letters[li] and match(li + 1, wi + 1)

    return len(letters) >= 2 and match(0, 0)


@dataclass(slots=True)
class _OrgBuilder:
    name: str
    abbreviation: str | None
    mentions: list[Mention] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class OrganisationIndex:
    """Organisations of one article and a name/abbreviation lookup."""

    organisations: tuple[Organisation, ...]
    by_key: dict[str, int]
    spans: tuple[tuple[int, int, int], ...]  # (char_start, char_end, org index) of every mention

    def lookup(self, text: str) -> Organisation | None:
        idx = self.by_key.get(normalise(text))
        return self.organisations[idx] if idx is not None else None

    def at(self, char_start: int, char_end: int) -> Organisation | None:
        """The organisation mentioned inside [char_start, char_end), if any."""
        for s, e, idx in self.spans:
            if s >= char_start and e <= char_end:
                return self.organisations[idx]
        return None

    def overlapping(self, char_start: int, head_start: int, head_end: int) -> Organisation | None:
        """The organisation whose mention starts inside [char_start, head_end) and holds the
        head word: "The Fraternal Order of Police" with its head "Order"."""
        for s, e, idx in self.spans:
            if char_start <= s <= head_start and head_end <= e:
                return self.organisations[idx]
        return None

    def covers(self, char_start: int, char_end: int) -> bool:
        return any(s <= char_start and char_end <= e for s, e, _ in self.spans)


def _org_phrases(doc: Document, runs: tuple[NameRun, ...]) -> list[tuple[int, int]]:
    """Token ranges of organisation names: runs joined by connectors, cut after the last
    organisation word (but keeping an "of X" tail: "Department of Agriculture")."""
    toks = doc.tokens
    standalone = frozenset(
        strip_possessive(toks[r.first].text) for r in runs if r.last - r.first == 1
    )
    out: list[tuple[int, int]] = []
    k = 0
    while k < len(runs):
        first, last = runs[k].first, runs[k].last
        m = k
        # join following runs through connector words on the same line
        while m + 1 < len(runs):
            gap = range(last, runs[m + 1].first)
            if not gap or len(gap) > 2 or runs[m].possessive:
                break
            if not all(toks[g].lower in _CONNECTORS for g in gap):
                break
            if toks[gap[0]].lower == "and" and not any(
                _is_org_word(toks[g].text, toks[g + 1].lower) for g in range(first, last)
            ):
                break
            m += 1
            last = runs[m].last
        org_positions = [
            i
            for i in range(first, last)
            if _is_org_word(toks[i].text, toks[i + 1].lower if i + 1 < len(toks) else "")
        ]
        if org_positions:
            end = org_positions[-1] + 1
            # keep an "of/for X" tail after the last organisation word, but not a personal name
            # glued to its end ("University of Texas Arlington Amneh Jafari", where "Jafari" is
            # used alone elsewhere)
            if end < last and toks[end].lower in ("of", "for", "on") and end + 1 < last:
                tail_end = last
                if (
                    strip_possessive(toks[last - 1].text) in standalone
                    and last - 2 > end + 1
                    and toks[last - 2].lower not in _CONNECTORS
                ):
                    tail_end = last - 2
                end = tail_end
            start = first
            # drop a leading possessive run ("Labour's ...") and title words before the name
            while start < end and toks[start].text != strip_possessive(toks[start].text):
                start += 1
            named = any(
                not _is_org_word(toks[i].text, toks[i + 1].lower if i + 1 < len(toks) else "")
                and toks[i].lower not in _CONNECTORS
                for i in range(start, end)
            )
            if end > start and named:  # "Councils", "Police" alone name nothing
                out.append((start, end))
        k = m + 1
    return out


def find_organisations(
    doc: Document, runs: tuple[NameRun, ...], quotes: tuple[Quotation, ...]
) -> OrganisationIndex:
    """Find organisations (with abbreviations) and all their mentions."""
    toks = doc.tokens
    builders: list[_OrgBuilder] = []
    by_key: dict[str, int] = {}

    def add(name: str, abbr: str | None) -> int:
        key = normalise(name)
        idx = by_key.get(key)
        if idx is None and abbr is not None:
            idx = by_key.get(normalise(abbr))
        if idx is None:
            idx = len(builders)
            builders.append(_OrgBuilder(strip_possessive(name), abbr))
        elif abbr is not None and builders[idx].abbreviation is None:
            builders[idx].abbreviation = abbr
        by_key[key] = idx
        if abbr is not None:
            by_key[normalise(abbr)] = idx
        return idx

    phrases = _org_phrases(doc, runs)
    phrase_end_at = {toks[e - 1].end: (s, e) for s, e in phrases}
    for s, e in phrases:
        add(doc.text[toks[s].start : toks[e - 1].end], None)

    quote_end_at = {q.end: q for q in quotes if q.close_mark is not None}
    # "Name (ABBR)" and "ABBR (Name)"
    for i, tok in enumerate(toks[:-2]):
        if tok.text != "(" or toks[i + 2].text != ")" or not _ABBR_RE.match(toks[i + 1].text):
            continue
        abbr = toks[i + 1].text
        if sum(c.isupper() for c in abbr) < 2:
            continue
        prev_end = toks[i - 1].end if i > 0 else -1
        name: str | None = None
        words: list[str] = []
        if prev_end in phrase_end_at:
            s, e = phrase_end_at[prev_end]
            words = [t.text for t in toks[s:e]]
            name = doc.text[toks[s].start : toks[e - 1].end]
            if not _initials_match(abbr, words):
                words = []  # an organisation with a non-matching (translated) abbreviation
        elif prev_end in quote_end_at:
            q = quote_end_at[prev_end]
            words = [t.text for t in toks[q.first : q.last] if t.kind == "word"]
            if _initials_match(abbr, words):
                name = doc.text[toks[q.first].start : toks[q.last - 1].end]
        else:
            # walk back over a capitalised run with connectors
            j = i - 1
            while j >= 0 and (
                is_name_token(toks[j]) or toks[j].lower in _CONNECTORS or toks[j].kind == "num"
            ):
                j -= 1
            cand = [t.text for t in toks[j + 1 : i]]
            # trim leading words until the initials match
            for cut in range(len(cand)):
                if cand[cut].lower() in _CONNECTORS:
                    continue
                if _initials_match(abbr, cand[cut:]):
                    words = cand[cut:]
                    name = " ".join(words)
                    start_tok = j + 1 + cut
                    name = doc.text[toks[start_tok].start : toks[i - 1].end]
                    break
        if name:
            add(name, abbr)
        elif i > 0 and _ABBR_RE.match(toks[i - 1].text) and toks[i - 1].text.isupper():
            # "CEI (Italian Episcopal Conference)": abbreviation first
            j = i + 2
            inner = []
            while j < len(toks) and toks[j].text != ")" and j < i + 10:
                inner.append(toks[j].text)
                j += 1
            outer = toks[i - 1].text
            if sorted(outer.lower()) == sorted(
                w[0].lower() for w in inner if w.lower() not in _CONNECTORS
            ):
                add(" ".join(inner), outer)

    # ABBR (Name) where Name spans several tokens
    for i, tok in enumerate(toks[:-3]):
        if (
            tok.text == "("
            and i > 0
            and toks[i - 1].text.isupper()
            and _ABBR_RE.match(toks[i - 1].text)
        ):
            j = i + 1
            inner_toks = []
            while j < len(toks) and toks[j].text != ")" and j < i + 10:
                inner_toks.append(toks[j])
                j += 1
            if (
                j < len(toks)
                and len(inner_toks) >= 2
                and all(is_name_token(t) or t.lower in _CONNECTORS for t in inner_toks)
            ):
                letters = sorted(
                    w.text[0].lower() for w in inner_toks if w.lower not in _CONNECTORS
                )
                if sorted(toks[i - 1].text.lower()) == letters:
                    add(doc.text[inner_toks[0].start : inner_toks[-1].end], toks[i - 1].text)

    # an abbreviation never defined in parentheses: the initials of one organisation named in
    # the article ("FAA" for the Federal Aviation Administration)
    for tok in toks:
        abbr = strip_possessive(tok.text)
        if tok.kind != "word" or not abbr.isupper() or not 2 <= len(abbr) <= 6:
            continue
        if normalise(abbr) in by_key:
            continue
        matches = {
            idx
            for key, idx in by_key.items()
            if " " in key and _initials_match(abbr, key.split())
        }
        if len(matches) == 1:
            idx = matches.pop()
            by_key[normalise(abbr)] = idx
            if builders[idx].abbreviation is None:
                builders[idx].abbreviation = abbr

    # mentions: every run or phrase whose text is a known name or abbreviation
    spans: list[tuple[int, int, int]] = []
    seen: set[tuple[int, int]] = set()
    for s, e in phrases:
        key = normalise(doc.text[toks[s].start : toks[e - 1].end])
        if key in by_key:
            spans.append((toks[s].start, toks[e - 1].end, by_key[key]))
            seen.add((toks[s].start, toks[e - 1].end))
    for tok in toks:
        if tok.kind == "word" and tok.text.isupper() and len(tok.text) >= 2:
            key = normalise(strip_possessive(tok.text))
            if key in by_key and (tok.start, tok.end) not in seen:
                spans.append((tok.start, tok.end, by_key[key]))
    for q in quotes:
        key = (
            normalise(doc.text[toks[q.first].start : toks[q.last - 1].end])
            if q.last > q.first
            else ""
        )
        if key in by_key:
            spans.append((toks[q.first].start, toks[q.last - 1].end, by_key[key]))
    spans.sort()
    for s, e, idx in spans:
        builders[idx].mentions.append(Mention(doc.text[s:e], s, e))
    orgs = tuple(Organisation(b.name, b.abbreviation, tuple(b.mentions)) for b in builders)
    return OrganisationIndex(orgs, by_key, tuple(spans))
