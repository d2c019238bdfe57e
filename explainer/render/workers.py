"""Share a job among forked processes, this one included, and collect the results in order.

Rendering 1,000 stories is CPU-bound Python: one process per core roughly halves it on two
cores. Workers are forked, so they inherit the loaded site instead of loading it again (never
fork inside a server with threads, such as `mkdocs serve`: callers render in-process there).
A worker hands its result back through a file in a RAM-backed temporary folder rather than
through the pool's pipe, which moved the ~70 MB of pages of 1,000 stories at ~150 MB/s here.
"""

from __future__ import annotations

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
    """[task(0, jobs), ..., task(jobs - 1, jobs)]: share 0 here, the others in forked workers.
    An exception in a worker is raised here (it must pickle, like every result)."""
    global _task
    _task = task
    try:
        with tempfile.TemporaryDirectory(prefix="explainer-", dir=_ram_folder()) as folder, \
                mp.get_context("fork").Pool(jobs - 1) as pool:
            others = pool.starmap_async(_work, [(n, jobs, folder) for n in range(1, jobs)])
            results = [task(0, jobs)]
            for path in others.get():
                with open(path, "rb") as stream:
                    results.append(pickle.load(stream))
        return results
    finally:
        _task = None


def _work(number: int, count: int, folder: str) -> str:
    assert _task is not None
    result = _task(number, count)
    path = os.path.join(folder, f"share-{number}.pickle")
    with open(path, "wb") as stream:
        pickle.dump(result, stream, protocol=pickle.HIGHEST_PROTOCOL)
    return path


def _ram_folder() -> str | None:
    """/dev/shm where there is one (Linux); else the usual temporary folder."""
    shm = "/dev/shm"
    return shm if os.path.isdir(shm) and os.access(shm, os.W_OK) else None
