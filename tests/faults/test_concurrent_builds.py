"""Two builds of one site at once: the second waits for the first (saying so in one line), or
with `--no-wait` stops at once with exit status 4; both end cleanly and `site/` is exactly what
a clean build of the content gives. A build while `build.py serve` runs leaves both correct
(serve takes no lock: it writes neither site/ nor generated/; see `explainer/build/lock.py`)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from ..preview_server import mkdocs_serve
from .sites import REPO, build_env, files_of, leftovers, run_build, set_version

pytestmark = pytest.mark.engine
QUOTES = "stories/sample/quotes/"


def start_build(root: Path, *options: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, str(REPO / "build.py"), "--root", str(root),
                             "build", *options], env=build_env(), text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def holding_lock(root: Path, process: subprocess.Popen[str]) -> None:
    """Wait until `process` holds the site's build lock (it writes its id into the file)."""
    lock = root / ".cache" / "build.lock"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and process.poll() is None:
        if lock.exists() and lock.read_text().strip() == str(process.pid):
            return
        time.sleep(0.01)
    raise AssertionError("the first build never took the lock")


def test_a_second_build_waits_for_the_first(
        project: Path, sites: dict[str, dict[str, bytes]]) -> None:
    """Two builds started together or a little apart, each time after an edit. Without the
    lock both end with status 0 and site/ holds the content before the edit, or a mix (seen
    when the lock was removed)."""
    version = "A"
    for offset in (0.0, 0.3, 0.8):
        version = "B" if version == "A" else "A"
        set_version(project, version)
        first = start_build(project)
        time.sleep(offset)
        second = start_build(project)
        logs = {first.pid: first.communicate(timeout=120)[1],
                second.pid: second.communicate(timeout=120)[1]}
        assert (first.returncode, second.returncode) == (0, 0), logs
        waited = {pid: log.splitlines()[0] for pid, log in logs.items()
                  if "waiting" in log.splitlines()[0]}
        assert len(waited) == 1, logs
        (waiter, line), = waited.items()
        other = first.pid if waiter == second.pid else second.pid
        assert line == f"another build of this site is running (pid {other}); waiting…"
        assert files_of(project / "site") == sites[version], f"started {offset} s apart"
        assert leftovers(project) == []


def test_no_wait_stops_a_second_build_at_once(
        project: Path, sites: dict[str, dict[str, bytes]]) -> None:
    set_version(project, "B")
    first = start_build(project)
    holding_lock(project, first)
    second = run_build(project, "--no-wait")
    assert second.returncode == 4, second.stderr
    assert second.stderr.splitlines() == [
        f"error: another build of this site is running (pid {first.pid}); try again when it "
        "has finished, or leave out --no-wait to wait for it"]
    _, first_log = first.communicate(timeout=120)
    assert first.returncode == 0, first_log
    assert files_of(project / "site") == sites["B"]


def test_a_build_while_serve_runs_leaves_both_correct(
        project: Path, sites: dict[str, dict[str, bytes]]) -> None:
    with mkdocs_serve(project) as preview:
        assert "It took five years" in preview.fetch(QUOTES)
        set_version(project, "B")  # the server rebuilds while the build runs
        result = run_build(project)
        assert result.returncode == 0, result.stderr
        assert files_of(project / "site") == sites["B"]
        preview.wait_for(QUOTES, lambda page: "It took six years" in page)
        set_version(project, "A")
        preview.wait_for(QUOTES, lambda page: "It took five years" in page)
    assert leftovers(project) == []
