"""`content/stories/<slug>/article.md`: the source article, paragraph by paragraph.

The front matter describes the publication; the body is the article's text, one block per
paragraph, each preceded by its stable id in braces (`{#p3}`), which citations use.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from pydantic import Field

from .common import ContentModel, FuzzyDateField, IdList, Text, WebUrl
from .images import Image


class Photo(ContentModel):
    """The article's photo, as the article gives it (the caption can be cited as `photo`)."""

    caption: Text
    """The caption as printed."""
    credit: Text | None = None
    """Who took or owns the photo, as printed."""
    credit_people: IdList = Field(default_factory=list)
    """Ids of the people credited (files in content/people/)."""


class ArticleMeta(ContentModel):
    """A story's article (`content/stories/<slug>/article.md`): the front matter; the body is
    the article, each paragraph preceded by its id on a line of its own ({#p3})."""

    headline: Text
    """The article's headline."""
    byline: Text | None = None
    """The byline as printed, e.g. "By Nadin Bahrom"."""
    authors: IdList = Field(default_factory=list)
    """Ids of the authors (files in content/people/): linked from the byline."""
    outlet: Text | None = None
    """The publication's name as printed."""
    outlet_organisation: str | None = None
    """The id of the outlet's organisation (a file in content/organisations/)."""
    url: WebUrl | None = None
    """The original article's address."""
    published: FuzzyDateField | None = None
    """When the article was published (EDTF date, e.g. 2016-09-22)."""
    published_note: Text | None = None
    """Why the publication date is missing or uncertain."""
    retrieved: FuzzyDateField | None = None
    """When the article was retrieved (EDTF date)."""
    dateline: Text | None = None
    """The place line, e.g. DUSHANBE."""
    licence: Text | None = None
    """The licence of the article's text, e.g. CC BY 2.5."""
    credit: Text | None = None
    """The credit line shown with the story (attribution)."""
    photo: Photo | None = None
    """The article's photo: caption, credit, credit_people."""
    image: Image | None = None
    """The lead picture (a file in content/ with credit and licence); when it is the
    article's photo, `photo.caption` is its caption."""
    language: str = "en"
    """The article's language (BCP 47 tag)."""

    @property
    def image_caption(self) -> str | None:
        """The lead picture's caption: its own, else the article's photo caption."""
        if self.image is None:
            return None
        return self.image.caption or (self.photo.caption if self.photo else None)


@dataclass(frozen=True)
class Paragraph:
    """One citable block of the article. `text` is plain text: what quotes are checked against."""

    id: str
    number: int
    text: str
    line: int
    section: str | None
    kind: str = "paragraph"  # paragraph | blockquote | caption


@dataclass(frozen=True)
class Section:
    """A subhead of the article and the paragraphs under it."""

    id: str
    title: str
    line: int


@dataclass(frozen=True)
class Article:
    meta: ArticleMeta
    paragraphs: tuple[Paragraph, ...]
    sections: tuple[Section, ...]
    #: The sequence of blocks as they appear: ("section", id) or ("paragraph", id).
    order: tuple[tuple[str, str], ...]
    by_id: Mapping[str, Paragraph] = field(default_factory=dict)

    def paragraph(self, paragraph_id: str) -> Paragraph | None:
        return self.by_id.get(paragraph_id)
