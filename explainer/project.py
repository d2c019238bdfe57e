"""Where a project's folders are: content, templates, generated docs, built site.

`mkdocs.yml` is the engine's configuration and says where the docs folder and the site go, and
the `explainer` plugin's options say where content and the site's own templates are; the
generator reads just those keys (tolerating MkDocs' own YAML tags) so that the command line and
the plugin agree.

Templates are layered: a file in the site's `templates/` (`pages/`, `assets/`, `overrides/`)
replaces the package's file of the same name; everything else comes from the package, as
Material's `custom_dir` does for the theme.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

CONFIG_FILE = "mkdocs.yml"
DEFAULT_DOCS_DIR = "generated"
DEFAULT_SITE_DIR = "site"
DEFAULT_CONTENT_DIR = "content"
DEFAULT_TEMPLATES_DIR = "templates"
PLUGIN_NAME = "explainer"

#: The package's own templates: page templates, assets and theme overrides.
PACKAGE_TEMPLATES = Path(__file__).resolve().parent / "templates"


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml even where it uses tags such as !ENV or !relative."""


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


_TolerantLoader.add_multi_constructor("!", _any_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _any_tag)


def read_config(config_file: Path) -> dict[str, Any]:
    """mkdocs.yml as plain data; empty when it is missing or not YAML (the engine says why)."""
    try:
        loaded = yaml.load(config_file.read_text(encoding="utf-8"), _TolerantLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    return loaded if isinstance(loaded, dict) else {}


def plugin_options(config: Mapping[str, Any]) -> dict[str, Any]:
    """The `explainer` plugin's options in a mkdocs.yml (`- explainer: {...}`), else {}."""
    plugins = config.get("plugins")
    entries = plugins.items() if isinstance(plugins, dict) else (
        (next(iter(entry.items())) if isinstance(entry, dict) and len(entry) == 1
         else (entry, None)) for entry in (plugins if isinstance(plugins, list) else []))
    for name, options in entries:
        if name == PLUGIN_NAME:
            return dict(options) if isinstance(options, dict) else {}
    return {}


@dataclass(frozen=True)
class Project:
    root: Path
    docs_dir: Path
    site_dir: Path
    content_dir: Path
    templates_dir: Path  # the site's own templates (may not exist): layered over the package's

    @property
    def config_file(self) -> Path:
        return self.root / CONFIG_FILE

    @property
    def template_layers(self) -> tuple[Path, ...]:
        """Template folders, first match wins: the site's own, then the package's."""
        return (self.templates_dir, PACKAGE_TEMPLATES)

    @classmethod
    def at(cls, root: Path) -> Project:
        root = root.resolve()
        config = read_config(root / CONFIG_FILE)
        return cls.from_config(root, config, plugin_options(config))

    @classmethod
    def from_config(cls, root: Path, config: Mapping[str, Any],
                    options: Mapping[str, Any]) -> Project:
        """The folders that mkdocs.yml (`docs_dir`, `site_dir`) and the plugin's options
        (`content`, `templates`) name, relative to the project folder."""
        def folder(value: Any, default: str) -> Path:
            return (root / str(value or default)).resolve()

        return cls(root, folder(config.get("docs_dir"), DEFAULT_DOCS_DIR),
                   folder(config.get("site_dir"), DEFAULT_SITE_DIR),
                   folder(options.get("content"), DEFAULT_CONTENT_DIR),
                   folder(options.get("templates"), DEFAULT_TEMPLATES_DIR))


def layered_files(layers: tuple[Path, ...], folder: str) -> dict[str, Path]:
    """Every file under `folder` of the template layers, by its path relative to `folder`;
    where two layers hold the same path, the first layer's file wins."""
    found: dict[str, Path] = {}
    for layer in layers:
        base = layer / folder
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            if path.is_file():
                found.setdefault(path.relative_to(base).as_posix(), path)
    return dict(sorted(found.items()))
