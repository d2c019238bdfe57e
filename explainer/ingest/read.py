"""Pick the reader by what the file is."""

from __future__ import annotations

from pathlib import Path

from .html import read_html
from .markdown import read_markdown
from .model import RawArticle
from .plaintext import read_plain_text


def read_article(path: Path) -> RawArticle:
    data = path.read_bytes()
    text = data.decode("utf-8-sig", errors="replace")
    suffix = path.suffix.lower()
    head = text.lstrip()[:200].lower()
    if suffix in (".html", ".htm") or head.startswith(("<!doctype html", "<html")):
        return read_html(text)
    if suffix in (".md", ".markdown"):
        return read_markdown(text)
    return read_plain_text(text)
