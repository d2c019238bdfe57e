"""Reading content files: bytes to text, and Markdown front matter split from its body.

Editors' files come from many editors: a BOM, Windows line endings or a stray byte must give a
clear `path:line:col` message or be normalised, never a traceback.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..diagnostics import Diagnostic, Location
from .yamlsource import (
    CONTROL_CHARACTER,
    YamlProblem,
    character_name,
    load_yaml_checked,
    position_of,
)

#: Files larger than this are refused before parsing: content is hand-edited text, and the
#: longest news articles are a few hundred kilobytes.
MAX_FILE_BYTES = 2 * 1024 * 1024


class SourceProblem(Exception):
    def __init__(self, location: Location, message: str):
        self.diagnostic = location.error(message)
        super().__init__(self.diagnostic.format())


def unreadable(error: OSError) -> str:
    """What to tell an editor about a content file that cannot be read."""
    if isinstance(error, IsADirectoryError):
        return "is a folder, where a content file is expected: remove or rename it"
    if isinstance(error, FileNotFoundError):
        return "disappeared while it was being read (save it again)"
    return f"cannot be read: {error.strerror or error}"


def read_text(path: Path, shown_as: str) -> str:
    """Decode UTF-8 (a BOM is dropped), normalise line endings, refuse control characters."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise SourceProblem(Location(shown_as, 1, 1),
                                f"file is {size:,} bytes; content files are limited to "
                                f"{MAX_FILE_BYTES:,} bytes")
        data = path.read_bytes()
    except OSError as error:
        raise SourceProblem(Location(shown_as, 0, 0), unreadable(error)) from None
    data = data.removeprefix(b"\xef\xbb\xbf")  # a BOM
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        # where an editor sees it: lines as read below (CR LF and CR end lines too), the
        # column in characters of the line's valid start
        before = data[: exc.start].decode("utf-8")
        before = before.replace("\r\n", "\n").replace("\r", "\n")
        line = before.count("\n") + 1
        col = len(before) - (before.rfind("\n") + 1) + 1
        raise SourceProblem(Location(shown_as, line, col),
                            f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); save the file "
                            "as UTF-8") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    bad = CONTROL_CHARACTER.search(text)
    if bad:
        before_text = text[: bad.start()]
        line = before_text.count("\n") + 1
        col = bad.start() - (before_text.rfind("\n") + 1) + 1
        raise SourceProblem(Location(shown_as, line, col),
                            f"{character_name(bad.group())} is not allowed")
    return text


@dataclass(frozen=True)
class FrontMatterDocument:
    """A Markdown file split into its YAML front matter and its body.

    `body_line` is the 1-based line of the body's first line in the file, so positions found
    in the body can be reported against the file.
    """

    front_matter: str
    front_matter_line: int
    body: str
    body_line: int


def split_front_matter(text: str, shown_as: str) -> FrontMatterDocument:
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise SourceProblem(Location(shown_as, 1, 1),
                            "missing YAML front matter: the file must start with a line '---', "
                            "then the fields, then another '---'")
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            return FrontMatterDocument(
                front_matter="\n".join(lines[1:index]) + "\n",
                front_matter_line=2,
                body="\n".join(lines[index + 1:]),
                body_line=index + 2,
            )
    raise SourceProblem(Location(shown_as, 1, 1),
                        "front matter is not closed: add a line '---' after the fields")


@dataclass(frozen=True)
class YamlDocument:
    """Loaded YAML plus where it came from, so later stages can point at any field.

    `data` is plain; positions are worked out from `text` the first time a message needs
    one (most documents never do, and positions for every value cost memory at scale).
    `extra` gives positions of fields added after loading (a Markdown body).
    """

    path: str
    data: Any
    warnings: tuple[Diagnostic, ...] = ()
    text: str = ""
    line_offset: int = 0
    extra: dict[str, tuple[int, int]] = field(default_factory=dict)

    @property
    def positioned(self) -> Any:
        cached = self.__dict__.get("_positioned")
        if cached is None:
            try:
                cached = load_yaml_checked(self.text, self.path, self.line_offset)[0]
            except YamlProblem:
                cached = None
            object.__setattr__(self, "_positioned", cached)
        return cached

    def where(self, *loc: Any) -> Where:
        """Like `at`, but the position is worked out only if a message is made."""
        return Where(self, loc)

    def at(self, *loc: Any) -> Location:
        if len(loc) == 1 and loc[0] in self.extra:
            line, col = self.extra[loc[0]]
            return Location(self.path, line, col)
        (line, col), _ = position_of(self.positioned, loc)
        return Location(self.path, line, col)

    def key_at(self, loc: Sequence[Any], key: Any) -> Location:
        """Position of a key itself (for "unknown field" messages)."""
        from .yamlsource import key_position

        data = self.positioned
        (line, col), found = position_of(data, loc)
        if found:
            parent = data
            for part in loc:
                parent = parent[part]
            line, col = key_position(parent, key)
        return Location(self.path, line, col)


@dataclass(frozen=True)
class Where:
    """A field of a document whose position is found only when a message needs it."""

    document: YamlDocument
    loc: tuple[Any, ...]

    def location(self) -> Location:
        return self.document.at(*self.loc)

    @property
    def line(self) -> int:
        return self.location().line

    def error(self, message: str) -> Diagnostic:
        return self.location().error(message)

    def warning(self, message: str) -> Diagnostic:
        return self.location().warning(message)


def load_yaml_document(text: str, shown_as: str, line_offset: int = 0) -> YamlDocument:
    try:
        data, warnings = load_yaml_checked(text, shown_as, line_offset, positions=False)
        return YamlDocument(shown_as, data, tuple(warnings), text, line_offset)
    except YamlProblem as problem:
        raise SourceProblem(
            Location(problem.diagnostic.path, problem.diagnostic.line, problem.diagnostic.col),
            problem.diagnostic.message) from None
