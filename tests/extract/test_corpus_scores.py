"""The corpus targets, scored by the team's own scorer (tests/corpus/score.py, via importlib)."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from benchmarks.corpus import load_scorer
from explainer.extract import Extraction, to_score_json

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "tests" / "corpus" / "wikinews"


def _scorer() -> ModuleType:
    return load_scorer()


@pytest.fixture(scope="module")
def scores(
    corpus_results: dict[str, Extraction], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Any]:
    pred: Path = tmp_path_factory.mktemp("pred")
    for doc, extraction in corpus_results.items():
        (pred / f"{doc}.json").write_text(json.dumps(to_score_json(extraction)), encoding="utf-8")
    scored: dict[str, Any] = _scorer().score_dirs(str(CORPUS), str(pred))
    return scored


def test_attribution_overlap_f1_target(scores: dict[str, Any]) -> None:
    assert scores["micro"]["attributions"]["f1"] >= 0.85


def test_speaker_accuracy_target(scores: dict[str, Any]) -> None:
    assert scores["micro"]["speaker"]["accuracy"] >= 0.92


def test_other_categories_do_not_regress(scores: dict[str, Any]) -> None:
    # no targets were set; these floors sit just below the measured values to catch regressions
    micro = scores["micro"]
    assert micro["attributions_exact"]["f1"] >= 0.75
    assert micro["dates"]["f1"] >= 0.88
    assert micro["people"]["f1"] >= 0.78
