"""People and organisations as cards: who's who, and the indexes (filed under letters when
long)."""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

from benchmarks.synthetic import Shape, write_registries, write_story
from explainer.pipeline import generate
from explainer.project import Project

from .conftest import MINIMAL, REPO, copy_project


def test_a_short_people_index_is_one_grid_of_cards(tmp_path: Path) -> None:
    files = generate(Project.at(copy_project(tmp_path / "p", MINIMAL))).pages.files
    people = files["people/index.md"].decode()
    assert people.count('<div class="cards-grid" markdown>') == 1
    assert not re.search(r"^## [A-Z]", people, flags=re.MULTILINE)
    assert '<span class="card__name">[Jane Doe](jane-doe.md)</span>' in people
    overview = files["stories/sample/index.md"].decode()
    assert '<div class="cards-grid whos-who" markdown>' in overview
    assert '<span class="card__counts">[1 direct quote, 1 paraphrase]' \
        '(quotes.md#speaker-jane-doe)</span>' in overview


def test_a_long_people_index_is_filed_under_letters(tmp_path: Path) -> None:
    root = tmp_path / "p"
    content = root / "content"
    shape = Shape(stories=2, people=70, organisations=3)
    rng = random.Random(1)
    people = write_registries(content, shape, rng)
    for number in range(2):
        write_story(content, number, shape, people, rng)
    (content / "people" / "omer-ozil.md").write_text("---\nname: Ömer Özil\n---\n")
    shutil.copytree(REPO / "templates", root / "templates")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    index = generate(Project.at(root)).pages.files["people/index.md"].decode()
    headings = re.findall(r"^## (\S+) \{: #(\S+) \}$", index, flags=re.MULTILINE)
    letters = [letter for letter, _ in headings]
    assert len(letters) > 1 and letters == sorted(letters) and "Ö" in letters
    assert all(re.fullmatch(r"letter-[a-z]|letter-other-\d+", anchor) for _, anchor in headings)
    assert index.count("card__name") == len(list((content / "people").glob("*.md")))
