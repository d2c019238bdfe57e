"""quotes.py: pairing of quotation marks, including news conventions."""

from explainer.extract.quotes import find_quotations, looks_like_name
from explainer.extract.text import Document


def spans(text: str) -> list[str]:
    doc = Document.from_text(text)
    return [text[q.start : q.end] for q in find_quotations(doc)]


def test_straight_and_curly_marks() -> None:
    text = 'He said "yes," and she said \u201cno.\u201d'
    assert spans(text) == ['"yes,"', "\u201cno.\u201d"]


def test_double_apostrophe_opens_a_quotation() -> None:
    text = "''We are co-operating,\" he said."
    assert spans(text) == ["''We are co-operating,\""]


def test_quotation_continued_across_paragraphs() -> None:
    text = 'She said: "First part.\n\n"Second part."\n\nAfter.'
    assert spans(text) == ['"First part.\n\n"Second part."']


def test_missing_reopening_mark_still_joins_paragraphs() -> None:
    text = 'He said, "I think so.\n\nIt was a day."'
    assert spans(text) == ['"I think so.\n\nIt was a day."']


def test_paragraph_that_only_closes() -> None:
    text = 'Intro.\n\nThey represent us. Nothing will stop us."'
    assert spans(text) == ['They represent us. Nothing will stop us."']


def test_titles_are_names_not_speech() -> None:
    text = 'members of the "Islamic State of Iraq and the Levant" (ISIL) said "we will win"'
    doc = Document.from_text(text)
    quotes = find_quotations(doc)
    assert [looks_like_name(doc, q) for q in quotes] == [True, False]
