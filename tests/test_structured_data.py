"""schema.org JSON-LD in each page's head, read back with extruct (a real JSON-LD extractor)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from extruct.jsonld import JsonLdExtractor

from explainer.cli.main import main

from .conftest import copy_seed_project

pytestmark = pytest.mark.engine
STORY = "stories/tajikistan-interpol/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_seed_project(tmp_path_factory.mktemp("jsonld") / "project")
    assert main(["--root", str(root), "build"]) == 0
    return root / "site"


def jsonld(site: Path, path: str) -> list[dict[str, Any]]:
    html = (site / path / "index.html").read_text(encoding="utf-8")
    found: list[dict[str, Any]] = JsonLdExtractor().extract(html)
    return found


def graph_items(data: dict[str, Any]) -> list[dict[str, Any]]:
    return list(data.get("@graph", [data]))


def resolved(items: list[dict[str, Any]], node: dict[str, Any]) -> dict[str, Any]:
    """A node with its `{"@id": ...}` references replaced by the nodes they name; every
    reference must name a node of the same graph."""
    by_id = {item["@id"]: item for item in items if "@id" in item}
    out = {}
    for key, value in node.items():
        if isinstance(value, dict) and set(value) == {"@id"}:
            value = by_id[value["@id"]]
        out[key] = value
    return out


def of_type(items: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [resolved(items, item) for item in items if item["@type"] == kind]


def test_story_pages_describe_a_news_article(site: Path) -> None:
    for page in (STORY, STORY + "source/"):
        [article] = jsonld(site, page)
        assert article["@context"] == "https://schema.org"
        assert article["@type"] == "NewsArticle"
        assert article["headline"] == ("Tajikistan co-operates with Interpol to fight "
                                       "trans-national crime")
        assert article["author"] == [{"@type": "Person", "name": "Nadin Bahrom"}]
        assert article["publisher"] == {"@type": "Organization", "name": "Caravanserai"}
        assert "datePublished" not in article  # the article does not give its date


def test_profiles_describe_a_person_and_their_quotations(site: Path) -> None:
    [data] = jsonld(site, "people/ramazon-rakhimzoda/")
    items = graph_items(data)
    person, quotes = items[0], of_type(items, "Quotation")
    assert [a["headline"] for a in of_type(items, "NewsArticle")] == [
        "Tajikistan co-operates with Interpol to fight trans-national crime"]  # once
    assert person == {"@id": "_:person-ramazon-rakhimzoda",
                      "@type": "Person", "name": "Ramazon Rakhimzoda",
                      "alternateName": ["Rakhimzoda"],
                      "description": "Interior Minister of Tajikistan",
                      "jobTitle": "Interior Minister",
                      "affiliation": {"@type": "Organization", "name": "Tajik Interior Ministry"}}
    assert len(quotes) == 10
    direct = next(q for q in quotes if q["text"].startswith("One of the performance"))
    assert direct["@type"] == "Quotation"
    assert direct["spokenByCharacter"] is person
    assert direct["creator"] is person
    assert direct["isPartOf"]["@type"] == "NewsArticle"
    assert direct["dateCreated"] == "2016-09-19"


def test_timeline_lists_events_with_honest_dates(site: Path) -> None:
    [data] = jsonld(site, STORY + "timeline/")
    assert data["@type"] == "ItemList"
    events = {item["item"]["name"]: item["item"] for item in data["itemListElement"]}
    conference = events["Interpol conference brings together law enforcement officials from "
                        "13 countries"]
    assert conference["@type"] == "Event"
    assert (conference["startDate"], conference["endDate"]) == ("2016-09-19", "2016-09-20")
    assert conference["location"] == [{"@type": "Place", "name": "Dushanbe"}]
    strikes = events["Coalition air strikes begin the defeat of militants in Syria and Iraq"]
    assert strikes["startDate"] == "2015"


def test_quotes_page_lists_quotations_with_anonymous_speakers_unnamed(site: Path) -> None:
    [data] = jsonld(site, STORY + "quotes/")
    items = graph_items(data)
    quotes = of_type(items, "Quotation")
    assert len(quotes) == 42
    assert len(of_type(items, "NewsArticle")) == 1  # described once, referred to by each quote
    assert {q["spokenByCharacter"]["name"] for q in quotes if "name" in q["spokenByCharacter"]
            } >= {"Ramazon Rakhimzoda", "Nuriddin Mavlonov"}
    anonymous = [q for q in quotes if "name" not in q["spokenByCharacter"]]
    assert len(anonymous) == 10
    assert anonymous[0]["spokenByCharacter"]["description"].startswith(
        "Tajik Interior Ministry (MVD) source")
