"""schema.org structured data (JSON-LD) for each page: what search engines and other tools read.

NewsArticle for a story, Person for a profile, Event for timeline entries, Quotation for quotes.
Dates are given only as precisely as the article gives them (ISO 8601 allows "2016" and
"2016-09"), and nothing is stated that the content does not state.

A page that quotes many times describes each article and speaker once, as a node of its
`@graph` with a blank-node `@id`, and the quotations refer to them by that id: repeating the
article (with its abstract) in each of a story's 40 quotations made that JSON-LD 20 times larger.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..link.graph import EventNode, OrganisationNode, PersonNode, QuoteNode, StoryNode
from ..model.dates import FuzzyDate

CONTEXT = "https://schema.org"


def _date(value: FuzzyDate | None) -> str | None:
    if value is None or value.start is None or value.verbatim:
        return None
    return value.start.iso()


def _clean(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v not in (None, "", [], {})}


@lru_cache(maxsize=4096)
def news_article(story: StoryNode, language: str) -> dict[str, Any]:
    """Cached per story: printed on every page of the story (do not mutate)."""
    meta = story.article.meta
    authors = [{"@type": "Person", "name": a.name} for a in story.authors]
    if not authors and meta.byline:
        authors = [{"@type": "Person", "name": meta.byline.removeprefix("By ").strip()}]
    return _clean({
        "@type": "NewsArticle",
        "headline": meta.headline,
        "author": authors,
        "publisher": _clean({"@type": "Organization", "name": meta.outlet}) if meta.outlet
        else None,
        "datePublished": _date(meta.published),
        "url": str(meta.url) if meta.url else None,
        "inLanguage": meta.language or language,
        "license": meta.licence,
        "keywords": [t.name for t in story.topics],
        "abstract": " ".join(story.facts.summary.split()) or None,
    })


def story_page(story: StoryNode, language: str) -> dict[str, Any]:
    return {"@context": CONTEXT, **news_article(story, language)}


def _ref(node_id: str) -> dict[str, str]:
    return {"@id": node_id}


def _article_id(story: StoryNode) -> str:
    return f"_:article-{story.slug}"


def _speaker_id(node: PersonNode | OrganisationNode | Any) -> str:
    return f"_:{node.kind}-{node.id}"


def _speaker(node: PersonNode | OrganisationNode | Any) -> dict[str, Any]:
    if isinstance(node, OrganisationNode):
        return {"@type": "Organization", "name": node.name}
    if isinstance(node, PersonNode):
        return {"@type": "Person", "name": node.name}
    return {"@type": "Person", "description": node.name}  # an anonymous source


def quotation(quote: QuoteNode) -> dict[str, Any]:
    """A Quotation referring to its speaker and article by `@id` (nodes of the same graph)."""
    speaker_id = _speaker_id(quote.speaker)
    return _clean({
        "@type": "Quotation",
        "text": quote.model.text,
        "spokenByCharacter": _ref(speaker_id),
        "creator": _ref(speaker_id),
        "isPartOf": _ref(_article_id(quote.story)),
        "dateCreated": _date(quote.model.date),
        "description": "direct quote" if quote.model.kind == "direct" else "paraphrase",
    })


def _articles(quotes: list[QuoteNode], language: str) -> list[dict[str, Any]]:
    stories = {q.story.slug: q.story for q in quotes}
    return [{"@id": _article_id(story), **news_article(story, language)}
            for story in stories.values()]


def quotes_page(story: StoryNode, language: str) -> dict[str, Any]:
    speakers = {_speaker_id(q.speaker): q.speaker for q in story.quotes}
    return {"@context": CONTEXT, "@graph": [
        *_articles(story.quotes, language),
        *({"@id": node_id, **_speaker(node)} for node_id, node in speakers.items()),
        *(quotation(q) for q in story.quotes)]}


def person_page(person: PersonNode, language: str) -> dict[str, Any]:
    role = person.current_role
    data = _clean({
        "@id": _speaker_id(person),
        "@type": "Person",
        "name": person.name,
        "alternateName": list(person.model.aliases),
        "description": person.model.description,
        "jobTitle": role.title if role else None,
        "affiliation": {"@type": "Organization", "name": role.organisation.name}
        if role and role.organisation else None,
        "sameAs": str(person.model.url) if person.model.url else None,
    })
    quotes = [quotation(q) for q in person.quotes]  # spoken by `data`, the person
    return {"@context": CONTEXT,
            "@graph": [data, *_articles(person.quotes, language), *quotes]}


def event(node: EventNode) -> dict[str, Any]:
    date = node.model.date
    end = date.end.iso() if date.is_interval and date.end is not None and not date.verbatim \
        else None
    return _clean({
        "@type": "Event",
        "name": node.model.title,
        "startDate": _date(date),
        "endDate": end,
        "description": " ".join(node.model.description.split()) or None,
        "location": [{"@type": "Place", "name": p.name} for p in node.places],
        "organizer": [{"@type": "Organization", "name": o.name} for o in node.organisations],
        "performer": [{"@type": "Person", "name": p.name} for p in node.people],
    })


def timeline_page(events: list[EventNode]) -> dict[str, Any]:
    return {"@context": CONTEXT, "@type": "ItemList", "itemListElement": [
        {"@type": "ListItem", "position": number, "item": event(node)}
        for number, node in enumerate(events, 1)]}
