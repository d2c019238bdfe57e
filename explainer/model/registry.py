"""Registries shared by all stories: people, organisations, places, glossary terms.

People, organisations and places are Markdown files (`content/people/<id>.md`...) whose front
matter holds the facts and whose body is the editor's prose; the id is the file name.
"""

from __future__ import annotations

from pydantic import Field, model_validator

from .common import (
    Cites,
    ContentModel,
    FuzzyDateField,
    Id,
    IdList,
    Markdown,
    Text,
    TextList,
    WebUrl,
)
from .images import Image


class Role(ContentModel):
    """A title held at a time: 'Interior Minister' of `tajikistan-mvd`, as of a date."""

    title: Text
    """The title as written, e.g. "Interior Minister"."""
    organisation: Id | None = None
    """The organisation's id (a file in content/organisations/)."""
    as_of: FuzzyDateField | None = None
    """When the person held the title, as EDTF: 2016, 2016-09, 2016-09-19."""
    from_: FuzzyDateField | None = Field(default=None, alias="from")
    """When the title began (EDTF date)."""
    to: FuzzyDateField | None = None
    """When the title ended (EDTF date)."""
    cite: Cites = Field(default_factory=list)
    """The paragraphs that say so, with their story: [story-slug#p3]."""

    model_config = ContentModel.model_config | {"populate_by_name": True}


class Person(ContentModel):
    """A person (`content/people/<id>.md`): the front matter; the Markdown body is the bio."""

    name: Text
    """Full name as usually written."""
    aliases: TextList = Field(default_factory=list)
    """Other spellings and the surname alone, e.g. [Rakhimzoda]: mentions of these link to the
    profile. An alias two people share links to neither."""
    description: Text | None = None
    """One line under the name, e.g. "Interior Minister of Tajikistan"."""
    roles: list[Role] = Field(default_factory=list)
    """Titles over time, beside those the stories give."""
    url: WebUrl | None = None
    """A page about the person, e.g. on Wikipedia."""
    image: Image | None = None
    """A portrait (a file in content/ with credit and licence), shown on cards and the profile."""
    bio: Markdown = ""
    """The Markdown body below the front matter."""


class Organisation(ContentModel):
    """An organisation (`content/organisations/<id>.md`): the front matter; the Markdown body
    is the description."""

    name: Text
    """The organisation's name as usually written."""
    abbreviation: Text | None = None
    """Its abbreviation, e.g. MVD: explained as a tooltip wherever it appears."""
    kind: Text | None = None
    """What it is, e.g. "government ministry"."""
    parent: Id | None = None
    """The id of the organisation it belongs to."""
    country: Id | None = None
    """The id of its country (a file in content/places/)."""
    aliases: TextList = Field(default_factory=list)
    """Other names it goes by: mentions of these link to its page."""
    url: WebUrl | None = None
    """Its website or a page about it."""
    image: Image | None = None
    """A logo or picture (a file in content/ with credit and licence), shown on cards and the
    organisation's page."""
    description: Markdown = ""
    """The Markdown body below the front matter."""


class Place(ContentModel):
    """A place (`content/places/<id>.md`): the front matter; the Markdown body is the
    description."""

    name: Text
    """The place's name as usually written."""
    kind: Text | None = None
    """What it is, e.g. "country" or "city"."""
    within: Id | None = None
    """The id of the place it lies in."""
    aliases: TextList = Field(default_factory=list)
    """Other names it goes by: mentions of these link to its page."""
    description: Markdown = ""
    """The Markdown body below the front matter."""


class GlossaryTerm(ContentModel):
    """A term or abbreviation; abbreviations (with an `expansion`) become tooltips wherever they
    appear. `stories` limits a meaning to those stories' pages: the same letters can stand
    for different things in different stories ("IMU": an Italian tax in one, the Islamic
    Movement of Uzbekistan in another)."""

    term: Text
    """The term as it appears in articles, e.g. ISIL."""
    id: Id | None = None
    """Its anchor on the glossary page (default: made from the term)."""
    expansion: Text | None = None
    """What an abbreviation stands for: makes the term a tooltip wherever it appears."""
    definition: Markdown = ""
    """Markdown: what the term means."""
    aliases: TextList = Field(default_factory=list)
    """Other forms of the term, e.g. [WMDs]."""
    organisation: Id | None = None
    """The id of the organisation the term names."""
    stories: IdList = Field(default_factory=list)
    """Story slugs this meaning belongs to: empty for every story. The same letters can stand for
    different things in different stories."""

    model_config = ContentModel.model_config | {"json_schema_extra": {
        "anyOf": [{"required": ["expansion"]}, {"required": ["definition"]}]}}

    @model_validator(mode="after")
    def _needs_meaning(self) -> GlossaryTerm:
        if not self.expansion and not self.definition.strip():
            raise ValueError("a glossary term needs an 'expansion' or a 'definition'")
        return self
