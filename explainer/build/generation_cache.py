"""Generated pages kept in the build cache between processes.

Within one process `pipeline.Caches` already renders only the pages an edit touches; this
module lets the next process start from there: `build.py build` after an edit, or `make serve`
started again, renders only the pages whose fingerprint (their content files, the templates,
the abbreviations) changed. A fingerprint says nothing about the code and libraries that turn
those inputs into Markdown: the cache's stamp does (`cache.environment`), so a page stored
here is the page this code renders from those inputs.

Each page (and each story's data files) is a blob named by its SHA-256; the index maps paths
to (fingerprint, blob). Blobs are checked when read; an unreadable one is simply rendered
again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..render import RenderCache
from .cache import CacheFolder, open_cache

INDEX = "generated"


@dataclass
class PageStore:
    """A RenderCache backed by the project's build cache: `open_store`, generate, `save`."""

    cache: CacheFolder
    pages: RenderCache
    stored: StoredPages

    def save(self) -> bool:
        return save(self.cache, self.pages, self.stored)


def open_store(root: Path, pages: RenderCache, *, refresh: bool = False) -> PageStore:
    """Load the stored pages into `pages` (nothing with `refresh`: `--clean`)."""
    cache = open_cache(root, refresh=refresh)
    return PageStore(cache, pages, load(cache, pages))


@dataclass
class StoredPages:
    """What the cache holds of a RenderCache: path -> (fingerprint, blob digest, size), so a
    save writes only the pages rendered since."""

    pages: dict[str, tuple[str, str, int]] = field(default_factory=dict)
    exports: dict[str, tuple[str, dict[str, tuple[str, int]]]] = field(default_factory=dict)


def load(cache: CacheFolder, into: RenderCache) -> StoredPages:
    """Fill `into` with the pages the cache holds intact; returns what was found."""
    stored = StoredPages()
    body = cache.read_index(INDEX)
    if not isinstance(body, dict):
        return stored
    for path, (fingerprint, digest, size) in _items(body.get("pages")):
        data = cache.get_blob(digest, size)
        if data is not None:
            into.pages[path] = (fingerprint, data)
            stored.pages[path] = (fingerprint, digest, size)
    for slug, entry in _items(body.get("exports")):
        fingerprint, blobs = entry
        files: dict[str, str] = {}
        for name, (digest, size) in blobs.items():
            data = cache.get_blob(digest, size)
            if data is None:
                break
            files[name] = data.decode("utf-8")
        else:
            into.exports[slug] = (fingerprint, files)
            stored.exports[slug] = (fingerprint, {n: (d, s) for n, (d, s) in blobs.items()})
    return stored


def save(cache: CacheFolder, pages: RenderCache, stored: StoredPages) -> bool:
    """Store what `pages` holds (only the new blobs are written); False when nothing changed."""
    new_pages: dict[str, tuple[str, str, int]] = {}
    for path, (fingerprint, data) in pages.pages.items():
        known = stored.pages.get(path)
        if known is not None and known[0] == fingerprint:
            new_pages[path] = known
        else:
            new_pages[path] = (fingerprint, cache.put_blob(data), len(data))
    new_exports: dict[str, tuple[str, dict[str, tuple[str, int]]]] = {}
    for slug, (fingerprint, files) in pages.exports.items():
        known_export = stored.exports.get(slug)
        if known_export is not None and known_export[0] == fingerprint:
            new_exports[slug] = known_export
            continue
        blobs = {}
        for name, text in files.items():
            data = text.encode("utf-8")
            blobs[name] = (cache.put_blob(data), len(data))
        new_exports[slug] = (fingerprint, blobs)
    if new_pages == stored.pages and new_exports == stored.exports:
        return False
    digests = {digest for _, digest, _ in new_pages.values()}
    digests.update(d for _, blobs in new_exports.values() for d, _ in blobs.values())
    cache.write_index(INDEX, {
        "pages": {path: list(entry) for path, entry in new_pages.items()},
        "exports": {slug: [fingerprint, {n: list(b) for n, b in blobs.items()}]
                    for slug, (fingerprint, blobs) in new_exports.items()}}, digests)
    stored.pages, stored.exports = new_pages, new_exports
    return True


def _items(value: Any) -> list[tuple[str, Any]]:
    """Well-formed entries of an index mapping (anything else is skipped, never trusted)."""
    if not isinstance(value, dict):
        return []
    good = []
    for key, entry in value.items():
        if _valid(entry):
            good.append((key, entry))
    return good


def _valid(entry: Any) -> bool:
    if not isinstance(entry, list) or len(entry) not in (2, 3):
        return False
    if len(entry) == 3:
        return (isinstance(entry[0], str) and isinstance(entry[1], str)
                and isinstance(entry[2], int))
    fingerprint, blobs = entry
    return isinstance(fingerprint, str) and isinstance(blobs, dict) and all(
        isinstance(b, list) and len(b) == 2 and isinstance(b[0], str) and isinstance(b[1], int)
        for b in blobs.values())
