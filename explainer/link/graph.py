"""The linked site: every reference resolved once, so templates never look up ids.

Built by `explainer.linking` after all content is loaded. Nodes point at each other directly
(a quote at its speaker, a person at their quotes); templates only read them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeAlias

from ..load.images import ImageRef
from ..load.sources import Where
from ..model import (
    AnonymousSource,
    Event,
    Facts,
    Figure,
    GlossaryTerm,
    Organisation,
    Paragraph,
    Person,
    Place,
    Quote,
    SiteConfig,
)
from ..model.article import Article
from ..model.dates import MONTHS, FuzzyDate
from . import routes


@dataclass(eq=False)
class CitationRef:
    """A cited paragraph of a story."""

    story: StoryNode
    paragraph: Paragraph

    @property
    def page(self) -> str:
        return routes.story(self.story.slug, "source")

    @property
    def anchor(self) -> str:
        return self.paragraph.id


@dataclass(eq=False)
class FactRef:
    """A fact that cites a paragraph, for the back-links under it on the source page."""

    kind: str
    label: str
    page: str
    anchor: str


@dataclass(eq=False)
class RoleNode:
    title: str
    organisation: OrganisationNode | None
    as_of: FuzzyDate | None
    start: FuzzyDate | None
    end: FuzzyDate | None
    citations: list[CitationRef]
    story: StoryNode | None  # the story that states it, when it comes from a story's facts

    @property
    def sort_key(self) -> tuple[object, ...]:
        when = self.as_of or self.start or self.end
        return (when.sort_key if when else ((0, 0, 0), (0, 0, 0), ""), self.title)


@dataclass(eq=False)
class PersonNode:
    id: str
    model: Person
    source: str = ""  # the file it comes from, as shown in messages
    roles: list[RoleNode] = field(default_factory=list)
    quotes: list[QuoteNode] = field(default_factory=list)
    mentions: dict[str, list[CitationRef]] = field(default_factory=dict)  # story slug -> paras
    stories: list[StoryNode] = field(default_factory=list)
    authored: list[StoryNode] = field(default_factory=list)
    image: ImageRef | None = None

    kind = "person"

    @property
    def name(self) -> str:
        return self.model.name

    @property
    def page(self) -> str:
        return routes.person(self.id)

    @property
    def sort_name(self) -> str:
        parts = self.model.name.split()
        return " ".join(parts[-1:] + parts[:-1]).casefold()

    @property
    def index_letter(self) -> str:
        """The letter the people index files them under (by surname; '#' for others)."""
        first = self.sort_name[:1].upper()
        return first if first.isalpha() else "#"

    @property
    def current_role(self) -> RoleNode | None:
        return max(self.roles, key=lambda r: r.sort_key) if self.roles else None

    def quotes_by_story(self) -> list[tuple[StoryNode, list[QuoteNode], list[QuoteNode]]]:
        return group_quotes_by_story(self.quotes)


def group_quotes_by_story(quotes: list[QuoteNode]
                          ) -> list[tuple[StoryNode, list[QuoteNode], list[QuoteNode]]]:
    """(story, direct quotes, paraphrases), newest story first, quotes in article order."""
    groups: dict[str, list[QuoteNode]] = {}
    for quote in sorted(quotes, key=lambda q: q.first_paragraph):
        groups.setdefault(quote.story.slug, []).append(quote)
    stories = sorted({q.story.slug: q.story for q in quotes}.values(),
                     key=lambda s: s.sort_key, reverse=True)
    return [(s, [q for q in groups[s.slug] if q.model.kind == "direct"],
             [q for q in groups[s.slug] if q.model.kind == "paraphrase"]) for s in stories]


@dataclass(eq=False)
class AnonymousNode:
    id: str
    model: AnonymousSource
    story: StoryNode
    organisation: OrganisationNode | None
    citations: list[CitationRef]
    quotes: list[QuoteNode] = field(default_factory=list)

    kind = "anonymous"

    @property
    def name(self) -> str:
        return self.model.description

    @property
    def page(self) -> str:
        return routes.story(self.story.slug, "quotes")

    @property
    def anchor(self) -> str:
        return f"speaker-{self.id}"


Speaker: TypeAlias = "PersonNode | AnonymousNode | OrganisationNode"


@dataclass(eq=False)
class QuoteNode:
    id: str
    model: Quote
    story: StoryNode
    speaker: Speaker
    citations: list[CitationRef]
    #: where the quote's words sit in each cited paragraph: (paragraph id, start, end)
    spans: tuple[tuple[str, int, int], ...] = ()

    @property
    def page(self) -> str:
        return routes.story(self.story.slug, "quotes")

    @property
    def anchor(self) -> str:
        return self.id

    @property
    def profile_anchor(self) -> str:
        return f"{self.story.slug}-{self.id}"

    @property
    def first_paragraph(self) -> int:
        return min((c.paragraph.number for c in self.citations), default=0)


@dataclass(eq=False)
class EventNode:
    id: str
    model: Event
    story: StoryNode
    citations: list[CitationRef]
    people: list[PersonNode]
    organisations: list[OrganisationNode]
    places: list[PlaceNode]

    @property
    def sort_key(self) -> tuple[object, ...]:
        first = min((c.paragraph.number for c in self.citations), default=0)
        return (self.model.date.sort_key, self.story.slug, first, self.id)


@dataclass(eq=False)
class Breakdown:
    """Parts of a total split one way ("by group"), added up."""

    name: str
    parts: list[FigureNode]

    @property
    def total(self) -> float:
        return sum(p.model.value for p in self.parts)


@dataclass(eq=False)
class FigureNode:
    id: str
    model: Figure
    story: StoryNode
    citations: list[CitationRef]
    part_of: FigureNode | None = None
    breakdowns: list[Breakdown] = field(default_factory=list)
    disputed_by: list[QuoteNode] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return self.id


@dataclass(eq=False)
class OrganisationNode:
    id: str
    model: Organisation
    source: str = ""
    parent: OrganisationNode | None = None
    children: list[OrganisationNode] = field(default_factory=list)
    country: PlaceNode | None = None
    mentions: dict[str, list[CitationRef]] = field(default_factory=dict)
    stories: list[StoryNode] = field(default_factory=list)
    roles: list[tuple[PersonNode, RoleNode]] = field(default_factory=list)
    anonymous: list[AnonymousNode] = field(default_factory=list)
    events: list[EventNode] = field(default_factory=list)
    quotes: list[QuoteNode] = field(default_factory=list)
    image: ImageRef | None = None

    kind = "organisation"

    def quotes_by_story(self) -> list[tuple[StoryNode, list[QuoteNode], list[QuoteNode]]]:
        return group_quotes_by_story(self.quotes)

    @property
    def name(self) -> str:
        return self.model.name

    @property
    def page(self) -> str:
        return routes.organisation(self.id)


@dataclass(eq=False)
class PlaceNode:
    id: str
    model: Place
    source: str = ""
    within: PlaceNode | None = None
    contains: list[PlaceNode] = field(default_factory=list)
    mentions: dict[str, list[CitationRef]] = field(default_factory=dict)
    stories: list[StoryNode] = field(default_factory=list)
    events: list[EventNode] = field(default_factory=list)
    organisations: list[OrganisationNode] = field(default_factory=list)

    kind = "place"

    @property
    def name(self) -> str:
        return self.model.name

    @property
    def page(self) -> str:
        return routes.place(self.id)


@dataclass(eq=False)
class SpeakerSummary:
    speaker: Speaker
    role: RoleNode | None
    direct: int
    paraphrase: int
    quotes: list[QuoteNode] = field(default_factory=list)  # in the order of the article


@dataclass(eq=False)
class StoryNode:
    slug: str
    article: Article
    facts: Facts
    sources: tuple[str, ...] = ()  # article.md and facts.yaml, as shown in messages
    authors: list[PersonNode] = field(default_factory=list)
    outlet: OrganisationNode | None = None
    photo_credits: list[PersonNode] = field(default_factory=list)
    quotes: list[QuoteNode] = field(default_factory=list)
    events: list[EventNode] = field(default_factory=list)
    figures: list[FigureNode] = field(default_factory=list)
    anonymous: list[AnonymousNode] = field(default_factory=list)
    roles: dict[str, RoleNode] = field(default_factory=dict)  # person id -> role in this story
    speakers: list[SpeakerSummary] = field(default_factory=list)
    key_points: list[tuple[str, list[CitationRef]]] = field(default_factory=list)
    backlinks: dict[str, list[FactRef]] = field(default_factory=dict)
    people: list[PersonNode] = field(default_factory=list)
    organisations: list[OrganisationNode] = field(default_factory=list)
    places: list[PlaceNode] = field(default_factory=list)
    topics: list[TopicNode] = field(default_factory=list)
    image: ImageRef | None = None

    @property
    def headline(self) -> str:
        return self.article.meta.headline

    @property
    def date(self) -> FuzzyDate | None:
        return self.article.meta.published or self.article.meta.retrieved

    @property
    def sort_key(self) -> tuple[object, ...]:
        return (self.date.sort_key if self.date else ((0, 0, 0), (0, 0, 0), ""), self.slug)

    @property
    def month_label(self) -> str:
        """'September 2016' (or '2016', or 'Undated'): how story lists group stories."""
        point = self.date.start if self.date is not None else None
        if point is None:
            return "Undated"
        return point.text(with_year=True, with_month=True) if point.month is None else \
            f"{MONTHS[point.month]} {point.year}"

    def page(self, name: str = "index") -> str:
        return routes.story(self.slug, name)

    @property
    def quiet_people(self) -> list[tuple[PersonNode, RoleNode]]:
        """People with a role in this story who are not quoted in it (who's who lists them
        after the speakers)."""
        speaking = {id(s.speaker) for s in self.speakers}
        return [(p, self.roles[p.id]) for p in self.people
                if p.id in self.roles and id(p) not in speaking]

    @property
    def top_figures(self) -> list[FigureNode]:
        return [f for f in self.figures if f.part_of is None]


@dataclass(eq=False)
class TopicNode:
    """A topic named in stories' `topics:`; its page lists them, newest first."""

    slug: str
    name: str
    stories: list[StoryNode] = field(default_factory=list)

    kind = "topic"

    def page(self, number: int = 1) -> str:
        return routes.topic(self.slug, number)


@dataclass(eq=False)
class GlossaryEntry:
    id: str
    model: GlossaryTerm
    organisation: OrganisationNode | None
    where: Where
    #: The stories this meaning is limited to (empty: it applies site-wide).
    stories: list[StoryNode] = field(default_factory=list)


@dataclass(frozen=True)
class Abbreviation:
    """A tooltip: `term` stands for `expansion` on every page, or only on pages of `stories`."""

    term: str
    expansion: str
    stories: frozenset[str] | None = None  # story slugs; None: site-wide


@dataclass(eq=False)
class SiteGraph:
    site: SiteConfig
    stories: list[StoryNode]  # newest first
    people: dict[str, PersonNode]
    organisations: dict[str, OrganisationNode]
    places: dict[str, PlaceNode]
    glossary: list[GlossaryEntry]
    topics: dict[str, TopicNode] = field(default_factory=dict)
    #: content files read -> digest of their bytes (set when caches are in use)
    versions: dict[str, str] = field(default_factory=dict)

    @property
    def glossary_sorted(self) -> list[GlossaryEntry]:
        return sorted(self.glossary, key=lambda e: e.model.term.casefold())

    @property
    def abbreviations(self) -> list[Abbreviation]:
        """Tooltips: the glossary's site-wide abbreviations, then those of organisations ("IMU"
        -> "Islamic Movement of Uzbekistan"), then the meanings limited to some stories."""
        found: dict[str, str] = {}
        scoped: list[Abbreviation] = []
        for entry in self.glossary:
            if not entry.model.expansion:
                continue
            if entry.model.stories:
                stories = frozenset(s.slug for s in entry.stories)
                scoped.extend(Abbreviation(term, entry.model.expansion, stories)
                              for term in (entry.model.term, *entry.model.aliases))
                continue
            found[entry.model.term] = entry.model.expansion
            for alias in entry.model.aliases:
                found.setdefault(alias, entry.model.expansion)
        for org in self.organisations.values():
            if org.model.abbreviation:
                found.setdefault(org.model.abbreviation, org.model.name)
        return [Abbreviation(term, expansion) for term, expansion in sorted(found.items())] + \
            sorted(scoped, key=lambda a: (a.term, sorted(a.stories or ())))

    @property
    def topics_sorted(self) -> list[TopicNode]:
        return sorted(self.topics.values(), key=lambda t: t.name.casefold())

    @property
    def events(self) -> list[EventNode]:
        return sorted((e for s in self.stories for e in s.events), key=lambda e: e.sort_key)
