"""What the MkDocs plugin does: engine settings, pages generated in memory, watching.

Generated pages are handed to MkDocs as virtual files (`in_memory`), never written into the
watched docs folder during `mkdocs serve`, so saving a content file causes exactly one rebuild
and an idle server none. When `explainer build` has written the pages already, the engine's
process loads none of the generator (it starts faster and needs less memory).
"""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path
from typing import Any

from watchdog import events

from ..editor_files import editor_file
from ..project import Project
from .settings import (
    DEFAULT_NAV,
    EXTRA_CSS,
    EXTRA_JAVASCRIPT,
    missing,
    missing_extensions,
    site_settings,
)

log = logging.getLogger("mkdocs.plugins.explainer")



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
    if os.environ.get("EXPLAINER_PAGES_READY") != "1":
        config.docs_dir = str(in_memory_docs(project))
    return config


def in_memory_docs(project: Project) -> Path:
    """The (empty) folder MkDocs reads and watches as docs_dir while the plugin generates the
    pages in memory: whatever docs_dir holds (a previous `explainer build` wrote 12,000 files
    there at 1,000 stories) would be walked on every rebuild and then set aside."""
    folder = project.root / ".cache" / "explainer-in-memory"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def generated_files(files: Any, config: Any, project: Project) -> tuple[Any, str | None]:
    """MkDocs' files with the generated pages in place of whatever is in docs_dir, and the HTML
    of a banner listing content errors, if any (`in_memory`); the files as they are when
    `explainer build` has just written the pages there."""
    if os.environ.get("EXPLAINER_PAGES_READY") == "1":
        return files, None
    from .in_memory import generated_files as generate_in_memory  # the whole generator

    return generate_in_memory(files, config, project)


def store_pages(project: Project) -> None:
    """Store the pages rendered since the last save (at the end of `mkdocs serve`)."""
    if os.environ.get("EXPLAINER_PAGES_READY") != "1":
        from .in_memory import store_pages as store

        store(project)


def inside(path: str | None, folder: Path) -> bool:
    """Whether `path` (a file's absolute source path, if any) lies in `folder`."""
    if not path:
        return False
    try:
        Path(path).resolve().relative_to(folder)
        return True
    except ValueError:
        return False


def watch(server: Any, config: Any, project: Project) -> Any:
    """`mkdocs serve` also rebuilds when content or templates change (the site's, and the
    package's: someone working on the package sees their template edits too).

    MkDocs polls the watched folders every 0.5 s: a save waits 0.25 s on average before a
    rebuild even starts, and the saves of a "save all" can land in two polls and cause two
    rebuilds. Where the system has native file events (inotify, FSEvents, ...), they replace
    the polling before the server starts: a save starts its rebuild at once, and the server
    waits for `QUIET` seconds without a change first, so a burst of saves is one rebuild.
    Either way the observer passes on only what an editor's save means (`EditorAware`)."""
    if not server.observer.is_alive():
        moved = [path for path in (config.docs_dir, config.config_file_path) if path]
        for path in moved:
            with contextlib.suppress(KeyError, ValueError):
                server.unwatch(path)
        server.observer = _observer(project.content_dir, server.observer.timeout)
        for path in moved:
            server.watch(path)
    server.build_delay = QUIET
    for folder in (project.content_dir, *project.template_layers):
        if folder.is_dir():
            server.watch(str(folder))
    return server


#: seconds without a change before a rebuild starts (MkDocs' own default): the saves of a
#: "save all", or an editor's write-then-rename, come within milliseconds of each other
QUIET = 0.1

def _observer(probe: Path, interval: float) -> Any:
    """An observer of the changes that matter (`EditorAware`): the platform's native file
    events if they work here (a system can run out of inotify watches, for one), tried on
    `probe` first; else polling every `interval` seconds, as MkDocs does.

    Native events include reads (inotify reports a file opened and closed unwritten), and
    MkDocs rebuilds on any event: a rebuild reads the watched files and would start the next.
    The observer reports changes only."""
    from watchdog.observers import Observer
    from watchdog.observers.polling import PollingObserver

    changes: list[type[events.FileSystemEvent]] = [
        events.FileCreatedEvent, events.FileDeletedEvent, events.FileModifiedEvent,
        events.FileMovedEvent, events.FileClosedEvent, events.DirCreatedEvent,
        events.DirDeletedEvent, events.DirMovedEvent, events.DirModifiedEvent]

    class ChangesOnly(Observer):  # type: ignore[misc,valid-type]
        def schedule(self, event_handler: Any, path: Any, *, recursive: bool = False,
                     event_filter: Any = None, **options: Any) -> Any:
            return super().schedule(EditorAware(event_handler), path, recursive=recursive,
                                    event_filter=event_filter or changes, **options)

    class Polling(PollingObserver):
        def schedule(self, event_handler: Any, path: Any, *, recursive: bool = False,
                     **options: Any) -> Any:
            return super().schedule(EditorAware(event_handler), path, recursive=recursive,
                                    **options)

    if Observer is PollingObserver or not probe.is_dir():
        return Polling(timeout=interval)
    trial = ChangesOnly()
    try:
        trial.schedule(events.FileSystemEventHandler(), str(probe), recursive=True)
        trial.start()
    except OSError as error:
        log.info(f"explainer: watching by polling (no native file events: {error})")
        return Polling(timeout=interval)
    finally:
        if trial.is_alive():
            trial.stop()
            trial.join()
    return ChangesOnly()


class EditorAware(events.FileSystemEventHandler):
    """Passes MkDocs the events a save means: not those of editors' own files
    (`editor_file`); and a folder created, deleted or moved (a story folder moved to the
    trash, or back) as a change, which MkDocs, looking at files only, would not rebuild for."""

    def __init__(self, handler: Any):
        self.handler = handler

    def dispatch(self, event: Any) -> None:
        paths = [os.fsdecode(event.src_path)]
        if getattr(event, "dest_path", ""):
            paths.append(os.fsdecode(event.dest_path))
        if all(editor_file(path) for path in paths):
            return
        if event.is_directory and event.event_type in ("created", "deleted", "moved"):
            event = (events.FileMovedEvent(event.src_path, event.dest_path)
                     if event.event_type == "moved" else
                     events.FileCreatedEvent(event.src_path) if event.event_type == "created"
                     else events.FileDeletedEvent(event.src_path))
        self.handler.dispatch(event)
