"""Explainer site generator: a news article in, a static explainer website out.

The work is a pipeline of small stages, each in its own module:

    load (files -> raw data with positions)  explainer.sources, explainer.yamlsource
    model (typed objects)                     explainer.model
    link (references, provenance)             explainer.linking, explainer.provenance
    render (Jinja -> Markdown)                explainer.render
    write (changed files only)                explainer.writer
    engine (MkDocs and friends)               explainer.engine

`explainer.pipeline` strings them together; `build.py` is the thin command line.
"""

__version__ = "0.1.0"
