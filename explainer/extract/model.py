"""Result types of the extractor: small frozen dataclasses with exact character spans.

Every extracted item carries [char_start, char_end) offsets into the article so that the site can
link a fact back to the sentence it came from and tests can check `text[start:end] == text`.
Dataclasses (not pydantic) because they are built thousands of times a second and need no
validation: the extractor constructs them itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

SpeakerKind = Literal["person", "anonymous", "organisation", "none"]


@dataclass(frozen=True, slots=True)
class KnownPerson:
    """A person of the project's registry: id, canonical name and other names used for them."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Mention:
    """A surface string of the article with its span."""

    text: str
    char_start: int
    char_end: int


@dataclass(frozen=True, slots=True)
class Person:
    """A named person: canonical full name, roles/titles given with the name, every mention
    (full name, surname, title + surname, pronoun/description used as a speaker)."""

    name: str
    roles: tuple[str, ...]
    mentions: tuple[Mention, ...]
    known_id: str | None = None

    @property
    def char_start(self) -> int:
        return self.mentions[0].char_start if self.mentions else -1


@dataclass(frozen=True, slots=True)
class Organisation:
    """An organisation name with its abbreviation ("Islamic Movement of Uzbekistan", "IMU")."""

    name: str
    abbreviation: str | None
    mentions: tuple[Mention, ...]


@dataclass(frozen=True, slots=True)
class Attribution:
    """Reported speech or an attributed claim.

    `content` is the article text of [char_start, char_end): for a direct quotation the quotation
    marks are included (a comma/period after the closing mark is not); for reported speech a
    leading "that" and trailing punctuation are excluded. `speaker` is a canonical name (person
    or organisation) or None; `speaker_kind` says what kind of source it is, and
    `speaker_description` describes an unnamed source ("a Tajik Interior Ministry (MVD) source who
    requested anonymity"). `speaker_mention` is the words in this sentence that point at the
    speaker ("he", "the minister", "Rakhimzoda"). `cue` is the reporting expression ("said",
    "told", "according to"), None for a quotation that continues an earlier speaker's words.
    `partial_quotes` are quoted fragments inside reported speech ("caliphate").
    `embedded_in` is the index of the attribution whose content contains this one, if any."""

    content: str
    char_start: int
    char_end: int
    direct: bool
    speaker: str | None
    speaker_kind: SpeakerKind
    speaker_description: str | None = None
    speaker_mention: Mention | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    partial_quotes: tuple[Mention, ...] = ()
    embedded_in: int | None = None


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression and its EDTF value ("September 19-20" -> "2016-09-19/2016-09-20").

    `year_inferred`: the year is not in the expression but taken from the article or context.
    `relative`: the expression is relative ("yesterday", "last Tuesday"); `edtf` is resolved
    against the article date when one is known, else kept visibly uncertain ("XXXX-XX-XX" style
    or None) rather than invented."""

    text: str
    char_start: int
    char_end: int
    edtf: str | None
    year_inferred: bool = False
    relative: bool = False


@dataclass(frozen=True, slots=True)
class Figure:
    """A number in the text: value, unit, qualifier ("approximately", "more than") and, where a
    rule finds it, what it counts ("Tajiks accused of terrorism")."""

    text: str
    char_start: int
    char_end: int
    value: float | None
    unit: str | None = None
    qualifier: str | None = None
    counts: str | None = None
    vague: bool = False


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one article."""

    people: tuple[Person, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    dates: tuple[DateMention, ...] = ()
    figures: tuple[Figure, ...] = ()
    organisations: tuple[Organisation, ...] = ()
    article_date: str | None = None
    notes: tuple[str, ...] = field(default=())
