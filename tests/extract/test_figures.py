"""figures.py: numbers in digits and words with unit, qualifier and what they count."""

from explainer.extract import Figure, extract
from explainer.extract.figures import words_to_number


def figures(text: str) -> list[Figure]:
    return list(extract(text).figures)


def test_digits_words_and_counts() -> None:
    got = figures("Police repatriated 151 Tajiks and five others.")
    assert [(f.text, f.value, f.counts) for f in got] == [
        ("151", 151.0, "Tajiks"),
        ("five", 5.0, "others"),
    ]


def test_qualifier_and_unit() -> None:
    (a, b) = figures(
        "Presently slightly more than 1,000 Tajiks fight along about 1,400km of border."
    )
    assert (a.text, a.value, a.qualifier) == (
        "slightly more than 1,000",
        1000.0,
        "slightly more than",
    )
    assert (b.text, b.value, b.unit, b.qualifier, b.counts) == (
        "about 1,400km",
        1400.0,
        "km",
        "about",
        "border",
    )


def test_vague_quantities_and_currency() -> None:
    (a, b) = figures("Dozens of citizens paid US$ 20,000 bail.")
    assert a.vague and a.value is None and a.counts == "citizens"
    assert (b.value, b.unit) == (20000.0, "US$")


def test_percent_and_scale_words() -> None:
    (a, b) = figures("It fell 56 percent; two billion people are at risk.")
    assert (a.value, a.unit) == (56.0, "percent")
    assert b.value == 2e9


def test_words_to_number() -> None:
    assert words_to_number("twenty-one") == 21
    assert words_to_number("one hundred and five") == 105
    assert words_to_number("dozens") is None


def test_dates_are_not_figures() -> None:
    assert figures("On September 24, 2010 he left.") == []
