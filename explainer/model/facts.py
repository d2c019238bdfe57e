"""`content/stories/<slug>/facts.yaml`: the structured facts of one story.

Every fact cites the paragraph(s) of the article it comes from (`cite: [p3]`).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .common import Cites, ContentModel, FuzzyDateField, Id, IdList, Markdown, Text, TextList


class KeyPoint(ContentModel):
    text: Markdown
    cite: Cites = Field(default_factory=list)


class StoryRole(ContentModel):
    """A person's role as this story gives it, e.g. Interior Minister as of the conference."""

    person: Id
    title: Text
    organisation: Id | None = None
    as_of: FuzzyDateField | None = None
    cite: Cites = Field(min_length=1)


class AnonymousSource(ContentModel):
    """Someone quoted without a name: listed with the story, never given a profile."""

    id: Id
    description: Text
    organisation: Id | None = None
    cite: Cites = Field(min_length=1)


class Quote(ContentModel):
    """A passage in quotation marks (`direct`) or a reported claim (`paraphrase`)."""

    id: Id
    speaker: Id
    kind: Literal["direct", "paraphrase"]
    text: Text
    verb: Text | None = None
    setting: Text | None = None
    date: FuzzyDateField | None = None
    date_note: Text | None = None
    cite: Cites = Field(min_length=1)
    note: Markdown = ""


class Event(ContentModel):
    id: Id
    date: FuzzyDateField
    date_note: Text | None = None
    #: The article gives no year for this date; the editor worked it out (the timeline
    #: picture marks it).
    year_inferred: bool = False
    title: Text
    description: Markdown = ""
    people: IdList = Field(default_factory=list)
    organisations: IdList = Field(default_factory=list)
    places: IdList = Field(default_factory=list)
    cite: Cites = Field(min_length=1)


class Figure(ContentModel):
    """A number the article gives, what it counts, and how it relates to other figures.

    `part_of` + `breakdown` group figures that split a total ("by group"); the site adds them
    up and says when the parts do not make the whole.
    """

    id: Id
    value: float
    qualifier: Literal["exactly", "about", "more than", "less than", "at least",
                       "at most"] = "exactly"
    unit: Text | None = None
    counts: Text
    period: FuzzyDateField | None = None
    part_of: Id | None = None
    breakdown: Text | None = None
    disputed_by: IdList = Field(default_factory=list)
    #: On a total: its parts are known not to add up (the article's own gap, shown on the site),
    #: so `check` does not warn about it.
    known_gap: bool = False
    cite: Cites = Field(min_length=1)
    note: Markdown = ""

    @model_validator(mode="after")
    def _breakdown_needs_total(self) -> Figure:
        if self.breakdown and not self.part_of:
            raise ValueError("'breakdown' names how a total is split: give 'part_of' too")
        return self

    @property
    def is_integer(self) -> bool:
        return float(self.value).is_integer()


class Facts(ContentModel):
    status: Literal["draft", "reviewed"] = "reviewed"
    summary: Markdown = ""
    topics: TextList = Field(default_factory=list)
    key_points: list[KeyPoint] = Field(default_factory=list)
    people: list[StoryRole] = Field(default_factory=list)
    anonymous_sources: list[AnonymousSource] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
