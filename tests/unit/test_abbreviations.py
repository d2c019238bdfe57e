"""The abbreviation definitions added to each page (`*[term]: expansion`, Python-Markdown's
`abbr`): a tooltip wherever the term is printed, and nothing else."""

from __future__ import annotations

import markdown

from explainer.render.pages import Abbreviations


def render(text: str) -> str:
    return markdown.markdown(text, extensions=["abbr", "pymdownx.escapeall"])


def test_a_term_that_cannot_be_defined_gets_no_definition_line() -> None:
    # `*[X\\Y]: ...` is no definition to Python-Markdown: the line was a paragraph, and the
    # expansion in it raw HTML (a term with a backslash and an expansion with an event handler)
    abbreviations = Abbreviations({"X\\Y": "<img src=x onerror=alert(1)>", "STC": "Council"})
    text = "The STC and X\\Y and X\\\\Y.\n"
    block = abbreviations.block(text)
    assert block == "\n*[STC]: Council\n"
    html = render(text + block)
    assert "<img" not in html and '<abbr title="Council">STC</abbr>' in html
