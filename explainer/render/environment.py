"""The Jinja2 environment for Markdown pages: strict, Markdown-escaping, with link filters.

- `StrictUndefined`: a typo in a template fails the build instead of printing nothing.
- Every printed value is escaped for Markdown unless it is `Md` (see markdown_text): Jinja's
  autoescape is on, so macro output is marked safe and not escaped twice, and each printed
  value goes through `print_markdown` (one call in place of Jinja's `escape(finalize(...))`,
  see MarkdownCodeGenerator). Built-in filters that would mark text safe with HTML escaping
  only (`join`, `e`, `safe`) are replaced.
- A line ending in a block tag keeps its newline (see KeepLineEnds); lines of tags vanish.
- Filters that make links know the page being rendered, so links are relative and the engine
  can check them (`mkdocs build --strict` validates every link and anchor).
- Templates come from the site's `templates/pages/` where it has a file of that name, else from
  the package's; content is only ever passed to them as data, never compiled as a template.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, nodes, pass_context
from jinja2.compiler import CodeGenerator, Frame
from jinja2.ext import Extension
from jinja2.runtime import Context

from ..link import routes
from ..link.graph import CitationRef
from ..model.dates import FuzzyDate
from . import pictures, structured
from .jinja_cache import reuse_compiled
from .markdown_text import Md, attribute, escape, escape_text, escape_title, join
from .numbers import number
from .pictures.layout import fmt


def _finalize(value: Any) -> Any:
    """Jinja's hook for constants folded at compile time; see print_markdown for the rest."""
    if value is None:
        return Md("")
    return value if hasattr(value, "__html__") else escape(value)


def print_markdown(value: Any) -> str:
    """What `{{ value }}` prints: Markdown as is (`Md`, or a macro's output, which autoescape
    marks safe), anything else escaped. Same text as `escape(_finalize(value))`, without a
    new `Markup` object per value."""
    if type(value) is Md:
        return value
    if value is None:
        return ""
    if hasattr(value, "__html__"):
        return str(value.__html__())
    return escape_text(str(value))


class MarkdownCodeGenerator(CodeGenerator):
    """Compiles `{{ value }}` to `environment.print_markdown(value)`. Jinja's own code,
    `escape(environment.finalize(value))`, makes two calls and a Markup object for each of
    the million values a large site prints (a sixth of the render time at 1,000 stories)."""

    def _output_child_pre(self, node: nodes.Expr, frame: Frame, finalize: Any) -> None:
        if frame.eval_ctx.volatile or not frame.eval_ctx.autoescape:
            super()._output_child_pre(node, frame, finalize)
        else:
            self.write("environment.print_markdown(")

    def _output_child_post(self, node: nodes.Expr, frame: Frame, finalize: Any) -> None:
        if frame.eval_ctx.volatile or not frame.eval_ctx.autoescape:
            super()._output_child_post(node, frame, finalize)
        else:
            self.write(")")


class MarkdownEnvironment(Environment):
    code_generator_class = MarkdownCodeGenerator
    print_markdown = staticmethod(print_markdown)


def _page(context: Context) -> str:
    return str(context["page_path"])


@pass_context
def url(context: Context, target: str, anchor: str | None = None) -> Md:
    """Relative link target from the current page to another page (and anchor)."""
    return Md(routes.relative(_page(context), target, anchor))


@pass_context
def link(context: Context, node: Any, text: Any = None, anchor: str | None = None,
         prefix: str = "") -> Md:
    """[name](relative/page.md#anchor) for any node with a `page` (and maybe an `anchor`)."""
    page = node.page if isinstance(node.page, str) else node.page()
    if anchor is None:
        anchor = getattr(node, "anchor", None)
    label = escape(node.name if text is None else text)
    return Md(f"{prefix}[{label}]({routes.relative(_page(context), page, anchor)})")


@pass_context
def cite(context: Context, citations: Iterable[CitationRef]) -> Md:
    """Citation links showing the cited paragraph's text on hover and focus (link title)."""
    out = []
    for citation in citations:
        paragraph = citation.paragraph
        label = "photo" if paragraph.kind == "caption" else paragraph.id
        title = escape_title(f"{label}: {paragraph.text}")
        target = routes.relative(_page(context), citation.page, citation.anchor)
        out.append(f'[{escape(label)}]({target} "{title}"){{: .cite }}')
    return Md(" ".join(out))


@pass_context
def links(context: Context, nodes: Iterable[Any], separator: str = " · ") -> Md:
    """Links to several nodes, separated (e.g. the organisations a story mentions)."""
    return Md(separator.join(link(context, node) for node in nodes))


def href(value: object) -> Md:
    """An external address as a Markdown link target: characters that could end or break the
    target are percent-encoded (the address itself was validated as http(s) at load)."""
    from urllib.parse import quote

    return Md(quote(str(value), safe=":/?#@!$&'*+,;=%-._~"))


def text_fragment(quote: Any) -> Md:
    """Link target to the quote's words in the original article (a URL text fragment,
    `#:~:text=start,end`, percent-encoded as the spec asks); "" when the URL is unknown."""
    from urllib.parse import quote as percent

    from ..link.provenance import quote_segments

    url = quote.story.article.meta.url
    segments = quote_segments(quote.model.text)
    if url is None or quote.model.kind != "direct" or not segments:
        return Md("")

    def encode(text: str) -> str:
        return percent(text, safe="").replace("-", "%2D")

    first, last = segments[0].split(), segments[-1].split()
    if len(segments) == 1 and len(first) <= 8:
        directive = encode(" ".join(first))
    else:
        directive = encode(" ".join(first[:5])) + "," + encode(" ".join(last[-5:]))
    base = str(href(url))
    return Md(base + (":~:" if "#" in base else "#:~:") + "text=" + directive)


def here(anchor: str) -> Md:
    """A link target to an anchor on the current page."""
    from urllib.parse import quote

    return Md("#" + quote(str(anchor), safe=""))


def date_html(value: FuzzyDate | None, prefix: str = "", suffix: str = "") -> Md:
    """`<time datetime>` markup at the precision written; "" (no prefix/suffix) when unknown."""
    return Md(prefix + value.html() + suffix) if value is not None else Md("")


def markdown(value: str) -> Md:
    """Editor-written Markdown (checked by markdown_policy at load): rendered as Markdown."""
    return Md(value)


def svg_text(value: object) -> Md:
    """Text inside an SVG (or HTML) element of a raw HTML block: HTML-escaped only, spaces
    kept as they are. Python-Markdown passes raw blocks through untouched, so Markdown
    escapes would show as backslashes there."""
    import html

    return Md(html.escape(str(value), quote=True))


def svg_number(value: float) -> Md:
    """A coordinate or length for SVG markup (one decimal at most)."""
    return Md(fmt(value))


def excerpt(value: str, limit: int = 280) -> Md:
    """The first sentences of a text, whole, up to about `limit` characters (for cards)."""
    text = " ".join(str(value).split("\n\n")[0].split())
    if len(text) > limit:
        sentences = re.split(r"(?<=[.!?])\s+", text)
        kept = sentences[0]
        for sentence in sentences[1:]:
            if len(kept) + 1 + len(sentence) > limit:
                break
            kept += " " + sentence
        text = kept if len(kept) <= limit * 1.5 else text[:limit].rsplit(" ", 1)[0] + "…"
    return escape(text)


def capitalize_first(value: str) -> str:
    text = str(value)
    return text[:1].upper() + text[1:]


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    word = singular if count == 1 else (plural_form or singular + "s")
    return f"{count} {word}"


def title_attr(value: str) -> str:
    return escape_title(value)


def yaml_string(value: str) -> Md:
    """A page's title or description for its front matter: a JSON string (valid YAML) of the
    HTML-escaped text. The theme prints these into <title>, <meta content="..."> and headers
    without escaping them (they may hold HTML), so they must arrive escaped."""
    import html
    import json

    return Md(json.dumps(html.escape(" ".join(str(value).split()), quote=True),
                         ensure_ascii=False))


_TAG = re.compile(r"\{%.*?%\}|\{#.*?#\}")


class KeepLineEnds(Extension):
    """`trim_blocks` drops the newline after *every* block tag; Markdown needs it kept when
    the tag ends a line of text ("- item{% endif %}"). Lines holding only tags still vanish."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        lines = source.split("\n")
        for index, line in enumerate(lines[:-1]):
            if line.rstrip().endswith(("%}", "#}")) and _TAG.sub("", line).strip():
                lines[index] = line + '{{ "" }}'
        return "\n".join(lines)


@pass_context
def avatar(context: Context, node: Any) -> Md:
    """A small picture beside a name: the node's portrait or logo if the content has one,
    else its initials in a coloured badge. Decorative (the name is next to it), so hidden from
    screen readers: the portrait's alt text is empty and the badge is aria-hidden."""
    from .avatars import avatar_colour, initials
    from .images import picture_of

    picture = picture_of(node) if getattr(node, "image", None) is not None else None
    if picture is not None:
        target = routes.relative(_page(context), picture.path)
        shape = "avatar--logo" if node.kind == "organisation" else "avatar--portrait"
        return Md(f'![]({target}){{: .avatar .{shape} width="{picture.width}" '
                  f'height="{picture.height}" loading="lazy" }}')
    if node.kind == "anonymous":
        letters, colour = "?", "anonymous"
    else:
        letters = initials(node.name, getattr(node.model, "abbreviation", None))
        colour = str(avatar_colour(node.id))
    size = " avatar--small-text" if len(letters) > 2 else ""
    return Md(f'<span class="avatar avatar--{colour}{size}" aria-hidden="true">'
              f'{attribute(letters)}</span>')


#: Link previews show about this many characters of a description.
SHARE_DESCRIPTION = 200


@pass_context
def social(context: Context, title: str, description: str) -> Md:
    """The page's share metadata for its front matter (JSON is YAML), printed by the theme
    override as `og:` and `twitter:` tags (escaped there). A story's pages share the story's
    card, a profile its own; other pages the site's."""
    import json

    from .images import CARD_HEIGHT, CARD_WIDTH, plain_text, share_card_path

    node = context.get("story") or context.get("person") or context.get("org")
    kind = "website"
    card = routes.SITE_CARD
    if node is not None:
        card = share_card_path(node)
        kind = "article" if node is context.get("story") else "profile"
    site = context["site"].site
    if not description and node is not None and node is context.get("story"):
        description = node.facts.summary  # the story's other pages: its summary
    text = plain_text(str(description or site.description))
    if len(text) > SHARE_DESCRIPTION:
        text = text[:SHARE_DESCRIPTION].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    data = {"title": " ".join(str(title).split()), "description": text, "image": card,
            "type": kind, "width": CARD_WIDTH, "height": CARD_HEIGHT}
    return Md(json.dumps(data, ensure_ascii=False, separators=(",", ":")))


def jsonld(data: dict[str, Any]) -> Md:
    """JSON for page front matter (JSON is YAML); the theme prints it with `tojson`."""
    import json

    return Md(json.dumps(data, ensure_ascii=False, separators=(",", ":")))


def make_environment(template_dirs: Iterable[Path]) -> Environment:
    """`template_dirs`: folders of page templates, first match wins (the site's, then the
    package's)."""
    env = MarkdownEnvironment(
        extensions=[KeepLineEnds, "jinja2.ext.do"],
        loader=FileSystemLoader([str(folder) for folder in template_dirs]),
        undefined=StrictUndefined,
        autoescape=True,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update(
        url=url, link=link, cite=cite, date=date_html, markdown=markdown, number=number,
        plural=plural, md=escape, title_attr=title_attr, yaml_string=yaml_string,
        capitalize_first=capitalize_first, excerpt=excerpt, links=links, join=join,
        attr=attribute, here=here, href=href, jsonld=jsonld, text_fragment=text_fragment,
        e=escape, escape=escape, forceescape=escape, safe=markdown, avatar=avatar,
        svg_text=svg_text, px=svg_number,
    )
    env.filters.update(amount=pictures.amount)
    from . import images

    env.globals.update(routes=routes, heading=lambda level: Md("#" * int(level)),
                       schema=structured, social=social, picture=images.picture_of,
                       pictures=pictures)
    return reuse_compiled(env)  # a preview rebuild does not compile unchanged templates again
