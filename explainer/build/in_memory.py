"""Pages generated in memory for MkDocs (`mkdocs serve`, plain `mkdocs build`), the error banner.

Generated pages are handed to MkDocs as virtual files (`File.generated`), never written into
the watched docs folder. A content error does not stop the server: the last good pages stay,
each with a banner listing the errors as `path:line:col: message`, until a good save. The
banner goes into each page's HTML, not its Markdown: the pages stay the last good ones, so
the engine reuses them all from the build cache instead of rendering every page again (two
minutes at 1,000 stories), and a good save brings back the pages without the banner as fast.
"""

from __future__ import annotations

import html
import logging
import os
from dataclasses import dataclass, field
from typing import Any

from mkdocs.structure.files import Files, file_sort_key

from ..diagnostics import ContentError, Diagnostic, Location
from ..pipeline import Caches, generate
from ..project import Project
from ..render import PageSet
from ..render.markdown_text import escape
from ..render.pages import RenderError
from .cache import CACHE_MODE
from .generation_cache import PageStore, open_store
from .incremental import TrackedFile

log = logging.getLogger("mkdocs.plugins.explainer")


@dataclass
class _Session:
    """One project's generation in this process (`mkdocs serve` rebuilds again and again):
    parsed files, link results and rendered pages kept between rebuilds, so an edit redoes
    only what it touches; the rendered pages are stored in the build cache once generated, so
    the next server starts from them."""

    caches: Caches = field(default_factory=Caches)
    store: PageStore | None = None
    stored: bool = False
    last_good: PageSet | None = None


_sessions: dict[str, _Session] = {}


def _session(project: Project) -> _Session:
    key = str(project.root)
    session = _sessions.get(key)
    if session is None:
        session = _sessions[key] = _Session()
        mode = os.environ.get(CACHE_MODE, "")
        if mode != "off":
            session.store = open_store(project.root, session.caches.pages,
                                       refresh=mode == "refresh")
    return session


def store_pages(project: Project) -> None:
    """Store the pages rendered since the last save (at the end of `mkdocs serve`)."""
    session = _sessions.get(str(project.root))
    if session is not None and session.store is not None:
        session.store.save()


def generated_files(files: Any, config: Any, project: Project) -> tuple[Any, str | None]:
    """MkDocs' files with the generated pages in place of whatever is in docs_dir, and the
    HTML of a banner listing content errors (None without errors). A content error keeps
    the last good pages; with none yet, the site is one page listing the errors."""
    session = _session(project)
    errors: list[Diagnostic] = []
    try:
        pages = generate(project, session.caches).pages
        session.last_good = pages
        if session.store is not None and not session.stored:
            session.store.save()
            session.stored = True
    except ContentError as error:
        errors = error.errors
    except RenderError as error:
        errors = [Location(error.path, error.line, 1).error(error.message)]
    banner = None
    if errors:
        for diagnostic in errors:
            log.error(diagnostic.format())
        if session.last_good is None:
            pages = PageSet()
            pages.add("index.md", "# Content errors\n\n" + _banner_markdown(errors))
        else:
            pages, banner = session.last_good, banner_html(errors)
    docs_dir = os.path.normpath(config.docs_dir)
    kept = [f for f in files if f.src_dir is None or os.path.normpath(f.src_dir) != docs_dir]
    generated = [
        TrackedFile.generated(config, path, content=pages.files[path]) if path in pages.files
        # a picture from the picture cache: MkDocs copies that file (never changed in place)
        else TrackedFile.generated(config, path, abs_src_path=pages.linked[path])
        for path in pages]
    # in the order MkDocs walks a docs folder, so that the search index and sitemap list
    # pages as a build from the written pages does
    return Files(sorted([*kept, *generated], key=file_sort_key)), banner


BANNER_TITLE = "Content errors: this preview shows the last good version"
BANNER_HINT = "Fix these and save; the page reloads by itself."


def _banner_markdown(errors: list[Diagnostic]) -> str:
    lines = "\n".join(f"    - `{d.path}:{d.line}:{d.col}`: {escape(d.message)}" for d in errors)
    return f'!!! failure "{BANNER_TITLE}"\n    {BANNER_HINT}\n\n{lines}\n\n'


def banner_html(errors: list[Diagnostic]) -> str:
    """Material's failure admonition listing the errors (every message escaped: it quotes
    content)."""
    items = "\n".join(
        f"<li><code>{html.escape(f'{d.path}:{d.line}:{d.col}')}</code>: "
        f"{html.escape(d.message)}</li>" for d in errors)
    return (f'<div class="admonition failure">\n<p class="admonition-title">{BANNER_TITLE}</p>'
            f"\n<p>{BANNER_HINT}</p>\n<ul>\n{items}\n</ul>\n</div>\n")
