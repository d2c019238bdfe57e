"""Closed word lists of English news writing, read once from `data/*.txt`.

Every rule in the other stages is "a pattern over tokens plus a word list"; the lists live in
data files (one entry a line, `#` comments) so that a missing word is added without touching
code, and this module only says how each file is read. The lists describe general English usage
(reporting verbs, titles, pronouns, month names...), never strings of a particular article.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from importlib.resources import files
from typing import Final


@cache
def _rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The entries of `data/<name>.txt`, each split on whitespace; comments and blanks skipped."""
    text = files("explainer.extract").joinpath("data", f"{name}.txt").read_text(encoding="utf-8")
    return tuple(
        tuple(line.split()) for line in text.splitlines() if line.strip() and line[0] != "#"
    )


def words(name: str) -> frozenset[str]:
    """A word list: one entry a line."""
    return frozenset(" ".join(row) for row in _rows(name))


def numbers(name: str) -> dict[str, int]:
    """A word-to-number table: `word value` a line."""
    return {row[0]: int(row[1]) for row in _rows(name)}


_DOUBLE_FINAL: Final = words("double_final")
_IRREGULAR: Final = {row[0]: row for row in _rows("irregular")}


def _verb_forms(lemma: str) -> tuple[str, ...]:
    """Regular inflections of a verb lemma: say -> (say, says, said?, saying); irregulars added."""
    if lemma.endswith("e") and not lemma.endswith("ee"):
        ing = lemma[:-1] + "ing"
        past = lemma + "d"
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        ing = lemma + "ing"
        past = lemma[:-1] + "ied"
    elif lemma in _DOUBLE_FINAL:
        ing = lemma + lemma[-1] + "ing"
        past = lemma + lemma[-1] + "ed"
    else:
        ing = lemma + "ing"
        past = lemma + "ed"
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        third = lemma + "es"
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    return (lemma, third, past, ing)


def _forms(name: str) -> dict[str, str]:
    """Map every inflected form of the lemmas in `data/<name>.txt` to its lemma."""
    out: dict[str, str] = {}
    for (lemma, *_rest) in _rows(name):
        for form in _IRREGULAR.get(lemma) or _verb_forms(lemma):
            out.setdefault(form, lemma)
    return out


SPEECH_VERBS: Final = _forms("speech_verbs")
BELIEF_VERBS: Final = _forms("belief_verbs")
QUOTE_ONLY_VERBS: Final = _forms("quote_only_verbs")
LABELLING_VERBS: Final = _forms("labelling_verbs")
HEARER_VERBS: Final = words("hearer_verbs")
EVIDENCE_SUBJECT_HEADS: Final = words("evidence_subject_heads")
BELIEF_NOUNS: Final = words("belief_nouns")
BELIEF_ADJECTIVES: Final = words("belief_adjectives")
HEADLINE_SOURCE_WORDS: Final = words("headline_source_words")
PERSONAL_PRONOUNS_SINGULAR: Final = words("personal_pronouns_singular")
PERSONAL_PRONOUNS_PLURAL: Final = words("personal_pronouns_plural")
FIRST_PERSON: Final = words("first_person")
SUBJECT_PRONOUNS: Final = words("subject_pronouns")
OBJECT_PRONOUNS: Final = words("object_pronouns")
MALE_WORDS: Final = words("male_words")
FEMALE_WORDS: Final = words("female_words")
DETERMINERS: Final = words("determiners")
HONORIFICS: Final = words("honorifics")
TITLE_WORDS: Final = words("title_words")
ROLE_NOUNS: Final = words("role_nouns")
ANONYMOUS_HEADS: Final = words("anonymous_heads")
ORG_WORDS: Final = words("org_words")
ORGANISATION_DESCRIPTION_HEADS: Final = words("organisation_description_heads")
AGENT_NOUNS: Final = words("agent_nouns")
PERSON_DESCRIPTORS: Final = words("person_descriptors")
WEAK_ORG_WORDS: Final = words("weak_org_words")
NON_PERSON_HEADS: Final = words("non_person_heads")
MONTHS: Final = numbers("months")
WEEKDAYS: Final = numbers("weekdays")
NOT_NAME_WORDS: Final = words("not_name_words") | frozenset(MONTHS) | frozenset(WEEKDAYS)
PLACE_WORDS: Final = words("place_words")
NUMBER_WORDS: Final = numbers("number_words")
SCALE_WORDS: Final = numbers("scale_words")
NAME_BLOCKERS: Final = NOT_NAME_WORDS | frozenset(NUMBER_WORDS) | words("name_blockers")
ORDINAL_WORDS: Final = numbers("ordinal_words")
AUXILIARIES: Final = words("auxiliaries")
COMMON_PAST_VERBS: Final = words("common_past_verbs")
SUBORDINATORS: Final = words("subordinators")
PREPOSITIONS: Final = words("prepositions")
CONNECTIVES: Final = words("connectives")
ADVERBS_BEFORE_VERB: Final = words("adverbs_before_verb")
GIVEN_NAMES: Final = {row[0]: (row[1] if len(row) > 1 else None) for row in _rows("given_names")}


def fold(word: str) -> str:
    """Lower case without accents or a possessive: "Zoë's" -> "zoe"."""
    word = word.lower().replace("\u2019", "'")
    if word.endswith("'s"):
        word = word[:-2]
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def is_given_name(word: str) -> bool:
    """Is the word a known given name (evidence that a capitalised run is a personal name)?"""
    return fold(word) in GIVEN_NAMES


def given_name_gender(word: str) -> str | None:
    """"f" or "m" for a given name borne almost only by women or by men, else None."""
    return GIVEN_NAMES.get(fold(word))
