"""Abbreviation tooltips: which abbreviations a page uses, and what each stands for there.

Python-Markdown's `abbr` turns `*[ISIL]: Islamic State of Iraq and the Levant` definitions at
the end of a page into `<abbr title>` wherever the term appears. The render stage appends the
definitions each page needs, worked out here.
"""

from __future__ import annotations

import hashlib
import re

from ..link.graph import Abbreviation
from .dependencies import EVERYTHING

# Candidate abbreviations: runs starting with a capital (no word-boundary check: a candidate
# that is not a whole word only adds a definition that Python-Markdown's abbr then ignores).
_CAPITALISED = re.compile(r"[A-Z][A-Za-z0-9]*")
#: A story's own files, as page sources list them: the page shows that story's text.
_STORY_FILE = re.compile(r"(?:^|/)stories/([a-z0-9-]+)/(?:article\.md|facts\.yaml)$")


class Abbreviations:
    """Definitions for Python-Markdown's `abbr`, for the abbreviations a page uses: found with
    one regular expression per page, so the cost does not grow with the glossary.

    A meaning limited to some stories (`stories:` in the glossary) is given on pages that show
    only those stories' text; a page that mixes it with stories where the term means something
    else (a profile, a site-wide timeline) gets no tooltip for it rather than a wrong one."""

    def __init__(self, abbreviations: list[Abbreviation], all_stories: frozenset[str]):
        self.site_wide = {a.term: a.expansion for a in abbreviations if a.stories is None}
        self.scoped: dict[str, list[tuple[frozenset[str], str]]] = {}
        for item in abbreviations:
            if item.stories is not None:
                self.scoped.setdefault(item.term, []).append((item.stories, item.expansion))
        self.all_stories = all_stories
        terms = {*self.site_wide, *self.scoped}
        self.words = {t for t in terms if _CAPITALISED.fullmatch(t)}  # ISIL, Interpol
        self.others = sorted(t for t in terms if t not in self.words)  # "U.S.", "e-mail"

    def signature(self) -> str:
        """Changes whenever an abbreviation or its expansion does (part of page fingerprints)."""
        scoped = sorted((term, sorted((sorted(s), e) for s, e in meanings))
                        for term, meanings in self.scoped.items())
        return hashlib.sha1(repr((sorted(self.site_wide.items()), scoped)).encode(),
                            usedforsecurity=False).hexdigest()

    def expansion(self, term: str, stories: frozenset[str]) -> str | None:
        """What `term` stands for on a page showing `stories`; None when they disagree."""
        scoped = self.scoped.get(term)
        if not scoped:
            return self.site_wide.get(term)
        meanings = {expansion for scope, expansion in scoped if scope & stories}
        covered = frozenset().union(*(scope for scope, _ in scoped))
        if term in self.site_wide and (not stories or stories - covered):
            meanings.add(self.site_wide[term])
        return meanings.pop() if len(meanings) == 1 else None

    def page_stories(self, sources: frozenset[str] | None) -> frozenset[str]:
        """The stories whose text a page made from `sources` shows (None: the whole site)."""
        if sources is None or not self.scoped:
            return self.all_stories
        return frozenset(m.group(1) for m in map(_STORY_FILE.search, sources) if m)

    def block(self, text: str, sources: frozenset[str] | None = EVERYTHING) -> str:
        if not self.site_wide and not self.scoped:
            return ""
        used = sorted((set(_CAPITALISED.findall(text)) & self.words)
                      | {t for t in self.others if t in text})
        if not used:
            return ""
        stories = self.page_stories(sources)
        lines: dict[str, str] = {}
        for term in used:
            expansion = self.expansion(term, stories)
            if expansion is not None:
                lines.setdefault(abbr_key(term), " ".join(expansion.split()))
        if not lines:
            return ""
        return "\n" + "\n".join(f"*[{key}]: {value}" for key, value in lines.items()) + "\n"


def abbr_key(term: str) -> str:
    """The term as Python-Markdown's `abbr` can find it. `abbr` looks for `\\bTERM\\b`, and
    there is no word boundary after a final dot followed by a space, so "U.S." would never
    match: "U.S" matches, and the tooltip covers all but the final dot."""
    return term[:-1] if term.endswith(".") and len(term) > 1 and term[-2].isalnum() else term
