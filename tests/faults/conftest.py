"""Fixtures of the fault tests: the clean builds of the two versions of the small site, and a
project built as an editor's is (version A, built twice: the second build keeps the first site
as .site-previous for the next, and the cache is warm)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from .sites import clean_site, new_project, run_build


@pytest.fixture(scope="session")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, bytes]]:
    """Every file of a clean build of version A and of version B, by path."""
    base = tmp_path_factory.mktemp("clean")
    return {version: clean_site(base / version, version) for version in "AB"}


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The built project and a snapshot of it."""
    base = tmp_path_factory.mktemp("built")
    root = new_project(base / "project", "A")
    for _ in range(2):
        result = run_build(root)
        assert result.returncode == 0, result.stderr
    snapshot = base / "snapshot"
    shutil.copytree(root, snapshot, symlinks=True)
    return root, snapshot


@pytest.fixture
def project(built: tuple[Path, Path]) -> Iterator[Path]:
    """The built project (version A), as the snapshot holds it, at the same path (the build
    cache belongs to that checkout)."""
    root, snapshot = built
    shutil.rmtree(root)
    shutil.copytree(snapshot, root, symlinks=True)
    yield root
