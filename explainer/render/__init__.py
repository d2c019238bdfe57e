"""Stage 4: Jinja2 templates turn the linked site into Markdown pages (and copy assets)."""

from .pages import PageSet, render_site

__all__ = ["PageSet", "render_site"]
