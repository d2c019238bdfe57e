"""Synthetic content of realistic shape, for the site benchmark and multi-story tests.

Each story has ~30 paragraphs, ~20 quotes (direct and paraphrased, checked verbatim like real
ones), ~10 events, figures, 2 topics, and ~8 speakers drawn from a shared pool of people, so
profiles collect quotes from many stories, as on a real newsroom site. Everything comes from a
seeded random generator: the same N gives the same files.
"""

from __future__ import annotations

import random
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

FIRST = ["Amina", "Boris", "Chen", "Dilnoza", "Emeka", "Farida", "Gustavo", "Hana", "Ivan",
         "Jamila", "Kofi", "Lena", "Mateo", "Nadia", "Omar", "Priya", "Quentin", "Rosa", "Sergei",
         "Tamara", "Umar", "Vera", "Wei", "Ximena", "Yusuf", "Zara"]
LAST = ["Abbasova", "Bakirov", "Castillo", "Dzhurayev", "Eriksen", "Fernandes", "Gulyamov",
        "Haddad", "Ivanova", "Jensen", "Karimov", "Lindqvist", "Mahmudov", "Nazarova", "Okafor",
        "Petrov", "Qodirov", "Rahimov", "Saidova", "Tursunov", "Usmonov", "Valiev", "Wojcik",
        "Xu", "Yusupova", "Zokirov", "Alimova", "Boboev", "Chorieva", "Davletov"]
TITLES = ["minister of finance", "spokesperson", "security analyst", "mayor", "chief prosecutor",
          "economist", "head of the border service", "director", "professor", "union leader"]
_TEXT = ("the government plan will change how people live and work across the region because "
         "officials expect new roads schools hospitals and trade links to open within the next "
         "few years while critics warn that costs are rising and budgets remain tight for many "
         "families who depend on public services and fair prices")
WORDS = tuple(_TEXT.split())
TOPICS = ["economy", "security", "health", "education", "transport", "energy", "elections",
          "environment", "courts", "migration", "trade", "technology"]
PLACES = ["Northland", "Riverton", "Eastport", "Westvale", "Southbay", "Highfield", "Lowmarsh",
          "Stonebridge", "Clearwater", "Redhill"]


@dataclass(frozen=True)
class Shape:
    stories: int
    people: int = 2000
    organisations: int = 200
    paragraphs: int = 30
    quotes: int = 20
    events: int = 10
    speakers: int = 8


def _sentence(rng: random.Random, low: int = 8, high: int = 16) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize()


def write_registries(content: Path, shape: Shape, rng: random.Random) -> list[tuple[str, str]]:
    people = []
    (content / "people").mkdir(parents=True, exist_ok=True)
    for index in range(shape.people):
        first = FIRST[index % len(FIRST)]
        last = LAST[(index // len(FIRST)) % len(LAST)]
        name = f"{first} {last} {index // (len(FIRST) * len(LAST)) + 1}" \
            if index >= len(FIRST) * len(LAST) else f"{first} {last}"
        person_id = name.lower().replace(" ", "-")
        people.append((person_id, name))
        (content / "people" / f"{person_id}.md").write_text(
            f"---\nname: {name}\ndescription: {rng.choice(TITLES).capitalize()}\n---\n"
            f"{name} appears in the synthetic stories.\n", encoding="utf-8")
    (content / "organisations").mkdir(exist_ok=True)
    for index in range(shape.organisations):
        (content / "organisations" / f"org-{index}.md").write_text(
            f"---\nname: Agency {index}\nabbreviation: AG{index}\nkind: government agency\n"
            f"country: {PLACES[index % len(PLACES)].lower()}\n---\n", encoding="utf-8")
    (content / "places").mkdir(exist_ok=True)
    for place in PLACES:
        (content / "places" / f"{place.lower()}.md").write_text(
            f"---\nname: {place}\nkind: country\n---\n", encoding="utf-8")
    (content / "glossary.yaml").write_text(
        "- term: GDP\n  expansion: gross domestic product\n"
        "- term: Budget\n  definition: What a government plans to spend.\n", encoding="utf-8")
    (content / "site.yaml").write_text("title: Synthetic explainers\nlanguage: en\n",
                                       encoding="utf-8")
    return people


def write_story(content: Path, number: int, shape: Shape, people: list[tuple[str, str]],
                rng: random.Random) -> None:
    slug = f"story-{number:05d}"
    folder = content / "stories" / slug
    folder.mkdir(parents=True, exist_ok=True)
    speakers = rng.sample(people, shape.speakers)
    year = 2010 + number % 12
    org = rng.randrange(shape.organisations)
    paragraphs: list[str] = []
    quotes: list[str] = []
    for index in range(shape.quotes):
        person_id, name = speakers[index % len(speakers)]
        words = _sentence(rng)
        if index % 2 == 0:
            paragraphs.append(f'"{words}," {name} said. {_sentence(rng)} for AG{org}.')
            kind = "direct"
        else:
            paragraphs.append(f"{words}, {name} told reporters in {rng.choice(PLACES)}.")
            kind = "paraphrase"
        quotes.append(f"  - id: q{index + 1}\n    speaker: {person_id}\n    kind: {kind}\n"
                      f"    text: \"{words}\"\n    verb: said\n    cite: [p{len(paragraphs)}]\n")
    events = []
    for index in range(shape.events):
        month = 1 + (index % 12)
        day = 1 + rng.randrange(28)
        paragraphs.append(f"On {day} {_month(month)} {year}, {_sentence(rng, 6, 10).lower()}.")
        events.append(f"  - id: e{index + 1}\n    date: {year}-{month:02d}-{day:02d}\n"
                      f"    title: {_sentence(rng, 4, 7)}\n    cite: [p{len(paragraphs)}]\n")
    total = rng.randint(100, 900)
    part = rng.randint(10, total // 2)
    paragraphs.append(f"The programme costs {total} million dollars, of which {part} million come "
                      "from loans.")
    figures = (f"  - id: cost\n    value: {total}\n    unit: million dollars\n    counts: cost of "
               f"the programme\n    cite: [p{len(paragraphs)}]\n"
               f"  - id: loans\n    value: {part}\n    unit: million dollars\n    counts: loans\n"
               f"    part_of: cost\n    breakdown: by source\n    cite: [p{len(paragraphs)}]\n")
    while len(paragraphs) < shape.paragraphs:
        paragraphs.append(_sentence(rng, 15, 30) + ".")
    body = "\n\n".join(f"{{#p{i + 1}}}\n{text}" for i, text in enumerate(paragraphs))
    (folder / "article.md").write_text(
        f"---\nheadline: \"{_sentence(rng, 5, 9)}\"\noutlet: Synthetic Times\n"
        f"published: {year}-12-{1 + number % 28:02d}\n---\n\n{body}\n", encoding="utf-8")
    topics = rng.sample(TOPICS, 2)
    key_points = "".join(f"  - text: {_sentence(rng)}.\n    cite: [p{i}]\n"
                         for i in range(len(paragraphs) - 8, len(paragraphs) + 1))
    (folder / "facts.yaml").write_text(
        f"summary: {_sentence(rng, 20, 30)}.\ntopics: [{', '.join(topics)}]\n"
        f"key_points:\n{key_points}"
        f"people:\n  - person: {speakers[0][0]}\n    title: Minister\n    organisation: org-{org}\n"
        f"    as_of: {year}\n    cite: [p1]\n"
        f"quotes:\n{''.join(quotes)}events:\n{''.join(events)}figures:\n{figures}",
        encoding="utf-8")


def _month(number: int) -> str:
    return ["January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December"][number - 1]


def make_project(root: Path, shape: Shape, repo: Path, seed: int = 1) -> Path:
    """A complete project folder (content, the repository's templates and mkdocs.yml)."""
    if root.exists():
        shutil.rmtree(root)
    content = root / "content"
    content.mkdir(parents=True)
    rng = random.Random(seed)
    people = write_registries(content, shape, rng)
    for number in range(shape.stories):
        write_story(content, number, shape, people, rng)
    shutil.copytree(repo / "templates", root / "templates")
    shutil.copy(repo / "mkdocs.yml", root / "mkdocs.yml")
    return root


@dataclass
class Edit:
    slug: str
    page: str  # site path of the page that shows the change
    marker: str
    apply: Callable[[], None]


def edit_quote(root: Path, number: int, suffix: str) -> Edit:
    """An edit that appends `suffix` to one word of a direct quote, in facts.yaml and in the
    cited paragraph of article.md (the quote stays verbatim), in the `number`-th story
    (cycling); works on the synthetic stories and on real ones."""
    stories = sorted(p for p in (root / "content" / "stories").iterdir() if p.is_dir())
    for offset in range(len(stories)):
        folder = stories[(number + offset) % len(stories)]
        edit = _quote_edit_in(folder, suffix)
        if edit is not None:
            return edit
    raise ValueError(f"no direct quote with a word to change in {root}")


def _quote_edit_in(folder: Path, suffix: str) -> Edit | None:
    facts_path, article_path = folder / "facts.yaml", folder / "article.md"
    facts_text = facts_path.read_text(encoding="utf-8")
    article_text = article_path.read_text(encoding="utf-8")
    facts = yaml.safe_load(facts_text) or {}
    for quote in facts.get("quotes") or []:
        if quote.get("kind") != "direct":
            continue
        cites = quote.get("cite")
        cite = cites[0] if isinstance(cites, list) else cites
        paragraph = _paragraph(article_text, str(cite))
        if paragraph is None:
            continue
        start, end = paragraph
        for word in re.findall(r"[A-Za-z]{5,}", quote["text"]):
            pattern = re.compile(rf"\b{word}\b")
            if (len(pattern.findall(article_text[start:end])) != 1
                    or len(pattern.findall(quote["text"])) != 1):
                continue
            id_line = facts_text.find(f"id: {quote['id']}\n")
            at = pattern.search(facts_text, id_line)
            if id_line < 0 or at is None:
                continue
            new = word + suffix
            new_facts = facts_text[:at.start()] + new + facts_text[at.end():]
            found = pattern.search(article_text, start, end)
            assert found is not None
            new_article = article_text[:found.start()] + new + article_text[found.end():]

            def apply(new_facts: str = new_facts, new_article: str = new_article) -> None:
                facts_path.write_text(new_facts, encoding="utf-8")
                article_path.write_text(new_article, encoding="utf-8")

            return Edit(folder.name, f"stories/{folder.name}/quotes/", new, apply)
    return None


def _paragraph(article: str, paragraph_id: str) -> tuple[int, int] | None:
    marker = article.find(f"{{#{paragraph_id}}}\n")
    if marker < 0:
        return None
    end = article.find("\n{#", marker + 1)
    return marker, (end if end >= 0 else len(article))


def paint_portrait(person_file: Path, shade: int) -> None:
    """Give a person (their content file) a portrait, or repaint the one they have: the
    picture file changes while the person's file, once it names it, stays the same."""
    from PIL import Image

    picture = person_file.with_suffix(".png")
    Image.new("RGB", (60, 80), (shade % 256, 90, 140)).save(picture)
    text = person_file.read_text(encoding="utf-8")
    if "\nimage:" not in text:
        person_file.write_text(text.replace(
            "---\n", f"---\nimage:\n  file: {picture.name}\n  credit: 'Photo: Synthetic'\n"
            "  licence: CC0\n", 1), encoding="utf-8")
