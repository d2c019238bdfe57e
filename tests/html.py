"""Reading built pages in tests: parsed HTML without the theme's permalink marks."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup


def page(site: Path, path: str) -> BeautifulSoup:
    file = site / path / "index.html" if path else site / "index.html"
    soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
    for permalink in soup.select("a.headerlink"):
        permalink.decompose()
    return soup


def text_of(node: object) -> str:
    return " ".join(node.get_text().split())  # type: ignore[attr-defined]


def squash(text: str) -> str:
    return " ".join(text.split())
