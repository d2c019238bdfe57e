"""The disk fills up while a build writes (ENOSPC injected by `inject/sitecustomize.py` into the
build's process and the engine's: the file gets half its bytes, then the write fails).

Wherever it happens (the generated pages, the engine's output, the build cache written by the
build or by the engine), the build stops with one line naming the file and the reason, no
traceback, exit status 1; `site/` is the previous site, byte for byte; nothing of the failed
build is left behind; and once there is room again, the next build is exactly a clean build
(the cache the failed build was writing is not trusted blindly)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .sites import build_env, files_of, leftovers, run_build, set_version

pytestmark = pytest.mark.engine
INJECT = Path(__file__).parent / "inject"

#: where the disk fills up: (path prefix in the project, process, how the message names what
#: was being written, build options); MkDocs' own writes say no file name, so the folder it wrote
#: into is named
PLACES = {
    "generated pages": ("generated/", "build", "could not write generated/", ()),
    "engine output": (".site-", "engine", "mkdocs could not write into .site-previous/", ()),
    "engine output, clean build": (".site-", "engine",
                                   "mkdocs could not write into .site-building-", ("--clean",)),
    "cache written by the build": (".cache/explainer/", "build",
                                   "could not write .cache/explainer/", ()),
    "cache written by the engine": (".cache/explainer/", "engine",
                                    "mkdocs could not write .cache/explainer/", ()),
}


@pytest.mark.parametrize("place", PLACES)
def test_a_full_disk_stops_the_build_cleanly_and_the_next_build_is_exact(
        place: str, sites: dict[str, dict[str, bytes]], project: Path) -> None:
    prefix, process, named, options = PLACES[place]
    root = project
    set_version(root, "B")
    full = build_env(PYTHONPATH=str(INJECT), EXPLAINER_FAULT_ENOSPC=str(root / prefix),
                     EXPLAINER_FAULT_IN=process)
    result = run_build(root, *options, env=full)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.stderr
    assert named in errors[0] and ".tmp-" not in errors[0], errors[0]
    assert "No space left on device (errno 28); site/ was left as it was" in errors[0]
    assert files_of(root / "site") == sites["A"], "the published site changed"
    assert leftovers(root) == []

    result = run_build(root)
    assert result.returncode == 0, result.stderr
    assert files_of(root / "site") == sites["B"]
    assert leftovers(root) == []
