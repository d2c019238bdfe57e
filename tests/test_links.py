"""No broken internal link or anchor anywhere in the built site (every story, every page)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

import pytest
from bs4 import BeautifulSoup

from explainer.cli.main import main

from .conftest import copy_project

pytestmark = pytest.mark.engine


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("links") / "project")
    assert main(["--root", str(root), "build"]) == 0
    return root / "site"


def target_file(site: Path, page: Path, href: str) -> Path | None:
    path = unquote(urlsplit(href).path)
    if not path:
        return page
    resolved = (page.parent / path).resolve() if not path.startswith("/") else site / path[1:]
    if resolved.is_dir():
        resolved = resolved / "index.html"
    return resolved


def test_every_internal_link_and_anchor_resolves(site: Path) -> None:
    ids: dict[Path, set[str]] = {}
    broken: list[str] = []
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 100

    def anchors(path: Path) -> set[str]:
        if path not in ids:
            soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            ids[path] = {str(tag["id"]) for tag in soup.find_all(id=True)} | \
                {str(tag["name"]) for tag in soup.find_all("a", attrs={"name": True})}
        return ids[path]

    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for element in soup.find_all(["a", "link", "script", "img"]):
            href = element.get("href") or element.get("src")
            if not href or urlsplit(str(href)).scheme in ("http", "https", "mailto", "data"):
                continue
            url, fragment = urldefrag(str(href))
            target = target_file(site, page, url)
            label = f"{page.relative_to(site)} -> {href}"
            if target is None or not target.exists():
                broken.append(f"{label}: no such file")
            elif fragment and target.suffix == ".html" and not fragment.startswith(":~:") \
                    and unquote(fragment) not in anchors(target):
                broken.append(f"{label}: no anchor #{fragment}")
    assert broken == []
