"""The Content-Security-Policy step (explainer/build/csp.py): one meta tag, first in <head>,
allowing the theme's inline scripts by hash and nothing injected."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest

from explainer.build import csp

THEME_SCRIPT = ('<script>__md_scope=new URL("{{ config.extra.scope | d(base_url) }}",location)'
                '</script>')


def page(head: str = "", body: str = "") -> str:
    return (f'<!doctype html>\n<html lang="en">\n  <head>\n    <meta charset="utf-8">\n'
            f"    <title>T</title>\n{head}  </head>\n  <body>\n{body}  </body>\n</html>\n")


@pytest.fixture
def theme(tmp_path: Path) -> csp.Trusted:
    folder = tmp_path / "theme"
    (folder / "partials").mkdir(parents=True)
    (folder / "partials" / "base.html").write_text(
        THEME_SCRIPT + '\n<script id="__config" type="application/json">{{ x | tojson }}</script>'
        '\n<script src="{{ \'bundle.js\' | url }}"></script>'
        "\n{% if x %}<script>var a = {{ x }};</script>{% endif %}"
        "\n<script>{% if y %}var b = 1;{% endif %}</script>\n", encoding="utf-8")
    (folder / "assets" / "javascripts").mkdir(parents=True)
    (folder / "assets" / "javascripts" / "bundle.js").write_text(
        "var x=1,St='.dialog{position:fixed}.dialog>p{margin:0 0 1em}',Nm='not a style sheet "
        "at all';document.head.appendChild(h('style',{},St.toString()))", encoding="utf-8")
    return csp.theme_inline((str(folder),))


def policy_of(html: str) -> str:
    metas = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
    assert len(metas) == 1
    return metas[0]


def test_the_policy_is_the_first_element_after_the_charset(theme: csp.Trusted) -> None:
    html = csp.with_policy(page(), theme)
    head = html.split("<head>", 1)[1]
    assert re.match(r'\s*<meta charset="utf-8">\s*<meta http-equiv="Content-Security-Policy"',
                    head)
    text = policy_of(html)
    assert text.startswith("default-src 'none'; script-src 'self'; style-src 'self' 'sha256-")
    assert "'unsafe-inline'" not in text and "'unsafe-eval'" not in text
    assert "'unsafe-hashes'" not in text
    assert "img-src 'self' data:" in text and "base-uri 'none'" in text


def test_only_the_themes_inline_scripts_are_allowed(theme: csp.Trusted) -> None:
    ours = '<script>__md_scope=new URL("../..",location)</script>'
    injected = "<script>window.__pwned=1</script>"
    breakout = '<script>__md_scope=new URL("",alert(1),"",location)</script>'
    data = '<script type="application/ld+json">{"a": 1}</script>'
    html = csp.with_policy(page(ours, injected + breakout + data), theme)
    allowed = re.findall(r"'sha256-[^']+'", policy_of(html).split("; ")[1])
    assert allowed == [csp.source_hash('__md_scope=new URL("../..",location)')]


def test_scripts_whose_text_the_template_decides_are_not_trusted(theme: csp.Trusted) -> None:
    for script in ("var a = 1;", "var b = 1;", ""):
        assert not theme.allows(script)
    assert theme.allows('__md_scope=new URL("/",location)')


def test_hashes_are_the_ones_browsers_compute() -> None:
    # the example of the CSP specification's documentation (MDN, "script-src": hashes)
    assert csp.source_hash("alert('Hello, world.');") == \
        "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"
    assert csp.source_hash("a\r\nb\rc") == csp.source_hash("a\nb\nc")  # as the parser reads it


def test_style_sheets_the_themes_script_inserts_are_allowed(theme: csp.Trusted) -> None:
    assert theme.styles == (csp.source_hash(".dialog{position:fixed}.dialog>p{margin:0 0 1em}"),)


def test_applying_twice_gives_the_same_page(theme: csp.Trusted) -> None:
    once = csp.with_policy(page('<script>__md_scope=new URL(".",location)</script>'), theme)
    assert csp.with_policy(once, theme) == once
    assert csp.with_policy(once, csp.Trusted(None)).count("Content-Security-Policy") == 1


def test_a_document_without_head_is_left_alone(theme: csp.Trusted) -> None:
    assert csp.with_policy("<p>fragment</p>", theme) == "<p>fragment</p>"


def test_live_reload_script_of_mkdocs_serve_is_allowed_and_nothing_else(
        theme: csp.Trusted) -> None:
    from mkdocs.livereload import LiveReloadServer

    class Server:
        _inject_js_into_html = functools.partial(LiveReloadServer._inject_js_into_html, None)

    server = Server()
    csp.allow_live_reload(server)
    original = csp.with_policy(page(body="<p>text</p>\n"), theme).encode("utf-8")
    served = server._inject_js_into_html(original, 1234).decode("utf-8")
    script = re.findall(r"<script>(.*?)</script>", served, re.S)[-1]
    assert "livereload(1234" in script
    scripts = policy_of(served).split("; ")[1]
    assert scripts == f"script-src 'self' {csp.source_hash(script)}"
    assert policy_of(served).split("; ")[2:] == policy_of(original.decode()).split("; ")[2:]


def test_every_page_of_a_built_folder_is_secured(tmp_path: Path, theme: csp.Trusted) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(page(), encoding="utf-8")
    (tmp_path / "404.html").write_text(page(), encoding="utf-8")
    (tmp_path / "data.json").write_text("{}", encoding="utf-8")
    assert csp.secure_site(tmp_path, theme) == 2
    assert csp.secure_site(tmp_path, theme) == 0  # already secured: nothing changes
    assert "Content-Security-Policy" in (tmp_path / "404.html").read_text(encoding="utf-8")
