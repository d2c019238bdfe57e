"""text.py: tokens keep exact offsets; sentences respect abbreviations and quotations."""

from explainer.extract.text import Document, tokenize


def test_tokens_have_exact_offsets() -> None:
    text = "Mr. Smith's co-founder said \u201cno\u201d to U.S. officials, 1,400km away."
    for tok in tokenize(text):
        assert text[tok.start : tok.end] == tok.text


def test_token_kinds() -> None:
    toks = tokenize("''We are\" 1,000 Tajiks' e.g. Secunia.com")
    kinds = {t.text: t.kind for t in toks}
    assert kinds["''"] == "quote"
    assert kinds['"'] == "quote"
    assert kinds["1,000"] == "num"
    assert kinds["Secunia.com"] == "word"


def sentences_of(text: str) -> list[str]:
    doc = Document.from_text(text)
    return [text[s.start : s.end] for s in doc.sentences]


def test_sentence_split_abbreviations_and_initials() -> None:
    text = "Mr. Toccafondi met L. Ron Hubbard. He left."
    assert sentences_of(text) == ["Mr. Toccafondi met L. Ron Hubbard.", "He left."]


def test_sentence_split_after_quotation() -> None:
    text = '"It is over," he said. "We go home." She agreed.'
    assert sentences_of(text) == ['"It is over," he said.', '"We go home."', "She agreed."]


def test_paragraph_break_ends_sentence() -> None:
    text = "First line without stop\n\nSecond paragraph."
    doc = Document.from_text(text)
    assert len(doc.paragraphs) == 2
    assert [s.paragraph for s in doc.sentences] == [0, 1]
