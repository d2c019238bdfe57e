"""Stage 2, link: every reference resolved once into one graph the templates walk.

`linker` resolves ids, aliases and citations and checks quotes and figures against the article
(`provenance`), `mentions` finds registry names in paragraphs, `advice` adds the warnings, and
`routes` fixes where each page lives. Templates never look up ids: they get `graph` nodes.
"""

from .graph import SiteGraph
from .linker import link

__all__ = ["SiteGraph", "link"]
