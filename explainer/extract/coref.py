"""Speaker resolution: from the words of a source clause to a canonical speaker.

A frame gives only the speaker phrase ("he", "the MVD source", "Ambassador Mohib", "WHO",
"a Tajik Interior Ministry (MVD) source who requested anonymity"). This stage decides what it
refers to, in text order, keeping a short memory of who spoke last:

- a name inside the phrase -> that person (title and surname forms via people.py) or organisation;
- he/she -> the last singular speaker of the same or previous paragraph, unless a person was
  made the subject of a sentence since (salience), agreeing in gender when it is known;
- "the source" / "the minister" -> the last anonymous source / person whose role has that noun;
- "a source who requested anonymity" -> a new anonymous source: never turned into a person;
- "I" inside a quotation -> the quotation's speaker; "who" -> the phrase before it;
- "the report" -> a named report/study of the article;
- "the company", "the ministry", "it" -> the organisation named before (one whose name holds the
  noun first); "the Manitoba government", "Hong Kong police" -> an organisation named so.
A person the phrase only mentions (a possessor, "critics including X", "a spokesman for X") is
not its speaker, and a speaker is a person, an organisation (metonyms included: "Downing
Street") or an unnamed source, never a place.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from .attribution import Frame
from .clauses import Bounds, Clauses, pronoun_of
from .lexicon import (
    ADVERBS_BEFORE_VERB,
    AGENT_NOUNS,
    ANONYMOUS_HEADS,
    DETERMINERS,
    EVIDENCE_SUBJECT_HEADS,
    FEMALE_WORDS,
    MALE_WORDS,
    NOT_NAME_WORDS,
    ORG_WORDS,
    ORGANISATION_DESCRIPTION_HEADS,
    PLACE_WORDS,
    PREPOSITIONS,
    ROLE_NOUNS,
    TITLE_WORDS,
    WEAK_ORG_WORDS,
)
from .model import Mention, SpeakerKind
from .names import NameRun, strip_possessive
from .organisations import OrganisationIndex
from .people import PeopleIndex
from .text import Document

_PLURAL_PRONOUNS: Final = frozenset({"they", "we", "them", "us"})
_INDEFINITE: Final = frozenset(
    {"a", "an", "one", "another", "some", "several", "many", "two", "three", "most", "few"}
)
_NAMED_DOCUMENT_HEADS: Final = frozenset(
    {"study", "report", "survey", "review", "analysis", "inquiry", "audit"}
)
_INITIAL_COMMON_HEADS: Final = frozenset(
    {
        "posts",
        "posters",
        "reports",
        "officials",
        "researchers",
        "scientists",
        "analysts",
        "critics",
        "experts",
        "sources",
        "witnesses",
        "residents",
        "authorities",
        "police",
        "figures",
        "results",
        "studies",
        "data",
        "documents",
        "records",
        "users",
    }
)
_DOCUMENT_HEADS: Final = frozenset(
    {
        "report",
        "study",
        "survey",
        "paper",
        "review",
        "analysis",
        "poll",
        "letter",
        "statement",
        "website",
        "post",
        "posting",
    }
)


@dataclass(frozen=True, slots=True)
class Speaker:
    """A resolved speaker. `person` indexes PeopleIndex.people; `entity` identifies an anonymous
    source across mentions."""

    name: str | None
    kind: SpeakerKind
    description: str | None
    mention: Mention | None
    person: int | None = None
    entity: int | None = None
    plural: bool = False


NO_SPEAKER: Final = Speaker(None, "none", None, None)
_REFLEXIVES: Final = frozenset({"himself", "herself", "themselves", "itself", "myself"})
_LISTING_WORDS: Final = frozenset({"including", "like", "such", "among", "besides", "and", "or"})
_GENERIC_ORGANISATION_HEADS: Final = frozenset(
    {"company", "firm", "group", "carrier", "airline", "chipmaker", "carmaker", "automaker",
     "retailer", "lender", "insurer", "manufacturer", "maker", "producer", "operator", "utility",
     "business", "startup", "organisation", "organization", "charity", "label", "publisher",
     "broadcaster", "platform", "app", "club"}
)


def _clean_word(word: str) -> str:
    return strip_possessive(word).lower().rstrip(".")


@dataclass(slots=True)
class _Anonymous:
    head: str
    description: str
    plural: bool


class SpeakerResolver:
    """Resolves frames to speakers in text order."""

    def __init__(
        self,
        doc: Document,
        clauses: Clauses,
        people: PeopleIndex,
        orgs: OrganisationIndex,
        runs: tuple[NameRun, ...],
    ) -> None:
        self.doc = doc
        self.toks = doc.tokens
        self.cl = clauses
        self.people = people
        self.orgs = orgs
        self.runs = runs
        self.anonymous: list[_Anonymous] = []
        self.history: list[tuple[int, Speaker]] = []  # (token position, speaker), text order
        self.genders: list[str | None] = list(people.genders)
        self._subject_mentions = self._find_subject_mentions()
        self._lowercase_words = frozenset(
            t.text for t in doc.tokens if t.kind == "word" and t.text.islower()
        )
        self._subjects: dict[int, tuple[int, int] | None] = {}
        self._subject_names = self._find_subject_names()

    # ------------------------------------------------------------------ salience
    def _find_subject_mentions(self) -> list[tuple[int, int]]:
        """(token, person) for person mentions that are the subject of their sentence."""
        out: list[tuple[int, int]] = []
        subjects: dict[int, tuple[int, int] | None] = {}
        for first, _last, person in self.people.mention_starts:
            if self.cl.quote_owner[first] >= 0:
                continue
            s = self.doc.sentence_of[first]
            if s not in subjects:
                sent = self.doc.sentences[s]

                subjects[s] = self.cl.clause_subject(Bounds(sent.first, sent.last))
            subj = subjects[s]
            if subj is not None and subj[0] <= first < subj[1]:
                out.append((first, person))
        return out

    def _para(self, k: int) -> int:
        return self.doc.sentences[self.doc.sentence_of[k]].paragraph

    def _gender_ok(self, person: int | None, gender: str | None) -> bool:
        if person is None or gender is None:
            return True
        known = self.genders[person]
        return known is None or known == gender

    def _resolve_he_she(self, k: int, gender: str | None) -> Speaker | None:
        para = self._para(k)
        last_speaker: tuple[int, Speaker] | None = None
        for pos, sp in reversed(self.history):
            if pos >= k or para - self._para(pos) > 1:
                continue
            if sp.plural or sp.kind not in ("person", "anonymous"):
                continue
            if not self._gender_ok(sp.person, gender):
                continue
            last_speaker = (pos, sp)
            break
        last_subject: tuple[int, int] | None = None
        for pos, person in reversed(self._subject_mentions):
            if pos < k and para - self._para(pos) <= 2 and self._gender_ok(person, gender):
                last_subject = (pos, person)
                break
        if last_subject is not None and (
            last_speaker is None
            or (last_subject[0] > last_speaker[0] and last_speaker[1].person != last_subject[1])
        ):
            return self._person_speaker(last_subject[1], None)
        if last_speaker is not None:
            return last_speaker[1]
        for first, _last, person in reversed(self.people.mention_starts):
            if (
                first < k
                and para - self._para(first) <= 3
                and self.cl.quote_owner[first] < 0
                and self._gender_ok(person, gender)
            ):
                return self._person_speaker(person, None)
        return None

    # ------------------------------------------------------------------ phrases
    def _mention(self, first: int, last: int) -> Mention:
        s, e = self.toks[first].start, self.toks[last - 1].end
        return Mention(self.doc.text[s:e], s, e)

    def _person_speaker(self, person: int, mention: Mention | None) -> Speaker:
        p = self.people.people[person]
        return Speaker(p.name, "person", None, mention, person=person)

    def _head_index(self, first: int, last: int) -> int:
        """The head token of a noun phrase: the last word before a preposition, relative pronoun,
        participle, comma or parenthesis."""
        toks = self.toks
        k = first
        head = first
        while k < last:
            t = toks[k]
            low = t.lower
            if t.text == "(":
                # a parenthesis inside the phrase ("Interior Ministry (MVD) source") is skipped
                depth = 0
                while k < last:
                    depth += toks[k].text == "("
                    depth -= toks[k].text == ")"
                    k += 1
                    if depth == 0:
                        break
                continue
            if k > first and (
                low in PREPOSITIONS
                or low in ("who", "which", "that")
                or t.text == ","
                or (low.endswith("ing") and not t.text[0].isupper())
                or (
                    low.endswith("ed")
                    and not t.text[0].isupper()
                    and "-" not in low
                    and k + 1 < last
                    and toks[k + 1].lower in PREPOSITIONS
                )
            ):
                break
            head = k
            k += 1
        return head

    def resolve_phrase(
        self, first: int, last: int, *, quote_speaker: Speaker | None = None
    ) -> Speaker:
        toks = self.toks
        mention = self._mention(first, last)
        if last - first == 1:
            word = toks[first].text
            low = pronoun_of(word)
            if low == "i":
                word = "I"  # "I'm", "I've"
            if word == "I" or low == "me":
                return (
                    quote_speaker
                    if quote_speaker is not None
                    else Speaker(None, "none", None, mention)
                )
            if low in ("we", "us"):
                return Speaker(None, "none", "we", mention, plural=True)
            if low in ("he", "she"):
                found = self._resolve_he_she(first, "m" if low == "he" else "f")
                if found is not None:
                    if found.person is not None and self.genders[found.person] is None:
                        self.genders[found.person] = "m" if low == "he" else "f"
                    return Speaker(
                        found.name,
                        found.kind,
                        found.description,
                        mention,
                        found.person,
                        found.entity,
                        False,
                    )
                return Speaker(None, "none", None, mention)
            if low == "it":
                # the organisation last named as a subject or speaker ("The Local Government
                # Association welcomed the plan. "...," it said.")
                name = self._organisation_referent(first, None)
                if name is not None:
                    return Speaker(name, "organisation", None, mention)
            if low in ("they", "it"):
                for pos, sp in reversed(self.history):
                    if (
                        pos < first
                        and self._para(first) - self._para(pos) <= 1
                        and (sp.plural if low == "they" else sp.kind == "organisation")
                    ):
                        return Speaker(
                            sp.name if sp.kind == "organisation" else None,
                            sp.kind,
                            sp.description,
                            mention,
                            None,
                            sp.entity,
                            low == "they",
                        )
                return Speaker(None, "none", None, mention, plural=low == "they")
            if word in ("who", "which", "that"):
                j = first - 1
                if j >= 0 and toks[j].text == ",":
                    j -= 1
                if j >= 0:
                    start = j
                    while (
                        start - 1 >= 0
                        and (toks[start - 1].is_capitalised or toks[start - 1].lower in DETERMINERS)
                        and toks[start - 1].text != ","
                    ):
                        start -= 1
                    return self.resolve_phrase(start, j + 1, quote_speaker=quote_speaker)
        while last - first > 1 and (
            toks[last - 1].lower in ADVERBS_BEFORE_VERB
            or toks[last - 1].lower in _REFLEXIVES
            or (toks[last - 1].lower.endswith("ly") and toks[last - 1].text.islower())
        ):
            last -= 1  # "Galois himself famously", "the Circuit Court correctly"
        head = self._head_index(first, last)
        person = self._person_in_phrase(first, last, head)
        if person is not None:
            return self._person_speaker(person, mention)
        # an organisation at the head
        head_tok = toks[head]
        if head_tok.is_capitalised and _clean_word(head_tok.text) in TITLE_WORDS | ROLE_NOUNS:
            return self._description(first, last, head, mention)  # "Springfield Mayor": a role
        org = (
            self.orgs.overlapping(toks[first].start, head_tok.start, head_tok.end)
            if head_tok.is_capitalised
            else None
        )
        if org is None and head_tok.is_capitalised:
            org = self.orgs.lookup(strip_possessive(head_tok.text))
        if org is not None:
            return Speaker(org.name, "organisation", None, mention)
        lone_capital = (
            head_tok.is_capitalised
            and not (head > first and toks[head - 1].is_capitalised)
            and head == self.cl.window(head).first + (head - first)
        )
        if (
            lone_capital
            and self._common_noun(head_tok.lower)
            and (head == first or toks[first].lower in DETERMINERS)
        ):
            return self._description(first, last, head, mention)  # "Posts on the message board ..."
        if head_tok.is_capitalised or (head_tok.text == "i" and head > first):
            return self._named_head(first, head, mention)
        return self._description(first, last, head, mention)

    def _person_in_phrase(self, first: int, last: int, head: int) -> int | None:
        """The person a speaker phrase names: the one whose name is its head ("Ambassador
        Mohib", "Abdulkhasanov, chief of ...") or stands in apposition after it ("the team's
        coach, Alireza Mehraban", "CEO of the Refugee Council Enver Solomon"). Never a person the
        phrase only mentions: the possessor or modifier of its head ("Vance's attorney", "the
        Smith campaign"), a name after "including" or "such as" ("critics including Ana Lopez"),
        or the one an unnamed spokesman or lawyer speaks for ("a spokesman for Mayor Ellen
        Fox")."""
        toks = self.toks
        at_head = self.people.person_at(head)
        if at_head is not None:
            return at_head
        after = [
            (k, p) for k in range(head + 1, last) if (p := self.people.person_at(k)) is not None
        ]
        if not after:
            return None
        person = after[-1][1]
        start = min(k for k, p in after if p == person)
        between = [t.lower for t in toks[head + 1 : start]]
        if any(w in _LISTING_WORDS for w in between):
            return None
        if "," not in between and toks[start - 1].lower in DETERMINERS and any(
            w in PREPOSITIONS for w in between
        ):
            return None  # "the University Library of the Vrije Universiteit": the object of "of"
        head_word = _clean_word(toks[head].text)
        if (
            (head_word in AGENT_NOUNS or head_word in ANONYMOUS_HEADS)
            and "," not in between
            and any(w in PREPOSITIONS for w in between)
        ):
            return None
        return person

    def _common_noun(self, low: str) -> bool:
        """A capitalised word that is a common noun here (sentence-initial "Investigators")."""
        singular = low[:-1] if low.endswith("s") else low
        return (
            bool(
                {low, singular}
                & (_INITIAL_COMMON_HEADS | ROLE_NOUNS | ANONYMOUS_HEADS | EVIDENCE_SUBJECT_HEADS)
            )
            or low in self._lowercase_words
        )

    def _named_head(self, first: int, head: int, mention: Mention) -> Speaker:
        """A capitalised head that is neither a known person nor a known organisation."""
        toks = self.toks
        start = head
        run = next((r for r in self.runs if r.first <= head < r.last), None)
        if run is not None:
            start = max(first, run.first)  # the run's own start: "Meanwhile Ortiz" is "Ortiz"
        else:
            while start - 1 >= first and toks[start - 1].is_capitalised:
                start -= 1
        words = [
            strip_possessive(toks[k].text)
            for k in range(start, head + 1)
            if toks[k].lower not in ("the",)
        ]
        person = self.people.find(words) if words else None
        if person is not None:
            return self._person_speaker(person, mention)
        name = " ".join(words)
        if not name:
            return Speaker(None, "none", mention.text, mention)
        return Speaker(name, "organisation", None, mention)

    def _description(self, first: int, last: int, head: int, mention: Mention) -> Speaker:
        toks = self.toks
        head_word = strip_possessive(toks[head].lower)
        det = toks[first].lower
        singular_head = (
            head_word[:-1]
            if head_word.endswith("s") and not head_word.endswith("ss")
            else head_word
        )
        plural = head_word != singular_head
        org = self._organisation_description(first, head, head_word, singular_head)
        if org is not None:
            return Speaker(org, "organisation", None, mention)
        if det in ("his", "her", "their") and (
            head_word in ROLE_NOUNS or head_word in TITLE_WORDS
        ):
            for idx in range(len(self.people.people) - 1, -1, -1):
                if any(head_word in r.lower().split() for r in self.people.people[idx].roles):
                    return self._person_speaker(idx, mention)  # "His manager said"
        if det in ("the", "this", "that") and not plural:
            # "the source" -> the last anonymous source; "the minister" -> a person with that role
            for idx in range(len(self.anonymous) - 1, -1, -1):
                a = self.anonymous[idx]
                if a.head == head_word:
                    return Speaker(
                        None, "anonymous", a.description, mention, entity=idx, plural=a.plural
                    )
            if head_word in ROLE_NOUNS or head_word in TITLE_WORDS:
                for _pos, sp in reversed(self.history):
                    if sp.person is not None and any(
                        head_word in r.lower() for r in self.people.people[sp.person].roles
                    ):
                        return Speaker(sp.name, "person", None, mention, person=sp.person)
                for idx, p in enumerate(self.people.people):
                    if any(head_word in r.lower().split() for r in p.roles):
                        return self._person_speaker(idx, mention)
            if head_word in _DOCUMENT_HEADS:
                named = self._named_document(head_word)
                if named is not None:
                    return Speaker(named, "none", mention.text, mention)
        if (
            head_word in ANONYMOUS_HEADS
            or singular_head in ANONYMOUS_HEADS
            or head_word in ROLE_NOUNS
            or singular_head in ROLE_NOUNS
        ):
            self.anonymous.append(_Anonymous(head_word, mention.text, plural))
            return Speaker(
                None,
                "anonymous",
                mention.text,
                mention,
                entity=len(self.anonymous) - 1,
                plural=plural,
            )
        if head_word in _DOCUMENT_HEADS and det in DETERMINERS:
            named = self._named_document(head_word)
            if named is not None and det in ("the", "a", "an", "this"):
                return Speaker(named, "none", mention.text, mention)
        if head_word in MALE_WORDS or head_word in FEMALE_WORDS:
            return Speaker(None, "anonymous", mention.text, mention)
        return Speaker(None, "none", mention.text, mention, plural=plural)

    def _organisation_description(
        self, first: int, head: int, head_word: str, singular_head: str
    ) -> str | None:
        """An organisation described by a common noun: "the Manitoba government", "Hong Kong
        police" (a proper modifier names it), or "the company", "the ministry" (an organisation
        named before, preferring one whose name has that noun)."""
        toks = self.toks
        if not (
            head_word in ORGANISATION_DESCRIPTION_HEADS
            or singular_head in ORGANISATION_DESCRIPTION_HEADS
            or (head_word in ORG_WORDS and head_word not in WEAK_ORG_WORDS)
        ):
            return None
        modifiers = [k for k in range(first, head) if toks[k].is_capitalised
                     and toks[k].lower not in DETERMINERS]
        if modifiers and not toks[head].is_capitalised:
            start = modifiers[0]
            return self.doc.text[toks[start].start : toks[head].end]
        if toks[first].lower not in ("the", "its", "their", "this") or head != first + 1:
            return None
        return self._organisation_referent(first, {head_word, singular_head})

    def _organisation_referent(self, before: int, heads: set[str] | None) -> str | None:
        """The organisation named most recently before token `before` (within three paragraphs):
        one of the article's organisations, an organisation that spoke, or a proper name that is
        the subject of its sentence and written capitalised mid-sentence ("Vantix"). With
        `heads`, a name holding one of those nouns is preferred ("the ministry" -> "Ministry of
        Commerce"); a generic noun ("the company") or `it` takes the nearest."""
        para = self._para(before)
        found: list[tuple[int, str]] = []
        for start, _end, idx in self.orgs.spans:
            k = self.doc.token_at_or_after(start)
            if heads or self._is_subject(k):  # "it" refers back to a subject, not an object
                found.append((k, self.orgs.organisations[idx].name))
        found.extend((pos, sp.name) for pos, sp in self.history
                     if sp.kind == "organisation" and sp.name)
        found.extend(self._subject_names)
        earlier = sorted(((k, n) for k, n in found
                          if k < before and self.cl.quote_owner[k] < 0), reverse=True)
        near = [(k, n) for k, n in earlier if para - self._para(k) <= 3]
        if heads:
            for _k, name in earlier:
                if heads & {w.lower() for w in name.split()}:
                    return name  # "the department": the Lakemont Police Department, however far
        for k, name in near:
            if para - self._para(k) <= 1:
                return name
        return None

    def _is_subject(self, k: int) -> bool:
        """Is token k inside the subject of its sentence?"""
        s_index = self.doc.sentence_of[k]
        if s_index not in self._subjects:
            sent = self.doc.sentences[s_index]
            self._subjects[s_index] = self.cl.clause_subject(Bounds(sent.first, sent.last))
        subj = self._subjects[s_index]
        return subj is not None and subj[0] <= k < subj[1]

    def _find_subject_names(self) -> list[tuple[int, str]]:
        """Proper names (not people, not sentence-initial only) that are a sentence's subject."""
        toks = self.toks
        mid_sentence = {strip_possessive(toks[r.first].text) for r in self.runs if not r.initial}
        out: list[tuple[int, str]] = []
        for run in self.runs:
            if any(self.people.person_at(k) is not None for k in range(run.first, run.last)):
                continue
            if self.orgs.covers(run.start, run.end):
                continue  # part of an organisation's name ("... Control and Prevention")
            words = [strip_possessive(toks[k].text) for k in range(run.first, run.last)]
            if words[0] not in mid_sentence or toks[run.first].lower in NOT_NAME_WORDS:
                continue
            if all(w.lower() in PLACE_WORDS for w in words):
                continue
            if self._is_subject(run.first):
                out.append((run.first, " ".join(words)))
        return out

    def _named_document(self, head_word: str) -> str | None:
        """The article's named study or report ("... National Iodine Nutrition Study"): a name
        ending in the same head noun, else in any document noun."""
        for heads in ({head_word}, _NAMED_DOCUMENT_HEADS):
            for run in self.runs:
                if (
                    run.last - run.first >= 2
                    and strip_possessive(self.toks[run.last - 1].lower) in heads
                ):
                    return " ".join(
                        strip_possessive(self.toks[k].text) for k in range(run.first, run.last)
                    )
        return None

    # ------------------------------------------------------------------ frames
    def resolve(self, frames: list[Frame]) -> dict[int, Speaker]:
        """Speakers of all frames, keyed by id(frame)."""
        out: dict[int, Speaker] = {}

        def anchor(f: Frame) -> int:
            if f.source is not None:
                return f.source[0]
            if f.cue is not None:
                return f.cue[0]
            return f.first

        nested: list[Frame] = []
        for f in sorted(frames, key=anchor):
            if f.source is not None and self._first_person_in_quote(f):
                nested.append(f)
                continue
            out[id(f)] = self._resolve_frame(f, out)
            self.history.append((anchor(f), out[id(f)]))
            self.history.sort(key=lambda x: x[0])
        for f in nested:
            parent = self._parent_quote_speaker(f, frames, out)
            assert f.source is not None
            out[id(f)] = self.resolve_phrase(f.source[0], f.source[1], quote_speaker=parent)
        return out

    def _first_person_in_quote(self, f: Frame) -> bool:
        assert f.source is not None
        first, last = f.source
        return (
            last - first == 1
            and (self.toks[first].text == "me" or pronoun_of(self.toks[first].text) == "i")
            and self.cl.quote_owner[first] >= 0
        )

    def _parent_quote_speaker(
        self, f: Frame, frames: list[Frame], out: dict[int, Speaker]
    ) -> Speaker | None:
        assert f.source is not None
        k = f.source[0]
        best: Frame | None = None
        for g in frames:
            if g is f or id(g) not in out:
                continue
            if g.first <= k < g.last and (
                best is None or g.last - g.first < best.last - best.first
            ):
                best = g
        return out[id(best)] if best is not None else None

    def _resolve_frame(self, f: Frame, out: dict[int, Speaker]) -> Speaker:
        if f.source_mode == "continuation" and f.continuation_of is not None:
            prev = out.get(id(f.continuation_of))
            return prev if prev is not None else NO_SPEAKER
        if f.source is None:
            return NO_SPEAKER
        return self.resolve_phrase(f.source[0], f.source[1])
