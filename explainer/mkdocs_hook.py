"""Thin MkDocs hook: plain `mkdocs build` / `mkdocs serve` regenerate the pages themselves.

All logic lives in `explainer.preview`; engines that ignore hooks (Zensical) build the pages
that `build.py generate` wrote, so every engine builds the same site.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

_ROOT = str(Path(__file__).resolve().parent.parent)
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

from explainer import preview  # noqa: E402


def on_config(config: Any) -> Any:
    return preview.on_config(config)


def on_files(files: Any, config: Any) -> Any:
    return preview.on_files(files, config)


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    return preview.on_serve(server, config)
