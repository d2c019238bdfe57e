"""`content/site.yaml`: what the whole site is called and where it lives."""

from __future__ import annotations

from pydantic import Field

from .common import ContentModel, Markdown, Text, WebUrl


class SiteConfig(ContentModel):
    """The whole site: its name, what it is, its language and where it is published."""

    title: Text
    """Site name: shown in the header, on the home page and in the browser's title."""
    description: Markdown = ""
    """Markdown: shown on the home page and used as the site's description for search engines."""
    language: str = Field(default="en", pattern=r"^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$")
    """BCP 47 language tag, e.g. `en` or `fr-CA`: the pages' language and the search language."""
    base_url: WebUrl | None = None
    """Where the site will be published, e.g. `https://example.org/explainers/` (canonical
    links, sitemap)."""
    publisher: Text | None = None
    """Who publishes the site (the newsroom's name)."""
    stories_per_page: int = Field(default=24, ge=1, le=500)
    """Stories shown as cards on the home page; all are listed under Stories."""
