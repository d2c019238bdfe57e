"""The pictures' geometry, as numbers: marks within their dates' days, labels that touch
nothing, bars that add up to their total, and text that is the facts' text."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from itertools import pairwise
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explainer.model.dates import parse_date
from explainer.render.pictures import remainder
from explainer.render.pictures.breakdown import WIDE, breakdown_chart, end_style
from explainer.render.pictures.layout import Box, lay_row
from explainer.render.pictures.text import text_width, wrap
from explainer.render.pictures.timeline import (
    CROWDED,
    NARROW,
    TRAIL,
    TimelinePicture,
    date_shape,
    timeline_picture,
)
from explainer.render.pictures.timescale import (
    Span,
    civil,
    day_number,
    make_scale,
    point_span,
    stretches,
)

# ---------------------------------------------------------------- fakes of the linked graph


@dataclass
class Story:
    slug: str = "story"
    headline: str = "A story"


@dataclass
class Event:
    id: str
    model: Any
    story: Story = field(default_factory=Story)


def event(date: str, title: str = "An event", index: int = 0, inferred: bool = False,
          note: str | None = None) -> Event:
    model = SimpleNamespace(date=parse_date(date), title=title, date_note=note,
                            year_inferred=inferred)
    return Event(f"e{index}", model)


def figure(value: float, counts: str = "things", qualifier: str = "exactly",
           unit: str | None = "people", anchor: str = "f", disputed: bool = False) -> Any:
    model = SimpleNamespace(value=value, qualifier=qualifier, unit=unit, counts=counts)
    return SimpleNamespace(model=model, anchor=anchor, disputed_by=["q"] if disputed else [])


def breakdown(*parts: Any, name: str = "by group") -> Any:
    return SimpleNamespace(name=name, parts=list(parts))


# ------------------------------------------------------------------------------- checks


def check_timeline(picture: TimelinePicture, events: list[Event],
                   site_wide: bool = False) -> None:
    """Every property the timeline promises, for any set of events."""
    scale = picture.scale
    drawn = {(f"#{e.story.slug}-{e.id}" if site_wide else f"#{e.id}"): e for e in events
             if date_shape(e.model.date) is not None}
    assert sorted(mark.href for mark in picture.marks) == sorted(drawn)
    assert picture.left_out == len(events) - len(drawn)
    for mark in picture.marks:
        item = drawn[mark.href]
        shape = date_shape(item.model.date)
        assert shape is not None and mark.shape == shape
        lo, hi = scale.x(shape.span.lo), scale.x(shape.span.hi)
        assert mark.date_x == (lo, hi)
        # The mark lies within the days its date covers.
        if mark.dot is not None:
            assert lo <= mark.dot[0] <= hi
        # Open ends reach TRAIL beyond the known part (to an arrow's tip).
        before = TRAIL if shape.open_start else 0.0
        after = TRAIL if shape.open_end else 0.0
        for bar in mark.bars:
            assert lo - before - 0.01 <= bar.x and bar.x + bar.w <= hi + after + 0.01
            assert bar.w >= 0
        assert mark.title.endswith(item.model.title + (
            f" (from {item.story.headline})" if site_wide else ""))
        assert mark.inferred == item.model.year_inferred
    boxes = []
    for row in picture.rows:
        # The label is the event's title (or the story's headline), inside the picture,
        # clear of every mark.
        if picture.by_story:
            assert row.text == drawn[row.marks[0].href].story.headline
        else:
            assert len(row.marks) == 1
            assert row.text == drawn[row.href].model.title
        assert row.label.text == " ".join(row.text.split())
        box = row.label.box
        assert box.x >= -0.01 and box.right <= picture.width + 0.01
        assert box.y >= 0 and box.bottom <= picture.height
        boxes.append(box)
        for mark in picture.marks:
            assert not box.intersects(mark.box), (row.text, mark.title)
        for mark in row.marks:  # a row's box holds its marks
            assert row.mark.x <= mark.box.x + 0.01 and mark.box.right <= row.mark.right + 0.01
    for index, box in enumerate(boxes):
        for other in boxes[index + 1:]:
            assert not box.intersects(other)
    for index, row in enumerate(picture.rows):  # rows do not overlap
        for other in picture.rows[index + 1:]:
            assert not row.mark.intersects(other.mark)
    # Tick labels: in order, apart, inside the picture.
    labelled = [t for t in picture.ticks if t.label]
    assert labelled, "the axis has at least one labelled tick"
    for a, b in pairwise(labelled):
        assert a.label_x + a.label_width < b.label_x
    assert all(t.label_x >= 0 and t.label_x + t.label_width <= picture.width
               for t in labelled)
    for gap in picture.breaks:  # no label runs into a break
        assert not any(t.label_x < gap.x1 and gap.x0 < t.label_x + t.label_width
                       for t in labelled)


def check_chart(chart: Any, total: Any, parts: list[Any]) -> None:
    rows = chart.rows
    assert rows[0].kind == "total" and rows[0].value == total.model.value
    assert [r.value for r in rows[1:1 + len(parts)]] == [p.model.value for p in parts]
    # The numbers drawn are the facts' numbers, at one scale: a bar starts at the sum of the
    # parts before it and ends at its value (an "about" bar in a fuzzy end across it).
    for row in rows:
        end = (row.start + row.value) * chart.scale
        assert row.bar.x == pytest.approx(row.start * chart.scale)
        if row.end == "about":
            assert row.fuzz is not None and row.fuzz.x <= end + 0.01
            assert end <= row.fuzz.x + row.fuzz.w + 0.01
            assert row.bar.x + row.bar.w == pytest.approx(row.fuzz.x)
        else:
            assert row.fuzz is None
            assert row.bar.x + row.bar.w == pytest.approx(end)
    offset = 0.0
    for row, part in zip(rows[1:], parts, strict=False):
        assert row.start == pytest.approx(offset)
        offset += part.model.value
    for row in rows:  # a tag ("disputed") sits inside its label's box, after the text
        tag = row.tag_box
        if tag is not None:
            box = row.label.box
            assert box.x <= tag.x and tag.right <= box.right + 0.01
            assert box.y <= tag.y and tag.bottom <= box.bottom + 0.01
    boxes = [r.label.box for r in rows]
    for index, box in enumerate(boxes):
        assert box.x >= -0.01 and box.right <= chart.width + 0.01
        for other in boxes[index + 1:]:
            assert not box.intersects(other)
        for row in rows:
            assert not box.intersects(row.mark)


# ---------------------------------------------------------------------------- the tests


@given(st.dates(min_value=datetime.date(1, 1, 1)))
def test_day_numbers_are_the_calendar(day: datetime.date) -> None:
    number = day_number(day.year, day.month, day.day)
    assert number == day.toordinal() - datetime.date(1970, 1, 1).toordinal()
    assert civil(number) == (day.year, day.month, day.day)


def test_dates_cover_their_days() -> None:
    assert point_span(parse_date("2016").start) == Span(day_number(2016, 1, 1),  # type: ignore
                                                        day_number(2017, 1, 1))
    feb = point_span(parse_date("2016-02").start)  # type: ignore[arg-type]
    assert feb.hi - feb.lo == 29
    assert point_span(parse_date("2016-02-29").start).hi - \
        point_span(parse_date("2016-02-29").start).lo == 1  # type: ignore[arg-type]


def test_a_day_is_a_dot_a_month_a_light_bar_a_range_solid_with_light_ends() -> None:
    day = date_shape(parse_date("2016-09-20"))
    assert day is not None and day.dot is not None and day.pieces == ()
    month = date_shape(parse_date("2016-09"))
    assert month is not None and [p.style for p in month.pieces] == ["within"]
    days = date_shape(parse_date("2016-09-19/2016-09-20"))
    assert days is not None and [p.style for p in days.pieces] == ["solid"]
    assert days.span == Span(day_number(2016, 9, 19), day_number(2016, 9, 21))
    mixed = date_shape(parse_date("2015/2016-08"))
    assert mixed is not None
    assert [(civil(p.lo), civil(p.hi), p.style) for p in mixed.pieces] == [
        ((2015, 1, 1), (2016, 1, 1), "within"), ((2016, 1, 1), (2016, 8, 1), "solid"),
        ((2016, 8, 1), (2016, 9, 1), "within")]
    rough = date_shape(parse_date("2016-09~"))
    unsure = date_shape(parse_date("2016?"))
    assert rough is not None and rough.approximate and not rough.uncertain
    assert unsure is not None and unsure.uncertain
    opened = date_shape(parse_date("2016-09-21/.."))
    assert opened is not None and opened.open_end and not opened.unknown_end
    unknown = date_shape(parse_date("2016-09-21/"))
    assert unknown is not None and unknown.unknown_end
    assert date_shape(parse_date("../..")) is None


def test_long_gaps_are_cut_out_short_ones_kept() -> None:
    def spans(*dates: str) -> list[Span]:
        out = []
        for value in dates:
            shape = date_shape(parse_date(value))
            assert shape is not None
            out.append(shape.span)
        return out

    assert len(stretches(spans("2015/2016-08", "2015", "2016-09-19/2016-09-20"))) == 1
    assert len(stretches(spans("2016-01-05", "2016-09-20"))) == 1  # under a year: kept
    hackers = make_scale(spans("1994", "2008-01-16", "2008-01-18", "2008-01-20"), 0, 600)
    assert len(hackers.segments) == 2 and len(hackers.breaks) == 1
    assert hackers.breaks[0].label == "about 13 years"
    # The stretch with three events gets more room than the year with one.
    first, second = hackers.segments
    assert second.x1 - second.x0 > first.x1 - first.x0


SEED_EVENTS = [
    event("2015", "Coalition air strikes begin the defeat of militants in Syria and Iraq", 1),
    event("2015/2016-08", "Tajik police repatriate 151 Tajiks accused of terrorism and "
          "extremism", 2),
    event("2016-01/2016-08", "Eight terrorist attacks prevented by monitoring internet "
          "correspondence", 3),
    event("2016-09-19/2016-09-20", "Interpol conference brings together law enforcement "
          "officials from 13 countries", 4, inferred=True),
    event("2016-09-20", "Tajik militants photographed in Syria", 5, inferred=True,
          note="year inferred"),
]


@pytest.mark.parametrize("width", [680.0, NARROW])
def test_seed_timeline(width: float) -> None:
    picture = timeline_picture(SEED_EVENTS, width=width)
    assert picture is not None
    check_timeline(picture, SEED_EVENTS)
    assert not picture.breaks
    assert picture.legend == ("day", "within", "range", "inferred")
    assert [row.href for row in picture.rows] == [f"#e{i}" for i in range(1, 6)]
    assert [mark.inferred for mark in picture.marks] == [False] * 3 + [True] * 2
    assert picture.marks[4].title == ("20 September 2016 (year inferred): Tajik militants "
                                      "photographed in Syria")
    assert picture.title == "Timeline of 5 events, 2015 to 20 September 2016"


def test_site_wide_marks_link_to_the_year_page_entries_and_carry_their_story() -> None:
    item = event("2016-09-20", "Photo", 7)
    item.story = Story("tajikistan-interpol", "Tajikistan co-operates")
    picture = timeline_picture([item], site_wide=True)
    assert picture is not None
    assert picture.rows[0].href == "#tajikistan-interpol-e7"
    assert picture.rows[0].story == "tajikistan-interpol"
    assert picture.marks[0].title.endswith("(from Tajikistan co-operates)")


def test_a_crowded_year_gets_a_row_per_story() -> None:
    stories = [Story(f"s{n}", f"Story number {n} with a long headline") for n in range(5)]
    events = []
    for index in range(CROWDED + 5):
        item = event(f"2016-{1 + index % 12:02d}-{1 + index % 28:02d}", f"Event {index}",
                     index)
        item.story = stories[index % 5]
        events.append(item)
    events.sort(key=lambda e: e.model.date.sort_key)
    picture = timeline_picture(events, site_wide=True)
    assert picture is not None and picture.by_story
    # Stories in the order of their first event.
    assert [row.story for row in picture.rows] == list(dict.fromkeys(e.story.slug
                                                                     for e in events))
    assert all(row.href == "" and len(row.marks) == 9 for row in picture.rows)
    check_timeline(picture, events, site_wide=True)
    # One story alone stays a row per event however many events it has.
    for item in events:
        item.story = stories[0]
    alone = timeline_picture(events, site_wide=True)
    assert alone is not None and not alone.by_story and len(alone.rows) == len(events)


def test_events_without_a_known_date_are_counted_not_drawn() -> None:
    picture = timeline_picture([event("2016"), event("../..", index=1)])
    assert picture is not None and len(picture.rows) == 1 and picture.left_out == 1
    check_timeline(picture, [event("2016"), event("../..", index=1)])
    assert timeline_picture([event("../..")]) is None


_points = st.builds(lambda y, m, d: (y, m, d), st.integers(1900, 2030), st.integers(1, 12),
                    st.integers(1, 28))


@st.composite
def edtf_dates(draw: st.DrawFn) -> str:
    def point(value: tuple[int, int, int], precision: int) -> str:
        y, m, d = value
        text = [f"{y:04d}", f"{y:04d}-{m:02d}", f"{y:04d}-{m:02d}-{d:02d}"][precision]
        return text + draw(st.sampled_from(["", "", "", "~", "?", "%"]))

    a, b = sorted([draw(_points), draw(_points)])
    kind = draw(st.sampled_from(["single", "range", "open", "unknown"]))
    first = point(a, draw(st.integers(0, 2)))
    if kind == "single":
        return first
    if kind == "open":
        return first + "/.."
    if kind == "unknown":
        return draw(st.sampled_from([first + "/", "/" + first]))
    return first + "/" + point(b, draw(st.integers(0, 2)))


titles = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
                 min_size=1, max_size=120).filter(lambda t: t.strip())


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(edtf_dates(), titles, st.booleans()), min_size=1, max_size=12),
       st.sampled_from([680.0, NARROW]))
def test_any_timeline_keeps_its_promises(items: list[tuple[str, str, bool]],
                                         width: float) -> None:
    events = []
    for index, (date, title, inferred) in enumerate(items):
        try:
            events.append(event(date, title, index, inferred))
        except ValueError:  # an interval that ends before it starts, a qualifier mix EDTF
            continue  # does not allow: content would be refused at load
    events.sort(key=lambda e: e.model.date.sort_key)
    picture = timeline_picture(events, width=width)
    if picture is not None:
        check_timeline(picture, events)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(edtf_dates(), st.integers(0, 6)), min_size=CROWDED + 1,
                max_size=CROWDED + 30), st.sampled_from([680.0, NARROW]))
def test_any_crowded_year_keeps_its_promises(items: list[tuple[str, int]],
                                             width: float) -> None:
    stories = [Story(f"s{n}", f"Headline of story {n} " * (n + 1)) for n in range(7)]
    events = []
    for index, (date, story) in enumerate(items):
        try:
            events.append(event(date, f"Event {index}", index))
        except ValueError:
            continue
        events[-1].story = stories[story]
    events.sort(key=lambda e: e.model.date.sort_key)
    picture = timeline_picture(events, site_wide=True, width=width)
    if picture is not None:
        check_timeline(picture, events, site_wide=True)


def test_seed_breakdown_draws_133_5_1_of_151_and_the_12_the_article_leaves_out() -> None:
    total = figure(151, "Tajiks accused of terrorism and extremism repatriated by Tajik police",
                   anchor="returnees", disputed=True)
    parts = [figure(133, "suspected members of ISIL among the returnees", anchor="isil"),
             figure(5, "returnees accused of belonging to Jamaat Ansarullah", anchor="ja"),
             figure(1, "returnee accused of belonging to the IMU", unit="person", anchor="imu")]
    chart = breakdown_chart(total, breakdown(*parts), "chart")
    assert chart is not None
    check_chart(chart, total, parts)
    kinds = [(row.kind, row.value, row.text) for row in chart.rows]
    assert kinds == [
        ("total", 151, "151 people: Tajiks accused of terrorism and extremism repatriated by "
                       "Tajik police"),
        ("part", 133, "133 people: suspected members of ISIL among the returnees"),
        ("part", 5, "5 people: returnees accused of belonging to Jamaat Ansarullah"),
        ("part", 1, "1 person: returnee accused of belonging to the IMU"),
        ("remainder", 12, "12 not accounted for in the article")]
    widths = [row.bar.w for row in chart.rows]
    assert sum(widths[1:]) == pytest.approx(widths[0])  # parts and remainder make the total
    assert chart.rows[-1].bar.x + chart.rows[-1].bar.w == pytest.approx(widths[0])
    assert chart.rows[0].tag == "disputed" and chart.rows[0].tag_box is not None
    assert [row.href for row in chart.rows] == ["#returnees", "#isil", "#ja", "#imu", ""]
    assert chart.legend == ("remainder", "disputed")
    assert chart.title == ("151 people: Tajiks accused of terrorism and extremism repatriated "
                           "by Tajik police, by group: 133 + 5 + 1 = 139; 12 not accounted for "
                           "in the article.")


def test_parts_beyond_the_total_are_drawn_as_the_excess() -> None:
    total = figure(100)
    parts = [figure(70, anchor="a"), figure(40, anchor="b")]
    chart = breakdown_chart(total, breakdown(*parts), "c", WIDE)
    assert chart is not None
    check_chart(chart, total, parts)
    last = chart.rows[-1]
    assert (last.kind, last.value, last.text) == ("excess", 10, "10 more than the total given")
    assert last.bar.x == pytest.approx(chart.rows[0].bar.w)


def test_a_single_part_leaves_the_others() -> None:
    total, part = figure(151), figure(76, anchor="a")
    chart = breakdown_chart(total, breakdown(part), "c")
    assert chart is not None
    assert chart.rows[-1].text == "75 others"


def test_parts_that_add_up_leave_no_remainder() -> None:
    chart = breakdown_chart(figure(10), breakdown(figure(4, anchor="a"), figure(6, anchor="b")),
                            "c")
    assert chart is not None and [r.kind for r in chart.rows] == ["total", "part", "part"]


@pytest.mark.parametrize(("qualifier", "style"), [
    ("exactly", "exact"), ("about", "about"), ("more than", "above"), ("at least", "above"),
    ("less than", "below"), ("at most", "below")])
def test_qualified_numbers_never_get_an_exact_end(qualifier: str, style: str) -> None:
    assert end_style(qualifier) == style
    total = figure(1000, qualifier=qualifier)
    chart = breakdown_chart(total, breakdown(figure(400, anchor="a")), "c")
    assert chart is not None
    row = chart.rows[0]
    assert row.end == style and row.text.startswith(
        "1,000" if qualifier == "exactly" else f"{qualifier} 1,000")
    x = 1000 * chart.scale
    if style == "about":  # fuzzy across the value, the solid bar stops short of it
        assert row.fuzz is not None and row.fuzz.x < x < row.fuzz.x + row.fuzz.w
        assert row.bar.x + row.bar.w < x
    elif style == "exact":
        assert row.fuzz is None and not row.arrow
        assert row.bar.x + row.bar.w == pytest.approx(x)
    else:
        assert row.arrow and row.mark.right > x


@pytest.mark.parametrize(("total", "parts", "expected"), [
    (("exactly", 151), [("exactly", 133), ("exactly", 5)], "13"),
    (("more than", 1000), [("exactly", 600)], "more than 400"),
    (("at least", 1000), [("exactly", 600)], "at least 400"),
    (("exactly", 151), [("more than", 100)], "less than 51"),
    (("exactly", 151), [("at least", 100)], "at most 51"),
    (("less than", 100), [("exactly", 60)], "less than 40"),
    (("about", 1000), [("exactly", 600)], "about 400"),
    (("more than", 1000), [("more than", 600)], "about 400"),
    (("exactly", 100), [("exactly", 60), ("more than", 30)], "less than 10"),
    (("exactly", 100), [("exactly", 60), ("more than", 50)], "more than 10"),  # an excess
])
def test_remainders_carry_their_bounds(total: tuple[str, float],
                                       parts: list[tuple[str, float]], expected: str) -> None:
    def model(spec: tuple[str, float]) -> Any:
        return SimpleNamespace(qualifier=spec[0], value=spec[1])

    rest = remainder(model(total), [model(p) for p in parts])
    assert rest is not None and rest.amount == expected


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 10**9), st.lists(st.integers(0, 10**9), min_size=1, max_size=6),
       st.lists(st.sampled_from(["exactly", "about", "more than", "at most"]), min_size=7,
                max_size=7), titles, st.booleans(), st.sampled_from([WIDE, NARROW]))
def test_any_breakdown_keeps_its_promises(total: int, values: list[int], qualifiers: list[str],
                                          counts: str, disputed: bool, width: float) -> None:
    top = figure(total, counts, qualifiers[0], disputed=disputed)
    parts = [figure(v, counts, q, anchor=f"p{i}")
             for i, (v, q) in enumerate(zip(values, qualifiers[1:], strict=False))]
    chart = breakdown_chart(top, breakdown(*parts), "c", width)
    assert chart is not None
    check_chart(chart, top, parts)
    reach = max(total, sum(values))
    assert reach * chart.scale <= width


@settings(max_examples=200, deadline=None)
@given(titles, st.floats(40, 680))
def test_wrapped_lines_fit_and_give_the_text_back(text: str, width: float) -> None:
    lines = wrap(text, width, 13.0)
    assert "".join(lines) == " ".join(text.split())
    assert all(text_width(line.rstrip(), 13.0) <= width or len(line.strip()) == 1
               for line in lines)


def test_widths_are_those_of_the_measured_font() -> None:
    assert text_width("", 13) == 0
    assert text_width("WWW", 13) > text_width("iii", 13)
    assert text_width("Interpol", 13) == pytest.approx(text_width("Interpol", 26) / 2)
    assert text_width("\u4e2d\u6587", 10) >= 20  # ideographs: an em each


@settings(max_examples=200, deadline=None)
@given(st.floats(0, 600), st.floats(0, 80), titles, st.floats(0, 60))
def test_a_label_never_touches_its_mark(x0: float, length: float, text: str,
                                        trailer: float) -> None:
    x1 = min(x0 + length, 680.0)
    row = lay_row(10.0, x0, x1, 10.0, text, 680.0, trailer=trailer)
    mark = Box(x0, row.mark_y - 5, x1 - x0, 10.0)
    box = row.label.box
    assert not box.intersects(mark)
    assert box.x >= -0.01 and box.right <= 680.01
    assert box.y >= 10.0
    # Left of its mark a label ends at the box's right edge (nearest the mark); else it starts
    # at the box's left edge.
    edge = box.right if row.label.anchor == "end" else box.x
    assert all(line.x == edge for line in row.label.lines)
    assert (row.label.anchor == "end") == (box.right <= x0)
