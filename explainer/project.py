"""Where a project's folders are: content, templates, generated docs, built site.

`mkdocs.yml` is the engine's configuration and says where the docs folder and the site go; the
generator reads just those two keys (tolerating MkDocs' own YAML tags) so that both agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

CONFIG_FILE = "mkdocs.yml"
DEFAULT_DOCS_DIR = "generated"
DEFAULT_SITE_DIR = "site"


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


@dataclass(frozen=True)
class Project:
    root: Path
    docs_dir: Path
    site_dir: Path

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def templates_dir(self) -> Path:
        return self.root / "templates"

    @property
    def config_file(self) -> Path:
        return self.root / CONFIG_FILE

    @classmethod
    def at(cls, root: Path) -> Project:
        root = root.resolve()
        config: dict[str, Any] = {}
        config_file = root / CONFIG_FILE
        if config_file.is_file():
            try:
                loaded = yaml.load(config_file.read_text(encoding="utf-8"), _TolerantLoader)
                config = loaded if isinstance(loaded, dict) else {}
            except yaml.YAMLError:
                config = {}
        docs = str(config.get("docs_dir") or DEFAULT_DOCS_DIR)
        site = str(config.get("site_dir") or DEFAULT_SITE_DIR)
        return cls(root, (root / docs).resolve(), (root / site).resolve())
