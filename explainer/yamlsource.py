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

from .diagnostics import Diagnostic, Location, Severity

_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

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


class _Refusal(yaml.constructor.ConstructorError):
    pass


def _mark(node: yaml.Node, line_offset: int) -> Position:
    return (node.start_mark.line + 1 + line_offset, node.start_mark.column + 1)


class _PositionLoader(_BaseLoader):  # type: ignore[misc]
    line_offset = 0

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        if node in self.constructed_objects or node in self.recursive_objects:
            raise _Refusal(
                None, None,
                "YAML anchors and aliases (&name, *name) are not allowed in content; the value "
                "anchored here is reused elsewhere: write it out in full each time",
                node.start_mark,
            )
        return super().construct_object(node, deep=True)

    def construct_undefined(self, node: yaml.Node) -> Any:
        raise _Refusal(
            None, None,
            f"YAML tag '{node.tag.replace('tag:yaml.org,2002:', '!!')}' is not allowed: "
            "content is plain data (text, numbers, lists, mappings)",
            node.start_mark,
        )


def _construct_map(loader: _PositionLoader, node: yaml.MappingNode) -> Any:
    data = YamlMap()
    data.where = _mark(node, loader.line_offset)
    yield data
    for key_node, value_node in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            raise _Refusal(None, None, "YAML merge keys (<<) are not allowed in content",
                           key_node.start_mark)
        key = loader.construct_object(key_node)
        if not isinstance(key, (str, int, float, bool)) and key is not None:
            raise _Refusal(None, None, "a mapping key must be plain text", key_node.start_mark)
        if key in data:
            first = data.key_where[key][0]
            raise _Refusal(None, None, f"duplicate key '{key}' (first given on line {first})",
                           key_node.start_mark)
        data[key] = loader.construct_object(value_node)
        data.key_where[key] = _mark(key_node, loader.line_offset)
        data.value_where[key] = _mark(value_node, loader.line_offset)


def _construct_seq(loader: _PositionLoader, node: yaml.SequenceNode) -> Any:
    data = YamlList()
    data.where = _mark(node, loader.line_offset)
    yield data
    for item in node.value:
        data.append(loader.construct_object(item))
        data.item_where.append(_mark(item, loader.line_offset))


_PositionLoader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_PositionLoader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)
_PositionLoader.add_constructor("tag:yaml.org,2002:omap", _PositionLoader.construct_undefined)
_PositionLoader.add_constructor("tag:yaml.org,2002:set", _PositionLoader.construct_undefined)
_PositionLoader.add_constructor("tag:yaml.org,2002:timestamp",
                                _PositionLoader.construct_yaml_str)
_PositionLoader.add_constructor(None, _PositionLoader.construct_undefined)

# Implicit types: keep YAML 1.2-ish booleans, never turn text into dates.
_PositionLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers
            if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
for _first in "tTfF":
    _PositionLoader.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), [_first])
_PositionLoader.add_constructor("tag:yaml.org,2002:bool", _PositionLoader.construct_yaml_bool)


def load_yaml(text: str, path: str, line_offset: int = 0) -> Any:
    """Load one YAML document. `line_offset` shifts reported lines (front matter in a file)."""
    loader_class = type("_Loader", (_PositionLoader,), {"line_offset": line_offset})
    loader = loader_class(text)
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        raise YamlProblem(_diagnostic(exc, path, line_offset)) from None
    except yaml.reader.ReaderError as exc:
        before = text[: exc.position]
        line = before.count("\n") + 1 + line_offset
        col = exc.position - (before.rfind("\n") + 1) + 1
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise YamlProblem(Location(path, line, col).error(
            f"character U+{code:04X} is not allowed in YAML ({exc.reason})")) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(Location(path, line_offset + 1, 1).error(f"YAML error: {exc}")) from None
    finally:
        loader.dispose()


def _diagnostic(exc: yaml.MarkedYAMLError, path: str, line_offset: int) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    line = (mark.line + 1 + line_offset) if mark else line_offset + 1
    col = (mark.column + 1) if mark else 1
    if isinstance(exc, _Refusal):
        message = str(exc.problem)
    else:
        parts = [p for p in (exc.context, exc.problem) if p]
        message = "YAML syntax error: " + ", ".join(parts)
        if exc.context_mark and exc.problem_mark and exc.context_mark.line != exc.problem_mark.line:
            message += f" (the construct started on line {exc.context_mark.line + 1 + line_offset})"
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
