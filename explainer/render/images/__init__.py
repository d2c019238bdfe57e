"""Pictures of the site, drawn at build time with Pillow: share cards and resized photos.

- a share card (1200 x 630 PNG, Open Graph / Twitter) for each story, person and organisation,
  and one for the site's other pages;
- a quote card for each direct quote (the quotes page links to it);
- the resized copy of each picture named by an `image:` field.

`plan_images` lists them as (path in the docs folder, spec); `draw` turns a spec into bytes.
Specs hold every input, so the render stage can reuse a picture whose spec did not change
(the `RenderCache` during `serve`, the `ImageCache` in `.cache/` between builds) and draw the
others in its worker processes. Pages learn where pictures are from `routes` and `picture_of`.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache

from ...link import routes
from ...link.graph import OrganisationNode, PersonNode, QuoteNode, SiteGraph, StoryNode
from ...load.images import ImageRef
from ..avatars import initials
from .cards import Card, ProfileCard, QuoteCard, SiteCard, StoryCard
from .photos import PictureSource, PictureSpec, Variant, output_size

Spec = Card | PictureSpec
CARD_WIDTH, CARD_HEIGHT = 1200, 630


@dataclass(frozen=True)
class ImageJob:
    path: str  # in the docs folder
    spec: Spec


@dataclass(frozen=True)
class Picture:
    """A resized picture as pages show it: where it is, its size, and its words."""

    path: str
    width: int
    height: int
    alt: str
    credit: str
    licence: str
    caption: str | None


_VARIANT: dict[str, Variant] = {"people": "portrait", "organisations": "logo",
                                 "stories": "lead"}


def _source(ref: ImageRef) -> PictureSource:
    found = ref.source
    return PictureSource(found.digest, found.has_alpha, found.width, found.height, found.path)


def picture_of(node: PersonNode | OrganisationNode | StoryNode) -> Picture | None:
    """The node's resized picture, or None when the content gives it none."""
    ref = node.image
    if ref is None:
        return None
    kind, item_id = _kind_and_id(node)
    variant = _VARIANT[kind]
    width, height = output_size(ref.source.width, ref.source.height, variant)
    caption = node.article.meta.image_caption if isinstance(node, StoryNode) else None
    return Picture(routes.picture(kind, item_id, _source(ref).extension), width, height,
                   ref.model.alt or "", ref.model.credit, ref.model.licence, caption)


def _kind_and_id(node: PersonNode | OrganisationNode | StoryNode) -> tuple[str, str]:
    if isinstance(node, StoryNode):
        return "stories", node.slug
    if isinstance(node, PersonNode):
        return "people", node.id
    return "organisations", node.id


def share_card_path(node: PersonNode | OrganisationNode | StoryNode) -> str:
    kind, item_id = _kind_and_id(node)
    return routes.share_card(kind, item_id)


# ---------------------------------------------------------------------------- planning
def plan_images(graph: SiteGraph) -> list[ImageJob]:
    """Every picture of the site, with what it is drawn from."""
    site = graph.site.title
    config = graph.site
    footer = config.publisher or (str(config.base_url).split("//", 1)[-1].rstrip("/")
                                  if config.base_url else "")
    jobs = [ImageJob(routes.SITE_CARD, SiteCard(site, plain_text(config.description), footer))]
    for story in graph.stories:
        jobs.append(ImageJob(share_card_path(story), story_card(site, story)))
        jobs.extend(ImageJob(routes.quote_card(story.slug, quote.id), quote_card(site, quote))
                    for quote in story.quotes if quote.model.kind == "direct")
    for person in graph.people.values():
        jobs.append(ImageJob(share_card_path(person), person_card(site, person)))
    for org in graph.organisations.values():
        jobs.append(ImageJob(share_card_path(org), organisation_card(site, org)))
    nodes: list[PersonNode | OrganisationNode | StoryNode] = [
        *graph.stories, *graph.people.values(), *graph.organisations.values()]
    for node in nodes:
        picture = picture_of(node)
        if picture is not None and node.image is not None:
            kind, _ = _kind_and_id(node)
            jobs.append(ImageJob(picture.path, PictureSpec(_source(node.image),
                                                           _VARIANT[kind])))
    return jobs


def draw(spec: Spec) -> bytes:
    from .cards import draw_card
    from .photos import draw_picture

    return draw_picture(spec) if isinstance(spec, PictureSpec) else draw_card(spec)


def story_card(site: str, story: StoryNode) -> StoryCard:
    meta = story.article.meta
    byline = " · ".join(part for part in (
        meta.outlet, meta.published.display() if meta.published else None) if part)
    stats = " · ".join(_count(n, word) for n, word in (
        (len(story.quotes), "quote"), (len(story.people), "person"),
        (len(story.events), "event")) if n)
    return StoryCard(site, story.headline, byline, stats,
                     _source(story.image) if story.image else None)


def person_card(site: str, person: PersonNode) -> ProfileCard:
    role = person.current_role
    if role is not None:
        description = role.title + (f", {role.organisation.name}" if role.organisation else "")
    else:
        description = person.model.description or ""
    return ProfileCard(site, person.name, description,
                       _presence(len(person.quotes), len(person.stories)),
                       initials(person.name), _source(person.image) if person.image else None)


def organisation_card(site: str, org: OrganisationNode) -> ProfileCard:
    what = org.model.kind or ""
    if org.parent is not None:
        what = f"{what}, part of {org.parent.name}" if what else f"Part of {org.parent.name}"
    name = org.name + (f" ({org.model.abbreviation})" if org.model.abbreviation else "")
    return ProfileCard(site, name, what[:1].upper() + what[1:],
                       _presence(len(org.quotes), len(org.stories)),
                       initials(org.name, org.model.abbreviation),
                       _source(org.image) if org.image else None)


def quote_card(site: str, quote: QuoteNode) -> QuoteCard:
    speaker = quote.speaker
    role = ""
    if isinstance(speaker, PersonNode):
        found = quote.story.roles.get(speaker.id) or speaker.current_role
        role = found.title if found is not None else ""
    return QuoteCard(site, quote.model.text, speaker.name, role, quote.story.headline)


def _presence(quotes: int, stories: int) -> str:
    where = _count(stories, "story")
    return f"Quoted {_times(quotes)} in {where}" if quotes else f"In {where}"


def _times(count: int) -> str:
    return "once" if count == 1 else f"{count} times"


_PLURALS = {"person": "people", "story": "stories"}


def _count(count: int, word: str) -> str:
    return f"{count:,} {word if count == 1 else _PLURALS.get(word, word + 's')}"


_MARKUP = re.compile(r"[\\`*_\[\]<>&#]")
_TAG = re.compile(r"<[^>]*>")


@lru_cache(maxsize=65536)
def plain_text(markdown: str) -> str:
    """Editor's Markdown as one line of plain text, as a reader sees it (for share cards and
    link previews). Text without Markdown's characters is taken as it is."""
    if not _MARKUP.search(markdown):
        return " ".join(markdown.split())
    from markdown_it import MarkdownIt

    rendered = MarkdownIt("commonmark", {"html": False}).render(markdown)
    return " ".join(html.unescape(_TAG.sub("", rendered)).split())
