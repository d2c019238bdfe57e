"""Pictures in the generated site: content images resized, share and quote cards drawn, cards
and meta tags pointing at them, the image cache reused between builds without changing a byte.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from explainer.cli.main import main
from explainer.pipeline import PICTURE_CACHE, Caches, generate
from explainer.project import Project

from .conftest import MINIMAL, REPO, copy_project

PICTURES = REPO / "tests" / "fixtures" / "images"
BASE_URL = "https://explainers.example/"


def add_front_matter(path: Path, lines: str) -> None:
    text = path.read_text()
    head, body = text.split("\n---\n", 1)
    path.write_text(f"{head}\n{lines}\n---\n{body}")


def project_with_pictures(root: Path) -> Path:
    """The minimal project with a portrait, a logo and a lead picture (as the README shows)."""
    copy_project(root, MINIMAL)
    content = root / "content"
    shutil.copy(PICTURES / "portrait.jpg", content / "people" / "jane-doe.jpg")
    (content / "images").mkdir()
    shutil.copy(PICTURES / "logo.png", content / "images" / "council.png")
    shutil.copy(PICTURES / "bridge.jpg", content / "stories" / "sample" / "bridge.jpg")
    add_front_matter(content / "people" / "jane-doe.md",
                     "image:\n  file: jane-doe.jpg\n  credit: Sampletown Council\n"
                     "  licence: CC BY 4.0")
    add_front_matter(content / "organisations" / "sampletown-council.md",
                     "image: {file: /images/council.png, credit: Sampletown Council, "
                     "licence: CC0}")
    add_front_matter(content / "stories" / "sample" / "article.md",
                     "image:\n  file: bridge.jpg\n  alt: The new bridge over the river\n"
                     "  credit: Photo by John Smith\n  licence: CC BY 4.0")
    site = content / "site.yaml"
    site.write_text(site.read_text() + f"base_url: {BASE_URL}\n")
    return root


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return Project.at(project_with_pictures(tmp_path / "project"))


def size_of(data: bytes) -> tuple[int, int]:
    with Image.open(io.BytesIO(data)) as picture:
        return picture.size


def direct_quotes(project: Project) -> list[str]:
    graph = generate(project).graph
    return [q.id for s in graph.stories for q in s.quotes if q.model.kind == "direct"]


def test_every_story_profile_and_direct_quote_has_its_card(project: Project) -> None:
    generated = generate(project)
    files, graph = generated.pages.contents(), generated.graph
    cards = [f"social/stories/{s.slug}.png" for s in graph.stories]
    cards += [f"social/people/{p}.png" for p in graph.people]
    cards += [f"social/organisations/{o}.png" for o in graph.organisations]
    cards += [f"social/quotes/{q.story.slug}/{q.id}.png" for s in graph.stories
              for q in s.quotes if q.model.kind == "direct"]
    cards.append("social/site.png")
    assert sorted(p for p in files if p.startswith("social/")) == sorted(cards)
    assert any("/quotes/" in c for c in cards)
    for card in cards:
        assert size_of(files[card]) == (1200, 630)
    paraphrases = [q for s in graph.stories for q in s.quotes if q.model.kind == "paraphrase"]
    assert paraphrases and not any(f"social/quotes/sample/{q.id}.png" in files
                                   for q in paraphrases)


def test_content_pictures_are_resized_copies(project: Project) -> None:
    files = generate(project).pages.contents()
    assert size_of(files["images/people/jane-doe.jpg"]) == (320, 320)
    assert size_of(files["images/organisations/sampletown-council.png"]) == (320, 160)
    assert size_of(files["images/stories/sample.jpg"]) == (1280, 720)
    assert b"Explainer test camera" not in files["images/people/jane-doe.jpg"]


def test_pages_show_pictures_and_fall_back_to_initials(project: Project) -> None:
    files = generate(project).pages.files
    overview = files["stories/sample/index.md"].decode()
    whos_who = overview.split("## Who's who", 1)[1].split("\n## ", 1)[0]
    assert '![](../../images/people/jane-doe.jpg){: .avatar .avatar--portrait width="320" ' \
        'height="320" loading="lazy" }' in whos_who
    assert "[Jane Doe](../../people/jane-doe.md)" in whos_who
    assert "![The new bridge over the river](../../images/stories/sample.jpg)" in overview
    assert "Photo by John Smith · CC BY 4.0" in overview
    people = files["people/index.md"].decode()
    assert '<span class="avatar avatar--' in people and 'aria-hidden="true">JS</span>' in people
    profile = files["people/jane-doe.md"].decode()
    assert "(../images/people/jane-doe.jpg)" in profile and "Sampletown Council · CC BY 4.0" \
        in profile


def test_the_quotes_page_links_each_direct_quote_to_its_card(project: Project) -> None:
    quotes = generate(project).pages.files["stories/sample/quotes.md"].decode()
    for quote_id in direct_quotes(project):
        assert f"(../../social/quotes/sample/{quote_id}.png){{: .quote-card-link }}" in quotes


def test_pictures_are_the_same_bytes_drawn_or_from_the_cache(project: Project) -> None:
    first = generate(project)
    assert first.drawn == first.pictures > 0
    cache = project.root.joinpath(*PICTURE_CACHE)
    assert len([p for p in cache.rglob("*") if p.is_file()]) == first.pictures
    again = generate(project)
    assert again.drawn == 0
    shutil.rmtree(cache)
    fresh = generate(project)
    assert fresh.drawn == first.pictures
    assert first.pages.contents() == again.pages.contents() == fresh.pages.contents()
    assert "social/site.png" in again.pages.linked  # read from the cache, not drawn


def test_an_edit_draws_only_the_pictures_it_changes(project: Project) -> None:
    caches = Caches()
    generate(project, caches)
    article = project.content_dir / "stories/sample/article.md"
    facts = project.content_dir / "stories/sample/facts.yaml"
    for path in (article, facts):
        path.write_text(path.read_text().replace("build this bridge", "build the bridge"))
    edited = generate(project, caches)
    assert edited.drawn == 1  # the card of the quote that changed; nothing else
    card = edited.pages.read("social/quotes/sample/q1.png")
    assert card == generate(project).pages.read("social/quotes/sample/q1.png")


def test_unused_pictures_leave_the_cache_after_a_build(project: Project) -> None:
    generate(project)
    site = project.content_dir / "site.yaml"
    site.write_text(site.read_text().replace("title: Sample explainers", "title: Samples"))
    changed = generate(project)  # every card shows the site's name: all drawn again
    cache = project.root.joinpath(*PICTURE_CACHE)
    kept = [p for p in cache.rglob("*") if p.is_file()]
    assert len(kept) == changed.pictures


@pytest.mark.engine
def test_pages_carry_share_metadata(project: Project) -> None:
    assert main(["--root", str(project.root), "build"]) == 0
    site = project.root / "site"
    soup = BeautifulSoup((site / "stories/sample/index.html").read_text(), "html.parser")

    def meta(key: str, value: str) -> str:
        found = soup.find("meta", attrs={key: value})
        assert found is not None, value
        return str(found["content"])

    assert meta("property", "og:type") == "article"
    assert meta("property", "og:title") == "Sampletown opens a new bridge"
    assert meta("property", "og:image") == BASE_URL + "social/stories/sample.png"
    assert meta("property", "og:url") == BASE_URL + "stories/sample/"
    assert (meta("property", "og:image:width"), meta("property", "og:image:height")) == \
        ("1200", "630")
    assert meta("name", "twitter:card") == "summary_large_image"
    assert meta("name", "twitter:image") == BASE_URL + "social/stories/sample.png"
    assert (site / "social/stories/sample.png").is_file()
    profile = BeautifulSoup((site / "people/jane-doe/index.html").read_text(), "html.parser")
    image = profile.find("meta", attrs={"property": "og:image"})
    assert image is not None and image["content"] == BASE_URL + "social/people/jane-doe.png"
    home = BeautifulSoup((site / "index.html").read_text(), "html.parser")
    image = home.find("meta", attrs={"property": "og:image"})
    assert image is not None and image["content"] == BASE_URL + "social/site.png"
