"""`build.py draft`: a first draft of a story's facts, from its article, for an editor to review.

The extractor (`explainer.extract`) reads the article as plain text; this module turns what it
found into the content model: quotes with speakers (people from the registry where they match,
new person and organisation files where they do not, anonymous sources as such), roles, dated
events, figures. Every item cites the paragraph(s) its words come from, and every direct quote
is checked verbatim before it is kept, so a draft always passes `build.py check`.

The draft is marked `status: draft`. Reviewed facts are never replaced without `force`, and no
existing person or organisation file is touched.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..ingest.newstory import FACTS_TEMPLATE
from ..link.provenance import QuoteMatch, figure_in_text, find_quote
from ..load.articles import slugify
from ..load.content import Content
from ..model import Article, Facts, Paragraph
from ..model.dates import DateError, parse_date
from .entities import is_common_noun, is_person_name, known_ids, organisation_names
from .model import Attribution, Extraction, KnownPerson
from .pipeline import extract

QUALIFIERS = {
    "about": "about", "approximately": "about", "around": "about", "roughly": "about",
    "some": "about", "nearly": "at most", "almost": "at most", "up to": "at most",
    "more than": "more than", "over": "more than", "slightly more than": "more than",
    "at least": "at least", "less than": "less than", "fewer than": "less than",
    "under": "less than", "at most": "at most",
}
_QUOTE_MARKS = "\"'“”‘’"


@dataclass(frozen=True)
class StoryText:
    """The article as plain text (headline, then paragraphs separated by blank lines), with
    where each paragraph sits in it: the extractor reads this text, offsets point into it."""

    text: str
    spans: tuple[tuple[Paragraph, int, int], ...]

    def paragraphs_between(self, start: int, end: int) -> list[Paragraph]:
        return [p for p, a, b in self.spans if a < end and start < b]

    def paragraph_at(self, offset: int) -> Paragraph | None:
        for paragraph, a, b in self.spans:
            if a <= offset < b:
                return paragraph
        return None


def story_text(article: Article) -> StoryText:
    parts = [article.meta.headline]
    spans: list[tuple[Paragraph, int, int]] = []
    position = len(article.meta.headline)
    for paragraph in article.paragraphs:
        position += 2
        spans.append((paragraph, position, position + len(paragraph.text)))
        parts.append(paragraph.text)
        position += len(paragraph.text)
    return StoryText("\n\n".join(parts) + "\n", tuple(spans))


@dataclass
class Draft:
    facts: dict[str, Any]
    new_people: dict[str, dict[str, Any]] = field(default_factory=dict)
    new_organisations: dict[str, dict[str, Any]] = field(default_factory=dict)
    dropped: list[str] = field(default_factory=list)


class _Ids:
    """Fresh ids that clash with nothing already taken."""

    def __init__(self, taken: Iterable[str] = ()):
        self.taken = set(taken)

    def new(self, base: str) -> str:
        base = slugify(base) or "item"
        candidate, number = base, 2
        while candidate in self.taken:
            candidate, number = f"{base}-{number}", number + 1
        self.taken.add(candidate)
        return candidate


def draft_story(article: Article, content: Content) -> Draft:
    text = story_text(article)
    known = [KnownPerson(k, e.model.name, tuple(e.model.aliases))
             for k, e in sorted(content.people.items())]
    published = article.meta.published
    article_date = published.edtf if published is not None and published.start is not None and \
        published.start.day and not published.is_interval else None
    result = extract(text.text, known_people=known, article_date=article_date)
    return _to_draft(result, text, content)


def _to_draft(result: Extraction, text: StoryText, content: Content) -> Draft:
    draft = Draft(facts={"status": "draft", "summary": ""})
    person_ids = _Ids([*content.people, *content.organisations])
    org_ids = _Ids([*content.organisations, *content.people])
    registry = known_ids(
        [(k, e.model.name, e.model.aliases, e.model.abbreviation)
         for k, e in content.organisations.items()]
        + [(k, e.model.name, e.model.aliases, None) for k, e in content.places.items()])
    people_by_name: dict[str, str] = {}
    orgs_by_name: dict[str, str] = {}
    roles: list[dict[str, Any]] = []
    for person in result.people:
        person_id = person.known_id or people_by_name.get(person.name)
        if person_id is None:
            known_entity = registry.find(person.name)
            if known_entity is not None and known_entity in content.organisations:
                orgs_by_name[person.name] = known_entity  # a known organisation quoted
                continue
            if known_entity is not None or not is_person_name(person.name, text.text):
                draft.dropped.append(f"not a person: {person.name}")
                continue
            person_id = person_ids.new(person.name)
            draft.new_people[person_id] = {"name": person.name}
            if person.roles:
                draft.new_people[person_id]["description"] = _sentence_case(person.roles[0])
            surname = person.name.split()[-1]
            if surname != person.name:
                draft.new_people[person_id]["aliases"] = [surname]
        people_by_name[person.name] = person_id
        first = text.paragraph_at(person.mentions[0].char_start) if person.mentions else None
        if person.roles and first is not None:
            roles.append({"person": person_id, "title": _sentence_case(person.roles[0]),
                          "cite": [first.id]})
    for org in result.organisations:
        known_entity = registry.find(org.abbreviation or "") or registry.find(org.name)
        if known_entity is not None:
            orgs_by_name[org.name] = known_entity
            continue
        for name in organisation_names(org.name):
            known_entity = registry.find(name)
            if known_entity is not None:
                orgs_by_name.setdefault(org.name, known_entity)
                continue
            if is_common_noun(name, text.text) or name in orgs_by_name:
                continue
            abbreviation = org.abbreviation if name == org.name else None
            org_id = org_ids.new(abbreviation or name)
            draft.new_organisations[org_id] = {"name": name} | (
                {"abbreviation": abbreviation} if abbreviation else {})
            registry.add(org_id, name, abbreviation)
            orgs_by_name[name] = org_id
            orgs_by_name.setdefault(org.name, org_id)

    facts = draft.facts
    if roles:
        facts["people"] = _one_role_each(roles)
    quotes, anonymous = _quotes(result.attributions, text, people_by_name, orgs_by_name, draft)
    if anonymous:
        facts["anonymous_sources"] = anonymous
    if quotes:
        facts["quotes"] = quotes
    events = _events(result, text, result.article_date)
    if events:
        facts["events"] = events
    figures = _figures(result, text)
    if figures:
        facts["figures"] = figures
    Facts.model_validate(facts)  # the draft is valid content by construction
    return draft


def _one_role_each(roles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    first: dict[str, dict[str, Any]] = {}
    for role in roles:
        first.setdefault(role["person"], role)
    return list(first.values())


def _quotes(attributions: Iterable[Attribution], text: StoryText, people: dict[str, str],
            organisations: dict[str, str], draft: Draft
            ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    quotes: list[dict[str, Any]] = []
    anonymous: dict[str, dict[str, Any]] = {}
    for attribution in attributions:
        if attribution.embedded_in is not None:
            continue  # reported inside another quote: part of that quote, not a fact of its own
        paragraphs = text.paragraphs_between(attribution.char_start, attribution.char_end)
        if not paragraphs:
            continue
        speaker = _speaker(attribution, people, organisations, anonymous, paragraphs[0])
        if speaker is None:
            draft.dropped.append(f"no speaker for: {attribution.content[:60]}")
            continue
        items = [(attribution.content, attribution.direct)]
        items += [(m.text, True) for m in attribution.partial_quotes
                  if not _looks_like_name(m.text)]
        for words, direct in items:
            quote_text = quoted_words(words) if direct else _plain(words)
            if not quote_text:
                continue
            cite = [p.id for p in paragraphs]
            if direct and not isinstance(find_quote(quote_text, [p.text for p in paragraphs]),
                                         QuoteMatch):
                draft.dropped.append(f"not verbatim: {quote_text[:60]}")
                continue
            quote: dict[str, Any] = {"id": f"q{len(quotes) + 1}", "speaker": speaker,
                                     "kind": "direct" if direct else "paraphrase",
                                     "text": quote_text}
            if attribution.cue:
                quote["verb"] = attribution.cue
            quote["cite"] = cite
            quotes.append(quote)
    return quotes, list(anonymous.values())


def _speaker(attribution: Attribution, people: dict[str, str], organisations: dict[str, str],
             anonymous: dict[str, dict[str, Any]], paragraph: Paragraph) -> str | None:
    if attribution.speaker_kind == "anonymous":
        description = _sentence_case(re.sub(r"^(an?|the)\s+", "",
                                            attribution.speaker_description or "unnamed source"))
        if description not in anonymous:
            anonymous[description] = {"id": f"source-{len(anonymous) + 1}",
                                      "description": description, "cite": [paragraph.id]}
        return str(anonymous[description]["id"])
    if attribution.speaker is None:
        return None
    if attribution.speaker in people:
        return people[attribution.speaker]
    return organisations.get(attribution.speaker)


_NAME_GLUE = {"of", "and", "the", "for", "in", "on", "de", "al"}


def _looks_like_name(words: str) -> bool:
    """A quoted name ("Islamic State of Iraq and the Levant") is not a quotation of anyone."""
    tokens = re.findall(r"[\w'-]+", words)
    return len(tokens) > 1 and all(t[0].isupper() or t.lower() in _NAME_GLUE for t in tokens)


def _quote_text(words: str) -> str:
    text = words.strip().strip(_QUOTE_MARKS).strip()
    return text.rstrip(",").strip().strip(_QUOTE_MARKS).strip()


_QUOTED = re.compile(r"[\"“]([^\"“”]+)[\"”]")


def quoted_words(content: str) -> str:
    """Only the words inside quotation marks: a quote interrupted by the reporter ('"A," he
    said, "B"') becomes "A ... B" (`check` reads "..." as an omission)."""
    parts = [_quote_text(m.group(1)) for m in _QUOTED.finditer(content)]
    parts = [p for p in parts if p]
    if len(parts) < 2:
        return _quote_text(content)
    return " ... ".join(parts)


def _plain(words: str) -> str:
    return " ".join(words.split()).rstrip(",;:")


def _events(result: Extraction, text: StoryText, article_date: str | None
            ) -> list[dict[str, Any]]:
    """A dated event per date and paragraph. A relative date ("last Tuesday") counts only when
    it was resolved against the article's date, and says so in `date_note`. The title is the
    clause around the date, shortened; the sentence goes into `description`."""
    events: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for mention in result.dates:
        if not mention.edtf or "X" in mention.edtf or (mention.relative and not article_date):
            continue
        try:
            parse_date(mention.edtf)
        except DateError:
            continue  # a value the content model does not take (an EDTF season, "2022-22")
        paragraph = text.paragraph_at(mention.char_start)
        if paragraph is None or (mention.edtf, paragraph.id) in seen:
            continue
        seen.add((mention.edtf, paragraph.id))
        event: dict[str, Any] = {"id": f"e{len(events) + 1}", "date": mention.edtf}
        if mention.relative:
            event["date_note"] = (f"'{mention.text}' resolved against the article's date, "
                                  f"{article_date}")
        if mention.year_inferred:
            event["year_inferred"] = True
        sentence = _sentence_around(paragraph.text, mention.text)
        event["title"] = event_title(sentence, mention.text)
        if event["title"] != sentence:
            event["description"] = sentence
        event["cite"] = [paragraph.id]
        events.append(event)
    return events


def _figures(result: Extraction, text: StoryText) -> list[dict[str, Any]]:
    """Figures with a unit or with what they count; a bare number ("Internet: 1") is none.
    A figure with a unit but nothing counted asks the editor what it counts."""
    figures: list[dict[str, Any]] = []
    seen: set[tuple[float, str]] = set()
    for figure in result.figures:
        if figure.vague or figure.value is None or not (figure.unit or figure.counts):
            continue
        paragraph = text.paragraph_at(figure.char_start)
        if paragraph is None or (figure.value, paragraph.id) in seen:
            continue
        if not figure_in_text(figure.value, paragraph.text):
            continue
        seen.add((figure.value, paragraph.id))
        item: dict[str, Any] = {"id": f"f{len(figures) + 1}",
                                "value": int(figure.value) if figure.value.is_integer()
                                else figure.value}
        qualifier = QUALIFIERS.get((figure.qualifier or "").lower())
        if qualifier:
            item["qualifier"] = qualifier
        if figure.unit:
            item["unit"] = figure.unit
        item["counts"] = figure.counts or f"(what does '{figure.text}' count?)"
        item["cite"] = [paragraph.id]
        figures.append(item)
    return figures


_TITLE_WORDS = 10
_DATE_PREPOSITION = r"(?:\b(?:on|in|at|by|since|from|until|during|of)\s+(?:the\s+)?)?"


def event_title(sentence: str, date_text: str) -> str:
    """A short title for the event a sentence dates: the sentence without the date phrase (and
    the preposition it hangs on), cut at the first clause boundary after four words, at most ten
    words; "…" marks a cut."""
    text = re.sub(_DATE_PREPOSITION + re.escape(date_text), " ", sentence, count=1,
                  flags=re.IGNORECASE)
    text = " ".join(text.replace(" ,", ",").split()).strip(" ,;:\"“”")
    words = text.split()
    if words and words[0].lower() in ("and", "or", "to", "through") and \
            any(w.endswith(",") for w in words[:_TITLE_WORDS]):
        # the rest of a date phrase ("In 2015 and the first months of 2016, police ...")
        words = words[next(k for k, w in enumerate(words) if w.endswith(",")) + 1:]
        text = " ".join(words)
    cut = min(len(words), _TITLE_WORDS)
    for k, word in enumerate(words[:cut]):
        if k >= 3 and word.endswith((",", ";", ":")):
            cut = k + 1
            break
    title = " ".join(words[:cut]).rstrip(",;:—-. ")
    if cut < len(words):
        title += " …"
    return _sentence_case(title) if title else _clip(sentence)


def _sentence_around(paragraph: str, words: str) -> str:
    for sentence in re.split(r"(?<=[.!?])\s+", paragraph):
        if words in sentence:
            return _clip(sentence.strip())
    return _clip(paragraph)


def _clip(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _sentence_case(text: str) -> str:
    text = re.sub(r"^(?:an?|the|another)\s+", "", " ".join(text.split()), flags=re.IGNORECASE)
    return text[:1].upper() + text[1:]


# --------------------------------------------------------------------------- writing

HEADER = """\
# Drafted by `build.py draft` from article.md: review every item, correct speakers, titles and
# what each figure counts, then set `status: reviewed`. Direct quotes were checked word for word.
"""


def dump_yaml(data: Any) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100,
                          default_flow_style=None)


def facts_text(draft: Draft) -> str:
    return HEADER + dump_yaml(draft.facts)


def registry_file(fields: dict[str, Any], body: str) -> str:
    return "---\n" + dump_yaml(fields) + "---\n" + (body + "\n" if body else "")


class ReviewedFactsExist(Exception):
    pass


@dataclass(frozen=True)
class Written:
    facts: Path
    backup: Path | None
    people: list[Path]
    organisations: list[Path]


def write_draft(content_dir: Path, slug: str, draft: Draft, *, force: bool = False) -> Written:
    story = content_dir / "stories" / slug
    facts_path = story / "facts.yaml"
    backup = None
    if facts_path.exists() and facts_path.read_text(encoding="utf-8") == FACTS_TEMPLATE:
        facts_path.unlink()  # the untouched template `new` wrote: nothing to keep
    if facts_path.exists():
        existing = yaml.safe_load(facts_path.read_text(encoding="utf-8")) or {}
        reviewed = not isinstance(existing, dict) or existing.get("status", "reviewed") != "draft"
        if reviewed and not force:
            raise ReviewedFactsExist(
                f"{facts_path} holds reviewed facts (status is not 'draft'); pass --force to "
                "replace them (the old file is kept as facts.yaml.bak)")
        backup = facts_path.with_name("facts.yaml.bak")
        facts_path.replace(backup)
    facts_path.write_text(facts_text(draft), encoding="utf-8")
    people = _write_new(content_dir / "people", draft.new_people,
                        "Drafted from an article by `build.py draft`: check the name and role.")
    organisations = _write_new(content_dir / "organisations", draft.new_organisations, "")
    return Written(facts_path, backup, people, organisations)


def _write_new(folder: Path, items: dict[str, dict[str, Any]], body: str) -> list[Path]:
    written = []
    folder.mkdir(parents=True, exist_ok=True)
    for item_id, fields in items.items():
        path = folder / f"{item_id}.md"
        if path.exists():
            continue  # never touch an existing registry file
        path.write_text(registry_file(fields, body), encoding="utf-8")
        written.append(path)
    return written
