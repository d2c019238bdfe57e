"""Stage 2, link: every reference resolved once into one graph the templates walk.

`linker` resolves ids, aliases and citations and checks quotes and figures against the article
(`provenance`), `mentions` finds registry names in paragraphs, `advice` adds the warnings, and
`routes` fixes where each page lives. Templates never look up ids: they get `graph` nodes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .graph import SiteGraph
    from .linker import link

__all__ = ["SiteGraph", "link"]


def __getattr__(name: str) -> Any:
    """`SiteGraph` and `link` on first use: importing `routes` alone (the engine's plugin does)
    must not load the models and the linker."""
    if name == "SiteGraph":
        from .graph import SiteGraph
        return SiteGraph
    if name == "link":
        from .linker import link
        return link
    raise AttributeError(name)
