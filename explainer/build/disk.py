"""Errors of the machine while writing (a full disk, no permission), told as one line.

A full disk reports itself as `OSError: [Errno 28] No space left on device` with no file name
(the kernel's write() knows only a descriptor), and the file being written is often a temporary
one: `naming` puts the name of the file meant into the error, so the message says what could
not be written."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
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


def write_atomically(target: str | os.PathLike[str], data: bytes, prefix: str,
                     suffix: str = "") -> None:
    """Write `target` through a temporary file beside it (named `prefix`…`suffix`) renamed
    over it: readers see the old file or the whole new one, never a part, and a failed write
    (a full disk) leaves no temporary file and names `target`."""
    handle, temp = tempfile.mkstemp(dir=os.path.dirname(target) or ".", prefix=prefix,
                                    suffix=suffix)
    try:
        with naming(target), os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temp, 0o644)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
