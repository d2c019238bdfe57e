"""Shared fixtures: a throw-away copy of a project (the seed or the minimal sample)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
MINIMAL = FIXTURES / "minimal"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true",
                     help="rewrite tests/goldens from the current output (review the diff!)")


def copy_project(destination: Path, content_from: Path = REPO) -> Path:
    """A project folder with `content_from`'s content and the repository's templates/config."""
    destination.mkdir(parents=True, exist_ok=True)
    shutil.copytree(content_from / "content", destination / "content")
    shutil.copytree(REPO / "templates", destination / "templates")
    shutil.copy(REPO / "mkdocs.yml", destination / "mkdocs.yml")
    hook = destination / "explainer"
    hook.mkdir()
    shutil.copy(REPO / "explainer" / "mkdocs_hook.py", hook / "mkdocs_hook.py")
    return destination


@pytest.fixture
def minimal_project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project", MINIMAL)


@pytest.fixture
def seed_project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project", REPO)


@pytest.fixture
def edit() -> Callable[[Path, str, str, str], None]:
    def apply(root: Path, file: str, find: str, replace: str) -> None:
        path = root / file
        text = path.read_text(encoding="utf-8")
        assert find in text, f"{find!r} not in {file}"
        path.write_text(text.replace(find, replace, 1), encoding="utf-8")
    return apply
