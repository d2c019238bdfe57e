"""Warnings: content that builds, but that an editor probably wants to look at.

They do not fail `check` or a build unless `--strict`: a person with no quote and no role, a
paragraph no fact cites, a breakdown whose parts do not make its total, a glossary term no
article uses, an alias two entities share (its mentions cannot be linked).
"""

from __future__ import annotations

import re
from typing import Any

from ..diagnostics import Location, Report
from ..load.content import Content
from .graph import SiteGraph
from .memo import LinkMemo
from .mentions import build_index
from .provenance import describe_value


def advise(graph: SiteGraph, content: Content, report: Report,
           memo: LinkMemo | None = None) -> None:
    """Add warnings; none while there are errors (advice on half-loaded content misleads).
    `memo` (kept between runs) spares searching articles that did not change for terms."""
    if report.errors:
        return
    _idle_people(graph, content, report)
    _uncited_paragraphs(graph, content, report)
    _gaps_in_breakdowns(graph, content, report)
    _unused_glossary_terms(graph, content, report, memo or LinkMemo())
    _shared_aliases(content, report)


def _idle_people(graph: SiteGraph, content: Content, report: Report) -> None:
    credited = {p.id for s in graph.stories for p in s.photo_credits}
    for person in graph.people.values():
        if person.quotes or person.roles or person.authored or person.id in credited:
            continue
        report.add(content.people[person.id].document.where("name").warning(
            f"person '{person.id}' has no quote and no role in any story; give a role "
            "(facts.yaml `people:` or `roles:` here) or remove the file"))


def _uncited_paragraphs(graph: SiteGraph, content: Content, report: Report) -> None:
    for story in graph.stories:
        if story.facts.status == "draft":
            continue  # a draft is expected to leave paragraphs uncited
        path = content.stories[story.slug].article_document.path
        for paragraph in story.article.paragraphs:
            if paragraph.id not in story.backlinks:
                report.add(Location(path, paragraph.line, 1).warning(
                    f"paragraph {paragraph.id} is cited by no fact (a quote, event, figure or "
                    "key point)"))


def _gaps_in_breakdowns(graph: SiteGraph, content: Content, report: Report) -> None:
    for story in graph.stories:
        document = content.stories[story.slug].facts_document
        positions = {f.id: i for i, f in enumerate(story.facts.figures)}
        for figure in story.figures:
            if figure.model.known_gap:
                continue
            for breakdown in figure.breakdowns:
                if len(breakdown.parts) < 2 or breakdown.total == figure.model.value:
                    continue
                parts = " + ".join(describe_value(p.model.value) for p in breakdown.parts)
                report.add(document.where("figures", positions[figure.id], "value").warning(
                    f"figure '{figure.id}': its parts {breakdown.name} add up to {parts} = "
                    f"{describe_value(breakdown.total)}, not {describe_value(figure.model.value)}; "
                    "fix a value, or set `known_gap: true` if the article itself does not add up"))


def _unused_glossary_terms(graph: SiteGraph, content: Content, report: Report,
                           memo: LinkMemo) -> None:
    """A term no article uses (no article of its own stories, for a term limited to some).
    An article is a loaded object that stays the same while its file does, so a term found
    in one that is still searched is used, and the articles already searched in vain need
    not be searched again."""
    every = {id(s.article): s.article for s in graph.stories}
    searched: dict[tuple[str, ...], dict[int, Any]] = {}
    for entry in graph.glossary:
        articles = {id(s.article): s.article for s in entry.stories} \
            if entry.model.stories else every
        spellings = (entry.model.term, *entry.model.aliases)
        known = memo.terms.get(spellings, {})
        if any(articles.get(key) is article for key, article in known.items()
               if article is not None and key > 0):
            searched[spellings] = {key: a for key, a in known.items() if key > 0}
            continue
        pattern = re.compile(r"\b(?:" + "|".join(re.escape(s) for s in spellings) + r")",
                             re.IGNORECASE)
        missed = {key: a for key, a in known.items() if key < 0 and articles.get(-key) is a}
        found = None
        for key, article in articles.items():
            if -key in missed:
                continue
            if any(pattern.search(p.text) for p in article.paragraphs):
                found = (key, article)
                break
            missed[-key] = article
        if found is None:
            searched[spellings] = missed
            where = "the articles of its stories" if entry.model.stories else "any article"
            report.add(entry.where.warning(
                f"glossary term '{entry.model.term}' is not used in {where}"))
        else:
            searched[spellings] = {found[0]: found[1]}
    memo.terms = searched


def _shared_aliases(content: Content, report: Report) -> None:
    for kind, entries in (("people", content.people), ("organisations", content.organisations),
                          ("places", content.places)):
        index = build_index((key, [e.model.name, *e.model.aliases])
                            for key, e in entries.items())
        for words, owners in sorted(index.ambiguous.items()):
            first = entries[owners[0]]
            report.add(first.document.where("aliases").warning(
                f"'{' '.join(words)}' names several {kind} ({', '.join(sorted(owners))}); "
                "its mentions are not linked to any of them"))
