"""The build cache in `.cache/explainer/`: what a later build may reuse, never trusted blindly.

```
.cache/explainer/
  STAMP                 JSON: cache format, the checkout it belongs to, the environment that
                        wrote it (Python, every installed distribution's version, a hash of this
                        package's own files)
  blobs/ab/<sha256>     immutable files named by the SHA-256 of their bytes (rendered pages,
                        search entries)
  <name>.json           indexes: a header line (format, SHA-256 and length of the body), then
                        the body (JSON)
```

JSON, not pickle: reading a cache never runs code, whoever wrote it. Every write is atomic (a
temporary file in the same folder, then one rename), and an index is written after the blobs
it names, so a build killed at any moment leaves the previous consistent cache (and at worst
unused blobs and temporary files, which the next build removes). Reading checks everything: a
stamp of another checkout, format or environment empties the cache; an index whose header does
not match its body, or a blob whose bytes do not match its name, is ignored. Each such problem
is reported once, as a one-line notice, and the build renders what it cannot reuse.

Two builds of one site never write it at once (they take the build lock, `lock`); a build
during `serve` may: each write is atomic, but one may remove blobs the other's index names;
the other then renders those pages again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sys
import sysconfig
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .disk import write_atomically

#: Bump when the layout or the meaning of any record changes: older caches are then emptied.
FORMAT = 1
FOLDER = Path(".cache") / "explainer"
#: Kept when a cache of another checkout, format or environment is emptied (not by `--clean`):
#: the picture cache (`pipeline.PICTURE_CACHE`), whose entries are keyed by everything they
#: are drawn from (text, source digest, drawing code, fonts, Pillow and zlib versions), so
#: an upgrade or another checkout does not draw 13,000 cards again.
KEPT_SUBFOLDERS = ("images",)
#: environment variable: `refresh` empties the cache first (`build.py serve --clean`), `off`
#: neither reads nor writes it
CACHE_MODE = "EXPLAINER_CACHE"
_HEADER = "explainer-cache"
_TEMP_PREFIX = ".tmp-"
#: temporary files are removed once their writer is gone, or after this long
_STALE_TEMP_SECONDS = 3600.0
#: unused blobs are looked for at most this often (`collect_now_and_then`)
COLLECT_EVERY = 3600.0
PACKAGE = Path(__file__).resolve().parents[1]


def notice(message: str) -> None:
    """A one-line notice on stderr (kept by `build.py`'s engine output filter)."""
    print(f"notice: {message}", file=sys.stderr, flush=True)


@dataclass
class CacheFolder:
    """One project's cache folder, checked against its stamp when opened (`open_cache`)."""

    path: Path
    notices: list[str] = field(default_factory=list)
    _reported: set[str] = field(default_factory=set)

    # ------------------------------------------------------------------ notices
    def problem(self, message: str) -> None:
        """Report a damaged cache file once per process and kind of problem."""
        if message not in self._reported:
            self._reported.add(message)
            self.notices.append(message)
            notice(message)

    # ------------------------------------------------------------------ blobs
    def blob_path(self, digest: str) -> Path:
        return self.path / "blobs" / digest[:2] / digest

    def put_blob(self, data: bytes) -> str:
        """Store `data` under its SHA-256 (once: a blob already there is compared, and
        replaced if it was damaged); returns the digest."""
        digest = hashlib.sha256(data).hexdigest()
        path = self.blob_path(digest)
        try:
            if path.stat().st_size == len(data) and path.read_bytes() == data:
                return digest
        except (FileNotFoundError, NotADirectoryError):
            pass
        atomic_write(path, data)
        return digest

    def get_blob(self, digest: str, size: int) -> bytes | None:
        """The blob's bytes if it exists and is intact (size and SHA-256), else None; a damaged
        blob is removed and reported."""
        path = self.blob_path(digest)
        try:
            with open(path, "rb") as stream:
                data = stream.read()
        except (FileNotFoundError, NotADirectoryError):
            return None
        if len(data) != size or hashlib.sha256(data).hexdigest() != digest:
            self.discard(path, "its pages are rendered again")
            return None
        return data

    def discard(self, path: Path, consequence: str) -> None:
        """Report a damaged cache file and remove it: it is never trusted, and the next write
        of the same entry replaces it."""
        self.problem(f"damaged file in the build cache ignored ({_shown(path)}): {consequence}")
        with contextlib.suppress(OSError):
            path.unlink()

    def blob_intact(self, digest: str, size: int) -> bool:
        """Cheap check (exists, right size) for blobs that are not read now."""
        try:
            return self.blob_path(digest).stat().st_size == size
        except (FileNotFoundError, NotADirectoryError):
            return False

    def collect_now_and_then(self) -> int:
        """`collect`, at most once per `COLLECT_EVERY` seconds: reading every index to find the
        garbage costs more than a small build, and old blobs only take disk space."""
        marker = self.path / "COLLECTED"
        try:
            if time.time() - marker.stat().st_mtime < COLLECT_EVERY:
                return 0
        except FileNotFoundError:
            pass
        removed = self.collect()
        atomic_write(marker, b"")
        return removed

    def collect(self) -> int:
        """Remove the blobs no index names (each index lists its blobs); returns how many."""
        keep: set[str] = set()
        for path in self.path.glob("*.json"):
            body = self.read_index(path.name[:-len(".json")])
            if not isinstance(body, dict):
                continue
            blobs = body.get("blobs")
            if not isinstance(blobs, list):
                return 0  # an index we cannot read fully: keep everything
            keep.update(str(blob) for blob in blobs)
        removed = 0
        folder = self.path / "blobs"
        for sub in os.scandir(folder) if folder.is_dir() else ():
            if not sub.is_dir():
                continue
            for entry in os.scandir(sub.path):
                if entry.name not in keep and not entry.name.startswith(_TEMP_PREFIX):
                    with contextlib.suppress(OSError):
                        os.unlink(entry.path)
                        removed += 1
        return removed

    # ------------------------------------------------------------------ indexes
    def read_index(self, name: str) -> Any:
        """An index's body, or None when it is missing, or (reported) damaged."""
        path = self.path / f"{name}.json"
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return None
        body = _checked_body(raw)
        if body is None:
            self.discard(path, "everything it described is built again")
            return None
        return body

    def write_index(self, name: str, body: dict[str, Any], blobs: Iterable[str]) -> None:
        """Write an index (after the blobs it names, which it lists for `collect`)."""
        body = {**body, "blobs": sorted(set(blobs))}
        text = json.dumps(body, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        data = text.encode("utf-8")
        header = f"{_HEADER} {FORMAT} {hashlib.sha256(data).hexdigest()} {len(data)}\n"
        atomic_write(self.path / f"{name}.json", header.encode("ascii") + data)

    def prune(self, prefix: str, keep: int) -> None:
        """Remove all but the `keep` newest indexes whose name starts with `prefix`."""
        found = sorted(self.path.glob(f"{prefix}*.json"), key=lambda p: p.stat().st_mtime_ns,
                       reverse=True)
        for old in found[keep:]:
            old.unlink(missing_ok=True)


def _checked_body(raw: bytes) -> Any:
    head, newline, data = raw.partition(b"\n")
    parts = head.decode("ascii", "replace").split(" ")
    if not newline or len(parts) != 4 or parts[0] != _HEADER or parts[1] != str(FORMAT):
        return None
    if not parts[3].isdigit() or len(data) != int(parts[3]):
        return None
    if hashlib.sha256(data).hexdigest() != parts[2]:
        return None
    try:
        return json.loads(data)
    except ValueError:
        return None


def atomic_write(path: Path, data: bytes) -> None:
    """Write `path` so that readers see the old file or the whole new one, never a part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, data, prefix=f"{_TEMP_PREFIX}{os.getpid()}-")


def _shown(path: Path) -> str:
    parts = path.parts
    if ".cache" in parts:
        return "/".join(parts[parts.index(".cache"):])
    return str(path)


# ---------------------------------------------------------------------- the stamp
def environment() -> dict[str, str]:
    """What output may depend on besides the inputs a build hashes: the interpreter, every
    installed distribution (engine, theme, Markdown extensions, Jinja...) and this package's
    own files (an editable install keeps its version number while its code changes)."""
    return {"python": sys.version.split()[0] + " " + sys.platform,
            "distributions": _distributions(), "explainer": package_digest()}


def _distributions() -> str:
    """`name-version` of every distribution installed in this environment, `;`-joined;
    `describe_change` names the ones that differ."""
    return ";".join(installed())


def installed() -> list[str]:
    """`name-version` from the .dist-info folders of the environment's site-packages (this
    checkout's own package is covered by `package_digest`, whatever `sys.path` holds)."""
    folders = {sysconfig.get_paths()[key] for key in ("purelib", "platlib")}
    found: set[str] = set()
    for folder in sorted(folders):
        try:
            listing = os.listdir(folder)
        except OSError:
            continue
        for name in listing:
            if name.endswith(".dist-info"):
                found.add(name[:-len(".dist-info")])
    return sorted(found)


@lru_cache(maxsize=1)
def package_digest() -> str:
    """SHA-256 of this package's files (code, templates, data), by relative path."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


def describe_change(old: dict[str, Any], new: dict[str, str]) -> str:
    """What differs between two environments, in a few words ("mkdocs 1.6.0 -> 1.6.1")."""
    if old.get("python") != new["python"]:
        return f"Python {old.get('python')} (now {new['python']})"
    before = _versions(str(old.get("distributions", "")))
    after = _versions(new["distributions"])
    changes = [f"{name} {before.get(name, 'none')} -> {after.get(name, 'none')}"
               for name in sorted(before.keys() | after.keys())
               if before.get(name) != after.get(name)]
    if changes:
        shown = ", ".join(changes[:3]) + (" and more" if len(changes) > 3 else "")
        return f"other installed packages ({shown})"
    return "another version of the explainer package"


def _versions(distributions: str) -> dict[str, str]:
    """name -> version from `installed()`'s `name-version` entries."""
    found = {}
    for entry in distributions.split(";"):
        name, _, version = entry.rpartition("-")
        if name:
            found[name] = version
    return found


#: cache folders this process has emptied for `--clean` (once: later opens keep what it wrote)
_refreshed: set[Path] = set()


def open_cache(root: Path, *, refresh: bool = False,
               env: Callable[[], dict[str, str]] = environment) -> CacheFolder:
    """The project's cache folder, emptied (with a one-line notice) when its stamp is of another
    format, checkout or environment, or unreadable. `refresh` (`--clean`) empties it without a
    notice, once per process: what this process writes afterwards is kept."""
    folder = CacheFolder(root / FOLDER)
    environment_now = env()
    wanted = {"format": FORMAT, "checkout": str(root.resolve()), "environment": environment_now}
    stamp_path = folder.path / "STAMP"
    reason = None
    if refresh and folder.path not in _refreshed:
        _refreshed.add(folder.path)
        reason = ""
    elif folder.path.exists():
        try:
            stamp = json.loads(stamp_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            stamp = None
        if not isinstance(stamp, dict):
            reason = "it has no valid stamp (written by an interrupted or older build?)"
        elif stamp.get("format") != FORMAT:
            reason = f"it is in another format ({stamp.get('format')!r}, now {FORMAT})"
        elif stamp.get("checkout") != wanted["checkout"]:
            reason = f"it was made for another checkout ({stamp.get('checkout')})"
        elif stamp.get("environment") != wanted["environment"]:
            old = stamp.get("environment")
            reason = ("it was written with " + describe_change(
                old if isinstance(old, dict) else {}, environment_now))
        if reason is None:
            _remove_stale_temporaries(folder.path)
            return folder
    if reason:
        folder.problem(f"build cache {_shown(folder.path)} ignored: {reason}; everything is "
                       "built again")
    _empty(folder.path, keep=() if reason == "" else KEPT_SUBFOLDERS)
    atomic_write(stamp_path, json.dumps(wanted, indent=1, sort_keys=True).encode("utf-8"))
    return folder


def _empty(path: Path, keep: tuple[str, ...] = ()) -> None:
    """Remove the folder with one rename first, so a half-removed cache is never read; the
    subfolders named in `keep` are moved back into the new one."""
    doomed = None
    if path.exists():
        doomed = path.with_name(f"{path.name}.removing-{os.getpid()}-{time.monotonic_ns()}")
        os.replace(path, doomed)
    path.mkdir(parents=True, exist_ok=True)
    if doomed is not None:
        for name in keep:
            with contextlib.suppress(OSError):
                os.replace(doomed / name, path / name)
    for leftover in path.parent.glob(f"{path.name}.removing-*"):
        shutil.rmtree(leftover, ignore_errors=True)


def _remove_stale_temporaries(root: Path) -> None:
    """Temporary files left by a writer that was killed (its process is gone)."""
    now = time.time()
    for folder in (root, *(p for p in (root / "blobs").glob("*") if p.is_dir())):
        for entry in os.scandir(folder):
            if not entry.name.startswith(_TEMP_PREFIX):
                continue
            pid = entry.name[len(_TEMP_PREFIX):].split("-", 1)[0]
            with contextlib.suppress(OSError):
                if not _alive(pid) or now - entry.stat().st_mtime > _STALE_TEMP_SECONDS:
                    os.unlink(entry.path)


def _alive(pid: str) -> bool:
    if not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def digest_of(parts: Iterable[str | bytes]) -> str:
    """SHA-256 of several parts, each length-prefixed (no two part lists collide)."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()
