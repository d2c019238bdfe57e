"""The command line: help for every verb, exit codes, and the README's promises."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from explainer.cli.main import make_parser

from .conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
VERBS = ["check", "generate", "build", "serve", "new", "draft", "init", "schema"]


def run(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(REPO / "build.py"), *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.parametrize("verb", [None, *VERBS])
def test_help_for_every_verb(verb: str | None) -> None:
    result = run(*([verb] if verb else []), "--help")
    assert result.returncode == 0
    assert "usage: build.py" in result.stdout


def test_usage_errors_exit_2() -> None:
    assert run("frobnicate").returncode == 2
    assert run("check", "--format", "xml").returncode == 2


def test_every_command_and_option_is_documented_in_the_readme() -> None:
    parser = make_parser()
    subparsers = next(a for a in parser._actions if a.dest == "verb")
    for verb, sub in subparsers.choices.items():  # type: ignore[attr-defined]
        assert f"build.py {verb}" in README or f"`explainer {verb}" in README, (
            f"README does not document `{verb}`")
        for action in sub._actions:
            for option in action.option_strings:
                if option.startswith("--") and option != "--help":
                    assert option in README, f"README does not document {verb} {option}"


def test_every_plugin_option_is_documented_in_the_readme() -> None:
    from explainer.plugin import ExplainerConfig

    section = README.split("### The MkDocs plugin", 1)[1].split("\n## ", 1)[0]
    options = [name for name, _ in ExplainerConfig._schema]
    assert options
    for name in options:
        assert f"| `{name}` |" in section, f"README's plugin section does not document `{name}`"


def test_readme_starts_with_the_two_commands() -> None:
    commands = re.findall(r"^make \w+", README, flags=re.MULTILINE)
    assert commands[:2] == ["make site", "make test"]


def test_check_is_clean_on_the_seed() -> None:
    result = run("check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


def test_make_site_builds_and_says_how_to_preview(tmp_path: Path) -> None:
    """The README's first command, on a copy of the repository (reusing the installed venv)."""
    copy = tmp_path / "clone"
    ignore = shutil.ignore_patterns(".venv", "site", "generated", ".git", "test-artifacts",
                                    "__pycache__", ".*_cache")
    shutil.copytree(REPO, copy, ignore=ignore)
    venv = Path(sys.prefix)
    env = {**os.environ, "VENV": str(venv)}
    checksum = subprocess.run(["sh", "-c", "cat requirements.lock pyproject.toml | cksum"],
                              cwd=REPO, capture_output=True, text=True, check=True)
    if not (venv / f".installed-{checksum.stdout.split()[0]}").is_file():
        # `make site` in the copy would reinstall the package, editable, from the copy, into
        # this venv: the venv would then import a folder deleted after the test.
        pytest.skip("the venv was not made by `make` for this lock (run `make test`)")
    result = subprocess.run(["make", "site", f"VENV={venv}"], cwd=copy, env=env,
                            capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (copy / "site" / "index.html").is_file()
    assert (copy / "site" / "stories" / "tajikistan-interpol" / "index.html").is_file()
    assert "make serve" in result.stderr


def test_start_your_own_site_commands_work(tmp_path: Path) -> None:
    """The README's "Start your own site" commands, as written (the package is installed
    already; `mkdocs serve` runs until stopped: dist-check and the preview tests serve)."""
    section = README.split("## Start your own site", 1)[1]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    commands = [line.split("#", 1)[0].split() for line in block.splitlines()]
    assert commands[0] == ["pip", "install", "mkdocs-explainer"]
    bin_dir = Path(sys.executable).parent
    cwd = tmp_path
    ran = []
    for command in commands[1:]:
        if command[0] == "cd":
            cwd = cwd / command[1]
            continue
        if command[:2] == ["mkdocs", "serve"]:
            continue
        result = subprocess.run([str(bin_dir / command[0]), *command[1:]], cwd=cwd,
                                capture_output=True, text=True, timeout=300, check=False)
        assert result.returncode == 0, f"{' '.join(command)}: {result.stderr}"
        ran.append(command[:2])
    assert ran == [["explainer", "init"], ["explainer", "build"]]
    assert (cwd / "site" / "stories" / "wikinews-afghan-robotics-team" / "index.html").is_file()
