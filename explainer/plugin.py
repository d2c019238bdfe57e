"""The MkDocs plugin: `plugins: [search, explainer]` in a site's mkdocs.yml.

Plain `mkdocs build` and `mkdocs serve` (and ProperDocs, which loads the same entry point) then
generate the pages from `content/` in memory, with the settings the pages need
(`build.settings`); `mkdocs serve` also watches content and templates. Registered through the
`mkdocs.plugins` entry point; all the work is in `build.preview`. Zensical runs no plugins:
`explainer build --engine zensical` generates the pages and writes the same settings into an
effective config.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from .build import csp, preview
from .build.edit_links import DEFAULT_EDITOR_URL, EditLinks, check_editor_url
from .project import DEFAULT_CONTENT_DIR, DEFAULT_TEMPLATES_DIR, Project


class ExplainerConfig(Config):  # type: ignore[no-untyped-call]
    """The plugin's options (paths relative to mkdocs.yml's folder)."""

    content = config_options.Type(str, default=DEFAULT_CONTENT_DIR)
    templates = config_options.Type(str, default=DEFAULT_TEMPLATES_DIR)
    #: In `mkdocs serve`, where edit links open a content file ({path}, {line}, {col}); "" for none.
    editor_url = config_options.Type(str, default=DEFAULT_EDITOR_URL)


class ExplainerPlugin(BasePlugin[ExplainerConfig]):  # type: ignore[no-untyped-call]
    """Generates the explainer's pages for MkDocs from the site's content."""

    serving = False  # `mkdocs serve` (editor links) rather than a build
    edit_links: EditLinks | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # (defining on_startup also keeps this plugin object across `mkdocs serve` rebuilds)
        self.serving = command == "serve"

    def _project(self, config: Any) -> Project:
        root = Path(config.config_file_path).resolve().parent
        return Project.from_config(root, config, self.config)

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
        return preview.configure(config, project)

    def on_files(self, files: Any, *, config: Any) -> Any:
        files = preview.generated_files(files, config, self._project(config))
        if self.edit_links is not None:
            self.edit_links.set_file_edit_uris(files, Path(config.docs_dir).resolve())
        return files

    def on_page_markdown(self, markdown: str, *, page: Any, config: Any, files: Any) -> str:
        if self.edit_links is not None:
            self.edit_links.page_edit_url(page)
        return markdown

    def on_page_content(self, html: str, *, page: Any, config: Any, files: Any) -> str:
        if self.edit_links is None:
            return html
        return self.edit_links.page_content(html, page)

    def on_serve(self, server: Any, *, config: Any, builder: Any) -> Any:
        csp.allow_live_reload(server)
        return preview.watch(server, self._project(config))

    # The Content-Security-Policy (`build.csp`) in every page MkDocs renders, 404.html too.
    def on_post_page(self, output: str, *, page: Any, config: Any) -> str:
        return csp.with_policy(output, csp.theme_inline(tuple(config.theme.dirs)))

    def on_post_template(self, output_content: str, *, template_name: str,
                         config: Any) -> str:
        if not template_name.endswith(".html"):
            return output_content
        return csp.with_policy(output_content, csp.theme_inline(tuple(config.theme.dirs)))
