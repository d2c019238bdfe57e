"""Stage 1, load: content files in, typed models out, every problem with `path:line:col`.

`sources` reads text and YAML safely, `yamlsource` keeps positions for messages,
`articles` splits an article into paragraphs with ids, `validation` turns pydantic's errors into
diagnostics, and `content` loads the whole `content/` folder (with a cache for `serve`).
"""

from .content import Content, FileCache, StorySource, load_article, load_content

__all__ = ["Content", "FileCache", "StorySource", "load_article", "load_content"]
