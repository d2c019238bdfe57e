"""The second wall: every built page carries a Content-Security-Policy.

Escaping is the first wall (`render/markdown_text`): content never becomes markup. Should a
template ever print content unescaped, the policy still keeps injected script from running: a
page may run only the site's own script files and the theme's own inline scripts (allowed by
hash), never an inline event handler (`onerror=`) or a `javascript:` URL, and loads styles,
fonts and data only from the site itself.

The site is static, so the policy is a `<meta http-equiv>` tag, placed first in `<head>` (a
policy in a meta tag applies only to what follows it). The theme's inline scripts differ from
page to page (one holds the relative path to the site root), so their hashes are computed per
page, and only for scripts that are the theme's own: an inline `<script>` of the theme's
templates (Material's, Zensical's, the site's overrides) in which every value the template
prints is a plain path. An injected script that copies one of them can only do what the theme
does. The same function serves every engine: `explainer build` applies it to the engine's
output before the swap into `site/`; the MkDocs plugin applies it to each page it renders.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import importlib.util
import itertools
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..project import Project, read_config

log = logging.getLogger("mkdocs.plugins.explainer")

#: What a page may load, directive by directive (`default-src 'none'` forbids everything else:
#: frames, objects, media). No 'unsafe-inline' and no 'unsafe-hashes': inline event handlers,
#: `style` attributes and `javascript:` URLs are blocked.
DIRECTIVES: tuple[tuple[str, str], ...] = (
    ("default-src", "'none'"),
    ("script-src", "'self'"),  # the theme's bundle, assets/explainer.js; + inline hashes
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),  # Material draws its icons with data: SVG in its CSS
    ("font-src", "'self'"),
    ("connect-src", "'self'"),  # the search index; live reload's polling in preview
    ("worker-src", "'self'"),  # the search runs in a web worker from assets/
    ("manifest-src", "'self'"),
    ("form-action", "'self'"),
    ("base-uri", "'none'"),  # an injected <base> cannot re-point the site's script paths
)

#: Installed themes whose inline scripts are trusted (their packages' template folders).
THEME_PACKAGES = ("material", "zensical")

_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script\s*>", re.S | re.I)
_SRC = re.compile(r"\ssrc\s*=", re.I)
_TYPE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]*)""", re.I)
_SCRIPT_TYPES = ("", "text/javascript", "application/javascript", "module")
_PRINTED = re.compile(r"\{\{-?.*?-?\}\}", re.S)
#: What a printed value in a trusted inline script may be: a relative path or URL. Nothing in
#: it can end a JavaScript string or the script element.
_PLAIN_VALUE = r"[A-Za-z0-9._~/:%?#=&+-]*"
#: A string constant assigned in a minified script, and whether it is a style sheet.
_STYLE_CONSTANT = re.compile(r"""=\s*(?P<q>['"])(?P<text>(?:(?!(?P=q))[^\\\n]|\\.){20,})(?P=q)""",
                             re.S)
_STYLE_SHEET = re.compile(r"^[^{}]*\{[^{}]*:[^{}]*\}.*\}\s*$", re.S)
_JS_ESCAPE = re.compile(r"\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)", re.S)
_HEAD = re.compile(r"<head(?:\s[^>]*)?>", re.I)
_CHARSET = re.compile(r"""\s*<meta\s+charset=["']?[\w-]+["']?\s*/?>""", re.I)
_META = '<meta http-equiv="Content-Security-Policy" content="{policy}">'
_OURS = re.compile(r'\s*<meta http-equiv="Content-Security-Policy" content="(?P<policy>[^"]*)">')


@dataclass(frozen=True)
class Trusted:
    """What the theme itself writes inline: the shapes of its inline scripts (one regular
    expression over all of them) and the hashes of the style sheets its scripts insert."""

    scripts: re.Pattern[str] | None
    styles: tuple[str, ...] = ()

    def allows(self, script: str) -> bool:
        return self.scripts is not None and self.scripts.fullmatch(script) is not None


def _is_inline_script(attrs: str) -> bool:
    if _SRC.search(attrs):
        return False
    kind = _TYPE.search(attrs)
    return kind is None or kind.group(1).lower() in _SCRIPT_TYPES


@functools.lru_cache(maxsize=32)
def theme_inline(template_dirs: tuple[str, ...]) -> Trusted:
    """The inline scripts and styles of the themes whose templates are in `template_dirs`.

    Scripts: every inline `<script>` of the templates, as a pattern in which each printed value
    (`{{ ... }}`, always inside a string) may be a plain path; a script with template logic
    (`{% %}`) in it, or a value printed outside a string, is not trusted: its text (or what it
    does) cannot be known from the template. Styles: the style sheets the
    theme's scripts (`assets/javascripts/*.js`) hold as string constants and insert as
    `<style>` elements (Zensical's search dialog, Material's diagrams)."""
    shapes: set[str] = set()
    styles: set[str] = set()
    for folder in template_dirs:
        base = Path(folder)
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*.html")):
            text = path.read_text(encoding="utf-8", errors="replace")
            for match in _SCRIPT.finditer(text):
                body = match.group("body")
                if (not body.strip() or not _is_inline_script(match.group("attrs"))
                        or "{%" in body or "{#" in body):
                    continue
                literal = _PRINTED.split(_normalise(body))
                if all(_in_string(*pair) for pair in itertools.pairwise(literal)):
                    shapes.add(_PLAIN_VALUE.join(re.escape(part) for part in literal))
        for path in sorted((base / "assets" / "javascripts").glob("*.js")):
            text = path.read_text(encoding="utf-8", errors="replace")
            styles.update(source_hash(_js_unescape(match.group("text")))
                          for match in _STYLE_CONSTANT.finditer(text)
                          if _STYLE_SHEET.search(match.group("text")))
    pattern = re.compile("|".join(f"(?:{shape})" for shape in sorted(shapes)), re.S) \
        if shapes else None
    return Trusted(pattern, tuple(sorted(styles)))


def _in_string(before: str, after: str) -> bool:
    """Whether a printed value between these two pieces of script is inside a string."""
    return bool(before) and before[-1] in "\"'" and after[:1] == before[-1]


def _js_unescape(literal: str) -> str:
    """The value of a JavaScript string literal's body (the escapes minifiers write)."""
    def one(match: re.Match[str]) -> str:
        escaped = match.group(1)
        if escaped[0] in "xu" and len(escaped) > 1:
            return chr(int(escaped[1:].strip("{}"), 16))
        return {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v",
                "0": "\0", "\n": ""}.get(escaped, escaped)
    return _JS_ESCAPE.sub(one, literal)


def project_template_dirs(project: Project) -> tuple[str, ...]:
    """Template folders whose inline scripts are trusted for a site built outside MkDocs'
    plugin (`explainer build`, any engine): mkdocs.yml's `custom_dir`, the site's and the
    package's theme overrides, and the installed themes' own templates."""
    theme = read_config(project.config_file).get("theme")
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    folders = [str(project.root / str(custom))] if custom else []
    folders += [str(layer / "overrides") for layer in project.template_layers]
    for package in THEME_PACKAGES:
        spec = importlib.util.find_spec(package)
        if spec is not None and spec.origin:
            folders.append(str(Path(spec.origin).parent / "templates"))
    return tuple(folders)


def _normalise(script: str) -> str:
    """A browser hashes a script's text after the HTML parser turned CR LF and CR into LF."""
    return script.replace("\r\n", "\n").replace("\r", "\n")


def source_hash(text: str) -> str:
    """The CSP hash source (`'sha256-...'`) of an inline script's or style's text."""
    digest = hashlib.sha256(_normalise(text).encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(scripts: Iterable[str] = (), styles: Iterable[str] = ()) -> str:
    """The policy text, with the given hashes of inline scripts and styles allowed."""
    extra = {"script-src": " ".join(dict.fromkeys(scripts)),
             "style-src": " ".join(dict.fromkeys(styles))}
    return "; ".join(" ".join(part for part in (name, value, extra.get(name)) if part)
                     for name, value in DIRECTIVES)


def _policy_place(html: str) -> tuple[int, str] | None:
    """Where the policy goes (the end of `<head>`, or of `<meta charset>` right after it) and
    the white space to put before it; None for a document without `<head>`."""
    head = _HEAD.search(html)
    if head is None:
        return None
    charset = _CHARSET.match(html, head.end())
    if charset is None:
        return head.end(), ""
    return charset.end(), charset.group()[: len(charset.group()) - len(charset.group().lstrip())]


def with_policy(html: str, trusted: Trusted) -> str:
    """`html` with the policy as the first element of its `<head>` (after `<meta charset>`),
    allowing the page's inline scripts that are the theme's. A policy this function put there
    before is replaced, so applying it twice gives the same page. A document without `<head>`
    is returned as it is (browsers ignore a policy outside `<head>`)."""
    place = _policy_place(html)
    if place is None:
        return html
    at, indent = place
    rest = html[at:]
    ours = _OURS.match(rest)
    if ours is not None:
        rest = rest[ours.end():]
    scripts = [source_hash(match.group("body")) for match in _SCRIPT.finditer(rest)
               if _is_inline_script(match.group("attrs"))
               and trusted.allows(_normalise(match.group("body")))]
    return html[:at] + indent + _META.format(policy=policy(scripts, trusted.styles)) + rest


def allow_script(html: str, script: str) -> str:
    """`html` whose policy also allows the inline `script` (the preview server's live-reload
    script, which it adds to each page it serves). Unchanged if the page has no policy."""
    place = _policy_place(html)
    ours = _OURS.match(html, place[0]) if place is not None else None
    if ours is None:
        return html
    directives = [f"{directive} {source_hash(script)}" if directive.startswith("script-src ")
                  else directive for directive in ours.group("policy").split("; ")]
    return html[:ours.start("policy")] + "; ".join(directives) + html[ours.end("policy"):]


def secure_site(folder: Path, trusted: Trusted) -> int:
    """Apply `with_policy` to every HTML page under `folder` (a built site); the number of
    pages changed."""
    changed = 0
    for path in sorted(folder.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        secured = with_policy(html, trusted)
        if secured != html:
            path.write_text(secured, encoding="utf-8")
            changed += 1
    return changed


def allow_live_reload(server: Any) -> None:
    """Let the pages `mkdocs serve` serves run its live-reload script: the server inserts that
    script (its text differs per request) before `</body>` of each page as it sends it; the
    page's policy then allows exactly that script, and nothing else is added."""
    inject = getattr(server, "_inject_js_into_html", None)
    if inject is None:
        log.warning("explainer: this preview server adds its live-reload script in a way the "
                    "Content-Security-Policy does not know; pages will not reload by themselves")
        return

    def injected(content: bytes, epoch: Any) -> bytes:
        served: bytes = inject(content, epoch)
        end = content.rfind(b"</body>")
        at = end if end >= 0 else len(content)
        added = len(served) - len(content)
        if added <= 0 or served[:at] != content[:at] or served[at + added:] != content[at:]:
            return served
        match = _SCRIPT.fullmatch(served[at:at + added].decode("utf-8"))
        if match is None:
            return served
        return allow_script(served.decode("utf-8"), match.group("body")).encode("utf-8")

    server._inject_js_into_html = injected
