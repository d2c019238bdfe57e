"""Hypothesis strategies for whole, valid explainer sites, and the content folders they make.

A `SiteSpec` is a site in the model's terms: people, organisations, places, a glossary, and
stories with paragraphs, quotes taken from those paragraphs, events dated in every EDTF form the
product supports, figures with breakdowns, roles and anonymous sources. `write_content` turns it
into the files an editor would write (YAML with the ordinary dumper, Markdown with each
paragraph's text escaped so that it loads back as exactly that text).

Every text an editor types is a `Txt`. Drawn from the hostile alphabet, text holds markup,
template syntax, quotes, backslashes, Unicode controls and bidi marks; `plain_twin` maps every
`Txt` of a site, character by character, to harmless text of the same shape (letters, digits,
full stops, spaces and line breaks kept, anything else a comma), so the twin is the same site
with nothing in it that could be markup: the structure of its pages is what the templates
made.
"""

from __future__ import annotations

import calendar
import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from hypothesis import strategies as st

from explainer.load.articles import slugify

T = TypeVar("T")


class Txt(str):
    """Text an editor wrote (what `plain_twin` rewrites)."""

    __slots__ = ()


#: What an attacker, or a careless paste, puts into text: HTML, Markdown and Jinja syntax,
#: attribute quotes, URL schemes, entities, and characters that are invisible or reorder text.
HOSTILE = (
    "<", ">", '"', "'", "&", "`", "{{", "}}", "{%", "%}", "{#", "](", "javascript:", "*", "_",
    "|", "\\", "#", "[", "]", "(", ")", "!", "~", "=", "-", "+", ":", "$", "^", "{", "}",
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\" onmouseover=\"alert(1)",
    "[x](javascript:alert(1))", "{: onclick=alert(1) }", "&amp;", "&#x3c;", "&lt;", "{{ 7*7 }}",
    "{% include 'x' %}", "*[HTML]: x", "...", "''", "\t", "\u00a0",
    # what ends each context text is printed in: a link title or target, an attribute, an
    # admonition title, a table cell, a comment, a script or title element, front matter
    '")', '" )', '"](x)', '")[x](javascript:alert(1))', "')", "'>", '">', '"/>', "-->",
    "</script>", "</title>", "</textarea>", "\\\"", "\\)", "\\|", "\n", "\n\n# x\n",
    '" onmouseover="alert(1)', "' onfocus='alert(1)",
    # invisible and direction controls, line and paragraph separators, soft hyphen (control
    # characters, C0 and C1, are refused at load: tests/fixtures/errors)
    "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d",
    "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u2028", "\u2029", "\u00ad", "\ufeff",
    "\u061c",
)
WORDS = ("bridge", "council", "Mayor", "river", "opened", "said", "five", "years", "Dušanbe",
         "Ελλάδα", "Москва", "東京", "naïve", "O'Neil", "co-operate", "2016", "Ahmed", "Zoë")
_WORD = st.sampled_from(WORDS) | st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJ",
                                         min_size=1, max_size=8)


def words(hostile: bool) -> st.SearchStrategy[str]:
    """One word: a plain word, or (hostile) a hostile token, alone or glued to a word."""
    if not hostile:
        return _WORD
    token = st.sampled_from(HOSTILE)
    return _WORD | token | st.tuples(_WORD, token).map("".join) | \
        st.tuples(token, _WORD).map("".join)


def texts(hostile: bool, max_words: int = 6) -> st.SearchStrategy[Txt]:
    """One line of text that starts with a plain word (so it is never empty or blank); hostile
    pieces may touch each other (`"` then `)` ends a Markdown link title)."""
    separator = st.sampled_from((" ", " ", "")) if hostile else st.just(" ")
    piece = st.tuples(separator, words(hostile)).map("".join)
    return st.tuples(_WORD, st.lists(piece, max_size=max_words - 1)).map(
        lambda parts: Txt(parts[0] + "".join(parts[1])))


def plain_char(char: str) -> str:
    """Letters, digits, spaces, tabs and line breaks (paragraphs in Markdown), and full stops
    ("..." is an omission in a quote) are kept; anything else is a comma (other white space
    too: a space before a line break would make a Markdown line break)."""
    return char if char.isalnum() or char in " .\n\t" else ","


def plain(text: str) -> str:
    return "".join(plain_char(char) for char in text)


def plain_twin(value: T) -> T:
    """The same site with every `Txt` made plain (see the module's docstring)."""
    if isinstance(value, Txt):
        return Txt(plain(value))  # type: ignore[return-value]
    if isinstance(value, tuple):
        return tuple(plain_twin(item) for item in value)  # type: ignore[return-value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(value, **{  # type: ignore[type-var]
            f.name: plain_twin(getattr(value, f.name)) for f in dataclasses.fields(value)})
    return value


# --- dates -----------------------------------------------------------------------------------

@st.composite
def date_points(draw: st.DrawFn) -> str:
    year = draw(st.integers(1990, 2030))
    precision = draw(st.sampled_from(("year", "month", "day")))
    text = f"{year:04d}"
    if precision != "year":
        month = draw(st.integers(1, 12))
        text += f"-{month:02d}"
        if precision == "day":
            text += f"-{draw(st.integers(1, calendar.monthrange(year, month)[1])):02d}"
    return text + draw(st.sampled_from(("", "", "", "?", "~", "%")))


def _earliest(point: str) -> tuple[int, int, int]:
    parts = [int(part) for part in re.sub(r"[?~%]", "", point).split("-")]
    month, day = [*parts[1:], 1, 1][:2]
    return parts[0], month, day


@st.composite
def edtf_dates(draw: st.DrawFn) -> str:
    """Every form the product reads: points at three precisions, qualified (? ~ %), closed,
    open and unknown-ended intervals, seasons (quarters, halves: EDTF's 21-41, shown in words),
    and forms only the `edtf` package reads (shown as written): unspecified digits."""
    form = draw(st.sampled_from(("point", "point", "interval", "open", "unknown", "edtf")))
    if form == "point":
        return draw(date_points())
    if form == "interval":
        a, b = draw(date_points()), draw(date_points())
        a, b = sorted((a, b), key=_earliest)  # so that the interval does not end before it starts
        return f"{a}/{b}"
    point = draw(date_points())
    if form == "open":
        return draw(st.sampled_from((f"{point}/..", f"../{point}")))
    if form == "unknown":
        return draw(st.sampled_from((f"{point}/", f"/{point}")))
    year = draw(st.integers(1990, 2030))
    return draw(st.sampled_from((f"{year}-XX", f"{year}-{draw(st.integers(1, 12)):02d}-XX",
                                 f"{str(year)[:3]}X", f"{year}-{draw(st.integers(21, 41))}")))


#: Addresses of original articles (direct quotes then link to their words there): plain, with
#: a query and fragment, with characters a Markdown link target must not hold as they are.
URLS = (None, "https://example.org/news/story", "https://example.org/a?b=1&c=2#top",
        "https://example.org/path(with)parens/?q=\"x\"&y='z'", "http://example.org/ünï/%20sp")


# --- the site --------------------------------------------------------------------------------

@dataclass(frozen=True)
class PersonSpec:
    id: str
    name: Txt
    aliases: tuple[Txt, ...] = ()
    description: Txt | None = None
    bio: Txt | None = None
    roles: tuple[tuple[Txt, str | None, str | None], ...] = ()  # title, organisation, as_of


@dataclass(frozen=True)
class OrganisationSpec:
    id: str
    name: Txt
    abbreviation: str | None = None
    kind: Txt | None = None
    description: Txt | None = None
    aliases: tuple[Txt, ...] = ()


@dataclass(frozen=True)
class PlaceSpec:
    id: str
    name: Txt
    kind: Txt | None = None
    aliases: tuple[Txt, ...] = ()
    description: Txt | None = None


@dataclass(frozen=True)
class QuoteSpec:
    id: str
    speaker: str
    kind: str  # direct | paraphrase
    paragraph: str
    text: Txt
    verb: Txt | None = None
    setting: Txt | None = None
    date: str | None = None
    note: Txt | None = None
    date_note: Txt | None = None


@dataclass(frozen=True)
class EventSpec:
    id: str
    date: str
    title: Txt
    paragraph: str
    description: Txt | None = None
    people: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    date_note: Txt | None = None


@dataclass(frozen=True)
class FigureSpec:
    id: str
    value: int
    counts: Txt
    paragraph: str
    unit: Txt | None = None
    part_of: str | None = None
    breakdown: Txt | None = None
    qualifier: str = "exactly"
    period: str | None = None
    note: Txt | None = None


@dataclass(frozen=True)
class StorySpec:
    slug: str
    headline: Txt
    outlet: Txt
    byline: Txt | None
    published: str | None
    blocks: tuple[tuple[str, Txt, bool], ...]  # (id, text, is a subhead)
    quotes: tuple[QuoteSpec, ...] = ()
    events: tuple[EventSpec, ...] = ()
    figures: tuple[FigureSpec, ...] = ()
    roles: tuple[tuple[str, Txt, str], ...] = ()  # person, title, paragraph
    anonymous: tuple[tuple[str, Txt, str], ...] = ()  # id, description, paragraph
    summary: Txt | None = None
    key_points: tuple[tuple[Txt, str], ...] = ()
    topics: tuple[Txt, ...] = ()
    #: more of the article's front matter: dateline, licence, credit, published_note
    details: tuple[tuple[str, Txt], ...] = ()
    photo: tuple[Txt, Txt | None] | None = None  # caption (citable as `photo`), credit
    url: str | None = None

    @property
    def paragraphs(self) -> tuple[tuple[str, Txt], ...]:
        return tuple((block_id, text) for block_id, text, subhead in self.blocks if not subhead)


@dataclass(frozen=True)
class SiteSpec:
    title: Txt
    description: Txt | None
    people: tuple[PersonSpec, ...]
    organisations: tuple[OrganisationSpec, ...]
    places: tuple[PlaceSpec, ...]
    glossary: tuple[tuple[Txt, Txt, Txt | None], ...]  # term, definition, expansion
    stories: tuple[StorySpec, ...] = field(default=())


def _ids(prefix: str, count: int) -> list[str]:
    return [f"{prefix}{n}" for n in range(1, count + 1)]


@st.composite
def paragraph_text(draw: st.DrawFn, hostile: bool, numbers: list[int],
                   names: list[Txt]) -> Txt:
    """A paragraph: words, the figures' values as digits, and some registry names."""
    parts = [draw(texts(hostile, max_words=7)) for _ in range(draw(st.integers(1, 3)))]
    for extra in [*(str(n) for n in numbers), *names]:
        parts.insert(draw(st.integers(0, len(parts))), extra)
    return Txt(" ".join(parts))


@st.composite
def stories(draw: st.DrawFn, slug: str, hostile: bool, people: list[PersonSpec],
            organisations: list[OrganisationSpec], places: list[PlaceSpec]) -> StorySpec:
    text = texts(hostile)
    paragraph_count = draw(st.integers(1, 4))
    paragraph_ids = _ids("p", paragraph_count)
    # figures: totals and their parts, each cited to a paragraph that gives its value
    figure_count = draw(st.integers(0, 3))
    values = [draw(st.integers(1, 2_000_000)) for _ in range(figure_count)]
    figure_paragraphs = [draw(st.sampled_from(paragraph_ids)) for _ in range(figure_count)]
    figures = []
    for index, (value, paragraph) in enumerate(zip(values, figure_paragraphs, strict=True)):
        total = "f1" if index > 0 and draw(st.booleans()) else None
        figures.append(FigureSpec(
            f"f{index + 1}", value, draw(text), paragraph,
            unit=draw(st.none() | text), part_of=total,
            breakdown=draw(st.none() | text) if total else None,
            qualifier=draw(st.sampled_from(("exactly", "about", "more than", "at least"))),
            period=draw(st.none() | edtf_dates()), note=draw(st.none() | text)))
    named = [p.name for p in people] + [o.name for o in organisations] + [p.name for p in places]
    blocks: list[tuple[str, Txt, bool]] = []
    for paragraph in paragraph_ids:
        if draw(st.integers(0, 4)) == 0:  # a subhead is one line
            blocks.append((f"s-{paragraph}", Txt(" ".join(draw(text).split("\n"))), True))
        numbers = [v for v, p in zip(values, figure_paragraphs, strict=True) if p == paragraph]
        mentioned = draw(st.lists(st.sampled_from(named), max_size=2)) if named else []
        body = draw(paragraph_text(hostile, numbers, mentioned))
        # one block: line breaks, but no blank line (that would start a paragraph without id)
        blocks.append((paragraph, Txt(re.sub(r"\n[ \t]*(?=\n)", "", body)), False))
    paragraphs = {block_id: body for block_id, body, subhead in blocks if not subhead}
    anonymous = [(f"anon{n}", draw(text), draw(st.sampled_from(paragraph_ids)))
                 for n in range(1, draw(st.integers(0, 1)) + 1)]
    speakers = [p.id for p in people] + [o.id for o in organisations] + [a[0] for a in anonymous]
    quotes = []
    for number in range(1, (draw(st.integers(0, 4)) if speakers else 0) + 1):
        paragraph = draw(st.sampled_from(paragraph_ids))
        direct = draw(st.booleans())
        if direct:  # a run of the paragraph's words, as the article has them
            tokens = paragraphs[paragraph].split(" ")
            start = draw(st.integers(0, len(tokens) - 1))
            end = draw(st.integers(start + 1, len(tokens)))
            words_taken = [t for t in tokens[start:end] if t]
            if not any(re.search(r"[^\W_]", t) for t in words_taken):
                words_taken = [next(t for t in tokens if re.search(r"[^\W_]", t))]
            quote_text = Txt(" ".join(words_taken))
        else:
            quote_text = draw(text)
        quotes.append(QuoteSpec(
            f"q{number}", draw(st.sampled_from(speakers)), "direct" if direct else "paraphrase",
            paragraph, quote_text, verb=draw(st.none() | text), setting=draw(st.none() | text),
            date=draw(st.none() | edtf_dates()), note=draw(st.none() | text),
            date_note=draw(st.none() | text)))
    events = [EventSpec(f"e{n}", draw(edtf_dates()), draw(text),
                        draw(st.sampled_from(paragraph_ids)), description=draw(st.none() | text),
                        people=tuple(draw(st.lists(st.sampled_from([p.id for p in people]),
                                                   max_size=2, unique=True)) if people else ()),
                        places=tuple(draw(st.lists(st.sampled_from([p.id for p in places]),
                                                   max_size=1)) if places else ()),
                        date_note=draw(st.none() | text))
              for n in range(1, draw(st.integers(0, 4)) + 1)]
    roles = [(person.id, draw(text), draw(st.sampled_from(paragraph_ids)))
             for person in people if draw(st.booleans())]
    return StorySpec(
        slug, draw(text), draw(text), draw(st.none() | text), draw(st.none() | edtf_dates()),
        tuple(blocks), tuple(quotes), tuple(events), tuple(figures), tuple(roles),
        tuple(anonymous), summary=draw(st.none() | text),
        key_points=tuple((draw(text), draw(st.sampled_from(paragraph_ids)))
                         for _ in range(draw(st.integers(0, 2)))),
        topics=tuple(draw(st.lists(text, max_size=2))),
        details=tuple((name, draw(text)) for name in draw(st.lists(st.sampled_from(
            ("dateline", "licence", "credit", "published_note")), unique=True))),
        photo=draw(st.none() | st.tuples(text, st.none() | text)),
        url=draw(st.sampled_from(URLS)))


@st.composite
def sites(draw: st.DrawFn, hostile: bool = False, max_stories: int = 2) -> SiteSpec:
    text = texts(hostile)
    organisations = [OrganisationSpec(
        organisation_id, draw(text),
        abbreviation=draw(st.none() | st.from_regex(r"[A-Z]{2,4}", fullmatch=True)),
        kind=draw(st.none() | text), description=draw(st.none() | text),
        aliases=tuple(draw(st.lists(text, max_size=1))))
        for organisation_id in _ids("org", draw(st.integers(0, 2)))]
    organisation_ids = [o.id for o in organisations]
    people = [PersonSpec(
        person_id, draw(text), aliases=tuple(draw(st.lists(text, max_size=1))),
        description=draw(st.none() | text), bio=draw(st.none() | text),
        roles=tuple((draw(text), draw(st.none() | st.sampled_from(organisation_ids))
                     if organisation_ids else None, draw(st.none() | edtf_dates()))
                    for _ in range(draw(st.integers(0, 1)))))
        for person_id in _ids("person", draw(st.integers(1, 3)))]
    places = [PlaceSpec(place_id, draw(text), kind=draw(st.none() | text),
                        aliases=tuple(draw(st.lists(text, max_size=1))),
                        description=draw(st.none() | text))
              for place_id in _ids("place", draw(st.integers(0, 2)))]
    # a term's id is its slug; an abbreviation (a term with an expansion, shown as a tooltip
    # wherever it is printed) is capitals and digits: printed with Markdown escapes (co\-op),
    # a term is not found by Python-Markdown's `abbr`
    abbreviation = st.from_regex(r"[A-Z][A-Z0-9]{1,4}", fullmatch=True).map(Txt)
    entries = draw(st.lists(st.one_of(st.tuples(text, text, st.none()),
                                      st.tuples(abbreviation, text, text)),
                            max_size=2, unique_by=lambda entry: slugify(entry[0])))
    glossary = tuple(entries)
    story_list = tuple(draw(stories(slug, hostile, people, organisations, places))
                       for slug in _ids("story-", draw(st.integers(1, max_stories))))
    return SiteSpec(draw(text), draw(st.none() | text), tuple(people), tuple(organisations),
                    tuple(places), glossary, story_list)


# --- writing the content folder --------------------------------------------------------------

_MARKDOWN_PUNCTUATION = re.compile(r"([!-/:-;=-@\[-`{-~])")


def markdown_literal(text: str) -> str:
    """Markdown that reads back as exactly `text`: every ASCII punctuation mark backslash-
    escaped (CommonMark and Python-Markdown with `escapeall` both honour that), but '<' as
    '&lt;' (the Markdown policy asks for that)."""
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", text).replace("<", "&lt;")


def _dump(data: Any) -> str:
    return yaml.safe_dump(_plain_data(data), allow_unicode=True, sort_keys=False, width=10**6)


def _plain_data(value: Any) -> Any:
    if isinstance(value, str):
        return str(value)
    if isinstance(value, dict):
        return {key: _plain_data(item) for key, item in value.items() if item not in (None, [])}
    if isinstance(value, (list, tuple)):
        return [_plain_data(item) for item in value]
    return value


def _front_matter(fields: dict[str, Any], body: str = "") -> str:
    return f"---\n{_dump(fields)}---\n{body}"


def write_content(site: SiteSpec, root: Path) -> Path:
    """Write `site` as the content folder of a project at `root` (with the repository's
    mkdocs.yml); returns `root`."""
    from ..conftest import REPO

    content = root / "content"
    for folder in ("people", "organisations", "places", "stories"):
        (content / folder).mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text((REPO / "mkdocs.yml").read_text(encoding="utf-8"),
                                     encoding="utf-8")
    (content / "site.yaml").write_text(_dump({
        "title": site.title, "description": _markdown(site.description), "language": "en"}),
        encoding="utf-8")
    for person in site.people:
        (content / "people" / f"{person.id}.md").write_text(_front_matter({
            "name": person.name, "aliases": list(person.aliases),
            "description": person.description,
            "roles": [{"title": title, "organisation": organisation, "as_of": as_of}
                      for title, organisation, as_of in person.roles],
        }, _markdown(person.bio) or ""), encoding="utf-8")
    for organisation in site.organisations:
        (content / "organisations" / f"{organisation.id}.md").write_text(_front_matter({
            "name": organisation.name, "abbreviation": organisation.abbreviation,
            "kind": organisation.kind, "aliases": list(organisation.aliases)},
            _markdown(organisation.description) or ""),
            encoding="utf-8")
    for place in site.places:
        (content / "places" / f"{place.id}.md").write_text(
            _front_matter({"name": place.name, "kind": place.kind,
                           "aliases": list(place.aliases)}, _markdown(place.description) or ""),
            encoding="utf-8")
    if site.glossary:
        (content / "glossary.yaml").write_text(_dump([
            {"term": term, "definition": _markdown(definition), "expansion": expansion}
            for term, definition, expansion in site.glossary]), encoding="utf-8")
    for story in site.stories:
        _write_story(story, content / "stories" / story.slug)
    return root


def _markdown(text: str | None) -> str | None:
    return markdown_literal(text) if text is not None else None


def _write_story(story: StorySpec, folder: Path) -> None:
    folder.mkdir(parents=True)
    body = "".join(
        f"{{#{block_id}}}\n{'## ' if subhead else ''}{markdown_literal(text)}\n\n"
        for block_id, text, subhead in story.blocks)
    (folder / "article.md").write_text(_front_matter({
        "headline": story.headline, "byline": story.byline, "outlet": story.outlet,
        "published": story.published, "url": story.url, **dict(story.details),
        "photo": {"caption": story.photo[0], "credit": story.photo[1]} if story.photo else None,
    }, "\n" + body), encoding="utf-8")
    facts = {
        "summary": _markdown(story.summary),
        "topics": list(story.topics),
        "key_points": [{"text": _markdown(text), "cite": [paragraph]}
                       for text, paragraph in story.key_points],
        "people": [{"person": person, "title": title, "cite": [paragraph]}
                   for person, title, paragraph in story.roles],
        "anonymous_sources": [{"id": source, "description": description, "cite": [paragraph]}
                              for source, description, paragraph in story.anonymous],
        "quotes": [{"id": q.id, "speaker": q.speaker, "kind": q.kind, "text": q.text,
                    "verb": q.verb, "setting": q.setting, "date": q.date,
                    "date_note": q.date_note, "note": _markdown(q.note),
                    "cite": [q.paragraph]} for q in story.quotes],
        "events": [{"id": e.id, "date": e.date, "date_note": e.date_note, "title": e.title,
                    "description": _markdown(e.description), "people": list(e.people),
                    "places": list(e.places), "cite": [e.paragraph]} for e in story.events],
        "figures": [{"id": f.id, "value": f.value, "qualifier": f.qualifier, "unit": f.unit,
                     "counts": f.counts, "period": f.period, "part_of": f.part_of,
                     "breakdown": f.breakdown, "note": _markdown(f.note),
                     "cite": [f.paragraph]} for f in story.figures],
    }
    (folder / "facts.yaml").write_text(_dump(facts), encoding="utf-8")


def strategy_for(hostile: bool) -> Callable[[], st.SearchStrategy[SiteSpec]]:
    return lambda: sites(hostile=hostile)
