"""A build killed at random moments (SIGKILL: no handler runs, as with a power cut or the OOM
killer). `site/` must be wholly the old site or wholly the new one, never a mix; the next build
must give exactly what a clean build gives, with the cache and the folders the killed build left
behind; and nothing of the killed build may remain after it."""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .sites import REPO, build_env, files_of, leftovers, run_build, set_version

pytestmark = pytest.mark.engine
INJECT = Path(__file__).parent / "inject"
KILLS = int(os.environ.get("EXPLAINER_FAULT_KILLS", "5"))
SEED = int(os.environ.get("EXPLAINER_FAULT_SEED", "14"))


def killed_build(root: Path, delay: float, *options: str) -> bool:
    """Start `build.py build`, SIGKILL it and its engine after `delay` seconds; whether it was
    still running then."""
    process = subprocess.Popen([sys.executable, str(REPO / "build.py"), "--root", str(root),
                                "build", *options], env=build_env(), start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        process.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        return True


def test_a_killed_build_leaves_the_old_or_the_new_site_and_the_next_build_is_exact(
        sites: dict[str, dict[str, bytes]], project: Path) -> None:
    assert sites["A"] != sites["B"]
    root = project
    started = time.monotonic()
    assert run_build(root).returncode == 0
    longest = 1.5 * (time.monotonic() - started)  # delays span the whole of a build
    published = "A"
    chance = random.Random(SEED)
    killed = 0
    for attempt in range(KILLS):
        target = "B" if published == "A" else "A"
        set_version(root, target)
        delay = chance.uniform(0.05, longest)
        options = ("--clean",) if attempt % 2 else ()  # a staging folder of its own
        killed += killed_build(root, delay, *options)
        site = files_of(root / "site")
        context = f"(seed {SEED}, attempt {attempt}, killed after {delay:.2f} s, {options})"
        assert site in (sites[published], sites[target]), \
            f"site/ is neither the old nor the new site {context}"
        # The next build: sometimes of the killed build's content, sometimes back to the old.
        published = target if chance.random() < 0.7 else published
        set_version(root, published)
        result = run_build(root)
        assert result.returncode == 0, f"{context}\n{result.stderr}"
        assert files_of(root / "site") == sites[published], \
            f"the build after a killed one differs from a clean build {context}"
        assert leftovers(root) == [], f"left behind by the killed build {context}"
    assert killed >= KILLS // 2, "most builds must be killed while running"


def test_a_build_killed_between_the_steps_of_publishing_leaves_a_whole_site(
        sites: dict[str, dict[str, bytes]], project: Path) -> None:
    """Killed right after each rename of a site folder a `--clean` build makes (its staging
    folder into place, the site it replaces kept as .site-previous): at no moment is `site/`
    missing or mixed. (An incremental build stages in .site-previous itself and renames
    nothing but by the exchange.)"""
    root = project
    renames = re.escape(str(root)) + r"/\.?site(-[^/]*)?$"
    published = "A"
    step = 0
    while True:
        step += 1
        target = "B" if published == "A" else "A"
        set_version(root, target)
        env = build_env(PYTHONPATH=str(INJECT), EXPLAINER_FAULT_IN="build",
                        EXPLAINER_FAULT_RENAMES=renames,
                        EXPLAINER_FAULT_KILL_AFTER_RENAME=str(step))
        result = run_build(root, "--clean", env=env)
        assert (root / "site").is_dir(), f"site/ missing after rename {step}"
        assert files_of(root / "site") in (sites[published], sites[target]), \
            f"site/ mixed after rename {step}"
        assert run_build(root).returncode == 0
        assert files_of(root / "site") == sites[target]
        assert leftovers(root) == []
        published = target
        if result.returncode == 0:  # fewer renames than `step`: every one was tried
            break
        assert result.returncode == -signal.SIGKILL, result.stderr
