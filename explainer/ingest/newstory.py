"""`build.py new`: create `content/stories/<slug>/` from a raw article.

Writes `article.md` (front matter filled from what the text gives, one paragraph per block
with ids p1, p2, ...) and a draft `facts.yaml` whose comments show every kind of fact. The
article body is escaped so that each paragraph reads back as exactly the text it came from
(checked before anything is written). Existing files are never replaced without `force`;
with it, they are kept as `*.bak`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..load.articles import parse_body
from ..model.common import ID_HINT, is_id
from .model import RawArticle
from .read import read_article

FACTS_TEMPLATE = """\
# Facts of this story. Every fact cites the paragraph(s) it comes from: cite: [p3]
# (paragraph ids are the {#p3} lines in article.md). `build.py draft` can fill this in;
# `build.py check` verifies direct quotes word for word against the cited paragraphs.
status: draft

summary: ""

# topics: [politics, health]

# key_points:
#   - text: What a reader must know, in one sentence.
#     cite: [p1]

# people:                      # roles as this story gives them
#   - person: jane-doe         # content/people/jane-doe.md
#     title: Mayor
#     organisation: sampletown-council
#     as_of: 2024-05
#     cite: [p2]

# anonymous_sources:
#   - id: ministry-source
#     description: Interior Ministry source who requested anonymity
#     cite: [p9]

# quotes:
#   - id: q1
#     speaker: jane-doe        # a person id or an anonymous source id
#     kind: direct             # direct (in quotation marks) or paraphrase
#     text: It took five years to build this bridge
#     verb: said
#     cite: [p2]

# events:
#   - id: e1
#     date: 2024-05-01         # EDTF: 2024, 2024-05, 2024-05-01/2024-05-03, 2024~ ...
#     title: The bridge opens
#     cite: [p1]

# figures:
#   - id: cost
#     value: 12000000
#     unit: dollars
#     counts: cost of the bridge
#     cite: [p3]
"""

_ESCAPE_ALWAYS = re.compile(r"([\\`*_<&])")
_ESCAPE_ALL = re.compile(r"([!-/:-@\[-`{-~])")
_LEADING = re.compile(r"^(\s*)([#>+\-=|{]|\d+[.)])")


class StoryExists(Exception):
    pass


@dataclass(frozen=True)
class NewStory:
    folder: Path
    written: list[Path]
    backups: list[Path]
    raw: RawArticle


def escape_paragraph(text: str) -> str:
    """Markdown that reads back (as article plain text) as exactly `text`, kept readable."""
    line = " ".join(text.split())
    candidate = _LEADING.sub(lambda m: m.group(1) + "\\" + m.group(2),
                             _ESCAPE_ALWAYS.sub(r"\\\1", line))
    if _reads_back(candidate, line):
        return candidate
    return _ESCAPE_ALL.sub(r"\\\1", line)


def _reads_back(markdown: str, text: str) -> bool:
    parsed = parse_body("{#p1}\n" + markdown + "\n", "check", 1)
    return not parsed.diagnostics and [p.text for p in parsed.paragraphs] == [text]


def render_article(raw: RawArticle, outlet: str | None, url: str | None,
                   licence: str | None, credit: str | None) -> str:
    meta: list[str] = ["---"]

    def field(name: str, value: str | None, comment: str = "") -> None:
        if value:
            meta.append(f"{name}: {json.dumps(value, ensure_ascii=False)}")
        elif comment:
            meta.append(f"# {name}: {comment}")

    field("headline", raw.headline or "Untitled")
    field("byline", raw.byline, "By ...")
    meta.append("# authors: [person-id]       # people in content/people/")
    field("outlet", outlet or raw.outlet, "the publication's name")
    field("url", url or raw.url, "https://... (the original article)")
    field("published", raw.published, "2024-05-02 (EDTF)")
    field("dateline", raw.dateline)
    field("licence", licence)
    field("credit", credit)
    if raw.extractor:
        meta.append(f"# text extracted by: {raw.extractor}")
    if raw.photo_caption:
        meta.append("photo:")
        meta.append(f"  caption: {json.dumps(raw.photo_caption, ensure_ascii=False)}")
        if raw.photo_credit:
            meta.append(f"  credit: {json.dumps(raw.photo_credit, ensure_ascii=False)}")
    meta.append("---")
    body: list[str] = []
    number = 0
    used: set[str] = set()
    for block in raw.blocks:
        if block.kind == "heading":
            section = _section_id(block.text, used)
            body.append(f"{{#{section}}}\n## {escape_paragraph(block.text)}")
        else:
            number += 1
            body.append(f"{{#p{number}}}\n{escape_paragraph(block.text)}")
    return "\n".join(meta) + "\n\n" + "\n\n".join(body) + "\n"


def _section_id(title: str, used: set[str]) -> str:
    base = "s-" + (re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:40].strip("-") or "part")
    candidate, n = base, 2
    while candidate in used:
        candidate, n = f"{base}-{n}", n + 1
    used.add(candidate)
    return candidate


def create_story(content_dir: Path, slug: str, source: Path, *, force: bool = False,
                 outlet: str | None = None, url: str | None = None, licence: str | None = None,
                 credit: str | None = None) -> NewStory:
    if not is_id(slug):
        raise ValueError(f"'{slug}' is not a valid story slug ({ID_HINT})")
    raw = read_article(source)
    if not any(b.kind == "paragraph" for b in raw.blocks):
        raise ValueError(f"{source}: no article text found")
    folder = content_dir / "stories" / slug
    targets = {folder / "article.md": render_article(raw, outlet, url, licence, credit),
               folder / "facts.yaml": FACTS_TEMPLATE}
    existing = [p for p in targets if p.exists()]
    if existing and not force:
        raise StoryExists(", ".join(str(p) for p in existing) + " already exist(s); "
                          "pass --force to replace (the old files are kept as *.bak)")
    folder.mkdir(parents=True, exist_ok=True)
    backups = []
    for path in existing:
        backup = path.with_name(path.name + ".bak")
        path.replace(backup)
        backups.append(backup)
    for path, text in targets.items():
        path.write_text(text, encoding="utf-8")
    return NewStory(folder, list(targets), backups, raw)
