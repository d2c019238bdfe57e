"""Every kind of content error gives the promised `path:line:col: severity: message` line.

Each case in tests/fixtures/errors/*.yaml edits a copy of the minimal project and lists the
exact lines `build.py check` must print. Cases are data, so a new error kind is a new file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from explainer.cli.main import main

CASES = sorted((Path(__file__).parent / "fixtures" / "errors").glob("*.yaml"))


def apply_case(root: Path, case: dict[str, object]) -> None:
    for change in case.get("edits", []):  # type: ignore[union-attr]
        path = root / change["file"]
        if "write" in change:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(change["write"], encoding="utf-8")
        elif "write_hex" in change:
            path.write_bytes(bytes.fromhex(change["write_hex"]))
        elif "copy" in change:  # a file of the repository (a test picture), by its path
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes((Path(__file__).parents[1] / change["copy"]).read_bytes())
        elif "write_repeat" in change:
            head = path.read_text(encoding="utf-8") if path.exists() else ""
            repeat = change["write_repeat"]
            path.write_text(head + repeat["text"] * repeat["times"], encoding="utf-8")
        elif "delete" in change:
            path.unlink()
        else:
            text = path.read_text(encoding="utf-8")
            assert change["find"] in text, f"{change['find']!r} not in {change['file']}"
            path.write_text(text.replace(change["find"], change["replace"], 1), encoding="utf-8")


@pytest.mark.parametrize("case_file", CASES, ids=[c.stem for c in CASES])
def test_check_reports_exactly(case_file: Path, minimal_project: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:
    case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    apply_case(minimal_project, case)
    status = main(["--root", str(minimal_project), "check"])
    out = capsys.readouterr().out
    expected = case["expected"].strip().splitlines()
    assert out.strip().splitlines() == expected
    assert status == (1 if any(": error: " in line for line in expected) else 0)


def test_minimal_project_is_clean(minimal_project: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(minimal_project), "check"]) == 0
    assert capsys.readouterr().out == ""


def test_json_format_lists_the_same_problems(minimal_project: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    case = yaml.safe_load((CASES[0]).read_text(encoding="utf-8"))
    apply_case(minimal_project, case)
    main(["--root", str(minimal_project), "check", "--format", "json"])
    items = json.loads(capsys.readouterr().out)
    lines = [f"{i['path']}:{i['line']}:{i['col']}: {i['severity']}: {i['message']}" for i in items]
    assert lines == case["expected"].strip().splitlines()


def test_build_with_errors_writes_nothing(minimal_project: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    facts = minimal_project / "content/stories/sample/facts.yaml"
    facts.write_text(facts.read_text().replace("speaker: jane-doe", "speaker: nobody", 1))
    assert main(["--root", str(minimal_project), "generate"]) == 1
    assert not (minimal_project / "generated").exists()
    err = capsys.readouterr().err
    assert "content/stories/sample/facts.yaml:" in err and "Traceback" not in err


def test_strict_turns_warnings_into_failure(minimal_project: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    (minimal_project / "content/people/ann-lee.md").write_text("---\nname: Ann Lee\n---\n")
    assert main(["--root", str(minimal_project), "check"]) == 0
    assert main(["--root", str(minimal_project), "check", "--strict"]) == 1
    assert "warning: person 'ann-lee'" in capsys.readouterr().out
