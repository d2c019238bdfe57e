"""Edit links: the content file and line each generated page, and each fact of a story page,
comes from.

On the published site, a page links to its file in the repository (Material's edit button,
`page.edit_url`), when `mkdocs.yml` names the repository (`repo_url`) and its edit address
(`edit_uri` or `edit_uri_template`): MkDocs builds the address from each file's `edit_uri`,
which the plugin sets to the content file and line (`#L12`). Lists made from every file (all
stories, topics, timelines, the indexes of people, organisations, places) have none.

In preview (`mkdocs serve` only), the edit button opens the file at its line in the editor
(`vscode://file/PATH:LINE:COL` by default: the plugin's `editor_url`), and every fact of a story
page (key point, quote, speaker, event, figure, paragraph) gets such a link of its own. These
links are added to the HTML of the served pages, never to the generated Markdown, so they cannot
reach a published build.

Lines come from the loader's positions (`YamlDocument.at`, `Paragraph.line`), read from the
content files when asked and kept until a file changes.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote

from ..diagnostics import Location, Report
from ..link import routes
from ..load.content import display_path, load_article
from ..load.sources import SourceProblem, YamlDocument, load_yaml_document, read_text
from ..project import Project, read_config
from .preview import inside

#: {path} is the file's absolute path, always starting with "/" ("/C:/site/..." on Windows).
DEFAULT_EDITOR_URL = "vscode://file{path}:{line}:{col}"

#: The section of facts.yaml each story page shows (the page's edit link points at it).
_PAGE_SECTIONS = {"timeline": "events", "quotes": "quotes", "figures": "figures"}
#: The facts each story page shows with an anchor of their own: page -> facts.yaml sections.
_FACT_SECTIONS = {"timeline": ("events",), "quotes": ("quotes",), "figures": ("figures",)}
_REGISTRIES = ("people", "organisations", "places")
_SPEAKER = "speaker-"

T = TypeVar("T")


@dataclass(frozen=True)
class Source:
    """A place in a content file: its path relative to the project folder, line and column."""

    path: str
    line: int
    col: int = 1


class SourceIndex:
    """Pages and facts to their sources, read from a project's content files (each file is
    read again only when it changes)."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self._files: dict[tuple[Path, str], tuple[tuple[int, int], Any]] = {}

    # ------------------------------------------------------------------ pages
    def page(self, page: str) -> Source | None:
        """The file (and line) a generated page (`people/x.md`) is made from, if one."""
        content = self.project.content_dir
        parts = page.split("/")
        if page == routes.HOME:
            return self._file(content / "site.yaml")
        if page == routes.GLOSSARY:
            return self._file(content / "glossary.yaml")
        if len(parts) == 2 and parts[0] in _REGISTRIES and parts[1] != "index.md":
            return self._file(content / parts[0] / parts[1])
        story = self.story_page(parts)
        if story is None:
            return None
        folder, name = story
        if name == "source":
            return self._file(folder / "article.md")
        facts = folder / "facts.yaml"
        section = _PAGE_SECTIONS.get(name)
        document = self._yaml(facts)
        if section is not None and document is not None and _has(document, section):
            return _source(document.key_at((), section))
        return self._file(facts) if facts.is_file() else self._file(folder / "article.md")

    def story_page(self, parts: list[str]) -> tuple[Path, str] | None:
        if len(parts) != 3 or parts[0] != "stories" or not parts[2].endswith(".md"):
            return None
        name = parts[2][:-3]
        folder = self.project.content_dir / "stories" / parts[1]
        if name not in routes.STORY_PAGES or not (folder / "article.md").is_file():
            return None
        return folder, name

    def _file(self, path: Path) -> Source | None:
        if not path.is_file():
            return None
        return Source(display_path(self.project.root, path), 1)

    # ------------------------------------------------------------------ facts
    def facts(self, page: str) -> Callable[[str], Source | None]:
        """Where the fact with each anchor of a story page (`q1`, `speaker-jane-doe`, `p3`) is
        written; nothing for other pages."""
        story = self.story_page(page.split("/"))
        if story is None:
            return lambda anchor: None
        folder, name = story
        if name == "source":
            return self._paragraphs(folder / "article.md").get
        document = self._yaml(folder / "facts.yaml")
        data = document.data if document is not None else None
        found: dict[str, Source] = {}
        sections = [*_FACT_SECTIONS.get(name, ())]
        if name == "quotes":  # a speaker's heading: their role here, or the anonymous source
            sections += ["anonymous_sources", "people"]
        for section in sections:
            key = "person" if section == "people" else "id"
            for index, item in enumerate(_items(data, section)):
                anchor = item.get(key)
                if isinstance(anchor, str) and document is not None:
                    prefix = _SPEAKER if section in ("anonymous_sources", "people") else ""
                    found[prefix + anchor] = _source(document.at(section, index))
        if name == "index" and document is not None:
            for index, _ in enumerate(_items(data, "key_points")):
                found[f"key-point-{index + 1}"] = _source(document.at("key_points", index))

        def lookup(anchor: str) -> Source | None:
            if anchor in found or not anchor.startswith(_SPEAKER) or name != "quotes":
                return found.get(anchor)
            speaker = anchor[len(_SPEAKER):]  # a person or organisation without a role here
            for kind in _REGISTRIES[:2]:
                source = self._file(self.project.content_dir / kind / f"{speaker}.md")
                if source is not None:
                    return source
            return None
        return lookup

    def _paragraphs(self, path: Path) -> dict[str, Source]:
        def read(path: Path) -> dict[str, Source]:
            loaded = load_article(self.project.root, path, Report())
            shown = display_path(self.project.root, path)
            return {} if loaded is None else {
                paragraph.id: Source(shown, paragraph.line) for paragraph in loaded[0].paragraphs}
        return self._cached(path, "paragraphs", read) or {}

    def _yaml(self, path: Path) -> YamlDocument | None:
        """`path` read as YAML, its positions at hand (None if missing or not readable)."""
        def read(path: Path) -> YamlDocument | None:
            shown = display_path(self.project.root, path)
            try:
                return load_yaml_document(read_text(path, shown), shown)
            except SourceProblem:
                return None
        return self._cached(path, "yaml", read)

    def _cached(self, path: Path, kind: str, read: Callable[[Path], T]) -> T | None:
        """`read(path)`, again only when the file changes (size or modification time)."""
        try:
            stat = path.stat()
        except OSError:
            return None
        key = (stat.st_size, stat.st_mtime_ns)
        cached = self._files.get((path, kind))
        if cached is None or cached[0] != key:
            cached = (key, read(path))
            self._files[(path, kind)] = cached
        return cached[1]


def _has(document: YamlDocument, key: str) -> bool:
    return isinstance(document.data, dict) and key in document.data


def _items(data: object, section: str) -> list[dict[str, Any]]:
    items = data.get(section) if isinstance(data, dict) else None
    if not isinstance(items, list):
        return []
    return [item if isinstance(item, dict) else {} for item in items]


def _source(location: Location) -> Source:
    return Source(location.path, max(1, location.line), max(1, location.col))


# ---------------------------------------------------------------------- addresses
def repository_path(source: Source) -> str:
    """A file's `edit_uri` for MkDocs: its path with the line as a fragment (`#L12`)."""
    return f"{quote(source.path)}#L{source.line}"


def editor_link(template: str, root: Path, source: Source) -> str:
    """The editor's address of a source (`vscode://file/ABS/PATH:12:3`)."""
    path = "/" + quote((root / source.path).as_posix(), safe="/:").lstrip("/")
    return template.format(path=path, line=source.line, col=source.col)


def check_editor_url(template: str) -> str | None:
    """What is wrong with an `editor_url` option, or None."""
    try:
        template.format(path="/a", line=1, col=1)
    except (KeyError, IndexError, ValueError, AttributeError) as error:
        return (f"editor_url {template!r} is not a valid address template ({error}); use "
                "{path}, {line} and {col}, e.g. " + DEFAULT_EDITOR_URL)
    return None


_ANCHORED = re.compile(r'<(?:h[1-6]|li|figure|p)\b[^>]*?\sid="([^"]+)"[^>]*>')


def with_fact_links(page_html: str, facts: Callable[[str], Source | None], template: str,
                    root: Path) -> str:
    """The page's HTML with an editor link at the start of each anchored fact."""
    def link(match: re.Match[str]) -> str:
        source = facts(html.unescape(match.group(1)))
        if source is None:
            return match.group(0)
        where = f"{source.path}:{source.line}"
        return (f'{match.group(0)}<a class="explainer-edit-fact" '
                f'href="{html.escape(editor_link(template, root, source))}" '
                f'title="Edit {html.escape(where)}" '
                'style="float:right;margin-left:.5em;font-size:.7rem;font-weight:normal">'
                f'✎ {html.escape(Path(source.path).name)}:{source.line}</a>')

    return _ANCHORED.sub(link, page_html)


# ---------------------------------------------------------------------- the MkDocs glue
EDIT_FEATURE = "content.action.edit"


@dataclass
class EditLinks:
    """Which edit links a MkDocs run gets: `editor` in preview (with an `editor_url`),
    `repository` in a build whose mkdocs.yml gives `repo_url` and `edit_uri` (or
    `edit_uri_template`), else none."""

    mode: str  # "editor" | "repository" | "none"
    sources: SourceIndex
    editor_url: str = ""
    _versions: dict[Path, tuple[int, ...]] = field(default_factory=dict)

    @classmethod
    def for_run(cls, config: Any, project: Project, *, serving: bool,
                editor_url: str) -> EditLinks:
        written = read_config(project.config_file)  # what mkdocs.yml says, before defaults
        if serving and editor_url:
            mode = "editor"
        elif config.repo_url and (written.get("edit_uri") or written.get("edit_uri_template")):
            mode = "repository"
        else:
            # MkDocs would guess `edit/master/docs/` from a GitHub repo_url: not where the
            # content is, so no guess.
            mode = "none"
            config.edit_uri = config.edit_uri_template = None
        if mode != "none" and EDIT_FEATURE not in config.theme.get("features", []):
            config.theme["features"] = [*config.theme.get("features", []), EDIT_FEATURE]
        return cls(mode, SourceIndex(project), editor_url)

    def set_file_edit_uris(self, files: Any, docs_dir: Path) -> None:
        """Each generated page's `edit_uri` (MkDocs makes `page.edit_url` of it)."""
        if self.mode != "repository":
            return
        for file in files.documentation_pages():
            if file.abs_src_path is None or inside(file.abs_src_path, docs_dir):
                source = self.sources.page(file.src_uri)
                file.edit_uri = repository_path(source) if source is not None else None

    def page_edit_url(self, page: Any) -> None:
        """In preview: the page's edit button opens its source in the editor."""
        if self.mode == "editor":
            source = self.sources.page(page.file.src_uri)
            page.edit_url = (editor_link(self.editor_url, self.sources.project.root, source)
                             if source is not None else None)

    def page_inputs(self, page: str) -> str:
        """What a page's edit links are made from, for its build cache key (its `edit_uri`
        is on its file). In preview: a story page's links are read from its story's
        article.md and facts.yaml (and a speaker's from the people's and organisations'
        files), so their versions (size, modification time, inode; a folder's changes when a
        file in it comes or goes) stand for them; another page's link is to its own file."""
        if self.mode != "editor":
            return ""
        parts = page.split("/")
        story = self.sources.story_page(parts)
        if story is None:
            return repr(self.sources.page(page))
        folder, name = story
        watched = [folder / "article.md", folder / "facts.yaml"]
        if name == "quotes":
            watched += [self.sources.project.content_dir / kind for kind in _REGISTRIES[:2]]
        return repr([self._version(path) for path in watched])

    def start_build(self) -> None:
        """Versions of files are read once per build."""
        self._versions.clear()

    def _version(self, path: Path) -> tuple[int, ...]:
        found = self._versions.get(path)
        if found is None:
            try:
                stat = path.stat()
                found = (stat.st_size, stat.st_mtime_ns, stat.st_ino)
            except OSError:
                found = ()
            self._versions[path] = found
        return found

    def page_content(self, page_html: str, page: Any) -> str:
        """In preview: a link on every fact of a story page."""
        if self.mode != "editor":
            return page_html
        return with_fact_links(page_html, self.sources.facts(page.file.src_uri),
                               self.editor_url, self.sources.project.root)
