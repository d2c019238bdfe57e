"""Hostile content in a real browser: no injected script runs on any page of the site."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from ..test_hostile import build_inert_site
from .support import serve


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[str]]]:
    site = build_inert_site(tmp_path_factory.mktemp("hostile-browser") / "project")
    pages = sorted(str(p.parent.relative_to(site)) + "/" for p in site.rglob("index.html"))
    with serve(site) as url:
        yield url, [p.removeprefix("./") for p in pages]


def test_no_injected_script_runs_on_any_page(browser: Any,
                                             hostile_url: tuple[str, list[str]]) -> None:
    url, pages = hostile_url
    assert len(pages) > 10
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for path in pages:
        page.goto(url + path)
        page.wait_for_load_state("load")
        for element in page.locator("a.cite, abbr, mark").all()[:20]:
            element.hover()  # event-handler injections would fire here
        assert page.evaluate("typeof window.__pwned") == "undefined", f"script ran on {path}"
    assert dialogs == []
    page.close()
