"""Saved web pages: trafilatura finds the article's main text and metadata.

trafilatura (a maintained main-text extractor) drops navigation, comments, related links and
footers and returns the text as Markdown with subheads, plus title, author, site name and a
date when the page states one in its metadata (no guessing from copyright lines). The photo
caption is read from the article's first `<figcaption>` with lxml, which trafilatura brings.
"""

from __future__ import annotations

import trafilatura
from lxml import html as lxml_html

from .markdown import read_markdown
from .model import RawArticle
from .plaintext import _CAPTION


def read_html(page: str) -> RawArticle:
    document = trafilatura.bare_extraction(
        page, include_formatting=True, include_comments=False, include_tables=False,
        with_metadata=True, favor_precision=True,
        date_extraction_params={"extensive_search": False, "original_date": True})
    if document is None or isinstance(document, dict):
        raise ValueError("no article text found in the page")
    raw = RawArticle(headline=document.title or None, author=document.author or None,
                     outlet=document.sitename or None, url=document.url or None,
                     published=document.date or None,
                     extractor=f"trafilatura {trafilatura.__version__}")
    if raw.author:
        raw.byline = f"By {raw.author}"
    raw = read_markdown(document.text or "", raw)
    caption = _first_caption(page)
    if caption and raw.photo_caption is None:
        match = _CAPTION.match(caption)
        if match:
            raw.photo_caption = match.group("caption").strip()
            raw.photo_credit = (match.group("bracket") or match.group("label") or "").strip()
        else:
            raw.photo_caption = caption
    return raw


def _first_caption(page: str) -> str | None:
    tree = lxml_html.fromstring(page)
    for xpath in ("//article//figcaption", "//main//figcaption", "//figcaption"):
        found = tree.xpath(xpath)
        if found:
            text = " ".join(found[0].text_content().split())
            if text:
                return text
    return None
