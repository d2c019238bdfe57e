"""People: full names, the roles given with them, and every mention linked to one person.

A capitalised run is a person when the writing says so: a title or role noun before it
("Interior Minister", "security analyst"), a role appositive after it (", spokesman for ..."), a
reporting verb after it ("Latifi said"), or the plain "Given Family" shape outside place and
organisation contexts. Titles are split off into `roles`; surname-only, given-name-only and
title + surname mentions ("Ambassador Mohib", misspelt "Ms Bauchtman") are linked to the full
name; an optional registry of known people supplies canonical names and ids.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

from .lexicon import (
    AUXILIARIES,
    DETERMINERS,
    HONORIFICS,
    NAME_BLOCKERS,
    NON_PERSON_HEADS,
    ORG_WORDS,
    ORGANISATION_DESCRIPTION_HEADS,
    PERSON_DESCRIPTORS,
    PLACE_WORDS,
    PREPOSITIONS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    SUBJECT_PRONOUNS,
    TITLE_WORDS,
    WEAK_ORG_WORDS,
    given_name_gender,
    is_given_name,
)
from .model import KnownPerson, Mention, Person
from .names import NAME_PARTICLES, NameRun, strip_possessive
from .organisations import OrganisationIndex
from .quotes import Quotation
from .text import Document

_PLACE_PREPOSITIONS: Final = frozenset(
    {
        "in",
        "at",
        "near",
        "into",
        "across",
        "via",
        "from",
        "of",
        "the",
        "a",
        "an",
        "to",
        "outside",
        "inside",
    }
)
_GENDERED_ROLES: Final = {
    "father": "m",
    "mother": "f",
    "son": "m",
    "daughter": "f",
    "brother": "m",
    "sister": "f",
    "wife": "f",
    "husband": "m",
    "mr": "m",
    "mrs": "f",
    "ms": "f",
    "miss": "f",
    "king": "m",
    "queen": "f",
}


def _clean(word: str) -> str:
    return strip_possessive(word).lower().rstrip(".")


def _is_title(word: str) -> bool:
    w = _clean(word)
    for suffix in ("-elect", "-designate"):
        w = w.removesuffix(suffix)  # "Senator-elect Villalobos"
    return w in TITLE_WORDS or w in HONORIFICS


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Levenshtein distance, cut off above `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
        prev = cur
    return prev[-1]


@dataclass(slots=True)
class _Builder:
    words: tuple[str, ...]
    roles: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    mention_tokens: list[tuple[int, int]] = field(default_factory=list)
    gender: str | None = None
    known: KnownPerson | None = None

    @property
    def name(self) -> str:
        return self.known.name if self.known is not None else " ".join(self.words)


@dataclass(frozen=True, slots=True)
class NameParts:
    """A run split into title words (first..name_first) and name words (name_first..last)."""

    first: int
    name_first: int
    last: int


@dataclass(frozen=True, slots=True)
class PeopleIndex:
    """People of one article with lookups for speaker resolution."""

    people: tuple[Person, ...]
    token_owner: dict[int, int]  # token index -> person index, for every token of a mention
    genders: tuple[str | None, ...]
    surnames: dict[str, tuple[int, ...]]
    mention_starts: tuple[tuple[int, int, int], ...]  # (first token, last token, person)

    def person_at(self, token: int) -> int | None:
        return self.token_owner.get(token)

    def find(self, words: Sequence[str]) -> int | None:
        """The person a name (full, surname or given name) refers to, if unique enough."""
        key = " ".join(_clean(w) for w in words)
        for idx, p in enumerate(self.people):
            if _clean_name(p.name) == key:
                return idx
        if words:
            cands = self.surnames.get(_clean(words[-1]), ())
            if len(cands) >= 1:
                return cands[0]
        return None


def _clean_name(name: str) -> str:
    return " ".join(_clean(w) for w in name.split())


def split_title(
    doc: Document, run: NameRun, lowercase_words: frozenset[str] = frozenset()
) -> NameParts:
    """Separate leading titles, descriptors, places and organisation words from the personal
    name. `lowercase_words` are the words the article writes in lower case."""
    toks = doc.tokens
    words = [toks[i].text for i in range(run.first, run.last)]
    cut = 0
    for k in range(len(words)):
        w = words[k]
        if w == ".":
            continue
        if _is_title(w) or (k < len(words) - 1 and (w != strip_possessive(w) or _is_org(w))):
            cut = k + 1
    while cut < len(words) - 1 and (words[cut] == "." or _clean(words[cut]) in PLACE_WORDS):
        cut += 1
    # a leading adherent noun: "Scientologist Tom Cruise"
    if len(words) - cut >= 3 and _clean(words[cut]).endswith(("ist", "ian")):
        cut += 1
    # a descriptor glued before a given name: "Pensioner Margaret Pennington", "Democrat Carmen
    # Villalobos", "Thanks Mark Evans"; or a sentence's first word that the article also writes
    # in lower case ("Substitute Kofi Mensah-Boateng" beside "a substitute")
    rest = [w for w in words[cut:] if w != "."]
    if len(rest) >= 3 and not is_given_name(rest[0]) and (
        _clean(rest[0]) in PERSON_DESCRIPTORS
        or (run.initial and cut == 0 and rest[0].lower() in lowercase_words)
    ):
        cut = words.index(rest[0], cut) + 1
    return NameParts(run.first, run.first + cut, run.last)


def _is_org(word: str) -> bool:
    w = _clean(word)
    return (w in ORG_WORDS or (w.endswith("s") and w[:-1] in ORG_WORDS)) and w not in WEAK_ORG_WORDS


def _looks_personal(words: list[str]) -> bool:
    """Could these words be a personal name (not a place, organisation, facility or acronym)?"""
    if not words:
        return False
    cleaned = [_clean(w) for w in words]
    if any(_is_org(w) for w in words):
        return False
    if cleaned[-1] in NON_PERSON_HEADS or cleaned[-1] in WEAK_ORG_WORDS:
        return False
    if sum(c in PLACE_WORDS for c in cleaned) >= min(2, len(cleaned)):
        return False  # "Los Angeles", "Paris"; but "Valeska Paris" is a person
    if len(cleaned) >= 3 and cleaned[-1] in PLACE_WORDS:
        return False  # "Vrije Universiteit Amsterdam", "Natural Resources Wales"
    if any(c in NAME_BLOCKERS for c in cleaned):
        return False
    if any(
        w.isupper() and len(w) > 1 and not re.fullmatch(r"(?:[A-Z]\.)+", w)
        for w in (strip_possessive(x) for x in words)
    ):
        return False  # an acronym; dotted initials ("K.C. Maurer") are fine
    return all(w[0].isupper() or w in NAME_PARTICLES or w == "." for w in words)


_ROLE_STOP: Final = (
    DETERMINERS | PREPOSITIONS | frozenset({"including", "like", "such", "as", "and", "or", "by"})
)


def _role_before(doc: Document, first: int) -> tuple[str | None, int]:
    """A lower-case role phrase right before a name: "Dushanbe-based security analyst"."""
    toks = doc.tokens
    j = first - 1
    if j < 0 or toks[j].kind != "word" or _clean(toks[j].text) not in ROLE_NOUNS | TITLE_WORDS:
        return None, first
    if (
        toks[j].text[0].isupper()
        and first - j == 1
        and j > 0
        and toks[j - 1].kind == "word"
        and toks[j - 1].text[0].islower()
    ):
        pass
    k = j
    lowercase_modifiers = 0
    while k - 1 >= 0 and first - k < 5:
        t = toks[k - 1]
        if t.kind != "word" or "\n" in doc.text[t.end : toks[k].start]:
            break
        low = t.lower
        if low in _ROLE_STOP or low in AUXILIARIES or low in SPEECH_VERBS or low in NAME_BLOCKERS:
            break
        if t.text != strip_possessive(t.text):
            k -= 1  # "Tunisia's coach"
            break
        if (
            t.text[0].islower()
            and "-" not in t.text
            and _clean(t.text) not in ROLE_NOUNS | TITLE_WORDS
        ):
            lowercase_modifiers += 1
            if lowercase_modifiers > 2 or low.endswith(("ed", "ing")):
                break
        k -= 1
    return doc.text[toks[k].start : toks[j].end], k


def _appositives_after(doc: Document, last: int) -> list[str]:
    """Role appositives after a name: ", chief of the ... department,", ", 19,", ", coach,"."""
    toks = doc.tokens
    roles: list[str] = []
    i = last
    sent_end = doc.sentences[doc.sentence_of[last - 1]].last
    while i < sent_end and toks[i].text == ",":
        j = i + 1
        if j < sent_end and toks[j].lower == "and":
            j += 1
        k = j
        while (
            k < sent_end
            and toks[k].text not in (",", ";", ".", ":")
            and toks[k].kind != "quote"
            and k - j < 25
        ):
            k += 1
        phrase = toks[j:k]
        if not phrase:
            break
        words = [_clean(t.text) for t in phrase]
        if len(phrase) == 1 and phrase[0].kind == "num":
            roles.append(f"aged {phrase[0].text}")
            i = k
            continue
        if any(w in AUXILIARIES or w in SPEECH_VERBS for w in words) or phrase[0].lower in (
            "who",
            "which",
            "that",
        ):
            break
        head_ok = any(w in ROLE_NOUNS or w in TITLE_WORDS for w in words[:6]) or words[0] == "of"
        if not head_ok or (
            phrase[0].is_capitalised
            and _clean(phrase[0].text) not in TITLE_WORDS
            and not any(w in ROLE_NOUNS for w in words[:4])
        ):
            break
        roles.append(doc.text[phrase[0].start : phrase[-1].end])
        i = k
    return roles


def _role_chunk_before(doc: Document, first: int) -> str | None:
    """A role phrase closed by a comma right before the name: "the Afghan team's coach, Alireza"."""
    toks = doc.tokens
    if first < 2 or toks[first - 1].text != ",":
        return None
    k = first - 2
    stop = doc.sentences[doc.sentence_of[first - 1]].first
    words: list[int] = []
    while (
        k >= stop
        and toks[k].text not in (",", ";", ":", "(", ")")
        and toks[k].kind != "quote"
        and len(words) < 10
    ):
        low = toks[k].lower
        if low in PREPOSITIONS and low not in ("of", "for"):
            break
        if (
            low in SPEECH_VERBS
            or low in AUXILIARIES
            or low in SUBJECT_PRONOUNS
            or low.endswith("ing")
        ):
            break
        words.append(k)
        k -= 1
    if not words:
        return None
    words.reverse()
    lowered = [_clean(toks[w].text) for w in words]
    headed = (
        lowered[-1] in ROLE_NOUNS
        or lowered[-1] in TITLE_WORDS
        or any(
            (w in ROLE_NOUNS or w in TITLE_WORDS) and nxt in ("of", "for")
            for w, nxt in itertools.pairwise(lowered)
        )
    )
    return doc.text[toks[words[0]].start : toks[words[-1]].end] if headed else None


def _closed_after(doc: Document, last: int) -> bool:
    """Is the name followed by a comma, the end of the sentence or a reporting verb?"""
    toks = doc.tokens
    if last >= len(toks):
        return True
    nxt = toks[last]
    return (
        nxt.text in (",", ".", ";", ")")
        or nxt.lower in SPEECH_VERBS
        or doc.sentence_of[last] != doc.sentence_of[last - 1]
    )


def find_people(
    doc: Document,
    runs: tuple[NameRun, ...],
    orgs: OrganisationIndex,
    known_people: Sequence[KnownPerson] = (),
    title_quotes: Sequence[Quotation] = (),
) -> PeopleIndex:
    """Find the people of the article, their roles and their mentions. Names inside quoted titles
    (`title_quotes`, e.g. a robot called "Better Idea of Afghan Girls") are not people."""
    toks = doc.tokens
    builders: list[_Builder] = []
    by_full: dict[tuple[str, ...], int] = {}
    singles: list[tuple[NameRun, NameParts, str | None, list[str], bool]] = []
    deferred: list[tuple[NameRun, NameParts, list[str], list[str], str | None, bool]] = []
    lowercase_words = frozenset(t.text for t in toks if t.kind == "word" and t.text.islower())
    single_words = frozenset(
        _clean(toks[r.first].text) for r in runs if r.last - r.first == 1 and not r.initial
    ) | frozenset(
        _clean(toks[r.first].text)
        for r in runs
        if r.last - r.first == 1 and r.initial and _closed_after(doc, r.last)
    )

    def sentence_end_cue(last: int) -> bool:
        j = last
        end = doc.sentences[doc.sentence_of[last - 1]].last
        if j < end and toks[j].text == ",":
            # skip an appositive: "X, chief of ..., told"
            depth = 0
            while j < end and depth < 2:
                j += 1
                while j < end and toks[j].text not in (",", ".", ";"):
                    j += 1
                depth += 1
                if j + 1 < end and toks[j].text == "," and toks[j + 1].lower in SPEECH_VERBS:
                    return True
            return False
        while j < end and toks[j].lower in (
            "also",
            "has",
            "have",
            "had",
            "later",
            "then",
            "recently",
        ):
            j += 1
        return j < end and toks[j].lower in SPEECH_VERBS

    for run in runs:
        if orgs.covers(run.start, run.end) or any(
            q.start <= run.start and run.end <= q.end for q in title_quotes
        ):
            continue
        first_word = toks[run.first].lower.rstrip(".")
        if first_word in ("st", "saint"):
            continue  # "St Mary's Hospital", "St Pauls": a place or a church
        if (
            run.possessive
            and run.last < len(toks)
            and _clean(toks[run.last].text) in NON_PERSON_HEADS
            and toks[run.last].is_capitalised
        ):
            continue  # "St Mary's Hospital", "Children's Hospital"
        parts = split_title(doc, run, lowercase_words)
        name_words = [
            toks[i].text for i in range(parts.name_first, parts.last) if toks[i].text != "."
        ]
        if name_words:
            name_words[-1] = strip_possessive(name_words[-1])
        title_words = [
            toks[i].text for i in range(parts.first, parts.name_first) if toks[i].text != "."
        ]
        if not _looks_personal(name_words) and not (
            parts.name_first > parts.first
            and len(name_words) >= 2
            and is_given_name(name_words[0])
            and not any(_is_org(w) for w in name_words)
        ):
            continue  # but "Environment Minister Jo Park": a title and a given name
        if run.possessive and run.last < len(toks) and _is_org(toks[run.last].text):
            continue  # "the Los Angeles Sheriff's office"
        roles: list[str] = []
        title_role = _title_role(doc, parts)
        if title_role:
            roles.append(title_role)
        before, _ = _role_before(doc, run.first)
        if before:
            roles.append(before)
        chunk = _role_chunk_before(doc, run.first) if _closed_after(doc, run.last) else None
        if chunk:
            roles.append(chunk)
        roles.extend(_appositives_after(doc, run.last))
        gender = None
        for w in title_words + ([before.split()[-1]] if before else []):
            gender = _GENDERED_ROLES.get(_clean(w), gender)
        if gender is None and len(name_words) > 1:
            gender = given_name_gender(name_words[0])  # "Patricia O'Neill-Barros"
        cue_follows = sentence_end_cue(run.last)
        evidence = bool(title_role) or bool(roles) or cue_follows
        if len(name_words) == 1:
            if len(name_words[0]) < 2:
                continue
            strong = (
                bool(title_role) or cue_follows or parts.name_first > parts.first or bool(before)
            )
            singles.append((run, parts, gender, roles if strong else [], strong))
            continue
        if not evidence:
            deferred.append(
                (
                    run,
                    parts,
                    name_words,
                    roles,
                    gender,
                    _plain_name_shape(doc, run, parts, name_words, lowercase_words),
                )
            )
            continue
        _add_full(doc, builders, by_full, parts, name_words, roles, gender)

    # names without contextual evidence: a repeat of a known name, or the plain "Given Family" shape
    for _run, parts, name_words, roles, gender, shape_ok in deferred:
        key = tuple(_clean(w) for w in name_words)
        known = key in by_full or any(
            key[-1] == _clean(b.words[-1]) and set(key) <= {_clean(w) for w in b.words}
            for b in builders
        )
        if known or (
            shape_ok and not _reads_as_organisation(doc, _run, name_words, single_words)
        ):
            _add_full(doc, builders, by_full, parts, name_words, roles, gender)

    # single-word names: link to a full name (surname, given name, near-miss spelling)
    _link_singles(doc, builders, singles, lowercase_words)

    _match_known(builders, known_people, doc)
    return _index(builders)


def _reads_as_organisation(
    doc: Document, run: NameRun, name_words: list[str], single_words: frozenset[str]
) -> bool:
    """Counter-evidence for a name with the shape of a person's and no other evidence: the
    article goes on to use its first word alone and not its last ("Ridgeback Metals" /
    "Ridgeback": organisations are called by their first word, people by their surname), it
    follows a noun that describes an organisation ("the housing charity Shelter Cymru", "the
    router maker Corvane"), or it holds a plural acronym ("Labour MPs")."""
    first, last = _clean(name_words[0]), _clean(name_words[-1])
    if first in single_words and last not in single_words and not is_given_name(first):
        return True
    if any(re.fullmatch(r"[A-Z]{2,}s", strip_possessive(w)) for w in name_words):
        return True
    prev = doc.tokens[run.first - 1] if run.first > 0 else None
    return (
        prev is not None
        and prev.kind == "word"
        and prev.text.islower()
        and (_clean(prev.text) in ORGANISATION_DESCRIPTION_HEADS or _clean(prev.text) in ORG_WORDS)
    )


def _plain_name_shape(
    doc: Document,
    run: NameRun,
    parts: NameParts,
    name_words: list[str],
    lowercase_words: frozenset[str],
) -> bool:
    """Does an evidence-less run still read as a personal name in running text?"""
    toks = doc.tokens
    prev_word = toks[parts.name_first - 1].lower if parts.name_first > 0 else ""
    if (
        parts.name_first == run.first
        and prev_word in _PLACE_PREPOSITIONS
        and not is_given_name(name_words[0])
    ):
        return False  # "in Los Angeles", but "came from Tom Reyes"
    if run.initial and run.last - run.first < 2:
        return False
    if (
        run.first >= 2
        and toks[run.first - 2].lower in ("the", "a", "an")
        and toks[run.first - 1].text.islower()
    ):
        return False  # "the on-going Interpol Project Kalkan"
    nxt = toks[run.last] if run.last < len(toks) else None
    if nxt is not None and (nxt.kind == "num" or nxt.is_capitalised):
        return False
    # "Better Idea", "Comment Policy": common words capitalised as a title
    return not any(_clean(w) in lowercase_words for w in name_words)


def _add_full(
    doc: Document,
    builders: list[_Builder],
    by_full: dict[tuple[str, ...], int],
    parts: NameParts,
    name_words: list[str],
    roles: list[str],
    gender: str | None,
) -> None:
    key = tuple(_clean(w) for w in name_words)
    idx = by_full.get(key)
    if idx is None:
        # a shorter or longer form of a known full name ("Dario Gomez" / "Hernan Dario Gomez")
        for k, b in enumerate(builders):
            bk = tuple(_clean(w) for w in b.words)
            if key[-1] == bk[-1] and (set(key) <= set(bk) or set(bk) <= set(key)):
                idx = k
                if len(key) > len(bk):
                    b.words = tuple(name_words)
                break
    if idx is None:
        idx = len(builders)
        builders.append(_Builder(tuple(name_words)))
        by_full[key] = idx
    _record_mention(doc, builders[idx], parts, roles, gender)


def _link_singles(
    doc: Document,
    builders: list[_Builder],
    singles: list[tuple[NameRun, NameParts, str | None, list[str], bool]],
    lowercase_words: frozenset[str],
) -> None:
    toks = doc.tokens
    for _run, parts, gender, roles, strong in singles:
        word = _clean(toks[parts.name_first].text)
        target = _link_single(word, builders, allow_fuzzy=strong, gender=gender)
        if target is None:
            titled = (
                any(_is_title(toks[i].text) for i in range(parts.first, parts.name_first))
                or (
                    parts.name_first == parts.first
                    and _role_before(doc, parts.first)[0] is not None
                )
                or _role_chunk_before(doc, parts.first) is not None  # "his daughter, Lily,"
            )
            if not titled or word in lowercase_words:
                continue  # a lone capitalised word needs a title: "Ambassador Mohib"
            target = len(builders)
            builders.append(_Builder((strip_possessive(toks[parts.name_first].text),)))
        _record_mention(doc, builders[target], parts, roles, gender)


def _record_mention(
    doc: Document, b: _Builder, parts: NameParts, roles: list[str], gender: str | None
) -> None:
    """Add one name occurrence, with the roles and gender found around it, to a person."""
    _add_roles(b, roles)
    b.gender = b.gender or gender
    start, end = doc.tokens[parts.name_first].start, _name_end(doc, parts)
    b.mentions.append(Mention(doc.text[start:end], start, end))
    b.mention_tokens.append((parts.name_first, parts.last))


def _index(builders: list[_Builder]) -> PeopleIndex:
    people: list[Person] = []
    owner: dict[int, int] = {}
    starts: list[tuple[int, int, int]] = []
    surnames: dict[str, list[int]] = {}
    genders: list[str | None] = []
    order = sorted(
        range(len(builders)), key=lambda k: min(m.char_start for m in builders[k].mentions)
    )
    for new_idx, k in enumerate(order):
        b = builders[k]
        mentions = sorted(set(b.mentions), key=lambda m: m.char_start)
        people.append(
            Person(b.name, tuple(b.roles), tuple(mentions), b.known.id if b.known else None)
        )
        genders.append(b.gender)
        for first, last in b.mention_tokens:
            starts.append((first, last, new_idx))
            for t in range(first, last):
                owner[t] = new_idx
        surnames.setdefault(_clean(b.name.split()[-1]), []).append(new_idx)
        for m in b.mentions:
            surnames.setdefault(_clean(m.text.split()[-1]), [])
            if new_idx not in surnames[_clean(m.text.split()[-1])]:
                surnames[_clean(m.text.split()[-1])].append(new_idx)
    starts.sort()
    return PeopleIndex(
        tuple(people),
        owner,
        tuple(genders),
        {k: tuple(v) for k, v in surnames.items()},
        tuple(starts),
    )


def _add_roles(b: _Builder, roles: list[str]) -> None:
    for r in roles:
        if any(r in other for other in b.roles):
            continue
        b.roles[:] = [other for other in b.roles if other not in r]
        b.roles.append(r)


def _title_role(doc: Document, parts: NameParts) -> str | None:
    """The title words split off a name, extended over "X of/for Y" and a possessive owner:
    "Undersecretary for Education", "Labour's Shadow Home Secretary"."""
    toks = doc.tokens
    idx = [
        i
        for i in range(parts.first, parts.name_first)
        if toks[i].text != "." and _clean(toks[i].text) not in HONORIFICS
    ]
    if not idx:
        return None
    first, last = idx[0], idx[-1]
    if not any(_is_title(toks[i].text) for i in idx) and not any(
        toks[i].text != strip_possessive(toks[i].text) for i in idx
    ):
        return None
    if (
        first >= 2
        and toks[first - 1].lower in ("for", "of")
        and _is_title(toks[first - 2].text)
        and toks[first - 2].is_capitalised
    ):
        first -= 2
    elif (
        first >= 1
        and toks[first - 1].is_capitalised
        and toks[first - 1].text != strip_possessive(toks[first - 1].text)
    ):
        first -= 1
    return doc.text[toks[first].start : toks[last].end]


def _name_end(doc: Document, parts: NameParts) -> int:
    last_tok = doc.tokens[parts.last - 1]
    return last_tok.start + len(strip_possessive(last_tok.text))


def _link_single(
    word: str, builders: list[_Builder], allow_fuzzy: bool, gender: str | None = None
) -> int | None:
    """The person a one-word mention refers to: by surname (agreeing with the gender of a title:
    "Mr Llewellyn" is not "Gwen Llewellyn"), exact name, unique given name, or near spelling."""
    agreeing = [
        (k, b)
        for k, b in enumerate(builders)
        if gender is None or b.gender is None or b.gender == gender
    ]
    surname = [k for k, b in agreeing if len(b.words) > 1 and _clean(b.words[-1]) == word]
    if surname:
        return max(surname, key=lambda k: len(builders[k].mentions))
    exact = [k for k, b in enumerate(builders) if len(b.words) == 1 and _clean(b.words[0]) == word]
    if exact:
        return exact[0]
    given = [k for k, b in agreeing if len(b.words) > 1 and _clean(b.words[0]) == word]
    if len(given) == 1:
        return given[0]
    if allow_fuzzy and len(word) >= 6:
        limit = 2 if len(word) >= 8 else 1
        close = [
            k
            for k, b in agreeing
            if len(b.words) > 1 and edit_distance(word, _clean(b.words[-1]), limit) <= limit
        ]
        if len(close) == 1:
            return close[0]
    return None


def _norm(s: str) -> str:
    return " ".join(re.sub(r"[^\w\s-]", " ", s.lower()).split())


def _match_known(builders: list[_Builder], known: Sequence[KnownPerson], doc: Document) -> None:
    """Attach registry entries: exact name/alias match first, then a unique surname match."""
    if not known:
        return
    names: dict[str, KnownPerson] = {}
    surnames: dict[str, list[KnownPerson]] = {}
    for kp in known:
        for n in (kp.name, *kp.aliases):
            names[_norm(n)] = kp
        surnames.setdefault(_norm(kp.name).split()[-1], []).append(kp)
    for b in builders:
        full = _norm(" ".join(b.words))
        match = names.get(full)
        if match is None:
            cands = surnames.get(full.split()[-1], []) if full else []
            if len(cands) == 1:
                match = cands[0]
        b.known = match
