"""Explainer site generator: a news article in, a static explainer website out.

The work is a pipeline of small stages; each sub-package is one stage:

    load     files -> typed models, every problem with path:line:col   explainer.load, .model
    link     references resolved once into one graph                   explainer.link
    render   Jinja2 templates -> Markdown pages, exports, JSON-LD      explainer.render
    build    pages to disk, to a site engine, to the live preview      explainer.build

`explainer.pipeline` strings them together; `explainer.cli` is the command line (`explainer`,
and this repository's `build.py`); `explainer.plugin` is the MkDocs plugin. Beside the
pipeline, `explainer.ingest` reads raw articles (`new`) and `explainer.extract` drafts facts
from them (`draft`). Default templates, assets and theme overrides are in `templates/`.
"""

__version__ = "0.2.0"
