"""Golden files: the Markdown generated for the seed story, byte for byte.

A change to templates, model or content shows up here as a diff to review. When the change is
meant, refresh with `make goldens` (pytest --update-goldens) and commit the new files.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from explainer.pipeline import generate
from explainer.project import Project

from .conftest import REPO

GOLDENS = Path(__file__).parent / "goldens" / "seed"


def test_generated_pages_match_goldens(request: pytest.FixtureRequest) -> None:
    pages = generate(Project.at(REPO)).pages
    if request.config.getoption("--update-goldens"):
        shutil.rmtree(GOLDENS, ignore_errors=True)
        for path in pages:
            target = GOLDENS / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(pages.files[path])
        pytest.skip("goldens rewritten; review `git diff tests/goldens`")
    expected = sorted(p.relative_to(GOLDENS).as_posix() for p in GOLDENS.rglob("*")
                      if p.is_file())
    assert sorted(pages) == expected, "pages added or removed: run `make goldens` if meant"
    for path in pages:
        golden = (GOLDENS / path).read_bytes()
        if pages.files[path] != golden:
            diff = _first_difference(golden.decode(), pages.files[path].decode())
            pytest.fail(f"{path} differs from its golden file ({diff}); "
                        "run `make goldens` if the change is meant")


def _first_difference(old: str, new: str) -> str:
    for number, (a, b) in enumerate(zip(old.splitlines(), new.splitlines(), strict=False), 1):
        if a != b:
            return f"line {number}: {a[:80]!r} -> {b[:80]!r}"
    return "length differs"


def test_generation_is_deterministic() -> None:
    first = generate(Project.at(REPO)).pages.files
    second = generate(Project.at(REPO)).pages.files
    assert first == second
