"""`explainer init`: a new site that checks and builds at once, editor and CI files that work,
and nothing of the user's ever lost."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from fnmatch import fnmatch
from pathlib import Path

import pytest
import yaml

from explainer.build.writer import MARKER
from explainer.cli.main import main
from explainer.model.schemas import SCHEMAS
from explainer.scaffold import SITE_FILES, site_files

from .conftest import REPO

SITE_ESSENTIALS = [
    "mkdocs.yml", "README.md", ".gitignore", "requirements.txt", ".pre-commit-config.yaml",
    ".github/workflows/publish.yml", ".vscode/settings.json", ".vscode/extensions.json",
    "content/site.yaml", "content/glossary.yaml", f"generated/{MARKER}",
    *(f"schemas/{kind.file}" for kind in SCHEMAS),
]


def init(*args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = main(["init", *args])
    return status, capsys.readouterr().err


def mkdocs_build(site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=site,
                          capture_output=True, text=True, timeout=300, check=False)


def test_a_new_site_checks_and_builds_strict(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "city-hall"
    status, err = init(str(site), capsys=capsys)
    assert status == 0, err
    for name in SITE_ESSENTIALS:
        assert (site / name).is_file(), name
        assert f"created {site.as_posix()}/{name}" in err
    assert f"cd {site.as_posix()}" in err and "explainer serve" in err
    assert "explainer new my-story --from article.txt" in err
    assert yaml.safe_load((site / "content/site.yaml").read_text())["title"] == "City hall"
    assert main(["--root", str(site), "check", "--strict"]) == 0
    assert main(["--root", str(site), "build"]) == 0
    assert (site / "site/index.html").is_file()
    shutil.rmtree(site / "site")
    result = mkdocs_build(site)  # plain MkDocs: the plugin generates the pages in memory
    assert result.returncode == 0, result.stderr
    assert "City hall" in (site / "site/index.html").read_text(encoding="utf-8")


def test_the_example_site_is_clean_and_credits_its_story(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "example"
    status, err = init(str(site), "--example", "--title", "Our explainers", capsys=capsys)
    assert status == 0, err
    assert "CC BY 2.5" in err and "explainer new" not in err
    story = site / "content/stories/wikinews-afghan-robotics-team"
    assert (story / "article.md").is_file() and (story / "facts.yaml").is_file()
    for folder in ("people", "organisations", "places", "stories"):  # the example fills them
        assert not (site / "content" / folder / ".gitkeep").exists()
    assert main(["--root", str(site), "check", "--strict"]) == 0
    result = mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    page = (site / "site/stories/wikinews-afghan-robotics-team/index.html").read_text()
    assert "CC BY 2.5" in page and "Wikinews" in page
    assert "Our explainers" in page


def test_refuses_a_folder_with_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    status, err = init(str(tmp_path), capsys=capsys)
    assert status == 2 and "not empty" in err and "--force" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]
    (tmp_path / "file").write_text("", encoding="utf-8")
    assert init(str(tmp_path / "file"), capsys=capsys)[0] == 2


def test_a_folder_holding_only_a_git_repository_counts_as_empty(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / ".git").mkdir()
    assert init(str(tmp_path), capsys=capsys)[0] == 0
    assert (tmp_path / "mkdocs.yml").is_file()


def test_force_keeps_every_previous_file(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "site"
    assert init(str(site), capsys=capsys)[0] == 0
    (site / "mkdocs.yml").write_text("mine 1\n", encoding="utf-8")
    (site / "notes.txt").write_text("not ours\n", encoding="utf-8")
    status, err = init(str(site), "--force", capsys=capsys)
    assert status == 0
    assert (site / "mkdocs.yml.bak").read_text() == "mine 1\n"
    assert "kept as" in err and "mkdocs.yml.bak" in err
    assert "files were already as they should be" in err
    (site / "mkdocs.yml").write_text("mine 2\n", encoding="utf-8")
    assert init(str(site), "--force", capsys=capsys)[0] == 0
    assert (site / "mkdocs.yml.bak").read_text() == "mine 1\n"  # an earlier backup stays
    assert (site / "mkdocs.yml.bak.2").read_text() == "mine 2\n"
    assert (site / "notes.txt").read_text() == "not ours\n"
    assert (site / "mkdocs.yml").read_bytes() == site_files("Site", False)["mkdocs.yml"]


def test_a_title_is_data_in_every_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    title = 'Ünïcode: "quotes", #hash {{ 7*7 }} {% raw %}'
    site = tmp_path / "site"
    assert init(str(site), "--title", title, capsys=capsys)[0] == 0
    assert yaml.safe_load((site / "content/site.yaml").read_text())["title"] == title
    assert yaml.safe_load((site / "mkdocs.yml").read_text())["site_name"] == title
    assert (site / "README.md").read_text().startswith(f"# {title}\n")


def test_editor_settings_wire_the_schemas(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "site"
    assert init(str(site), "--example", capsys=capsys)[0] == 0
    settings = json.loads((site / ".vscode/settings.json").read_text())
    extensions = json.loads((site / ".vscode/extensions.json").read_text())
    assert extensions["recommendations"] == ["redhat.vscode-yaml"]
    wired = settings["yaml.schemas"]
    yaml_files = [p.relative_to(site).as_posix() for p in (site / "content").rglob("*.yaml")]
    for schema, globs in wired.items():
        assert (site / schema).is_file(), schema
        assert any(fnmatch(path, glob) for glob in globs for path in yaml_files), globs
    covered = {path for path in yaml_files
               if any(fnmatch(path, g) for globs in wired.values() for g in globs)}
    assert covered == set(yaml_files)  # every YAML content file gets its schema


def test_gitignore_keeps_the_sources_and_drops_what_the_build_makes(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    site = tmp_path / "site"
    assert init(str(site), "--example", capsys=capsys)[0] == 0
    assert main(["--root", str(site), "build"]) == 0
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    for command in (["init", "-q"], ["add", "-A"]):
        subprocess.run(["git", *command], cwd=site, check=True, env=env)
    tracked = subprocess.run(["git", "ls-files"], cwd=site, check=True, env=env,
                             capture_output=True, text=True).stdout.split()
    assert f"generated/{MARKER}" in tracked  # mkdocs needs docs_dir to exist in a fresh clone
    assert not [p for p in tracked if p.startswith("site/")
                or (p.startswith("generated/") and p != f"generated/{MARKER}")]
    assert set(site_files("x", True)) <= set(tracked)


def test_publishing_workflow_checks_builds_and_deploys() -> None:
    workflow = yaml.safe_load((SITE_FILES / "dot-github/workflows/publish.yml").read_text())
    build = workflow["jobs"]["build"]["steps"]
    runs = [step.get("run") for step in build]
    uses = [step.get("uses", "").split("@")[0] for step in build]
    assert runs.index("explainer check") < runs.index("explainer build")
    assert "actions/upload-pages-artifact" in uses
    upload = next(s for s in build if s.get("uses", "").startswith("actions/upload-pages"))
    assert upload["with"]["path"] == "site"
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")


@pytest.mark.parametrize("command, path", [
    ("validate-config", None),
    ("validate-manifest", REPO / ".pre-commit-hooks.yaml"),
])
def test_pre_commit_files_are_valid(tmp_path: Path, command: str, path: Path | None) -> None:
    if path is None:
        path = tmp_path / ".pre-commit-config.yaml"
        path.write_bytes(site_files("x", False)[".pre-commit-config.yaml"])
        hook = yaml.safe_load(path.read_text())["repos"][0]["hooks"][0]
    else:
        hook = yaml.safe_load(path.read_text())[0]
    assert hook["entry"] == "explainer check" and hook["pass_filenames"] is False
    result = subprocess.run([sys.executable, "-m", "pre_commit", command, str(path)],
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_plugin_options_move_the_content_folder(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "site"
    assert init(str(site), "--example", capsys=capsys)[0] == 0
    (site / "content").rename(site / "newsroom-data")
    config = site / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "  - explainer\n", "  - explainer:\n      content: newsroom-data\n"), encoding="utf-8")
    assert main(["--root", str(site), "check", "--strict"]) == 0
    result = mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    assert (site / "site/stories/wikinews-afghan-robotics-team/index.html").is_file()
    (site / "newsroom-data").rename(site / "elsewhere")
    assert main(["--root", str(site), "check"]) == 1
    assert "no 'newsroom-data/' folder" in capsys.readouterr().out
