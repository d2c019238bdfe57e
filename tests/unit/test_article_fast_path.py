"""The fast article parser must agree with markdown-it wherever it accepts a body."""

from __future__ import annotations

from pathlib import Path

import pytest

from explainer.load.articles import _parse_markdown, _parse_simple
from explainer.load.sources import split_front_matter

from ..conftest import REPO

ARTICLES = sorted((REPO / "content" / "stories").glob("*/article.md"))


def bodies() -> list[tuple[str, str]]:
    found = [(path.parent.name, split_front_matter(path.read_text(), "a").body)
             for path in ARTICLES]
    found += [
        ("simple", "{#p1}\nPlain words, and more.\nSecond line.\n\n{#s1}\n## A subhead\n\n"
                   "{#p2}\nQuote \"marks\" and 'apostrophes' and 1,400km -- dashes.\n"),
        ("numbers", "{#p1}\n2016 was the year.\n"),
        ("brackets", "{#p1}\nA [bracket] here.\n"),
        ("emphasis", "{#p1}\nSome *stars* here.\n"),
        ("list-like", "{#p1}\n- not simple\n"),
        ("entity", "{#p1}\nAT&amp;T and AT&T.\n"),
        ("hash-end", "{#s1}\n## Title ##\n\n{#p1}\nText.\n"),
        ("missing-id", "Text without id.\n"),
        ("duplicate", "{#p1}\nOne.\n\n{#p1}\nTwo.\n"),
    ]
    return found


@pytest.mark.parametrize("name, body", bodies(), ids=[name for name, _ in bodies()])
def test_fast_path_agrees_with_markdown_it(name: str, body: str) -> None:
    fast = _parse_simple(body, 5)
    if fast is not None:
        assert fast == _parse_markdown(body, "a.md", 5)


def test_fast_path_takes_plain_articles_and_refuses_markup() -> None:
    assert _parse_simple("{#p1}\nPlain words.\n", 1) is not None
    for body in ("{#p1}\nA *star*.\n", "{#p1}\n1. list\n", "Text.\n",
                 "{#p1}\nOne.\n\n{#p1}\nTwo.\n", "{#p1}\n<b>x</b>\n"):
        assert _parse_simple(body, 1) is None


def test_synthetic_content_takes_the_fast_path(tmp_path: Path) -> None:
    import random

    from benchmarks.synthetic import Shape, write_registries, write_story

    content = tmp_path / "content"
    shape = Shape(stories=1, people=30, organisations=3)
    rng = random.Random(3)
    people = write_registries(content, shape, rng)
    write_story(content, 0, shape, people, rng)
    text = (content / "stories/story-00000/article.md").read_text()
    body = split_front_matter(text, "a").body
    fast = _parse_simple(body, 1)
    assert fast is not None and fast == _parse_markdown(body, "a.md", 1)
