"""Data out: each story's facts as JSON (versioned, with a JSON Schema), CSV and TimelineJS.

The JSON export is described by pydantic models (`FactsExport` and friends): the same models
produce the JSON and its JSON Schema, so the two cannot drift apart. Version 1 of the schema is
published at `schemas/facts-v1.schema.json`; a change that breaks readers gets a new version.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from pydantic_core import to_json

from ..link import routes
from ..link.graph import (
    AnonymousNode,
    CitationRef,
    OrganisationNode,
    PersonNode,
    SiteGraph,
    StoryNode,
)
from ..model.dates import DatePoint, FuzzyDate

SCHEMA_VERSION = 1
SCHEMA_PATH = routes.SCHEMA
DATA_FILES = ("facts.json", "quotes.csv", "people.csv", "events.csv", "timeline.json")


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DateOut(_Out):
    """A date as written (EDTF) and as shown."""

    edtf: str = Field(description="Extended Date/Time Format (Library of Congress), e.g. "
                                  "'2016-09-19/2016-09-20'")
    display: str = Field(description="English text at the precision written")


class ParagraphOut(_Out):
    id: str
    number: int = Field(description="0 for the photo caption")
    kind: Literal["paragraph", "blockquote", "caption"]
    section: str | None
    text: str


class SpeakerOut(_Out):
    id: str
    kind: Literal["person", "anonymous", "organisation"]
    name: str


class QuoteOut(_Out):
    id: str
    speaker: SpeakerOut
    kind: Literal["direct", "paraphrase"]
    text: str
    verb: str | None
    setting: str | None
    date: DateOut | None
    cites: list[str] = Field(description="paragraph ids of this story")


class RoleOut(_Out):
    title: str
    organisation: str | None = Field(description="organisation id")
    as_of: DateOut | None


class PersonOut(_Out):
    id: str
    name: str
    aliases: list[str]
    role: RoleOut | None = Field(description="the person's role as this story gives it")
    quotes: int
    profile: str = Field(description="site path of the profile page")


class AnonymousSourceOut(_Out):
    id: str
    description: str
    organisation: str | None
    cites: list[str]


class EntityOut(_Out):
    id: str
    name: str
    kind: str | None
    mentioned_in: list[str] = Field(description="paragraph ids of this story naming it")


class EventOut(_Out):
    id: str
    date: DateOut
    date_note: str | None
    year_inferred: bool = Field(
        False, description="the article gives no year; the editor inferred it")
    title: str
    description: str
    people: list[str]
    organisations: list[str]
    places: list[str]
    cites: list[str]


class BreakdownOut(_Out):
    name: str
    parts: list[str] = Field(description="figure ids")
    total_of_parts: float


class FigureOut(_Out):
    id: str
    value: float
    qualifier: str
    unit: str | None
    counts: str
    period: DateOut | None
    part_of: str | None
    breakdowns: list[BreakdownOut]
    disputed_by: list[str] = Field(description="quote ids")
    cites: list[str]


class KeyPointOut(_Out):
    text: str
    cites: list[str]


class StoryOut(_Out):
    slug: str
    headline: str
    byline: str | None
    authors: list[str] = Field(description="person ids")
    outlet: str | None
    url: str | None
    published: DateOut | None
    retrieved: DateOut | None
    licence: str | None
    credit: str | None
    status: Literal["draft", "reviewed"]
    topics: list[str]
    summary: str


class FactsExport(_Out):
    """Every fact of one story, each citing the paragraphs of its article."""

    schema_: str = Field(alias="$schema")
    version: Literal[1]
    story: StoryOut
    paragraphs: list[ParagraphOut]
    key_points: list[KeyPointOut]
    people: list[PersonOut]
    anonymous_sources: list[AnonymousSourceOut]
    organisations: list[EntityOut]
    places: list[EntityOut]
    quotes: list[QuoteOut]
    events: list[EventOut]
    figures: list[FigureOut]

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


def _date(value: FuzzyDate | None) -> DateOut | None:
    return DateOut(edtf=value.edtf, display=value.display()) if value is not None else None


def _cites(citations: list[CitationRef]) -> list[str]:
    return [c.paragraph.id for c in citations]


def _speaker(node: PersonNode | AnonymousNode | OrganisationNode) -> SpeakerOut:
    return SpeakerOut(id=node.id, kind=node.kind, name=node.name)


def facts_export(story: StoryNode, schema_url: str) -> FactsExport:
    meta = story.article.meta
    return FactsExport(
        **{"$schema": schema_url},
        version=SCHEMA_VERSION,
        story=StoryOut(
            slug=story.slug, headline=meta.headline, byline=meta.byline,
            authors=[a.id for a in story.authors], outlet=meta.outlet,
            url=str(meta.url) if meta.url else None, published=_date(meta.published),
            retrieved=_date(meta.retrieved), licence=meta.licence, credit=meta.credit,
            status=story.facts.status, topics=[t.name for t in story.topics],
            summary=story.facts.summary),
        paragraphs=[ParagraphOut(id=p.id, number=p.number, kind=p.kind,
                                 section=p.section, text=p.text)
                    for p in story.article.paragraphs],
        key_points=[KeyPointOut(text=text, cites=_cites(c)) for text, c in story.key_points],
        people=[PersonOut(
            id=p.id, name=p.name, aliases=list(p.model.aliases),
            role=RoleOut(title=role.title,
                         organisation=role.organisation.id if role.organisation else None,
                         as_of=_date(role.as_of)) if (role := story.roles.get(p.id)) else None,
            quotes=sum(1 for q in story.quotes if q.speaker is p),
            profile=routes.person(p.id)) for p in story.people],
        anonymous_sources=[AnonymousSourceOut(
            id=a.id, description=a.model.description,
            organisation=a.organisation.id if a.organisation else None,
            cites=_cites(a.citations)) for a in story.anonymous],
        organisations=[EntityOut(id=o.id, name=o.name, kind=o.model.kind,
                                 mentioned_in=_cites(o.mentions.get(story.slug, [])))
                       for o in story.organisations],
        places=[EntityOut(id=p.id, name=p.name, kind=p.model.kind,
                          mentioned_in=_cites(p.mentions.get(story.slug, [])))
                for p in story.places],
        quotes=[QuoteOut(id=q.id, speaker=_speaker(q.speaker), kind=q.model.kind,
                         text=q.model.text, verb=q.model.verb, setting=q.model.setting,
                         date=_date(q.model.date), cites=_cites(q.citations))
                for q in sorted(story.quotes, key=lambda q: q.first_paragraph)],
        events=[EventOut(id=e.id, date=DateOut(edtf=e.model.date.edtf,
                                               display=e.model.date.display()),
                         date_note=e.model.date_note, year_inferred=e.model.year_inferred,
                         title=e.model.title, description=e.model.description,
                         people=[p.id for p in e.people],
                         organisations=[o.id for o in e.organisations],
                         places=[p.id for p in e.places], cites=_cites(e.citations))
                for e in story.events],
        figures=[FigureOut(
            id=f.id, value=f.model.value, qualifier=f.model.qualifier, unit=f.model.unit,
            counts=f.model.counts, period=_date(f.model.period),
            part_of=f.part_of.id if f.part_of else None,
            breakdowns=[BreakdownOut(name=b.name, parts=[p.id for p in b.parts],
                                     total_of_parts=b.total) for b in f.breakdowns],
            disputed_by=[q.id for q in f.disputed_by], cites=_cites(f.citations))
            for f in story.figures],
    )


def json_schema() -> str:
    schema = FactsExport.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_PATH
    schema["title"] = f"Explainer story facts, version {SCHEMA_VERSION}"
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def _csv(header: list[str], rows: list[list[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if value is None else _inert(value) for value in row])
    return buffer.getvalue()


def _inert(value: object) -> object:
    """Spreadsheets run a cell starting with = + - @ as a formula: quote it as text."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def quotes_csv(export: FactsExport) -> str:
    return _csv(["id", "speaker_id", "speaker_kind", "speaker_name", "kind", "text", "verb",
                 "setting", "date", "cites"],
                [[q.id, q.speaker.id, q.speaker.kind, q.speaker.name, q.kind, q.text, q.verb,
                  q.setting, q.date.edtf if q.date else None, " ".join(q.cites)]
                 for q in export.quotes])


def people_csv(export: FactsExport) -> str:
    return _csv(["id", "name", "role", "organisation", "as_of", "quotes"],
                [[p.id, p.name, p.role.title if p.role else None,
                  p.role.organisation if p.role else None,
                  p.role.as_of.edtf if p.role and p.role.as_of else None, p.quotes]
                 for p in export.people])


def events_csv(export: FactsExport) -> str:
    return _csv(["id", "date", "date_display", "title", "description", "cites"],
                [[e.id, e.date.edtf, e.date.display, e.title, e.description, " ".join(e.cites)]
                 for e in export.events])


def timelinejs(story: StoryNode) -> str:
    """TimelineJS's JSON format (https://timeline.knightlab.com/docs/json-format.html): only
    the date parts the article gives are set, and `display_date` shows them as written."""
    events = []
    for event in story.events:
        date = event.model.date
        item: dict[str, object] = {
            "unique_id": event.id,
            "text": {"headline": event.model.title, "text": event.model.description},
            "display_date": date.display(),
            "group": story.headline,
        }
        if date.start is not None:
            item["start_date"] = _timeline_date(date.start)
        if date.end is not None and date.is_interval and date.end != date.start:
            item["end_date"] = _timeline_date(date.end)
        if "start_date" not in item and date.end is not None:
            item["start_date"] = _timeline_date(date.end)
        if "start_date" in item:
            events.append(item)
    document = {"title": {"text": {"headline": story.headline,
                                   "text": story.facts.summary.split("\n\n")[0]}},
                "events": events}
    # pydantic's serializer writes what json.dumps(indent=2, ensure_ascii=False) writes, byte
    # for byte, without the pure-Python encoder that indentation otherwise costs.
    return to_json(document, indent=2).decode() + "\n"


def _timeline_date(point: DatePoint) -> dict[str, str]:
    parts = {"year": str(point.year)}
    if point.month:
        parts["month"] = str(point.month)
    if point.day:
        parts["day"] = str(point.day)
    return parts


def story_files(story: StoryNode, graph: SiteGraph) -> dict[str, str]:
    """The downloadable files of a story, by path in the site."""
    folder = f"stories/{story.slug}/data"
    base = graph.site.base_url
    schema_url = f"{str(base).rstrip('/')}/{SCHEMA_PATH}" if base else f"../../../{SCHEMA_PATH}"
    export = facts_export(story, schema_url)
    return {
        f"{folder}/facts.json": export.model_dump_json(indent=2, by_alias=True) + "\n",
        f"{folder}/quotes.csv": quotes_csv(export),
        f"{folder}/people.csv": people_csv(export),
        f"{folder}/events.csv": events_csv(export),
        f"{folder}/timeline.json": timelinejs(story),
    }
