"""dates.py: EDTF values for absolute, partial and relative expressions."""

from edtf import parse_edtf

from explainer.extract import Extraction, extract


def values(text: str, article_date: str | None = None) -> list[tuple[str, str | None, bool]]:
    return [
        (d.text, d.edtf, d.year_inferred) for d in extract(text, article_date=article_date).dates
    ]


def test_absolute_and_period_expressions() -> None:
    got = values("In 2015 and the first eight months of 2016, police acted. On March 4, 2011 too.")
    assert got == [
        ("2015", "2015", False),
        ("the first eight months of 2016", "2016-01/2016-08", False),
        ("March 4, 2011", "2011-03-04", False),
    ]


def test_day_range_takes_year_from_context() -> None:
    got = values("In 2016 the numbers rose. He spoke at a September 19-20 conference.")
    assert got[-1] == ("September 19-20", "2016-09-19/2016-09-20", True)


def test_month_day_without_any_year_is_unspecified() -> None:
    assert values("Militants are shown in Syria September 20.") == [
        ("September 20", "XXXX-09-20", False)
    ]


def test_relative_dates_need_an_article_date() -> None:
    text = "Yesterday he arrived; last Tuesday he left; last week was busy; two years ago it began."
    without = extract(text).dates
    assert [d.edtf for d in without] == [None, None, None, None]
    assert all(d.relative for d in without)
    got = values(text, article_date="2016-09-22")
    assert [v for _, v, _ in got] == ["2016-09-21", "2016-09-20", "2016-09-12/2016-09-18", "2014"]


def test_dateline_is_the_article_date() -> None:
    result = extract("Title\n\nSaturday, October 9, 2010\n\nHe was released on Thursday.")
    assert result.article_date == "2010-10-09"
    assert result.dates[-1].edtf == "2010-10-07"


def test_counts_are_not_years() -> None:
    assert values("A survey of 1709 schoolchildren was carried out.") == []


def test_every_value_is_valid_edtf(
    corpus_results: dict[str, Extraction], seed_result: Extraction
) -> None:
    for result in [*corpus_results.values(), seed_result]:
        for d in result.dates:
            if d.edtf is not None:
                assert str(parse_edtf(d.edtf)) == d.edtf
