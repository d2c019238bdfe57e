"""The extraction pipeline: text in, `Extraction` out.

Each stage is a pure function of the document and the stages before it, in this order:
text (tokens, sentences) -> quotes -> name runs -> organisations -> people -> clause helpers
-> attribution frames -> speaker resolution -> attribution records; dates and figures only need
the text. Keeping the order explicit here is the only place where stages meet.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .assemble import assemble
from .attribution import find_frames
from .clauses import Clauses
from .coref import SpeakerResolver
from .dates import find_article_date, find_dates
from .figures import find_figures
from .model import Extraction, KnownPerson, Mention, Person
from .names import find_name_runs
from .organisations import find_organisations
from .people import find_people
from .quotes import find_quotations, looks_like_name
from .text import Document


def extract(
    text: str, *, known_people: Sequence[KnownPerson] = (), article_date: str | None = None
) -> Extraction:
    """Extract people, attributions, dates, figures and organisations from a plain-text article.

    `known_people` is an optional registry (id, name, aliases) used to give canonical names;
    `article_date` (ISO "YYYY-MM-DD") anchors relative dates. Without it, a dateline at the top of
    the article ("Saturday, October 9, 2010") is used when there is one."""
    doc = Document.from_text(text)
    quotes = find_quotations(doc)
    runs = find_name_runs(doc)
    orgs = find_organisations(doc, runs, quotes)
    title_quotes = [q for q in quotes if looks_like_name(doc, q)]
    people_index = find_people(doc, runs, orgs, known_people, title_quotes)
    clauses = Clauses(doc, quotes, people_index.token_owner)
    frames = find_frames(doc, quotes, clauses)
    resolver = SpeakerResolver(doc, clauses, people_index, orgs, runs)
    speakers = resolver.resolve(frames)
    attributions = assemble(doc, clauses, frames, speakers)

    # speaker mentions (pronouns, descriptions) become mentions of the person they resolve to
    extra: dict[int, list[Mention]] = {}
    for sp in speakers.values():
        if sp.person is not None and sp.mention is not None:
            extra.setdefault(sp.person, []).append(sp.mention)
    people: list[Person] = []
    for idx, p in enumerate(people_index.people):
        if idx in extra:
            merged = {(m.char_start, m.char_end): m for m in (*p.mentions, *extra[idx])}
            p = replace(p, mentions=tuple(sorted(merged.values(), key=lambda m: m.char_start)))
        people.append(p)

    anchor = article_date
    notes: list[str] = []
    if anchor is None:
        anchor = find_article_date(doc)
        if anchor is not None:
            notes.append(f"article date {anchor} taken from the dateline")
    dates = find_dates(doc, anchor)
    figures = find_figures(doc, dates)
    return Extraction(
        people=tuple(people),
        attributions=attributions,
        dates=dates,
        figures=figures,
        organisations=orgs.organisations,
        article_date=anchor,
        notes=tuple(notes),
    )
