"""Shallow clause geometry over tokens: verb-likeness, noun-phrase edges, clause ends.

Attribution rules need three questions answered without a parser: where does the noun phrase
before a reporting verb start (its speaker), does the text after it look like a clause (its
content), and where does that clause end. Each answer is a small rule over word lists and
punctuation, gathered here so the attribution and coreference stages read as grammar.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from .lexicon import (
    ADVERBS_BEFORE_VERB,
    AUXILIARIES,
    BELIEF_VERBS,
    COMMON_PAST_VERBS,
    CONNECTIVES,
    DETERMINERS,
    HONORIFICS,
    NOT_NAME_WORDS,
    PREPOSITIONS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    SUBORDINATORS,
    TITLE_WORDS,
)
from .quotes import Quotation
from .text import Document

FINITE_AUX: Final = AUXILIARIES - frozenset({"be", "been", "being"})
HARD_PUNCT: Final = frozenset(
    {",", ";", ":", "\u2014", "\u2013", "--", "-", "|", "(", ")", "[", "]"}
)
END_PUNCT: Final = frozenset({".", "!", "?"})
RELATIVES: Final = frozenset({"who", "which", "that", "whom"})
_NP_BOUNDARY_WORDS: Final = SUBORDINATORS | frozenset(
    {"where", "whereby", "than", "so", "because", "then", "if"}
)
_COORDINATORS: Final = frozenset({"and", "but", "or", "nor", "yet"})
WH_WORDS: Final = frozenset(
    {"what", "why", "how", "when", "where", "whether", "who", "which", "if"}
)
SUBJECT_WORDS: Final = frozenset(
    {"i", "we", "you", "he", "she", "it", "they", "there", "who", "that", "this"}
)
_CLAUSE_STARTERS: Final = DETERMINERS | frozenset(
    [
        "i",
        "we",
        "you",
        "he",
        "she",
        "it",
        "they",
        "there",
        "many",
        "most",
        "few",
        "some",
        "none",
        "nobody",
        "everyone",
        "everybody",
        "someone",
        "all",
        "almost",
        "nearly",
        "half",
        "more",
        "less",
        "about",
        "no",
        "not",
        "every",
        "each",
        "iodine",
    ]
)


def pronoun_of(word: str) -> str:
    """The pronoun of a contracted subject and verb ("I'm", "we've", "she'll" -> "i", "we",
    "she"); other words lower-cased."""
    low = word.lower().replace("\u2019", "'")
    head, _, clitic = low.partition("'")
    return head if clitic in ("m", "ve", "re", "ll", "d", "s") and head else low


@dataclass(frozen=True, slots=True)
class Bounds:
    """A token window [first, last): a sentence, clipped to a quotation when inside one."""

    first: int
    last: int


class Clauses:
    """Clause helpers bound to one document and its quotations."""

    def __init__(
        self,
        doc: Document,
        quotes: tuple[Quotation, ...],
        person_owner: dict[int, int] | None = None,
    ) -> None:
        self.person_owner: dict[int, int] = person_owner or {}  # token -> person index
        self.person_tokens = frozenset(self.person_owner)
        self.doc = doc
        self.toks = doc.tokens
        self.quotes = quotes
        owner = [-1] * len(doc.tokens)
        for qi, q in enumerate(quotes):
            lo = q.open_mark if q.open_mark is not None else q.first
            hi = q.close_mark if q.close_mark is not None else q.last - 1
            for i in range(lo, hi + 1):
                owner[i] = qi
        self.quote_owner = owner

    # ------------------------------------------------------------------ token classes
    def abbreviation_period(self, k: int) -> bool:
        """A period glued to an honorific or an initial ("Mr. Marsh", "L. Ron Hubbard"): part of
        the name, not the end of a phrase."""
        toks = self.toks
        if toks[k].text != "." or k == 0 or toks[k - 1].end != toks[k].start:
            return False
        prev = toks[k - 1]
        return prev.kind == "word" and (
            prev.lower in HONORIFICS or prev.lower in ("gov", "sen", "rep", "gen", "lt", "col")
            or (len(prev.text) == 1 and prev.text.isupper())
        )

    def _participle_modifier(self, k: int) -> bool:
        """An -ed/-en form modifying the noun before it: "the study published in ...",
        "a letter seen by ..."."""
        toks = self.toks
        nxt = toks[k + 1].lower if k + 1 < len(toks) else ""
        prev = toks[k - 1] if k > 0 else None
        if nxt == "by":
            return True
        if (
            prev is None
            or prev.kind != "word"
            or prev.lower in AUXILIARIES
            or prev.lower in SUBJECT_WORDS
        ):
            return False
        return nxt in PREPOSITIONS and (
            prev.text[0].isupper() or prev.lower.endswith("s") or prev.lower in DETERMINERS
        )

    def is_verbish(self, k: int) -> bool:
        """Is token k probably a finite or participial verb (a noun-phrase boundary)?"""
        t = self.toks[k]
        if t.kind != "word" or t.text[0].isupper():
            return False
        low = t.lower
        if low in AUXILIARIES or low in COMMON_PAST_VERBS:
            return True
        prev = self.toks[k - 1].lower if k > 0 else ""
        nxt = self.toks[k + 1].lower if k + 1 < len(self.toks) else ""
        if (low in SPEECH_VERBS or low in BELIEF_VERBS) and nxt in FINITE_AUX:
            return False  # a noun with its verb: "Recent reports have revealed"
        if (
            low in SPEECH_VERBS
            or low in BELIEF_VERBS
            or (low.endswith("ed") and len(low) > 4 and "-" not in low)
        ):
            return prev not in DETERMINERS and not self._participle_modifier(k)
        return False

    def is_finite(self, k: int) -> bool:
        """A tensed verb: auxiliary, common past form, -ed form, a reporting verb, or an -s form
        right after a name or singular pronoun ("Mohamed wishes")."""
        t = self.toks[k]
        if t.kind != "word" or t.text[0].isupper():
            return False
        low = t.lower
        if (
            low in FINITE_AUX
            or low in COMMON_PAST_VERBS
            or ("'" in low and low.split("'")[0] in SUBJECT_WORDS)
        ):
            return True
        prev = self.toks[k - 1] if k > 0 else None
        if low.endswith("ed") and len(low) > 3 and "-" not in low:
            return prev is None or (prev.lower not in DETERMINERS and prev.lower not in AUXILIARIES)
        if (
            low.endswith("s")
            and not low.endswith(("ss", "ous", "is", "us"))
            and len(low) > 3
            and low.isalpha()
            and low not in NOT_NAME_WORDS
            and low not in PREPOSITIONS
            and prev is not None
            and (
                (
                    prev.is_capitalised
                    and prev.kind == "word"
                    and not (k >= 2 and self.toks[k - 2].lower in DETERMINERS)
                )
                or prev.lower in ("he", "she", "it", "who")
            )
        ):
            return True  # "Mohamed wishes", "he says"; not "its European allies"
        if prev is not None and prev.lower == "to":
            return False
        for table in (SPEECH_VERBS, BELIEF_VERBS):
            lemma = table.get(low)
            if lemma is not None:
                return low != lemma and not low.endswith(("ing", "en", "wn"))
        return False

    def clause_like(self, first: int, last: int, *, across_commas: bool = True) -> bool:
        """Does [first, last) start like a clause: a subject then a finite verb before the first
        comma? ("the boy was welcome", "many are not getting", "reduction ... exceeded")"""
        k = first
        while k < last and self.toks[k].kind in ("quote", "squote"):
            k += 1
        if k >= last:
            return False
        head = self.toks[k]
        if head.lower in PREPOSITIONS and head.lower not in ("about",):
            # "by 2050, increasing population ... would increase": an adverbial, then the clause
            m = k + 1
            while (
                m < last
                and m - k < 7
                and self.toks[m].text not in (",",)
                and self.toks[m].text not in END_PUNCT
            ):
                m += 1
            if m < last and self.toks[m].text == "," and m - k < 7:
                return self.clause_like(m + 1, last)
            return False
        if head.lower in WH_WORDS:
            return False
        j = k + 1
        while j < last and j < k + 25:
            t = self.toks[j]
            if (
                t.text in (";", ":")
                or t.text in END_PUNCT
                or t.text == "..."
                or (t.lower in RELATIVES and j > k + 1)
            ):
                return False
            if t.lower in SUBORDINATORS and j > k + 1:
                return False
            if t.lower in _COORDINATORS and j + 1 < last and self.is_verbish(j + 1):
                return False  # "their crimes and received amnesty": a coordinated verb phrase
            if t.text == "," and (
                not across_commas
                or j - k > 12
                or (j + 1 < last and self.toks[j + 1].lower in _COORDINATORS)
            ):
                return False
            if self.is_finite(j):
                return True
            j += 1
        return False

    # ------------------------------------------------------------------ windows
    def window(self, k: int) -> Bounds:
        """The sentence of token k, clipped to the inside of the quotation containing k."""
        sent = self.doc.sentences[self.doc.sentence_of[k]]
        first, last = sent.first, sent.last
        qi = self.quote_owner[k]
        if qi >= 0:
            q = self.quotes[qi]
            first = max(first, q.first)
            last = min(last, q.last)
        return Bounds(first, last)

    def clause_end(self, start: int, bounds: Bounds) -> int:
        """End (exclusive token index) of reported content starting at `start`: the end of the
        sentence or a semicolon at the same quotation level; content that runs into a quotation
        continues to its closing mark (across sentences and paragraphs) and then to the end of
        the sentence if the sentence goes on after the mark."""
        toks = self.toks
        level = self.quote_owner[start]
        for k in range(start, bounds.last):
            if toks[k].text == ";" and self.quote_owner[k] == level:
                return k
        end = bounds.last
        if (
            level >= 0
            and self.quotes[level].first <= bounds.first
            and bounds.last <= self.quotes[level].last
        ):
            return end  # content inside a quotation stays inside it
        for _ in range(8):
            qi = self.quote_owner[end - 1]
            if qi < 0:
                break
            q = self.quotes[qi]
            q_end = q.close_mark + 1 if q.close_mark is not None else q.last
            if q_end <= end:
                break
            end = q_end
            sent_last = self.doc.sentences[self.doc.sentence_of[q_end - 1]].last
            if self._same_sentence_tail(q_end, sent_last):
                end = sent_last
        return end

    def _same_sentence_tail(self, q_end: int, s_end: int) -> bool:
        """Does text after a closing mark continue the same sentence (", but the government...")?"""
        if q_end >= s_end:
            return False
        t = self.toks[q_end]
        return t.text in (",", "\u2014") or (t.kind == "word" and t.text[0].islower())

    # ------------------------------------------------------------------ noun phrases
    def np_before(self, cue: int, bounds: Bounds) -> tuple[int, int] | None:
        """The subject noun phrase ending right before a verb at `cue` (adverbs and auxiliaries
        skipped). Handles appositives set off by commas ("X, chief of Y, told") and relative
        clauses inside the phrase ("a source who requested anonymity told")."""
        toks = self.toks
        j = cue - 1
        while j >= bounds.first and (
            toks[j].lower in ADVERBS_BEFORE_VERB or toks[j].lower in AUXILIARIES
        ):
            j -= 1
        if j < bounds.first:
            return None
        if toks[j].text == ",":
            return self._appositive_np(j, bounds)
        start = self._region_start(j, bounds)
        if start is None:
            return None
        return (start, j + 1)

    def _region_start(self, j: int, bounds: Bounds) -> int | None:
        """Scan back from token j (inclusive) to the start of a noun phrase."""
        toks = self.toks
        k = j
        paren = 0
        while k >= bounds.first:
            t = toks[k]
            low = t.lower
            if t.text == ")":
                paren += 1
                k -= 1
                continue
            if t.text == "(" and paren:
                paren -= 1
                k -= 1
                continue
            if paren:
                k -= 1
                continue
            if self.abbreviation_period(k):
                k -= 1
                continue
            if t.kind == "quote" or t.text in HARD_PUNCT or t.text in END_PUNCT:
                break
            if low in RELATIVES and k == j and t.text.islower():
                return k  # "who told ...": the relative pronoun is the subject
            if low in _NP_BOUNDARY_WORDS and not (
                low == "as" and k + 1 <= j and toks[k + 1].lower == "well"
            ):
                break
            if low in _COORDINATORS:
                left = toks[k - 1] if k - 1 >= bounds.first else None
                right = toks[k + 1] if k + 1 <= j else None
                if (
                    left is not None
                    and right is not None
                    and left.is_capitalised
                    and (right.is_capitalised or right.lower in ("the", "a"))
                ):
                    k -= 1
                    continue
                break
            if low == "that" or low in ("who", "which"):
                # a relative clause inside the phrase: keep going back to its head noun
                k -= 1
                continue
            if self.is_verbish(k) and not self._in_relative(k, bounds):
                break
            k -= 1
        start = k + 1
        if start > j:
            return None
        return start

    def _in_relative(self, k: int, bounds: Bounds) -> bool:
        """Is token k inside a relative clause opened by who/which/that before it?"""
        m = k - 1
        while m >= bounds.first and m >= k - 6:
            t = self.toks[m]
            if t.lower in ("who", "which", "that", "whom") and m > bounds.first:
                return True
            if t.text in HARD_PUNCT or t.kind == "quote":
                return False
            m -= 1
        return False

    def np_like(self, first: int, last: int) -> bool:
        """A comma chunk that can be (part of) a noun phrase: no finite verb outside a relative
        clause or leading participle, no quotation mark."""
        if last <= first or last - first > 22:
            return False
        toks = self.toks
        start = first
        if toks[start].lower in _COORDINATORS:
            start += 1
        if start >= last:
            return False
        lead = toks[start].lower
        if (
            lead in SUBORDINATORS
            or lead in ("that",)
            or (lead in PREPOSITIONS and lead not in ("of",))
        ):
            return False
        participle = lead.endswith(("ed", "ing")) or lead in RELATIVES or lead == "whose"
        for k in range(start, last):
            t = toks[k]
            if t.kind == "quote" or t.text in END_PUNCT:
                return False
            if participle:
                continue
            if t.lower in RELATIVES:
                return True
            if self.is_verbish(k):
                return False
        return True

    def _appositive_np(self, comma: int, bounds: Bounds) -> tuple[int, int] | None:
        """NP ending in an appositive: "Abdurakhim Abdulkhasanov, chief of ..., told"."""
        toks = self.toks
        chunks: list[tuple[int, int]] = []
        end = comma
        k = comma - 1
        while k >= bounds.first and len(chunks) < 4:
            m = k
            while (
                m >= bounds.first
                and toks[m].text not in (",", ";", ":")
                and toks[m].kind != "quote"
                and toks[m].text not in END_PUNCT
            ):
                m -= 1
            chunk = (m + 1, end)
            if not self.np_like(*chunk):
                break
            chunks.append(chunk)
            if m < bounds.first or toks[m].text != ",":
                break
            end = m
            k = m - 1
        if not chunks:
            return None
        # the nearest chunk that holds a name heads the phrase; descriptions after it are
        # appositives; a role description before it ("another analyst, Name,") joins it
        persons = [
            idx
            for idx, (s, e) in enumerate(chunks)
            if any(k in self.person_tokens for k in range(s, e))
        ]
        names = [idx for idx, (s, e) in enumerate(chunks) if self._holds_name(s, e)]
        if persons:
            head = persons[0]
        elif names:
            head = names[0]
        else:
            # "A lawyer, who asked not to be named, said": the head noun, not its relative clause
            plain = [i for i, (s, _e) in enumerate(chunks) if self.toks[s].lower not in RELATIVES
                     and self.toks[s].lower != "whose"]
            head = plain[0] if plain else 0
            return (chunks[head][0], chunks[0][1])
        first = chunks[head][0]
        if head + 1 < len(chunks):
            s, e = chunks[head + 1]
            words = {toks[i].lower for i in range(s, e)}
            if words & (ROLE_NOUNS | TITLE_WORDS) and not toks[e - 1].is_capitalised:
                first = s
        return (first, chunks[0][1])

    def _holds_name(self, s: int, e: int) -> bool:
        """Does a comma chunk name its referent (a capitalised head that is not a title and not
        inside an "of/for" phrase)? "Nunzio Galantino" yes; "Panama coach", "Director of the
        National Iodine Nutrition study" no."""
        toks = self.toks
        last_word = next((k for k in range(e - 1, s - 1, -1) if toks[k].kind == "word"), None)
        if last_word is None or not toks[last_word].is_capitalised:
            return False
        for k in range(s, e):
            t = toks[k]
            if t.lower in ("of", "for", "at", "from", "in", "with", "by"):
                return False
            if (
                t.is_capitalised
                and t.lower not in TITLE_WORDS
                and t.lower not in DETERMINERS
                and t.lower not in ("and",)
            ):
                return True
        return False

    def clause_subject(self, bounds: Bounds) -> tuple[int, int] | None:
        """The subject of a sentence: its first noun phrase after an introductory phrase."""
        toks = self.toks
        k = bounds.first
        while k < bounds.last and toks[k].kind in ("quote", "squote"):
            k += 1
        # skip an introductory adverbial ending in a comma ("During ..., Sunak defended")
        first_word = toks[k].lower if k < bounds.last else ""
        if (
            first_word in PREPOSITIONS
            or first_word in SUBORDINATORS
            or first_word in CONNECTIVES
            or first_word.endswith(("ly", "ing"))
        ):
            m = k
            while m < bounds.last and toks[m].text != ",":
                m += 1
            if m < bounds.last and m - k < 12:
                k = m + 1
        start = k
        if start < bounds.last and pronoun_of(toks[start].text) in SUBJECT_WORDS and (
            pronoun_of(toks[start].text) != toks[start].lower
        ):
            return (start, start + 1)  # "I'm not going to ... tell": the subject is "I"
        paren = 0
        while k < bounds.last and toks[k].kind != "quote":
            t = toks[k]
            if t.text == "(":
                paren += 1
            elif t.text == ")":
                paren = max(0, paren - 1)
            elif not paren and (self.is_verbish(k) or t.text in (";", ":")):
                break
            k += 1
        if k >= bounds.last or k == start or toks[k].kind == "quote" or not self.is_verbish(k):
            return None
        if toks[k - 1].text == "," or toks[k - 1].lower in ADVERBS_BEFORE_VERB:
            np = self.np_before(k, Bounds(start, bounds.last))
            return np
        return (start, k)
