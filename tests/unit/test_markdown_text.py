"""Escaped text must come out of the Markdown engine as exactly that text, and inert."""

import html
import re

import markdown
import pytest

from explainer.render.markdown_text import Md, attribute, escape, escape_title, join

EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "md_in_html", "tables", "toc",
              "pymdownx.escapeall", "pymdownx.superfences"]

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "**bold** _em_ `code` ~~strike~~ ==mark== ^^ins^^",
    "{{ 7*7 }} {% include 'x' %}",
    "# heading",
    "1. not a list",
    "- not a list",
    "> not a quote",
    "text {: onclick=\"alert(1)\" }",
    "a | table | row",
    "*[ABBR]: not a definition",
    "[^1] footnote",
    "&amp; &lt; stays literal",
    "``` fence",
    "line one\nline two\n\n# after blank line",
    "back\\slash \\* escaped",
    ":smile: :emoji:",
    ". leading dot",
    "+ plus",
]


def render(source: str) -> str:
    return markdown.markdown(source, extensions=EXTENSIONS)


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_renders_as_itself(text: str) -> None:
    out = render(str(escape(text)))
    assert out.startswith("<p>") and out.endswith("</p>")
    inner = out[3:-4]
    assert "<" not in inner.replace("&lt;", "")  # no element was created
    assert html.unescape(inner) == " ".join(text.split())


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_is_inert_inside_a_link_label(text: str) -> None:
    out = render(f"[{escape(text)}](page.md)")
    assert re.fullmatch(r'<p><a href="page.md">[^<]*</a></p>', out)


@pytest.mark.parametrize("text", [*HOSTILE, 'He said "hi" & left', "a\\b",
                                  # found by the property tests: `')` ended the title
                                  "the so-called 'Islamic State') and O'Neil"])
def test_link_titles_carry_text_and_nothing_else(text: str) -> None:
    out = render(f'[p1](page.md "{escape_title(text)}")')
    title = re.fullmatch(r'<p><a href="page.md" title="([^"]*)">p1</a></p>', out)
    assert title is not None
    assert html.unescape(title.group(1)) == " ".join(text.split())


@pytest.mark.parametrize("text", [*HOSTILE, "sc]( [dJf | bridge) r"])
def test_link_titles_stay_whole_inside_a_table_cell(text: str) -> None:
    # a `|` in a citation's title once ended the table cell around it (found by the property
    # tests): the link lost its target and title
    out = render(f'| A | B |\n| --- | --- |\n| x | [p1](page.md "{escape_title(text)}") |\n')
    cell = re.search(r'<td><a href="page.md" title="([^"]*)">p1</a></td>', out)
    assert cell is not None, out
    assert html.unescape(cell.group(1)) == " ".join(text.split())


def test_md_values_pass_through_and_join_escapes_the_rest() -> None:
    assert escape(Md("**ok**")) == "**ok**"
    assert join([Md("[a](b.md)"), "*x*"], " · ") == "[a](b.md) · \\*x\\*"
    assert attribute('x" onclick="y') == "x&quot; onclick=&quot;y"
