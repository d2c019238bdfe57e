"""Parse an article body (Markdown) into citable paragraphs and sections.

markdown-it-py finds the blocks and their source lines; `mdit_py_plugins.attrs` reads the
`{#p3}` line that gives each block its stable id. A paragraph's text is the plain text of its
inline Markdown (emphasis and links reduced to their words, raw HTML kept as literal text): the
article is data, shown exactly as written, and it is what quotes are checked against.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.attrs import attrs_block_plugin

from ..diagnostics import Diagnostic, Location
from ..model.article import Paragraph, Section
from ..model.common import is_id

_PARSER = MarkdownIt("commonmark", {"html": False}).use(attrs_block_plugin)
_ATTR_LINE = re.compile(r"^\s*\{#[^}]*\}\s*$")
_UNSUPPORTED = {
    "bullet_list_open": "a list",
    "ordered_list_open": "a numbered list",
    "fence": "a code block",
    "code_block": "an indented code block (4 leading spaces)",
    "hr": "a horizontal rule",
    "html_block": "raw HTML",
    "table_open": "a table",
}


@dataclass(frozen=True)
class ParsedBody:
    paragraphs: tuple[Paragraph, ...]
    sections: tuple[Section, ...]
    order: tuple[tuple[str, str], ...]
    diagnostics: tuple[Diagnostic, ...]


def inline_text(token: Token) -> str:
    """Plain text of an inline token: what a reader sees, without Markdown syntax."""
    out: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append(" ")
        elif child.type == "image":
            out.append(child.content)
    return " ".join("".join(out).split())


def slugify(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:60].strip("-") or "section"


def parse_body(body: str, path: str, first_line: int) -> ParsedBody:
    """`first_line` is the file line of the body's first line (after front matter)."""
    return _parse_simple(body, first_line) or _parse_markdown(body, path, first_line)


_ID_LINE = re.compile(r"^\{#([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)\}$")
_HEADING = re.compile(r"^(#{1,6}) +(\S.*)$")
# Anything that could make Markdown mean more than plain words: inline syntax, entities,
# block markers at the start of a line, indented code.
_NOT_SIMPLE = re.compile(r"[\\`*_\[\]<>!{}|~]|&#?\w+;|^\s*(?:[#>+=-]|\d+[.)])|^\s{4}|\s#+\s*$",
                         re.MULTILINE)


def _parse_simple(body: str, first_line: int) -> ParsedBody | None:
    """The common case without markdown-it: every block is an id line, then either one `##`
    subhead or paragraph lines of plain words. Anything else (or any problem to report) goes
    to the full parser, which gives the same result for what this accepts (tests check it)."""
    paragraphs: list[Paragraph] = []
    sections: list[Section] = []
    order: list[tuple[str, str]] = []
    seen: set[str] = set()
    current: str | None = None
    lines = body.split("\n")
    index = 0
    while index < len(lines):
        if not lines[index].strip():
            index += 1
            continue
        match = _ID_LINE.match(lines[index])
        if match is None or match.group(1) in seen:
            return None
        block_id = match.group(1)
        seen.add(block_id)
        start = index + 1
        end = start
        while end < len(lines) and lines[end].strip():
            end += 1
        block = lines[start:end]
        if not block:
            return None
        heading = _HEADING.match(block[0])
        if heading is not None:
            title = heading.group(2).strip()
            if len(block) != 1 or _NOT_SIMPLE.search(title):
                return None
            sections.append(Section(block_id, title, first_line + start))
            order.append(("section", block_id))
            current = block_id
        else:
            text = "\n".join(block)
            if _NOT_SIMPLE.search(text):
                return None
            paragraphs.append(Paragraph(block_id, len(paragraphs) + 1, " ".join(text.split()),
                                        first_line + start, current))
            order.append(("paragraph", block_id))
        index = end
    if not paragraphs:
        return None
    return ParsedBody(tuple(paragraphs), tuple(sections), tuple(order), ())


def _parse_markdown(body: str, path: str, first_line: int) -> ParsedBody:
    tokens = _PARSER.parse(body)
    lines = body.split("\n")
    paragraphs: list[Paragraph] = []
    sections: list[Section] = []
    order: list[tuple[str, str]] = []
    problems: list[Diagnostic] = []
    seen: dict[str, int] = {}
    current_section: str | None = None
    depth = 0
    index = 0
    while index < len(tokens):
        token = tokens[index]
        line = first_line + (token.map[0] if token.map else 0)
        where = Location(path, line, 1)
        if depth == 0 and token.type in _UNSUPPORTED:
            problems.append(where.error(
                f"{_UNSUPPORTED[token.type]} is not supported in an article body; write each "
                "paragraph as plain text (escape a leading '-', '#' or '1.' with a backslash)"))
        if token.nesting == 1:
            depth += 1
        elif token.nesting == -1:
            depth -= 1
        if depth == 1 and token.nesting == 1 and token.type in (
                "paragraph_open", "heading_open", "blockquote_open"):
            closing = _closing_index(tokens, index)
            text = " ".join(inline_text(t) for t in tokens[index:closing] if t.type == "inline")
            first_source_line = lines[token.map[0]] if token.map else ""
            given = token.attrs.get("id")
            block_id = str(given) if given is not None else None
            if token.type == "heading_open":
                section_id = block_id or slugify(text)
                problems.extend(_check_id(section_id, seen, where, "subhead"))
                seen.setdefault(section_id, line)
                sections.append(Section(section_id, text, line))
                order.append(("section", section_id))
                current_section = section_id
            elif block_id is None and _ATTR_LINE.match(first_source_line):
                problems.append(where.error(
                    f"'{first_source_line.strip()}' is not a valid paragraph id line: write "
                    "{#p12} (lowercase letters, digits and hyphens)"))
            elif block_id is None:
                problems.append(where.error(
                    "paragraph has no id: add a line such as "
                    f"{{#p{len(paragraphs) + 1}}} just before it"))
            else:
                problems.extend(_check_id(block_id, seen, where, "paragraph"))
                seen.setdefault(block_id, line)
                kind = "blockquote" if token.type == "blockquote_open" else "paragraph"
                paragraphs.append(Paragraph(block_id, len(paragraphs) + 1, text, line,
                                            current_section, kind))
                order.append(("paragraph", block_id))
            depth -= 1
            index = closing + 1
            continue
        index += 1
    if not paragraphs and not problems:
        problems.append(Location(path, first_line, 1).error("the article has no paragraphs"))
    return ParsedBody(tuple(paragraphs), tuple(sections), tuple(order), tuple(problems))


def _closing_index(tokens: list[Token], start: int) -> int:
    level = 0
    for index in range(start, len(tokens)):
        level += tokens[index].nesting
        if level == 0:
            return index
    return len(tokens) - 1


def _check_id(block_id: str, seen: dict[str, int], where: Location, what: str) -> list[Diagnostic]:
    if not is_id(block_id):
        return [where.error(f"{what} id '{block_id}' must be lowercase letters, digits and "
                            "hyphens, e.g. p12")]
    if block_id in seen:
        return [where.error(f"duplicate id '{block_id}' (first used on line {seen[block_id]})")]
    return []
