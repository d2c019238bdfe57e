"""The typed content model: what editors write in `content/`, validated by pydantic.

Models hold data only; references between them (speaker ids, paragraph ids) are plain ids here
and are resolved once, after everything is read, by `explainer.linking`.
"""

from .article import Article, ArticleMeta, Paragraph, Photo, Section
from .common import Citation, FuzzyDateField
from .facts import (
    AnonymousSource,
    Event,
    Facts,
    Figure,
    KeyPoint,
    Quote,
    StoryRole,
)
from .images import Image
from .registry import GlossaryTerm, Organisation, Person, Place, Role
from .site import SiteConfig

__all__ = [
    "AnonymousSource", "Article", "ArticleMeta", "Citation", "Event", "Facts", "Figure",
    "FuzzyDateField", "GlossaryTerm", "Image", "KeyPoint", "Organisation", "Paragraph", "Person",
    "Photo", "Place", "Quote", "Role", "Section", "SiteConfig", "StoryRole",
]
