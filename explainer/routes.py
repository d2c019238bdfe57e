"""Where every page lives: one place decides the URL structure.

Paths are Markdown source paths inside the generated docs folder; the engine turns
`people/ramazon-rakhimzoda.md` into `people/ramazon-rakhimzoda/`. Templates never build paths
themselves, they ask for the page of an object.
"""

from __future__ import annotations

import posixpath

HOME = "index.md"
STORIES = "stories/index.md"
TIMELINE = "timeline.md"
PEOPLE = "people/index.md"
ORGANISATIONS = "organisations/index.md"
PLACES = "places/index.md"
GLOSSARY = "glossary.md"
ASSETS = "assets"

STORY_PAGES = ("index", "timeline", "quotes", "figures", "source")


def story(slug: str, page: str = "index") -> str:
    if page not in STORY_PAGES:
        raise ValueError(f"unknown story page {page!r}")
    return f"stories/{slug}/{page}.md"


def person(person_id: str) -> str:
    return f"people/{person_id}.md"


def organisation(organisation_id: str) -> str:
    return f"organisations/{organisation_id}.md"


def place(place_id: str) -> str:
    return f"places/{place_id}.md"


def relative(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """A link from one generated page to another (and an anchor in it), as Markdown needs it."""
    fragment = f"#{anchor}" if anchor else ""
    if to_page == from_page:
        return fragment or posixpath.basename(to_page)
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".") + fragment
