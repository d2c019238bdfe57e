"""`build.py new` on saved pages that defeat main-text extraction (tests/fixtures/pages/import/).

Each page lists sentences of its article that must be kept and page text that must not become
article text (navigation, widgets, captions, credits)."""

from __future__ import annotations

from pathlib import Path

import pytest

from explainer.cli import main
from explainer.ingest import read_article
from explainer.ingest.chrome import is_credit_line

PAGES = Path(__file__).parent / "fixtures" / "pages" / "import"

CASES = {
    "jsonld-body.html": (
        "JSON-LD articleBody",
        ["The town council of Eastholm voted on Tuesday to rebuild the ferry pier",
         "The new pier will cost 4.2 million euros, council treasurer Pieter Dane said",
         '"We cannot leave the islands without a daily crossing for another summer," Mayor Ilse',
         "Work is expected to start in May and to last about ten months"],
        ["Subscribe to our newsletter", "Most read", "Storm closes coast road",
         "Please enable JavaScript", "All rights reserved", "Privacy policy"],
    ),
    "lead-outside.html": (
        "JSON-LD articleBody",
        ["Northgate's central library will open on Sundays from February",
         "The library has been closed on Sundays since 2011",
         "The council will pay for the extra hours with 150,000 pounds",
         '"A library that is shut when people are free is not much use to them," Okoye said.',
         "Staff unions said they had agreed to the new rota"],
        ["Sign up for our newsletter", "Weather: 7°C", "What's on", "Contact"],
    ),
    "captions.html": (
        "trafilatura",
        ["The Millbrook rail bridge reopened on Saturday as a path for cyclists and walkers",
         "Volunteers spent three summers replacing the rotten deck boards",
         '"People told us it would never happen," said Grace Whitfield',
         "The path links the two halves of the valley trail",
         "A ribbon was cut by the oldest member of the group"],
        ["Cyclists cross the restored", "Photo by", "New railings line the deck",
         "Millbrook Heritage Trust", "Related stories", "Share this article"],
    ),
    "div-body.html": (
        "trafilatura",
        ["The regional water board has ordered the Ridgefield reservoir to be drained",
         "Inspectors first noticed the damage during a routine survey in August",
         "About 12,000 households that draw their water from the reservoir",
         '"There is no immediate danger to anyone living below the dam',
         "Repairs are expected to take at least eighteen months",
         "Local anglers' clubs said they would ask the board to move the fish"],
        ["Read more: flood defences", "14 comments", "Leave a comment", "Log in", "About us"],
    ),
}


@pytest.mark.parametrize("page", sorted(CASES))
def test_article_text_is_kept_and_chrome_is_not(page: str) -> None:
    source, sentences, chrome = CASES[page]
    raw = read_article(PAGES / page)
    body = "\n".join(b.text for b in raw.blocks)
    assert raw.extractor is not None and raw.extractor.startswith(source)
    for sentence in sentences:
        assert sentence in body, sentence
    for text in chrome:
        assert text not in body, text
    assert len([b for b in raw.blocks if b.kind == "paragraph"]) == len(sentences)


def test_captions_and_credits_go_to_the_photo() -> None:
    raw = read_article(PAGES / "captions.html")
    assert raw.photo_caption == "Cyclists cross the restored Millbrook rail bridge on Saturday."
    assert raw.photo_credit == "Ana Duarte/Valley Post"
    assert "(Photo by Ana Duarte / Valley Post)" in raw.removed


def test_front_matter_says_which_extractor_produced_the_text(minimal_project: Path) -> None:
    assert main(["--root", str(minimal_project), "new", "library", "--from",
                 str(PAGES / "lead-outside.html")]) == 0
    article = (minimal_project / "content/stories/library/article.md").read_text()
    front_matter = article.split("\n---\n")[0]
    assert "# text extracted by: JSON-LD articleBody; trafilatura" in front_matter
    assert 'headline: "Library to open on Sundays from next month"' in front_matter
    assert main(["--root", str(minimal_project), "check"]) == 0


@pytest.mark.parametrize("line", ["(Photo by Ana Duarte / Valley Post)", "Image: Reuters",
                                  "Photograph: Jane Roe/AP", "Credit: Getty Images",
                                  "Photos: Wikimedia Commons"])
def test_credit_lines(line: str) -> None:
    assert is_credit_line(line)


@pytest.mark.parametrize("line", [
    "Photographers were kept behind a fence during the ceremony.",
    "Image: a very long line that goes on and on to describe a photograph in full detail as a "
    "sentence of the article would, which no credit line ever does",
    "Credits for the film include three directors, the festival said.",
])
def test_sentences_about_photos_are_not_credit_lines(line: str) -> None:
    assert not is_credit_line(line)
