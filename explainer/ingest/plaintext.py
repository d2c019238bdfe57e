"""Plain-text articles: blocks separated by blank lines, as copied from a page or a corpus.

The first block is the headline. Near the top, a "By ..." block is the byline, a date line
("Thursday, February 23, 2006") the publication date, and a block ending in a bracketed or
"Image:" credit the photo caption. A short line without closing punctuation is a subhead. A
first paragraph opening with "CITY --" gives the dateline.
"""

from __future__ import annotations

import re
from datetime import datetime

from .chrome import is_chrome
from .model import Block, RawArticle

_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}"
_BYLINE = re.compile(rf"^By\s+({_NAME}(?:\s+(?:and|&)\s+{_NAME})?)\s*$")
_CAPTION = re.compile(
    r"^(?P<caption>.+?)\s*(?:\[(?P<bracket>[^\]]*\b(?:photo|image|picture)\b[^\]]*)\]"
    r"|(?:Image|Photo|Picture):\s*(?P<label>[^.]+)\.?)\s*$", re.IGNORECASE)
_DATELINE = re.compile(r"^(?P<place>[A-Z][A-Z .'’-]{2,}(?:, [A-Z][\w. ]+)?)\s+(?:--|—|–)\s+")
_DATE_FORMATS = ("%A, %B %d, %Y", "%B %d, %Y", "%A, %d %B %Y", "%d %B %Y", "%Y-%m-%d")
_END_PUNCTUATION = tuple('.?!:;,"\'”’)…')


def parse_date_line(text: str) -> str | None:
    """'Thursday, February 23, 2006' -> '2006-02-23' (EDTF); None if it is not a date line."""
    cleaned = " ".join(text.split())
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(cleaned, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def is_subhead(text: str) -> bool:
    words = text.split()
    return (0 < len(words) <= 12 and "\n" not in text.strip() and text[:1].isupper()
            and not text.rstrip().endswith(_END_PUNCTUATION) and not text.startswith(('"', "“")))


def read_plain_text(text: str) -> RawArticle:
    raw = RawArticle()
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if b.strip()]
    blocks = [" ".join(b.split()) for b in blocks]
    body: list[str] = []
    for index, block in enumerate(blocks):
        if is_chrome(block):
            raw.removed.append(block)
            continue
        if raw.headline is None:
            raw.headline = block
            continue
        near_top = index <= 4 and not body
        if near_top and raw.byline is None and (match := _BYLINE.match(block)):
            raw.byline, raw.author = block, match.group(1)
            continue
        if near_top and raw.published is None and (date := parse_date_line(block)):
            raw.published = date
            continue
        if near_top and raw.photo_caption is None and (match := _CAPTION.match(block)):
            raw.photo_caption = match.group("caption").strip()
            raw.photo_credit = (match.group("bracket") or match.group("label") or "").strip()
            continue
        body.append(block)
    for index, block in enumerate(body):
        followed = index + 1 < len(body)
        kind = "heading" if followed and index > 0 and is_subhead(block) else "paragraph"
        raw.blocks.append(Block(kind, block))
    first = next((b for b in raw.blocks if b.kind == "paragraph"), None)
    if first is not None and (match := _DATELINE.match(first.text)):
        raw.dateline = match.group("place").strip()
    return raw
