"""Pages generated in memory for MkDocs (`mkdocs serve`, plain `mkdocs build`), the error banner.

Generated pages are handed to MkDocs as virtual files (`File.generated`), never written into
the watched docs folder. A content error does not stop the server: the last good pages stay,
each with a banner listing the errors as `path:line:col: message`, until a good save.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
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


def generated_files(files: Any, config: Any, project: Project) -> Any:
    """MkDocs' files with the generated pages in place of whatever is in docs_dir. A content
    error keeps the last good pages, each with a banner listing the errors."""
    session = _session(project)
    try:
        pages = generate(project, session.caches).pages
        session.last_good = pages
        if session.store is not None and not session.stored:
            session.store.save()
            session.stored = True
    except ContentError as error:
        pages = _with_banner(session.last_good, error.errors)
        for diagnostic in error.errors:
            log.error(diagnostic.format())
    except RenderError as error:
        diagnostic = Location(error.path, error.line, 1).error(error.message)
        pages = _with_banner(session.last_good, [diagnostic])
        log.error(diagnostic.format())
    docs_dir = Path(config.docs_dir).resolve()
    kept = [f for f in files if not _inside(f.abs_src_path, docs_dir)]
    generated = [TrackedFile.generated(config, path, content=pages.files[path]) for path in pages]
    # in the order MkDocs walks a docs folder, so that the search index and sitemap list
    # pages as a build from the written pages does
    return Files(sorted([*kept, *generated], key=file_sort_key))


def _inside(path: str | None, folder: Path) -> bool:
    if not path:
        return False
    try:
        Path(path).resolve().relative_to(folder)
        return True
    except ValueError:
        return False


def _banner(errors: list[Diagnostic]) -> str:
    lines = "\n".join(f"    - `{d.path}:{d.line}:{d.col}`: {escape(d.message)}" for d in errors)
    return (f'!!! failure "Content errors: this preview shows the last good version"\n'
            f"    Fix these and save; the page reloads by itself.\n\n{lines}\n\n")


def _with_banner(previous: PageSet | None, errors: list[Diagnostic]) -> PageSet:
    banner = _banner(errors)
    pages = PageSet()
    if previous is None:
        pages.add("index.md", "# Content errors\n\n" + banner)
        return pages
    for path in previous:
        data = previous.files[path]
        if path.endswith(".md"):
            text = data.decode("utf-8")
            if text.startswith("---\n"):
                end = text.index("\n---\n", 4) + 5
                text = text[:end] + "\n" + banner + text[end:]
            else:
                text = banner + text
            data = text.encode("utf-8")
        pages.add(path, data)
    return pages
