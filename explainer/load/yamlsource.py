"""Safe YAML loading that remembers where every key and value came from.

Content is data, never code: only plain YAML types are built (no `!!python/...` tags), anchors
and aliases are refused (they make "billion laughs" bombs possible and are never needed in
hand-written content), duplicate keys are errors rather than silently last-one-wins, and dates
stay strings (they are EDTF, parsed later) while `yes`/`no` stay strings too (only `true` and
`false` are booleans). libyaml's C parser is used when available; construction stays in Python
so positions are kept either way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import yaml

from ..diagnostics import Diagnostic, Location, Severity

Position = tuple[int, int]  # 1-based line and column


class YamlMap(dict[Any, Any]):
    """A mapping that knows the position of itself, of each key, and of each value."""

    __slots__ = ("key_where", "value_where", "where")

    def __init__(self) -> None:
        super().__init__()
        self.where: Position = (0, 0)
        self.key_where: dict[Any, Position] = {}
        self.value_where: dict[Any, Position] = {}


class YamlList(list[Any]):
    """A sequence that knows the position of itself and of each item."""

    __slots__ = ("item_where", "where")

    def __init__(self) -> None:
        super().__init__()
        self.where: Position = (0, 0)
        self.item_where: list[Position] = []


class YamlProblem(Exception):
    """A YAML document that cannot be loaded; carries a ready diagnostic."""

    def __init__(self, diagnostic: Diagnostic):
        self.diagnostic = diagnostic
        super().__init__(diagnostic.format())


class _Refusal(yaml.MarkedYAMLError):
    pass


class _Duplicate(Exception):
    """A duplicate key without positions: loaded again with positions for the message."""


def _refuse(message: str, node: yaml.Node) -> _Refusal:
    return _Refusal(None, None, message, node.start_mark)


_BaseLoader: type = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
_DEFAULT_TAGS = {yaml.ScalarNode: "tag:yaml.org,2002:str", yaml.SequenceNode:
                 "tag:yaml.org,2002:seq", yaml.MappingNode: "tag:yaml.org,2002:map"}


class _CoreLoader(_BaseLoader):  # type: ignore[misc]
    """libyaml's parser and composer with the cheapest possible tag resolution.

    The C composer calls back into Python three times per node to resolve its tag. The base
    resolver has no implicit or path resolvers, so its answer depends only on the node kind;
    saying so directly saves ~0.3 s per 500,000 nodes. (_Converter types plain scalars.)"""

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        return _DEFAULT_TAGS[kind]
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False,
         "FALSE": False}
_WORDS = {*_BOOL, "null", "Null", "NULL"}
_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9_]*)$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_STANDARD = "tag:yaml.org,2002:"
_SEQ, _MAP = _STANDARD + "seq", _STANDARD + "map"
_GLUED_COMMENT = re.compile(r"^\s+#[^\s#]")
_PLAIN_TAGS = {_STANDARD + name for name in ("str", "int", "float", "bool", "null")}
#: Control characters (C0 but tab and line breaks, DEL, C1) and the noncharacters U+FFFE and
#: U+FFFF: refused in content files, and so in values written with YAML escapes ("\x1b", "\0",
#: "\x9b"), which would otherwise carry them into pages, messages and terminals (and YAML
#: refuses C1 controls: a page's front matter holding one is not read as front matter).
CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def character_name(char: str) -> str:
    """'control character U+001B' (or 'noncharacter U+FFFE'), for messages."""
    kind = "noncharacter" if char in "\ufffe\uffff" else "control character"
    return f"{kind} U+{ord(char):04X}"


#: Line breaks of YAML 1.1 that libyaml counts and editors do not (NEL is refused as a C1
#: control before it gets here): a line or paragraph separator inside a value.
_YAML_ONLY_BREAK = re.compile("[\u2028\u2029]")
_YAML_BREAK = re.compile("[\n\x85\u2028\u2029]")


class _LineMap:
    """libyaml's (line, column) as an editor counts them: where a text holds a line or
    paragraph separator, libyaml starts a new line there and an editor does not."""

    def __init__(self, text: str):
        self.text = text
        self.starts = [0, *(m.end() for m in _YAML_BREAK.finditer(text))] \
            if _YAML_ONLY_BREAK.search(text) else None

    def position(self, line: int, column: int) -> tuple[int, int]:
        """1-based (line, column) in the editor of libyaml's 0-based `line`, `column`."""
        if self.starts is None or line >= len(self.starts):
            return line + 1, column + 1
        offset = self.starts[line] + column
        before = self.text[:offset]
        return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


class _Converter:
    """Builds plain data (with positions) from libyaml's node tree.

    PyYAML's own constructors are general and slow; content needs only text, numbers,
    booleans, null, lists and mappings. Plain scalars are typed like YAML 1.2's core schema
    minus dates; every other tag, any alias, a merge key or a duplicate key is refused.
    """

    def __init__(self, line_offset: int, lines: list[str], path: str,
                 check_aliases: bool = True, line_map: _LineMap | None = None):
        self.check_aliases = check_aliases  # False only when the text cannot hold an alias
        self.line_map = line_map if line_map is not None and line_map.starts else None
        self.line_offset = line_offset
        self.seen: set[int] = set()
        self.lines = lines
        self.path = path
        self.warnings: list[Diagnostic] = []

    def mark(self, node: yaml.Node) -> Position:
        if self.line_map is not None:
            line, column = self.line_map.position(node.start_mark.line, node.start_mark.column)
            return (line + self.line_offset, column)
        return (node.start_mark.line + 1 + self.line_offset, node.start_mark.column + 1)

    def visit(self, node: yaml.Node) -> None:
        """libyaml gives an alias the anchored node itself: a node met twice is an alias."""
        if id(node) in self.seen:
            raise _refuse("YAML anchors and aliases (&name, *name) are not allowed in content; "
                          "the value anchored here is reused elsewhere: write it out in full "
                          "each time", node)
        self.seen.add(id(node))

    def check_key(self, key_node: yaml.Node) -> None:
        if not isinstance(key_node, yaml.ScalarNode):
            raise _refuse("a mapping key must be plain text", key_node)
        if key_node.value == "<<" and _plain(key_node):
            raise _refuse("YAML merge keys (<<) are not allowed in content", key_node)
        if self.check_aliases:
            self.visit(key_node)

    def convert_plain(self, node: yaml.Node) -> Any:
        """Plain dicts and lists, the common path (positions are worked out again, by
        `convert`, only when a message needs them): the same checks with less work per node."""
        if self.check_aliases:
            self.visit(node)
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ:
                raise self.bad_tag(node)
            return [self.convert_plain(item) for item in node.value]
        if node.tag != _MAP:
            raise self.bad_tag(node)
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            self.check_key(key_node)
            key = self.scalar(key_node)
            if key in mapping:
                raise _Duplicate()  # loaded again with positions, for the message
            mapping[key] = self.convert_plain(value_node)
        return mapping

    def convert(self, node: yaml.Node) -> Any:
        """YamlMap and YamlList, which know where each of their values was written."""
        if self.check_aliases:
            self.visit(node)
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ:
                raise self.bad_tag(node)
            items = YamlList()
            items.where = self.mark(node)
            for item in node.value:
                items.append(self.convert(item))
                items.item_where.append(self.mark(item))
            return items
        if node.tag != _MAP:
            raise self.bad_tag(node)
        mapping = YamlMap()
        mapping.where = self.mark(node)
        for key_node, value_node in node.value:
            self.check_key(key_node)
            key = self.scalar(key_node)
            if key in mapping:
                first = mapping.key_where[key][0]
                raise _refuse(f"duplicate key '{key}' (first given on line {first})", key_node)
            mapping[key] = self.convert(value_node)
            mapping.key_where[key] = self.mark(key_node)
            mapping.value_where[key] = self.mark(value_node)
        return mapping

    def scalar(self, node: yaml.ScalarNode) -> Any:
        value = node.value
        if node.tag not in _PLAIN_TAGS:
            raise self.bad_tag(node)
        if not _plain(node):
            if node.style == '"' and CONTROL_CHARACTER.search(value):
                raise self.escaped_control(node)
            return value  # quoted or block scalars are text
        if self.lines:
            self.check_hashtag(node)
        if value[:1].isalpha() and value not in _WORDS:
            return value  # most content: text that cannot be a number, boolean or null
        if _NULL.match(value):
            return None
        if value in _BOOL:
            return _BOOL[value]
        if _INT.match(value):
            return int(value.replace("_", ""))
        if _FLOAT.match(value):
            return float(value.replace("_", ""))
        return value

    def check_hashtag(self, node: yaml.ScalarNode) -> None:
        """`text: #IStandWithAhmed is trending` loses everything from ' #': YAML reads it as a
        comment. A comment glued to its '#' right after a value is almost always that."""
        end = node.end_mark
        if end.line >= len(self.lines):
            return
        rest = self.lines[end.line][end.column:]
        if _GLUED_COMMENT.match(rest):
            column = end.column + rest.index("#") + 1
            where = Location(self.path, end.line + 1 + self.line_offset, column)
            self.warnings.append(where.warning(
                f"'{rest.strip()[:30]}' is read as a YAML comment, so the value ends at "
                f"'{node.value[-30:]}'; put the value in quotes to keep the '#'"))

    def escaped_control(self, node: yaml.ScalarNode) -> _Refusal:
        found = CONTROL_CHARACTER.search(node.value)
        assert found is not None
        return _refuse(f"{character_name(found.group())} (written as an escape) is not allowed "
                       "in content", node)

    def bad_tag(self, node: yaml.Node) -> _Refusal:
        tag = node.tag.replace(_STANDARD, "!!")
        return _refuse(f"YAML tag '{tag}' is not allowed: content is plain data (text, numbers, "
                       "lists, mappings)", node)


def _plain(node: yaml.ScalarNode) -> bool:
    """An unquoted, non-block scalar (libyaml says style '', the pure-Python parser None)."""
    return not node.style


def load_yaml(text: str, path: str, line_offset: int = 0) -> Any:
    """Load one YAML document. `line_offset` shifts reported lines (front matter in a file)."""
    return load_yaml_checked(text, path, line_offset)[0]


def load_yaml_checked(text: str, path: str, line_offset: int = 0,
                      positions: bool = True) -> tuple[Any, list[Diagnostic]]:
    """Load one YAML document, with warnings about likely mistakes (a '#' cutting text).

    With `positions`, mappings and sequences are YamlMap/YamlList that know where each value
    was written; without, plain dicts and lists (the same checks, less memory)."""
    loader = _CoreLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, []
        lines = text.split("\n") if "#" in text else []
        converter = _Converter(line_offset, lines, path,
                               check_aliases="*" in text,  # an alias is written *name
                               line_map=_LineMap(text))
        if positions:
            return converter.convert(node), converter.warnings
        return converter.convert_plain(node), converter.warnings
    except _Duplicate:
        return load_yaml_checked(text, path, line_offset, positions=True)
    except yaml.reader.ReaderError as exc:
        before = text[: exc.position]
        line = before.count("\n") + 1 + line_offset
        col = exc.position - (before.rfind("\n") + 1) + 1
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise YamlProblem(Location(path, line, col).error(
            f"character U+{code:04X} is not allowed in YAML ({exc.reason})")) from None
    except yaml.MarkedYAMLError as exc:
        raise YamlProblem(_diagnostic(exc, path, line_offset, text)) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(Location(path, line_offset + 1, 1).error(f"YAML error: {exc}")) from None
    finally:
        loader.dispose()


def _diagnostic(exc: yaml.MarkedYAMLError, path: str, line_offset: int,
                text: str) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    line_map = _LineMap(text)
    line, col = line_map.position(mark.line, mark.column) if mark else (1, 1)
    line += line_offset
    lines = text.split("\n")
    if mark and line - line_offset > len(lines):  # the end of a text without a final line break:
        line = len(lines) + line_offset  # libyaml counts one line more than there is
        col = len(lines[-1]) + 1
    if isinstance(exc, _Refusal):
        message = str(exc.problem)
    else:
        parts = [p for p in (exc.context, exc.problem) if p]
        message = "YAML syntax error: " + ", ".join(parts)
        if exc.context_mark and exc.problem_mark and exc.context_mark.line != exc.problem_mark.line:
            started = line_map.position(exc.context_mark.line, exc.context_mark.column)[0]
            message += f" (the construct started on line {started + line_offset})"
    return Diagnostic(path, line, col, Severity.ERROR, message)


def position_of(root: Any, loc: Sequence[Any]) -> tuple[Position, bool]:
    """Where the value at `loc` (a pydantic-style path) was written.

    Returns the deepest known position and whether the whole path was found; a missing field
    points at the mapping that should have held it.
    """
    node = root
    where: Position = getattr(root, "where", (0, 0))
    for part in loc:
        if isinstance(node, YamlMap) and part in node:
            where = node.value_where.get(part, where)
            node = node[part]
        elif isinstance(node, YamlList) and isinstance(part, int) and 0 <= part < len(node):
            where = node.item_where[part]
            node = node[part]
        else:
            return where, False
    return where, True


def key_position(mapping: Any, key: Any) -> Position:
    if isinstance(mapping, YamlMap) and key in mapping.key_where:
        return mapping.key_where[key]
    return getattr(mapping, "where", (0, 0))
