"""What the MkDocs plugin does: engine settings, pages generated in memory, the error banner.

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

from ..diagnostics import ContentError, Diagnostic, Location
from ..pipeline import Caches, generate
from ..project import Project
from ..render import PageSet
from ..render.markdown_text import escape
from ..render.pages import RenderError
from .settings import (
    DEFAULT_NAV,
    EXTRA_CSS,
    EXTRA_JAVASCRIPT,
    missing,
    missing_extensions,
    site_settings,
)

log = logging.getLogger("mkdocs.plugins.explainer")

_last_good: dict[str, PageSet] = {}
#: parsed files and rendered pages kept between rebuilds: an edit redoes only what it touches
_caches: dict[str, Caches] = {}


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
    from mkdocs.structure.files import File, Files, file_sort_key

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
    kept = [f for f in files if not inside(f.abs_src_path, docs_dir)]
    generated = [File.generated(config, path, content=pages.read(path)) for path in pages]
    # in the order MkDocs walks a docs folder, so that the search index and sitemap list
    # pages as a build from the written pages does
    return Files(sorted([*kept, *generated], key=file_sort_key))


def inside(path: str | None, folder: Path) -> bool:
    """Whether `path` (a file's absolute source path, if any) lies in `folder`."""
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
        data = previous.read(path)
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


def watch(server: Any, project: Project) -> Any:
    """`mkdocs serve` also rebuilds when content or templates change (the site's, and the
    package's: someone working on the package sees their template edits too)."""
    for folder in (project.content_dir, *project.template_layers):
        if folder.is_dir():
            server.watch(str(folder))
    return server
