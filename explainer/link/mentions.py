"""Find where people, organisations and places are named in an article.

Every name, alias and abbreviation in the registries is looked up word by word (the longest
name wins), so "Islamic Movement of Uzbekistan" is one organisation and "Rakhimzoda's" still
finds Ramazon Rakhimzoda through his alias. An alias shared by two entities is ambiguous and
is not linked, so two people with the same surname are never merged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")
_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return _WORD.findall(text)


@dataclass
class NameIndex(Generic[T]):
    """Maps word sequences to the entity they name."""

    names: dict[tuple[str, ...], T] = field(default_factory=dict)
    ambiguous: dict[tuple[str, ...], list[T]] = field(default_factory=dict)
    longest: int = 0
    first_words: set[str] = field(default_factory=set)

    def add(self, name: str, entity: T) -> None:
        key = tuple(words(name))
        if not key:
            return
        if key in self.ambiguous:
            if entity not in self.ambiguous[key]:
                self.ambiguous[key].append(entity)
            return
        existing = self.names.get(key)
        if existing is not None and existing is not entity:
            del self.names[key]
            self.ambiguous[key] = [existing, entity]
            return
        self.names[key] = entity
        self.longest = max(self.longest, len(key))
        self.first_words.add(key[0])

    def find(self, text: str) -> list[T]:
        """Entities named in `text`, in order of first mention, each once."""
        return self.find_in_words(words(text))

    def find_in_words(self, tokens: list[str]) -> list[T]:
        """`find` for text already split by `words` (one split serves several indexes)."""
        first_words = self.first_words
        found: dict[int, T] = {}
        covered = 0  # tokens before this are part of a name already found
        for index in [i for i, token in enumerate(tokens) if token in first_words]:
            if index < covered:
                continue
            for size in range(min(self.longest, len(tokens) - index), 0, -1):
                entity = self.names.get(tuple(tokens[index:index + size]))
                if entity is not None:
                    found.setdefault(id(entity), entity)
                    covered = index + size
                    break
        return list(found.values())


def build_index(entries: Iterable[tuple[T, Iterable[str]]]) -> NameIndex[T]:
    index: NameIndex[T] = NameIndex()
    for entity, names in entries:
        for name in names:
            if name:
                index.add(name, entity)
    return index
