"""Stage 4: Jinja2 templates turn the linked site into Markdown pages (and copy assets)."""

from .dependencies import RenderCache
from .pages import PageSet, Rendered, render_site

__all__ = ["PageSet", "RenderCache", "Rendered", "render_site"]
