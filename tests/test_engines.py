"""Every engine builds the same site: MkDocs + Material, ProperDocs + Material, Zensical.

Each engine builds the seed story in its own project copy; the sites must hold the same pages
and the same key content, the title and description from content/site.yaml (which Zensical,
running no hooks, gets from the effective config), and each engine's builds must be
byte-identical. The intended differences are listed in ENGINE_ONLY (README, "Engines").
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from explainer.build.engine import ENGINES, effective_config, site_settings
from explainer.cli.main import main
from explainer.project import Project

from .conftest import REPO, SEED_STORY, copy_seed_project, site_template
from .html import page, squash, text_of

pytestmark = pytest.mark.engine

STORY = SEED_STORY
FACTS = yaml.safe_load((REPO / f"content/stories/{STORY}/facts.yaml").read_text())
ARTICLE = yaml.safe_load((REPO / f"content/stories/{STORY}/article.md").read_text()
                         .split("---")[1])
SITE = yaml.safe_load((REPO / "content/site.yaml").read_text())

# Files only some engines write (theme bundles under assets/javascripts|stylesheets aside):
# each engine's own search index, and the gzipped sitemap MkDocs writes beside sitemap.xml.
ENGINE_ONLY = {
    "mkdocs": {"search/search_index.json", "sitemap.xml.gz"},
    "properdocs": {"search/search_index.json", "sitemap.xml.gz"},
    "zensical": {"search.json"},
}
THEME_ASSETS = ("assets/javascripts/", "assets/stylesheets/")


def seed_project(destination: Path) -> Path:
    """The seed project (`copy_seed_project`) with a mkdocs.yml `site_name` that differs from
    content/site.yaml's title, so the title shows that site.yaml reached the engine (through
    the hook, or through the effective config where hooks do not run)."""
    copy_seed_project(destination)
    config = destination / "mkdocs.yml"
    text, count = re.subn(r"(?m)^site_name:.*$", "site_name: Placeholder, not the title",
                          config.read_text(encoding="utf-8"))
    assert count == 1
    config.write_text(text, encoding="utf-8")
    return destination


def build(root: Path, engine: str) -> Path:
    assert main(["--root", str(root), "build", "--engine", engine]) == 0
    return root / "site"


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("engines")
    return {engine: build(seed_project(base / engine), engine) for engine in ENGINES}


def files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def tree_digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_every_engine_builds_the_same_pages(sites: dict[str, Path]) -> None:
    pages = {engine: {p for p in files(site) if p.endswith("index.html")}
             for engine, site in sites.items()}
    assert pages["mkdocs"] >= {"index.html", f"stories/{STORY}/index.html",
                               f"stories/{STORY}/source/index.html", "people/index.html"}
    for engine in ENGINES:
        assert pages[engine] == pages["mkdocs"], engine


def test_the_other_files_differ_only_as_documented(sites: dict[str, Path]) -> None:
    rest = {engine: {p for p in files(site) if not p.startswith(THEME_ASSETS)}
            for engine, site in sites.items()}
    for engine in ENGINES:
        assert rest[engine] >= ENGINE_ONLY[engine] | {"404.html", "sitemap.xml",
                                                      "assets/explainer.css"}, engine
        assert rest[engine] - ENGINE_ONLY[engine] == rest["mkdocs"] - ENGINE_ONLY["mkdocs"]
        for index in ENGINE_ONLY[engine] - {"sitemap.xml.gz"}:
            assert "We comply with international privacy rules" in (
                sites[engine] / index).read_text(encoding="utf-8"), f"{engine}: {index}"


def test_properdocs_builds_the_mkdocs_site_but_for_the_generator_tag(
        sites: dict[str, Path]) -> None:
    generator = re.compile(rb'<meta name="generator" content="[^"]*">')
    mkdocs, properdocs = tree_digest(sites["mkdocs"]), tree_digest(sites["properdocs"])
    assert mkdocs.keys() == properdocs.keys()
    differing = [path for path in mkdocs if mkdocs[path] != properdocs[path]]
    assert differing and all(path.endswith(".html") for path in differing)
    for path in differing:
        assert (generator.sub(b"", (sites["mkdocs"] / path).read_bytes())
                == generator.sub(b"", (sites["properdocs"] / path).read_bytes())), path


@pytest.mark.parametrize("engine", ENGINES)
def test_key_content_in_every_engine(sites: dict[str, Path], engine: str) -> None:
    site = sites[engine]
    overview = page(site, f"stories/{STORY}")
    assert text_of(overview.find("h1")) == ARTICLE["headline"]

    anonymous = {s["id"] for s in FACTS["anonymous_sources"]}
    speakers = sorted({q["speaker"] for q in FACTS["quotes"]} - anonymous)
    assert speakers
    for person in speakers:
        front = yaml.safe_load((REPO / f"content/people/{person}.md").read_text().split("---")[1])
        assert text_of(page(site, f"people/{person}").find("h1")) == front["name"], person

    direct = next(q for q in FACTS["quotes"] if q["kind"] == "direct" and q["speaker"] in speakers)
    profile = page(site, f"people/{direct['speaker']}")
    figure = profile.find(id=f"{STORY}-{direct['id']}")
    assert figure is not None
    assert squash(direct["text"]) in text_of(figure.find("blockquote"))

    timeline = page(site, f"stories/{STORY}/timeline")
    assert timeline.find("time", attrs={"datetime": "2016-09-19"}) is not None

    source = page(site, f"stories/{STORY}/source")
    assert source.find("abbr", attrs={"title": "Islamic State of Iraq and the Levant"})

    links = figure.select("a.cite")
    assert links
    for link in links:
        paragraph_id, preview = link["title"].split(": ", 1)
        assert link["href"].endswith(f"/stories/{STORY}/source/#{paragraph_id}")
        assert preview in text_of(source.find(id=paragraph_id))

    description = squash(SITE["description"])
    for html in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        where = html.relative_to(site).as_posix()
        title = text_of(soup.find("title"))
        assert title == SITE["title"] or title.endswith(f" - {SITE['title']}"), (where, title)
        assert soup.html["lang"] == SITE["language"], where
        if where != "404.html":
            meta = soup.find("meta", attrs={"name": "description"})
            assert meta is not None and meta["content"], where
    people = page(site, "people").find("meta", attrs={"name": "description"})
    assert people["content"] == description  # site_description, from content/site.yaml


@pytest.mark.parametrize("engine", ENGINES)
def test_builds_are_byte_identical(sites: dict[str, Path], engine: str,
                                   tmp_path: Path) -> None:
    root = seed_project(tmp_path / "again")
    assert tree_digest(build(root, engine)) == tree_digest(sites[engine])
    # a rebuild from the cache (ours in .cache/explainer/, Zensical's own in .cache/) gives the
    # same bytes; .cache/ also holds the drawn pictures
    assert (root / ".cache").is_dir()
    assert tree_digest(build(root, engine)) == tree_digest(sites[engine])
    kept = [".cache", ".site-previous"] if engine != "zensical" else [".cache"]
    assert sorted(p.name for p in root.iterdir() if p.name.startswith(".")) == kept, \
        "no staging folder or config is left (MkDocs' builds keep the previous site to update)"


def test_zensical_gets_the_plugins_settings_from_an_effective_config(tmp_path: Path) -> None:
    project = Project.at(seed_project(tmp_path / "project"))
    staging = project.root / ".site-building-x"
    overrides = project.root / ".explainer-overrides-x"
    settings = site_settings(project)
    assert settings["site_name"] == SITE["title"]
    # mkdocs.yml has the extensions and the navigation; the assets come from the plugin
    assert effective_config(project, staging, overrides) == {
        "INHERIT": "mkdocs.yml",
        "site_dir": ".site-building-x",
        "site_name": SITE["title"],
        "site_description": squash(SITE["description"]),
        "extra_css": ["assets/explainer.css"],
        "extra_javascript": ["assets/explainer.js"],
        "theme": {"language": "en", "variant": "classic",
                  "custom_dir": ".explainer-overrides-x"},
    }
    # a bare mkdocs.yml gets everything the pages need, once
    (project.root / "mkdocs.yml").write_text(
        "site_name: x\ntheme:\n  name: material\n  variant: modern\n"
        "markdown_extensions:\n  - toc:\n      permalink: false\n  - abbr\n"
        "plugins:\n  - search\n  - explainer\n")
    config = effective_config(project, staging, None)
    assert config["markdown_extensions"] == [
        "admonition", "attr_list", "def_list", "md_in_html", "tables", "pymdownx.escapeall",
        "pymdownx.superfences"]
    assert config["nav"][0] == {"Home": "index.md"} and len(config["nav"]) == 8
    assert config["theme"] == {"language": "en"}
    assert "edit_uri" not in config
    # Zensical would point edit links into the generated folder: none is better
    with (project.root / "mkdocs.yml").open("a") as stream:
        stream.write("repo_url: https://github.com/example/news\nedit_uri: edit/main/\n")
    assert effective_config(project, staging, None)["edit_uri"] == ""


def test_zensical_gets_one_folder_of_theme_overrides(tmp_path: Path) -> None:
    from explainer.build.engine import merged_overrides
    from explainer.project import PACKAGE_TEMPLATES

    project = Project.at(seed_project(tmp_path / "project"))
    ours = site_template(project.root, "overrides/main.html")
    ours.write_text("{% extends 'base.html' %}{# the site's #}")
    (project.root / "templates/overrides/partials").mkdir()
    (project.root / "templates/overrides/partials/extra.html").write_text("site")
    merged = merged_overrides(project, tmp_path / "merged")
    assert merged is not None
    names = sorted(p.relative_to(merged).as_posix() for p in merged.rglob("*") if p.is_file())
    package = sorted(p.relative_to(PACKAGE_TEMPLATES / "overrides").as_posix()
                     for p in (PACKAGE_TEMPLATES / "overrides").rglob("*") if p.is_file())
    assert names == sorted({*package, "partials/extra.html"})
    assert (merged / "main.html").read_text() == ours.read_text()


def test_a_failed_zensical_build_leaves_the_previous_site(
        minimal_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = tree_digest(build(minimal_project, "zensical"))
    template = site_template(minimal_project, "pages/glossary.md.j2")
    template.write_text(template.read_text() + "\n[broken](no-such-page.md)\n")
    capsys.readouterr()
    assert main(["--root", str(minimal_project), "build", "--engine", "zensical"]) == 3
    err = capsys.readouterr().err
    assert "no-such-page.md" in err and "page does not exist" in err
    assert "Traceback" not in err and "\x1b[" not in err
    assert tree_digest(minimal_project / "site") == before
    assert not list(minimal_project.glob(".site-*"))
    assert not list(minimal_project.glob(".explainer-engine-*"))


@pytest.mark.parametrize("engine", ["properdocs", "zensical"])
def test_a_missing_engine_says_what_to_install(
        minimal_project: Path, engine: str, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, engine, None)  # as if not installed
    assert main(["--root", str(minimal_project), "build", "--engine", engine]) == 3
    err = capsys.readouterr().err
    assert f"engine '{engine}'" in err and "is not installed" in err
    assert re.search(rf"pip install .*\b{engine}==\d", err), err
    assert "make" in err and "Traceback" not in err
    assert not (minimal_project / "site").exists()
    assert not (minimal_project / "generated").exists(), "nothing is generated"
