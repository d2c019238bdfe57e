"""What every reader produces."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Block:
    kind: str  # "paragraph" | "heading"
    text: str


@dataclass
class RawArticle:
    headline: str | None = None
    byline: str | None = None
    author: str | None = None
    dateline: str | None = None
    published: str | None = None  # EDTF
    url: str | None = None
    outlet: str | None = None
    photo_caption: str | None = None
    photo_credit: str | None = None
    blocks: list[Block] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # chrome that was dropped, for the report
    extractor: str | None = None  # the library that chose the main text, if one did
