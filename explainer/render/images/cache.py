"""Pictures kept between builds: drawing thousands of cards costs seconds, reading them back
costs milliseconds.

Each picture is filed under a key made of everything it is drawn from: its spec (the text on
a card, the digest of a resized picture's source) and the recipe (this package's drawing code,
the shipped fonts, and the versions of Pillow and zlib that encode the PNG). A change to any
of them gives a new key, so an entry is never stale; entries no build uses any more are
removed after a full build (`prune`).

The folder is `.cache/explainer/images/` in the project (git-ignored; `make clean` removes
it). A damaged entry (a file cut short) is ignored and drawn again.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
import zlib
from functools import lru_cache
from importlib import resources
from pathlib import Path

import PIL

from .text import FONT_FILES

#: How a file of each kind ends; an entry that does not end so was cut short.
_ENDINGS = (b"IEND\xaeB`\x82", b"\xff\xd9")


@lru_cache(maxsize=1)
def recipe() -> str:
    """A digest of what turns a spec into bytes: code, fonts, Pillow and zlib versions."""
    digest = hashlib.sha256()
    package = resources.files("explainer")
    code = package / "render" / "images"
    for name in sorted(item.name for item in code.iterdir() if item.name.endswith(".py")):
        digest.update(name.encode() + b"\0" + (code / name).read_bytes())
    for name in sorted(FONT_FILES.values()):
        digest.update((package / "data" / "fonts" / name).read_bytes())
    digest.update(f"{PIL.__version__}\0{zlib.ZLIB_RUNTIME_VERSION}".encode())
    return digest.hexdigest()


def key(spec: object) -> str:
    """The cache key of a picture: its spec's repr (paths left out) and the recipe."""
    return hashlib.sha256(f"{recipe()}\0{spec!r}".encode()).hexdigest()


class ImageCache:
    """Content-addressed pictures in a folder; `used` keys are kept by `prune`."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.used: set[str] = set()

    def _path(self, entry: str) -> Path:
        return self.folder / entry[:2] / entry

    def get(self, entry: str) -> bytes | None:
        self.used.add(entry)
        try:
            data = self._path(entry).read_bytes()
        except OSError:
            return None
        return data if data.endswith(_ENDINGS) else None

    def find(self, entry: str) -> str | None:
        """Where an entry's file is, if it is there (entries are written whole, by rename)."""
        self.used.add(entry)
        path = self._path(entry)
        try:
            return str(path) if path.stat().st_size > len(_ENDINGS[1]) else None
        except OSError:
            return None

    def put(self, entry: str, data: bytes) -> None:
        """Write atomically (a reader never sees half a file); a full disk is not an error."""
        self.used.add(entry)
        path = self._path(entry)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(temporary, path)
        except OSError:
            with contextlib.suppress(OSError, UnboundLocalError):
                os.unlink(temporary)

    def prune(self) -> int:
        """Remove entries no picture of this build used; returns how many."""
        removed = 0
        if not self.folder.is_dir():
            return 0
        for folder, _, files in os.walk(self.folder):
            for name in files:
                if name not in self.used:
                    with contextlib.suppress(OSError):
                        os.unlink(os.path.join(folder, name))
                        removed += 1
        return removed
