"""Shared fixtures for the extractor tests: the seed story and the Wikinews corpus (both in the
repository; nothing outside it is read)."""

from __future__ import annotations

from pathlib import Path

import pytest

from explainer.extract import Extraction, extract

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
CORPUS = REPO / "tests" / "corpus" / "wikinews"
SEED = HERE.parent / "fixtures" / "pages" / "seed.txt"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_result(seed_text: str) -> Extraction:
    return extract(seed_text)


@pytest.fixture(scope="session")
def corpus_texts() -> dict[str, str]:
    return {
        p.name[: -len(".txt")]: p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))
    }


@pytest.fixture(scope="session")
def corpus_results(corpus_texts: dict[str, str]) -> dict[str, Extraction]:
    return {doc: extract(text) for doc, text in corpus_texts.items()}
