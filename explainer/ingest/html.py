"""Saved web pages: the article's main text and metadata, with a fallback when it comes out short.

trafilatura (a maintained main-text extractor) drops navigation, comments, related links and
footers and returns the text as Markdown with subheads, plus title, author, site name and a date
when the page states one in its metadata. It runs with its default settings: on the test pages
(`tests/fixtures/pages/import/`) `favor_precision` kept nothing more clean and lost a whole body
that the default kept. A page can still defeat it (a body rendered by JavaScript, the first
paragraphs in a "hero" block), so its text is compared with what the page itself says its article
is: the JSON-LD `articleBody` the publisher embeds, else the main block readability-lxml (a port of
Mozilla's Readability, the other common algorithm) finds. When trafilatura's text is much
shorter, the first fuller source wins: the JSON-LD body (the publisher's own text, with its
paragraph breaks), trafilatura's recall mode, readability. `RawArticle.extractor` names the source.

Figure captions and photo credits are not article text: the first `<figcaption>` becomes the
photo caption (its "Photo: ..." part the credit), and any paragraph that repeats a caption or is
only a credit line ("(Photo by ...)") is left out of the body.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

import trafilatura
from lxml import html as lxml_html
from readability import Document as ReadabilityDocument

from .chrome import is_credit_line
from .markdown import read_markdown
from .model import Block, RawArticle
from .plaintext import _CAPTION

# A text shorter than this share of the page's own article text has lost part of the article.
SHORT_SHARE = 0.8
TRAFILATURA = f"trafilatura {trafilatura.__version__}"


@dataclass(frozen=True)
class _Candidate:
    source: str
    markdown: str

    @property
    def size(self) -> int:
        return len(" ".join(self.markdown.split()))

    @property
    def paragraphs(self) -> int:
        return sum(1 for block in re.split(r"\n\s*\n", self.markdown) if block.strip())


def read_html(page: str) -> RawArticle:
    document = _trafilatura(page, favor_recall=False)
    raw = RawArticle()
    if document is not None:
        raw = RawArticle(headline=document.title or None, author=document.author or None,
                         outlet=document.sitename or None, url=document.url or None,
                         published=document.date or None)
    tree = lxml_html.fromstring(page)
    chosen = _choose(page, tree, document.text if document is not None else "", raw.headline)
    if chosen is None:
        raise ValueError("no article text found in the page")
    raw.extractor = chosen.source
    if raw.author:
        raw.byline = f"By {raw.author}"
    raw = read_markdown(chosen.markdown, raw)
    captions = _captions(tree)
    if captions and raw.photo_caption is None:
        raw.photo_caption, raw.photo_credit = _split_credit(captions[0])
    raw.blocks = _without_captions(raw, captions)
    return raw


def _trafilatura(page: str, *, favor_recall: bool) -> trafilatura.settings.Document | None:
    document = trafilatura.bare_extraction(
        page, include_formatting=True, include_comments=False, include_tables=False,
        with_metadata=True, favor_recall=favor_recall,
        date_extraction_params={"extensive_search": False, "original_date": True})
    if document is None or isinstance(document, dict):
        return None
    return document


def _choose(page: str, tree: lxml_html.HtmlElement, text: str | None,
            headline: str | None) -> _Candidate | None:
    """trafilatura's text, unless the page's own article text shows it is short."""
    first = _Candidate(TRAFILATURA, _without_headline(text or "", headline))
    json_ld = _json_ld_body(tree)
    readability = _readability_text(page)
    reference = max(len(" ".join(json_ld.split())), len(" ".join(readability.split())))
    from_json_ld = _Candidate("JSON-LD articleBody", json_ld.replace("\n", "\n\n"))
    if first.paragraphs <= 1 < from_json_ld.paragraphs and \
            from_json_ld.size >= SHORT_SHARE * first.size:
        # one block where the publisher's body has paragraphs: trafilatura flattened it
        return _Candidate(f"JSON-LD articleBody ({TRAFILATURA} gave it as one block)",
                          from_json_ld.markdown)
    if first.size >= SHORT_SHARE * reference and first.size:
        return first
    recall = _trafilatura(page, favor_recall=True)
    fallbacks = [
        from_json_ld,
        _Candidate(f"{TRAFILATURA} (favor_recall)",
                   _without_headline(recall.text or "", headline) if recall else ""),
        _Candidate("readability-lxml", readability),
    ]
    for candidate in fallbacks:
        if candidate.size >= SHORT_SHARE * reference and candidate.size > first.size:
            return _Candidate(f"{candidate.source}; {TRAFILATURA} kept "
                              f"{first.size} of about {reference} characters", candidate.markdown)
    best = max([first, *fallbacks], key=lambda c: c.size)
    return best if best.size else None


def _without_headline(markdown: str, headline: str | None) -> str:
    if headline:
        markdown = re.sub(rf"^#\s+{re.escape(headline)}\s*\n", "", markdown.lstrip())
    return markdown


def _json_ld_body(tree: lxml_html.HtmlElement) -> str:
    """The longest `articleBody` of the page's JSON-LD (NewsArticle, Article, ...)."""
    bodies: list[str] = []
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text_content())
        except ValueError:
            continue
        bodies.extend(b for b in _values(data, "articleBody") if isinstance(b, str))
    body = max(bodies, key=len, default="")
    return "\n".join(" ".join(line.split()) for line in body.splitlines() if line.strip())


def _values(data: object, key: str) -> Iterator[object]:
    if isinstance(data, dict):
        for k, v in data.items():
            if k == key:
                yield v
            else:
                yield from _values(v, key)
    elif isinstance(data, list):
        for item in data:
            yield from _values(item, key)


def _readability_text(page: str) -> str:
    """The main block readability-lxml finds, one paragraph a block."""
    try:
        summary = ReadabilityDocument(page).summary(html_partial=True)
    except Exception:  # readability raises its own error types on pages it cannot parse
        return ""
    if not summary.strip():
        return ""
    blocks = lxml_html.fromstring(summary).xpath("//p|//h2|//h3|//li")
    paragraphs = [" ".join(b.text_content().split()) for b in blocks]
    return "\n\n".join(p for p in paragraphs if p)


def _captions(tree: lxml_html.HtmlElement) -> list[str]:
    """Figure captions, those of the article first."""
    seen: list[str] = []
    for xpath in ("//article//figcaption", "//main//figcaption", "//figcaption"):
        for element in tree.xpath(xpath):
            text = " ".join(element.text_content().split())
            if text and text not in seen:
                seen.append(text)
    return seen


def _split_credit(caption: str) -> tuple[str, str | None]:
    match = _CAPTION.match(caption)
    if match:
        credit = (match.group("bracket") or match.group("label") or "").strip()
        return match.group("caption").strip(), credit or None
    return caption, None


def _without_captions(raw: RawArticle, captions: list[str]) -> list[Block]:
    """The body without paragraphs that repeat a caption or only credit a photo."""
    repeated = {" ".join(c.split()) for c in captions}
    repeated |= {_split_credit(c)[0] for c in captions}
    body = []
    for block in raw.blocks:
        text = " ".join(block.text.split())
        if block.kind == "paragraph" and (text in repeated or is_credit_line(text)):
            if raw.photo_credit is None and is_credit_line(text):
                raw.photo_credit = text.strip("()")
            raw.removed.append(text)
            continue
        body.append(block)
    return body
