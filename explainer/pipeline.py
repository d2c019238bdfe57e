"""The whole generation in one readable function per verb: load, link, render, write.

Every stage reports into one `Report`; errors stop the run before anything is written, so a
content mistake never leaves half-generated pages behind.
"""

from __future__ import annotations

from dataclasses import dataclass

from .advice import advise
from .diagnostics import ContentError, Report
from .graph import SiteGraph
from .linking import link
from .load import load_content
from .project import Project
from .render import PageSet, render_site
from .writer import WriteResult, write_pages


@dataclass
class Generated:
    graph: SiteGraph
    pages: PageSet
    report: Report


def check(project: Project) -> tuple[SiteGraph | None, Report]:
    """Load and link everything; return the graph (None if unusable) and every diagnostic."""
    content, report = load_content(project.root)
    graph = link(content, report)
    if graph is not None:
        advise(graph, content, report)
    return graph, report


def generate(project: Project) -> Generated:
    """Content to pages in memory. Raises ContentError listing every error."""
    graph, report = check(project)
    report.raise_if_errors()
    assert graph is not None
    pages = render_site(graph, project.templates_dir)
    return Generated(graph, pages, report)


def generate_to_disk(project: Project) -> tuple[Generated, WriteResult]:
    generated = generate(project)
    return generated, write_pages(generated.pages, project.docs_dir)


__all__ = ["ContentError", "Generated", "check", "generate", "generate_to_disk"]
