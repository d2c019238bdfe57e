"""Plan every page of the site and render it: the linked graph in, Markdown files out.

Pages are kept in memory as bytes keyed by their path in the docs folder; writing them to disk
(only when changed) or handing them to MkDocs as virtual files is the next stage's business.
"""

from __future__ import annotations

import contextlib
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment

from .. import routes
from ..graph import SiteGraph, StoryNode
from .environment import make_environment
from .markdown_text import Md, escape


class RenderError(Exception):
    """A template failed; carries the template's file and line."""

    def __init__(self, path: str, line: int, message: str):
        self.path, self.line, self.message = path, line, message
        super().__init__(f"{path}:{line}: {message}")


@dataclass
class PageSet:
    """Generated files by docs-relative path. Two things claiming one path is an error."""

    files: dict[str, bytes] = field(default_factory=dict)

    def add(self, path: str, content: bytes | str) -> None:
        if path in self.files:
            raise RenderError(path, 0, f"two pages claim the same path '{path}'")
        self.files[path] = content.encode("utf-8") if isinstance(content, str) else content

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self.files))

    def __len__(self) -> int:
        return len(self.files)


@dataclass(frozen=True)
class PagePlan:
    path: str
    template: str
    context: dict[str, Any]


def plan_pages(graph: SiteGraph) -> list[PagePlan]:
    plans = [
        PagePlan(routes.HOME, "home.md.j2", {"stories": graph.stories[:graph.site.stories_per_page],
                                            "more_stories": len(graph.stories) >
                                            graph.site.stories_per_page}),
        PagePlan(routes.STORIES, "stories.md.j2", {}),
        PagePlan(routes.TIMELINE, "timeline.md.j2", {}),
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
        plans.append(PagePlan(story.page("index"), "story_overview.md.j2", {"story": story}))
        plans.append(PagePlan(story.page("timeline"), "story_timeline.md.j2", {"story": story}))
        plans.append(PagePlan(story.page("quotes"), "story_quotes.md.j2", {"story": story}))
        plans.append(PagePlan(story.page("figures"), "story_figures.md.j2", {"story": story}))
        plans.append(PagePlan(story.page("source"), "story_source.md.j2", _source_context(story)))
    for person in graph.people.values():
        plans.append(PagePlan(person.page, "person.md.j2", {"person": person}))
    for org in graph.organisations.values():
        plans.append(PagePlan(org.page, "organisation.md.j2", {"org": org}))
    for place in graph.places.values():
        plans.append(PagePlan(place.page, "place.md.j2", {"place": place}))
    return plans


def _source_context(story: StoryNode) -> dict[str, Any]:
    return {
        "story": story,
        "blocks": [("paragraph", p.id) for p in story.article.paragraphs if p.kind == "caption"]
        + list(story.article.order),
        "sections": {s.id: s for s in story.article.sections},
        "paragraphs": story.article.by_id,
        "annotated": {p.id: annotate(p.id, p.text, story) for p in story.article.paragraphs},
    }


def annotate(paragraph_id: str, text: str, story: StoryNode) -> Md:
    """Paragraph text with each direct quote's words marked and labelled with its speaker."""
    marks = sorted((start, end, quote) for quote in story.quotes
                   for pid, start, end in quote.spans if pid == paragraph_id)
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


def abbreviations_block(abbreviations: dict[str, str], text: str) -> str:
    """Definitions for Python-Markdown's `abbr`, for the abbreviations this page uses."""
    used = [(term, expansion) for term, expansion in abbreviations.items() if term in text]
    if not used:
        return ""
    lines = [f"*[{term}]: {' '.join(expansion.split())}" for term, expansion in used]
    return "\n" + "\n".join(lines) + "\n"


def render_site(graph: SiteGraph, templates_dir: Path) -> PageSet:
    env = make_environment(templates_dir / "pages")
    pages = PageSet()
    abbreviations = graph.abbreviations
    for plan in plan_pages(graph):
        text = _render(env, plan, graph, templates_dir)
        pages.add(plan.path, text + abbreviations_block(abbreviations, text))
    assets = templates_dir / "assets"
    if assets.is_dir():
        for path in sorted(p for p in assets.rglob("*") if p.is_file()):
            pages.add(f"{routes.ASSETS}/{path.relative_to(assets).as_posix()}", path.read_bytes())
    return pages


def _render(env: Environment, plan: PagePlan, graph: SiteGraph, templates_dir: Path) -> str:
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
            shown = shown.relative_to(templates_dir.parent)
        message = getattr(exc, "message", None) or str(exc)
        raise RenderError(shown.as_posix(), line,
                          f"{type(exc).__name__}: {message} (while rendering {plan.path})"
                          ) from None
