import pytest

from explainer.link.provenance import (
    QuoteMatch,
    figure_in_text,
    find_quote,
    normalise,
    quote_segments,
)

P6 = ('"One of the performance indicators for [Tajik-Interpol] co-operation is the arrest and '
      'extradition of dozens of Tajik citizens," Rakhimzoda said at the conference. "Interpol '
      "member states' law enforcement detained them ... for complicity in terrorist activities.\"")


def test_normalise_maps_back_to_the_original() -> None:
    text = "''We   are\u2019 here\u201d"
    normal = normalise(text)
    assert normal.text == "\"We are' here\""
    assert normal.original_span(1, 3) == (2, 4)


def test_segments_split_on_omissions_and_drop_enclosing_marks() -> None:
    assert quote_segments('"detained them ... for complicity\u2026 in it."') == (
        "detained them", "for complicity", "in it.")


@pytest.mark.parametrize("quote", [
    "Interpol member states' law enforcement detained them ... for complicity in terrorist "
    "activities.",
    "Interpol member states\u2019 law enforcement detained them \u2026 for complicity",
    "One of the performance   indicators for [Tajik-Interpol] co-operation",
    "\u201cOne of the performance indicators\u201d",
])
def test_verbatim_quotes_are_found(quote: str) -> None:
    assert isinstance(find_quote(quote, [P6]), QuoteMatch)


def test_spans_point_at_the_original_characters() -> None:
    found = find_quote("detained them ... for complicity", [P6])
    assert isinstance(found, QuoteMatch)
    assert [P6[a:b] for _, a, b in found.spans] == ["detained them", "for complicity"]


def test_a_quote_may_continue_in_the_next_cited_paragraph() -> None:
    found = find_quote("the end of one. And the start", ["Text at the end of one.",
                                                          "And the start of two."])
    assert isinstance(found, QuoteMatch)
    assert [p for p, _, _ in found.spans] == [0, 1]  # one segment, split per paragraph
    assert isinstance(find_quote("end of one. ... start of two", ["the end of one.",
                                                                  "the start of two."]),
                      QuoteMatch)


@pytest.mark.parametrize("quote, message", [
    ("Interpol member states law enforcement", "the article has ''' after 'member states'"),
    ("the arrest and extraction of dozens", "'extraction' differs from 'extradition'"),
    ("for complicity in terrorist activities ... detained them",
     "'detained them' is not in the cited paragraph(s)"),
    ("Nothing like this at all", "is not in the cited paragraph(s)"),
])
def test_mismatches_are_explained(quote: str, message: str) -> None:
    found = find_quote(quote, [P6])
    assert isinstance(found, str)
    assert message in found


@pytest.mark.parametrize("value, text, expected", [
    (151, "repatriated 151 Tajiks", True),
    (5, "Jamaat Ansarullah (five)", True),
    (1400, "about 1,400km of border", True),
    (1000, "slightly more than 1,000 Tajiks", True),
    (8, "prevented eight terrorist attacks", True),
    (12_000_000, "cost 12 million dollars", True),
    (21, "twenty-one people", True),
    (15, "In 2015 and", False),
    (1000, "10,000 people", False),
    (5, "5.5 percent", False),
    (2.5, "a 2.5 percent rise", True),
])
def test_figure_values_in_digits_or_words(value: float, text: str, expected: bool) -> None:
    assert figure_in_text(value, text) is expected


def test_a_billion_and_a_million_are_one() -> None:
    assert figure_in_text(1_000_000_000, "a billion-year contract")
    assert figure_in_text(1_000_000, "worth a million dollars")
