from explainer.load.articles import parse_body

BODY = """{#p1}
DUSHANBE -- Tajikistan *is* working with <b>Interpol</b> & [friends](http://x).
Second line.

{#amnesty}
## Dozens of returnees

{#p2}
> A quoted statement
> over two lines.

{#p2a}
1\\. Not a list.
"""


def test_paragraph_ids_sections_and_plain_text() -> None:
    parsed = parse_body(BODY, "a.md", first_line=10)
    assert not parsed.diagnostics
    assert [(p.id, p.number, p.line, p.section, p.kind) for p in parsed.paragraphs] == [
        ("p1", 1, 11, None, "paragraph"),
        ("p2", 2, 18, "amnesty", "blockquote"),
        ("p2a", 3, 22, "amnesty", "paragraph"),
    ]
    first = parsed.paragraphs[0].text
    assert first == ("DUSHANBE -- Tajikistan is working with <b>Interpol</b> & friends. "
                     "Second line.")
    assert parsed.paragraphs[1].text == "A quoted statement over two lines."
    assert parsed.paragraphs[2].text == "1. Not a list."
    assert parsed.order == (("paragraph", "p1"), ("section", "amnesty"), ("paragraph", "p2"),
                            ("paragraph", "p2a"))


def test_problems_are_listed_with_lines() -> None:
    body = "{#p1}\nOne.\n\nTwo without id.\n\n{#p1}\nThree.\n\n- a list\n\n{#Bad Id}\nFour.\n"
    messages = [d.format() for d in parse_body(body, "a.md", first_line=5).diagnostics]
    assert messages == [
        "a.md:8:1: error: paragraph has no id: add a line such as {#p2} just before it",
        "a.md:11:1: error: duplicate id 'p1' (first used on line 6)",
        "a.md:13:1: error: a list is not supported in an article body; write each paragraph as "
        "plain text (escape a leading '-', '#' or '1.' with a backslash)",
        "a.md:15:1: error: '{#Bad Id}' is not a valid paragraph id line: write {#p12} "
        "(lowercase letters, digits and hyphens)",
    ]


def test_headings_get_a_slug_when_no_id_is_given() -> None:
    parsed = parse_body("## Militants' defeat: more dangers\n\n{#p1}\nText.\n", "a.md", 1)
    assert parsed.sections[0].id == "militants-defeat-more-dangers"
