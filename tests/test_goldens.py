"""Golden files: the Markdown generated for the seed story, byte for byte.

The golden set is the seed story's own pages and the pages of everyone and everything it links
to (people, organisations, places), generated from the repository's content with the seed as
the only story (other stories would change shared pages whenever they are edited). Site-wide
lists (home, indexes, timelines) grow with every story and are tested by structure elsewhere.
A change to templates, model or content shows up here as a diff to review. When the change is
meant, refresh with `make goldens` (pytest --update-goldens) and commit the new files.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from explainer.pipeline import generate
from explainer.project import Project

from .conftest import SEED_STORY as SEED
from .conftest import copy_seed_project

GOLDENS = Path(__file__).parent / "goldens" / "seed"


def seed_pages(root: Path) -> dict[str, bytes]:
    generated = generate(Project.at(copy_seed_project(root)))
    story = next(s for s in generated.graph.stories if s.slug == SEED)
    nodes = [*story.people, *story.organisations, *story.places,
             *(q.speaker for q in story.quotes if q.speaker.kind != "anonymous")]
    wanted = {story.page(name) for name in ("index", "timeline", "quotes", "figures", "source")}
    wanted |= {node.page for node in nodes}
    wanted |= {p for p in generated.pages if p.startswith(f"stories/{SEED}/data/")}
    wanted.add("schemas/facts-v1.schema.json")
    # the story's share card and its first direct quote's card: pictures are output too
    wanted.add(f"social/stories/{SEED}.png")
    first = next(q for q in story.quotes if q.model.kind == "direct")
    wanted.add(f"social/quotes/{SEED}/{first.id}.png")
    return {path: generated.pages.read(path) for path in sorted(wanted)}


def test_generated_pages_match_goldens(request: pytest.FixtureRequest, tmp_path: Path) -> None:
    pages = seed_pages(tmp_path / "project")
    if request.config.getoption("--update-goldens"):
        shutil.rmtree(GOLDENS, ignore_errors=True)
        for path in pages:
            target = GOLDENS / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(pages[path])
        pytest.skip("goldens rewritten; review `git diff tests/goldens`")
    expected = sorted(p.relative_to(GOLDENS).as_posix() for p in GOLDENS.rglob("*")
                      if p.is_file())
    assert sorted(pages) == expected, "pages added or removed: run `make goldens` if meant"
    for path in pages:
        golden = (GOLDENS / path).read_bytes()
        if pages[path] != golden:
            diff = _first_difference(golden.decode(), pages[path].decode()) \
                if not path.endswith(".png") else "the picture's bytes differ"
            pytest.fail(f"{path} differs from its golden file ({diff}); "
                        "run `make goldens` if the change is meant")


def _first_difference(old: str, new: str) -> str:
    for number, (a, b) in enumerate(zip(old.splitlines(), new.splitlines(), strict=False), 1):
        if a != b:
            return f"line {number}: {a[:80]!r} -> {b[:80]!r}"
    return "length differs"


def test_generation_is_deterministic(tmp_path: Path) -> None:
    assert seed_pages(tmp_path / "one") == seed_pages(tmp_path / "two")
