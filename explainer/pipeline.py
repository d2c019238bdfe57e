"""The whole generation in one readable function per verb: load, link, render, write.

Every stage reports into one `Report`; errors stop the run before anything is written, so a
content mistake never leaves half-generated pages behind. `Caches` carry parsed files and
rendered pages from one run to the next in the same process (`mkdocs serve`): an edit is
parsed and rendered again only where it matters.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .advice import advise
from .diagnostics import ContentError, Report
from .graph import SiteGraph
from .linking import link
from .load import FileCache, load_content
from .project import Project
from .render import PageSet, RenderCache, render_site
from .writer import WriteResult, write_pages


@dataclass
class Caches:
    files: FileCache = field(default_factory=FileCache)
    pages: RenderCache = field(default_factory=RenderCache)


@dataclass
class Generated:
    graph: SiteGraph
    pages: PageSet
    report: Report
    rendered: int  # pages rendered this run (the rest were unchanged and reused)


def check(project: Project, caches: Caches | None = None) -> tuple[SiteGraph | None, Report]:
    """Load and link everything; return the graph (None if unusable) and every diagnostic."""
    content, report = load_content(project.root, caches.files if caches else None)
    graph = link(content, report)
    if graph is not None:
        advise(graph, content, report)
    if graph is not None and caches is not None:
        graph.versions = dict(content.versions)
    return graph, report


def generate(project: Project, caches: Caches | None = None, jobs: int = 1) -> Generated:
    """Content to pages in memory. Raises ContentError listing every error. `jobs` > 1 renders
    in forked worker processes (never inside a server with threads, such as `mkdocs serve`)."""
    graph, report = check(project, caches)
    report.raise_if_errors()
    assert graph is not None
    rendered = render_site(graph, project.templates_dir, caches.pages if caches else None,
                           graph.versions, jobs=jobs)
    return Generated(graph, rendered.pages, report, rendered.rendered)


def generate_to_disk(project: Project, caches: Caches | None = None,
                     jobs: int = 1) -> tuple[Generated, WriteResult]:
    generated = generate(project, caches, jobs)
    return generated, write_pages(generated.pages, project.docs_dir)


__all__ = ["Caches", "ContentError", "Generated", "check", "generate", "generate_to_disk"]
