"""The Wikinews/GUM corpus and its scorer, shared by the extractor's benchmark and tests."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "tests" / "corpus" / "wikinews"


def load_scorer() -> ModuleType:
    """tests/corpus/score.py (the team's scorer, kept as shipped) as a module."""
    spec = importlib.util.spec_from_file_location("corpus_score",
                                                  REPO / "tests" / "corpus" / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
