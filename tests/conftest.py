"""Shared fixtures: a throw-away copy of a project (the seed or the minimal sample)."""

from __future__ import annotations

import functools
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
MINIMAL = FIXTURES / "minimal"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true",
                     help="rewrite tests/goldens from the current output (review the diff!)")


def copy_project(destination: Path, content_from: Path = REPO) -> Path:
    """A project folder with `content_from`'s content and the repository's templates/config
    (the package's templates and plugin are used from the installed package)."""
    destination.mkdir(parents=True, exist_ok=True)
    shutil.copytree(content_from / "content", destination / "content")
    shutil.copytree(REPO / "templates", destination / "templates")
    shutil.copy(REPO / "mkdocs.yml", destination / "mkdocs.yml")
    return destination


def site_template(root: Path, name: str) -> Path:
    """The project's own copy of the package template `name` (e.g. "pages/person.md.j2"),
    made if needed: a file in the site's templates/ overrides the package's."""
    from explainer.project import PACKAGE_TEMPLATES

    path = root / "templates" / name
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(PACKAGE_TEMPLATES / name, path)
    return path


SEED_STORY = "tajikistan-interpol"


def copy_seed_project(destination: Path) -> Path:
    """The repository's project with the seed as its only story, and only the registry entries
    the seed's pages show (found by linking the repository's content): seed tests stay stable
    as other stories are added."""
    copy_project(destination)
    content = destination / "content"
    keep = _seed_registry()
    for story in (content / "stories").iterdir():
        if story.name != SEED_STORY:
            shutil.rmtree(story)
    for kind in ("people", "organisations", "places"):
        for path in (content / kind).glob("*.md"):
            if (kind, path.stem) not in keep:
                path.unlink()
    return destination


@functools.lru_cache(maxsize=1)
def _seed_registry() -> frozenset[tuple[str, str]]:
    from explainer.pipeline import check
    from explainer.project import Project

    graph, report = check(Project.at(REPO))
    assert graph is not None and not report.errors, "the repository's content must be valid"
    story = next(s for s in graph.stories if s.slug == SEED_STORY)
    nodes: list[object] = [*story.people, *story.organisations, *story.places,
                           *(q.speaker for q in story.quotes), *story.authors,
                           *(e.organisation for e in graph.glossary if e.organisation)]
    keep: set[tuple[str, str]] = set()
    while nodes:
        node = nodes.pop()
        kind = {"person": "people", "organisation": "organisations", "place": "places"}.get(
            getattr(node, "kind", ""))
        if kind is None or (kind, node.id) in keep:  # type: ignore[attr-defined]
            continue
        keep.add((kind, node.id))  # type: ignore[attr-defined]
        for attribute in ("parent", "country", "within"):
            related = getattr(node, attribute, None)
            if related is not None:
                nodes.append(related)
        for role in getattr(node, "roles", []):
            organisation = getattr(role, "organisation", None)
            if organisation is not None:
                nodes.append(organisation)
    return frozenset(keep)


@pytest.fixture
def minimal_project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project", MINIMAL)


@pytest.fixture
def seed_project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project", REPO)


@pytest.fixture
def edit() -> Callable[[Path, str, str, str], None]:
    def apply(root: Path, file: str, find: str, replace: str) -> None:
        path = root / file
        text = path.read_text(encoding="utf-8")
        assert find in text, f"{find!r} not in {file}"
        path.write_text(text.replace(find, replace, 1), encoding="utf-8")
    return apply
