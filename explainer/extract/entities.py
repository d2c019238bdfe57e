"""Is a drafted name a person, an organisation already in the registry, or neither?

The extractor finds capitalised runs; before `build.py draft` writes a new registry file for one,
these checks keep out what review found filed wrongly: an organisation or place the registry
already knows under a longer or shorter name ("Red Cross" for "British Red Cross", "Joint
Council for the Welfare" for "... of Immigrants", "Operation Clambake"), a demonym used as an
adjective ("Afghan team"), a contraction at the start of a sentence ("We've"), a title glued to
an organisation ("CEO of the Refugee Council"), two organisations joined by "and".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .lexicon import (
    AUXILIARIES,
    COMMON_PAST_VERBS,
    NON_PERSON_HEADS,
    NOT_NAME_WORDS,
    ORG_WORDS,
    PLACE_WORDS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    TITLE_WORDS,
    words,
)

NON_PERSON_OPENERS = words("non_person_openers")
_CONTRACTION = re.compile(r"['’](?:ve|re|ll|m|d)$|n['’]t$", re.IGNORECASE)


def normalise(name: str) -> tuple[str, ...]:
    """Lower-case words without a leading article or a possessive: "The Straits Times'"."""
    tokens = re.findall(r"[\w&]+", name.lower().replace("’", "'").replace("'s", ""))
    return tuple(tokens[1:] if tokens[:1] == ["the"] else tokens)


@dataclass
class RegistryNames:
    """Names, aliases and abbreviations of the registry's organisations and places, by id."""

    names: dict[tuple[str, ...], str] = field(default_factory=dict)

    def add(self, entity_id: str, *names: str | None) -> None:
        for name in names:
            if name and normalise(name):
                self.names.setdefault(normalise(name), entity_id)

    def find(self, name: str) -> str | None:
        """The id whose name is `name`, or contains it or is contained in it as whole words
        at the start or end ("Red Cross" / "British Red Cross", "United Kingdom Home Office"
        / "Home Office"); None when nothing or more than one entity matches that way."""
        key = normalise(name)
        if not key:
            return None
        if key in self.names:
            return self.names[key]
        found = {
            entity for known, entity in self.names.items()
            if len(known) >= 2 and len(key) >= 2 and (
                _affix(key, known) or _affix(known, key))
        }
        return found.pop() if len(found) == 1 else None


def _affix(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    n = len(short)
    return n < len(long) and (long[:n] == short or long[-n:] == short)


def is_person_name(name: str, article: str) -> bool:
    """Whether a drafted name can be a person's: no organisation, facility or place words, not
    a contraction, not an opener such as "Operation", and a single word only if the article
    does not use it as an adjective ("Afghan team", "Afghan women")."""
    parts = name.split()
    if not parts or any(not p[:1].isupper() for p in parts):
        return False
    lowered = [p.lower().strip(".,'’") for p in parts]
    if lowered[0] in NON_PERSON_OPENERS or lowered[0] in NOT_NAME_WORDS:
        return False
    if any(_CONTRACTION.search(p) for p in parts):
        return False
    if any(w in ORG_WORDS or w in NON_PERSON_HEADS for w in lowered):
        return False
    if all(w in PLACE_WORDS for w in lowered):
        return False
    return len(parts) > 1 or not used_as_adjective(parts[0], article)


def used_as_adjective(word: str, article: str) -> bool:
    """Most uses of the word stand before a lower-case word that is not a verb."""
    uses = re.findall(rf"\b{re.escape(word)}\b(?:\s+(\w+))?", article)
    before_nouns = [
        nxt for nxt in uses if nxt and nxt.islower() and nxt not in SPEECH_VERBS
        and nxt not in AUXILIARIES and nxt not in COMMON_PAST_VERBS and not nxt.endswith("ed")
    ]
    return bool(uses) and 2 * len(before_nouns) > len(uses)


def organisation_names(name: str) -> list[str]:
    """The organisation names in a drafted one: a title before "of" dropped ("CEO of the
    Refugee Council" -> "Refugee Council"), two organisations joined by "and" split."""
    words_ = name.split()
    lowered = [w.lower().strip(".,") for w in words_]
    if len(words_) > 2 and (lowered[0] in TITLE_WORDS or lowered[0] in ROLE_NOUNS) \
            and "of" in lowered[:3]:
        rest = words_[lowered.index("of") + 1:]
        name = " ".join(rest[1:] if rest[:1] and rest[0].lower() == "the" else rest)
    pieces = re.split(r"\s+and\s+(?:the\s+)?(?=[A-Z])", name)
    # "X of A and B" is one name: the "and" joins the complement of "of"
    if len(pieces) == 2 and all(len(p.split()) >= 2 for p in pieces) and not re.search(
            r"\b(?:of|for)\b", pieces[0]):
        return pieces
    return [name]


def is_common_noun(name: str, article: str) -> bool:
    """A one-word "organisation" the article also writes in lower case ("Police", "Channel")."""
    return " " not in name and not name.isupper() and bool(
        re.search(rf"\b{re.escape(name.lower())}\b", article))


def known_ids(entries: Iterable[tuple[str, str, Iterable[str], str | None]]) -> RegistryNames:
    """RegistryNames from (id, name, aliases, abbreviation) rows."""
    registry = RegistryNames()
    for entity_id, name, aliases, abbreviation in entries:
        registry.add(entity_id, name, *aliases, abbreviation)
    return registry
