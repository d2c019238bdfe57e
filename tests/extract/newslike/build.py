"""Build the news-like gold set from its annotated sources.

    python tests/extract/newslike/build.py [--check]

Each `source/<doc>.txt` is an article written for this project with inline annotation:

    % person: Full Name | other name form | ...     (header lines: the article's named people)
    {{Speaker|content}}      an attribution: exactly the gold content span; Speaker is the
                             canonical name of a person (listed in the header) or of an
                             organisation (as written in the text), or "-" for no named speaker;
                             "Speaker@I" records a first-person speaker mention
    <<date>>                 a date or time expression

Annotations nest ({{A|"I think {{A@I|we won.}}"}}). The builder writes `<split>/<doc>.txt`
(the article without the annotation) and `<split>/<doc>.gold.json` in the corpus gold format
(tests/corpus/README.md), and checks the annotation against the corpus cleaning rules: no
leading "that", no trailing punctuation outside a quotation, direct quotes ending at their
closing mark, every listed name in the text. The split is fixed by the document name alone:
documents come in pairs of one house style (the name's first part); of each pair, the one whose
SHA-256 of the name sorts first is development, the other check. `--check` verifies that the
committed files are what the sources give.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "source"
LICENSE = "Written for this project (invented events and people); same licence as the repository."
OPENING = "\u201c\u2018"
CLOSING = "\u201d\u2019"
DOUBLE = '"\u201c\u201d'


@dataclass
class Span:
    kind: str  # "attribution" or "date"
    start: int
    speaker: str | None = None
    mention: str | None = None
    end: int = -1


@dataclass
class Parsed:
    text: str
    people: list[list[str]]
    style: str
    spans: list[Span] = field(default_factory=list)


def parse(source: str, name: str) -> Parsed:
    """Strip the annotation; record each span's offsets in the plain text."""
    people: list[list[str]] = []
    style = ""
    body: list[str] = []
    for line in source.splitlines(keepends=True):
        if line.startswith("% person:"):
            people.append([part.strip() for part in line[len("% person:"):].split("|")])
        elif line.startswith("% style:"):
            style = line[len("% style:"):].strip()
        elif not line.startswith("%"):
            body.append(line)
    raw = "".join(body).strip("\n") + "\n"
    out: list[str] = []
    length = 0
    stack: list[Span] = []
    done: list[Span] = []
    i = 0
    while i < len(raw):
        pair = raw[i : i + 2]
        if pair == "{{":
            bar = raw.index("|", i)
            head = raw[i + 2 : bar]
            speaker, _, mention = head.partition("@")
            stack.append(Span("attribution", length, None if speaker == "-" else speaker,
                              mention or None))
            i = bar + 1
        elif pair == "<<":
            stack.append(Span("date", length))
            i += 2
        elif pair in ("}}", ">>"):
            if not stack or (stack[-1].kind == "date") != (pair == ">>"):
                raise ValueError(f"{name}: unbalanced {pair!r} at source offset {i}")
            span = stack.pop()
            span.end = length
            done.append(span)
            i += 2
        else:
            out.append(raw[i])
            length += 1
            i += 1
    if stack:
        raise ValueError(f"{name}: unclosed annotation")
    done.sort(key=lambda s: (s.start, -s.end))
    return Parsed("".join(out), people, style, done)


def _quoted_fraction(text: str, start: int, end: int, single: bool) -> float:
    """Share of the content's letters inside quotation marks (marks typed by position)."""
    inside = False
    letters = quoted = 0
    for k in range(start, end):
        ch = text[k]
        before = text[k - 1] if k > 0 else " "
        after = text[k + 1] if k + 1 < len(text) else " "
        if ch in DOUBLE or (single and ch in "\u2018\u2019"):
            if ch == "\u2019" and before.isalpha() and after.isalpha():
                continue  # an apostrophe
            if ch == "\u2019" and not inside:
                continue
            if ch in OPENING:
                inside = True
            elif ch in CLOSING:
                inside = False
            else:
                inside = not (before.isalnum() or before in ",.?!") or not inside
                if before.isspace() or k == start:
                    inside = True
            continue
        if ch.isalnum():
            letters += 1
            quoted += inside
    return quoted / letters if letters else 0.0


def lint(parsed: Parsed, name: str) -> list[str]:
    """Problems with the annotation under the corpus cleaning rules."""
    text = parsed.text
    problems: list[str] = []
    flat = text.replace("\u2019", "'")
    words = len(re.findall(r"\b\w[\w'\u2019-]*\b", text))
    if not 250 <= words <= 600:
        problems.append(f"{name}: {words} words (250-600 wanted)")
    for person in parsed.people:
        # the canonical name may join words the text gives apart ("Bryn and Gwen Llewellyn")
        canonical, *forms = person
        if not all(w in flat for w in canonical.replace("\u2019", "'").split()):
            problems.append(f"{name}: person name {canonical!r} not in the text")
        for form in forms:
            if form.replace("\u2019", "'") not in flat:
                problems.append(f"{name}: name form {form!r} not in the text")
    names = {p[0] for p in parsed.people}
    for s in parsed.spans:
        content = text[s.start : s.end]
        where = f"{name}: {content[:50]!r}"
        if s.kind == "date":
            continue
        if content != content.strip():
            problems.append(f"{where} has surrounding space")
        if content.lower().startswith("that "):
            problems.append(f"{where} starts with 'that'")
        opens = content[:1] in OPENING or content[:1] == '"'
        if opens and content[-1] not in CLOSING + '"' and not _nested_in_quote(parsed, s):
            problems.append(f"{where} opens a quotation but does not end at a closing mark")
        if content[-1] in ",.;:" and not _nested_in_quote(parsed, s):
            problems.append(f"{where} ends with punctuation outside a quotation")
        if s.speaker is not None and s.speaker not in names:
            org = s.speaker.replace("\u2019", "'")
            if org not in flat:
                problems.append(f"{where}: organisation speaker {s.speaker!r} not in the text")
    return problems


def _nested_in_quote(parsed: Parsed, span: Span) -> bool:
    """Inside another attribution whose content is a direct quotation still open at its end."""
    return any(
        o is not span and o.kind == "attribution" and o.start < span.start and span.end < o.end
        for o in parsed.spans
    )


def gold(parsed: Parsed, doc: str, split: str) -> dict[str, object]:
    text = parsed.text
    single = "single" in parsed.style
    names = {p[0] for p in parsed.people}
    attributions = []
    dates = []
    for s in parsed.spans:
        content = text[s.start : s.end]
        if s.kind == "date":
            dates.append({"text": content, "when": None, "char_start": s.start,
                          "char_end": s.end})
            continue
        fraction = _quoted_fraction(text, s.start, s.end, single)
        attributions.append({
            "speaker": s.speaker,
            "speaker_mention": s.mention,
            "speaker_entity_type": None if s.speaker is None
            else ("person" if s.speaker in names else "organization"),
            "content": content,
            "char_start": s.start,
            "char_end": s.end,
            "direct": fraction >= 0.5,
            "quoted_fraction": round(fraction, 3),
        })
    title = text.split("\n", 1)[0]
    return {
        "doc": doc,
        "title": title,
        "split": split,
        "style": parsed.style,
        "license": LICENSE,
        "people": [{"name": p[0], "name_mentions": sorted(set(p)), "mentions": sorted(set(p))}
                   for p in parsed.people],
        "attributions": attributions,
        "dates": dates,
        "notes": {"derivation": "hand-annotated in tests/extract/newslike/source; see README.md"},
    }


def splits(docs: list[str]) -> dict[str, str]:
    """Development or check for each document, from its name only."""
    pairs: dict[str, list[str]] = {}
    for doc in docs:
        pairs.setdefault(doc.split("_")[0], []).append(doc)
    out: dict[str, str] = {}
    for members in pairs.values():
        ranked = sorted(members, key=lambda d: hashlib.sha256(d.encode()).hexdigest())
        for k, doc in enumerate(ranked):
            out[doc] = "dev" if k % 2 == 0 else "check"
    return out


def build() -> tuple[dict[Path, str], list[str]]:
    sources = sorted(SOURCE.glob("*.txt"))
    split_of = splits([p.stem for p in sources])
    files: dict[Path, str] = {}
    problems: list[str] = []
    for path in sources:
        doc = path.stem
        parsed = parse(path.read_text(encoding="utf-8"), doc)
        problems.extend(lint(parsed, doc))
        folder = HERE / split_of[doc]
        files[folder / f"{doc}.txt"] = parsed.text
        data = gold(parsed, doc, split_of[doc])
        files[folder / f"{doc}.gold.json"] = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    return files, problems


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="verify the built files, write nothing")
    args = ap.parse_args()
    files, problems = build()
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    if args.check:
        stale = [str(path) for path, text in files.items()
                 if not path.exists() or path.read_text(encoding="utf-8") != text]
        for name in stale:
            print(f"out of date: {name}", file=sys.stderr)
        return 1 if stale else 0
    for path, text in files.items():
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    print(f"{len(files) // 2} documents written")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
