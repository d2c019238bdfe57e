"""Incremental builds give the site a clean full build gives, byte for byte (issue 11).

A Hypothesis state machine applies random sequences of edits to a synthetic site of 30
stories; after each edit it runs `build.py build` (incremental: the build cache in
.cache/explainer/ and the previous site) and compares every file of site/ (HTML, search index,
sitemap, data exports, assets) with a clean full build of the same content in another folder.
A few examples run by default, so `make test` stays quick; run it longer with

    EXPLAINER_PROPERTY_EXAMPLES=40 .venv/bin/python -m pytest tests/test_incremental_site.py

Then the cache itself, which must never be trusted: one from another checkout, damaged files,
a build killed half-way, a failed build; and the preview server's rebuilds into one folder.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, precondition, rule, run_state_machine_as_test

from benchmarks.synthetic import (
    PLACES,
    Shape,
    edit_quote,
    make_project,
    paint_portrait,
    write_story,
)
from explainer.build.cache import FOLDER, KEPT_SUBFOLDERS
from explainer.pipeline import PICTURE_CACHE

from .conftest import REPO, site_template

pytestmark = pytest.mark.engine

SHAPE = Shape(stories=30, people=30, organisations=4)
EXAMPLES = int(os.environ.get("EXPLAINER_PROPERTY_EXAMPLES", "3"))
STEPS = int(os.environ.get("EXPLAINER_PROPERTY_STEPS", "3"))


def build(root: Path, *options: str, cache: bool = True, status: int = 0) -> str:
    """`build.py build` in its own process, as an editor runs it; returns its output."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("EXPLAINER_PAGES_READY", None)
    env.pop("EXPLAINER_CACHE", None)
    if not cache:
        env["EXPLAINER_CACHE"] = "off"
    result = subprocess.run([sys.executable, str(REPO / "build.py"), "--root", str(root),
                             "build", *options], capture_output=True, text=True, env=env,
                            timeout=600, check=False)
    assert result.returncode == status, result.stdout + result.stderr
    return result.stderr


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def assert_same_site(built: Path, reference: Path) -> None:
    ours, theirs = files_of(built), files_of(reference)
    missing = sorted(set(theirs) - set(ours))
    extra = sorted(set(ours) - set(theirs))
    differ = sorted(p for p in set(ours) & set(theirs) if ours[p] != theirs[p])
    assert not (missing or extra or differ), (
        f"incremental build differs from a clean one: missing {missing[:5]}, extra "
        f"{extra[:5]}, different {differ[:5]}")


def clean_build_of(root: Path, reference: Path) -> Path:
    """A clean full build (no cache at all) of `root`'s content, in `reference`."""
    shutil.rmtree(reference, ignore_errors=True)
    reference.mkdir(parents=True)
    for name in ("content", "templates"):
        shutil.copytree(root / name, reference / name)
    shutil.copy(root / "mkdocs.yml", reference / "mkdocs.yml")
    (reference / "generated").mkdir()
    build(reference, "--clean", cache=False)
    return reference / "site"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    """A synthetic project, built once (cache warm), and a snapshot of it to start from."""
    base = tmp_path_factory.mktemp("incremental")
    work = make_project(base / "project", SHAPE, REPO)
    (work / "generated").mkdir()
    build(work)
    snapshot = base / "snapshot"
    shutil.copytree(work, snapshot, symlinks=True)
    yield work, snapshot


def restore(work: Path, snapshot: Path) -> None:
    """The project as first built, at the same path (the cache belongs to that checkout)."""
    shutil.rmtree(work)
    shutil.copytree(snapshot, work, symlinks=True)


def people_of(root: Path) -> list[tuple[str, str]]:
    people = []
    for path in sorted((root / "content/people").glob("*.md")):
        name = re.search(r"^name: (.*)$", path.read_text(), re.MULTILINE)
        assert name is not None
        people.append((path.stem, name.group(1)))
    return people


def speakers_of(root: Path) -> list[str]:
    found = set()
    for facts in (root / "content/stories").glob("*/facts.yaml"):
        found.update(re.findall(r"speaker: (\S+)", facts.read_text()))
    return sorted(found)


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_incremental_builds_equal_clean_builds(built: tuple[Path, Path]) -> None:
    work, snapshot = built
    reference = work.parent / "reference"

    class Edits(RuleBasedStateMachine):
        """Each rule edits the project; every edit is followed by an incremental build that
        must equal a clean full build of the same content."""

        def __init__(self) -> None:
            super().__init__()
            restore(work, snapshot)
            self.count = 0
            self.notice = ""  # a notice the next build must print

        def check(self, reused: str = "") -> None:
            """Build; `reused`: "most" (the edit touches a few pages, the rest must come from
            the cache) or "none" (everything must be rendered again)."""
            self.count += 1
            output = build(work)
            if self.notice:
                assert self.notice in output, output
                self.notice = ""
            found = re.search(r"\(([\d,]+) of ([\d,]+) pages from the build cache\)", output)
            assert found is not None, output
            taken, total = (int(n.replace(",", "")) for n in found.groups())
            if reused == "most":
                assert taken >= 0.8 * total, output
            elif reused == "none":
                assert taken == 0, output
            assert_same_site(work / "site", clean_build_of(work, reference))

        def stories(self) -> list[Path]:
            return sorted(p for p in (work / "content/stories").iterdir() if p.is_dir())

        @rule(number=st.integers(0, 40))
        def change_a_quote(self, number: int) -> None:
            edit_quote(work, number, f"q{self.count}").apply()
            self.check(reused="most")

        @rule(seed=st.integers(0, 1000))
        def add_a_story(self, seed: int) -> None:
            number = 100 + self.count
            write_story(work / "content", number, SHAPE, people_of(work), random.Random(seed))
            self.check(reused="most")

        @precondition(lambda self: len(self.stories()) > 2)
        @rule(number=st.integers(0, 40))
        def delete_a_story(self, number: int) -> None:
            stories = self.stories()
            shutil.rmtree(stories[number % len(stories)])
            self.check(reused="most")

        @rule(number=st.integers(0, 40))
        def rename_a_person(self, number: int) -> None:
            speakers = speakers_of(work)
            old = speakers[number % len(speakers)]
            new = f"{old}-r{self.count}"
            (work / f"content/people/{old}.md").rename(work / f"content/people/{new}.md")
            for facts in (work / "content/stories").glob("*/facts.yaml"):
                text = facts.read_text()
                text = re.sub(rf"(speaker|person): {re.escape(old)}\n", rf"\1: {new}\n", text)
                facts.write_text(text)
            self.check()

        @rule(number=st.integers(0, 40), shade=st.integers(0, 255))
        def paint_a_portrait(self, number: int, shade: int) -> None:
            # resized portraits, the person's share card and every page showing them; after
            # the first time only the picture file changes
            speakers = speakers_of(work)
            paint_portrait(work / f"content/people/{speakers[number % len(speakers)]}.md", shade)
            self.check(reused="most")

        @rule()
        def change_a_template(self) -> None:
            template = site_template(work, "pages/person.md.j2")
            text = template.read_text()
            template.write_text(text.replace("## Roles held", "## Posts") if "## Roles held"
                                in text else text.replace("## Roles", "## Roles held"))
            self.check()

        @rule()
        def change_mkdocs_yml(self) -> None:
            config = work / "mkdocs.yml"
            text = re.sub(r"\ncopyright: .*", "", config.read_text())
            config.write_text(text + f"\ncopyright: Edition {self.count}\n")
            self.check(reused="none")

        @rule()
        def change_the_site_title(self) -> None:
            site = work / "content/site.yaml"
            site.write_text(re.sub(r"^title: .*$", f"title: Explainers {self.count}",
                                   site.read_text(), flags=re.MULTILINE))
            self.check(reused="none")

        @rule()
        def change_a_css_asset(self) -> None:
            css = site_template(work, "assets/explainer.css")
            css.write_text(css.read_text() + f"/* edit {self.count} */\n")
            self.check(reused="most")

        @rule(place=st.sampled_from(PLACES))
        def add_a_glossary_term(self, place: str) -> None:
            # place names appear in many paragraphs: tooltips on many pages
            glossary = work / "content/glossary.yaml"
            text = re.sub(rf"- term: {place}\n  expansion: .*\n", "", glossary.read_text())
            glossary.write_text(text + f"- term: {place}\n  expansion: town {self.count}\n")
            self.check()

        @rule()
        def change_the_engine_version(self) -> None:
            stamp = work / ".cache/explainer/STAMP"
            data = json.loads(stamp.read_text())
            installed = data["environment"]["distributions"]
            data["environment"]["distributions"] = re.sub(r"(^|;)mkdocs-[^;]*",
                                                          r"\1mkdocs-0.0.1", installed)
            assert data["environment"]["distributions"] != installed
            stamp.write_text(json.dumps(data))
            self.notice = "build cache .cache/explainer ignored: it was written with other " \
                          "installed packages (mkdocs 0.0.1 -> "
            self.check(reused="none")

    run_state_machine_as_test(Edits, settings=settings(
        max_examples=EXAMPLES, stateful_step_count=STEPS, deadline=None, database=None,
        suppress_health_check=list(HealthCheck)))


# ---------------------------------------------------------------------- the cache, distrusted
@pytest.fixture
def project(built: tuple[Path, Path]) -> Path:
    work, snapshot = built
    restore(work, snapshot)
    return work


def test_a_cache_from_another_checkout_is_ignored(project: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    shutil.copytree(project, other, symlinks=True)
    edit_quote(other, 3, "moved").apply()
    pictures = other.joinpath(*PICTURE_CACHE)
    drawn = sorted(p.name for p in pictures.rglob("*") if p.is_file())
    assert drawn and Path(*PICTURE_CACHE) == FOLDER / KEPT_SUBFOLDERS[0]
    output = build(other)
    assert "it was made for another checkout" in output
    assert output.count("notice:") == 1  # one line, not one per file or page
    # the pictures, keyed by what they are drawn from, are kept (not drawn again): only the
    # edited quote's card is drawn anew (and its old one dropped as unused)
    kept = {p.name for p in pictures.rglob("*") if p.is_file()}
    assert len(set(drawn) - kept) == 1 and len(kept - set(drawn)) == 1
    assert_same_site(other / "site", clean_build_of(other, tmp_path / "reference"))


def test_damaged_cache_files_are_ignored(project: Path, tmp_path: Path) -> None:
    cache = project / ".cache/explainer"
    index = next(cache.glob("engine-*.json"))
    index.write_bytes(index.read_bytes()[:1000])  # truncated
    blobs = sorted(p for p in (cache / "blobs").rglob("*") if p.is_file())
    blobs[0].write_bytes(blobs[0].read_bytes()[:-10] + b"0123456789")  # same size, altered
    (cache / "generated.json").write_bytes(b"explainer-cache 1 0 0\n")  # a partial write
    edit_quote(project, 5, "damaged").apply()
    output = build(project)
    assert "damaged file in the build cache ignored (.cache/explainer/engine-" in output
    assert "damaged file in the build cache ignored (.cache/explainer/generated.json)" in output
    assert_same_site(project / "site", clean_build_of(project, tmp_path / "reference"))
    again = build(project)  # the cache was rebuilt: no notice now
    assert "notice:" not in again
    assert_same_site(project / "site", tmp_path / "reference" / "site")


def test_a_build_killed_half_way_leaves_the_site_and_a_usable_cache(
        project: Path, tmp_path: Path) -> None:
    before = files_of(project / "site")
    for number in range(12):  # enough work for the engine to be busy when it is killed
        edit_quote(project, number, "killed").apply()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("EXPLAINER_CACHE", None)
    process = subprocess.Popen([sys.executable, str(REPO / "build.py"), "--root", str(project),
                                "build"], env=env, start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    engine_started = False
    while time.monotonic() < deadline and process.poll() is None:
        children = subprocess.run(["pgrep", "-g", str(process.pid), "-f", "mkdocs build"],
                                  capture_output=True, text=True, check=False).stdout
        if children.strip():
            engine_started = True
            time.sleep(0.5)  # into the engine's work: pages written, blobs stored
            break
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert engine_started, "the build finished before it could be killed"
    assert files_of(project / "site") == before  # the published site is untouched
    build(project)
    assert_same_site(project / "site", clean_build_of(project, tmp_path / "reference"))


def test_an_anchor_broken_by_an_edit_fails_the_build_as_a_clean_build_fails(
        project: Path, tmp_path: Path) -> None:
    """Story source pages (reused: their Markdown does not change) link to their speakers'
    roles; a template edit removes that anchor from the profiles."""
    replace_in(site_template(project, "pages/person.md.j2"), "{: #roles }", "{: #posts }")
    incremental = build(project, status=3)
    reference = tmp_path / "reference"
    shutil.copytree(project, reference, ignore=shutil.ignore_patterns(".cache", "site",
                                                                        ".site-previous"))
    clean = build(reference, "--clean", cache=False, status=3)
    broken = sorted(set(re.findall(r"contains a link '([^']+#roles)'", clean)))
    assert broken and broken == sorted(set(re.findall(r"contains a link '([^']+#roles)'",
                                                      incremental)))


def test_a_failed_engine_build_keeps_the_site_and_the_next_one_recovers(
        project: Path, tmp_path: Path) -> None:
    before = files_of(project / "site")
    override = site_template(project, "overrides/main.html")
    good = override.read_text()
    override.write_text(good + "{% if %}\n")  # a template error: the engine fails
    edit_quote(project, 7, "failed").apply()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("EXPLAINER_CACHE", None)
    result = subprocess.run([sys.executable, str(REPO / "build.py"), "--root", str(project),
                             "build"], capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 3, result.stderr
    assert files_of(project / "site") == before
    override.write_text(good)
    build(project)
    assert_same_site(project / "site", clean_build_of(project, tmp_path / "reference"))


def test_preview_rebuilds_into_one_folder_equal_fresh_builds(
        project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    """What `build.py serve` runs: MkDocs' dirty rebuilds into one folder, in one process
    (the plugin keeps what the folder holds in memory), each equal to a fresh build."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1600000000")
    monkeypatch.delenv("EXPLAINER_PAGES_READY", raising=False)
    url = "http://127.0.0.1:8000/"

    def serve_build(site_dir: Path, dirty: bool) -> None:
        config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site_dir))
        config.site_url = url
        config.plugins.on_startup(command="serve", dirty=dirty)
        mkdocs_build(config, serve_url=url, dirty=dirty)

    served = tmp_path / "served"
    served.mkdir()
    edits = [lambda: edit_quote(project, 2, "served").apply(),
             lambda: shutil.rmtree(sorted((project / "content/stories").iterdir())[4]),
             lambda: replace_in(site_template(project, "pages/person.md.j2"), "## Roles",
                                "## Roles held")]
    serve_build(served, dirty=True)
    for number, edit in enumerate(edits):
        edit()
        caplog.clear()
        with caplog.at_level("INFO", logger="mkdocs.plugins.explainer"):
            serve_build(served, dirty=True)
        reused = re.search(r"explainer: (\d+) of (\d+) pages reused", caplog.text)
        assert reused is not None and int(reused[1]) >= 0.8 * int(reused[2]), caplog.text
        fresh = tmp_path / f"fresh-{number}"
        monkeypatch.setenv("EXPLAINER_CACHE", "off")
        serve_build(fresh, dirty=False)
        monkeypatch.delenv("EXPLAINER_CACHE")
        assert_same_site(served, fresh)
