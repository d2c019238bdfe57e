"""What editors' Markdown may contain: Markdown, yes; code that runs in a reader's browser, no.

Editors write Markdown on purpose in bios, summaries and notes, and it is rendered as Markdown.
But raw HTML, `javascript:` links, attribute lists (`{: onclick=...}`) and an unclosed code fence
(which would swallow the rest of the page) are refused with a message saying what to write
instead. markdown-it-py does the parsing, so the check sees what a Markdown engine would see.
"""

from __future__ import annotations

import html
import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

_PARSER = MarkdownIt("commonmark", {"html": True})
_SAFE_SCHEMES = ("http:", "https:", "mailto:")
_ATTR_LIST = re.compile(r"(?<!\\)\{\s*[:#.]|(?<!\\)\{\s*[A-Za-z_-]+\s*=")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
# Link targets as Python-Markdown reads them: inline links and reference definitions.
_TARGETS = re.compile(r"\]\(\s*<?([^)>\s]*)|^\s{0,3}\[[^\]]+\]:\s*<?(\S*)", re.MULTILINE)
_CODE_SPAN = re.compile(r"(`+).*?\1")
# A backslash-escaped '<' before a tag name: CommonMark (and markdown-it) read text, but
# Python-Markdown's raw-HTML block finder reads a tag that swallows the next HTML block.
_ESCAPED_TAG = re.compile(r"(?<!\\)\\<[A-Za-z/!?]")
_MAYBE_UNSAFE = re.compile(r"[<{`~]|\]\s*[(:\[]|&#|^\s{0,3}\[", re.MULTILINE)


def _unsafe_target(target: str) -> bool:
    """Browsers ignore whitespace and decode entities in a URL scheme: do the same first."""
    cleaned = "".join(ch for ch in html.unescape(target) if ch > " " and ch != "\x7f").lower()
    scheme = _SCHEME.match(cleaned)
    return bool(scheme) and not cleaned.startswith(_SAFE_SCHEMES)


def markdown_problem(text: str) -> str | None:
    """None if `text` is acceptable editor Markdown, else what is wrong (with its line)."""
    if not text or not text.strip() or not _MAYBE_UNSAFE.search(text):
        return None  # nothing here that could be HTML, a link, a fence or an attribute list
    lines = text.split("\n")
    tokens = _PARSER.parse(text)
    for token, block_map in _walk(tokens):
        line = (block_map[0] + 1) if block_map else None
        where = f" (line {line} of the text)" if line else ""
        if token.type in ("html_block", "html_inline"):
            return (f"raw HTML is not allowed in Markdown text{where}: "
                    f"'{token.content.strip()[:40]}'; write Markdown, or escape '<' as '&lt;'")
        if token.type == "fence" and token.map:
            closing = lines[token.map[1] - 1].strip() if token.map[1] - 1 < len(lines) else ""
            fence = token.markup
            if token.map[1] - token.map[0] < 2 or not closing.startswith(fence[0] * len(fence)):
                return (f"code block opened on line {token.map[0] + 1} of the text is never "
                        f"closed: end it with a line {fence}")
    for match in _TARGETS.finditer(text):
        target = match.group(1) or match.group(2) or ""
        if _unsafe_target(target):
            line = text.count("\n", 0, match.start()) + 1
            return (f"link to '{target[:40]}' is not allowed (line {line} of the text): only "
                    "http, https, mailto and relative links")
    for number, line_text in enumerate(lines, 1):
        outside_code = _CODE_SPAN.sub("", line_text)
        if _ATTR_LIST.search(outside_code) and not _in_code(tokens, number):
            return (f"attribute lists ('{{: ...}}', '{{#id}}') are not allowed in Markdown "
                    f"text (line {number} of the text); escape the brace as '\\{{'")
        tag = _ESCAPED_TAG.search(outside_code)
        if tag and not _in_code(tokens, number):
            return (f"'{tag.group()}' (line {number} of the text) reads as the start of an "
                    "HTML tag to the site's Markdown engine, which then garbles the page "
                    "after it: write '&lt;' for '<'")
    return None


def _walk(tokens: list[Token], parent_map: list[int] | None = None
          ) -> list[tuple[Token, list[int] | None]]:
    """Every token with the source lines of its block (inline tokens have none of their own)."""
    out: list[tuple[Token, list[int] | None]] = []
    for token in tokens:
        block_map = token.map or parent_map
        out.append((token, block_map))
        if token.children:
            out.extend(_walk(token.children, block_map))
    return out


def _in_code(tokens: list[Token], line: int) -> bool:
    for token in tokens:
        if (token.type in ("fence", "code_block") and token.map
                and token.map[0] < line <= token.map[1]):
            return True
    return False
