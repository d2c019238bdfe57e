"""Incremental engine builds: a page whose inputs did not change is not rendered again, and the
site is byte for byte what a full build makes.

MkDocs (and ProperDocs) offer one public way to skip a page: in a `--dirty` build each file is
asked `is_modified()`, and a page that answers False is neither read, rendered nor written. On
its own that is unfit for publishing (a search index of the rebuilt pages only, as
mkdocs-material#7638 reports; stale files; anchors unchecked). The explainer plugin makes it
exact with this module:

- **Which pages are reused.** A page is reused when the cache holds a record of it under the
  same key, and only then. The key hashes the page's Markdown, path and inclusion, and
  everything else its HTML can depend on (`variant`): the effective config (every option of
  every plugin, the theme's settings, Markdown extensions and their options), the theme files
  that do not come from an installed distribution (overrides, `custom_dir`), the engine, and
  the navigation as the theme shows it on every page (each entry's title, URL and front
  matter); the cache's stamp adds every installed distribution's version and this package's
  code. Links are resolved against the site's files while a page renders, so the record lists
  the paths looked up, and the page is rendered again when one of them appears or disappears.
  A page that logged anything while it was built (a broken link, say) is never reused: its
  message must show on every build. Any plugin other than `search` (Material's) and
  `explainer` could do per-page work that cannot be replayed, so it turns reuse off.
- **What a reused page contributes**, restored from its record: its output file (the bytes
  MkDocs would write: captured after every plugin's `on_post_page`), its search index entries
  (in page order), its anchors and links to anchors (MkDocs checks them across pages after the
  build), its front matter and title (the theme shows nav pages' on every page).
- **Files.** Reused pages are written from the cache (checked against their SHA-256) unless
  this process already knows the site folder holds them (`mkdocs serve` builds into one
  folder again and again); unchanged generated files are not copied again; files of pages
  that are gone are removed.

A step that transforms each page's final HTML hooks in as `on_post_page` (at a priority above
-100, the default 0 is fine): its output is what the cache stores, so reused pages carry it,
and its code and options are part of the key (this package's files, every plugin's options).
"""

from __future__ import annotations

import enum
import hashlib
import json
import logging
import os
import re
import sysconfig
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from datetime import time as day_time
from pathlib import Path, PurePath
from typing import Any

from mkdocs.structure.files import File, Files

from ..render.jinja_cache import reuse_compiled
from .cache import CACHE_MODE, CacheFolder, digest_of, notice, open_cache

log = logging.getLogger("mkdocs.plugins.explainer")

#: Plugins whose per-page work a reused page gets from its record: the explainer's own, and
#: Material's search (its entries are captured and replayed).
SAFE_PLUGINS = frozenset({"explainer.plugin.ExplainerPlugin",
                          "material.plugins.search.plugin.SearchPlugin"})
#: mkdocs.yml names of those plugins (what `build.py` checks before asking for `--dirty`)
SAFE_PLUGIN_NAMES = frozenset({"explainer", "search", "material/search"})
#: config keys that never reach a page's HTML (the output and source folders, the server)
_NOT_IN_PAGES = frozenset({"site_dir", "docs_dir", "config_file_path", "dev_addr", "watch",
                           "strict"})
INDEX_PREFIX = "engine-"
#: index files kept (build and serve differ in `site_url`, so each keeps its own)
KEPT_INDEXES = 4
MANIFEST_PREFIX = "outputs-"
#: manifests of site folders kept (`explainer build` alternates between two)
KEPT_MANIFESTS = 4
_DIRTY_WARNING = "A 'dirty' build is being performed"


class TrackedFile(File):
    """A file whose `is_modified()` the cache decides (MkDocs asks it in `--dirty` builds)."""

    unchanged: bool = False

    def is_modified(self) -> bool:
        return not self.unchanged


class RecordingFiles(Files):
    """The site's files; while a page renders, the paths its links look up are recorded."""

    recording: dict[str, bool] | None = None

    def get_file_from_path(self, path: str) -> File | None:
        found = super().get_file_from_path(path)
        if self.recording is not None:
            self.recording[PurePath(path).as_posix()] = found is not None
        return found


def unsafe_plugins(names: Iterable[str]) -> list[str]:
    """mkdocs.yml plugin names whose per-page work could not be replayed."""
    return [name for name in names if name not in SAFE_PLUGIN_NAMES]


@dataclass
class SiteFolder:
    """What is known to be in a site folder: this process built into it (`mkdocs serve` builds
    into one folder again and again), or a manifest of the last build into it says so and each
    file is still the one that build left (same inode, size and modification time: the check
    rsync and make rely on), as in the folder `explainer build` keeps for its next build."""

    #: destination path -> SHA-256 of the bytes there (pages and copied files)
    files: dict[str, str] = field(default_factory=dict)
    #: every destination path the last build produced (stale files are those no longer made)
    outputs: set[str] = field(default_factory=set)

    @classmethod
    def from_manifest(cls, cache: CacheFolder, site_dir: str) -> SiteFolder:
        folder = cls()
        body = cache.read_index(_manifest_name(site_dir))
        if not isinstance(body, dict) or not isinstance(body.get("files"), dict):
            return folder
        for rel, entry in body["files"].items():
            try:
                digest, size, mtime, inode = entry
                stat = os.stat(os.path.join(site_dir, rel))
            except (OSError, TypeError, ValueError):
                continue
            if (stat.st_size, stat.st_mtime_ns, stat.st_ino) == (size, mtime, inode):
                folder.files[rel] = digest
        outputs = body.get("outputs")
        if isinstance(outputs, list):
            folder.outputs = {str(rel) for rel in outputs}
        return folder

    def write_manifest(self, cache: CacheFolder, site_dir: str) -> None:
        entries = {}
        for rel, digest in self.files.items():
            try:
                stat = os.stat(os.path.join(site_dir, rel))
            except OSError:
                continue
            entries[rel] = [digest, stat.st_size, stat.st_mtime_ns, stat.st_ino]
        cache.write_index(_manifest_name(site_dir),
                          {"files": entries, "outputs": sorted(self.outputs)}, ())
        cache.prune(MANIFEST_PREFIX, KEPT_MANIFESTS)


def _manifest_name(site_dir: str) -> str:
    """Keyed by the folder's device and inode, which follow it through renames (`explainer
    build` swaps its output folders by renaming them)."""
    stat = os.stat(site_dir)
    return f"{MANIFEST_PREFIX}{stat.st_dev}-{stat.st_ino}"


@dataclass
class Capture:
    """A page's contributions, gathered while MkDocs renders it."""

    lookups: dict[str, bool] = field(default_factory=dict)
    entries_from: int = 0
    entries: list[Any] = field(default_factory=list)
    tainted: bool = False


class _Taint(logging.Handler):
    """Marks the page being built when anything is logged meanwhile."""

    def __init__(self, builds: IncrementalBuilds):
        super().__init__(logging.INFO)
        self.builds = builds

    def emit(self, record: logging.LogRecord) -> None:
        capture = self.builds.current
        if capture is not None:
            capture.tainted = True


class _DropDirtyWarning(logging.Filter):
    """MkDocs warns that a dirty build is inaccurate; with this module it is exact."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(_DIRTY_WARNING)


class IncrementalBuilds:
    """The engine side of the explainer plugin: one per process, for every build it runs."""

    def __init__(self) -> None:
        self.dirty = False
        self.serving = False
        self.sites: dict[str, SiteFolder] = {}
        #: content bytes last hashed, by source path: the same bytes object is not hashed again
        self._digests: dict[str, tuple[bytes, str]] = {}
        #: parsed search entries by blob digest (serve: loaded once, not on every rebuild)
        self._entries: dict[str, list[Any]] = {}
        #: last index body per index name (serve: not read from disk on every rebuild)
        self._indexes: dict[str, dict[str, Any]] = {}
        self._warned: set[str] = set()
        #: serve: an index not written yet (the first build's is; later ones at shutdown)
        self.pending: tuple[CacheFolder, str, dict[str, Any]] | None = None
        self.written = False
        self.current: Capture | None = None
        #: HTML to show at the top of every page of this build (the preview's error banner)
        self.banner: str | None = None
        self.build: _Build | None = None
        #: what else a page's HTML is made from, by its path (the plugin's edit links)
        self.page_inputs: Callable[[str], str] = lambda page: ""
        self._taint = _Taint(self)
        self._filter = _DropDirtyWarning()

    # ------------------------------------------------------------------ events
    def startup(self, command: str, dirty: bool) -> None:
        self.dirty = dirty
        self.serving = command == "serve"
        if dirty:
            for name in ("mkdocs.commands.build", "properdocs.commands.build"):
                logging.getLogger(name).addFilter(self._filter)

    def files(self, files: Files, config: Any, root: Path) -> Files:
        """Start a build (`on_files`, last): the files, tracked and recording."""
        self._finish_logging()
        mode = os.environ.get(CACHE_MODE, "")
        unsafe = [f"{name}" for name, plugin in config.plugins.items()
                  if _qualname(type(plugin)) not in SAFE_PLUGINS]
        if unsafe:
            self._warn_once("unsafe:" + ",".join(unsafe),
                            f"incremental builds are off: plugin(s) {', '.join(unsafe)} may "
                            "do per-page work the build cache cannot replay; every page is "
                            "rendered")
        search = next((p for p in config.plugins.values()
                       if _qualname(type(p)) == "material.plugins.search.plugin.SearchPlugin"),
                      None)
        if self.dirty and search is not None:
            search.search_index_prev = None  # its own dirty merge would duplicate entries
        if unsafe or mode == "off":
            self.build = None
            return files
        cache = open_cache(root, refresh=mode == "refresh")
        site_dir = os.path.realpath(config.site_dir)
        site = self.sites.get(site_dir)
        if not self.dirty or _empty_folder(site_dir):
            site = SiteFolder()  # MkDocs empties it (or it is new): nothing of ours is there
        elif site is None:
            site = SiteFolder.from_manifest(cache, site_dir)
        self.sites[site_dir] = site
        tracked = RecordingFiles([self._tracked(file) for file in files])
        self.build = _Build(self, cache, config, tracked, site, site_dir,
                            reuse=self.dirty, search=search)
        for name in ("mkdocs", "properdocs"):
            logging.getLogger(name).addHandler(self._taint)
        return tracked

    def nav(self, nav: Any, config: Any, files: Files) -> None:
        if self.build is not None:
            self.build.decide(nav)

    def page_started(self, page: Any) -> None:
        """`on_pre_page` (first) and `on_page_context` (first): the page is being built."""
        build = self.build
        if build is None:
            return
        capture = build.captures.setdefault(page.file.src_uri, Capture())
        self.current = capture
        build.files.recording = capture.lookups
        if build.search is not None and build.search.config.enabled:
            capture.entries_from = len(build.search.search_index.entries)

    def page_read(self, page: Any) -> None:
        """`on_page_content` (last): Markdown rendered; links looked up."""
        if self.build is not None:
            self.build.files.recording = None
        self.current = None

    def page_indexed(self, page: Any) -> None:
        """`on_page_context` (last): the search plugin has indexed the page."""
        build = self.build
        capture = self.current
        if build is None or capture is None:
            return
        if build.search is not None and build.search.config.enabled:
            capture.entries = build.search.search_index.entries[capture.entries_from:]

    def page_done(self, output: str, page: Any) -> str:
        """`on_post_page` (last): the page's final HTML is recorded; what is written gets the
        banner, if any (the cache keeps the page without it)."""
        capture = self.current
        self.current = None
        written = with_banner(output, self.banner)
        if self.build is not None:
            self.build.files.recording = None
            if capture is not None:
                self.build.record(page, output, capture, written)
        return written

    def env(self, env: Any) -> Any:
        """`on_env`: reused pages' attributes back; the theme's compiled templates kept."""
        if self.build is not None:
            self.build.restore()
        return reuse_compiled(env)

    def post_build(self) -> None:
        build = self.build
        self._finish_logging()
        if build is not None:
            build.finish()
        self.build = None

    def shutdown(self) -> None:
        """Write what a serving process kept in memory only."""
        if self.pending is not None:
            cache, name, body = self.pending
            cache.write_index(name, body, _blobs(body))
            self.pending = None

    def build_error(self) -> None:
        """A failed build may have left anything in the site folder: trust none of it."""
        self._finish_logging()
        if self.build is not None:
            self.build.site.files.clear()
            self.build.site.outputs.clear()
        self.build = None

    # ------------------------------------------------------------------ helpers
    def _finish_logging(self) -> None:
        self.current = None
        for name in ("mkdocs", "properdocs"):
            logging.getLogger(name).removeHandler(self._taint)

    def _warn_once(self, key: str, message: str) -> None:
        if key not in self._warned:
            self._warned.add(key)
            notice(message)

    def _tracked(self, file: File) -> File:
        """The file as a TrackedFile (same paths, same content), so the cache decides whether
        MkDocs writes it."""
        if isinstance(file, TrackedFile):
            return file
        tracked = TrackedFile(file.src_uri, file.src_dir, file.dest_dir,
                              file.use_directory_urls, inclusion=file.inclusion)
        tracked.generated_by = file.generated_by
        tracked.edit_uri = file.edit_uri
        if file.generated_by is not None:
            tracked.abs_src_path = file.abs_src_path
            tracked._content = file._content
        return tracked

    def digest(self, file: File) -> str:
        """SHA-256 of a file's bytes: hashed once per process for the same bytes object (a
        generated file) or the same size and modification time (a file on disk)."""
        source = file.abs_src_path if file._content is None else None
        if source is not None:
            stat = os.stat(source)
            key = f"{source}\0{stat.st_size}\0{stat.st_mtime_ns}".encode()
            known = self._digests.get(source)
            if known is not None and known[0] == key:
                return known[1]
            value = hashlib.sha256(file.content_bytes).hexdigest()
            self._digests[source] = (key, value)
            return value
        data = file.content_bytes
        known = self._digests.get(file.src_uri)
        if known is not None and (known[0] is data or known[0] == data):
            return known[1]
        value = hashlib.sha256(data).hexdigest()
        self._digests[file.src_uri] = (data, value)
        return value


class _Build:
    """One build's decisions and captures."""

    def __init__(self, builds: IncrementalBuilds, cache: CacheFolder, config: Any,
                 files: RecordingFiles, site: SiteFolder, site_dir: str, reuse: bool,
                 search: Any):
        self.builds = builds
        self.cache = cache
        self.config = config
        self.files = files
        self.site = site
        self.site_dir = site_dir
        self.reuse = reuse
        self.search = search
        self.captures: dict[str, Capture] = {}
        self.records: dict[str, dict[str, Any]] = {}
        self.reused: dict[str, dict[str, Any]] = {}
        self.keys: dict[str, str] = {}
        self.index_name = ""
        self.previous_index: dict[str, Any] | None = None
        self.pages: Sequence[File] = []  # the documentation pages built, in MkDocs' order
        #: the navigation's pages; reused pages whose links to anchors MkDocs checks again
        self.nav_pages: set[str] = set()
        self.checked: set[str] = set()
        self.fresh = _empty_folder(site_dir)
        #: pages rendered blank this build (MkDocs writes no file: an old one is stale)
        self.blank: set[str] = set()

    # ------------------------------------------------------------------ before pages
    def decide(self, nav: Any) -> None:
        """Key every page; mark those whose record holds, writing their output as needed."""
        pages = self.pages = self.files.documentation_pages(inclusion=self._inclusion())
        variant = digest_of([json.dumps(self._variant(nav), sort_keys=True, default=str)])
        self.index_name = INDEX_PREFIX + variant[:32]
        index = self.previous_index = self._load_index()
        self.nav_pages = {page.file.src_uri for page in nav.pages}
        previous: dict[str, Any] = index.get("pages", {}) if index is not None else {}
        same_files = index is not None and index.get("files") == self._files_digest()
        for file in pages:
            key = digest_of(["page", file.src_uri, file.inclusion.name, self.builds.digest(file),
                             str(file.edit_uri), self.builds.page_inputs(file.src_uri)])
            self.keys[file.src_uri] = key
            record = previous.get(file.src_uri)
            if (self.reuse and isinstance(file, TrackedFile) and record is not None
                    and record.get("key") == key
                    and (same_files or self._lookups_hold(record))
                    and self._materialise(file, record)):
                file.unchanged = True
                self.reused[file.src_uri] = record
        for file in self.files:
            if isinstance(file, TrackedFile) and not file.is_documentation_page():
                digest = self.builds.digest(file)
                file.unchanged = self.reuse and self.site.files.get(file.dest_uri) == digest
        log.info(f"explainer: {len(self.reused)} of {len(pages)} pages reused from the build "
                 "cache")

    def _inclusion(self) -> Any:
        from mkdocs.structure.files import InclusionLevel

        return InclusionLevel.is_in_serve if self.builds.serving else InclusionLevel.is_included

    def _variant(self, nav: Any) -> dict[str, Any]:
        import mkdocs

        config = self.config
        return {
            "engine": [getattr(mkdocs, "__version__", "?"), str(Path(mkdocs.__file__).parent)],
            "config": {key: describe(config[key]) for key in sorted(config)
                       if key not in _NOT_IN_PAGES},
            "theme": theme_files(config.theme.dirs),
            "nav": self._nav_signature(nav.items),
            "build_date": _build_date_if_shown(config.theme.dirs),
            "anchor_links": logging.getLogger("mkdocs.structure.pages").getEffectiveLevel()
            > logging.DEBUG,
        }

    def _nav_signature(self, items: Iterable[Any]) -> list[Any]:
        """What the theme shows of the navigation on every page."""
        from mkdocs.utils.meta import get_data

        signature: list[Any] = []
        for item in items:
            if getattr(item, "is_page", False):
                explicit = item.__dict__.get("title")
                _, meta = get_data(item.file.content_string)
                entry = ["page", item.file.src_uri, explicit, describe(meta)]
                if explicit is None and "title" not in meta:
                    entry.append(self.builds.digest(item.file))  # the title is its first h1
                signature.append(entry)
            elif getattr(item, "is_section", False):
                signature.append(["section", item.title,
                                  self._nav_signature(item.children or [])])
            else:
                signature.append(["link", item.title, item.url])
        return signature

    def _files_digest(self) -> str:
        return digest_of(sorted(self.files.src_uris))

    def _load_index(self) -> dict[str, Any] | None:
        key = f"{self.cache.path}:{self.index_name}"
        body = self.builds._indexes.get(key)
        if body is None:
            loaded = self.cache.read_index(self.index_name)
            body = loaded if isinstance(loaded, dict) else None
        return body

    def _lookups_hold(self, record: dict[str, Any]) -> bool:
        uris = self.files.src_uris
        return all((path in uris) == found for path, found in record.get("lookups", {}).items())

    def _materialise(self, file: TrackedFile, record: dict[str, Any]) -> bool:
        """Make the site folder hold the page's recorded output (and its search entries
        loaded); False when the cache cannot (the page is then rendered)."""
        entries = record.get("search")
        if entries is not None and self._entries(entries) is None:
            return False
        html = record.get("html")
        if html is None:
            self.blank.add(file.dest_uri)  # a blank page: MkDocs writes no file
            return True
        digest, size = html
        banner = self.builds.banner
        if banner is None and self.site.files.get(file.dest_uri) == digest:
            return True
        data = self.cache.get_blob(digest, size)
        if data is None:
            return False
        if banner is not None:
            data = with_banner(data.decode("utf-8"), banner).encode("utf-8")
            digest = hashlib.sha256(data).hexdigest()
            if self.site.files.get(file.dest_uri) == digest:
                return True
        path = file.abs_dest_path
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as stream:
            stream.write(data)
        self.site.files[file.dest_uri] = digest
        return True

    def _entries(self, blob: list[Any]) -> list[Any] | None:
        digest, size = blob
        known = self.builds._entries.get(digest)
        if known is not None:
            return known
        data = self.cache.get_blob(digest, size)
        if data is None:
            return None
        entries = json.loads(data)
        self.builds._entries[digest] = entries
        return entries if isinstance(entries, list) else None

    # ------------------------------------------------------------------ pages
    def record(self, page: Any, output: str, capture: Capture, written: str) -> None:
        """Store what a rendered page contributes, unless it logged anything; `written` is
        what MkDocs writes (with the banner, if any)."""
        uri = page.file.src_uri
        data = output.encode("utf-8", errors="xmlcharrefreplace")
        blank = not output.strip()
        if blank:
            self.blank.add(page.file.dest_uri)
        else:
            self.site.files[page.file.dest_uri] = hashlib.sha256(
                written.encode("utf-8", errors="xmlcharrefreplace")).hexdigest()
        key = self.keys.get(uri)
        meta = _plain(page.meta)
        if capture.tainted or key is None or meta is None:
            return
        record: dict[str, Any] = {
            "key": key,
            "html": None if blank else [self.cache.put_blob(data), len(data)],
            "search": self._store_entries(capture.entries),
            "anchors": sorted(page.present_anchor_ids) if page.present_anchor_ids is not None
            else None,
            "links": None if page.links_to_anchors is None else {
                target.src_uri: dict(links) for target, links in page.links_to_anchors.items()},
            "lookups": capture.lookups,
            "meta": meta,
            "title": page.title,
        }
        self.records[uri] = record

    def _store_entries(self, entries: list[Any]) -> list[Any] | None:
        if self.search is None or not self.search.config.enabled:
            return None
        data = json.dumps(entries, ensure_ascii=False, separators=(",", ":"),
                          default=str).encode("utf-8")
        digest = self.cache.put_blob(data)
        if self.builds.serving:  # the next rebuild of this process reuses them from memory
            self.builds._entries[digest] = entries
        return [digest, len(data)]

    def restore(self) -> None:
        """Reused pages get back what other pages and MkDocs' checks read of them: the
        navigation's pages their front matter and title (the theme shows them on every page);
        a page whose links to anchors need checking (one of their targets was rendered again,
        or one of them was broken when last checked) those links; and every page such links
        point to its anchors. MkDocs then checks exactly the links a full build could find
        broken now; the others were checked against the same pages before."""
        for uri in self.nav_pages & self.reused.keys():
            page = self.files.src_uris[uri].page
            record = self.reused[uri]
            if page is not None:
                page.meta = dict(record.get("meta") or {})
                if "title" not in page.__dict__:
                    page.title = record.get("title")
        rendered = self.keys.keys() - self.reused.keys()
        targets: set[str] = set()
        for uri in rendered:
            page = self.files.src_uris[uri].page
            if page is not None and page.links_to_anchors:
                targets.update(target.src_uri for target in page.links_to_anchors)
        for uri, record in self.reused.items():
            links = record.get("links")
            if not links or (record.get("anchors_ok") and rendered.isdisjoint(links)):
                continue
            page = self.files.src_uris[uri].page
            if page is None:
                continue
            page.links_to_anchors = {self.files.src_uris[target]: dict(items)
                                     for target, items in links.items()
                                     if target in self.files.src_uris}
            self.checked.add(uri)
            targets.update(links)
        for uri in targets & self.reused.keys():
            page = self.files.src_uris[uri].page
            anchors = self.reused[uri].get("anchors")
            if page is not None and anchors is not None:
                page.present_anchor_ids = set(anchors)

    def _anchors_ok(self, page: Any) -> bool:
        """Whether MkDocs' check finds every link of `page` to an anchor (as it just did)."""
        for target, links in (page.links_to_anchors or {}).items():
            present = target.page.present_anchor_ids if target.page is not None else None
            if present is not None and any(anchor not in present for anchor in links):
                return False
        return True

    # ------------------------------------------------------------------ after pages
    def finish(self) -> None:
        pages = self.pages
        if self.search is not None and self.search.config.enabled:
            self._complete_search_index(pages)
        inclusion = self._inclusion()
        for file in self.files:  # copied (or left as they were): the source's bytes
            if isinstance(file, TrackedFile) and not file.is_documentation_page() \
                    and inclusion(file.inclusion):
                self.site.files[file.dest_uri] = self.builds.digest(file)
        outputs = {file.dest_uri for file in self.files if inclusion(file.inclusion)}
        outputs.update(self.config.theme.static_templates)
        outputs.update({"sitemap.xml.gz", "search/search_index.json"})
        if self.builds.dirty:
            self._remove_stale(outputs)
        self.site.outputs = outputs
        if not self.builds.serving:
            self.site.write_manifest(self.cache, self.site_dir)
        for uri in self.checked | self.records.keys():  # links checked by MkDocs just now
            page = self.files.src_uris[uri].page
            record = self.records.get(uri) or self.reused.get(uri)
            if page is not None and record is not None:
                record = dict(record)  # a reused record may be the loaded index's own
                record["anchors_ok"] = self._anchors_ok(page)
                if uri in self.records:
                    self.records[uri] = record
                else:
                    self.reused[uri] = record
        records = {uri: self.records.get(uri) or self.reused.get(uri) for uri in self.keys}
        body = {"files": self._files_digest(),
                "pages": {uri: record for uri, record in records.items() if record is not None}}
        self.builds._indexes.clear()
        self.builds._indexes[f"{self.cache.path}:{self.index_name}"] = body
        if self.builds.serving and self.builds.written:
            # writing the index of thousands of pages after every save would cost more than
            # the save's own rebuild: it is written at shutdown (`shutdown`)
            self.builds.pending = (self.cache, self.index_name, body)
        elif body == _without_blobs(self.previous_index):
            self.builds.written = True  # unchanged: the index on disk says it all
        else:
            self.cache.write_index(self.index_name, body, _blobs(body))
            self.builds.written = True
            self.builds.pending = None
        self._forget_entries(body)
        if not self.builds.serving:
            self.cache.prune(INDEX_PREFIX, KEPT_INDEXES)
            self.cache.collect_now_and_then()

    def _complete_search_index(self, pages: Iterable[File]) -> None:
        """The index in page order, as a full build makes it: entries captured now for the
        pages rendered, from the cache for the others."""
        entries: list[Any] = []
        for file in pages:
            uri = file.src_uri
            record = self.reused.get(uri)
            if record is not None:
                blob = record.get("search")
                entries.extend((self._entries(blob) or []) if blob else [])
            else:
                capture = self.captures.get(uri)
                entries.extend(capture.entries if capture else [])
        self.search.search_index.entries = entries
        self.search.search_index_prev = None

    def _remove_stale(self, outputs: set[str]) -> None:
        """Files in the site folder that a full build would not make: those of pages and files
        that are gone (MkDocs' dirty build leaves them). Hidden files stay, as MkDocs' own
        cleaning leaves them."""
        if self.fresh:
            stale: set[str] = set()
        elif self.site.outputs and self.site.files:
            stale = self.site.outputs - outputs
        else:  # a folder this process did not build: look
            stale = set()
            for folder, _, names in os.walk(self.site_dir):
                for name in names:
                    rel = os.path.relpath(os.path.join(folder, name), self.site_dir)
                    rel = rel.replace(os.sep, "/")
                    if rel not in outputs and not any(part.startswith(".")
                                                      for part in rel.split("/")):
                        stale.add(rel)
        stale.update(self.blank)
        for rel in sorted(stale):
            path = os.path.join(self.site_dir, rel)
            try:
                os.unlink(path)
            except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
                continue
            self.site.files.pop(rel, None)
            _remove_empty_parents(os.path.dirname(path), self.site_dir)

    def _forget_entries(self, body: dict[str, Any]) -> None:
        """Keep parsed search entries of the current pages only."""
        live = {record["search"][0] for record in body["pages"].values() if record.get("search")}
        for digest in [d for d in self.builds._entries if d not in live]:
            del self.builds._entries[digest]


_CONTENT_START = re.compile(r'<article class="md-content__inner[^"]*">\s*')


def with_banner(html: str, banner: str | None) -> str:
    """`html` with `banner` at the start of the page's content (Material's article), or
    after `<body>`."""
    if not banner or not html.strip():
        return html
    found = _CONTENT_START.search(html) or re.search(r"<body[^>]*>\s*", html)
    if found is None:
        return banner + html
    return html[:found.end()] + banner + html[found.end():]


def _without_blobs(index: dict[str, Any] | None) -> dict[str, Any] | None:
    if index is None:
        return None
    return {key: value for key, value in index.items() if key != "blobs"}


def _blobs(body: dict[str, Any]) -> set[str]:
    found: set[str] = set()
    for record in body.get("pages", {}).values():
        for name in ("html", "search"):
            blob = record.get(name)
            if blob:
                found.add(blob[0])
    return found


def _plain(meta: Any) -> dict[str, Any] | None:
    """Front matter that JSON stores exactly (else None: the page is not cached)."""
    try:
        copy = json.loads(json.dumps(meta))
    except (TypeError, ValueError):
        return None
    return copy if copy == meta and isinstance(copy, dict) else None


def _qualname(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def _empty_folder(path: str) -> bool:
    try:
        return not os.listdir(path)
    except FileNotFoundError:
        return True


def _remove_empty_parents(folder: str, top: str) -> None:
    while os.path.realpath(folder) != top:
        try:
            os.rmdir(folder)
        except OSError:
            return
        folder = os.path.dirname(folder)


def describe(value: Any, depth: int = 0) -> Any:
    """A JSON-able, address-free description of a config value, for hashing."""
    if depth > 20:
        return "..."
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, bytes):
        return "bytes:" + hashlib.sha256(value).hexdigest()
    if isinstance(value, enum.Enum):
        return f"{_qualname(type(value))}.{value.name}"
    if isinstance(value, datetime | date | day_time):
        return value.isoformat()
    if isinstance(value, PurePath):
        return str(value)
    if type(value).__module__.startswith("babel."):  # a Locale: its name (its data is a cache)
        return f"{_qualname(type(value))}:{value}"
    theme_dirs = getattr(value, "dirs", None)
    if isinstance(value, Mapping) and isinstance(theme_dirs, list):  # the theme
        return {"name": getattr(value, "name", None), "dirs": list(theme_dirs),
                "static_templates": sorted(getattr(value, "static_templates", [])),
                "vars": describe(dict(value.items()), depth + 1)}
    plugin_config = getattr(value, "config", None)
    if plugin_config is not None and hasattr(value, "on_config"):  # a plugin: its options
        return {"plugin": _qualname(type(value)), "config": describe(plugin_config, depth + 1)}
    if isinstance(value, Mapping):
        return {str(key): describe(item, depth + 1)
                for key, item in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, list | tuple):
        return [describe(item, depth + 1) for item in value]
    if isinstance(value, set | frozenset):
        return sorted((describe(item, depth + 1) for item in value), key=json.dumps)
    if callable(value) and hasattr(value, "__qualname__"):
        return f"callable:{getattr(value, '__module__', '?')}.{value.__qualname__}"
    attributes = getattr(value, "__dict__", None)
    if isinstance(attributes, dict):
        return {"type": _qualname(type(value)), "attributes": describe(attributes, depth + 1)}
    text = repr(value)
    return f"{_qualname(type(value))}:{text}" if " at 0x" not in text else _qualname(type(value))


def _installed_dirs() -> tuple[str, ...]:
    paths = sysconfig.get_paths()
    return tuple(os.path.realpath(paths[key]) for key in ("purelib", "platlib") if key in paths)


def theme_files(dirs: Iterable[str]) -> list[Any]:
    """The theme folders, and a hash of the files of those that are not part of an installed
    distribution (whose versions the cache's stamp holds): overrides, `custom_dir`."""
    installed = _installed_dirs()
    described: list[Any] = []
    for folder in dirs:
        real = os.path.realpath(folder)
        if any(real == top or real.startswith(top + os.sep) for top in installed):
            described.append([folder, "installed"])
            continue
        digest = hashlib.sha256()
        for path in sorted(Path(real).rglob("*")) if os.path.isdir(real) else []:
            if path.is_file():
                digest.update(path.relative_to(real).as_posix().encode() + b"\0")
                digest.update(path.read_bytes() + b"\0")
        described.append([folder, digest.hexdigest()])
    return described


def _build_date_if_shown(dirs: Iterable[str]) -> str | None:
    """The build date, when a template outside installed distributions could print it (the
    theme's own do not: its version is in the stamp)."""
    from mkdocs.utils import get_build_date

    installed = _installed_dirs()
    for folder in dirs:
        real = os.path.realpath(folder)
        if any(real == top or real.startswith(top + os.sep) for top in installed):
            continue
        for path in Path(real).rglob("*.html") if os.path.isdir(real) else []:
            text = path.read_text(encoding="utf-8", errors="replace")
            if "build_date" in text or "update_date" in text:
                return str(get_build_date())
    return None
