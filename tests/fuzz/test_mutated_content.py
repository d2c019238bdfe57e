"""Mutation fuzzing in the suite: a bounded run of the `make fuzz` harness (harness.py), and the
inputs it once broke the loader with, pinned."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from .harness import Fuzzer, Totals, run_cases

#: Cases per `make test` (a few seconds); EXPLAINER_FUZZ_SEED picks other cases to try.
CASES = 60
SEED = os.environ.get("EXPLAINER_FUZZ_SEED", "make-test")


@pytest.fixture(scope="module")
def fuzzer(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Fuzzer]:
    yield Fuzzer(tmp_path_factory.mktemp("fuzz"))


def test_mutated_content_gives_clear_errors_and_never_a_traceback(fuzzer: Fuzzer) -> None:
    totals = Totals()
    failing = run_cases(fuzzer, SEED, range(CASES), totals, generate_rate=0.2, json_rate=0.2)
    assert not failing, "\n\n".join(result.report() for result in failing)
    assert totals.cases == CASES and totals.check_status[1] > CASES // 3, \
        "most mutations should break the content"
    assert totals.failed_builds and totals.diagnostics > totals.cases


@pytest.mark.parametrize("path", [
    "content/people/someone.md", "content/places/france.md", "content/site.yaml",
    "content/glossary.yaml", "content/stories/tajikistan-interpol/article.md",
    "content/stories/tajikistan-interpol/facts.yaml"])
def test_a_folder_where_a_content_file_belongs_is_an_error(fuzzer: Fuzzer, path: str) -> None:
    # found by fuzzing: a folder named like a content file ended `check` with a traceback
    changes = {path: None}
    created = fuzzer.apply(changes)
    folder = fuzzer.root / path
    folder.mkdir()
    try:
        status, output = fuzzer.run("check")
    finally:
        folder.rmdir()
        fuzzer.restore(changes, created)
    assert status == 1 and "Traceback" not in output
    assert f"{path}:0:0: error: is a folder, where a content file is expected" in output


def test_the_fuzzer_finds_what_the_loader_refuses(fuzzer: Fuzzer, tmp_path: Path) -> None:
    # its invariants can fail: a diagnostic pointing past the end of its file is caught
    problems = fuzzer.verify_diagnostics([
        "content/site.yaml:999:1: error: nowhere", "content/site.yaml:1:999: error: nowhere",
        "content/nothing/x.yaml:3:1: error: missing", "no position here"])
    assert len(problems) == 4
