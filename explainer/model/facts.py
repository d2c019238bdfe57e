"""`content/stories/<slug>/facts.yaml`: the structured facts of one story.

Every fact cites the paragraph(s) of the article it comes from (`cite: [p3]`).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .common import (
    Cites,
    ContentModel,
    FuzzyDateField,
    Id,
    IdList,
    Markdown,
    NonEmptyCites,
    Text,
    TextList,
)


class KeyPoint(ContentModel):
    """One of the story's key points, shown on its overview."""

    text: Markdown
    """Markdown: the point in a sentence."""
    cite: Cites = Field(default_factory=list)
    """The paragraphs it comes from: p3 or [p3, p4]."""


class StoryRole(ContentModel):
    """A person's role as this story gives it, e.g. Interior Minister as of the conference."""

    person: Id
    """The person's id (a file in content/people/)."""
    title: Text
    """Their title as the story gives it."""
    organisation: Id | None = None
    """The id of the organisation the title is in."""
    as_of: FuzzyDateField | None = None
    """When they held it, as the story says (EDTF date)."""
    cite: NonEmptyCites
    """The paragraphs that say so: p3 or [p3, p4]."""


class AnonymousSource(ContentModel):
    """Someone quoted without a name: listed with the story, never given a profile."""

    id: Id
    """An id for the source within this story, usable as a quote's speaker."""
    description: Text
    """Who the source is, as the article says, e.g. "Interior Ministry source who requested
    anonymity"."""
    organisation: Id | None = None
    """The id of the organisation the source belongs to."""
    cite: NonEmptyCites
    """The paragraphs that quote the source."""


class Quote(ContentModel):
    """A passage in quotation marks (`direct`) or a reported claim (`paraphrase`)."""

    id: Id
    """The quote's id, unique in the story, e.g. q1."""
    speaker: Id
    """Who said it: a person, an organisation, or an anonymous source of this story."""
    kind: Literal["direct", "paraphrase"]
    """direct: the words in quotation marks (checked word for word against the cited
    paragraphs); paraphrase: reported speech."""
    text: Text
    """The words: for a direct quote, exactly as the article has them ("..." marks an
    omission)."""
    verb: Text | None = None
    """How it was said, e.g. "said" or "told Caravanserai"."""
    setting: Text | None = None
    """Where or to whom, e.g. "at the Interpol conference"."""
    date: FuzzyDateField | None = None
    """When it was said (EDTF date)."""
    date_note: Text | None = None
    """How the date is known, e.g. "day of the conference"."""
    cite: NonEmptyCites
    """The paragraphs the quote is in: p3 or [p3, p4]."""
    note: Markdown = ""
    """Markdown: an editor's note shown with the quote."""


class Event(ContentModel):
    """Something that happened, on the story's timeline."""

    id: Id
    """The event's id, unique in the story, e.g. e1."""
    date: FuzzyDateField
    """When it happened, only as precisely as the article says (EDTF): 2016, 2016-09,
    2016-09-19/2016-09-20, 2016~ (approximate), 2016? (uncertain)."""
    date_note: Text | None = None
    """How the date is known, e.g. "'last Tuesday' resolved against the article's date"."""
    year_inferred: bool = False
    """The article gives no year for this date; the editor worked it out (the timeline picture
    marks it)."""
    title: Text
    """What happened, in a line."""
    description: Markdown = ""
    """Markdown: more about it."""
    people: IdList = Field(default_factory=list)
    """Ids of the people involved."""
    organisations: IdList = Field(default_factory=list)
    """Ids of the organisations involved."""
    places: IdList = Field(default_factory=list)
    """Ids of the places where it happened."""
    cite: NonEmptyCites
    """The paragraphs that tell it: p3 or [p3, p4]."""


class Figure(ContentModel):
    """A number the article gives, what it counts, and how it relates to other figures.

    `part_of` + `breakdown` group figures that split a total ("by group"); the site adds them
    up and says when the parts do not make the whole.
    """

    id: Id
    """The figure's id, unique in the story."""
    value: float
    """The number, e.g. 151 (it must appear in the cited paragraph, as digits or words)."""
    qualifier: Literal["exactly", "about", "more than", "less than", "at least",
                       "at most"] = "exactly"
    """How exact the number is."""
    unit: Text | None = None
    """The unit, e.g. somoni or %."""
    counts: Text
    """What the number counts, e.g. "Tajiks who joined ISIL"."""
    period: FuzzyDateField | None = None
    """The time it refers to (EDTF date)."""
    part_of: Id | None = None
    """The id of the total this figure is a part of."""
    breakdown: Text | None = None
    """How the total is split, e.g. "by group" (needs part_of)."""
    disputed_by: IdList = Field(default_factory=list)
    """Ids of quotes that dispute the figure."""
    known_gap: bool = False
    """On a total whose parts the article itself does not add up: shown on the site, not
    warned about."""
    cite: NonEmptyCites
    """The paragraphs that give the number: p3 or [p3, p4]."""
    note: Markdown = ""
    """Markdown: an editor's note shown with the figure."""

    model_config = ContentModel.model_config | {"json_schema_extra": {
        "dependencies": {"breakdown": ["part_of"]}}}

    @model_validator(mode="after")
    def _breakdown_needs_total(self) -> Figure:
        if self.breakdown and not self.part_of:
            raise ValueError("'breakdown' names how a total is split: give 'part_of' too")
        return self

    @property
    def is_integer(self) -> bool:
        return float(self.value).is_integer()


class Facts(ContentModel):
    """A story's facts (`content/stories/<slug>/facts.yaml`), each citing the paragraphs of
    its article."""

    status: Literal["draft", "reviewed"] = "reviewed"
    """reviewed, or draft: the overview then says the facts are unreviewed."""
    summary: Markdown = ""
    """Markdown: the story in a few sentences."""
    topics: TextList = Field(default_factory=list)
    """Topic names, e.g. [security, migration]: each topic gets a page."""
    key_points: list[KeyPoint] = Field(default_factory=list)
    """The story's key points, each citing its paragraphs."""
    people: list[StoryRole] = Field(default_factory=list)
    """People's roles as this story gives them."""
    anonymous_sources: list[AnonymousSource] = Field(default_factory=list)
    """Sources quoted without a name (usable as a quote's speaker; never a profile)."""
    quotes: list[Quote] = Field(default_factory=list)
    """Every quote, direct or paraphrased, with its speaker."""
    events: list[Event] = Field(default_factory=list)
    """Events with honest dates, for the timeline."""
    figures: list[Figure] = Field(default_factory=list)
    """The numbers the article gives and what they count."""
