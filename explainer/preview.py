"""What the MkDocs hook does: site settings from content/site.yaml, pages generated in memory.

Generated pages are handed to MkDocs as virtual files (`File.generated`), never written into
the watched docs folder during `mkdocs serve`, so saving a content file causes exactly one
rebuild and an idle server none. A content error does not stop the server: the last good pages
stay, each with a banner listing the errors as `path:line:col: message`, until a good save.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from .diagnostics import ContentError, Diagnostic, Location
from .pipeline import Caches, generate
from .project import Project
from .render import PageSet
from .render.markdown_text import escape
from .render.pages import RenderError

log = logging.getLogger("mkdocs.plugins.explainer")

_last_good: dict[str, PageSet] = {}
#: parsed files and rendered pages kept between rebuilds: an edit redoes only what it touches
_caches: dict[str, Caches] = {}


def _project(config: Any) -> Project:
    return Project.at(Path(config.config_file_path).resolve().parent)


def on_config(config: Any) -> Any:
    """Site title, description, URL and language come from content/site.yaml.

    The same settings reach engines that run no hooks through `engine.site_settings` too.
    """
    from .engine import site_settings

    for key, value in site_settings(_project(config)).items():
        if key == "theme":
            for name, setting in value.items():
                config.theme[name] = setting
        else:
            config[key] = value
    return config


def on_files(files: Any, config: Any) -> Any:
    if os.environ.get("EXPLAINER_PAGES_READY") == "1":
        return files  # build.py has just written the pages to docs_dir
    from mkdocs.structure.files import File, Files

    project = _project(config)
    key = str(project.root)
    try:
        pages = generate(project, _caches.setdefault(key, Caches())).pages
        _last_good[key] = pages
    except ContentError as error:
        pages = _with_banner(_last_good.get(key), error.errors)
        for diagnostic in error.errors:
            log.error(diagnostic.format())
    except RenderError as error:
        diagnostic = Location(error.path, error.line, 1).error(error.message)
        pages = _with_banner(_last_good.get(key), [diagnostic])
        log.error(diagnostic.format())
    docs_dir = Path(config.docs_dir).resolve()
    kept = [f for f in files if not _inside(f.abs_src_path, docs_dir)]
    out = Files(kept)
    for path in pages:
        out.append(File.generated(config, path, content=pages.files[path]))
    return out


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


def on_serve(server: Any, config: Any) -> Any:
    project = _project(config)
    for folder in (project.content_dir, project.templates_dir):
        if folder.is_dir():
            server.watch(str(folder))
    return server
