"""What linking keeps from one run to the next in one process (`mkdocs serve`, benchmarks).

At archive size, linking every story again after each save costs a second. So a run reuses
what the previous one linked wherever the inputs are the very same loaded objects (the
`FileCache` hands back the same parsed file while its bytes do not change):

- the registries' nodes (people, organisations, places and their roles), when no registry
  file changed, none failed to load, and no story their roles cite was linked again; their
  story-made parts (quotes, story roles, mentions...) are emptied and made again;
- each story's node with everything in it, when its files did not change, the registries'
  nodes are reused, it reported nothing, and no story it cites was linked again; what linking
  it added to registry nodes (roles, quotes, events, mentions...) is replayed in the same
  order (`StoryLink.attached`, `StoryLink.mentioned`), and its speakers' summaries are made
  again only if a person among them got or lost a role in a story linked again;
- quote checks (keyed by the quote's text and its paragraphs') and the registry names found
  in each paragraph (keyed by the article and the names), for the stories linked again.

Everything else (mentions, lists, sorting, topics, the graph) is made again on every run, so
the result is always exactly what a fresh link makes; the tests compare the two. Entries the
latest run did not use are dropped, so the memo holds one site's worth at most.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from .provenance import QuoteMatch, find_quote

#: ids of the people, organisations and places named in each paragraph of an article
Mentions = list[tuple[list[str], list[str], list[str]]]


@dataclass
class StoryLink:
    """A linked story, for reuse: its node, the files it came from, the stories its citations
    named, and what linking it appended to registry nodes (node, attribute, item)."""

    node: Any
    files: tuple[Any, ...]
    cited: frozenset[str]
    attached: list[tuple[Any, str, Any]]
    #: what finding names in its article added to registry nodes: (node, citation)
    mentioned: list[tuple[Any, Any]] | None = None
    #: the story's picture (`ImageRef`, compared by value), or None
    image: Any = None


@dataclass
class RegistryLink:
    """The registries' linked nodes, the loaded entries they came from, the lists their own
    files gave them (before any story added to them), and the stories their roles cite."""

    entries: tuple[dict[str, Any], dict[str, Any], dict[str, Any]]
    broken: dict[str, frozenset[str]]
    people: dict[str, Any]
    organisations: dict[str, Any]
    places: dict[str, Any]
    own_lists: dict[int, tuple[Any, str, list[Any]]]
    cited: frozenset[str]
    #: the pictures their files name, by the file's path (`ImageRef`s, compared by value)
    images: dict[str, Any] = field(default_factory=dict)


@dataclass
class LinkMemo:
    """Quote checks and name scans of the previous run (see the module's docstring)."""

    quotes: dict[tuple[str, tuple[str, ...]], QuoteMatch | str] = field(default_factory=dict)
    #: id(article) -> (the article, its mentions); the article is held so its id stays its own
    mentions: dict[int, tuple[Any, Mentions]] = field(default_factory=dict)
    #: the registries' names the mentions were found with
    names: str = ""
    registry: RegistryLink | None = None
    stories: dict[str, StoryLink] = field(default_factory=dict)
    #: glossary spellings -> {id(article): article} where found (positive id) or searched in
    #: vain (negative id); the articles are held so their ids stay their own (`advice`)
    terms: dict[tuple[str, ...], dict[int, Any]] = field(default_factory=dict)
    _quotes_used: dict[tuple[str, tuple[str, ...]], QuoteMatch | str] = field(
        default_factory=dict)
    _mentions_used: dict[int, tuple[Any, Mentions]] = field(default_factory=dict)

    def forget(self) -> None:
        """After a failed run: nothing of it may be reused."""
        self.registry = None
        self.stories.clear()

    def find_quote(self, quote_text: str, paragraphs: list[str]) -> QuoteMatch | str:
        key = (quote_text, tuple(paragraphs))
        found = self.quotes.get(key)
        if found is None:
            found = find_quote(quote_text, paragraphs)
        self._quotes_used[key] = found
        return found

    def start_mentions(self, names: str) -> None:
        """Before scanning: mentions found with other names are of no use."""
        if names != self.names:
            self.mentions.clear()
            self.names = names

    def known_mentions(self, article: Any) -> Mentions | None:
        hit = self.mentions.get(id(article))
        if hit is None or hit[0] is not article:
            return None
        self._mentions_used[id(article)] = hit
        return hit[1]

    def remember_mentions(self, article: Any, found: Mentions) -> None:
        self._mentions_used[id(article)] = (article, found)

    def finish(self) -> None:
        """Keep what this run used, nothing else."""
        self.quotes, self._quotes_used = self._quotes_used, {}
        self.mentions, self._mentions_used = self._mentions_used, {}


def names_signature(entries: list[tuple[str, str, list[str]]]) -> str:
    """A digest of every (kind, id, names) the name indexes are built from."""
    digest = hashlib.sha1(usedforsecurity=False)
    for kind, item_id, names in entries:
        digest.update(f"{kind}\0{item_id}\0{chr(1).join(names)}\0".encode())
    return digest.hexdigest()
