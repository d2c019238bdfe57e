"""Attribution frames: which words report whose speech, and where the reported content lies.

News English reports speech through a handful of frames, each a rule here:

  cue-first      NP CUE [hearer] [adjunct] [that] CONTENT      "Jafari said she felt ..."
  trailing       CONTENT, NP CUE [tail]. / CONTENT, CUE NP.   "..., Rakhimzoda said." /
                                                              "..., said Ambassador Mohib."
  according-to   According to NP, CONTENT  /  CONTENT according to NP
  as-frame       As NP CUE [hearer], CONTENT
  belief noun    NP came to the conclusion that CONTENT
  belief adj.    NP are concerned (that) CONTENT
  headline       Reports: CONTENT
  quotation      a quotation after a colon, a dash credit ("- Matthew Ingram"), a quotation that
                 stands alone after someone's words (continuation), or a labelled quotation.

A frame only locates the speaker phrase (token range); coref.py turns it into a speaker. Frames
nest (a belief verb inside a quotation or inside reported speech is its own attribution), and a
frame's content stops where a coordinated frame begins ("..., and said ...").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

from .clauses import END_PUNCT, HARD_PUNCT, WH_WORDS, Bounds, Clauses, pronoun_of
from .lexicon import (
    ADVERBS_BEFORE_VERB,
    AUXILIARIES,
    BELIEF_ADJECTIVES,
    BELIEF_NOUNS,
    BELIEF_VERBS,
    DETERMINERS,
    EVIDENCE_SUBJECT_HEADS,
    HEADLINE_SOURCE_WORDS,
    HEARER_VERBS,
    HONORIFICS,
    LABELLING_VERBS,
    OBJECT_PRONOUNS,
    PREPOSITIONS,
    QUOTE_ONLY_VERBS,
    SPEECH_VERBS,
    SUBJECT_PRONOUNS,
    SUBORDINATORS,
)
from .names import strip_possessive
from .quotes import Quotation, looks_like_name, word_count
from .text import Document

SourceMode = Literal["np", "clause_subject", "continuation", "none"]

_BE_FORMS: Final = frozenset({"is", "are", "was", "were", "be", "been", "being", "am", "'s", "'re"})
_HEARER_WORDS: Final = frozenset(
    [
        "reporters",
        "journalists",
        "lawmakers",
        "parliament",
        "police",
        "officials",
        "investigators",
        "viewers",
        "listeners",
        "readers",
        "supporters",
        "followers",
        "delegates",
        "students",
        "colleagues",
        "everyone",
        "everybody",
        "anyone",
        "anybody",
        "someone",
        "somebody",
        "nobody",
        "staff",
        "employees",
        "workers",
        "members",
        "jurors",
        "fans",
        "voters",
    ]
)
_COORD_BEFORE_SOURCE: Final = frozenset({"and", "but", "with", "while", "whilst", "as", "whereas"})
_TIME_WORDS: Final = frozenset(
    [
        "today",
        "yesterday",
        "tomorrow",
        "week",
        "month",
        "year",
        "decade",
        "century",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "morning",
        "evening",
        "night",
    ]
)
# prepositions that open an adjunct of a reporting verb ("said on Monday", "told reporters in
# Geneva"); "about", "of", "for" open its topic instead ("wrote about people I knew")
_ADJUNCT_PREPOSITIONS: Final = frozenset(
    {"on", "in", "at", "during", "after", "before", "since", "via", "through", "throughout",
     "from", "outside", "inside", "over", "ahead", "earlier", "later"}
)
_CLAUSE_OPENERS: Final = frozenset(
    {"over", "more", "less", "about", "nearly", "almost", "some", "many", "most", "few"}
)
_CLAUSAL_SPEECH: Final = frozenset(
    {"say", "tell", "add", "claim", "insist", "argue", "warn", "think", "believe", "suggest"}
)
_MEDIA_LABELS: Final = frozenset(
    {"image", "photo", "picture", "video", "audio", "credit", "credits", "source"}
)
_NOUN_CUE_VERBS: Final = frozenset(
    [
        "have",
        "has",
        "had",
        "having",
        "came",
        "come",
        "comes",
        "coming",
        "reached",
        "reach",
        "reaches",
        "expressed",
        "express",
        "expresses",
        "share",
        "shares",
        "shared",
        "hold",
        "holds",
        "held",
        "got",
        "get",
        "gets",
        "gave",
        "give",
        "voiced",
        "voice",
    ]
)


@dataclass(slots=True)
class Frame:
    """One attribution found in the text, before speaker resolution. Token ranges are half-open.
    `source` is the speaker phrase; `source_mode` says how to resolve it; `continuation_of` is
    the frame whose speaker a continued quotation inherits."""

    rule: str
    first: int
    last: int
    cue: tuple[int, int] | None
    source: tuple[int, int] | None
    source_mode: SourceMode
    lemma: str | None = None
    continuation_of: Frame | None = None
    quote: int | None = None


def _lemma(word: str) -> str | None:
    low = word.lower()
    for table in (SPEECH_VERBS, BELIEF_VERBS, QUOTE_ONLY_VERBS, LABELLING_VERBS):
        if low in table:
            return table[low]
    return None


class FrameFinder:
    """Runs every frame rule over one document."""

    def __init__(self, doc: Document, quotes: tuple[Quotation, ...], clauses: Clauses) -> None:
        self.doc = doc
        self.toks = doc.tokens
        self.quotes = quotes
        self.cl = clauses
        self.frames: list[Frame] = []
        self.name_quotes = frozenset(i for i, q in enumerate(quotes) if looks_like_name(doc, q))

    # ------------------------------------------------------------------ entry point
    def run(self) -> list[Frame]:
        toks = self.toks
        self._headline()
        for k, tok in enumerate(toks):
            if tok.kind != "word":
                continue
            low = tok.lower
            if low == "according" and k + 1 < len(toks) and toks[k + 1].lower == "to":
                self._according(k)
            elif low in BELIEF_NOUNS and k + 1 < len(toks) and toks[k + 1].lower == "that":
                self._belief_noun(k)
            else:
                if low in BELIEF_ADJECTIVES:
                    self._belief_adjective(k)
                if _lemma(low) is not None:
                    self._verb(k)
        self._quotation_frames()
        self._cut_coordinated()
        self.frames.sort(key=lambda f: (f.first, -f.last))
        return self.frames

    # ------------------------------------------------------------------ helpers
    def _clause_subject_frame(self, kind: str, lo: int, hi: int, at: int, quote: int) -> Frame:
        """A quotation whose speaker is the subject of the clause around token `at`, looked for
        in the words of the sentence outside the quotation: a name inside the quoted words is
        what the speaker talks about, never the speaker ("Ellen Fox has betrayed this town")."""
        bounds = self.cl.window(at)
        if self.cl.quote_owner[at] == quote:
            before = self.doc.sentences[self.doc.sentence_of[lo]]
            after = self.doc.sentences[self.doc.sentence_of[hi - 1]]
            bounds = Bounds(before.first, lo) if lo > before.first else Bounds(hi, after.last)
        subject = self.cl.clause_subject(bounds) if bounds.last > bounds.first else None
        if subject is not None and subject[0] < hi and lo < subject[1]:
            subject = None
        return Frame(kind, lo, hi, None, subject, "clause_subject" if subject else "none", None,
                     quote=quote)

    def _add(self, frame: Frame) -> None:
        if frame.last <= frame.first:
            return
        for f in self.frames:
            if f.first == frame.first and f.last == frame.last:
                return
        self.frames.append(frame)

    def _strip_np(self, np: tuple[int, int] | None) -> tuple[int, int] | None:
        """Drop leading prepositions/coordinators ("with one poster" -> "one poster")."""
        if np is None:
            return None
        first, last = np
        while first < last and (
            self.toks[first].lower in PREPOSITIONS
            or self.toks[first].lower in ("and", "but", "as", "while", "whilst", "what")
        ):
            first += 1  # "what he called ...": the speaker is "he"
        return (first, last) if last > first else None

    def _skip_hearer(self, j: int, bounds: Bounds) -> int:
        """Skip the hearer of tell/inform/assure: a pronoun, a name, or a short noun phrase."""
        toks = self.toks
        if j >= bounds.last:
            return j
        # a short hearer before "that", a question word or a quotation: "asked councillors why",
        # "asked her mother if", "told the jury that"
        m = j
        while m < bounds.last and m - j < 5 and toks[m].kind == "word":
            low = toks[m].lower
            if m > j and (low in ("that", "if", "whether") or low in WH_WORDS):
                return m
            if (
                self.cl.is_verbish(m)
                or low in AUXILIARIES
                or low in PREPOSITIONS
                or (m > j and low in DETERMINERS)  # "told Sky News any process ...": content
                or (m > j and pronoun_of(low) in SUBJECT_PRONOUNS)  # "tell you we're where"
            ):
                break
            m += 1
        if m > j and m < bounds.last and toks[m].kind == "quote":
            return m
        t = toks[j]
        if t.lower in OBJECT_PRONOUNS or t.lower in _HEARER_WORDS:
            return j + 1
        if t.lower in ("the", "a", "an") or t.is_capitalised:
            k = j + 1 if t.lower in ("the", "a", "an") else j
            if k < bounds.last and toks[k].is_capitalised:
                while k < bounds.last and (
                    toks[k].is_capitalised
                    or (
                        toks[k].lower in ("of", "and", "for", "the", "|")
                        and k + 1 < bounds.last
                        and toks[k + 1].is_capitalised
                    )
                    or toks[k].text == "|"
                ):
                    k += 1
                return k
            # "the press", "a news conference": lower-case words up to a boundary
            m = k
            while (
                m < bounds.last
                and m - k < 3
                and toks[m].kind == "word"
                and toks[m].lower not in ("that",)
                and not self.cl.is_verbish(m)
            ):
                m += 1
                if m < bounds.last and (
                    toks[m].text in (",", ":") or toks[m].lower == "that" or toks[m].kind == "quote"
                ):
                    return m
            return j
        return j

    def _content_start(
        self, j: int, bounds: Bounds, *, as_frame: bool = False, hearer: bool = False
    ) -> tuple[int, str] | None:
        """Where reported content starts after a cue (and its hearer): after "that", at an opening
        quotation mark, after a colon, or bare. Returns (token, how) with how in
        {"that", "quote", "colon", "bare", "next_paragraph"}."""
        toks = self.toks
        that = self._that_after_adjunct(j, bounds, hearer=hearer)
        if that is not None:
            return (that + 1, "that") if that + 1 < bounds.last else None
        clause = self._clause_after_adjunct(j, bounds)
        if clause is not None:
            return (clause, "bare")
        orig = j
        for _ in range(3):
            if j >= bounds.last:
                return self._next_paragraph_quote(j - 1)
            t = toks[j]
            if t.lower == "that" and t.kind == "word":
                return (j + 1, "that") if j + 1 < bounds.last else None
            if (
                t.kind == "quote"
                and self.cl.quote_owner[j] >= 0
                and self.quotes[self.cl.quote_owner[j]].open_mark == j
            ):
                return (j, "quote")
            if t.text in (",", ":"):
                nxt = j + 1
                if nxt >= bounds.last:
                    return self._next_paragraph_quote(j)
                if toks[nxt].kind == "quote" and self._opens(nxt):
                    return (nxt, "quote")
                if toks[nxt].lower == "that":
                    return (nxt + 1, "that")
                if t.text == ":" and j > 0 and toks[j - 1].lower in _MEDIA_LABELS:
                    return None  # "Image: Twitter / Barack Obama": a media credit
                if t.text == ":" or (as_frame and self.cl.clause_like(nxt, bounds.last)):
                    return (nxt, "colon")
                m = nxt
                while m < bounds.last and toks[m].text != "," and m - nxt < 8:
                    m += 1
                if (
                    m + 1 < bounds.last
                    and toks[m].text == ","
                    and (toks[m + 1].lower == "that" or toks[m + 1].kind == "quote")
                ):
                    j = m + 1
                    continue
                temporal = any(
                    toks[i].kind == "num" or toks[i].lower in _TIME_WORDS for i in range(orig, j)
                )
                if j > orig and temporal and self.cl.clause_like(nxt, bounds.last):
                    return (orig, "bare")  # "estimated by 2050, increasing population ... would"
                return None
            if t.lower in ("not", "never") and j + 1 < bounds.last and toks[j + 1].lower == "to":
                return None  # "asked not to be named"
            if (
                t.lower == "to"
                and j + 1 < bounds.last
                and toks[j + 1].kind == "word"
                and toks[j + 1].text.islower()
                and toks[j + 1].lower not in DETERMINERS
            ):
                return None  # "claimed to belong ...": an infinitive, not reported content
            if t.lower in PREPOSITIONS or (
                t.lower.endswith("ing") and t.lower not in ("nothing", "something", "everything")
            ):
                m = j + 1
                while (
                    m < bounds.last
                    and m - j <= 7
                    and toks[m].lower != "that"
                    and toks[m].kind != "quote"
                    and toks[m].text not in (",", ":", ";")
                ):
                    m += 1
                if (
                    m < bounds.last
                    and m - j <= 7
                    and (
                        toks[m].lower == "that"
                        or toks[m].kind == "quote"
                        or toks[m].text in (",", ":")
                    )
                ):
                    j = m
                    continue
                if m >= bounds.last and m - j <= 7:
                    return (
                        self._next_paragraph_quote(m - 1)
                        if toks[m - 1].text in (",", ":")
                        else None
                    )
            break
        return (j, "bare")

    def _adjunct_start(self, j: int) -> bool:
        """Does token j open an adjunct of the reporting verb ("later", "on Monday", "in a
        statement", "publicly")?"""
        t = self.toks[j]
        return t.kind == "word" and t.text.islower() and (
            t.lower in _ADJUNCT_PREPOSITIONS
            or t.lower in ADVERBS_BEFORE_VERB
            or t.lower in _TIME_WORDS
            or t.lower in ("late", "early", "last", "this", "again", "afterwards")
            or (t.lower.endswith("ly") and len(t.lower) > 4)
        )

    def _that_after_adjunct(self, j: int, bounds: Bounds, *, hearer: bool) -> int | None:
        """The "that" after a hearer or an adjunct: "told a conference of council leaders in
        Birmingham on Thursday that ...", "said later that ...". Nothing verb-like, quoted or
        clause-ending may come between."""
        toks = self.toks
        if j >= bounds.last or not (hearer or self._adjunct_start(j)):
            return None
        m = j
        while m < bounds.last and m - j <= 14:
            t = toks[m]
            if t.lower == "that" and t.kind == "word" and m > j:
                return m
            if (
                t.kind == "quote"
                or t.text in (";", ":")
                or t.text in END_PUNCT
                or t.lower in AUXILIARIES
                or self.cl.is_finite(m)
            ):
                return None
            m += 1
        return None

    def _clause_after_adjunct(self, j: int, bounds: Bounds) -> int | None:
        """A bare clause after a short adjunct: "said on Monday it had shot down 40 drones",
        "said in a statement the company would appeal"."""
        toks = self.toks
        if j >= bounds.last or not self._adjunct_start(j):
            return None
        for p in range(j + 1, min(j + 9, bounds.last)):
            t, prev = toks[p], toks[p - 1]
            if (
                prev.kind not in ("word", "num")
                or self.cl.is_verbish(p - 1)
                or prev.lower in WH_WORDS
                or prev.lower in SUBORDINATORS
            ):
                return None  # "declined to comment on whether it planned ...": not a report
            if prev.lower in DETERMINERS or prev.lower in PREPOSITIONS:
                continue
            starter = (
                t.lower in DETERMINERS
                or t.lower in SUBJECT_PRONOUNS
                or t.is_capitalised
                or t.kind == "num"
            )
            if starter and t.lower != "that" and self.cl.clause_like(
                p, bounds.last, across_commas=False
            ):
                return p
        return None

    def _is_quotation(self, first: int, last: int) -> bool:
        """Is the token range exactly one quotation, marks included?"""
        qi = self.cl.quote_owner[first]
        if qi < 0:
            return False
        q = self.quotes[qi]
        end = (q.close_mark + 1) if q.close_mark is not None else q.last
        return q.open_mark == first and end == last

    def _opens(self, k: int) -> bool:
        qi = self.cl.quote_owner[k]
        return qi >= 0 and self.quotes[qi].open_mark == k

    def _next_paragraph_quote(self, j: int) -> tuple[int, str] | None:
        """A source ending its paragraph with "," or ":" introduces the next paragraph's quote."""
        toks = self.toks
        if j < 0 or j + 1 >= len(toks) or toks[j].text not in (",", ":"):
            return None
        nxt = j + 1
        if self.doc.sentence_of[nxt] == self.doc.sentence_of[j]:
            return None
        para_now = self._para(j)
        if self._para(nxt) != para_now + 1 or toks[nxt].kind != "quote":
            return None
        return (nxt, "next_paragraph")

    def _para(self, k: int) -> int:
        return self.doc.sentences[self.doc.sentence_of[k]].paragraph

    def _quote_content_end(self, mark: int) -> int:
        """Content that begins with a quotation is the quotation: it ends at the closing mark.
        Words after the mark are the reporter's (", adding that ...", " before leaving the
        stage", " in red letters"), except a verb that makes the quoted words its subject
        ("... said "the deal" was dead")."""
        q = self.quotes[self.cl.quote_owner[mark]]
        end = (q.close_mark + 1) if q.close_mark is not None else q.last
        sent_last = self.doc.sentences[self.doc.sentence_of[end - 1]].last
        if (
            end < sent_last
            and self.cl.quote_owner[end] < 0
            and self.toks[end - 2].kind == "word"
            and (self.toks[end].lower in AUXILIARIES or self.cl.is_finite(end))
        ):
            return max(end, self.cl.clause_end(end, Bounds(end, sent_last)))
        return end

    def _quote_first(self, start: int) -> int:
        """Move a content start onto the opening mark of the quotation it begins inside."""
        qi = self.cl.quote_owner[start]
        if qi >= 0:
            q = self.quotes[qi]
            if q.open_mark is not None and q.first == start:
                return q.open_mark
        return start

    # ------------------------------------------------------------------ verb frames
    def _verb(self, k: int) -> None:
        toks = self.toks
        tok = toks[k]
        low = tok.lower
        lemma = _lemma(low)
        assert lemma is not None
        bounds = self.cl.window(k)
        if tok.text[0].isupper() and k != bounds.first:
            return  # "United States", "Interior Ministry State ..."
        prev = toks[k - 1] if k > bounds.first else None
        prev_low = prev.lower if prev is not None else ""
        nxt_low = toks[k + 1].lower if k + 1 < bounds.last else ""
        is_ing = low.endswith("ing")
        if (
            prev is not None
            and (prev_low in DETERMINERS or prev_low == "whose")
            and prev_low
            not in ("all", "both", "that", "many", "few", "some", "one", "two", "three")
        ):
            return  # a noun: "the report", "an estimated 500"
        if (nxt_low in AUXILIARIES and nxt_low not in ("'s",)) or nxt_low in (
            "can",
            "could",
            "may",
            "might",
            "will",
            "would",
            "should",
            "must",
        ):
            return  # a noun followed by its verb: "reports have", "claims can be"
        if prev is not None and prev_low in PREPOSITIONS and not is_ing and prev_low != "to":
            return
        if prev_low == "to" and low != lemma:
            return  # after "to" only the base form is a verb: "to found a caliphate"
        if (
            low.endswith(("wn", "en"))
            and low != lemma
            and prev_low not in ("has", "have", "had", "having")
        ):
            return  # a participle without "have": "known as", "shown in", "seen by"
        before = k - 1
        while before >= bounds.first and toks[before].lower in ADVERBS_BEFORE_VERB:
            before -= 1
        before_low = toks[before].lower if before >= bounds.first else ""
        if before_low in _BE_FORMS and not is_ing:
            return  # passive or adjectival: "are shown", "were twice denied", "is known"
        if prev_low in ("well", "widely", "little", "best"):
            return
        if k == bounds.first and (is_ing or low != lemma):
            # "Hoping that ...", "Asked whether the city would pay, Hutchins said ...": a
            # participle opening the sentence has no speaker here
            return
        if (
            tok.is_capitalised
            and k == bounds.first
            and k + 1 < bounds.last
            and toks[k + 1].text == ":"
        ):
            return  # a heading word such as "Reports:" (see _headline)
        if low in ("that", "this"):
            return
        # "That said, ..." is a discourse marker, not a report
        if (
            prev is not None
            and prev_low in ("that", "this")
            and k - 1 == bounds.first
            and k + 1 < bounds.last
            and toks[k + 1].text == ","
        ):
            return

        np, mode = self._subject(k, bounds)
        as_frame = np is not None and np[0] > bounds.first and toks[np[0] - 1].lower == "as"
        if as_frame and lemma not in SPEECH_VERBS.values():
            return  # "as we all know": a comment clause, not a report
        j = k + 1
        if lemma == "point" and j < bounds.last and toks[j].lower == "out":
            j += 1
        if lemma in HEARER_VERBS:
            j = self._skip_hearer(j, bounds)
        start = self._content_start(j, bounds, as_frame=as_frame, hearer=lemma in HEARER_VERBS)
        cue = (k, k + 1)

        if lemma in LABELLING_VERBS and lemma not in SPEECH_VERBS.values():
            self._labelled_quote(k, bounds, np, mode)
            return
        if np is not None and all(
            toks[i].lower in ADVERBS_BEFORE_VERB or toks[i].lower in ("also", "not")
            for i in range(*np)
        ):
            return  # "Also, not mentioned on ...": no subject at all

        if start is not None:
            s, how = start
            ok = True
            speech = lemma in SPEECH_VERBS.values()
            if how == "quote" and self.cl.quote_owner[s] in self.name_quotes:
                ok = False  # a quoted title after the verb: says on "The ... Countdown"
            elif (
                how == "that"
                and s < bounds.last
                and (toks[s].lower in AUXILIARIES or self.cl.is_finite(s))
            ):
                ok = False  # "a light show that can be observed": a relative clause
            elif how == "bare":
                if (
                    (lemma in QUOTE_ONLY_VERBS.values() and not speech)
                    or s >= bounds.last
                    or (is_ing and (np is None or prev_low in PREPOSITIONS))
                ):
                    ok = False
                elif not speech:
                    ok = self.cl.clause_like(
                        s, bounds.last, across_commas=False
                    ) or self._evidence_frame(np, s, bounds)
                else:
                    head = toks[s].lower
                    ok = (
                        self.cl.clause_like(s, bounds.last)
                        or head in WH_WORDS
                        or (head in SUBORDINATORS and self.cl.clause_like(s + 1, bounds.last))
                        or self._evidence_frame(np, s, bounds)
                        or (
                            lemma in _CLAUSAL_SPEECH
                            and lemma not in HEARER_VERBS  # "told an interviewer in 1998"
                            and self._starts_clause(s, bounds)
                        )
                    )
            if ok and (np is not None or mode != "none" or is_ing or prev_low == "to"):
                if how in ("quote", "next_paragraph"):
                    last = self._quote_content_end(s)
                else:
                    last = self.cl.clause_end(s, bounds)
                if (
                    np is not None
                    and np[0] > 0
                    and toks[np[0] - 1].lower in ("which", "that")
                    and toks[np[0] - 1].text.islower()
                ):
                    # "The document, which media reports range from ...,": an object relative
                    # clause; its content ends with the relative clause
                    m = s
                    while m < last and toks[m].text != ",":
                        m += 1
                    last = m
                if last > s:
                    self._add(Frame("cue_first", s, last, cue, np, mode, lemma))
        self._trailing(k, bounds, np, mode, lemma)

    def _subject(self, k: int, bounds: Bounds) -> tuple[tuple[int, int] | None, SourceMode]:
        """The speaker phrase of a verb at k and how to resolve it."""
        toks = self.toks
        j = k - 1
        while j >= bounds.first and (
            toks[j].lower in ADVERBS_BEFORE_VERB or toks[j].lower in AUXILIARIES
        ):
            j -= 1
        if (
            j >= bounds.first
            and toks[j].lower == "to"
            and j - 1 >= bounds.first
            and self.cl.is_verbish(j - 1)
        ):
            return self._subject(j - 1, bounds)  # "proceeded to lie": subject of the control verb
        if (j >= bounds.first and toks[j].lower in ("and", "but")) or (
            j >= bounds.first and toks[j].text == "," and toks[k].lower.endswith("ing")
        ):
            subj = self.cl.clause_subject(bounds)
            return (subj, "clause_subject") if subj is not None else (None, "none")
        if j >= bounds.first and toks[j].lower in SUBORDINATORS and toks[k].lower.endswith("ing"):
            subj = self.cl.clause_subject(bounds)
            return (subj, "clause_subject") if subj is not None else (None, "none")
        np = self._strip_np(self.cl.np_before(k, bounds))
        if np is None:
            return None, "none"
        if (
            np[1] - np[0] == 1
            and toks[np[0]].lower in ("that", "this", "it")
            and toks[np[0]].lower != "it"
        ):
            return None, "none"
        return np, "np"

    def _starts_clause(self, s: int, bounds: Bounds) -> bool:
        """After "say"-type verbs a subject-like start is enough: "say the results confirm ...".
        (A finite plural verb such as "confirm" has no mark to find.)"""
        t = self.toks[s]
        words = 0
        m = s
        while m < bounds.last and self.toks[m].text not in (",", ";", ":", ".", "?", "!"):
            if self.toks[m].kind in ("word", "num"):
                words += 1
            m += 1
        starter = (
            t.lower in DETERMINERS
            or t.lower in SUBJECT_PRONOUNS
            or t.is_capitalised
            or t.kind == "num"
            # a bare plural subject before quoted words: "said officers “make split-second ...”"
            or (t.lower.endswith("s") and s + 1 < bounds.last and self._opens(s + 1))
        )
        return starter and words >= 4

    def _evidence_frame(self, np: tuple[int, int] | None, s: int, bounds: Bounds) -> bool:
        """ "Figures ... show a record 45,756 migrants ...", "The scientists found reduction ...":
        an evidence subject lets show/find/reveal take a bare clause."""
        if np is None or s >= bounds.last:
            return False
        head = self.toks[np[0] : np[1]]
        words = {t.lower for t in head}
        head_start = self.toks[s]
        if not words & EVIDENCE_SUBJECT_HEADS or head_start.kind not in ("word", "num"):
            return False
        if head_start.lower in PREPOSITIONS or head_start.lower in WH_WORDS:
            return False
        return self.cl.clause_like(s, bounds.last) or head_start.lower not in DETERMINERS

    def _trailing(
        self, k: int, bounds: Bounds, np: tuple[int, int] | None, mode: SourceMode, lemma: str
    ) -> None:
        """CONTENT, NP CUE [tail].  or  CONTENT, CUE NP [tail]."""
        toks = self.toks
        if lemma not in SPEECH_VERBS.values():
            return  # "X, the data show." is rare; belief verbs after a comma are mostly nouns
        inverted = False
        if np is not None:
            before = np[0] - 1
        else:
            before = k - 1
            inverted = True
            form = toks[k].lower
            if form.endswith(("ing", "en", "wn")) or (
                k + 1 < len(toks) and toks[k + 1].lower == "by"
            ):
                return  # "..., written by Marc Headley.": a participle, not a report
        if np is not None and toks[np[0]].text.islower() and toks[np[0]].lower.endswith("ing"):
            return  # ", setting up a fight with a council that has spent the year asking for"
        if np is not None and toks[before].text == "," and before > bounds.first:
            # "A," his successor, Ban Ki-moon, told reporters: a description between the closing
            # mark and the name belongs to the source, not to the quotation
            c = before - 1
            while c >= bounds.first and toks[c].kind in ("word", "num") and before - c <= 8:
                c -= 1
            if (
                bounds.first <= c < before - 1
                and toks[c].kind == "quote"
                and self.cl.quote_owner[c] >= 0
                and self.quotes[self.cl.quote_owner[c]].close_mark == c
                and self.cl.np_like(c + 1, before)
            ):
                np = (c + 1, np[1])
                before = c
        # the source opens the window: content may only be a quotation ending right before it
        if before < bounds.first and (before < 0 or toks[before].kind != "quote"):
            return
        sep = toks[before] if before >= 0 else None
        if sep is None or self._para(before) != self._para(k):
            return
        quote_before = (
            sep.kind == "quote"
            and self.cl.quote_owner[before] >= 0
            and self.quotes[self.cl.quote_owner[before]].close_mark == before
            and before > 0
            and toks[before - 1].text in (",", "?", "!", "\u2014")
        )
        if sep.text not in (",", "\u2014", "--") and not quote_before:
            return
        if sep.text == "," and before - 1 >= 0 and toks[before - 1].kind == "quote":
            quote_before = True
            before -= 1
        # the tail after the cue: hearer, prepositional phrases, adverbs up to the sentence end
        j = k + 1
        src_end = None
        if inverted:
            m = j
            while (
                m < bounds.last
                and toks[m].text not in END_PUNCT
                and toks[m].text not in (",", ";")
                and toks[m].kind != "quote"
            ):
                m += 1
            if m == j or m - j > 10 or any(
                self.cl.is_finite(i) or toks[i].lower in AUXILIARIES for i in range(j, m)
            ):
                return  # "..., said the family had introduced a rule": a clause, not a source
            np = (j, m)
            mode = "np"
            j = m
        else:
            if lemma in HEARER_VERBS:
                j = self._skip_hearer(j, bounds)
        m = j
        while (
            m < bounds.last
            and toks[m].text not in END_PUNCT
            and toks[m].text != ","
            and toks[m].kind != "quote"
            and toks[m].text != ":"
        ):
            if self.cl.is_finite(m) or toks[m].lower in ("that", "and", "or", "but"):
                return
            m += 1
        if m - j > 20:
            return  # a long tail is a clause of its own, not "said at a briefing in ..."
        if not quote_before and m < bounds.last and toks[m].text not in END_PUNCT:
            return  # "On Wednesday, X told GB News: ...": the source does not close the sentence
        src_end = m
        # content: from the start of the sentence (or of the quotation) up to the separator
        content_end = before
        if quote_before:
            q = self.quotes[
                self.cl.quote_owner[before if toks[before].kind == "quote" else before - 1]
            ]
            content_end = (q.close_mark + 1) if q.close_mark is not None else q.last
            start = min(bounds.first, q.open_mark if q.open_mark is not None else q.first)
            sent_first = self.doc.sentences[
                self.doc.sentence_of[q.close_mark if q.close_mark is not None else q.last - 1]
            ].first
            start = min(
                max(sent_first, bounds.first)
                if sent_first <= (q.open_mark if q.open_mark is not None else q.first)
                else (q.open_mark if q.open_mark is not None else q.first),
                start,
            )
        else:
            start = bounds.first
            if (
                self.cl.quote_owner[start] >= 0
                and self.cl.quote_owner[content_end - 1] == self.cl.quote_owner[start]
            ):
                q = self.quotes[self.cl.quote_owner[start]]
                if q.open_mark is not None and q.open_mark < start:
                    start = q.open_mark
        if content_end <= start:
            return
        if not quote_before and not any(self.cl.is_finite(i) for i in range(start, content_end)):
            words = sum(1 for t in toks[start:content_end] if t.kind in ("word", "num"))
            opener = toks[start].lower
            if words <= 4 or opener in PREPOSITIONS or opener in SUBORDINATORS:
                return  # "After the match, X said, ...": an adverbial, not reported content
        self._add(Frame("trailing", start, content_end, (k, k + 1), np, mode, lemma))
        # "A," X said, "B": the same source introduces the next quotation too
        if (
            src_end is not None
            and src_end + 1 < len(toks)
            and toks[src_end].text in (",", ":")
            and toks[src_end + 1].kind == "quote"
        ):
            qi = self.cl.quote_owner[src_end + 1]
            if qi >= 0 and self.quotes[qi].open_mark == src_end + 1:
                last = (
                    self.cl.clause_end(src_end + 2, self.cl.window(src_end + 2))
                    if src_end + 2 < len(toks)
                    else src_end + 2
                )
                q = self.quotes[qi]
                last = max(last, (q.close_mark + 1) if q.close_mark is not None else q.last)
                self._add(Frame("cue_first", src_end + 1, last, (k, k + 1), np, mode, lemma))

    def _labelled_quote(
        self, k: int, bounds: Bounds, np: tuple[int, int] | None, mode: SourceMode
    ) -> None:
        """called it "dangerous" / described X as "...": labelled quotations are the speaker's."""
        toks = self.toks
        m = k + 1
        while m < bounds.last and m - k <= 12:
            if toks[m].kind == "quote":
                qi = self.cl.quote_owner[m]
                if qi >= 0 and self.quotes[qi].open_mark == m and qi not in self.name_quotes:
                    q = self.quotes[qi]
                    end = (q.close_mark + 1) if q.close_mark is not None else q.last
                    self._add(
                        Frame(
                            "labelled",
                            m,
                            end,
                            (k, k + 1),
                            np,
                            mode,
                            _lemma(toks[k].lower),
                            quote=qi,
                        )
                    )
                    m = end
                    continue
            if toks[m].text in END_PUNCT:
                break
            m += 1

    # ------------------------------------------------------------------ other frames
    def _according(self, k: int) -> None:
        toks = self.toks
        bounds = self.cl.window(k)
        np_first = k + 2
        if np_first >= bounds.last:
            return
        leading = (
            k == bounds.first
            or toks[k - 1].text in (",", ";", ":")
            or toks[k - 1].lower in ("that", "and", "but")
        )
        if leading and k > bounds.first and toks[k - 1].text == ",":
            # "CONTENT, according to NP." is trailing: the phrase runs to the end of the sentence
            m = np_first
            while m < bounds.last and toks[m].text not in END_PUNCT and toks[m].text != ";":
                if toks[m].text == "," and m + 1 < bounds.last and self.cl.clause_like(
                    m + 1, bounds.last
                ):
                    break
                m += 1
            leading = m < bounds.last and toks[m].text not in END_PUNCT
        cue = (k, k + 2)
        if leading:
            m = np_first
            while (
                m < bounds.last
                and toks[m].text not in (",", ";", ":")
                and toks[m].text not in END_PUNCT
            ):
                m += 1
            np_last = m
            # a name run followed by the start of a clause ends the phrase even without a comma:
            # "According to the Saudi Interior Ministry over 345 pilgrims have been killed"
            n = np_first + (1 if toks[np_first].lower == "the" else 0)
            while n < m and toks[n].is_capitalised:
                n += 1
            run_ends_clause = (
                n > np_first + (1 if toks[np_first].lower == "the" else 0)
                and n < m
                and (
                    toks[n].lower in DETERMINERS
                    or toks[n].lower in SUBJECT_PRONOUNS
                    or toks[n].lower in _CLAUSE_OPENERS
                    or toks[n].kind == "num"
                )
            )
            if run_ends_clause:
                m = n
                np_last = n
            if m < bounds.last and toks[m].text == ",":
                # an appositive name: "the Afghan team's coach, Alireza Mehraban, ..."
                n = m + 1
                while n < bounds.last and toks[n].is_capitalised:
                    n += 1
                if n > m + 1 and n < bounds.last and toks[n].text == ",":
                    np_last = n
                    m = n
                content = m + 1
            else:
                # no comma: the phrase is a name run ("According to Rathbun the property ...")
                n = np_first
                while n < m and (
                    toks[n].is_capitalised or (toks[n].lower in ("the",) and n == np_first)
                ):
                    n += 1
                if n == np_first or n >= m:
                    return
                np_last = n
                content = n
            if content >= bounds.last:
                return
            last = self.cl.clause_end(content, bounds)
            self._add(
                Frame("according", content, last, cue, (np_first, np_last), "np", "according to")
            )
        else:
            m = np_first
            while (
                m < bounds.last and toks[m].text not in END_PUNCT and toks[m].text not in (",", ";")
            ):
                m += 1
            end = k
            if end - 1 >= bounds.first and toks[end - 1].text == ",":
                end -= 1
            start = bounds.first
            for p in range(end - 1, bounds.first - 1, -1):
                if toks[p].text == ";":
                    start = p + 1
                    break
            if end > start:
                self._add(Frame("according", start, end, cue, (np_first, m), "np", "according to"))

    def _belief_noun(self, k: int) -> None:
        """NP came to the conclusion that ... / I have the clear sensation that ..."""
        toks = self.toks
        bounds = self.cl.window(k)
        m = k - 1
        while m >= bounds.first and k - m <= 4 and toks[m].lower not in _NOUN_CUE_VERBS:
            if toks[m].text in HARD_PUNCT or toks[m].kind == "quote":
                return
            m -= 1
        if m < bounds.first or toks[m].lower not in _NOUN_CUE_VERBS:
            return
        np, mode = self._subject(m, bounds)
        content = k + 2
        if content >= bounds.last:
            return
        last = self.cl.clause_end(content, bounds)
        self._add(Frame("belief_noun", content, last, (m, k + 1), np, mode, toks[k].lower))

    def _belief_adjective(self, k: int) -> None:
        """NP are concerned (that) ..."""
        toks = self.toks
        bounds = self.cl.window(k)
        if k - 1 < bounds.first or toks[k - 1].lower not in _BE_FORMS:
            return
        content = k + 1
        if content < bounds.last and toks[content].lower == "that":
            content += 1
        elif not self.cl.clause_like(content, bounds.last):
            return
        if content >= bounds.last:
            return
        np, mode = self._subject(k - 1, bounds)
        if np is None:
            return
        last = self.cl.clause_end(content, bounds)
        self._add(Frame("belief_adjective", content, last, (k - 1, k + 1), np, mode, toks[k].lower))

    def _headline(self) -> None:
        """A first-line "Reports: ..." / "Police: ..." headline attributes its claim."""
        if not self.doc.paragraphs:
            return
        para = self.doc.paragraphs[0]
        toks = self.toks
        if (
            para.last - para.first > 3
            and toks[para.first].lower in HEADLINE_SOURCE_WORDS
            and toks[para.first + 1].text == ":"
        ):
            self._add(
                Frame(
                    "headline",
                    para.first + 2,
                    para.last,
                    (para.first, para.first + 1),
                    (para.first, para.first + 1),
                    "np",
                    "report",
                )
            )

    # ------------------------------------------------------------------ quotation frames
    def _covered(self, first: int, last: int) -> bool:
        return any(f.first <= first and last <= f.last for f in self.frames)

    def _quotation_frames(self) -> None:
        toks = self.toks
        for qi, q in enumerate(self.quotes):
            if qi in self.name_quotes:
                continue
            lo = q.open_mark if q.open_mark is not None else q.first
            hi = (q.close_mark + 1) if q.close_mark is not None else q.last
            if self._covered(lo, hi):
                continue
            prev = lo - 1
            # a colon introduces it: "... his @POTUS account:" / "... and "ideological":"
            if prev >= 0 and toks[prev].text == ":":
                self._add(self._clause_subject_frame("colon", lo, hi, prev, qi))
                continue
            # a dash credit after it: "... a long game." - Matthew Ingram
            if (
                hi < len(toks)
                and toks[hi].text in ("-", "\u2014", "\u2013", "--")
                and self._para(hi) == self._para(hi - 1)
            ):
                m = hi + 1
                while m < len(toks) and self._para(m) == self._para(hi) and toks[m].is_capitalised:
                    m += 1
                if m > hi + 1:
                    self._add(Frame("credit", lo, hi, None, (hi + 1, m), "np", None, quote=qi))
                    continue
            if self._stands_alone(q, lo, hi):
                prev_frame = self._previous_frame(lo)
                credit = self._credit_after(hi)
                introduced = self._introduced_speaker(lo, hi)
                if credit is not None:
                    self._add(Frame("credit", lo, hi, None, credit, "np", None, quote=qi))
                elif introduced is not None:
                    self._add(Frame("context", lo, hi, None, introduced, "np", None, quote=qi))
                elif prev_frame is not None:
                    self._add(
                        Frame(
                            "continuation",
                            lo,
                            hi,
                            None,
                            None,
                            "continuation",
                            None,
                            continuation_of=prev_frame,
                            quote=qi,
                        )
                    )
                else:
                    subj = self._previous_subject(lo)
                    mode: SourceMode = "clause_subject" if subj is not None else "none"
                    self._add(Frame("context", lo, hi, None, subj, mode, None, quote=qi))
                continue
            # a quotation inside reported speech is a partial quote of that speech
            if any(f.first <= lo and hi <= f.last for f in self.frames):
                continue
            words = word_count(self.doc, q)
            if words >= 4 or self._called_for(lo):
                self._add(self._clause_subject_frame("uncued", lo, hi, lo, qi))

    def _introduced_speaker(self, lo: int, hi: int) -> tuple[int, int] | None:
        """A quotation standing alone right after a sentence that reports nothing but brings in
        a person ("The sharpest criticism came from Councilman Tom Reyes, who voted against the
        plan." / "Kimball issued a short statement on Wednesday.") is that person's: the
        sentence's subject if it is a person, else the only person it names, neither a
        possessor ("Eriksen's daughter, Lily") nor a passive agent ("founded by John Doe"), and
        never a person the quotation itself talks about."""
        s_index = self.doc.sentence_of[lo]
        if s_index == 0:
            return None
        prev = self.doc.sentences[s_index - 1]
        if self._para(lo) - prev.paragraph > 1 or self.cl.quote_owner[prev.first] >= 0:
            return None
        for f in self.frames:
            anchor = f.cue[0] if f.cue is not None else f.first
            if prev.first <= anchor < prev.last or (f.first < prev.last and prev.first < f.last):
                return None  # the sentence reports someone: its quotation is continued instead
        owner = self.cl.person_owner
        toks = self.toks
        mentions: dict[int, list[int]] = {}
        for k in range(prev.first, prev.last):
            person = owner.get(k)
            if person is None or self.cl.quote_owner[k] >= 0:
                continue
            first = k
            while first - 1 >= prev.first and owner.get(first - 1) == person:
                first -= 1
            end = k
            while end + 1 < prev.last and owner.get(end + 1) == person:
                end += 1
            if toks[end].text != strip_possessive(toks[end].text) or (
                first > 0 and toks[first - 1].lower == "by"
            ):
                continue
            mentions.setdefault(person, []).append(k)
        quoted = {owner[k] for k in range(lo, hi) if k in owner}
        candidates = {p: ks for p, ks in mentions.items() if p not in quoted}
        if not candidates:
            return None
        subj = self.cl.clause_subject(Bounds(prev.first, prev.last))
        if subj is not None:
            in_subject = [
                p for p, ks in candidates.items() if any(subj[0] <= k < subj[1] for k in ks)
            ]
            if len(in_subject) == 1:
                ks = candidates[in_subject[0]]
                return (min(ks), max(ks) + 1)
        if len(candidates) == 1:
            ks = next(iter(candidates.values()))
            return (min(ks), max(ks) + 1)
        return None

    def _previous_subject(self, lo: int) -> tuple[int, int] | None:
        """A quotation standing alone after a sentence about a named person ("Senator X issued a
        statement ... . "Like many Texans, I am disappointed ..."") is that person's: the subject
        of the sentence right before it, if that subject ends in a name."""
        s_index = self.doc.sentence_of[lo]
        if s_index == 0:
            return None
        prev = self.doc.sentences[s_index - 1]
        if self._para(lo) - prev.paragraph > 1:
            return None
        subj = self.cl.clause_subject(Bounds(prev.first, prev.last))
        if subj is None:
            return None
        if not any(k in self.cl.person_tokens for k in range(*subj)):
            return None
        return subj

    def _called_for(self, lo: int) -> bool:
        toks = self.toks
        return (
            lo >= 2
            and toks[lo - 1].lower in ("for", "as")
            and toks[lo - 2].lower
            in ("call", "calls", "called", "calling", "urge", "urged", "described", "describe")
        )

    def _stands_alone(self, q: Quotation, lo: int, hi: int) -> bool:
        """Does the quotation fill its sentences (only punctuation outside the marks)?"""
        toks = self.toks
        s_first = self.doc.sentences[self.doc.sentence_of[lo]].first
        s_last = self.doc.sentences[self.doc.sentence_of[hi - 1]].last
        outside = [t for t in toks[s_first:lo] if t.kind in ("word", "num")]
        after = [t for t in toks[hi:s_last] if t.kind in ("word", "num")]
        return not outside and (not after or self._credit_after(hi) is not None)

    def _credit_after(self, hi: int) -> tuple[int, int] | None:
        """A short verbless credit closing a quotation's paragraph: '"..." Anonymous blogger'."""
        toks = self.toks
        if hi >= len(toks) or self._para(hi) != self._para(hi - 1):
            return None
        m = hi
        while (
            m < len(toks)
            and self._para(m) == self._para(hi)
            and (toks[m].kind == "word" or self.cl.abbreviation_period(m))
            and m - hi < 6
        ):
            if self.cl.is_verbish(m):
                return None
            m += 1
        if m == hi or toks[m - 1].lower.rstrip(".") in HONORIFICS:
            return None
        if m < len(toks) and self._para(m) == self._para(hi) and toks[m].text not in (",", "."):
            return None
        return (hi, m)

    def _previous_frame(self, lo: int) -> Frame | None:
        """The most recent frame ending before `lo` in the same or the previous paragraph."""
        para = self._para(lo)
        best: Frame | None = None
        best_end = -1
        for f in self.frames:
            anchor = max(f.last, f.cue[1] if f.cue else 0, f.source[1] if f.source else 0)
            if (
                f.last <= lo
                and anchor <= lo
                and para - self._para(max(f.first, anchor - 1)) <= 1
                and anchor > best_end
            ):
                best, best_end = f, anchor
        return best

    # ------------------------------------------------------------------ content edges
    def _cut_coordinated(self) -> None:
        """Stop a frame's content where a coordinated frame's source begins (", and said ...",
        ", with the i reporting ...", ", but X says ...")."""
        toks = self.toks
        for a in self.frames:
            if self._is_quotation(a.first, a.last):
                continue  # a direct quotation holds all its words, whatever is reported inside
            for b in self.frames:
                if a is b or b.cue is None:
                    continue
                src_first = (
                    b.source[0] if b.source is not None and b.source_mode == "np" else b.cue[0]
                )
                if not (a.first < src_first < a.last) or b.first < a.first:
                    continue
                j = src_first - 1
                while j > a.first and toks[j].lower in ADVERBS_BEFORE_VERB:
                    j -= 1
                coord = toks[j].lower in _COORD_BEFORE_SOURCE or toks[j].text == ";"
                if toks[j].text == "," and b.rule == "trailing":
                    coord = False
                if coord:
                    cut = j
                    if cut - 1 > a.first and toks[cut - 1].text == ",":
                        cut -= 1
                    if cut > a.first:
                        a.last = min(a.last, cut)
        # content ends where the speaker's next action is coordinated: "said firms were
        # holding back and urged the Bank to act" (a reporting verb in the past, no subject)
        for f in self.frames:
            if f.rule != "cue_first" or self._is_quotation(f.first, f.last):
                continue
            for m in range(f.first + 1, f.last - 1):
                nxt = toks[m + 1].lower
                lemma = SPEECH_VERBS.get(nxt)
                if (
                    toks[m].lower in ("and", "but")
                    and self.cl.quote_owner[m] < 0
                    and lemma is not None
                    and nxt != lemma
                    and not nxt.endswith("ing")
                ):
                    f.last = m - 1 if toks[m - 1].text == "," else m
                    break
        # a belief verb's content ends at a comma splice: "I suspect X, we've tried ..."
        for f in self.frames:
            if (
                f.lemma in BELIEF_VERBS.values()
                and f.lemma not in SPEECH_VERBS.values()
                and f.rule == "cue_first"
            ):
                if toks[f.first].lower in SUBORDINATORS:
                    continue
                for m in range(f.first + 1, f.last - 1):
                    nxt = toks[m + 1].lower.replace("\u2019", "'").split("'")[0]
                    if (
                        toks[m].text == ","
                        and nxt in SUBJECT_PRONOUNS
                        and nxt not in ("who", "which")
                    ):
                        f.last = m + 1
                        break


def find_frames(doc: Document, quotes: tuple[Quotation, ...], clauses: Clauses) -> list[Frame]:
    """All attribution frames of the document, in text order."""
    return FrameFinder(doc, quotes, clauses).run()
