"""The whole generation in one readable function per verb: load, link, render, write.

Every stage reports into one `Report`; errors stop the run before anything is written, so a
content mistake never leaves half-generated pages behind. `Caches` carry parsed files and
rendered pages from one run to the next in the same process (`mkdocs serve`): an edit is
parsed and rendered again only where it matters.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from .build.writer import WriteResult, write_pages
from .diagnostics import ContentError, Report
from .link.advice import advise
from .link.graph import SiteGraph
from .link.linker import link
from .link.memo import LinkMemo
from .load.content import FileCache, load_content
from .project import Project
from .render import PageSet, RenderCache, render_site
from .render.images.cache import ImageCache


@dataclass
class Caches:
    """What one run hands the next in the same process: parsed files, the expensive per-story
    link results, rendered pages."""

    files: FileCache = field(default_factory=FileCache)
    links: LinkMemo = field(default_factory=LinkMemo)
    pages: RenderCache = field(default_factory=RenderCache)


@dataclass
class Generated:
    graph: SiteGraph
    pages: PageSet
    report: Report
    rendered: int  # pages rendered this run (the rest were unchanged and reused)
    timings: Timings = field(default_factory=lambda: Timings())
    drawn: int = 0  # pictures drawn this run (the rest came from a cache)
    pictures: int = 0


#: Where pictures are kept between builds, in the project folder (git-ignored).
PICTURE_CACHE = (".cache", "explainer", "images")


class Timings(dict[str, float]):
    """Seconds spent in each stage, in order (`build.py generate --timings` prints them)."""

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self[name] = self.get(name, 0.0) + time.perf_counter() - started

    def __str__(self) -> str:
        return " · ".join(f"{name} {seconds:.2f} s" for name, seconds in self.items())


@contextmanager
def rare_collections() -> Iterator[None]:
    """Run the cyclic garbage collector rarely while generating.

    Loading and linking allocate millions of long-lived objects (models, graph, text) and make
    almost no cycles, yet Python's default thresholds (a young collection every 700
    allocations, full ones as the heap grows) re-scan them over and over: at 1,000 stories
    that was a third of load and link time. A higher first threshold (as mypy uses) keeps the
    collector on for the rare cycles; the previous thresholds come back afterwards, so a
    long-running `mkdocs serve` is unaffected between builds.
    """
    previous = gc.get_threshold()
    gc.set_threshold(max(previous[0], 100_000), *previous[1:])
    try:
        yield
    finally:
        gc.set_threshold(*previous)


@contextmanager
def frozen_heap() -> Iterator[None]:
    """Keep what exists now (the loaded, linked site) out of garbage collections until the
    block ends: rendering only adds short-lived pages, and forked render workers then do not
    touch (and copy) the inherited heap when they collect."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def check(project: Project, caches: Caches | None = None) -> tuple[SiteGraph | None, Report]:
    """Load and link everything; return the graph (None if unusable) and every diagnostic."""
    with rare_collections():
        return _check(project, caches, Timings())


def _check(project: Project, caches: Caches | None,
           timings: Timings) -> tuple[SiteGraph | None, Report]:
    with timings.stage("load"):
        content, report = load_content(project.root, caches.files if caches else None,
                                       project.content_dir)
    with timings.stage("link"):
        graph = link(content, report, caches.links if caches else None)
        if graph is not None:
            advise(graph, content, report, caches.links if caches else None)
    if graph is not None and caches is not None:
        graph.versions = dict(content.versions)
    return graph, report


def generate(project: Project, caches: Caches | None = None, jobs: int = 1) -> Generated:
    """Content to pages in memory. Raises ContentError listing every error. `jobs` > 1 renders
    in forked worker processes (never inside a server with threads, such as `mkdocs serve`)."""
    timings = Timings()
    with rare_collections():
        graph, report = _check(project, caches, timings)
        report.raise_if_errors()
        assert graph is not None
        pictures = ImageCache(project.root.joinpath(*PICTURE_CACHE))
        with frozen_heap(), timings.stage("render"):
            rendered = render_site(graph, project.template_layers,
                                   caches.pages if caches else None, graph.versions, jobs=jobs,
                                   pictures=pictures)
        if caches is None or not caches.pages.hold_pictures:
            # a whole build: what it did not use, no build needs now
            pictures.prune()
    return Generated(graph, rendered.pages, report, rendered.rendered, timings,
                     rendered.drawn, rendered.pictures)


def generate_to_disk(project: Project, caches: Caches | None = None,
                     jobs: int = 1) -> tuple[Generated, WriteResult]:
    generated = generate(project, caches, jobs)
    with generated.timings.stage("write"):
        written = write_pages(generated.pages, project.docs_dir, jobs=jobs)
    return generated, written


__all__ = ["Caches", "ContentError", "Generated", "Timings", "check", "generate",
           "generate_to_disk"]
