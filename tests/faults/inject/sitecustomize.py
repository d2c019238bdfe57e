"""Fault injection for tests/faults: Python imports this module at start-up when this folder is
on PYTHONPATH (in the build and in the engine it starts, which inherits the environment).

EXPLAINER_FAULT_ENOSPC=<path prefix>: a file opened for writing whose path starts with the
prefix takes half of the first write, then fails with ENOSPC ("No space left on device", naming
no file, as the kernel's write() reports it), as a disk that fills up mid-file does. Files are
copied through the same writes (no sendfile).
EXPLAINER_FAULT_IN=engine|build limits it to the engine's process or the build's own.

EXPLAINER_FAULT_KILL_AFTER_RENAME=N with EXPLAINER_FAULT_RENAMES=<regex>: the process kills
itself (SIGKILL) right after its Nth rename (`os.replace`, `os.rename`) of a path the regex
finds, as a power cut between two steps of publishing would.
"""

from __future__ import annotations

import builtins
import errno
import io
import os
import re
import shutil
import signal
import sys
from typing import Any

_PREFIX = os.environ.get("EXPLAINER_FAULT_ENOSPC", "")
_ONLY_IN = os.environ.get("EXPLAINER_FAULT_IN", "")
_KILL_AFTER = int(os.environ.get("EXPLAINER_FAULT_KILL_AFTER_RENAME", "0"))
_RENAMES = re.compile(os.environ.get("EXPLAINER_FAULT_RENAMES", "^$"))
_renamed = 0


def _in_scope() -> bool:
    if not _ONLY_IN:
        return True
    engine = any(part in sys.argv[0] for part in ("mkdocs", "properdocs", "zensical"))
    return engine == (_ONLY_IN == "engine")


class _FullDisk:
    """A writable file on a disk with room for half of the next write."""

    def __init__(self, stream: Any, path: str):
        self._stream = stream
        self._path = path

    def write(self, data: Any) -> int:
        self._stream.write(data[:len(data) // 2])
        self._stream.flush()
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))  # as write(2): no file named

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __enter__(self) -> _FullDisk:
        return self

    def __exit__(self, *exc: object) -> None:
        self._stream.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _path_of(file: Any) -> str:
    if isinstance(file, int):
        try:
            return os.readlink(f"/proc/self/fd/{file}")
        except OSError:
            return ""
    try:
        return os.path.abspath(os.fsdecode(file))
    except TypeError:
        return ""


_real_open = io.open


def _open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
    stream = _real_open(file, mode, *args, **kwargs)
    if any(flag in mode for flag in "wax+") and _in_scope():
        path = _path_of(file)
        if path.startswith(_PREFIX):
            return _FullDisk(stream, path)
    return stream


if _PREFIX:
    builtins.open = io.open = _open
    shutil._USE_CP_SENDFILE = False  # type: ignore[attr-defined]


def _counted(rename: Any) -> Any:
    def renamed(src: Any, dst: Any, *args: Any, **kwargs: Any) -> None:
        global _renamed
        rename(src, dst, *args, **kwargs)
        if _in_scope() and any(_RENAMES.search(os.path.abspath(os.fsdecode(path)))
                               for path in (src, dst)):
            _renamed += 1
            if _renamed == _KILL_AFTER:
                os.kill(os.getpid(), signal.SIGKILL)
    return renamed


if _KILL_AFTER:
    os.replace = _counted(os.replace)
    os.rename = _counted(os.rename)
