"""Escaping for Markdown output: content is data, never markup.

Jinja's HTML autoescape does not protect Markdown (`*`, `[`, `#`, `{: onclick}` are all live
there), so every value a template prints is escaped for Markdown *and* HTML unless it is an
`Md` value: Markdown built by our own filters from escaped parts, or editors' Markdown that
passed `explainer.markdown_policy`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from functools import lru_cache


class Md(str):
    """A string that is already safe Markdown; printed as is.

    `__html__` makes Jinja's autoescape treat it as already escaped (see environment.py).
    """

    __slots__ = ()

    def __html__(self) -> Md:
        return self

    def __add__(self, other: str) -> Md:
        return Md(str.__add__(self, other if isinstance(other, Md) else escape(other)))


# Characters with a meaning in Python-Markdown and the extensions we enable. `pymdownx.escapeall`
# makes every one of them escapable with a backslash.
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~=^:$-])")
_LEADING_NUMBER = re.compile(r"^(\d+)([.)])")
_SPACE = re.compile(r"\s+")


def escape(value: object) -> Md:
    """Plain text -> one line of Markdown that renders as exactly that text."""
    if hasattr(value, "__html__"):
        return Md(value.__html__())
    return escape_text(str(value))


@lru_cache(maxsize=262144)
def escape_text(value: str) -> Md:
    """Cached: the same names, labels and titles are printed on many pages."""
    text = _SPACE.sub(" ", value)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _SPECIAL.sub(r"\\\1", text)
    text = _LEADING_NUMBER.sub(r"\1\\\2", text)
    if text.startswith("."):
        text = "\\" + text
    return Md(text)


@lru_cache(maxsize=65536)
def escape_title(value: str, limit: int = 400) -> str:
    """Text for a Markdown link title ("..."): one line, quotes and markup neutralised (either
    quotation mark, as Python-Markdown ends a title at `')` too), and no `|`, which would end
    a table cell around the link."""
    text = " ".join(str(value).split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "\u2026"
    for char, entity in (("&", "&amp;"), ('"', "&quot;"), ("'", "&#39;"), ("<", "&lt;"),
                         (">", "&gt;"), ("\\", "&#92;"), ("`", "&#96;"), ("|", "&#124;")):
        text = text.replace(char, entity)
    return text


def join(parts: Iterable[object], separator: str = " ") -> Md:
    """Join values, escaping those that are not Markdown yet (the separator is template text)."""
    return Md(str(separator).join(
        str(p) if hasattr(p, "__html__") else escape(p) for p in parts))


def attribute(value: object) -> Md:
    """A value for an HTML attribute inside double quotes."""
    return Md(html.escape(" ".join(str(value).split()), quote=True))
