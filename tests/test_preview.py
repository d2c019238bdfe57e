"""Live preview with a real `mkdocs serve`: edits show up, errors show a banner, idle is idle."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from explainer.cli.main import main

from .conftest import MINIMAL, copy_project
from .preview_server import mkdocs_serve

pytestmark = pytest.mark.engine
QUOTES = "stories/sample/quotes/"


def test_edit_error_recovery_and_no_idle_rebuilds(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project", MINIMAL)
    assert main(["--root", str(root), "generate"]) == 0  # as `make serve` does
    facts = root / "content/stories/sample/facts.yaml"
    article = root / "content/stories/sample/article.md"
    with mkdocs_serve(root) as preview:
        assert "It took five years to build this bridge" in preview.fetch(QUOTES)

        # Idle: no rebuild at all (generated pages are never written into the watched folder).
        settled = preview.builds()
        time.sleep(3)
        assert preview.builds() == settled

        # An edit to a quote (and its article, saved together) shows up after one rebuild.
        before = preview.builds()
        article.write_text(article.read_text().replace("five years", "six years"))
        facts.write_text(facts.read_text().replace("It took five years", "It took six years"))
        page = preview.wait_for(QUOTES, lambda p: "It took six years to build this bridge" in p)
        assert "It took five years to build this bridge" not in page
        time.sleep(2)
        assert preview.builds() == before + 1, "two files saved together: one rebuild"

        # A content error keeps the server up and says what is wrong on the page.
        facts.write_text(facts.read_text().replace("speaker: jane-doe", "speaker: jane-do", 1))
        page = preview.wait_for(QUOTES, lambda p: "Content errors" in p)
        assert "content/stories/sample/facts.yaml:13:14" in page
        assert "unknown speaker" in page

        # The next good save restores the site.
        facts.write_text(facts.read_text().replace("speaker: jane-do\n", "speaker: jane-doe\n"))
        preview.wait_for(QUOTES, lambda p: "Content errors" not in p and "six years" in p)

        # And idle again: one rebuild per save, none after.
        settled = preview.builds()
        time.sleep(3)
        assert preview.builds() == settled
