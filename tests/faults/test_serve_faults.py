"""`build.py serve` (a real `mkdocs serve --livereload --dirty` on a free port) under an editor's
accidents: a story folder deleted and restored, a binary file dropped into content/, editor swap,
backup and lock files, a truncated save, a burst of saves. In every case the server stays up,
broken content shows the error banner, files that are not content change nothing (no rebuild),
a burst causes one rebuild, and the next good save gives back the site exactly as it was."""

from __future__ import annotations

import itertools
import os
import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from explainer.build import csp

from ..preview_server import Preview, mkdocs_serve
from .sites import new_project

pytestmark = pytest.mark.engine
PAGES = ("", "stories/sample/", "stories/sample/quotes/", "people/jane-doe/", "glossary/")
QUOTES = "stories/sample/quotes/"
BANNER = "Content errors"
_LIVERELOAD = re.compile(r"livereload\(\d+, \d+\)")
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)


def snapshot(preview: Preview) -> dict[str, str]:
    """The pages as served, without what names the build: the live-reload call, and that
    script's hash in the page's Content-Security-Policy."""
    return {path: _as_built(preview.fetch(path)) for path in PAGES}


def _as_built(page: str) -> str:
    scripts = _INLINE_SCRIPT.findall(page)
    if scripts and _LIVERELOAD.search(scripts[-1]):
        page = page.replace(csp.source_hash(scripts[-1]), "live-reload-hash")
    return _LIVERELOAD.sub("livereload()", page)


def settle(preview: Preview, quiet: float = 1.0, timeout: float = 30) -> int:
    """Wait until every build the server started has ended and none started for `quiet`
    seconds; the number of builds so far."""
    deadline = time.monotonic() + timeout
    count, since = preview.builds(), time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.1)
        now = preview.builds()
        if now != count:
            count, since = now, time.monotonic()
        elif time.monotonic() - since >= quiet and _ended(preview) == count:
            return count
    raise AssertionError("the server kept rebuilding")


def _ended(preview: Preview) -> int:
    """Builds ended: the first, then each rebuild (browsers reloaded, or an error logged)."""
    log = preview.log.read_text(encoding="utf-8", errors="replace")
    return 1 + log.count("Reloading browsers") + log.count("An error happened during the rebuild")


def restored(preview: Preview, before: dict[str, str]) -> None:
    """The site is back, page for page, as it was."""
    preview.wait_for(QUOTES, lambda page: BANNER not in page and "five years" in page)
    settle(preview)
    assert snapshot(preview) == before


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Preview]]:
    root = new_project(tmp_path_factory.mktemp("serve") / "project", "A")
    with mkdocs_serve(root) as preview:
        settle(preview)
        yield root, preview


@pytest.fixture
def server(served: tuple[Path, Preview]) -> Iterator[tuple[Path, Preview, dict[str, str]]]:
    root, preview = served
    before = snapshot(preview)
    yield root, preview, before
    assert "Traceback" not in preview.log.read_text(encoding="utf-8", errors="replace")


def test_a_story_folder_deleted_and_restored(
        server: tuple[Path, Preview, dict[str, str]], tmp_path: Path) -> None:
    root, preview, before = server
    story = root / "content/stories/sample"
    shutil.move(story, tmp_path / "sample")
    preview.wait_for("", lambda page: "stories/sample/" not in page)
    shutil.move(tmp_path / "sample", story)
    restored(preview, before)


def test_a_binary_file_dropped_into_content(server: tuple[Path, Preview, dict[str, str]]) -> None:
    root, preview, before = server
    dropped = root / "content/people/photo.md"
    dropped.write_bytes(bytes(range(256)) * 8)
    page = preview.wait_for(QUOTES, lambda page: BANNER in page)
    assert "content/people/photo.md" in page
    dropped.unlink()
    restored(preview, before)


EDITOR_FILES = (".facts.yaml.swp", ".facts.yaml.swx", "facts.yaml~", "#facts.yaml#", "4913",
                ".#facts.yaml")


def test_editor_swap_backup_and_lock_files_change_nothing(
        server: tuple[Path, Preview, dict[str, str]]) -> None:
    root, preview, before = server
    builds = settle(preview)
    made = []
    for folder in ("content/stories/sample", "content/people"):
        for name in EDITOR_FILES:
            path = root / folder / name.replace("facts.yaml", "jane-doe.md"
                                                if folder.endswith("people") else "facts.yaml")
            if name.startswith(".#"):  # Emacs' lock: a symbolic link to nowhere
                os.symlink("editor@host.4242:1700000000", path)
            else:
                path.write_bytes(b"\x00swap\xff" * 100)
            made.append(path)
    time.sleep(2)
    assert settle(preview) == builds, "editor files caused a rebuild"
    facts = root / "content/stories/sample/facts.yaml"
    facts.write_bytes(facts.read_bytes())  # a save while they are there: they are not content
    assert settle(preview) == builds + 1
    assert snapshot(preview) == before
    for path in made:
        path.unlink()
    time.sleep(1)
    assert settle(preview) == builds + 1


def test_a_truncated_save_then_the_full_save(
        server: tuple[Path, Preview, dict[str, str]]) -> None:
    root, preview, before = server
    facts = root / "content/stories/sample/facts.yaml"
    whole = facts.read_bytes()
    facts.write_bytes(whole[:len(whole) // 3])
    page = preview.wait_for(QUOTES, lambda page: BANNER in page)
    assert "content/stories/sample/facts.yaml" in page
    facts.write_bytes(whole)
    restored(preview, before)


def test_a_burst_of_saves_causes_one_rebuild(
        server: tuple[Path, Preview, dict[str, str]]) -> None:
    """30 saves in one second, the last one as the file was: one rebuild, once the saves stop
    (for `preview.QUIET`, 0.1 s). A burst whose saves this (busy) machine spaced 80 ms apart or
    more is not a burst: it is tried again."""
    root, preview, before = server
    facts = root / "content/stories/sample/facts.yaml"
    whole = facts.read_text(encoding="utf-8")
    for _attempt in range(5):
        builds = settle(preview)
        saved = []
        for number in range(30):
            facts.write_text(whole.replace("five years", f"{number} years")
                             if number < 29 else whole, encoding="utf-8")
            saved.append(time.monotonic())
            time.sleep(1 / 30)
        rebuilt = settle(preview) - builds
        if max(b - a for a, b in itertools.pairwise(saved)) < 0.08:
            break
    else:
        raise AssertionError("this machine never made 30 saves in a second")
    assert rebuilt == 1
    assert snapshot(preview) == before
