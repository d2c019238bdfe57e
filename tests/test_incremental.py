"""Incremental generation (as in `mkdocs serve`): after any edit, the pages equal a fresh full
generation, and only the pages that depend on the edit were rendered again."""

from __future__ import annotations

import os
import random
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from benchmarks.synthetic import Shape, write_registries, write_story
from explainer.diagnostics import ContentError
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


def test_a_repainted_portrait_is_drawn_again_under_an_unchanged_person_file(
        project: Project) -> None:
    from benchmarks.synthetic import paint_portrait

    person = sorted((project.root / "content/people").glob("*.md"))[0]
    paint_portrait(person, 10)
    caches = Caches()
    first = generate(project, caches)
    text = person.read_text()
    paint_portrait(person, 200)
    assert person.read_text() == text
    incremental = generate(project, caches)
    assert incremental.pages.contents() == generate(project).pages.contents()
    changed = {p for p in incremental.pages
               if incremental.pages.read(p) != first.pages.read(p)}
    # the resized portrait and the share card showing it
    assert changed == {f"images/people/{person.stem}.jpg", f"social/people/{person.stem}.png"}


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


# --------------------------------------------------------------------------- property
from hypothesis import HealthCheck, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from hypothesis.stateful import RuleBasedStateMachine, rule, run_state_machine_as_test  # noqa: E402

from benchmarks.synthetic import edit_quote as edit_a_quote_word  # noqa: E402
from benchmarks.synthetic import paint_portrait  # noqa: E402

GENERATION_EXAMPLES = int(os.environ.get("EXPLAINER_PROPERTY_EXAMPLES", "8"))


def test_incremental_generation_equals_a_fresh_one_after_any_edits(tmp_path: Path) -> None:
    """Random edits, including the links between files that incremental linking must follow:
    a story citing another story's paragraph, a registry role citing a story, a speaker's role
    stated by another story, registry names found in articles."""
    base = tmp_path / "base"
    shape = Shape(stories=STORIES, people=12, organisations=3, speakers=4)
    rng = random.Random(11)
    people = write_registries(base / "content", shape, rng)
    for number in range(STORIES):
        write_story(base / "content", number, shape, people, rng)
    shutil.copytree(REPO / "templates", base / "templates")
    shutil.copy(REPO / "mkdocs.yml", base / "mkdocs.yml")
    work = tmp_path / "work"

    class Edits(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            shutil.rmtree(work, ignore_errors=True)
            shutil.copytree(base, work)
            self.project = Project.at(work)
            self.caches = Caches()
            generate(self.project, self.caches)
            self.count = 0

        def check(self) -> None:
            """The same pages, or the same content errors (an edit may break a citation)."""
            self.count += 1
            outcomes = []
            for caches in (self.caches, None):
                try:
                    outcomes.append(generate(self.project, caches).pages.contents())
                except ContentError as error:
                    outcomes.append([d.format() for d in error.diagnostics])
            incremental, fresh = outcomes
            if isinstance(fresh, list) or isinstance(incremental, list):
                assert incremental == fresh
                return
            differ = sorted(p for p in incremental.keys() | fresh.keys()
                            if incremental.get(p) != fresh.get(p))
            assert not differ, f"incremental generation differs in {differ[:10]}"

        def story(self, number: int) -> Path:
            stories = sorted((work / "content/stories").iterdir())
            return stories[number % len(stories)]

        @rule(number=st.integers(0, 20))
        def change_a_quote(self, number: int) -> None:
            edit_a_quote_word(work, number, f"x{self.count}").apply()
            self.check()

        @rule(number=st.integers(0, 20), other=st.integers(0, 20))
        def cite_another_story(self, number: int, other: int) -> None:
            target = self.story(other).name
            replace(self.story(number) / "facts.yaml", "key_points:\n",
                    f"key_points:\n  - text: See also {self.count}.\n    cite: [{target}#p2]\n")
            self.check()

        @rule(person=st.integers(0, 11), number=st.integers(0, 20))
        def give_a_registry_role_citing_a_story(self, person: int, number: int) -> None:
            path = sorted((work / "content/people").glob("*.md"))[person]
            text = path.read_text()
            role = (f"roles:\n  - title: Adviser {self.count}\n    as_of: 2015\n"
                    f"    cite: [{self.story(number).name}#p2]\n")
            path.write_text(text.replace("---\n", f"---\n{role}", 1) if "roles:" not in text
                            else text.replace("roles:\n", role, 1))
            self.check()

        @rule(number=st.integers(0, 20))
        def change_a_story_role(self, number: int) -> None:
            replace(self.story(number) / "facts.yaml", "    title: ", f"    title: T{self.count} ")
            self.check()

        @rule(person=st.integers(0, 11))
        def rename_a_person(self, person: int) -> None:
            path = sorted((work / "content/people").glob("*.md"))[person]
            replace(path, "name: ", f"name: Dr{self.count} ")
            self.check()

        @rule(person=st.integers(0, 11), shade=st.integers(0, 255))
        def paint_a_portrait(self, person: int, shade: int) -> None:
            # the picture changes under an unchanged person file (after the first time)
            paint_portrait(sorted((work / "content/people").glob("*.md"))[person], shade)
            self.check()

        @rule(number=st.integers(0, 20))
        def change_a_paragraph(self, number: int) -> None:
            article = self.story(number) / "article.md"
            text = article.read_text()
            last = text.rstrip().rsplit("\n", 1)[1]
            article.write_text(text.replace(last, f"{last} Northland {self.count}.", 1))
            self.check()

        @rule(number=st.integers(0, 20), year=st.integers(2005, 2030))
        def move_an_event_to_another_year(self, number: int, year: int) -> None:
            facts = self.story(number) / "facts.yaml"
            facts.write_text(re.sub(r"(    date: )\d{4}", rf"\g<1>{year}", facts.read_text(),
                                    count=1))
            self.check()

        @rule(number=st.integers(0, 20))
        def delete_a_story(self, number: int) -> None:
            if len(list((work / "content/stories").iterdir())) > 2:
                shutil.rmtree(self.story(number))
            self.check()

        @rule(seed=st.integers(0, 100))
        def add_a_story(self, seed: int) -> None:
            write_story(work / "content", 50 + self.count, shape, people, random.Random(seed))
            self.check()

    run_state_machine_as_test(Edits, settings=settings(
        max_examples=GENERATION_EXAMPLES, stateful_step_count=6, deadline=None, database=None,
        suppress_health_check=list(HealthCheck)))


def test_a_preview_page_key_follows_the_files_its_editor_links_point_into(
        project: Project) -> None:
    """In `serve`, editor links carry file lines the page's Markdown does not: the page's
    cache key must change when they may (its story's files), and only then."""
    from explainer.build.edit_links import EditLinks, SourceIndex

    links = EditLinks("editor", SourceIndex(project), "vscode://file{path}:{line}:{col}")
    edited, other = "stories/story-00002/quotes.md", "stories/story-00004/quotes.md"
    before = links.page_inputs(edited), links.page_inputs(other)
    assert before[0] and before[1]
    edit_quote(project.root)  # story-00002's article.md and facts.yaml
    links.start_build()
    assert links.page_inputs(edited) != before[0]
    assert links.page_inputs(other) == before[1]
    # a published build's edit link is the file's edit_uri, which the key holds itself
    assert EditLinks("repository", SourceIndex(project)).page_inputs(edited) == ""
