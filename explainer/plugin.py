"""The MkDocs plugin: `plugins: [search, explainer]` in a site's mkdocs.yml.

Plain `mkdocs build` and `mkdocs serve` (and ProperDocs, which loads the same entry point) then
generate the pages from `content/` in memory, with the settings the pages need
(`build.settings`); `mkdocs serve` also watches content and templates. In `--dirty` builds
(`build.py build` and `build.py serve` ask for them) pages whose inputs did not change are
taken from the build cache instead of being rendered again, with the same result as a full
build (`build.incremental`). Registered through the `mkdocs.plugins` entry point; all the work
is in `build.preview` and `build.incremental`. Zensical runs no plugins: `explainer build
--engine zensical` generates the pages and writes the same settings into an effective config.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

from .build import preview
from .build.edit_links import DEFAULT_EDITOR_URL, EditLinks, check_editor_url
from .build.incremental import IncrementalBuilds
from .project import DEFAULT_CONTENT_DIR, DEFAULT_TEMPLATES_DIR, Project

FIRST, LAST = 100, -100


class ExplainerConfig(Config):  # type: ignore[no-untyped-call]
    """The plugin's options (paths relative to mkdocs.yml's folder)."""

    content = config_options.Type(str, default=DEFAULT_CONTENT_DIR)
    templates = config_options.Type(str, default=DEFAULT_TEMPLATES_DIR)
    #: In `mkdocs serve`, where edit links open a content file ({path}, {line}, {col}); "" for none.
    editor_url = config_options.Type(str, default=DEFAULT_EDITOR_URL)


class ExplainerPlugin(BasePlugin[ExplainerConfig]):  # type: ignore[no-untyped-call]
    """Generates the explainer's pages for MkDocs from the site's content."""

    def __init__(self) -> None:
        self.builds = IncrementalBuilds()  # kept across `mkdocs serve` rebuilds (on_startup)
        self.project: Project | None = None
        self.serving = False  # `mkdocs serve` (editor links) rather than a build
        self.edit_links: EditLinks | None = None

    def _project(self, config: Any) -> Project:
        root = Path(config.config_file_path).resolve().parent
        self.project = Project.from_config(root, config, self.config)
        return self.project

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # (defining on_startup also keeps this plugin object across `mkdocs serve` rebuilds)
        self.serving = command == "serve"
        self.builds.startup(command, dirty)

    def on_config(self, config: Any) -> Any:
        if config.theme.name != "material":
            raise PluginError(f"the explainer plugin needs the Material theme (theme: name: "
                              f"material), not '{config.theme.name}'")
        problem = check_editor_url(self.config.editor_url)
        if problem:
            raise PluginError(problem)
        project = self._project(config)
        self.edit_links = EditLinks.for_run(config, project, serving=self.serving,
                                            editor_url=self.config.editor_url)
        self.builds.page_inputs = self.edit_links.page_inputs  # part of each page's cache key
        return preview.configure(config, project)

    def _generate(self, files: Any, *, config: Any) -> Any:
        files, self.builds.banner = preview.generated_files(files, config, self._project(config))
        if self.edit_links is not None:
            self.edit_links.start_build()
            self.edit_links.set_file_edit_uris(files, Path(config.docs_dir).resolve())
        return files

    @event_priority(LAST)
    def _track(self, files: Any, *, config: Any) -> Any:
        return self.builds.files(files, config, self._project(config).root)

    on_files = CombinedEvent(_generate, _track)

    @event_priority(LAST)
    def on_nav(self, nav: Any, *, config: Any, files: Any) -> Any:
        self.builds.nav(nav, config, files)
        return nav

    @event_priority(FIRST)
    def on_pre_page(self, page: Any, *, config: Any, files: Any) -> Any:
        self.builds.page_started(page)
        return page

    def on_page_markdown(self, markdown: str, *, page: Any, config: Any, files: Any) -> str:
        if self.edit_links is not None:
            self.edit_links.page_edit_url(page)
        return markdown

    def _fact_links(self, html: str, *, page: Any, config: Any, files: Any) -> str:
        if self.edit_links is None:
            return html
        return self.edit_links.page_content(html, page)

    @event_priority(LAST)
    def _content_read(self, html: str, *, page: Any, config: Any, files: Any) -> str:
        self.builds.page_read(page)
        return html

    on_page_content = CombinedEvent(_fact_links, _content_read)

    @event_priority(FIRST)
    def _context_first(self, context: Any, *, page: Any, config: Any, nav: Any) -> Any:
        self.builds.page_started(page)
        return context

    @event_priority(LAST)
    def _context_last(self, context: Any, *, page: Any, config: Any, nav: Any) -> Any:
        self.builds.page_indexed(page)
        return context

    on_page_context = CombinedEvent(_context_first, _context_last)

    @event_priority(LAST)
    def on_post_page(self, output: str, *, page: Any, config: Any) -> str:
        return self.builds.page_done(output, page)

    @event_priority(LAST)
    def on_env(self, env: Any, *, config: Any, files: Any) -> Any:
        return self.builds.env(env)

    @event_priority(FIRST)
    def on_post_build(self, *, config: Any) -> None:
        self.builds.post_build()

    def on_build_error(self, *, error: Exception) -> None:
        self.builds.build_error()

    def on_serve(self, server: Any, *, config: Any, builder: Any) -> Any:
        return preview.watch(server, config, self._project(config))

    def on_shutdown(self) -> None:
        self.builds.shutdown()
        if self.project is not None:
            preview.store_pages(self.project)
