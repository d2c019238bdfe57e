"""What linking keeps from one run to the next in one process (`mkdocs serve`, benchmarks).

Most of linking is cheap wiring (nodes, references, back-links) and is redone on every run, so
the graph is always exactly what a fresh link makes. Two parts cost most of the time at
archive size and depend on little: checking each direct quote against its cited paragraphs
(on the quote's text and theirs) and finding registry names in every paragraph (on the story's
article and the registries' names). Their results are kept here, keyed by exactly those
inputs, and reused for every story an edit did not touch. Entries not used by the latest run
are dropped, so the memo holds one site's worth at most.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from .provenance import QuoteMatch, find_quote

#: ids of the people, organisations and places named in each paragraph of an article
Mentions = list[tuple[list[str], list[str], list[str]]]


@dataclass
class LinkMemo:
    """Quote checks and name scans of the previous run (see the module's docstring)."""

    quotes: dict[tuple[str, tuple[str, ...]], QuoteMatch | str] = field(default_factory=dict)
    #: id(article) -> (the article, its mentions); the article is held so its id stays its own
    mentions: dict[int, tuple[Any, Mentions]] = field(default_factory=dict)
    #: the registries' names the mentions were found with
    names: str = ""
    _quotes_used: dict[tuple[str, tuple[str, ...]], QuoteMatch | str] = field(
        default_factory=dict)
    _mentions_used: dict[int, tuple[Any, Mentions]] = field(default_factory=dict)

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
