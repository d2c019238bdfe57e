"""The second wall in a real browser: the Content-Security-Policy alone stops injected script,
and a normal site runs under it without a single violation (search, palette toggle, citation
previews, timeline filter, live reload)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from explainer.cli.main import main

from ..conftest import MINIMAL, copy_project, copy_seed_project
from ..preview_server import mkdocs_serve
from ..test_errors import apply_case
from ..test_hostile import INERT
from ..unescaped import escaping_disabled
from .support import serve
from .test_pages import PAGES, STORY, tooltip_text

#: Runs before any script of the page (Playwright's init scripts are not subject to the page's
#: policy): records every violation the browser reports.
LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"}`
                           + ` in ${event.sourceFile}:${event.lineNumber}`);
});
"""
META = re.compile(r'\s*<meta http-equiv="Content-Security-Policy" content="[^"]*">')
EVERY_PAGE_TYPE = {**PAGES, "stories": "stories/", "topic": "topics/", "place": "places/",
                   "organisations": "organisations/", "year": "timeline/2016/",
                   "not-found": "404.html"}


def violations(page: Any) -> list[str]:
    return list(page.evaluate("window.__violations"))


@pytest.fixture
def tab(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(LISTEN)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.dialogs = dialogs
    yield page
    context.close()


# --- the policy alone against injected script ---------------------------------------------

@pytest.fixture(scope="module")
def unescaped_hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """tests/fixtures/hostile/inert.yaml built with the escaping switched off (a test-only
    switch): its script tags, event handlers and javascript: links reach the HTML as markup."""
    root = copy_project(tmp_path_factory.mktemp("unescaped") / "project", MINIMAL)
    apply_case(root, INERT)
    with escaping_disabled():
        assert main(["--root", str(root), "build", "--no-strict"]) == 0
    site = root / "site"
    quotes = (site / "stories/sample/quotes/index.html").read_text(encoding="utf-8")
    assert "<script>window.__pwned=1</script>" in quotes, "the escaping was not switched off"
    assert 'onerror="window.__pwned=2"' in quotes or "onerror=window.__pwned=2" in quotes
    with serve(site) as url:
        yield url, site


def hostile_pages(site: Path) -> list[str]:
    return [path for path in ("", "stories/sample/", "stories/sample/quotes/",
                              "stories/sample/source/", "stories/sample/timeline/",
                              "stories/sample/figures/", "people/evil-name/", "glossary/")
            if (site / path / "index.html").is_file()]


def visit(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("load")
    page.evaluate("""() => {  // every event an injected handler could wait for, everywhere
      for (const element of document.querySelectorAll("body *"))
        for (const type of ["mouseover", "mouseenter", "focus", "error", "load"])
          element.dispatchEvent(new Event(type));
    }""")


def test_the_policy_alone_stops_injected_script(
        tab: Any, unescaped_hostile_site: tuple[str, Path]) -> None:
    url, site = unescaped_hostile_site
    blocked: list[str] = []
    for path in hostile_pages(site):
        visit(tab, url + path)
        assert tab.evaluate("typeof window.__pwned") == "undefined", f"script ran on /{path}"
        blocked += violations(tab)
    assert tab.dialogs == []
    assert any(v.startswith("script-src-elem blocked inline") for v in blocked), blocked
    assert any(v.startswith("script-src-attr blocked inline") for v in blocked), blocked


def test_without_the_policy_the_same_pages_run_the_injected_script(
        tab: Any, unescaped_hostile_site: tuple[str, Path]) -> None:
    """The control: the pages above, served without their policy, do run the script, so the
    test above stops passing when the policy goes."""
    url, site = unescaped_hostile_site

    def without_policy(route: Any) -> None:
        response = route.fetch()
        body = response.text()
        route.fulfill(response=response, body=META.sub("", body) if "<html" in body else body)

    tab.route(re.compile(r".*/(index\.html)?$"), without_policy)
    ran = []
    for path in hostile_pages(site):
        visit(tab, url + path)
        if tab.evaluate("typeof window.__pwned") != "undefined":
            ran.append(path)
    assert "stories/sample/quotes/" in ran, ran


# --- a normal site under the policy ---------------------------------------------------------

@pytest.mark.parametrize("name", sorted(EVERY_PAGE_TYPE))
def test_no_violation_on_any_page_type(tab: Any, base_url: str, name: str) -> None:
    response = tab.goto(base_url + EVERY_PAGE_TYPE[name])
    assert response is not None
    tab.wait_for_load_state("networkidle")
    policy = tab.locator('meta[http-equiv="Content-Security-Policy"]')
    assert policy.count() == 1
    assert "script-src 'self'" in (policy.get_attribute("content") or "")
    assert violations(tab) == []


def test_search_palette_and_citation_previews_work_under_the_policy(
        tab: Any, base_url: str) -> None:
    tab.goto(base_url + STORY)
    cite = tab.locator("a.cite").first
    cite.hover()
    paragraph = (cite.get_attribute("href") or "").rpartition("#")[2]
    assert paragraph and tooltip_text(tab).startswith(f"{paragraph}: ")
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    before = tab.evaluate(scheme)
    tab.locator("form[data-md-component=palette] label:visible").first.click()
    tab.wait_for_function(f"() => {scheme} !== {before!r}")
    tab.locator("input.md-search__input").click()
    tab.keyboard.type("Rakhimzoda")
    tab.wait_for_selector(".md-search-result__item", timeout=10_000)
    assert tab.locator(".md-search-result__item").count() > 0
    tab.goto(base_url + "timeline/2016/")
    select = tab.locator("[data-timeline-filter] select")
    assert select.is_visible()  # the filter is shown by assets/explainer.js
    select.select_option("")
    tab.evaluate("() => document.querySelector('ol.timeline > li').dataset.story = 'other'")
    select.select_option("tajikistan-interpol")
    assert tab.locator("ol.timeline > li[hidden]").count() == 1
    assert violations(tab) == []


def test_live_reload_runs_under_the_policy(tab: Any, tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project", MINIMAL)
    assert main(["--root", str(root), "generate"]) == 0  # mkdocs serve needs the docs folder
    facts = root / "content/stories/sample/facts.yaml"
    with mkdocs_serve(root) as preview:
        tab.goto(preview.url + "stories/sample/")
        assert tab.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1
        facts.write_text(facts.read_text().replace(
            "summary: Sampletown opened a bridge that took five years to build.",
            "summary: Sampletown opened a bridge that took six years to build."))
        tab.wait_for_function(  # the page reloads by itself: the live-reload script ran
            "() => document.querySelector('h2#summary + p')?.innerText.includes('six years')",
            timeout=30_000)
        assert violations(tab) == []


@pytest.mark.engine
def test_a_zensical_site_runs_under_the_policy(browser: Any, tab: Any,
                                               tmp_path_factory: pytest.TempPathFactory) -> None:
    root = copy_seed_project(tmp_path_factory.mktemp("zensical") / "project")
    assert main(["--root", str(root), "build", "--engine", "zensical"]) == 0
    with serve(root / "site") as url:
        for path in ("", STORY, STORY + "source/", "timeline/2016/"):
            tab.goto(url + path)
            tab.wait_for_load_state("networkidle")
            assert tab.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1
        tab.keyboard.press("/")  # its search dialog, styled by a sheet its script inserts
        tab.keyboard.type("Interpol")
        tab.wait_for_timeout(1000)
        assert violations(tab) == []
