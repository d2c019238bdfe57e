"""Abbreviation tooltips: dotted abbreviations, and meanings limited to some stories."""

from __future__ import annotations

import markdown

from explainer.link.graph import Abbreviation
from explainer.render.abbreviations import Abbreviations, abbr_key

ITALY, UZBEKISTAN = "italy-budget", "uzbek-militants"
STORIES = frozenset({ITALY, UZBEKISTAN, "other"})
TERMS = [
    Abbreviation("IMU", "Islamic Movement of Uzbekistan"),  # an organisation's, site-wide
    Abbreviation("U.S.", "United States"),
    Abbreviation("IMU", "Imposta municipale unica", frozenset({ITALY})),
]


def sources(*slugs: str) -> frozenset[str]:
    return frozenset(f"content/stories/{slug}/article.md" for slug in slugs) | {
        "content/people/someone.md"}


def html(text: str, block: str) -> str:
    return markdown.markdown(text + block, extensions=["abbr"])


def test_a_dotted_abbreviation_gets_its_tooltip() -> None:
    text = "Officials in the U.S. said so."
    block = Abbreviations(TERMS, STORIES).block(text)
    assert '<abbr title="United States">U.S</abbr>.' in html(text, block)
    assert abbr_key("U.S.") == "U.S" and abbr_key("NATO") == "NATO" and abbr_key(".") == "."


def test_each_story_shows_its_own_meaning() -> None:
    abbreviations = Abbreviations(TERMS, STORIES)
    text = "The IMU rose."
    italy = html(text, abbreviations.block(text, sources(ITALY)))
    assert '<abbr title="Imposta municipale unica">IMU</abbr>' in italy
    uzbek = html(text, abbreviations.block(text, sources(UZBEKISTAN)))
    assert '<abbr title="Islamic Movement of Uzbekistan">IMU</abbr>' in uzbek


def test_a_page_mixing_both_meanings_gets_no_tooltip_rather_than_a_wrong_one() -> None:
    abbreviations = Abbreviations(TERMS, STORIES)
    assert abbreviations.block("The IMU.", sources(ITALY, UZBEKISTAN)) == ""
    assert abbreviations.block("The IMU.") == ""  # a site-wide page (every story)
    assert abbreviations.expansion("IMU", frozenset()) == "Islamic Movement of Uzbekistan"


def test_a_meaning_only_some_stories_have_is_not_shown_elsewhere() -> None:
    only_scoped = Abbreviations([Abbreviation("STC", "Sampletown Tax", frozenset({ITALY}))],
                                STORIES)
    assert only_scoped.block("STC", sources(UZBEKISTAN)) == ""
    assert only_scoped.block("STC", sources(ITALY)) == "\n*[STC]: Sampletown Tax\n"


def test_the_signature_changes_with_a_scope() -> None:
    before = Abbreviations(TERMS, STORIES).signature()
    moved = [*TERMS[:2], Abbreviation("IMU", "Imposta municipale unica", frozenset({"other"}))]
    assert Abbreviations(moved, STORIES).signature() != before
