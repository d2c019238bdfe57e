"""`content/stories/<slug>/article.md`: the source article, paragraph by paragraph.

The front matter describes the publication; the body is the article's text, one block per
paragraph, each preceded by its stable id in braces (`{#p3}`), which citations use.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from pydantic import Field, HttpUrl

from .common import ContentModel, FuzzyDateField, IdList, Text
from .images import Image


class Photo(ContentModel):
    caption: Text
    credit: Text | None = None
    credit_people: IdList = Field(default_factory=list)


class ArticleMeta(ContentModel):
    headline: Text
    byline: Text | None = None
    authors: IdList = Field(default_factory=list)
    outlet: Text | None = None
    outlet_organisation: str | None = None
    url: HttpUrl | None = None
    published: FuzzyDateField | None = None
    published_note: Text | None = None
    retrieved: FuzzyDateField | None = None
    dateline: Text | None = None
    licence: Text | None = None
    credit: Text | None = None
    photo: Photo | None = None
    #: The lead picture; when it is the article's photo, `photo.caption` is its caption.
    image: Image | None = None
    language: str = "en"

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
