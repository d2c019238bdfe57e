"""Where every page lives: one place decides the URL structure.

Paths are Markdown source paths inside the generated docs folder; the engine turns
`people/ramazon-rakhimzoda.md` into `people/ramazon-rakhimzoda/`. Templates never build paths
themselves, they ask for the page of an object.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache

HOME = "index.md"
STORIES = "stories/index.md"
TIMELINE = "timeline/index.md"
TOPICS = "topics/index.md"
SCHEMA = "schemas/facts-v1.schema.json"
PEOPLE = "people/index.md"
ORGANISATIONS = "organisations/index.md"
PLACES = "places/index.md"
GLOSSARY = "glossary.md"
ASSETS = "assets"
#: Share images (Open Graph / Twitter cards, quote cards), drawn at build time.
SOCIAL = "social"
SITE_CARD = f"{SOCIAL}/site.png"
#: Resized copies of the pictures named by `image:` fields.
IMAGES = "images"

STORY_PAGES = ("index", "timeline", "quotes", "figures", "source")


def story(slug: str, page: str = "index") -> str:
    if page not in STORY_PAGES:
        raise ValueError(f"unknown story page {page!r}")
    return f"stories/{slug}/{page}.md"


def stories_page(number: int) -> str:
    """The list of all stories is paginated: page 1 is stories/index.md."""
    return STORIES if number == 1 else f"stories/page/{number}.md"


def topic(slug: str, number: int = 1) -> str:
    return f"topics/{slug}/index.md" if number == 1 else f"topics/{slug}/page/{number}.md"


def timeline_year(year: int | None) -> str:
    return f"timeline/{year}.md" if year is not None else "timeline/undated.md"


def person(person_id: str) -> str:
    return f"people/{person_id}.md"


def organisation(organisation_id: str) -> str:
    return f"organisations/{organisation_id}.md"


def place(place_id: str) -> str:
    return f"places/{place_id}.md"


def share_card(kind: str, item_id: str) -> str:
    """The share image of a story, person or organisation (`kind`: its folder)."""
    return f"{SOCIAL}/{kind}/{item_id}.png"


def quote_card(slug: str, quote_id: str) -> str:
    return f"{SOCIAL}/quotes/{slug}/{quote_id}.png"


def picture(kind: str, item_id: str, extension: str) -> str:
    """The resized copy of a story's, person's or organisation's picture."""
    return f"{IMAGES}/{kind}/{item_id}.{extension}"


def relative(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """A link from one generated page to another (and an anchor in it), as Markdown needs it."""
    fragment = f"#{anchor}" if anchor else ""
    if to_page == from_page:
        return fragment or posixpath.basename(to_page)
    return _relative_path(_folder(from_page), to_page) + fragment


@lru_cache(maxsize=16384)
def _folder(page: str) -> str:
    return posixpath.dirname(page)  # cached: asked once per link, ~280,000 times a site


@lru_cache(maxsize=65536)
def _relative_path(from_dir: str, to_page: str) -> str:
    """posixpath.relpath for our docs-relative paths (no '..' in them), cached: hot in rendering."""
    start = from_dir.split("/") if from_dir else []
    target = to_page.split("/")
    common = 0
    while common < min(len(start), len(target) - 1) and start[common] == target[common]:
        common += 1
    return "/".join([".."] * (len(start) - common) + target[common:])
