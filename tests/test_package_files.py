"""The package's files are all in git: a file the build reads but git ignores works in a
developer's checkout and is missing from every fresh clone, sdist and wheel made from it."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from .conftest import REPO


def test_no_file_of_the_package_is_ignored_by_git() -> None:
    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.skip("not a git checkout")
    ignored = subprocess.run(
        ["git", "ls-files", "--others", "--ignored", "--exclude-standard", "--", "explainer"],
        cwd=REPO, capture_output=True, text=True, check=True).stdout.split()
    assert [path for path in ignored if "__pycache__" not in path
            and not path.endswith(".pyc")] == []
