"""Registries shared by all stories: people, organisations, places, glossary terms.

People, organisations and places are Markdown files (`content/people/<id>.md`...) whose front
matter holds the facts and whose body is the editor's prose; the id is the file name.
"""

from __future__ import annotations

from pydantic import Field, HttpUrl, model_validator

from .common import Cites, ContentModel, FuzzyDateField, Id, IdList, Markdown, Text, TextList
from .images import Image


class Role(ContentModel):
    """A title held at a time: 'Interior Minister' of `tajikistan-mvd`, as of a date."""

    title: Text
    organisation: Id | None = None
    as_of: FuzzyDateField | None = None
    from_: FuzzyDateField | None = Field(default=None, alias="from")
    to: FuzzyDateField | None = None
    cite: Cites = Field(default_factory=list)

    model_config = ContentModel.model_config | {"populate_by_name": True}


class Person(ContentModel):
    name: Text
    aliases: TextList = Field(default_factory=list)
    description: Text | None = None
    roles: list[Role] = Field(default_factory=list)
    url: HttpUrl | None = None
    image: Image | None = None
    bio: Markdown = ""


class Organisation(ContentModel):
    name: Text
    abbreviation: Text | None = None
    kind: Text | None = None
    parent: Id | None = None
    country: Id | None = None
    aliases: TextList = Field(default_factory=list)
    url: HttpUrl | None = None
    image: Image | None = None
    description: Markdown = ""


class Place(ContentModel):
    name: Text
    kind: Text | None = None
    within: Id | None = None
    aliases: TextList = Field(default_factory=list)
    description: Markdown = ""


class GlossaryTerm(ContentModel):
    """A term or abbreviation; abbreviations (with an `expansion`) become tooltips wherever they
    appear. `stories` limits a meaning to those stories' pages: the same letters can stand
    for different things in different stories ("IMU": an Italian tax in one, the Islamic
    Movement of Uzbekistan in another)."""

    term: Text
    id: Id | None = None
    expansion: Text | None = None
    definition: Markdown = ""
    aliases: TextList = Field(default_factory=list)
    organisation: Id | None = None
    stories: IdList = Field(default_factory=list)

    @model_validator(mode="after")
    def _needs_meaning(self) -> GlossaryTerm:
        if not self.expansion and not self.definition.strip():
            raise ValueError("a glossary term needs an 'expansion' or a 'definition'")
        return self
