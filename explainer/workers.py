"""Share a job among forked processes, this one included, and collect the results in order.

Rendering 1,000 stories is CPU-bound Python, and creating their 12,000 files is mostly the
kernel's work: one process per core roughly halves either on two cores. Workers are forked, so
they inherit the loaded site instead of loading it again (never fork inside a server with
threads, such as `mkdocs serve`: callers run in-process there). Each worker is its own process
(a pool may hand two shares to one worker) and hands its result back through a file in a
RAM-backed temporary folder rather than a pipe, which moved the ~70 MB of pages of 1,000
stories at ~150 MB/s here.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import pickle
import tempfile
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

_task: Callable[[int, int], Any] | None = None  # what forked workers inherit


def can_fork() -> bool:
    return "fork" in mp.get_all_start_methods()


def run_shared(task: Callable[[int, int], T], jobs: int) -> list[T]:
    """[task(0, jobs), ..., task(jobs - 1, jobs)]: share 0 here, each other share in its own
    forked process; just [task(0, 1)] when `jobs` <= 1 or this platform cannot fork. An
    exception in a worker is raised here (if it cannot be pickled, as a RuntimeError naming
    it)."""
    if jobs <= 1 or not can_fork():
        return [task(0, 1)]
    global _task
    _task = task
    context = mp.get_context("fork")
    try:
        with tempfile.TemporaryDirectory(prefix="explainer-", dir=_ram_folder()) as fast, \
                tempfile.TemporaryDirectory(prefix="explainer-") as spare:
            paths = [(os.path.join(fast, f"share-{n}.pickle"),
                      os.path.join(spare, f"share-{n}.pickle")) for n in range(jobs)]
            workers = [context.Process(target=_work, args=(n, jobs, paths[n]), daemon=True)
                       for n in range(1, jobs)]
            for worker in workers:
                worker.start()
            try:
                results = [task(0, jobs)]
            except BaseException:
                for worker in workers:  # their work is of no use now
                    worker.terminate()
                raise
            finally:
                for worker in workers:
                    worker.join()
            for worker, path in zip(workers, paths[1:], strict=True):
                results.append(_collect(worker, path))
        return results
    finally:
        _task = None


def _work(number: int, count: int, paths: tuple[str, str]) -> None:
    """Run one share; leave (True, result) or (False, exception) pickled in the first of
    `paths` that has room (a small /dev/shm, as in containers, fills up)."""
    assert _task is not None
    try:
        outcome: tuple[bool, Any] = (True, _task(number, count))
    except BaseException as error:  # reported to the main process, which raises it
        outcome = (False, error)
    try:
        data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # an exception that does not pickle
        data = pickle.dumps((False, RuntimeError(repr(outcome[1]))))
    for path in paths:
        try:
            with open(path, "wb") as stream:
                stream.write(data)
            return
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(path)
    raise OSError(f"no room for a worker's result in {' or '.join(paths)}")


def _collect(worker: Any, paths: tuple[str, str]) -> Any:
    path = next((p for p in paths if os.path.exists(p)), None)
    if path is None:
        raise RuntimeError(f"a worker process stopped without a result "
                           f"(exit code {worker.exitcode})")
    with open(path, "rb") as stream:
        ok, value = pickle.load(stream)
    if not ok:
        raise value
    return value


#: /dev/shm is used only with this much room; a worker falls back to disk if it fills anyway.
RAM_FOLDER_ROOM = 1 << 30


def _ram_folder() -> str | None:
    """/dev/shm where there is one (Linux) with room; else the usual temporary folder."""
    shm = "/dev/shm"
    try:
        stats = os.statvfs(shm)
    except OSError:
        return None
    room = stats.f_bavail * stats.f_frsize
    return shm if room >= RAM_FOLDER_ROOM and os.access(shm, os.W_OK) else None
