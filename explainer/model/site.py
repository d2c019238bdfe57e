"""`content/site.yaml`: what the whole site is called and where it lives."""

from __future__ import annotations

from pydantic import Field, HttpUrl

from .common import ContentModel, Markdown, Text


class SiteConfig(ContentModel):
    title: Text
    description: Markdown = ""
    language: str = Field(default="en", pattern=r"^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$")
    base_url: HttpUrl | None = None
    publisher: Text | None = None
    stories_per_page: int = Field(default=24, ge=1, le=500)
