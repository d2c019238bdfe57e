"""Diagnostics: what went wrong, where, and how bad.

Every content problem is reported as `path:line:col: severity: message`, the format compilers
and linters use, so editors' tools can jump to it. Stages collect diagnostics instead of raising
on the first problem, so one run lists every error.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from enum import StrEnum

#: Everything `str.splitlines` (and so an editor or a terminal) takes for a line break.
_LINE_BREAKS = {ord(char): f"\\{escape}" for char, escape in (("\n", "n"), ("\r", "r"))} | {
    ord(char): f"\\u{ord(char):04x}"
    for char in "\v\f\x1c\x1d\x1e\x85\u2028\u2029"}


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem in one file. `line` and `col` are 1-based; 0 means "the whole file"."""

    path: str
    line: int
    col: int
    severity: Severity
    message: str

    def __post_init__(self) -> None:
        # one problem, one line: a value quoted in the message may hold line breaks (a YAML
        # scalar over several lines); shown escaped, the message stays `path:line:col: ...`
        object.__setattr__(self, "message", self.message.translate(_LINE_BREAKS))

    def format(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.severity.value}: {self.message}"

    def as_json(self) -> dict[str, object]:
        data = asdict(self)
        data["severity"] = self.severity.value
        return data


@dataclass(frozen=True)
class Location:
    """A position in a source file, carried by loaded data so later stages can point at it."""

    path: str
    line: int = 0
    col: int = 0

    def error(self, message: str) -> Diagnostic:
        return Diagnostic(self.path, self.line, self.col, Severity.ERROR, message)

    def warning(self, message: str) -> Diagnostic:
        return Diagnostic(self.path, self.line, self.col, Severity.WARNING, message)


@dataclass
class Report:
    """Collects diagnostics across stages; sorted output keeps runs comparable."""

    items: list[Diagnostic] = field(default_factory=list)

    def add(self, diagnostic: Diagnostic) -> None:
        self.items.append(diagnostic)

    def extend(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.items.extend(diagnostics)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.sorted() if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.sorted() if d.severity is Severity.WARNING]

    def sorted(self) -> list[Diagnostic]:
        return sorted(set(self.items), key=_sort_key)

    def raise_if_errors(self) -> None:
        if self.errors:
            raise ContentError(self.sorted())


def _sort_key(d: Diagnostic) -> tuple[str, int, int, str, str]:
    return (d.path, d.line, d.col, d.severity.value, d.message)


class ContentError(Exception):
    """Raised when content cannot be built; carries every diagnostic, not just the first."""

    def __init__(self, diagnostics: Sequence[Diagnostic]):
        self.diagnostics = list(diagnostics)
        super().__init__("\n".join(d.format() for d in self.diagnostics))

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]


def limit_per_file(diagnostics: Iterable[Diagnostic], limit: int = 50) -> list[Diagnostic]:
    """At most `limit` problems per file, then one line saying how many more there are: a
    broken file can produce thousands, and the first few are the ones to fix."""
    shown: list[Diagnostic] = []
    counts: dict[str, int] = {}
    for diagnostic in diagnostics:
        counts[diagnostic.path] = counts.get(diagnostic.path, 0) + 1
        if counts[diagnostic.path] <= limit:
            shown.append(diagnostic)
    for path, count in counts.items():
        if count > limit:
            last = max(i for i, d in enumerate(shown) if d.path == path)
            shown.insert(last + 1, Diagnostic(path, 0, 0, Severity.ERROR,
                                              f"... and {count - limit:,} more problems in this "
                                              "file (fix the first ones: they often cause the "
                                              "rest)"))
    return shown


def format_json(diagnostics: Iterable[Diagnostic]) -> str:
    return json.dumps([d.as_json() for d in diagnostics], indent=2, ensure_ascii=False)


def did_you_mean(word: str, choices: Iterable[str],
                 aliases: Mapping[str, str] | None = None) -> str:
    """A suggestion suffix such as " (did you mean 'ramazon-rakhimzoda'?)", or "".

    `aliases` maps other spellings (a surname, a name) to the id to suggest.
    """
    spellings = {**(aliases or {}), **{c: c for c in choices}}
    close = difflib.get_close_matches(word, sorted(spellings), n=1, cutoff=0.6)
    return f" (did you mean '{spellings[close[0]]}'?)" if close else ""
