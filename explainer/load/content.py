"""Stage 1+2: read `content/` into typed models, collecting every problem with its position.

Nothing is linked here (ids stay ids); a file that fails to load is left out and remembered,
so the linking stage does not pile "unknown id" errors on top of the real one.
"""

from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from ..diagnostics import Diagnostic, Location, Report
from ..editor_files import editor_file
from ..model import (
    Article,
    ArticleMeta,
    Facts,
    GlossaryTerm,
    Organisation,
    Paragraph,
    Person,
    Place,
    SiteConfig,
)
from ..model.common import ID_HINT, is_id
from .articles import parse_body
from .images import ImageRef, ImageSource, check_image_field, inspect_image
from .sources import (
    MAX_FILE_BYTES,
    SourceProblem,
    Where,
    YamlDocument,
    load_yaml_document,
    read_text,
    split_front_matter,
    unreadable,
)
from .validation import validate

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")

CONTENT_DIR = "content"
BODY_FIELD: dict[type[BaseModel], str] = {
    Person: "bio", Organisation: "description", Place: "description"}


@dataclass(frozen=True)
class Entry(Generic[M]):
    """A loaded registry file: its id (the file name), model and positions."""

    id: str
    model: M
    document: YamlDocument


@dataclass(frozen=True)
class StorySource:
    slug: str
    article: Article
    article_document: YamlDocument
    facts: Facts
    facts_document: YamlDocument


@dataclass
class Content:
    root: Path
    site: SiteConfig | None = None
    people: dict[str, Entry[Person]] = field(default_factory=dict)
    organisations: dict[str, Entry[Organisation]] = field(default_factory=dict)
    places: dict[str, Entry[Place]] = field(default_factory=dict)
    glossary: list[tuple[GlossaryTerm, Where]] = field(default_factory=list)
    stories: dict[str, StorySource] = field(default_factory=dict)
    #: ids whose files exist but failed to load, per kind ("people", "stories", ...)
    broken: dict[str, set[str]] = field(default_factory=dict)
    #: every file read (as shown in messages) -> digest of its bytes
    versions: dict[str, str] = field(default_factory=dict)
    #: checked pictures of `image:` fields, by the content file naming them (as shown)
    images: dict[str, ImageRef] = field(default_factory=dict)

    def is_broken(self, kind: str, item_id: str) -> bool:
        return item_id in self.broken.get(kind, set())


def display_path(root: Path, path: Path) -> str:
    """`path` as messages show it: relative to the project folder (string work: a rebuild of
    `mkdocs serve` shows every content file's path, 5,000 of them at 1,000 stories)."""
    top, full = str(root), str(path)
    if full.startswith(top) and full[len(top):len(top) + 1] == os.sep:
        return full[len(top) + 1:].replace(os.sep, "/")
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


class FileCache:
    """Parsed files kept between runs (the preview server, the benchmark): a file is parsed
    again only when its bytes change; its diagnostics are replayed when it is not.

    `versions` maps each file (as shown in messages) to a digest of its bytes, which the render
    stage uses to tell which pages an edit affects.
    """

    def __init__(self) -> None:
        self._entries: dict[Path, _Cached] = {}
        self.versions: dict[str, str] = {}

    def load(self, path: Path, shown: str, report: Report,
             loader: Callable[[Path, str, Report], T | None]) -> T | None:
        try:
            if path.is_dir():
                raise IsADirectoryError(f"{shown} is a folder")
            stat = path.stat()
            key = (stat.st_size, stat.st_mtime_ns)
            hit = self._entries.get(path)
            # a file over the size limit is refused by the loader unread: it is not read here
            data = path.read_bytes() if (hit is None or hit.stat != key) \
                and stat.st_size <= MAX_FILE_BYTES else None
        except OSError as error:  # a folder, a file gone since it was listed, unreadable
            self._entries.pop(path, None)
            report.add(Location(shown, 0, 0).error(unreadable(error)))
            return None
        if hit is None or hit.stat != key:
            digest = hashlib.sha1(data if data is not None else repr(key).encode(),
                                  usedforsecurity=False).hexdigest()
            if hit is None or hit.digest != digest:
                local = Report()
                value = _guard(local, loader, path, shown, local)
                hit = _Cached(key, digest, value, list(local.items))
                self._entries[path] = hit
            else:
                hit.stat = key
        self.versions[shown] = hit.digest
        report.extend(hit.diagnostics)
        return hit.value  # type: ignore[no-any-return]


@dataclass
class _Cached:
    stat: tuple[int, int]
    digest: str
    value: Any
    diagnostics: list[Diagnostic]


def load_content(root: Path, cache: FileCache | None = None,
                 content_dir: Path | None = None) -> tuple[Content, Report]:
    """Read everything under the content folder (`content_dir`, default root/content/; the
    plugin's `content` option); `cache` (optional) skips files that did not change."""
    report = Report()
    files = cache or FileCache()
    files.versions.clear()
    content = Content(root=root, versions=files.versions)
    base = content_dir or root / CONTENT_DIR
    if not base.is_dir():
        shown = display_path(root, base)
        report.add(Location(shown, 0, 0).error(
            f"no '{shown}/' folder in {root}: run from the project folder or pass --root"))
        return content, report
    site_path = base / "site.yaml"
    if site_path.exists():
        content.site = files.load(site_path, display_path(root, site_path), report, _read_site)
    else:
        report.add(Location(display_path(root, site_path), 0, 0).error(
            "missing: create it with at least 'title: ...' (see README, 'Content reference')"))
    content.people = _load_registry(root, base / "people", Person, report, content, files)
    content.organisations = _load_registry(root, base / "organisations", Organisation, report,
                                           content, files)
    content.places = _load_registry(root, base / "places", Place, report, content, files)
    glossary_path = base / "glossary.yaml"
    if glossary_path.exists():
        content.glossary = files.load(glossary_path, display_path(root, glossary_path), report,
                                      _load_glossary) or []
    stories_dir = base / "stories"
    if stories_dir.is_dir():
        for story_dir in sorted(p for p in stories_dir.iterdir() if p.is_dir()):
            story = _load_story(root, story_dir, report, files)
            if story is None:
                content.broken.setdefault("stories", set()).add(story_dir.name)
            else:
                content.stories[story.slug] = story
    _check_images(content, base, report, files)
    return content, report


def _check_images(content: Content, base: Path, report: Report, files: FileCache) -> None:
    """Every `image:` field's picture file, checked where the field is written. A picture that
    fails leaves its person, organisation or story without one (and the build stopped)."""
    def read(path: Path, shown: str, _: Report) -> tuple[ImageSource | str]:
        # boxed in a tuple: FileCache.load's TypeVar cannot be solved for a union
        return (inspect_image(path, shown),)

    def inspect(path: Path, shown: str) -> ImageSource | str:
        found = files.load(path, shown, Report(), read)
        return found[0] if found is not None else f"'{shown}' could not be read"

    named: list[tuple[Any, YamlDocument]] = [
        (entry.model.image, entry.document)
        for registry in (content.people, content.organisations)
        for entry in registry.values()]
    for story in content.stories.values():
        meta = story.article.meta
        named.append((meta.image, story.article_document))
        if meta.image is not None and not meta.image_caption and not meta.image.alt:
            report.add(story.article_document.where("image").error(
                "'image.alt' is required: say what the picture shows, for readers who cannot "
                "see it (or give the article's photo caption under 'photo')"))
    for image, document in named:
        if image is None:
            continue
        source = check_image_field(image, document.where("image", "file"), base,
                                   content.root / document.path, report, inspect)
        if source is not None:
            content.images[document.path] = ImageRef(image, source)


def _document(report: Report, text: str, shown: str, line_offset: int = 0) -> YamlDocument:
    document = load_yaml_document(text, shown, line_offset)
    report.extend(document.warnings)
    return document


def _guard(report: Report, action: Callable[..., T | None], *args: Any) -> T | None:
    """Run a loading step; a file-level problem becomes a diagnostic instead of a traceback."""
    try:
        return action(*args)
    except SourceProblem as problem:
        report.add(problem.diagnostic)
        return None


def _load_site(root: Path, path: Path, report: Report) -> SiteConfig | None:
    """content/site.yaml alone (the engine hooks need the site settings, nothing else)."""
    return _guard(report, _read_site, path, display_path(root, path), report)


def _read_site(path: Path, shown: str, report: Report) -> SiteConfig | None:
    document = _document(report, read_text(path, shown), shown)
    model, problems = validate(SiteConfig, document)
    report.extend(problems)
    return model


def _load_registry(root: Path, folder: Path, model: type[M], report: Report,
                   content: Content, files: FileCache) -> dict[str, Entry[M]]:
    entries: dict[str, Entry[M]] = {}
    if not folder.is_dir():
        return entries
    for path in sorted(folder.glob("*.md")):
        if editor_file(path.name):  # Emacs' lock .#jane-doe.md: not content
            continue
        shown = display_path(root, path)
        if not is_id(path.stem):
            report.add(Location(shown, 0, 0).error(
                f"file name '{path.name}' is not a valid id ({ID_HINT}); rename the file"))
            continue
        entry = files.load(path, shown, report, functools.partial(_load_registry_file,
                                                                  model=model))
        if entry is None:
            content.broken.setdefault(folder.name, set()).add(path.stem)
        else:
            entries[entry.id] = entry
    return entries


def _load_registry_file(path: Path, shown: str, report: Report,
                        model: type[M]) -> Entry[M] | None:
    """One person/organisation/place: front matter fields plus the Markdown body."""
    parts = split_front_matter(read_text(path, shown), shown)
    document = _document(report, parts.front_matter, shown, parts.front_matter_line - 1)
    data = document.data if document.data is not None else {}
    body_field = BODY_FIELD[model]
    if isinstance(data, dict):
        if body_field in data:
            report.add(document.key_at((), body_field).error(
                f"'{body_field}' is written as the Markdown body below the front matter, "
                "not as a field"))
            return None
        data[body_field] = parts.body.strip("\n")
        document.extra[body_field] = (parts.body_line, 1)
    found, problems = validate(model, document, data)
    report.extend(problems)
    return Entry(path.stem, found, document) if found is not None else None


def _load_glossary(path: Path, shown: str,
                   report: Report) -> list[tuple[GlossaryTerm, Where]] | None:
    terms: list[tuple[GlossaryTerm, Where]] = []
    document = _document(report, read_text(path, shown), shown)
    data = document.data
    if data is None:
        return terms
    if not isinstance(data, list):
        report.add(document.at().error("the glossary is a list of terms: '- term: ...'"))
        return terms
    for index, item in enumerate(data):
        term, problems = validate(GlossaryTerm, document, item, (index,))
        report.extend(problems)
        if term is not None:
            terms.append((term, document.where(index)))
    return terms


def _load_story(root: Path, folder: Path, report: Report,
                files: FileCache) -> StorySource | None:
    slug = folder.name
    if not is_id(slug):
        report.add(Location(display_path(root, folder), 0, 0).error(
            f"story folder name '{slug}' is not a valid slug ({ID_HINT}); rename the folder"))
        return None
    loaded = load_article(root, folder / "article.md", report, files)
    facts_path = folder / "facts.yaml"
    facts_document = YamlDocument(display_path(root, facts_path), None)
    facts: Facts | None = Facts()
    if facts_path.exists():
        loaded_facts = files.load(facts_path, display_path(root, facts_path), report,
                                  _load_facts)
        facts, facts_document = loaded_facts if loaded_facts else (None, facts_document)
    else:
        report.add(Location(display_path(root, facts_path), 0, 0).warning(
            "no facts.yaml yet: the story is built from its article alone "
            "(`build.py draft` writes a first draft)"))
    if loaded is None or facts is None:
        return None
    article, article_document = loaded
    return StorySource(slug, article, article_document, facts, facts_document)


def load_article(root: Path, path: Path, report: Report,
                 files: FileCache | None = None) -> tuple[Article, YamlDocument] | None:
    """A story's article.md: front matter and citable paragraphs (the photo caption is `photo`)."""
    shown = display_path(root, path)
    if not path.exists():
        report.add(Location(shown, 0, 0).error(
            "missing: every story needs its article (see `build.py new`)"))
        return None
    return (files or FileCache()).load(path, shown, report, _load_article)


def _load_article(path: Path, shown: str, report: Report) -> tuple[Article, YamlDocument] | None:
    parts = split_front_matter(read_text(path, shown), shown)
    document = _document(report, parts.front_matter, shown, parts.front_matter_line - 1)
    meta, problems = validate(ArticleMeta, document)
    report.extend(problems)
    body = parse_body(parts.body, shown, parts.body_line)
    report.extend(body.diagnostics)
    if meta is None or body.diagnostics:
        return None
    paragraphs = body.paragraphs
    if meta.photo is not None:
        if any(p.id == "photo" for p in paragraphs):
            report.add(document.at("photo").error(
                "paragraph id 'photo' is reserved for the photo caption"))
            return None
        caption = Paragraph("photo", 0, meta.photo.caption, document.at("photo").line, None,
                            "caption")
        paragraphs = (caption, *paragraphs)
    article = Article(meta, paragraphs, body.sections, body.order, {p.id: p for p in paragraphs})
    return article, document


def _load_facts(path: Path, shown: str, report: Report) -> tuple[Facts, YamlDocument] | None:
    document = _document(report, read_text(path, shown), shown)
    model, problems = validate(Facts, document)
    report.extend(problems)
    return (model, document) if model is not None else None
