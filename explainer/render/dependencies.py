"""Which content files each page is made from, so an edit re-renders only the pages it touches.

A story's pages depend on its own files and on the registry files of everyone and everything
they show; a profile on the person's file and every story they appear in; lists and timelines
on everything. Rendering is skipped for a page whose files (and the templates) are unchanged
since the previous run in the same process, as in `mkdocs serve`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..link.graph import OrganisationNode, PersonNode, PlaceNode, StoryNode
from ..project import layered_files

EVERYTHING = None  # a page that lists the whole site


def _pictures(nodes: Iterable[PersonNode | OrganisationNode | StoryNode]) -> set[str]:
    """The picture files of nodes that have one (a page showing a portrait depends on it)."""
    return {node.image.source.shown for node in nodes if node.image is not None}


def story_sources(story: StoryNode) -> set[str]:
    files = set(story.sources) | _pictures([story])
    nodes: list[PersonNode | OrganisationNode | PlaceNode] = [
        *story.authors, *story.photo_credits, *story.people, *story.organisations,
        *story.places]
    if story.outlet is not None:
        nodes.append(story.outlet)
    for quote in story.quotes:
        if not isinstance(quote.speaker, PersonNode | OrganisationNode):
            if quote.speaker.organisation is not None:
                nodes.append(quote.speaker.organisation)
            continue
        nodes.append(quote.speaker)
    for role in story.roles.values():
        if role.organisation is not None:
            nodes.append(role.organisation)
    for event in story.events:
        nodes.extend([*event.people, *event.organisations, *event.places])
    files.update(node.source for node in nodes)
    files |= _pictures(n for n in nodes if not isinstance(n, PlaceNode))
    for summary in story.speakers:
        speaker = summary.speaker
        if isinstance(speaker, PersonNode) and speaker.id not in story.roles:
            # shown with their latest role, which any story (or their own file) may state
            for role in speaker.roles:
                if role.story is not None:
                    files.update(role.story.sources)
                if role.organisation is not None:
                    files.add(role.organisation.source)
    return files


def _stories(stories: Iterable[StoryNode]) -> set[str]:
    return {source for story in stories for source in story.sources}


def person_sources(person: PersonNode) -> set[str]:
    files = {person.source} | _pictures([person])
    files |= _stories([*person.stories, *person.authored, *(q.story for q in person.quotes),
                       *(r.story for r in person.roles if r.story is not None),
                       *(c.story for r in person.roles for c in r.citations)])
    files |= {r.organisation.source for r in person.roles if r.organisation is not None}
    return files


def organisation_sources(org: OrganisationNode) -> set[str]:
    files = {org.source, *(child.source for child in org.children)} | _pictures([org])
    files |= {related.source for related in (org.parent, org.country) if related is not None}
    files |= {person.source for person, _ in org.roles}
    files |= _stories([*org.stories, *(e.story for e in org.events),
                       *(q.story for q in org.quotes), *(a.story for a in org.anonymous),
                       *(r.story for _, r in org.roles if r.story is not None),
                       *(c.story for _, r in org.roles for c in r.citations)])
    return files


def place_sources(place: PlaceNode) -> set[str]:
    files = {place.source, *(p.source for p in place.contains),
             *(o.source for o in place.organisations)}
    if place.within is not None:
        files.add(place.within.source)
    files |= _stories([*place.stories, *(e.story for e in place.events)])
    return files


def templates_version(layers: tuple[Path, ...]) -> str:
    """A hash of the page templates in effect (each name with the layer's file that wins)."""
    digest = hashlib.sha1(usedforsecurity=False)
    for name, path in layered_files(layers, "pages").items():
        digest.update(f"{name}\0{path}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@dataclass
class RenderCache:
    """Rendered pages of the previous run, by path: (fingerprint, Markdown)."""

    pages: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    #: each story's data files (JSON, CSV), by slug: (fingerprint, files)
    exports: dict[str, tuple[str, dict[str, str]]] = field(default_factory=dict)
    #: pictures (share cards, resized photos), by path: (cache key of their spec, bytes)
    images: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    #: pictures kept in memory between runs (`serve`); False: linked from the picture cache
    #: like a build without a RenderCache (`build.py build` with the stored pages)
    hold_pictures: bool = True


def fingerprint(base: str, sources: frozenset[str] | None, versions: Mapping[str, str],
                everything: str) -> str:
    if sources is EVERYTHING:
        return base + ":all:" + everything
    get = versions.get
    text = "".join([f"\0{source}\0{get(source, '-')}" for source in sorted(sources)])
    return hashlib.sha1((base + text).encode(), usedforsecurity=False).hexdigest()


def everything_version(versions: Mapping[str, str]) -> str:
    digest = hashlib.sha1(usedforsecurity=False)
    for path in sorted(versions):
        digest.update(f"{path}\0{versions[path]}\0".encode())
    return digest.hexdigest()
