"""The abbreviation definitions a page gets (`*[term]: expansion` for Python-Markdown's `abbr`)
add tooltips and nothing else, whatever the glossary's terms and expansions hold and whatever
editors' Markdown (that the Markdown policy accepts) the page carries."""

from __future__ import annotations

from collections import Counter

import markdown
from bs4 import BeautifulSoup
from hypothesis import assume, example, given
from hypothesis import strategies as st

from explainer.link.graph import Abbreviation
from explainer.model.markdown_policy import markdown_problem
from explainer.render.abbreviations import Abbreviations

from .sites import HOSTILE, WORDS

_PIECES = st.sampled_from(HOSTILE) | st.sampled_from(WORDS) | st.just(" ")
_TEXT = st.lists(_PIECES, min_size=1, max_size=8).map("".join)
#: a glossary's term or expansion: one line of text, as the content model folds it
_FIELD = _TEXT.map(lambda text: " ".join(text.split())).filter(bool)


def elements(html: str) -> Counter[str]:
    return Counter(element.name for element in BeautifulSoup(html, "html.parser").find_all(True))


@given(st.dictionaries(_FIELD, _FIELD, min_size=1, max_size=3), st.lists(_TEXT, max_size=4))
@example({"X\\Y": "<img src=x onerror=alert(1)>"}, ["the X\\Y said"])  # raw HTML, once
def test_definitions_add_tooltips_and_nothing_else(glossary: dict[str, str],
                                                   words: list[str]) -> None:
    text = " ".join([*words, *glossary]) + "\n"  # editors' Markdown naming every term
    assume(markdown_problem(text) is None)
    extensions = ["abbr", "attr_list", "md_in_html", "pymdownx.escapeall"]
    alone = markdown.markdown(text, extensions=extensions)
    abbreviations = Abbreviations([Abbreviation(term, expansion)
                                   for term, expansion in glossary.items()], frozenset())
    defined = markdown.markdown(text + abbreviations.block(text), extensions=extensions)
    added = elements(defined) - elements(alone)
    assert set(added) <= {"abbr"}, added
