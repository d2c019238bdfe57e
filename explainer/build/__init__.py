"""Stage 5 and 6, build: generated pages to disk (`writer`), to a site engine (`engine`), and
the live preview's glue (`preview`), which the MkDocs plugin calls."""
