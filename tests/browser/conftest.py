from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from explainer.cli.main import main

from ..conftest import copy_seed_project
from .support import CHROMIUM_ARGS, chromium_path, serve

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    executable = chromium_path()
    if executable is None:
        if os.environ.get("EXPLAINER_REQUIRE_BROWSER") == "1":
            pytest.fail("Chromium is required (EXPLAINER_REQUIRE_BROWSER=1) but not installed")
        pytest.skip("Chromium not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_seed_project(tmp_path_factory.mktemp("browser") / "project")
    assert main(["--root", str(root), "build"]) == 0
    return root / "site"


@pytest.fixture(scope="session")
def base_url(seed_site: Path) -> Iterator[str]:
    with serve(seed_site) as url:
        yield url


@pytest.fixture
def page(browser: Any, base_url: str) -> Iterator[Any]:
    """A fresh page that records console errors and any request leaving the machine."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.console_errors = []
    tab.outside_requests = []
    tab.on("console", lambda m: tab.console_errors.append(m.text) if m.type == "error" else None)
    tab.on("request", lambda r: None if r.url.startswith(base_url) or r.url.startswith("data:")
           else tab.outside_requests.append(r.url))
    yield tab
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
