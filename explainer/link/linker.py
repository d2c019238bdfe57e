"""Stage 3: resolve every reference once and check provenance, collecting all problems.

Unknown ids (speakers, organisations, paragraphs), duplicate ids and facts the article does not
support are reported with the position of the offending field; references to files that failed
to load are skipped (their own error already says what is wrong).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from ..diagnostics import Location, Report, did_you_mean
from ..load.articles import slugify
from ..load.content import Content, StorySource
from ..load.sources import Where, YamlDocument
from ..model.common import Citation
from . import routes
from .graph import (
    AnonymousNode,
    Breakdown,
    CitationRef,
    EventNode,
    FactRef,
    FigureNode,
    GlossaryEntry,
    OrganisationNode,
    PersonNode,
    PlaceNode,
    QuoteNode,
    RoleNode,
    SiteGraph,
    Speaker,
    SpeakerSummary,
    StoryNode,
    TopicNode,
)
from .memo import LinkMemo, Mentions, RegistryLink, StoryLink, names_signature
from .mentions import NameIndex, build_index, words
from .provenance import QuoteMatch, describe_value, figure_in_text

N = TypeVar("N")


class Linker:
    """Builds the SiteGraph from loaded content; one instance per build."""

    def __init__(self, content: Content, report: Report, memo: LinkMemo | None = None):
        self.content = content
        self.report = report
        self.memo = memo or LinkMemo()
        self.person_spellings = _spellings(
            (k, [e.model.name, *e.model.aliases]) for k, e in content.people.items())
        #: while linking one story: what it appends to registry nodes, the stories it cites
        self._attached: list[tuple[Any, str, Any]] | None = None
        self._cited: set[str] | None = None
        changed = self._changed_stories()
        registry = self._reusable_registry(changed)
        if registry is None:
            images = content.images
            self.people = {k: PersonNode(k, e.model, source=e.document.path,
                                         image=images.get(e.document.path))
                           for k, e in content.people.items()}
            self.organisations = {k: OrganisationNode(k, e.model, source=e.document.path,
                                                      image=images.get(e.document.path))
                                  for k, e in content.organisations.items()}
            self.places = {k: PlaceNode(k, e.model, source=e.document.path)
                           for k, e in content.places.items()}
            changed = set(content.stories)
        else:
            self.people, self.organisations, self.places = (
                registry.people, registry.organisations, registry.places)
            _empty_story_parts(registry)
        self.registry_reused = registry is not None
        self.reused = set(content.stories) - changed
        #: people whose roles stories linked again (or removed) may change: the speakers'
        #: summaries of reused stories quoting them are made again
        self.touched: set[int] = {
            id(node) for slug in changed if slug in self.memo.stories
            for node, attribute, _ in self.memo.stories[slug].attached if attribute == "roles"}
        self.stories: dict[str, StoryNode] = {
            slug: self.memo.stories[slug].node if slug in self.reused else
            StoryNode(slug, source.article, source.facts,
                      sources=(source.article_document.path, source.facts_document.path),
                      image=content.images.get(source.article_document.path))
            for slug, source in content.stories.items()}

    def _changed_stories(self) -> set[str]:
        """Stories to link again: new, removed or edited (not the same loaded objects), and,
        over and over, those citing one of them."""
        previous = self.memo.stories
        images = self.content.images
        changed = {slug for slug, source in self.content.stories.items()
                   if slug not in previous or not _same(previous[slug].files, _files(source))
                   or previous[slug].image != images.get(source.article_document.path)}
        changed |= set(previous) - set(self.content.stories)
        growing = True
        while growing:
            growing = False
            for slug in self.content.stories:
                if slug not in changed and previous[slug].cited & changed:
                    changed.add(slug)
                    growing = True
        return changed

    def _reusable_registry(self, changed: set[str]) -> RegistryLink | None:
        """The previous run's registry nodes, if nothing they were made from changed."""
        registry = self.memo.registry
        content = self.content
        if registry is None or registry.cited & changed:
            return None
        loaded: tuple[dict[str, Any], ...] = (content.people, content.organisations,
                                              content.places)
        for before, now in zip(registry.entries, loaded, strict=True):
            if before.keys() != now.keys() or any(now[k] is not e for k, e in before.items()):
                return None
        broken = {kind: frozenset(ids) for kind, ids in content.broken.items() if ids}
        if broken != registry.broken or registry.images != _registry_images(content):
            return None
        return registry

    # ------------------------------------------------------------------ helpers
    def resolve(self, kind: str, table: dict[str, N], item_id: str | None,
                where: Location | Where, what: str) -> N | None:
        if item_id is None:
            return None
        found = table.get(item_id)
        if found is None and not self.content.is_broken(kind, item_id):
            aliases = self.person_spellings if kind == "people" else None
            self.report.add(where.error(
                f"unknown {what} '{item_id}'{did_you_mean(item_id, table, aliases)}"
                f" (no content/{kind}/{item_id}.md)"))
        return found

    def cite(self, story: StoryNode | None, cites: Sequence[Citation], document: YamlDocument,
             loc: tuple[Any, ...]) -> list[CitationRef]:
        """Resolve citations; `story` is the story bare ids (p3) refer to (None: registries)."""
        refs: list[CitationRef] = []
        for index, citation in enumerate(cites):
            target = story
            if citation.story is not None:
                if self._cited is not None:
                    self._cited.add(citation.story)
                target = self.stories.get(citation.story)
                if target is None:
                    if not self.content.is_broken("stories", citation.story):
                        self.report.add(document.where(*loc, index).error(
                            f"unknown story '{citation.story}' in citation '{citation}'"
                            f"{did_you_mean(citation.story, self.stories)}"))
                    continue
            if target is None:
                self.report.add(document.where(*loc, index).error(
                    f"citation '{citation}' needs its story here: write story-slug#"
                    f"{citation.paragraph}"))
                continue
            paragraph = target.article.paragraph(citation.paragraph)
            if paragraph is None:
                self.report.add(document.where(*loc, index).error(
                    f"unknown paragraph '{citation.paragraph}' in story '{target.slug}'"
                    f"{did_you_mean(citation.paragraph, target.article.by_id)}"))
                continue
            refs.append(CitationRef(target, paragraph))
        return refs

    # ------------------------------------------------------------------ registries
    def link_registries(self) -> None:
        for org_id, node in self.organisations.items():
            document = self.content.organisations[org_id].document
            node.parent = self.resolve("organisations", self.organisations, node.model.parent,
                                       document.where("parent"), "parent organisation")
            node.country = self.resolve("places", self.places, node.model.country,
                                        document.where("country"), "country")
            if node.country is not None:
                node.country.organisations.append(node)
        for org_id, node in self.organisations.items():
            if _has_cycle(node, lambda n: n.parent):
                self.report.add(self.content.organisations[org_id].document.where("parent").error(
                    f"'parent' makes a loop: {org_id} is its own ancestor"))
                node.parent = None
            elif node.parent is not None:
                node.parent.children.append(node)
        for place_id, place in self.places.items():
            document = self.content.places[place_id].document
            place.within = self.resolve("places", self.places, place.model.within,
                                        document.where("within"), "place")
        for place_id, place in self.places.items():
            if _has_cycle(place, lambda n: n.within):
                self.report.add(self.content.places[place_id].document.where("within").error(
                    f"'within' makes a loop: {place_id} is inside itself"))
                place.within = None
            elif place.within is not None:
                place.within.contains.append(place)
        for person_id, person in self.people.items():
            document = self.content.people[person_id].document
            for index, role in enumerate(person.model.roles):
                role_node = RoleNode(
                    role.title,
                    self.resolve("organisations", self.organisations, role.organisation,
                                 document.where("roles", index, "organisation"),
                                 "organisation"),
                    role.as_of, role.from_, role.to,
                    self.cite(None, role.cite, document, ("roles", index, "cite")), None)
                person.roles.append(role_node)
                if role_node.organisation is not None:
                    role_node.organisation.roles.append((person, role_node))

    def link_glossary(self) -> list[GlossaryEntry]:
        entries: list[GlossaryEntry] = []
        seen: dict[str, Where] = {}
        meanings: dict[tuple[str, str | None], Where] = {}  # (term, story or None) -> entry
        for term, where in self.content.glossary:
            stories = self._glossary_stories(term.stories, where)
            scope = term.stories[0] if term.stories else None
            term_id = term.id or slugify(term.term + (f" {scope}" if scope else ""))
            if term_id in seen:
                self.report.add(where.error(
                    f"duplicate glossary term '{term.term}' (id '{term_id}', first on line "
                    f"{seen[term_id].line})"))
                continue
            seen[term_id] = where
            scopes: list[str | None] = list(term.stories) or [None]
            clash = next((meanings[(term.term, slug)] for slug in scopes
                          if (term.term, slug) in meanings), None)
            if clash is not None:
                within = (f"for story '{', '.join(term.stories)}'" if term.stories
                          else "site-wide")
                self.report.add(where.error(
                    f"'{term.term}' already has a meaning {within} (line {clash.line}); give "
                    "this one `stories:` naming the stories where it applies"))
                continue
            for slug in scopes:
                meanings[(term.term, slug)] = where
            organisation = self.resolve("organisations", self.organisations, term.organisation,
                                        where, "organisation")
            entries.append(GlossaryEntry(term_id, term, organisation, where, stories))
        return entries

    def _glossary_stories(self, slugs: Sequence[str], where: Where) -> list[StoryNode]:
        found = []
        for index, slug in enumerate(slugs):
            story = self.stories.get(slug)
            if story is not None:
                found.append(story)
            elif not self.content.is_broken("stories", slug):
                self.report.add(Where(where.document, (*where.loc, "stories", index)).error(
                    f"unknown story '{slug}' in 'stories'{did_you_mean(slug, self.stories)} "
                    "(a folder in content/stories/)"))
        return found

    # ------------------------------------------------------------------ stories
    def link_story(self, story: StoryNode, source: StorySource) -> None:
        facts, meta = source.facts, source.article.meta
        fdoc, adoc = source.facts_document, source.article_document
        for index, author in enumerate(meta.authors):
            person = self.resolve("people", self.people, author,
                                  adoc.where("authors", index), "person")
            if person is not None:
                story.authors.append(person)
                self._attach(person, "authored", story)
        if meta.photo is not None:
            for index, credit in enumerate(meta.photo.credit_people):
                person = self.resolve("people", self.people, credit,
                                      adoc.where("photo", "credit_people", index),
                                      "person")
                if person is not None:
                    story.photo_credits.append(person)
        story.outlet = self.resolve("organisations", self.organisations,
                                    meta.outlet_organisation,
                                    adoc.where("outlet_organisation"), "organisation")

        fact_ids: dict[str, Where] = {}

        def claim(fact_id: str, where: Where) -> bool:
            if fact_id in fact_ids:
                self.report.add(where.error(
                    f"duplicate id '{fact_id}' (first used on line {fact_ids[fact_id].line}); "
                    "ids of quotes, events, figures and sources must be unique in a story"))
                return False
            fact_ids[fact_id] = where
            return True

        anonymous: dict[str, AnonymousNode] = {}
        for index, item in enumerate(facts.anonymous_sources):
            where = fdoc.where("anonymous_sources", index, "id")
            if not claim(item.id, where):
                continue
            if item.id in self.people:
                self.report.add(where.error(
                    f"anonymous source id '{item.id}' is also a person's id; choose another"))
                continue
            source_node = AnonymousNode(
                item.id, item, story,
                self.resolve("organisations", self.organisations, item.organisation,
                             fdoc.where("anonymous_sources", index, "organisation"),
                             "organisation"),
                self.cite(story, item.cite, fdoc, ("anonymous_sources", index, "cite")))
            anonymous[item.id] = source_node
            story.anonymous.append(source_node)
            if source_node.organisation is not None:
                self._attach(source_node.organisation, "anonymous", source_node)

        for index, role in enumerate(facts.people):
            person = self.resolve("people", self.people, role.person,
                                  fdoc.where("people", index, "person"), "person")
            organisation = self.resolve(
                "organisations", self.organisations, role.organisation,
                fdoc.where("people", index, "organisation"), "organisation")
            citations = self.cite(story, role.cite, fdoc, ("people", index, "cite"))
            if person is None:
                continue
            if person.id in story.roles:
                self.report.add(fdoc.where("people", index, "person").error(
                    f"'{person.id}' already has a role in this story; give one role per person "
                    "(put other titles in the person's file)"))
                continue
            story_role = RoleNode(role.title, organisation, role.as_of, None, None, citations,
                                  story)
            story.roles[person.id] = story_role
            self._attach(person, "roles", story_role)
            if organisation is not None:
                self._attach(organisation, "roles", (person, story_role))

        # A speaker is an anonymous source of the story, a person, or an organisation (in
        # that order when ids clash).
        for index, quote in enumerate(facts.quotes):
            if not claim(quote.id, fdoc.where("quotes", index, "id")):
                continue
            speaker: Speaker | None = (anonymous.get(quote.speaker)
                                       or self.people.get(quote.speaker)
                                       or self.organisations.get(quote.speaker))
            if speaker is None:
                if not self.content.is_broken("people", quote.speaker):
                    speakers = [*self.organisations, *self.people, *anonymous]
                    self.report.add(fdoc.where("quotes", index, "speaker").error(
                        f"unknown speaker '{quote.speaker}'"
                        f"{did_you_mean(quote.speaker, speakers, self.person_spellings)}"
                        " (a person in content/people/, an organisation, or an anonymous source "
                        "of this story)"))
                continue
            citations = self.cite(story, quote.cite, fdoc, ("quotes", index, "cite"))
            if len(citations) != len(quote.cite):
                continue
            quote_node = QuoteNode(quote.id, quote, story, speaker, citations)
            if quote.kind == "direct":
                found = self.memo.find_quote(quote.text, [c.paragraph.text for c in citations])
                if isinstance(found, QuoteMatch):
                    quote_node.spans = tuple((citations[p].paragraph.id, a, b)
                                       for p, a, b in found.spans)
                else:
                    cited = ", ".join(c.paragraph.id for c in citations)
                    self.report.add(fdoc.where("quotes", index, "text").error(
                        f"direct quote '{quote.id}' is not verbatim in {cited}: {found}"))
            story.quotes.append(quote_node)
            if isinstance(speaker, AnonymousNode):
                speaker.quotes.append(quote_node)  # the story's own node
            else:
                self._attach(speaker, "quotes", quote_node)

        quotes_by_id = {q.id: q for q in story.quotes}
        for index, event in enumerate(facts.events):
            if not claim(event.id, fdoc.where("events", index, "id")):
                continue
            event_node = EventNode(
                event.id, event, story,
                self.cite(story, event.cite, fdoc, ("events", index, "cite")),
                self._many("people", self.people, event.people, fdoc, ("events", index, "people"),
                           "person"),
                self._many("organisations", self.organisations, event.organisations, fdoc,
                           ("events", index, "organisations"), "organisation"),
                self._many("places", self.places, event.places, fdoc,
                           ("events", index, "places"), "place"))
            story.events.append(event_node)
            for org in event_node.organisations:
                self._attach(org, "events", event_node)
            for place in event_node.places:
                self._attach(place, "events", event_node)
        story.events.sort(key=lambda e: e.sort_key)

        figures: dict[str, FigureNode] = {}
        for index, figure in enumerate(facts.figures):
            if not claim(figure.id, fdoc.where("figures", index, "id")):
                continue
            citations = self.cite(story, figure.cite, fdoc, ("figures", index, "cite"))
            if citations and not any(figure_in_text(figure.value, c.paragraph.text)
                                     for c in citations):
                cited = ", ".join(c.paragraph.id for c in citations)
                self.report.add(fdoc.where("figures", index, "value").error(
                    f"figure '{figure.id}': {describe_value(figure.value)} is not written in "
                    f"{cited} (as digits or words); check the value or the citation"))
            figure_node = FigureNode(figure.id, figure, story, citations)
            for q_index, quote_id in enumerate(figure.disputed_by):
                disputing = quotes_by_id.get(quote_id)
                if disputing is None:
                    self.report.add(fdoc.where("figures", index, "disputed_by", q_index).error(
                        f"unknown quote '{quote_id}'{did_you_mean(quote_id, quotes_by_id)}"))
                else:
                    figure_node.disputed_by.append(disputing)
            figures[figure.id] = figure_node
            story.figures.append(figure_node)
        for index, figure in enumerate(facts.figures):
            node_or_none = figures.get(figure.id)
            if node_or_none is None or figure.part_of is None:
                continue
            total = figures.get(figure.part_of)
            if total is None:
                self.report.add(fdoc.where("figures", index, "part_of").error(
                    f"unknown figure '{figure.part_of}'{did_you_mean(figure.part_of, figures)}"))
                continue
            node_or_none.part_of = total
            if _has_cycle(node_or_none, lambda n: n.part_of):
                self.report.add(fdoc.where("figures", index, "part_of").error(
                    f"'part_of' makes a loop: figure '{figure.id}' is part of itself"))
                node_or_none.part_of = None
                continue
            name = figure.breakdown or "parts"
            for breakdown in total.breakdowns:
                if breakdown.name == name:
                    breakdown.parts.append(node_or_none)
                    break
            else:
                total.breakdowns.append(Breakdown(name, [node_or_none]))

        for index, point in enumerate(facts.key_points):
            story.key_points.append(
                (point.text, self.cite(story, point.cite, fdoc, ("key_points", index, "cite"))))

        self._summarise_speakers(story)
        self._backlinks(story)

    def _many(self, kind: str, table: dict[str, N], ids: Sequence[str], document: YamlDocument,
              loc: tuple[Any, ...], what: str) -> list[N]:
        found = []
        for index, item_id in enumerate(ids):
            node = self.resolve(kind, table, item_id, document.where(*loc, index), what)
            if node is not None:
                found.append(node)
        return found

    def _attach(self, node: Any, attribute: str, item: Any) -> None:
        """Append `item` to a registry node's list, noting it for replay (`memo.StoryLink`)."""
        getattr(node, attribute).append(item)
        if self._attached is not None:
            self._attached.append((node, attribute, item))
            if attribute == "roles":
                self.touched.add(id(node))

    def _summarise_speakers(self, story: StoryNode) -> None:
        order: dict[int, SpeakerSummary] = {}
        for quote in sorted(story.quotes, key=lambda q: q.first_paragraph):
            summary = order.get(id(quote.speaker))
            if summary is None:
                role = story.roles.get(quote.speaker.id) if isinstance(
                    quote.speaker, PersonNode) else None
                if role is None and isinstance(quote.speaker, PersonNode):
                    role = quote.speaker.current_role
                summary = SpeakerSummary(quote.speaker, role, 0, 0)
                order[id(quote.speaker)] = summary
            summary.quotes.append(quote)
            if quote.model.kind == "direct":
                summary.direct += 1
            else:
                summary.paraphrase += 1
        story.speakers = list(order.values())

    def _backlinks(self, story: StoryNode) -> None:
        links: dict[str, list[FactRef]] = {}

        def add(citations: list[CitationRef], ref: FactRef) -> None:
            for citation in citations:
                if citation.story is story:
                    links.setdefault(citation.paragraph.id, []).append(ref)

        for number, (_, citations) in enumerate(story.key_points, 1):
            add(citations, FactRef("key point", f"Key point {number}", story.page(),
                                   f"key-point-{number}"))
        for source in story.anonymous:
            add(source.citations, FactRef("source", source.name, source.page, source.anchor))
        for person_id, role in story.roles.items():
            person = self.people[person_id]
            add(role.citations, FactRef("role", f"{person.name}: {role.title}", person.page,
                                        "roles"))
        for quote in story.quotes:
            kind = "quote" if quote.model.kind == "direct" else "paraphrase"
            add(quote.citations, FactRef(kind, f"{quote.speaker.name} ({quote.id})", quote.page,
                                         quote.anchor))
        for event in story.events:
            add(event.citations, FactRef("event", event.model.title,
                                         story.page("timeline"), event.id))
        for figure in story.figures:
            add(figure.citations, FactRef("figure", figure.model.counts,
                                          story.page("figures"), figure.id))
        story.backlinks = links

    # ------------------------------------------------------------------ mentions
    def link_mentions(self) -> None:
        people_names = [(p.id, [p.model.name, *p.model.aliases]) for p in self.people.values()]
        org_names = [(o.id, [o.model.name, o.model.abbreviation or "", *o.model.aliases])
                     for o in self.organisations.values()]
        place_names = [(p.id, [p.model.name, *p.model.aliases]) for p in self.places.values()]
        self.memo.start_mentions(names_signature(
            [("person", i, n) for i, n in people_names]
            + [("organisation", i, n) for i, n in org_names]
            + [("place", i, n) for i, n in place_names]))
        indexes: tuple[NameIndex[str], NameIndex[str], NameIndex[str]] | None = None
        for story in self.stories.values():
            record = self.memo.stories.get(story.slug)
            if story.slug in self.reused and record is not None and record.mentioned is not None:
                for node, citation in record.mentioned:  # the node's lists were emptied
                    node.mentions.setdefault(story.slug, []).append(citation)
                _list_in_registries(story)
                continue
            found = self.memo.known_mentions(story.article)
            if found is None:
                if indexes is None:
                    indexes = (build_index(people_names), build_index(org_names),
                               build_index(place_names))
                found = _scan(story, *indexes)
                self.memo.remember_mentions(story.article, found)
            named_people: dict[int, PersonNode] = {}
            named_orgs: dict[int, OrganisationNode] = {}
            named_places: dict[int, PlaceNode] = {}
            mentioned: list[tuple[Any, CitationRef]] = []
            for paragraph, (people_ids, org_ids, place_ids) in zip(
                    story.article.paragraphs, found, strict=True):
                citation = CitationRef(story, paragraph)
                for person_id in people_ids:
                    person = self.people[person_id]
                    person.mentions.setdefault(story.slug, []).append(citation)
                    named_people[id(person)] = person
                    mentioned.append((person, citation))
                for org_id in org_ids:
                    org = self.organisations[org_id]
                    org.mentions.setdefault(story.slug, []).append(citation)
                    named_orgs[id(org)] = org
                    mentioned.append((org, citation))
                for place_id in place_ids:
                    place = self.places[place_id]
                    place.mentions.setdefault(story.slug, []).append(citation)
                    named_places[id(place)] = place
                    mentioned.append((place, citation))
            if record is not None:
                record.mentioned = mentioned
            related_people: dict[int, PersonNode] = {id(p): p for p in story.authors}
            related_people.update({id(q.speaker): q.speaker for q in story.quotes
                                   if isinstance(q.speaker, PersonNode)})
            related_people.update({id(self.people[k]): self.people[k] for k in story.roles})
            related_people.update(named_people)
            story.people = sorted(related_people.values(), key=lambda p: p.sort_name)
            orgs = dict(named_orgs)
            for event in story.events:
                orgs.update({id(o): o for o in event.organisations})
            if story.outlet is not None:
                orgs[id(story.outlet)] = story.outlet
            story.organisations = sorted(orgs.values(), key=lambda o: o.name.casefold())
            story_places = dict(named_places)
            for event in story.events:
                story_places.update({id(p): p for p in event.places})
            story.places = sorted(story_places.values(), key=lambda p: p.name.casefold())
            _list_in_registries(story)

    # ------------------------------------------------------------------ all
    def link(self) -> SiteGraph | None:
        try:
            return self._link()
        except BaseException:
            self.memo.forget()  # half a run must never be reused
            raise

    def _link(self) -> SiteGraph | None:
        if not self.registry_reused:
            self._link_registries_noted()
        glossary = self.link_glossary()
        linked: dict[str, StoryLink] = {}
        for slug, source in self.content.stories.items():
            if slug in self.reused:
                reused = linked[slug] = self.memo.stories[slug]
                for node, attribute, item in reused.attached:
                    getattr(node, attribute).append(item)
                # a speaker's current role comes from the roles the stories linked so far add
                story = self.stories[slug]
                if any(id(s.speaker) in self.touched for s in story.speakers):
                    self._summarise_speakers(story)
            else:
                record = self._link_story_noted(self.stories[slug], source)
                if record is not None:
                    linked[slug] = record
        self.memo.stories = linked
        self.link_mentions()
        ordered = sorted(self.stories.values(), key=lambda s: s.sort_key, reverse=True)
        for person in self.people.values():
            person.roles.sort(key=lambda r: r.sort_key)
            person.stories.sort(key=lambda s: s.sort_key, reverse=True)
        for org in self.organisations.values():
            org.stories.sort(key=lambda s: s.sort_key, reverse=True)
            org.events.sort(key=lambda e: e.sort_key)
        for place in self.places.values():
            place.stories.sort(key=lambda s: s.sort_key, reverse=True)
            place.events.sort(key=lambda e: e.sort_key)
        self.memo.finish()
        if self.content.site is None:
            return None
        return SiteGraph(self.content.site, ordered, self.people, self.organisations, self.places,
                         glossary, _topics(ordered))

    def _link_registries_noted(self) -> None:
        """link_registries, remembered for the next run unless it reported anything."""
        outer, self.report = self.report, Report()
        self._cited = set()
        try:
            self.link_registries()
            problems = self.report.items
        finally:
            outer.extend(self.report.items)
            self.report, cited, self._cited = outer, self._cited, None
        content = self.content
        registry_nodes: list[PersonNode | OrganisationNode] = [
            *self.people.values(), *self.organisations.values()]
        self.memo.registry = None if problems else RegistryLink(
            entries=(dict(content.people), dict(content.organisations), dict(content.places)),
            broken={kind: frozenset(ids) for kind, ids in content.broken.items() if ids},
            people=self.people, organisations=self.organisations, places=self.places,
            own_lists={id(node): (node, "roles", list(node.roles)) for node in registry_nodes},
            cited=frozenset(cited), images=_registry_images(content))

    def _link_story_noted(self, story: StoryNode, source: StorySource) -> StoryLink | None:
        """link_story, remembered for the next run unless it reported anything (a message
        can depend on other files, such as a suggested id)."""
        outer, self.report = self.report, Report()
        self._attached, self._cited = [], set()
        try:
            self.link_story(story, source)
            problems = self.report.items
        finally:
            outer.extend(self.report.items)
            attached, cited = self._attached, self._cited
            self.report, self._attached, self._cited = outer, None, None
        if problems:
            return None
        return StoryLink(story, _files(source), frozenset(cited), attached,
                         image=self.content.images.get(source.article_document.path))


def _files(source: StorySource) -> tuple[Any, ...]:
    return (source.article, source.article_document, source.facts, source.facts_document)


def _registry_images(content: Content) -> dict[str, Any]:
    """The pictures named by people's and organisations' files (compared by value: a picture
    file's digest is part of it)."""
    images = content.images
    return {e.document.path: images.get(e.document.path)
            for registry in (content.people, content.organisations) for e in registry.values()}


def _same(before: tuple[Any, ...], now: tuple[Any, ...]) -> bool:
    return len(before) == len(now) and all(a is b for a, b in zip(before, now, strict=True))


def _list_in_registries(story: StoryNode) -> None:
    """The story in the story lists of the people, organisations and places it names."""
    for person in story.people:
        person.stories.append(story)
    for org in story.organisations:
        org.stories.append(story)
    for place in story.places:
        place.stories.append(story)


def _empty_story_parts(registry: RegistryLink) -> None:
    """Registry nodes as their own files made them, before any story added to them."""
    for person in registry.people.values():
        person.quotes, person.mentions, person.stories, person.authored = [], {}, [], []
    for org in registry.organisations.values():
        org.mentions, org.stories, org.anonymous, org.events, org.quotes = {}, [], [], [], []
    for place in registry.places.values():
        place.mentions, place.stories, place.events = {}, [], []
    for node, attribute, items in registry.own_lists.values():
        setattr(node, attribute, list(items))


def _scan(story: StoryNode, people: NameIndex[str], organisations: NameIndex[str],
          places: NameIndex[str]) -> Mentions:
    """The ids of registry entries named in each paragraph of the story's article."""
    found: Mentions = []
    for paragraph in story.article.paragraphs:
        tokens = words(paragraph.text)
        found.append((people.find_in_words(tokens), organisations.find_in_words(tokens),
                      places.find_in_words(tokens)))
    return found


def _topics(stories: list[StoryNode]) -> dict[str, TopicNode]:
    """Topics by slug; names that differ only in case or punctuation are one topic."""
    topics: dict[str, TopicNode] = {}
    for story in stories:
        story.topics = []  # a story node reused from the previous run lists its topics again
    for story in stories:  # newest first, so each topic lists its stories newest first
        for name in story.facts.topics:
            slug = slugify(name)
            topic = topics.setdefault(slug, TopicNode(slug, name))
            if story not in topic.stories:
                topic.stories.append(story)
                story.topics.append(topic)
    return dict(sorted(topics.items()))


def _spellings(entries: Iterable[tuple[str, list[str]]]) -> dict[str, str]:
    """Id-like spellings of names and aliases -> id, so 'rakhimzoda' suggests the full id."""
    out: dict[str, str] = {}
    for item_id, names in entries:
        out[item_id] = item_id
        for name in names:
            out.setdefault(slugify(name), item_id)
    return out


def _has_cycle(node: N, parent: Callable[[N], N | None]) -> bool:
    seen = {id(node)}
    current = parent(node)
    while current is not None:
        if id(current) in seen:
            return True
        seen.add(id(current))
        current = parent(current)
    return False


def link(content: Content, report: Report, memo: LinkMemo | None = None) -> SiteGraph | None:
    """The linked site; `memo` (kept between runs) skips per-story work whose inputs are
    unchanged (`link.memo`)."""
    return Linker(content, report, memo).link()


__all__ = ["link", "routes"]
