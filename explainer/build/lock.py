"""One build of a site at a time: `build.py build` and `build.py generate` hold an exclusive
lock on `.cache/build.lock` while they write `generated/`, the build cache and `site/`.

Two builds of one site at once would update the same folders (the generated pages, the kept
previous site the engine builds into) and swap half of each other's work into `site/`. The
second build therefore waits for the first, saying so in one line, or with `--no-wait` stops at
once. The lock is `flock(2)` on an open file: the kernel releases it when its holder exits,
however it ends (a build killed with SIGKILL leaves no stale lock to clear by hand). The file
holds the holder's process id, for the message only.

`build.py serve` does not take the lock: it never writes `site/` or `generated/` (MkDocs serves
from a temporary folder and the plugin generates pages in memory); the one thing it shares with
a build is the build cache, whose writes are atomic and whose reads are verified (`cache`).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

LOCK_FILE = Path(".cache") / "build.lock"


class SiteBusy(Exception):
    """Another process holds the site's build lock (and the caller would not wait)."""


def _holder(handle: int) -> str:
    """The process id the lock file names (written by its holder just after it took the lock:
    a moment is allowed for that), or '?'."""
    for _ in range(50):
        with contextlib.suppress(OSError, ValueError):
            text = os.pread(handle, 32, 0).decode("ascii").strip()
            if text.isdigit():
                return text
        time.sleep(0.01)
    return "?"


@contextlib.contextmanager
def build_lock(root: Path, *, wait: bool = True,
               say: Callable[[str], None] = print) -> Iterator[None]:
    """Hold the build lock of the project at `root` for the block. When another process holds
    it: `say` one line and wait for it, or raise `SiteBusy` if not `wait`."""
    path = root / LOCK_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            busy = f"another build of this site is running (pid {_holder(handle)})"
            if not wait:
                raise SiteBusy(f"{busy}; try again when it has finished, or leave out "
                               "--no-wait to wait for it") from None
            say(f"{busy}; waiting…")
            fcntl.flock(handle, fcntl.LOCK_EX)
        pid = f"{os.getpid()}\n".encode("ascii")
        os.pwrite(handle, pid, 0)  # then cut what a longer pid left: never an empty file
        os.ftruncate(handle, len(pid))
        yield
    finally:
        os.close(handle)  # releases the lock
