"""Edit links: every page, and in preview every fact of a story page, points at the content
file and line it comes from; editor links never reach a published build."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from explainer.build.edit_links import (
    DEFAULT_EDITOR_URL,
    Source,
    SourceIndex,
    check_editor_url,
    editor_link,
)
from explainer.cli.main import main
from explainer.project import Project

from .preview_server import mkdocs_serve

FACTS = "content/stories/sample/facts.yaml"
REPOSITORY = "repo_url: https://github.com/newsroom/explainers\nedit_uri: edit/main/\n"
EDIT_BUTTON = re.compile(r'<a href="([^"]*)" title="Edit this page"[^>]*rel="edit"')


def line_of(root: Path, path: str, text: str) -> int:
    """The line (1-based) of the first line of `path` that contains `text`."""
    lines = (root / path).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


def configure(root: Path, extra: str) -> None:
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\n" + extra, encoding="utf-8")


def mkdocs_build(root: Path) -> subprocess.CompletedProcess[str]:
    (root / "generated").mkdir(exist_ok=True)  # MkDocs wants docs_dir to exist
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root,
                          capture_output=True, text=True, timeout=300, check=False)


def edit_button(root: Path, page: str) -> str | None:
    found = EDIT_BUTTON.search((root / "site" / page / "index.html").read_text("utf-8"))
    return found.group(1) if found else None


def test_pages_and_facts_point_at_their_file_and_line(minimal_project: Path) -> None:
    index = SourceIndex(Project.at(minimal_project))
    root = minimal_project
    assert index.page("people/jane-doe.md") == Source("content/people/jane-doe.md", 1)
    assert index.page("stories/sample/quotes.md") == Source(
        FACTS, line_of(root, FACTS, "quotes:"))
    assert index.page("stories/sample/timeline.md") == Source(
        FACTS, line_of(root, FACTS, "events:"))
    assert index.page("stories/sample/source.md") == Source(
        "content/stories/sample/article.md", 1)
    assert index.page("index.md") == Source("content/site.yaml", 1)
    assert index.page("glossary.md") == Source("content/glossary.yaml", 1)
    for listing in ("stories/index.md", "people/index.md", "timeline/index.md",
                    "topics/index.md", "stories/nowhere/quotes.md"):
        assert index.page(listing) is None, listing
    quotes = index.facts("stories/sample/quotes.md")
    assert quotes("q2") == Source(FACTS, line_of(root, FACTS, "id: q2"), 5)
    assert quotes("speaker-jane-doe") == Source(FACTS, line_of(root, FACTS, "person: jane-doe"),
                                                5)
    timeline = index.facts("stories/sample/timeline.md")
    assert timeline("e1") == Source(FACTS, line_of(root, FACTS, "id: e1"), 5)
    figures = index.facts("stories/sample/figures.md")
    assert figures("council-share") == Source(FACTS, line_of(root, FACTS, "id: council-share"),
                                              5)
    overview = index.facts("stories/sample/index.md")
    assert overview("key-point-1") == Source(FACTS, line_of(root, FACTS, "- text:"), 5)
    source = index.facts("stories/sample/source.md")
    article = "content/stories/sample/article.md"
    assert source("p3") == Source(article, line_of(root, article, "The bridge cost"))
    assert index.facts("people/jane-doe.md")("q1") is None


def test_a_speaker_without_a_role_points_at_their_own_file(minimal_project: Path, edit) -> None:
    edit(minimal_project, FACTS, "  - person: jane-doe\n    title: Mayor\n    "
         "organisation: sampletown-council\n    as_of: 2024-05\n    cite: [p1]\n", "")
    quotes = SourceIndex(Project.at(minimal_project)).facts("stories/sample/quotes.md")
    assert quotes("speaker-jane-doe") == Source("content/people/jane-doe.md", 1)
    assert quotes("speaker-nobody") is None


def test_an_edit_moves_the_line(minimal_project: Path, edit) -> None:
    index = SourceIndex(Project.at(minimal_project))
    before = index.facts("stories/sample/quotes.md")("q1")
    edit(minimal_project, FACTS, "quotes:\n", "quotes:\n  # a comment\n\n")
    after = index.facts("stories/sample/quotes.md")("q1")
    assert before is not None and after is not None and after.line == before.line + 2


def test_published_pages_link_to_the_repository_with_the_line(minimal_project: Path) -> None:
    configure(minimal_project, REPOSITORY)
    result = mkdocs_build(minimal_project)
    assert result.returncode == 0, result.stderr
    base = "https://github.com/newsroom/explainers/edit/main/"
    assert edit_button(minimal_project, "people/jane-doe") == (
        base + "content/people/jane-doe.md#L1")
    assert edit_button(minimal_project, "stories/sample/quotes") == (
        f"{base}{FACTS}#L{line_of(minimal_project, FACTS, 'quotes:')}")
    assert edit_button(minimal_project, "stories/sample/timeline") == (
        f"{base}{FACTS}#L{line_of(minimal_project, FACTS, 'events:')}")
    assert edit_button(minimal_project, "stories") is None  # a list of every story
    site = minimal_project / "site"
    assert not [p for p in site.rglob("*.html") if "vscode://" in p.read_text("utf-8")
                or "explainer-edit-fact" in p.read_text("utf-8")]


def test_explainer_build_sets_the_same_links(minimal_project: Path) -> None:
    configure(minimal_project, REPOSITORY)
    assert main(["--root", str(minimal_project), "build"]) == 0
    assert edit_button(minimal_project, "places/sampleland") == (
        "https://github.com/newsroom/explainers/edit/main/content/places/sampleland.md#L1")


@pytest.mark.parametrize("extra", ["", "repo_url: https://github.com/newsroom/explainers\n"])
def test_no_edit_link_without_an_edit_address(minimal_project: Path, extra: str) -> None:
    """A repo_url alone makes MkDocs guess `edit/master/docs/`: not where content is."""
    configure(minimal_project, extra)
    result = mkdocs_build(minimal_project)
    assert result.returncode == 0, result.stderr
    assert not [p for p in (minimal_project / "site").rglob("*.html")
                if 'rel="edit"' in p.read_text("utf-8")]


def test_editor_addresses() -> None:
    root = Path("/srv/my site")
    source = Source("content/people/jane-doe.md", 3, 5)
    assert editor_link(DEFAULT_EDITOR_URL, root, source) == (
        "vscode://file/srv/my%20site/content/people/jane-doe.md:3:5")
    assert editor_link("idea://open?file={path}&line={line}", root, source) == (
        "idea://open?file=/srv/my%20site/content/people/jane-doe.md&line=3")
    assert check_editor_url(DEFAULT_EDITOR_URL) is None
    assert "not a valid address template" in (check_editor_url("x://{file}") or "")


def test_a_bad_editor_url_stops_the_build(minimal_project: Path) -> None:
    config = minimal_project / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "  - explainer\n", "  - explainer:\n      editor_url: 'x://{file}'\n"))
    result = mkdocs_build(minimal_project)
    assert result.returncode != 0
    assert "editor_url" in result.stderr and "{path}" in result.stderr


@pytest.mark.engine
def test_preview_links_every_fact_to_the_editor(minimal_project: Path, edit) -> None:
    configure(minimal_project, REPOSITORY)  # preview prefers the editor to the repository
    root = minimal_project.resolve()
    (root / "generated").mkdir(exist_ok=True)
    with mkdocs_serve(minimal_project) as preview:
        quotes = preview.fetch("stories/sample/quotes/")
        facts_file = f"vscode://file{root.as_posix()}/{FACTS}"
        q1 = line_of(root, FACTS, "id: q1")
        assert re.search(rf'id="q1"[^>]*><a class="explainer-edit-fact" '
                         rf'href="{re.escape(facts_file)}:{q1}:5"', quotes)
        role = line_of(root, FACTS, "person: jane-doe")
        assert f'href="{facts_file}:{role}:5"' in quotes  # the speaker, Jane Doe
        assert (f'href="{facts_file}:{line_of(root, FACTS, "quotes:")}:1" '
                'title="Edit this page"') in quotes
        timeline = preview.fetch("stories/sample/timeline/")
        assert f'href="{facts_file}:{line_of(root, FACTS, "id: e1")}:5"' in timeline
        person = preview.fetch("people/jane-doe/")
        assert (f'href="vscode://file{root.as_posix()}/content/people/jane-doe.md:1:1" '
                'title="Edit this page"') in person
        edit(minimal_project, FACTS, "quotes:\n", "quotes:\n  # moved down\n")
        preview.wait_for("stories/sample/quotes/",
                         lambda page: f'{facts_file}:{q1 + 1}:5"' in page)
