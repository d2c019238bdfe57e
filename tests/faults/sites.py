"""Small sites for the fault tests: the minimal fixture in two versions (A as shipped; B with
an edited quote and one more person, so pages change and a page appears), their clean builds,
and `build.py` run in its own process as an editor runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ..conftest import MINIMAL, REPO, copy_project
from ..test_incremental_site import files_of

__all__ = ["REPO", "Version", "build_env", "clean_site", "files_of", "leftovers", "new_project",
           "run_build", "set_version"]

Version = str  # "A" or "B"
NEW_PERSON = "content/people/new-person.md"


def set_version(root: Path, version: Version) -> None:
    """Make `root`'s content version A or B (only the files that differ are written)."""
    for name in ("content/stories/sample/article.md", "content/stories/sample/facts.yaml"):
        shipped = (MINIMAL / name).read_text(encoding="utf-8")
        wanted = shipped if version == "A" else shipped.replace("five years", "six years")
        if (root / name).read_text(encoding="utf-8") != wanted:
            (root / name).write_text(wanted, encoding="utf-8")
    person = root / NEW_PERSON
    if version == "A":
        person.unlink(missing_ok=True)
    elif not person.exists():
        person.write_text("---\nname: Nova Person\n---\n", encoding="utf-8")


def new_project(folder: Path, version: Version = "A") -> Path:
    root = copy_project(folder, MINIMAL)
    (root / "generated").mkdir(exist_ok=True)
    set_version(root, version)
    return root


def build_env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **extra}
    for name in ("EXPLAINER_PAGES_READY", "EXPLAINER_CACHE"):
        if name not in extra:
            env.pop(name, None)
    return env


def run_build(root: Path, *options: str, env: dict[str, str] | None = None,
              timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """`build.py build` in its own process; the caller checks the status."""
    return subprocess.run([sys.executable, str(REPO / "build.py"), "--root", str(root), "build",
                           *options], capture_output=True, text=True, env=env or build_env(),
                          timeout=timeout, check=False)


def clean_site(folder: Path, version: Version) -> dict[str, bytes]:
    """Every file of a clean build (no cache, no previous site) of version `version`."""
    root = new_project(folder, version)
    result = run_build(root, "--clean", env=build_env(EXPLAINER_CACHE="off"))
    assert result.returncode == 0, result.stderr
    return files_of(root / "site")


def leftovers(root: Path) -> list[str]:
    """Work folders and temporary files a build leaves beside the site and in the project (the
    kept previous site, `.site-previous`, is not one)."""
    found = [p.name for p in root.iterdir()
             if p.name.startswith((".site-", ".explainer-")) and p.name != ".site-previous"]
    cache = root / ".cache" / "explainer"
    if cache.is_dir():
        found += [p.relative_to(root).as_posix() for p in cache.rglob(".tmp-*")]
    found += [p.relative_to(root).as_posix() for p in (root / "generated").rglob(".tmp-*")]
    return sorted(found)
