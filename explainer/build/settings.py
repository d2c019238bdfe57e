"""What the generated pages need from an engine's configuration, in one place.

The `explainer` MkDocs plugin applies these settings to the loaded config (`plugin.on_config`);
for Zensical, which runs no plugins, `engine.effective_config` writes the same settings into a
config file. So a site's `mkdocs.yml` needs no more than the theme and `plugins: [search,
explainer]`, and every engine builds the same site.

- from `content/site.yaml`: `site_name`, `site_description`, `site_url`, `theme.language`;
- the Markdown extensions the generated pages are written for (added when missing; an
  extension the site configures itself keeps the site's settings);
- the stylesheet and script in `assets/` (generated with the pages);
- the theme overrides (the site's `templates/overrides/` over the package's);
- a navigation of sections, when the site gives none (see `DEFAULT_NAV`).
"""

from __future__ import annotations

import html
import json
import os
from collections.abc import Iterable
from typing import Any

from ..link import routes
from ..project import Project

#: environment variable through which `explainer build` hands the engine's plugin the settings
#: it computed (the engine process then need not load content at all)
SETTINGS_ENV = "EXPLAINER_SITE_SETTINGS"

#: Markdown extensions the page templates write for, with the settings the pages assume.
REQUIRED_EXTENSIONS: tuple[tuple[str, dict[str, Any]], ...] = (
    ("abbr", {}),
    ("admonition", {}),
    ("attr_list", {}),
    ("def_list", {}),
    ("md_in_html", {}),
    # `align` attributes, not `style`: the Content-Security-Policy (build/csp) allows no
    # inline style, and Material styles table cells by `align`
    ("tables", {"use_align_attribute": True}),
    ("toc", {"permalink": True}),
    ("pymdownx.escapeall", {}),
    ("pymdownx.superfences", {}),
)

#: Generated with the pages (from `templates/assets/`), linked from every page.
EXTRA_CSS = (f"{routes.ASSETS}/explainer.css",)
EXTRA_JAVASCRIPT = (f"{routes.ASSETS}/explainer.js",)

#: Sections only: story, person and organisation pages are reached from their index pages, so
#: the navigation (and the cost of rendering it on every page) stays the same size however
#: many stories the site holds.
DEFAULT_NAV: tuple[dict[str, str], ...] = (
    {"Home": "index.md"},
    {"Stories": "stories/index.md"},
    {"Topics": "topics/index.md"},
    {"Timeline": "timeline/index.md"},
    {"People": "people/index.md"},
    {"Organisations": "organisations/index.md"},
    {"Places": "places/index.md"},
    {"Glossary": "glossary.md"},
)


def site_settings(project: Project) -> dict[str, Any]:
    """The engine settings content/site.yaml gives, as mkdocs.yml keys.

    `site_name`, `site_description`, `site_url` and `theme: {language}`. Empty when site.yaml
    is missing or invalid: the content check reports that.
    """
    handed = os.environ.get(SETTINGS_ENV)
    if handed:
        settings: dict[str, Any] = json.loads(handed)
        return settings
    from ..diagnostics import Report
    from ..load.content import _load_site

    site = _load_site(project.root, project.content_dir / "site.yaml", Report())
    if site is None:
        return {}
    # The theme prints these into <title>, headers and <meta content="..."> without escaping
    # (they may hold HTML), so they arrive escaped: text from content never runs as HTML.
    settings = {"site_name": html.escape(site.title, quote=True)}
    if site.description:
        settings["site_description"] = html.escape(" ".join(site.description.split()),
                                                   quote=True)
    if site.base_url is not None:
        settings["site_url"] = str(site.base_url)
    settings["theme"] = {"language": site.language.split("-")[0]}
    return settings


def extension_name(entry: Any) -> str:
    """The name of a `markdown_extensions` entry (`name` or `{name: settings}`)."""
    if isinstance(entry, dict) and len(entry) == 1:
        return str(next(iter(entry)))
    return str(entry)


def missing_extensions(configured: Iterable[Any]) -> list[tuple[str, dict[str, Any]]]:
    """The required extensions that `configured` (mkdocs.yml's list) lacks, in order."""
    names = {extension_name(entry) for entry in configured}
    return [(name, dict(settings)) for name, settings in REQUIRED_EXTENSIONS
            if name not in names]


def missing(wanted: Iterable[str], configured: Iterable[Any]) -> list[str]:
    """Entries of `wanted` not in `configured` (extra_css, extra_javascript)."""
    have = {str(entry) for entry in configured}
    return [entry for entry in wanted if entry not in have]
