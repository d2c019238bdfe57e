"""Markdown articles: `# headline`, paragraphs, `##` subheads (markdown-it-py parses them)."""

from __future__ import annotations

from markdown_it import MarkdownIt

from ..load.articles import inline_text
from .chrome import is_chrome
from .model import Block, RawArticle
from .plaintext import _BYLINE, _CAPTION, _DATELINE, parse_date_line

_PARSER = MarkdownIt("commonmark", {"html": False})


def read_markdown(text: str, raw: RawArticle | None = None) -> RawArticle:
    raw = raw or RawArticle()
    tokens = _PARSER.parse(text)
    blocks: list[Block] = []
    for index, token in enumerate(tokens):
        if token.type != "inline" or index == 0:
            continue
        opener = tokens[index - 1]
        content = inline_text(token)
        if not content or opener.type == "list_item_open":
            continue
        if is_chrome(content):
            raw.removed.append(content)
            continue
        if opener.type == "heading_open" and opener.tag == "h1" and (
                raw.headline is None or content == raw.headline):
            raw.headline = raw.headline or content
        elif opener.type == "heading_open":
            blocks.append(Block("heading", content))
        else:
            blocks.append(Block("paragraph", content))
    # The same front-of-article conventions as plain text, now on parsed blocks.
    body: list[Block] = []
    for block in blocks:
        near_top = not any(b.kind == "paragraph" for b in body)
        if raw.headline is None and block.kind == "heading":
            raw.headline = block.text
        elif near_top and raw.byline is None and (match := _BYLINE.match(block.text)):
            raw.byline, raw.author = block.text, match.group(1)
        elif near_top and raw.published is None and (date := parse_date_line(block.text)):
            raw.published = date
        elif near_top and raw.photo_caption is None and (match := _CAPTION.match(block.text)):
            raw.photo_caption = match.group("caption").strip()
            raw.photo_credit = (match.group("bracket") or match.group("label") or "").strip()
        else:
            body.append(block)
    raw.blocks = body
    first = next((b for b in raw.blocks if b.kind == "paragraph"), None)
    if first is not None and raw.dateline is None and (match := _DATELINE.match(first.text)):
        raw.dateline = match.group("place").strip()
    return raw
