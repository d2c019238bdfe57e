"""Generated pages read as a reader's browser gets them, without an engine per example.

Each Markdown page is rendered to HTML by Python-Markdown with the Markdown extensions the
site's pages are written for (`REQUIRED_EXTENSIONS`, as the MkDocs plugin adds them), after
its front matter is split off as MkDocs does. Links between pages are resolved as MkDocs
resolves them (`.md` paths relative to the page).
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlsplit

import markdown
from bs4 import BeautifulSoup, Tag
from mkdocs.utils.meta import get_data

from explainer.build.settings import REQUIRED_EXTENSIONS
from explainer.render import PageSet


@dataclass
class Page:
    path: str
    meta: dict[str, Any]
    html: str
    soup: BeautifulSoup

    @property
    def text(self) -> str:
        """The page's text as a reader sees it, white space folded."""
        return fold(self.soup.get_text())

    @property
    def ids(self) -> set[str]:
        return {str(tag["id"]) for tag in self.soup.find_all(id=True)}


def fold(text: str) -> str:
    return " ".join(text.split())


def _renderer() -> markdown.Markdown:
    return markdown.Markdown(
        extensions=[name for name, _ in REQUIRED_EXTENSIONS],
        extension_configs={name: dict(options) for name, options in REQUIRED_EXTENSIONS
                           if options})


def render(pages: PageSet) -> dict[str, Page]:
    """Every Markdown page of `pages`, by its path in the docs folder."""
    renderer = _renderer()
    out: dict[str, Page] = {}
    for path in pages:
        if not path.endswith(".md"):
            continue
        body, meta = get_data(pages.files[path].decode("utf-8"))
        renderer.reset()
        html = renderer.convert(body)
        out[path] = Page(path, meta, html, BeautifulSoup(html, "html.parser"))
    return out


@dataclass(frozen=True)
class Link:
    page: str
    element: Tag
    target: str | None  # the docs path it leads to (None: outside the site)
    anchor: str


def links(pages: dict[str, Page], every_file: set[str]) -> Iterator[Link]:
    """Every link of every page, resolved to the file (and anchor) it leads to."""
    for path, page in pages.items():
        for element in page.soup.find_all("a", href=True):
            href = str(element["href"])
            parts = urlsplit(href)
            if parts.scheme or parts.netloc:
                yield Link(path, element, None, parts.fragment)
                continue
            target = path if not parts.path else posixpath.normpath(
                posixpath.join(posixpath.dirname(path), unquote(parts.path)))
            yield Link(path, element, target, unquote(parts.fragment))


_SLUG = re.compile(r"^#?[\w-]+$")


def structure(page: Page, text_attributes: frozenset[str]) -> Counter[tuple[str, Any]]:
    """How many of each element the page has, each with its attributes (a multiset: lists
    sorted by name come in another order when the names differ). The values of attributes
    that carry text (`text_attributes`, e.g. a title) are left out, their names kept, and so
    are the ids Markdown makes from a heading's text (letters, digits, hyphens) and links to
    them.

    Inside a picture (inline SVG), where labels are laid out by the width of their text, the
    values of the attributes that place and size things are left out too, and each kind of
    element counts once: a longer label wraps onto more lines (`tspan`) or moves a mark, and
    only a kind of element or attribute the plain twin's pictures lack is an addition."""
    drawn = Counter(
        (element.name, tuple(sorted(
            (name, None if name in text_attributes else _value(name, value))
            for name, value in element.attrs.items())))
        for element in page.soup.find_all(True) if not _in_picture(element))
    drawn.update(set(
        (element.name, tuple(sorted(
            (name, None if name in text_attributes or name in _GEOMETRY
             else _value(name, value)) for name, value in _svg_attributes(element).items())))
        for element in page.soup.find_all(True) if _in_picture(element)))
    return drawn


def _svg_attributes(element: Any) -> dict[str, Any]:
    """An SVG element's attributes, with a `text` element's anchor written out when it is
    left at SVG's default ("start"): a label is anchored at its start or its end depending on
    whether it fits beside its mark, which follows from its length."""
    if element.name == "text" and "text-anchor" not in element.attrs:
        return {**element.attrs, "text-anchor": "start"}
    return dict(element.attrs)


#: SVG attributes whose values follow from the length of the text drawn.
_GEOMETRY = frozenset({"x", "y", "x1", "x2", "y1", "y2", "dx", "dy", "cx", "cy", "r", "width",
                       "height", "d", "viewbox", "points", "transform", "text-anchor"})


def _in_picture(element: Any) -> bool:
    return element.name == "svg" or element.find_parent("svg") is not None


_TEXT_FRAGMENT = re.compile(r"(#|:~:)text=(?P<directive>.*)$")
_ENCODED = re.compile(r"^[A-Za-z0-9%._~!$'*+;=/?@,:-]*$")


def _value(name: str, value: Any) -> Any:
    if isinstance(value, list):
        return tuple(value)
    fragment = _TEXT_FRAGMENT.search(value) if name == "href" else None
    if fragment is not None:  # a link to a quote's words in the original (quote text)
        assert _ENCODED.match(fragment["directive"]), f"not percent-encoded: {value}"
        return value[:fragment.start("directive")] + "TEXT"
    if name in ("id", "href") and _SLUG.match(value) and (name == "id" or value[0] == "#"):
        return "#slug" if value.startswith("#") else "slug"
    return value
