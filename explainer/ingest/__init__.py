"""Turn a raw article (plain text, Markdown or a saved web page) into a story's first files.

Each reader returns the same `RawArticle`: headline, byline, dateline, photo caption and credit
where the text gives them, and the body as paragraphs and subheads with page chrome (comment
widgets, share buttons, "Do you like this article?") removed. `explainer.ingest.newstory` writes it
out as `article.md` with paragraph ids.
"""

from .model import Block, RawArticle
from .read import read_article

__all__ = ["Block", "RawArticle", "read_article"]
