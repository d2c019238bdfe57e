"""Build the extractor's development and check sets from GUM's non-news genres.

    python benchmarks/gum_devset.py GUM_DIR OUT_DIR

GUM_DIR is a copy of the GUM corpus (https://github.com/amir-zeldes/gum) holding `dep/*.conllu`,
`rst/rstweb/*.rs4` and `splits.md`. For every usable document it writes `OUT_DIR/<split>/<doc>.txt`
and `<doc>.gold.json` in the format of `tests/corpus/` (scored by `tests/corpus/score.py`), with
the derivation `tests/corpus/README.md` documents: text from the dependency layer, people from
the coreference chains of entity type person with a proper-name mention, attributions from the RST
relations attribution-positive/-negative (speaker = subject of the source's verb, resolved through
coreference), plus `<quote>` elements outside any attribution, dates from `<date>`/`<time>`, then
the same cleaning rules (credit lines and short fragments removed, span edges normalised).

Splits (`OUT_DIR/<split>/`), decided before any extractor was run on them:

- `train`: GUM's train partition of the genres whose text licence allows a model trained on them to
  be committed: academic, court (CC BY 4.0), bio, voyage (CC BY-SA 3.0). Trains the model.
- `dev`: GUM's dev partition of every genre but news, reddit (no text) and interview; the extractor
  is developed on these (and on tests/corpus).
- `check`: held out, only scored: every interview (English Wikinews, CC BY 2.5, the genre nearest
  the news) and GUM's test partition of the other genres.

News documents are never read: file names are filtered before any file is opened. The script needs
the GUM files, so it is never run by `make site` or `make test`; its outputs stay outside the repo
(only its figures are reported, in benchmarks/EXTRACT-RESULTS.md).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from explainer.extract.lexicon import TITLE_WORDS

MODEL_GENRES = ("academic", "bio", "court", "voyage")
HELD_OUT_GENRES = ("interview",)
SKIPPED_GENRES = ("news", "reddit")
LICENCES = {
    "academic": "CC BY 4.0", "court": "CC BY 4.0", "bio": "CC BY-SA 3.0 (Wikipedia)",
    "voyage": "CC BY-SA 3.0 (Wikivoyage)", "interview": "CC BY 2.5 (Wikinews)",
}
QUOTE_MARKS = '"“”'


def genre_of(doc: str) -> str:
    return doc.split("_")[1]


def usable(doc: str) -> bool:
    """Only GUM documents of the genres used; news (held back) and reddit (no text) never."""
    return doc.startswith("GUM_") and genre_of(doc) not in SKIPPED_GENRES


def read_splits(path: Path) -> dict[str, str]:
    split, out = "", {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            split = line[3:].strip()
        elif line.strip().startswith("* ") and split in ("dev", "test"):
            doc = line.strip()[2:].strip()
            if usable(doc):
                out[doc] = split
    return out


def split_of(doc: str, official: dict[str, str]) -> str | None:
    genre = genre_of(doc)
    if genre in HELD_OUT_GENRES or official.get(doc) == "test":
        return "check"
    if official.get(doc) == "dev":
        return "dev"
    return "train" if genre in MODEL_GENRES else None


# ----------------------------------------------------------------------------- the dependency layer

@dataclass
class Token:
    index: int  # position in the document
    form: str
    lemma: str
    upos: str
    xpos: str
    head: int  # document index of the head, -1 for the root
    deprel: str
    start: int = 0
    end: int = 0
    sentence: int = 0
    xml: str = ""
    entity: str = ""
    discourse: str = ""
    children: list[int] = field(default_factory=list)


@dataclass
class Mention:
    entity: int
    etype: str
    identity: str | None
    first: int
    last: int  # token indices, inclusive
    head: int = -1


@dataclass
class Parsed:
    doc: str
    text: str
    tokens: list[Token]
    mentions: list[Mention]
    meta: dict[str, str]
    paragraphs: list[tuple[int, int]]  # token ranges, inclusive


def parse_conllu(path: Path) -> Parsed:
    meta: dict[str, str] = {}
    tokens: list[Token] = []
    pieces: list[str] = []  # surface text
    paragraphs: list[tuple[int, int]] = []
    sentence = -1
    new_par = False
    mwt_until, mwt_form, mwt_space = 0, "", True
    mwt_span: tuple[int, int] | None = None
    pending_space = ""
    position = 0

    def emit(surface: str, space_after: bool) -> tuple[int, int]:
        nonlocal position, pending_space
        pieces.append(pending_space)
        position += len(pending_space)
        start = position
        pieces.append(surface)
        position += len(surface)
        pending_space = " " if space_after else ""
        return start, position

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# meta::"):
            key, _, value = line[8:].partition(" = ")
            meta[key.strip()] = value.strip()
            continue
        if line.startswith("# newpar"):
            if not line.startswith("# newpar_block"):
                new_par = True
            continue
        if line.startswith("#") or not line.strip():
            if not line.strip():
                mwt_until, mwt_span = 0, None  # a new sentence numbers its words from 1
            continue
        cols = line.split("\t")
        if "." in cols[0]:
            continue  # empty nodes
        misc = dict(part.split("=", 1) for part in cols[9].split("|") if "=" in part)
        if "-" in cols[0]:
            mwt_until, mwt_form = int(cols[0].split("-")[1]), cols[1]
            mwt_space = misc.get("SpaceAfter") != "No"
            mwt_span = None
            continue
        number = int(cols[0])
        if number == 1:
            sentence += 1
            if new_par or not paragraphs:
                if tokens:
                    pieces.append("\n\n")
                    position += 2
                    pending_space = ""
                    paragraphs[-1] = (paragraphs[-1][0], len(tokens) - 1)
                paragraphs.append((len(tokens), -1))
                new_par = False
        index = len(tokens)
        if number <= mwt_until:
            if mwt_span is None:
                mwt_span = emit(mwt_form, mwt_space)
            start, end = mwt_span
        else:
            start, end = emit(cols[1], misc.get("SpaceAfter") != "No")
        head = int(cols[6]) if cols[6].isdigit() else 0
        tokens.append(Token(index, cols[1], cols[2], cols[3], cols[4],
                            head - number if head else 0, cols[7], start, end, sentence,
                            misc.get("XML", ""), misc.get("Entity", ""),
                            misc.get("Discourse", "")))
    # heads were stored as relative offsets: make them document indices
    for token in tokens:
        token.head = token.index + token.head if token.deprel != "root" else -1
        if token.head >= 0:
            tokens[token.head].children.append(token.index)
    paragraphs[-1] = (paragraphs[-1][0], len(tokens) - 1)
    text = "".join(pieces) + "\n"
    return Parsed(path.stem, text, tokens, _mentions(tokens), meta, paragraphs)


_ENTITY_ITEM = re.compile(r"\((\d+)-([^()]*)(\)?)|(\d+)\)")


def _mentions(tokens: list[Token]) -> list[Mention]:
    open_: dict[int, list[Mention]] = {}
    done: list[Mention] = []
    for token in tokens:
        for m in _ENTITY_ITEM.finditer(token.entity):
            if m.group(1):
                parts = m.group(2).split("-")
                identity = unquote(parts[6]) if len(parts) > 6 and parts[6] else None
                mention = Mention(int(m.group(1)), parts[0], identity, token.index, token.index)
                if m.group(3):
                    done.append(mention)
                else:
                    open_.setdefault(mention.entity, []).append(mention)
            else:
                stack = open_.get(int(m.group(4)))
                if stack:
                    mention = stack.pop()
                    mention.last = token.index
                    done.append(mention)
    for mention in done:
        inside = range(mention.first, mention.last + 1)
        heads = [i for i in inside if tokens[i].head not in inside]
        mention.head = heads[0] if heads else mention.first
    return sorted(done, key=lambda m: (m.first, -m.last))


# ----------------------------------------------------------------------------- people

def name_string(parsed: Parsed, mention: Mention) -> str | None:
    """The proper name inside a mention: its PROPN head with flat dependents and the PROPN
    compound/flat tokens directly before it; under a common-noun head ("team member Rodaba
    Noori"), the head's PROPN flat dependents. Titles and a possessive 's stay out."""
    tokens = parsed.tokens
    head = tokens[mention.head]
    inside = range(mention.first, mention.last + 1)
    flat = [c for c in head.children if c in inside and tokens[c].deprel.startswith("flat")
            and tokens[c].upos == "PROPN"]
    if head.upos == "PROPN":
        chosen = {head.index, *flat}
        i = head.index - 1
        while i in inside and tokens[i].upos == "PROPN" and tokens[i].deprel in (
                "compound", "flat", "flat:name", "amod") and tokens[i].head in chosen:
            chosen.add(i)
            i -= 1
    elif flat:
        chosen = set(flat)
    else:
        return None
    first, last = min(chosen), max(chosen)
    while last + 2 < len(tokens) and tokens[last + 1].form in ("-", "–") and \
            tokens[last].end == tokens[last + 1].start == tokens[last + 2].start - 1:
        last += 2  # a hyphenated name tokenised apart ("Spider-Gwen")
    return re.sub(r"['’]s$", "", parsed.text[tokens[first].start:tokens[last].end])


def mention_text(parsed: Parsed, mention: Mention) -> str:
    tokens = parsed.tokens
    last = mention.last
    while last > mention.first and tokens[last].upos in ("PART", "PUNCT"):
        last -= 1  # a possessive 's or a closing comma
    return parsed.text[tokens[mention.first].start:tokens[last].end]


@dataclass
class Chain:
    entity: int
    etype: str
    mentions: list[Mention]
    names: list[str]
    identity: str | None

    def longest_name(self) -> str | None:
        return max(self.names, key=len) if self.names else None


def chains(parsed: Parsed) -> dict[int, Chain]:
    out: dict[int, Chain] = {}
    for mention in parsed.mentions:
        chain = out.setdefault(mention.entity, Chain(mention.entity, mention.etype, [], [], None))
        chain.mentions.append(mention)
        chain.identity = chain.identity or mention.identity
        name = name_string(parsed, mention)
        if name and name not in chain.names:
            chain.names.append(name)
    return out


def canonical_name(parsed: Parsed, chain: Chain) -> str | None:
    name = chain.longest_name()
    if name is None:
        return None
    if chain.etype != "person":
        # an organisation, a document: its longest proper-noun-headed mention, without "the"
        named = [re.sub(r"^(the|a|an)\s+", "", mention_text(parsed, m), flags=re.IGNORECASE)
                 for m in chain.mentions if parsed.tokens[m.head].upos == "PROPN"]
        name = max(named, key=len) if named else name
    if chain.identity:
        title = re.sub(r"_\(.*\)$", "", chain.identity).replace("_", " ")
        if any(title in parsed.text[parsed.tokens[m.first].start:parsed.tokens[m.last].end]
               for m in chain.mentions):
            return title
    return name


def people(parsed: Parsed, all_chains: dict[int, Chain]) -> list[dict[str, Any]]:
    tokens = parsed.tokens
    merged: dict[str, dict[str, Any]] = {}
    for chain in all_chains.values():
        if chain.etype != "person" or not chain.names:
            continue
        heads = [tokens[m.head] for m in chain.mentions]
        plural = sum(1 for t in heads if t.xpos in ("NNS", "NNPS"))
        if plural * 2 > len(heads):
            continue  # a group, not a person
        name = canonical_name(parsed, chain)
        if name is None or not name[:1].isupper() or (
                " " not in name and name.lower() in TITLE_WORDS):
            continue  # lowercase, or a bare title ("Commissioner")
        key = chain.identity or name
        surfaces = [mention_text(parsed, m) for m in chain.mentions]
        entry = merged.setdefault(key, {
            "name": name, "name_mentions": [], "mentions": [], "n_mentions": 0,
            "wikification": chain.identity,
            "first_char_start": tokens[chain.mentions[0].first].start,
        })
        if len(name) > len(entry["name"]):
            entry["name"] = name
        entry["name_mentions"] += [n for n in chain.names if n not in entry["name_mentions"]]
        entry["mentions"] += [s for s in surfaces if s not in entry["mentions"]]
        entry["n_mentions"] += len(chain.mentions)
    by_name: dict[str, dict[str, Any]] = {}
    for entry in merged.values():
        if entry["name"] in by_name:
            by_name[entry["name"]]["name_mentions"] += entry["name_mentions"]
        else:
            by_name[entry["name"]] = entry
    return sorted(by_name.values(), key=lambda e: e["first_char_start"])


# ----------------------------------------------------------------------------- RST attributions

@dataclass
class Node:
    id: str
    parent: str | None
    relname: str | None
    kind: str  # "segment" | "span" | "multinuc"
    edu: int | None = None


def read_rst(path: Path) -> dict[str, Node]:
    root = ET.parse(path).getroot()
    nodes: dict[str, Node] = {}
    edu = 0
    for element in root.iter():
        if element.tag not in ("segment", "group"):
            continue
        node = Node(element.get("id", ""), element.get("parent"), element.get("relname"),
                    "segment" if element.tag == "segment" else element.get("type", "span"))
        if element.tag == "segment":
            edu += 1
            node.edu = edu
        nodes[node.id] = node
    return nodes


def edu_tokens(parsed: Parsed) -> dict[int, tuple[int, int]]:
    """EDU number -> token range (inclusive), from the Discourse= mark on its first token."""
    starts: list[tuple[int, int]] = []
    for token in parsed.tokens:
        if token.discourse:
            number = re.search(r":(\d+)(?:->|$|:)", token.discourse)
            if number:
                starts.append((int(number.group(1)), token.index))
    spans: dict[int, tuple[int, int]] = {}
    for k, (number, first) in enumerate(starts):
        last = starts[k + 1][1] - 1 if k + 1 < len(starts) else len(parsed.tokens) - 1
        spans[number] = (first, last)
    return spans


def attribution_records(parsed: Parsed, nodes: dict[str, Node],
                        all_chains: dict[int, Chain]) -> list[dict[str, Any]]:
    children: dict[str, list[str]] = {}
    for node in nodes.values():
        if node.parent:
            children.setdefault(node.parent, []).append(node.id)

    def edus(node_id: str) -> set[int]:
        node = nodes[node_id]
        found = {node.edu} if node.edu is not None else set()
        for child in children.get(node_id, []):
            found |= edus(child)
        return found

    spans = edu_tokens(parsed)
    records = []
    for node in nodes.values():
        rel = node.relname or ""
        if not rel.startswith("attribution-") or node.parent is None:
            continue
        source = edus(node.id)
        content = edus(node.parent) - source
        for sibling in children.get(node.parent, []):
            if sibling != node.id and (nodes[sibling].relname or "").startswith("attribution-"):
                content -= edus(sibling)
        if not content or not all(e in spans for e in content | source):
            continue
        content_tokens = sorted(i for e in content for i in range(spans[e][0], spans[e][1] + 1))
        source_tokens = sorted(i for e in source for i in range(spans[e][0], spans[e][1] + 1))
        records.append(_record(parsed, content_tokens, source_tokens, rel, all_chains))
    return records


def _quoted(parsed: Parsed) -> set[int]:
    """Token indices inside <quote> elements or inside a pair of double quotation marks."""
    inside: set[int] = set()
    depth = 0
    opened_in_par: int | None = None
    for token in parsed.tokens:
        opens = token.xml.count("<quote")
        if opens:
            depth += opens
        if depth:
            inside.add(token.index)
        depth -= token.xml.count("</quote>")
        depth = max(depth, 0)
    for first, last in parsed.paragraphs:
        opened_in_par = None
        for i in range(first, last + 1):
            if parsed.tokens[i].form in QUOTE_MARKS or parsed.tokens[i].form in ("``", "''"):
                if opened_in_par is None:
                    opened_in_par = i
                else:
                    inside.update(range(opened_in_par, i + 1))
                    opened_in_par = None
    return inside


def _record(parsed: Parsed, content: list[int], source: list[int], rel: str,
            all_chains: dict[int, Chain]) -> dict[str, Any]:
    tokens, text = parsed.tokens, parsed.text
    start, end = tokens[content[0]].start, tokens[content[-1]].end
    quoted = _quoted(parsed)
    words = [i for i in content if tokens[i].upos != "PUNCT"]
    fraction = sum(1 for i in words if i in quoted) / len(words) if words else 0.0
    source_set = set(source)
    cue_index = next((i for i in source if tokens[i].upos in ("VERB", "AUX")
                      and tokens[i].head not in source_set), None)
    cue = tokens[cue_index].form if cue_index is not None else None
    subject = None
    if any(tokens[i].form.lower() == "according" for i in source):
        according = next(i for i in source if tokens[i].form.lower() == "according")
        cue = "according to"
        subject = tokens[according].head if tokens[according].head >= 0 else None
        cue_index = according
    elif cue_index is not None:
        subject = _subject(tokens, cue_index)
    speaker = mention_text = description = etype = None
    if subject is not None:
        mention = _mention_headed_by(parsed, subject)
        if mention is not None:
            chain = all_chains[mention.entity]
            etype = chain.etype
            mention_text = text[tokens[mention.first].start:tokens[mention.last].end]
            speaker = canonical_name(parsed, chain) if chain.names else None
            descriptions = [text[tokens[m.first].start:tokens[m.last].end]
                            for m in chain.mentions if tokens[m.head].upos not in ("PRON",)]
            description = max(descriptions, key=len) if descriptions else mention_text
        else:
            mention_text = tokens[subject].form
    pieces = _parts(content)
    return {
        "speaker": speaker, "speaker_mention": mention_text, "speaker_entity_type": etype,
        "speaker_description": description, "content": text[start:end],
        "char_start": start, "char_end": end, "direct": fraction >= 0.5,
        "quoted_fraction": round(fraction, 3), "cue": cue,
        "source_text": text[tokens[source[0]].start:tokens[source[-1]].end],
        "source_char_start": tokens[source[0]].start, "source_char_end": tokens[source[-1]].end,
        "polarity": rel.split("-")[1],
        "interrupted": len(pieces) > 1,
        "content_parts": [[tokens[a].start, tokens[b].end] for a, b in pieces],
        "origin": "rst",
    }


def _subject(tokens: list[Token], verb: int) -> int | None:
    """The verb's subject; a coordinated verb's from its first conjunct ("X said and added");
    a relative pronoun's antecedent ("Devocht, who had told")."""
    for relation in ("nsubj", "nsubj:pass", "obl:agent"):
        subject = next((c for c in tokens[verb].children if tokens[c].deprel == relation), None)
        if subject is not None:
            if tokens[subject].form.lower() in ("who", "which", "that") and \
                    tokens[verb].deprel.startswith("acl") and tokens[verb].head >= 0:
                return tokens[verb].head
            return subject
    if tokens[verb].deprel == "conj" and tokens[verb].head >= 0:
        return _subject(tokens, tokens[verb].head)
    return None


def _parts(indices: list[int]) -> list[tuple[int, int]]:
    parts: list[tuple[int, int]] = []
    for i in indices:
        if parts and parts[-1][1] == i - 1:
            parts[-1] = (parts[-1][0], i)
        else:
            parts.append((i, i))
    return parts


def _mention_headed_by(parsed: Parsed, token: int) -> Mention | None:
    found = [m for m in parsed.mentions if m.head == token]
    return min(found, key=lambda m: m.last - m.first) if found else None


def xml_quotes(parsed: Parsed, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    open_at: list[int] = []
    for token in parsed.tokens:
        for _ in range(token.xml.count("<quote")):
            open_at.append(token.index)
        for _ in range(token.xml.count("</quote>")):
            if not open_at:
                continue
            first = open_at.pop()
            start, end = parsed.tokens[first].start, token.end
            if any(r["char_start"] < end and start < r["char_end"] for r in records):
                continue
            out.append({"speaker": None, "speaker_mention": None, "content": parsed.text[start:end],
                        "char_start": start, "char_end": end, "direct": True, "cue": None,
                        "source_text": None, "interrupted": False,
                        "content_parts": [[start, end]], "origin": "xml_quote"})
    return out


# ----------------------------------------------------------------------------- dates

_ATTR = re.compile(r'(\w+):::"([^"]*)"')


def dates(parsed: Parsed) -> list[dict[str, Any]]:
    out = []
    open_: list[tuple[str, int, dict[str, str]]] = []
    for token in parsed.tokens:
        for m in re.finditer(r"<(date|time)\b([^>]*)>|</(date|time)>", token.xml):
            if m.group(1):
                open_.append((m.group(1), token.index, dict(_ATTR.findall(m.group(2)))))
            elif open_:
                tag, first, attrs = open_.pop()
                start, end = parsed.tokens[first].start, token.end
                item: dict[str, Any] = {"text": parsed.text[start:end], "char_start": start,
                                        "char_end": end, "tag": tag, "when": attrs.get("when")}
                for key in ("from", "to", "notBefore", "notAfter"):
                    if key in attrs:
                        item[key] = attrs[key]
                out.append(item)
    return sorted(out, key=lambda d: d["char_start"])


# ----------------------------------------------------------------------------- cleaning

_CREDIT = re.compile(r"^\W*(image|video|audio|photo|picture)s?\s*:", re.IGNORECASE)
_DASH_CREDIT = re.compile(r"^\s*[-—–]")


def clean(text: str, records: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[Any]]:
    kept, removed = [], []
    for r in records:
        source = r.get("source_text") or ""
        rule = None
        if _CREDIT.match(r["content"]) or _CREDIT.match(source):
            rule = "media_credit"
        elif (_DASH_CREDIT.match(source) and r["source_char_end"] is not None
              and text[r["source_char_end"]:r["source_char_end"] + 1] in ("\n", "")
              and not r.get("speaker")):
            rule = "dash_credit"
        elif len(r["content"].split()) <= 3 and not re.search(r'["“].*["”]', r["content"]):
            rule = "short_fragment"
        if rule:
            removed.append({"content": r["content"], "rule": rule})
            continue
        _normalise_edges(text, r)
        kept.append(r)
    return kept, removed


def _normalise_edges(text: str, r: dict[str, Any]) -> None:
    start, end = r["char_start"], r["char_end"]
    if text[start:start + 5].lower() == "that ":
        start += 5
    segment = text[start:end]
    paragraph_start = text.rfind("\n", 0, start) + 1
    before = text[paragraph_start:start]
    in_quotation = sum(before.count(c) for c in QUOTE_MARKS) % 2 == 1
    opened = (sum(segment.count(c) for c in QUOTE_MARKS) + in_quotation) % 2 == 1
    closing = max(segment.rfind('"'), segment.rfind("”"))
    quoted_tail = closing >= 0 and re.fullmatch(r"[\s,.;:]*(\(\(\w+\)\))?[\s,.;:]*",
                                                segment[closing + 1:])
    if quoted_tail and closing > 0:
        end = start + closing + 1
    elif not opened:
        while (end > start and text[end - 1] in ",;:") or (
                end > start and text[end - 1] == "." and text[end - 3:end] != "..."
                and not re.search(r"\b[A-Z][a-z]?\.$", text[start:end])):
            end -= 1
        while end > start and text[end - 1] == " ":
            end -= 1
    if r.get("direct"):
        if start > 0 and text[start - 1] in QUOTE_MARKS and text[start] not in QUOTE_MARKS:
            start -= 1
        if end < len(text) and text[end] in QUOTE_MARKS and text[start] in QUOTE_MARKS \
                and (text[start:end].count('"') + text[start:end].count("“")
                     + text[start:end].count("”")) % 2 == 1:
            end += 1
    r["char_start"], r["char_end"], r["content"] = start, end, text[start:end]
    r["content_parts"] = [[max(a, start), min(b, end)] for a, b in r["content_parts"]
                          if min(b, end) > max(a, start)]


# ----------------------------------------------------------------------------- documents

def build(parsed: Parsed, nodes: dict[str, Node]) -> dict[str, Any]:
    all_chains = chains(parsed)
    records = attribution_records(parsed, nodes, all_chains)
    records += xml_quotes(parsed, records)
    records.sort(key=lambda r: (r["char_start"], r["char_end"]))
    kept, removed = clean(parsed.text, records)
    genre = genre_of(parsed.doc)
    return {
        "doc": parsed.doc, "title": parsed.meta.get("title"),
        "source_url": parsed.meta.get("sourceURL"), "genre": genre,
        "date_created": parsed.meta.get("dateCreated"),
        "license": f"text {LICENCES.get(genre, 'see GUM LICENSE.txt')}; GUM annotations CC BY 4.0",
        "people": people(parsed, all_chains), "attributions": kept, "dates": dates(parsed),
        "notes": {"derivation": "benchmarks/gum_devset.py (rules of tests/corpus/README.md)",
                  "removed": removed},
    }


def documents(gum: Path, names: list[str]) -> Iterator[tuple[str, dict[str, Any], str]]:
    for doc in names:
        parsed = parse_conllu(gum / "dep" / f"{doc}.conllu")
        nodes = read_rst(gum / "rst" / "rstweb" / f"{doc}.rs4")
        yield doc, build(parsed, nodes), parsed.text


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gum", type=Path, help="GUM folder with dep/, rst/rstweb/ and splits.md")
    ap.add_argument("out", type=Path, help="output folder (one subfolder per split)")
    ap.add_argument("--docs", nargs="*", help="only these documents (non-news), any split")
    args = ap.parse_args(argv)
    official = read_splits(args.gum / "splits.md")
    # names first: news and reddit files are never opened
    names = sorted(p.stem for p in (args.gum / "dep").glob("GUM_*.conllu") if usable(p.stem))
    if args.docs:
        names = [n for n in names if n in set(args.docs)]
    manifest: dict[str, list[dict[str, Any]]] = {}
    for doc, gold, text in documents(args.gum, names):
        split = split_of(doc, official) or ("extra" if args.docs else None)
        if split is None:
            continue
        folder = args.out / split
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{doc}.txt").write_text(text, encoding="utf-8")
        (folder / f"{doc}.gold.json").write_text(
            json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
        manifest.setdefault(split, []).append({
            "doc": doc, "genre": gold["genre"], "license": gold["license"],
            "n_people": len(gold["people"]), "n_attributions": len(gold["attributions"]),
            "n_dates": len(gold["dates"])})
    for split, docs in manifest.items():
        (args.out / split / "MANIFEST.json").write_text(json.dumps(docs, indent=1))
        print(f"{split}: {len(docs)} documents, "
              f"{sum(d['n_attributions'] for d in docs)} attributions, "
              f"{sum(d['n_people'] for d in docs)} people", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
