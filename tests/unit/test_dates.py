import pytest
from edtf import parse_edtf

from explainer.model.dates import DateError, parse_date


@pytest.mark.parametrize("edtf, text, html", [
    ("2015", "2015", '<time datetime="2015">2015</time>'),
    ("2016-09", "September 2016", '<time datetime="2016-09">September 2016</time>'),
    ("2016-09-19", "19 September 2016", '<time datetime="2016-09-19">19 September 2016</time>'),
    ("2016-09-19/2016-09-20", "19–20 September 2016",
     '<time datetime="2016-09-19">19</time>–<time datetime="2016-09-20">20 September 2016</time>'),
    ("2016-01/2016-08", "January–August 2016", None),
    ("2015/2016-08", "2015 – August 2016", None),
    ("2016-09-19/2016-10-02", "19 September–2 October 2016", None),
    ("2014/2016", "2014–2016", None),
    ("2016-09~", "September 2016 (approximate)", None),
    ("2016?", "2016 (uncertain)", None),
    ("2016%", "2016 (approximate, uncertain)", None),
    ("2016-09-21/..", "from 21 September 2016", None),
    ("../2016", "until 2016", None),
    ("2016-XX", "2016-XX", "2016-XX"),
    ("2016-21", "spring 2016", '<time datetime="2016">spring 2016</time>'),
    ("2015-24/2016-22", "winter 2015 – summer 2016",
     '<time datetime="2015">winter 2015</time> – <time datetime="2016">summer 2016</time>'),
    ("2016-23/..", "from autumn 2016", None),
    ("[..1760-12-03]", "[..1760-12-03]", "[..1760-12-03]"),  # a set: shown as written
])
def test_display_keeps_precision(edtf: str, text: str, html: str | None) -> None:
    date = parse_date(edtf)
    assert date.display() == text
    if html is not None:
        assert date.html() == html


@pytest.mark.parametrize("edtf", [
    "2015", "2016-09", "2016-09-19", "2016-09-19/2016-09-20", "2016-01/2016-08", "2015/2016-08",
    "2016-09~", "2016?", "2016-02-29", "1999-12/2000-01",
])
def test_fast_parser_agrees_with_the_edtf_package(edtf: str) -> None:
    ours = parse_date(edtf)
    reference = parse_edtf(edtf)
    low, high = reference.lower_strict(), reference.upper_strict()
    assert ours.sort_key[0] == (low.tm_year, low.tm_mon, low.tm_mday)
    assert ours.sort_key[1] == (high.tm_year, high.tm_mon, high.tm_mday)


@pytest.mark.parametrize("edtf, message", [
    ("2016-02-30", "February 2016 has no day 30"),
    ("2015-02-29", "February 2015 has no day 29"),
    ("2016-13", "month 13 does not exist"),
    ("2017/2016", "ends before it starts"),
    ("September 2016", "is not an EDTF date"),
    ("", "is not an EDTF date"),
])
def test_invalid_dates_say_why(edtf: str, message: str) -> None:
    with pytest.raises(DateError, match=message):
        parse_date(edtf)


def test_sorting_puts_wider_ranges_after_points_that_start_together() -> None:
    dates = [parse_date(d) for d in ["2016-09-19/2016-09-20", "2015/2016-08", "2015", "2016"]]
    ordered = [d.edtf for d in sorted(dates, key=lambda d: d.sort_key)]
    assert ordered == ["2015", "2015/2016-08", "2016", "2016-09-19/2016-09-20"]


@pytest.mark.parametrize("edtf, text", [
    ("2016-21", "spring 2016"), ("2016-22", "summer 2016"), ("2016-23", "autumn 2016"),
    ("2016-24", "winter 2016"),
    ("2016-25", "spring 2016 (northern hemisphere)"),
    ("2016-32", "winter 2016 (southern hemisphere)"),
    ("2016-33", "first quarter of 2016"), ("2016-36", "fourth quarter of 2016"),
    ("2016-37", "January–April 2016"), ("2016-39", "September–December 2016"),
    ("2016-40", "first half of 2016"), ("2016-41", "second half of 2016"),
])
def test_seasons_quarters_and_halves_are_shown_in_words(edtf: str, text: str) -> None:
    assert parse_date(edtf).display() == text


@pytest.mark.parametrize("edtf", [f"2016-{number}" for number in range(21, 42)]
                         + ["2015-24/2016-22", "2016-21/2016-09"])
def test_seasons_span_the_months_the_edtf_package_gives_them(edtf: str) -> None:
    ours = parse_date(edtf)
    reference = parse_edtf(edtf)
    low, high = reference.lower_strict(), reference.upper_strict()
    assert ours.sort_key[:2] == ((low.tm_year, low.tm_mon, low.tm_mday),
                                 (high.tm_year, high.tm_mon, high.tm_mday))


def test_seasons_sort_within_their_year() -> None:
    written = ["2017-21", "2016-24", "2016-09", "2016-22", "2016", "2016-23", "2016-21",
               "2016-03-15"]
    ordered = [d.edtf for d in sorted(map(parse_date, written), key=lambda d: d.sort_key)]
    assert ordered == ["2016", "2016-21", "2016-03-15", "2016-22", "2016-09", "2016-23",
                       "2016-24", "2017-21"]


@pytest.mark.parametrize("edtf", ["2016-21?", "2016-21~", "2016-21-03", "2016-42"])
def test_a_season_is_written_as_edtf_allows(edtf: str) -> None:
    with pytest.raises(DateError):
        parse_date(edtf)


@pytest.mark.parametrize("edtf, year", [("[..1760-12-03]", 1760), ("{1760-12-03..}", 1760),
                                        ("[1760-01,1760-02,1760-12..]", 1760)])
def test_sets_open_at_one_end_are_read(edtf: str, year: int) -> None:
    """The `edtf` package gives their open end as an infinite bound (a float, not a date)."""
    date = parse_date(edtf)
    assert date.display() == edtf and date.year == year
