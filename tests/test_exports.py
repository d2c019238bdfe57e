"""Data out: facts JSON (checked against its JSON Schema), CSV, TimelineJS."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest

from explainer.pipeline import generate
from explainer.project import Project
from explainer.render.exports import json_schema

from .conftest import copy_seed_project

DATA = "stories/tajikistan-interpol/data/"


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    root = copy_seed_project(tmp_path_factory.mktemp("exports") / "project")
    return generate(Project.at(root)).pages.files


def test_facts_json_is_valid_against_the_published_schema(files: dict[str, bytes]) -> None:
    schema = json.loads(files["schemas/facts-v1.schema.json"])
    assert schema == json.loads(json_schema())
    jsonschema.Draft202012Validator.check_schema(schema)
    facts = json.loads(files[DATA + "facts.json"])
    jsonschema.validate(facts, schema)
    assert facts["version"] == 1
    assert facts["$schema"] == "../../../schemas/facts-v1.schema.json"
    assert facts["story"]["headline"].startswith("Tajikistan co-operates with Interpol")
    assert len(facts["quotes"]) == 42 and len(facts["paragraphs"]) == 37
    q3 = next(q for q in facts["quotes"] if q["id"] == "q3")
    assert q3["speaker"] == {"id": "ramazon-rakhimzoda", "kind": "person",
                             "name": "Ramazon Rakhimzoda"}
    assert q3["date"] == {"edtf": "2016-09-19/2016-09-20", "display": "19–20 September 2016"}
    total = next(f for f in facts["figures"] if f["id"] == "returnees")
    assert total["breakdowns"][0] == {"name": "by group", "total_of_parts": 139.0,
                                      "parts": ["returnees-isil", "returnees-ansarullah",
                                                "returnees-imu"]}


def test_the_schema_rejects_what_it_should(files: dict[str, bytes]) -> None:
    schema = json.loads(files["schemas/facts-v1.schema.json"])
    facts = json.loads(files[DATA + "facts.json"])
    facts["quotes"][0]["kind"] = "rumour"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(facts, schema)


def rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode())))


def test_csv_files(files: dict[str, bytes]) -> None:
    quotes = rows(files[DATA + "quotes.csv"])
    assert len(quotes) == 42
    assert quotes[0]["speaker_name"] == "Ramazon Rakhimzoda" and quotes[0]["cites"] == "p3"
    anonymous = [q for q in quotes if q["speaker_kind"] == "anonymous"]
    assert len(anonymous) == 10
    people = {p["id"]: p for p in rows(files[DATA + "people.csv"])}
    assert people["ramazon-rakhimzoda"]["role"] == "Interior Minister"
    assert people["ramazon-rakhimzoda"]["quotes"] == "10"
    events = rows(files[DATA + "events.csv"])
    assert [e["date"] for e in events][:2] == ["2015", "2015/2016-08"]


def test_csv_cells_cannot_run_as_spreadsheet_formulas() -> None:
    from explainer.render.exports import _csv

    text = _csv(["a"], [["=HYPERLINK(\"http://x\")"], ["-2+3"], ["plain"]])
    cells = [row[0] for row in csv.reader(io.StringIO(text))][1:]
    assert cells == ["'=HYPERLINK(\"http://x\")", "'-2+3", "plain"]


def test_timelinejs_format_keeps_date_precision(files: dict[str, bytes]) -> None:
    timeline = json.loads(files[DATA + "timeline.json"])
    assert timeline["title"]["text"]["headline"].startswith("Tajikistan")
    events = {e["unique_id"]: e for e in timeline["events"]}
    assert events["e-air-strikes"]["start_date"] == {"year": "2015"}
    assert events["e-conference"]["start_date"] == {"year": "2016", "month": "9", "day": "19"}
    assert events["e-conference"]["end_date"] == {"year": "2016", "month": "9", "day": "20"}
    assert events["e-conference"]["display_date"] == "19–20 September 2016"
    for event in timeline["events"]:
        assert set(event) <= {"unique_id", "text", "display_date", "group", "start_date",
                              "end_date"}


def test_overview_links_the_downloads(files: dict[str, bytes], tmp_path: Path) -> None:
    overview = files["stories/tajikistan-interpol/index.md"].decode()
    for name in ("facts.json", "quotes.csv", "people.csv", "events.csv", "timeline.json"):
        assert f"(data/{name})" in overview


def test_text_fragment_links_to_the_quote_in_the_original() -> None:
    from types import SimpleNamespace as Ns

    from explainer.render.environment import text_fragment

    def quote(text: str, url: str | None = "https://example.org/a_(b)#top") -> object:
        return Ns(story=Ns(article=Ns(meta=Ns(url=url))), model=Ns(kind="direct", text=text))

    assert text_fragment(quote("Together, we co-operate.")) == (
        "https://example.org/a_%28b%29#top:~:text=Together%2C%20we%20co%2Doperate.")
    long = quote("We need to create the kind of mechanism ... that lets us track militants' "
                 "movements", url="https://example.org/x")
    assert text_fragment(long) == ("https://example.org/x#:~:text=We%20need%20to%20create%20the,"
                                   "lets%20us%20track%20militants%27%20movements")
    assert text_fragment(quote("Anything", url=None)) == ""
