"""Plan every page of the site and render it: the linked graph in, Markdown files out.

Pages are kept in memory as bytes keyed by their path in the docs folder; writing them to disk
(only when changed) or handing them to MkDocs as virtual files is the next stage's business.
"""

from __future__ import annotations

import contextlib
import traceback
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment

from ..link import routes
from ..link.graph import EventNode, SiteGraph, StoryNode
from ..project import layered_files
from ..workers import run_shared
from .abbreviations import Abbreviations
from .dependencies import (
    EVERYTHING,
    RenderCache,
    everything_version,
    fingerprint,
    organisation_sources,
    person_sources,
    place_sources,
    story_sources,
    templates_version,
)
from .environment import make_environment
from .exports import SCHEMA_PATH, json_schema, story_files
from .images import ImageJob, draw, plan_images
from .images.cache import ImageCache
from .images.cache import key as image_key
from .markdown_text import Md, escape


class RenderError(Exception):
    """A template failed; carries the template's file and line."""

    def __init__(self, path: str, line: int, message: str):
        self.path, self.line, self.message = path, line, message
        super().__init__(f"{path}:{line}: {message}")

    def __reduce__(self) -> tuple[type[RenderError], tuple[str, int, str]]:
        return (RenderError, (self.path, self.line, self.message))  # crosses processes


@dataclass
class PageSet:
    """Generated files by docs-relative path. Two things claiming one path is an error.

    Most files are held as bytes (`files`). A picture found in the picture cache is `linked`
    instead: its bytes are that cache file's, so the writer links it into place rather than
    reading and writing ~20 KB each for thousands of cards (at 1,000 stories, holding them
    would add ~200 MB to the process and writing them seconds)."""

    files: dict[str, bytes] = field(default_factory=dict)
    #: path -> a file on disk holding exactly its bytes (never changed in place)
    linked: dict[str, str] = field(default_factory=dict)

    def add(self, path: str, content: bytes | str) -> None:
        if path in self.files or path in self.linked:
            raise RenderError(path, 0, f"two pages claim the same path '{path}'")
        self.files[path] = content.encode("utf-8") if isinstance(content, str) else content

    def link(self, path: str, source: str) -> None:
        if path in self.files or path in self.linked:
            raise RenderError(path, 0, f"two pages claim the same path '{path}'")
        self.linked[path] = source

    def read(self, path: str) -> bytes:
        """A file's bytes, wherever they are held."""
        found = self.files.get(path)
        if found is not None:
            return found
        with open(self.linked[path], "rb") as stream:
            return stream.read()

    def contents(self) -> dict[str, bytes]:
        """Every file's bytes (reads the linked ones): for comparing whole outputs."""
        return {path: self.read(path) for path in self}

    def __iter__(self) -> Iterator[str]:
        return iter(sorted([*self.files, *self.linked]))

    def __contains__(self, path: object) -> bool:
        return path in self.files or path in self.linked

    def __len__(self) -> int:
        return len(self.files) + len(self.linked)


@dataclass(frozen=True)
class PagePlan:
    path: str
    template: str
    context: dict[str, Any]
    #: the content files the page is made from (None: the whole site)
    sources: frozenset[str] | None = EVERYTHING


def paginated(items: list[Any], size: int, route: Callable[[int], str]
              ) -> list[tuple[str, dict[str, Any]]]:
    """(path, context) per page of `items`; context holds the page's items and the pager."""
    chunks = [items[i:i + size] for i in range(0, len(items), size)] or [[]]
    pages = [route(n) for n in range(1, len(chunks) + 1)]
    return [(pages[n], {"items": chunk, "pager": Pager(n + 1, pages)})
            for n, chunk in enumerate(chunks)]


@dataclass(frozen=True)
class Pager:
    number: int
    pages: list[str]

    @property
    def count(self) -> int:
        return len(self.pages)

    @property
    def previous(self) -> str | None:
        return self.pages[self.number - 2] if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return self.pages[self.number] if self.number < self.count else None


def events_by_year(graph: SiteGraph) -> dict[int | None, list[EventNode]]:
    years: dict[int | None, list[EventNode]] = {}
    for event in graph.events:
        years.setdefault(event.model.date.year, []).append(event)
    return dict(sorted(years.items(), key=lambda item: (item[0] is None, item[0] or 0)))


def plan_pages(graph: SiteGraph) -> list[PagePlan]:
    size = graph.site.stories_per_page
    years = events_by_year(graph)
    plans = [
        PagePlan(routes.HOME, "home.md.j2", {"stories": graph.stories[:size],
                                            "more_stories": len(graph.stories) > size}),
        *(PagePlan(path, "stories.md.j2", context)
          for path, context in paginated(graph.stories, size, routes.stories_page)),
        PagePlan(routes.TOPICS, "topics.md.j2", {}),
        *(PagePlan(path, "topic.md.j2", {"topic": topic, **context})
          for topic in graph.topics.values()
          for path, context in paginated(topic.stories, size, topic.page)),
        PagePlan(routes.TIMELINE, "timeline.md.j2", {"years": years}),
        *(PagePlan(routes.timeline_year(year), "timeline_year.md.j2",
                   {"year": year, "events": events, "years": years},
                   year_sources(events, years))
          for year, events in years.items()),
        PagePlan(routes.PEOPLE, "people.md.j2", {
            "people": sorted(graph.people.values(), key=lambda p: p.sort_name),
            "anonymous": [a for s in graph.stories for a in s.anonymous]}),
        PagePlan(routes.ORGANISATIONS, "organisations.md.j2", {"organisations": sorted(
            graph.organisations.values(), key=lambda o: o.name.casefold())}),
        PagePlan(routes.PLACES, "places.md.j2", {
            "places": sorted(graph.places.values(), key=lambda p: p.name.casefold())}),
        PagePlan(routes.GLOSSARY, "glossary.md.j2", {}),
    ]
    for story in graph.stories:
        sources = frozenset(story_sources(story))
        context = {"story": story}
        plans.append(PagePlan(story.page("index"), "story_overview.md.j2", context, sources))
        plans.append(PagePlan(story.page("timeline"), "story_timeline.md.j2", context, sources))
        plans.append(PagePlan(story.page("quotes"), "story_quotes.md.j2", context, sources))
        plans.append(PagePlan(story.page("figures"), "story_figures.md.j2", context, sources))
        plans.append(PagePlan(story.page("source"), "story_source.md.j2", _source_context(story),
                              sources))
    for person in graph.people.values():
        plans.append(PagePlan(person.page, "person.md.j2", {"person": person},
                              frozenset(person_sources(person))))
    for org in graph.organisations.values():
        plans.append(PagePlan(org.page, "organisation.md.j2", {"org": org},
                              frozenset(organisation_sources(org))))
    for place in graph.places.values():
        plans.append(PagePlan(place.page, "place.md.j2", {"place": place},
                              frozenset(place_sources(place))))
    return plans


def year_sources(events: list[EventNode], years: Mapping[int | None, Any]) -> frozenset[str]:
    """What a year's timeline shows: its events (their stories' files, the registry files of
    their people, organisations and places) and the list of years (for the pager, as a name
    standing for itself): an edit to one story does not render every year again."""
    files = {source for event in events for source in event.story.sources}
    for event in events:
        files.update(person.source for person in event.people)
        files.update(org.source for org in event.organisations)
        files.update(place.source for place in event.places)
    files.add("timeline years: " + ",".join(str(year) for year in years))
    return frozenset(files)


def _source_context(story: StoryNode) -> dict[str, Any]:
    """The source page's context; built lazily (annotating every paragraph costs time)."""
    return {
        "story": story,
        "blocks": [("paragraph", p.id) for p in story.article.paragraphs if p.kind == "caption"]
        + list(story.article.order),
        "sections": {s.id: s for s in story.article.sections},
        "paragraphs": story.article.by_id,
        "annotated": _Annotations(story),
    }


class _Annotations:
    """Paragraph id -> annotated text, computed when the template asks (not for cache hits)."""

    def __init__(self, story: StoryNode):
        self.story = story

    def __getitem__(self, paragraph_id: str) -> Md:
        paragraph = self.story.article.by_id[paragraph_id]
        return annotate(paragraph_id, paragraph.text, self.story)


def annotate(paragraph_id: str, text: str, story: StoryNode) -> Md:
    """Paragraph text with each direct quote's words marked and labelled with its speaker."""
    marks = sorted(((start, end, quote) for quote in story.quotes
                    for pid, start, end in quote.spans if pid == paragraph_id),
                   key=lambda mark: (mark[0], mark[1], mark[2].id))
    out: list[str] = []
    position = 0
    for start, end, quote in marks:
        if start < position:
            continue  # overlapping quotes: the first one keeps the mark
        out.append(escape(text[position:start]))
        speaker = escape(quote.speaker.name).replace('"', "&quot;")
        out.append(f'<mark class="quote-mark" title="{speaker}">{escape(text[start:end])}</mark>')
        position = end
    out.append(escape(text[position:]))
    return Md("".join(out))


@dataclass(frozen=True)
class Rendered:
    pages: PageSet
    rendered: int  # pages rendered this time (the others came from the cache)
    drawn: int = 0  # pictures drawn this time (the others came from a cache)
    pictures: int = 0  # pictures in the site


#: Rendering in worker processes pays off only for many pages (forking costs ~50 ms).
PARALLEL_THRESHOLD = 400
#: Drawing a picture costs about as much as rendering this many pages.
PICTURE_WEIGHT = 5


def render_site(graph: SiteGraph, layers: tuple[Path, ...], cache: RenderCache | None = None,
                versions: Mapping[str, str] | None = None, jobs: int = 1,
                pictures: ImageCache | None = None) -> Rendered:
    """All pages, pictures and data files. With a cache and the content files' versions, a
    page whose files and templates did not change since the previous run is reused instead of
    rendered; a picture is reused from `cache` or `pictures` (kept between builds) when its
    spec is unchanged. With `jobs` > 1, the work is shared by that many forked processes
    (same output)."""
    env = make_environment(layer / "pages" for layer in layers)
    pages = PageSet()
    abbreviations = Abbreviations(graph.abbreviations,
                                  frozenset(story.slug for story in graph.stories))
    base = (templates_version(layers) + abbreviations.signature()
            if cache is not None else "")
    everything = everything_version(versions or {}) if cache is not None else ""
    plans = plan_pages(graph)
    texts: list[bytes | None] = [None] * len(plans)
    keys: list[str] = [""] * len(plans)
    exports: dict[str, dict[str, str]] = {}
    export_keys: dict[str, str] = {}
    sources = {plan.path: plan.sources for plan in plans}
    if cache is not None:
        for index, plan in enumerate(plans):
            keys[index] = fingerprint(base, plan.sources, versions or {}, everything)
            hit = cache.pages.get(plan.path)
            if hit is not None and hit[0] == keys[index]:
                texts[index] = hit[1]
        for story in graph.stories:
            # a story's data files come from the files its pages come from
            export_keys[story.slug] = fingerprint(base, sources[story.page()],
                                                  versions or {}, everything)
            saved = cache.exports.get(story.slug)
            if saved is not None and saved[0] == export_keys[story.slug]:
                exports[story.slug] = saved[1]
    images = plan_images(graph)
    drawn: dict[int, bytes] = {}
    kept: dict[int, str] = {}  # pictures found in the picture cache: linked, not read
    image_keys = [image_key(job.spec) for job in images]
    hold = cache is not None and cache.hold_pictures
    for index, job in enumerate(images):
        held = cache.images.get(job.path) if cache is not None and hold else None
        if held is not None and held[0] == image_keys[index]:
            drawn[index] = held[1]
            if pictures is not None:
                pictures.used.add(held[0])
        elif pictures is not None:
            if hold:  # serve: pictures stay in memory between rebuilds
                found = pictures.get(image_keys[index])
                if found is not None:
                    drawn[index] = found
            else:
                where = pictures.find(image_keys[index])
                if where is not None:
                    kept[index] = where
    work = _Work(env, plans, graph, layers[0].parent, abbreviations,
                 todo=[index for index, text in enumerate(texts) if text is None],
                 stories=[s for s in graph.stories if s.slug not in exports],
                 images=images,
                 to_draw=[i for i in range(len(images)) if i not in drawn and i not in kept],
                 image_keys=image_keys, filing=None if hold else pictures)
    rendered, exported, new_images = work.run(jobs)
    for index, data in new_images:
        if data is None:  # the worker filed it in the picture cache: link it from there
            where = pictures.find(image_keys[index]) if pictures is not None else None
            if where is not None:
                kept[index] = where
                continue
            data = _draw(images[index])  # it could not be filed (a full disk): keep it here
        drawn[index] = data
        if pictures is not None:
            pictures.put(image_keys[index], data)
    finished = dict(rendered)  # page index -> UTF-8 Markdown, abbreviation definitions included
    del rendered
    for index, plan in enumerate(plans):
        text = texts[index]
        if text is None:
            text = finished.pop(index)
            if cache is not None:
                cache.pages[plan.path] = (keys[index], text)
        texts[index] = None  # hold each page once: as bytes in the page set
        pages.add(plan.path, text)
    for slug, files in exported:
        exports[slug] = files
        if cache is not None:
            cache.exports[slug] = (export_keys[slug], files)
    for story in graph.stories:
        for file_path, export in exports[story.slug].items():
            pages.add(file_path, export)
    for index, job in enumerate(images):
        if index in kept:
            pages.link(job.path, kept[index])
            continue
        pages.add(job.path, drawn[index])
        if cache is not None and hold:
            cache.images[job.path] = (image_keys[index], drawn[index])
    if graph.stories:
        pages.add(SCHEMA_PATH, json_schema())
    for name, path in layered_files(layers, "assets").items():
        pages.add(f"{routes.ASSETS}/{name}", path.read_bytes())
    return Rendered(pages, len(work.todo), len(work.to_draw), len(images))


#: What a share of the work gives back: pages, stories' data files, pictures.
_Done = tuple[list[tuple[int, bytes]], list[tuple[str, dict[str, str]]],
              list[tuple[int, bytes | None]]]


@dataclass
class _Work:
    """Pages to render and stories to export, done here or shared by forked processes."""

    env: Environment
    plans: list[PagePlan]
    graph: SiteGraph
    site_root: Path  # template paths in errors are shown relative to it where they can be
    abbreviations: Abbreviations
    todo: list[int]
    stories: list[StoryNode]
    images: list[ImageJob]
    to_draw: list[int]
    image_keys: list[str]
    #: where workers file the pictures they draw, instead of sending them back (a one-off
    #: build: the main process links them from there); None to send them back (serve)
    filing: ImageCache | None

    def run(self, jobs: int) -> _Done:
        size = len(self.todo) + len(self.stories) + PICTURE_WEIGHT * len(self.to_draw)
        parts = run_shared(self.part, jobs if size >= PARALLEL_THRESHOLD else 1)
        return ([item for pages, _, _ in parts for item in pages],
                [item for _, files, _ in parts for item in files],
                [item for _, _, pictures in parts for item in pictures])

    def part(self, number: int, count: int) -> _Done:
        """(page index, Markdown with its abbreviation definitions), (story, data files),
        (picture index, PNG or JPEG, or None when filed in the picture cache). Pages come
        back encoded: bytes cross processes as a plain copy."""
        pages = []
        for index in self.todo[number::count]:
            text = _render(self.env, self.plans[index], self.graph, self.site_root)
            definitions = self.abbreviations.block(text, self.plans[index].sources)
            pages.append((index, (text + definitions).encode()))
        files = [(story.slug, story_files(story, self.graph))
                 for story in self.stories[number::count]]
        pictures: list[tuple[int, bytes | None]] = []
        for index in self.to_draw[number::count]:
            data = _draw(self.images[index])
            if self.filing is not None:
                self.filing.put(self.image_keys[index], data)
                pictures.append((index, None))
            else:
                pictures.append((index, data))
        return pages, files, pictures


def _draw(job: ImageJob) -> bytes:
    """A picture; a source file that changed since it was checked is named in the error."""
    try:
        return draw(job.spec)
    except (OSError, ValueError) as problem:
        raise RenderError(job.path, 0, f"could not draw this picture: {problem}") from None


def _render(env: Environment, plan: PagePlan, graph: SiteGraph, site_root: Path) -> str:
    try:
        template = env.get_template(plan.template)
        return template.render(page_path=plan.path, site=graph, **plan.context)
    except Exception as exc:  # a template bug of any kind: name the template line
        line = getattr(exc, "lineno", None) or 0
        name = getattr(exc, "filename", None) or plan.template
        for frame in traceback.extract_tb(exc.__traceback__):
            if frame.filename.endswith(".j2"):
                name, line = frame.filename, frame.lineno or 0
        shown = Path(name)
        with contextlib.suppress(ValueError):
            shown = shown.relative_to(site_root)
        message = getattr(exc, "message", None) or str(exc)
        raise RenderError(shown.as_posix(), line,
                          f"{type(exc).__name__}: {message} (while rendering {plan.path})"
                          ) from None
