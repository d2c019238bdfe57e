"""Hostile content: every piece of it either gives a clear `path:line:col` error (cases in
tests/fixtures/errors/hostile-*.yaml) or builds and shows literally, never running as HTML,
JavaScript or Jinja (tests/fixtures/hostile/inert.yaml; the browser test loads those pages)."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from explainer.cli.main import main

from .conftest import MINIMAL, copy_project
from .test_errors import apply_case

pytestmark = pytest.mark.engine
INERT = yaml.safe_load((Path(__file__).parent / "fixtures/hostile/inert.yaml").read_text())
HOSTILE_ERRORS = sorted((Path(__file__).parent / "fixtures/errors").glob("hostile-*.yaml"))


def build_inert_site(root: Path) -> Path:
    copy_project(root, MINIMAL)
    apply_case(root, INERT)
    assert main(["--root", str(root), "check"]) == 0
    assert main(["--root", str(root), "build"]) == 0
    return root / "site"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_inert_site(tmp_path_factory.mktemp("hostile") / "project")


def test_hostile_text_shows_literally(site: Path) -> None:
    for page, texts in INERT["literal"].items():
        soup = BeautifulSoup((site / page / "index.html").read_text(), "html.parser")
        for node in soup(["script", "style"]):
            node.decompose()
        shown = " ".join(soup.get_text().split())
        for text in texts:
            assert " ".join(text.split()) in shown, f"{page}: {text!r} is not shown as text"


def test_nothing_injected_anywhere(site: Path) -> None:
    for path in site.rglob("*.html"):
        soup = BeautifulSoup(path.read_text(), "html.parser")
        for script in soup.find_all("script"):
            assert "__pwned" not in (script.string or "") or script.get("type") == \
                "application/ld+json", f"{path}: an injected script"
        for element in soup.find_all(True):
            for name, value in element.attrs.items():
                assert not name.startswith("on"), f"{path}: event handler {name}={value!r}"
                if name in ("href", "src", "action", "formaction"):
                    assert not str(value).strip().lower().startswith(("javascript:", "data:")), \
                        f"{path}: {name}={value!r}"
        assert "49" not in re.findall(r"\{\{ 7\*7 \}\}|49", soup.get_text()) or \
            "{{ 7*7 }}" in soup.get_text()


def test_pictures_show_hostile_text_as_text(site: Path) -> None:
    """An event title and a figure's counts that are markup, drawn into the inline SVG."""
    for page, wanted in (("stories/sample/timeline", INERT["edits"][3]["replace"]),
                         ("stories/sample/figures", INERT["edits"][4]["replace"])):
        soup = BeautifulSoup((site / page / "index.html").read_text(), "html.parser")
        figure = soup.select_one("figure.pic")
        assert figure is not None and figure.find("script") is None
        labels = ["".join(t.get_text() for t in text.select("tspan:not(.pic-tag)"))
                  for text in figure.select("text.pic-label")]
        text = yaml.safe_load(wanted.split(": ", 1)[1])
        assert any(text in label for label in labels), (page, labels)


def test_json_ld_cannot_close_its_script(site: Path) -> None:
    html = (site / "stories/sample/index.html").read_text()
    block = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in block and "window.__pwned=6" in block


def test_share_metadata_holds_hostile_text_as_text(site: Path) -> None:
    soup = BeautifulSoup((site / "stories/sample/index.html").read_text(), "html.parser")
    headline = ("Sampletown {{ 7*7 }} {% include 'home.md.j2' %} "
                "</script><script>window.__pwned=6</script> opens")
    for key, name in (("property", "og:title"), ("name", "twitter:title"),
                      ("property", "og:image:alt")):
        tag = soup.find("meta", attrs={key: name})
        assert tag is not None and tag["content"] == headline, name
    assert len(soup.find_all("meta", attrs={"property": "og:title"})) == 1
    profile = BeautifulSoup((site / "people/evil-name/index.html").read_text(), "html.parser")
    title = profile.find("meta", attrs={"property": "og:title"})
    assert title is not None and title["content"].startswith("<img src=x onerror=")


@pytest.mark.parametrize("case", HOSTILE_ERRORS, ids=[c.stem for c in HOSTILE_ERRORS])
def test_hostile_errors_fail_the_build_cleanly(case: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_project(tmp_path / "project", MINIMAL)
    apply_case(root, yaml.safe_load(case.read_text()))
    started = time.perf_counter()
    assert main(["--root", str(root), "build"]) == 1
    assert time.perf_counter() - started < 20, "bounded time"
    err = capsys.readouterr().err
    assert "Traceback" not in err and ": error: " in err
    assert not (root / "site").exists()
