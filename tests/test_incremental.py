"""Incremental generation (as in `mkdocs serve`): after any edit, the pages equal a fresh full
generation, and only the pages that depend on the edit were rendered again."""

from __future__ import annotations

import random
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from benchmarks.synthetic import Shape, write_registries, write_story
from explainer.pipeline import Caches, generate
from explainer.project import Project

from .conftest import REPO, site_template

STORIES = 6


@pytest.fixture
def project(tmp_path: Path) -> Project:
    root = tmp_path / "project"
    content = root / "content"
    shape = Shape(stories=STORIES, people=40, organisations=4)
    rng = random.Random(7)
    people = write_registries(content, shape, rng)
    for number in range(STORIES):
        write_story(content, number, shape, people, rng)
    shutil.copytree(REPO / "templates", root / "templates")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return Project.at(root)


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def edit_quote(root: Path) -> None:
    story = root / "content/stories/story-00002"
    facts = (story / "facts.yaml").read_text()
    word = facts.split('text: "', 1)[1].split()[0]
    replace(story / "article.md", word, word + "x")
    replace(story / "facts.yaml", 'text: "' + word, 'text: "' + word + "x")


def rename_speaker(root: Path) -> None:
    facts = (root / "content/stories/story-00001/facts.yaml").read_text()
    speaker = facts.split("speaker: ", 1)[1].split()[0]
    replace(root / f"content/people/{speaker}.md", "name: ", "name: Dr ")


def add_alias_that_is_mentioned(root: Path) -> None:
    replace(root / "content/places/northland.md", "kind: country", "kind: country\naliases: [AG0]")


def change_template(root: Path) -> None:
    replace(site_template(root, "pages/person.md.j2"), "## Roles", "## Roles held")


def retitle_story(root: Path) -> None:
    replace(root / "content/stories/story-00003/article.md", 'headline: "', 'headline: "New: ')


EDITS: dict[str, Callable[[Path], None]] = {
    "quote": edit_quote, "speaker name": rename_speaker, "alias": add_alias_that_is_mentioned,
    "template": change_template, "headline": retitle_story,
}


@pytest.mark.parametrize("name", sorted(EDITS))
def test_incremental_equals_full_generation(project: Project, name: str) -> None:
    caches = Caches()
    first = generate(project, caches)
    assert first.rendered == len([p for p in first.pages if p.endswith(".md")])
    again = generate(project, caches)
    assert again.rendered == 0 and again.pages.files == first.pages.files
    EDITS[name](project.root)
    incremental = generate(project, caches)
    fresh = generate(project)
    assert incremental.pages.contents() == fresh.pages.contents()
    assert incremental.rendered > 0


def test_a_quote_edit_renders_only_dependent_pages(project: Project) -> None:
    caches = Caches()
    first = generate(project, caches)
    edit_quote(project.root)
    after = generate(project, caches)
    changed = {p for p in after.pages if after.pages.files[p] != first.pages.files.get(p)}
    assert "stories/story-00002/quotes.md" in changed
    assert not any(p.startswith("stories/story-00004/") for p in changed)
    # Far fewer pages were rendered than exist: the story, its people, lists and timelines.
    total = len([p for p in after.pages if p.endswith(".md")])
    assert after.rendered < total / 2


@pytest.mark.parametrize("jobs", [2, 3])
def test_rendering_in_worker_processes_gives_the_same_files(
        project: Project, jobs: int, monkeypatch: pytest.MonkeyPatch) -> None:
    from explainer.render import pages

    one = generate(project, jobs=1)
    monkeypatch.setattr(pages, "PARALLEL_THRESHOLD", 0)  # small sites render in-process
    shared = generate(project, jobs=jobs)
    assert list(shared.pages) == list(one.pages)
    assert shared.pages.contents() == one.pages.contents()


def test_a_template_error_in_a_worker_process_names_the_template(
        project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    from explainer.render import pages
    from explainer.render.pages import RenderError

    monkeypatch.setattr(pages, "PARALLEL_THRESHOLD", 0)
    person = site_template(project.root, "pages/person.md.j2")
    person.write_text(person.read_text() + "{{ person.no_such_field }}\n")
    with pytest.raises(RenderError) as caught:
        generate(project, jobs=2)
    assert caught.value.path == "templates/pages/person.md.j2"
    assert "no_such_field" in caught.value.message
