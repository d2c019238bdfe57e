"""What the MkDocs plugin does: engine settings, pages generated in memory, the error banner.

Generated pages are handed to MkDocs as virtual files (`File.generated`), never written into
the watched docs folder during `mkdocs serve`, so saving a content file causes exactly one
rebuild and an idle server none. A content error does not stop the server: the last good pages
stay, each with a banner listing the errors as `path:line:col: message`, until a good save.
"""

from __future__ import annotations

import contextlib
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..diagnostics import ContentError, Diagnostic, Location
from ..pipeline import Caches, generate
from ..project import Project
from ..render import PageSet
from ..render.markdown_text import escape
from ..render.pages import RenderError
from .cache import CACHE_MODE
from .generation_cache import PageStore, open_store
from .settings import (
    DEFAULT_NAV,
    EXTRA_CSS,
    EXTRA_JAVASCRIPT,
    missing,
    missing_extensions,
    site_settings,
)

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


def configure(config: Any, project: Project) -> Any:
    """Apply `settings` to a loaded MkDocs config: content/site.yaml's title, description, URL
    and language; the Markdown extensions, assets and navigation the pages need; the theme
    overrides of the site's `templates/overrides/` and the package's, after the site's own
    `custom_dir` (if any) and before the theme's templates."""
    for key, value in site_settings(project).items():
        if key == "theme":
            for name, setting in value.items():
                config.theme[name] = setting
        else:
            config[key] = value
    for name, options in missing_extensions(config.markdown_extensions):
        config.markdown_extensions.append(name)
        if options:
            config.mdx_configs[name] = options
    config.extra_css.extend(missing(EXTRA_CSS, config.extra_css))
    config.extra_javascript.extend(missing(EXTRA_JAVASCRIPT, config.extra_javascript))
    if config.nav is None:
        config.nav = [dict(entry) for entry in DEFAULT_NAV]
    dirs = config.theme.dirs
    position = 1 if config.theme.custom_dir else 0
    for layer in reversed(project.template_layers):
        folder = str(layer / "overrides")
        if (layer / "overrides").is_dir() and folder not in dirs:
            dirs.insert(position, folder)
    return config


def generated_files(files: Any, config: Any, project: Project) -> Any:
    """MkDocs' files with the generated pages in place of whatever is in docs_dir. A content
    error keeps the last good pages, each with a banner listing the errors."""
    if os.environ.get("EXPLAINER_PAGES_READY") == "1":
        return files  # build.py has just written the pages to docs_dir
    from mkdocs.structure.files import Files, file_sort_key

    from .incremental import TrackedFile

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


def watch(server: Any, config: Any, project: Project) -> Any:
    """`mkdocs serve` also rebuilds when content or templates change (the site's, and the
    package's: someone working on the package sees their template edits too).

    MkDocs polls the watched folders every 0.5 s: a save waits 0.25 s on average before a
    rebuild even starts, and the saves of a "save all" can land in two polls and cause two
    rebuilds. Where the system has native file events (inotify, FSEvents, ...), they replace
    the polling before the server starts: a save starts its rebuild at once, and MkDocs' own
    0.1 s wait for quiet merges a burst of saves into one rebuild."""
    native = _native_observer(project.content_dir)
    if native is not None and not server.observer.is_alive():
        moved = [path for path in (config.docs_dir, config.config_file_path) if path]
        for path in moved:
            with contextlib.suppress(KeyError, ValueError):
                server.unwatch(path)
        server.observer = native
        for path in moved:
            server.watch(path)
    for folder in (project.content_dir, *project.template_layers):
        if folder.is_dir():
            server.watch(str(folder))
    return server


def _native_observer(probe: Path) -> Any:
    """The platform's native file-event observer, if it works here (a system can run out of
    inotify watches, for one): tried on `probe` first. None: MkDocs keeps polling.

    Native events include reads (inotify reports a file opened and closed unwritten), and
    MkDocs rebuilds on any event: a rebuild reads the watched files and would start the next.
    The observer reports changes only."""
    try:
        from watchdog import events
        from watchdog.observers import Observer
        from watchdog.observers.polling import PollingObserver
    except ImportError:
        return None
    if Observer is PollingObserver or not probe.is_dir():
        return None
    changes: list[type[events.FileSystemEvent]] = [
        events.FileCreatedEvent, events.FileDeletedEvent, events.FileModifiedEvent,
        events.FileMovedEvent, events.FileClosedEvent, events.DirCreatedEvent,
        events.DirDeletedEvent, events.DirMovedEvent, events.DirModifiedEvent]

    class ChangesOnly(Observer):  # type: ignore[misc,valid-type]
        def schedule(self, event_handler: Any, path: Any, *, recursive: bool = False,
                     event_filter: Any = None, **options: Any) -> Any:
            return super().schedule(event_handler, path, recursive=recursive,
                                    event_filter=event_filter or changes, **options)

    trial = ChangesOnly()
    try:
        trial.schedule(events.FileSystemEventHandler(), str(probe), recursive=True)
        trial.start()
    except OSError as error:
        log.info(f"explainer: watching by polling (no native file events: {error})")
        return None
    finally:
        if trial.is_alive():
            trial.stop()
            trial.join()
    return ChangesOnly()
