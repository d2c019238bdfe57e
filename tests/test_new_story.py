"""`build.py new`: a story folder from a raw article (plain text, Markdown, saved web page)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from explainer.cli.main import main
from explainer.ingest import read_article
from explainer.ingest.newstory import escape_paragraph
from explainer.load.articles import parse_body
from explainer.load.sources import split_front_matter

from .conftest import REPO, copy_seed_project

PAGES = REPO / "tests" / "fixtures" / "pages"
CORPUS = REPO / "tests" / "corpus" / "wikinews"
SEED_FACTS = REPO / "content" / "stories" / "tajikistan-interpol" / "facts.yaml"


def new(root: Path, slug: str, source: Path, *extra: str) -> int:
    return main(["--root", str(root), "new", slug, "--from", str(source), *extra])


def paragraphs_of(root: Path, slug: str) -> list[str]:
    text = (root / "content/stories" / slug / "article.md").read_text(encoding="utf-8")
    parts = split_front_matter(text, "article.md")
    parsed = parse_body(parts.body, "article.md", parts.body_line)
    assert not parsed.diagnostics
    return [p.text for p in parsed.paragraphs]


@pytest.mark.parametrize("source", ["seed.txt", "caravanserai-tajikistan-interpol.html"])
def test_seed_from_text_and_from_a_saved_page(minimal_project: Path, source: str,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert new(minimal_project, "seed", PAGES / source, "--outlet", "Caravanserai") == 0
    article = (minimal_project / "content/stories/seed/article.md").read_text()
    headline = "Tajikistan co-operates with Interpol to fight trans-national crime"
    assert f'headline: "{headline}"' in article
    assert 'byline: "By Nadin Bahrom"' in article
    assert 'dateline: "DUSHANBE"' in article
    assert 'caption: "Tajik militants are shown in Syria September 20."' in article
    assert 'credit: "Odnoklassniki photo obtained by Nadin Bahrom"' in article
    for chrome in ("Do you like this article", "Comment(s)", "Comment Policy", "Related articles",
                   "All rights reserved", "About us"):
        assert chrome not in article
    assert article.count("\n## ") == 3
    texts = paragraphs_of(minimal_project, "seed")
    assert len(texts) == 36
    assert texts[0].startswith("DUSHANBE -- Tajikistan is strengthening co-operation")
    # The ids match the hand-made story: its reviewed facts validate against the new article.
    shutil.copy(SEED_FACTS, minimal_project / "content/stories/seed/facts.yaml")
    seed = copy_seed_project(minimal_project.parent / "seed")
    for name in ("people", "organisations", "places"):
        shutil.copytree(seed / "content" / name, minimal_project / "content" / name,
                        dirs_exist_ok=True)
    capsys.readouterr()
    assert main(["--root", str(minimal_project), "check"]) == 0, capsys.readouterr().out


@pytest.mark.parametrize("doc, headline, date, paragraphs", [
    ("GUM_news_iodine", "Australian children suffering from iodine deficiency", "2006-02-23", 15),
    ("GUM_news_expo", "Pop culture celebrated at Fan Expo Canada 2016 in Toronto", "2016-09-07",
     19),
])
def test_corpus_articles(minimal_project: Path, doc: str, headline: str, date: str,
                         paragraphs: int) -> None:
    assert new(minimal_project, "story", CORPUS / f"{doc}.txt", "--outlet", "Wikinews",
               "--licence", "CC BY 2.5") == 0
    article = (minimal_project / "content/stories/story/article.md").read_text()
    assert f'headline: "{headline}"' in article
    assert f'published: "{date}"' in article
    assert 'licence: "CC BY 2.5"' in article
    texts = paragraphs_of(minimal_project, "story")
    assert len(texts) == paragraphs
    source = (CORPUS / f"{doc}.txt").read_text(encoding="utf-8")
    for text in texts:
        assert text in " ".join(source.split()), "paragraph text must be the article's own"
    assert main(["--root", str(minimal_project), "check", "--strict"]) == 0


def test_refuses_to_overwrite_without_force(minimal_project: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    target = minimal_project / "content/stories/sample/article.md"
    before = target.read_text()
    assert new(minimal_project, "sample", PAGES / "seed.txt") == 2
    assert "already exist" in capsys.readouterr().err
    assert target.read_text() == before
    assert new(minimal_project, "sample", PAGES / "seed.txt", "--force") == 0
    assert (target.parent / "article.md.bak").read_text() == before
    assert (target.parent / "facts.yaml.bak").is_file()


@pytest.mark.parametrize("slug", ["../escape", "Bad Slug", "a/b", ""])
def test_bad_slugs_are_refused(minimal_project: Path, slug: str) -> None:
    assert new(minimal_project, slug, PAGES / "seed.txt") == 2
    assert not (minimal_project / "escape").exists()


def test_markdown_input(tmp_path: Path) -> None:
    source = tmp_path / "story.md"
    source.write_text("# A headline\n\nBy Ann Lee\n\nLONDON -- First *paragraph*.\n\n"
                      "## A subhead\n\nSecond paragraph.\n\nShare on Facebook\n")
    raw = read_article(source)
    assert (raw.headline, raw.byline, raw.dateline) == ("A headline", "By Ann Lee", "LONDON")
    assert [(b.kind, b.text) for b in raw.blocks] == [
        ("paragraph", "LONDON -- First paragraph."), ("heading", "A subhead"),
        ("paragraph", "Second paragraph.")]
    assert raw.removed == ["Share on Facebook"]


@pytest.mark.parametrize("text", [
    "1. Not a list", "- not a list", "# not a heading", "> not a quote", "{#p3} not an id",
    "*stars* _under_ `ticks` <tags> &amp; [link](x) \\ back", "=== not a rule",
])
def test_paragraph_text_reads_back_exactly(text: str) -> None:
    parsed = parse_body("{#p1}\n" + escape_paragraph(text) + "\n", "a.md", 1)
    assert [p.text for p in parsed.paragraphs] == [text]
