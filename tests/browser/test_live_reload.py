"""`mkdocs serve --livereload`: the open page reloads by itself after an edit is saved."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from explainer.cli.main import main

from ..conftest import MINIMAL, copy_project
from ..preview_server import mkdocs_serve


def test_the_browser_reloads_after_a_save(browser: Any, tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project", MINIMAL)
    assert main(["--root", str(root), "generate"]) == 0
    facts = root / "content/stories/sample/facts.yaml"
    with mkdocs_serve(root) as preview:
        page = browser.new_page()
        page.goto(preview.url + "stories/sample/")
        heading = page.locator("h2#summary + p")
        assert "took five years to build" in heading.inner_text()
        page.evaluate("window.__not_reloaded = true")
        facts.write_text(facts.read_text().replace(
            "summary: Sampletown opened a bridge that took five years to build.",
            "summary: Sampletown opened its new bridge to traffic."))
        page.wait_for_function(  # a function: the page's policy forbids eval of a string
            "() => document.querySelector('h2#summary + p')?.innerText.includes('to traffic')",
            timeout=30_000)
        assert page.evaluate("window.__not_reloaded === undefined"), "the page itself reloaded"
        page.close()
