"""Errors of the machine while writing (a full disk, no permission), told as one line.

A full disk reports itself as `OSError: [Errno 28] No space left on device` with no file name
(the kernel's write() knows only a descriptor), and the file being written is often a temporary
one: `naming` puts the name of the file meant into the error, so the message says what could
not be written."""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterator

#: errors of the machine, not of the program: shown as one line naming the file, no traceback
DISK_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS, errno.EACCES,
                         errno.EPERM, errno.EIO})


@contextlib.contextmanager
def naming(path: str | os.PathLike[str]) -> Iterator[None]:
    """Within the block, an OSError that names no file (or a temporary one) names `path`."""
    try:
        yield
    except OSError as error:
        if error.errno in DISK_ERRORS and not str(error.filename or "").endswith(
                os.path.basename(path)):
            raise OSError(error.errno, error.strerror, os.fspath(path)) from error
        raise
