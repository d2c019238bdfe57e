import pytest

from explainer.model.markdown_policy import markdown_problem


@pytest.mark.parametrize("text", [
    "Plain *Markdown* with a [link](https://example.org) and `code`.",
    "Relative [links](../people/x.md) and [anchors](#roles) and [mail](mailto:a@b.org).",
    "```\n<script>in a closed code block</script>\n```",
    "An escaped brace \\{: not attributes }",
    "`{: inline code}` is fine",
    "A less-than sign: a < b, written &lt;b or `\\<b` in code",
    "",
])
def test_acceptable_markdown(text: str) -> None:
    assert markdown_problem(text) is None


@pytest.mark.parametrize("text, fragment", [
    ("Hi <script>alert(1)</script>", "raw HTML is not allowed"),
    ("<div onclick='x'>block</div>", "raw HTML is not allowed"),
    ("[x](javascript:alert(1))", "link to 'javascript:alert(1' is not allowed"),
    ("[x]( JAVA&#x09;SCRIPT:alert(1))", "is not allowed"),
    ("[x](data:text/html;base64,xx)", "is not allowed"),
    ("[ref]: vbscript:msgbox", "is not allowed"),
    ("![img](javascript:x)", "is not allowed"),
    ("text\n{: onclick=\"x\" }", "attribute lists"),
    ("## Heading {#id}", "attribute lists"),
    ("Intro\n\n```python\nprint(1)\n", "code block opened on line 3 of the text is never closed"),
    # found by the property tests: the next <div markdown> of the page was left unprocessed
    ("Less than \\<b> here", "'\\<b' (line 1 of the text) reads as the start of an HTML tag"),
])
def test_refused_markdown(text: str, fragment: str) -> None:
    problem = markdown_problem(text)
    assert problem is not None and fragment in problem
