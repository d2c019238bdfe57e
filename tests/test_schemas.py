"""The content files' JSON Schemas: generated from the models, shipped up to date, and right.

Every content file of this repository and of a new site validates against its schema; each
error fixture marked `schema: invalid` (an error in one file's shape: a missing or unknown
field, a malformed id, date or URL) fails it, and every other fixture's files pass (their
errors need the rest of the site, the article or the calendar: `explainer check`'s job).
"""

from __future__ import annotations

import json
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from explainer.cli.main import main
from explainer.load.sources import (
    SourceProblem,
    load_yaml_document,
    read_text,
    split_front_matter,
)
from explainer.model.dates import DateError, parse_date
from explainer.model.schemas import PACKAGE_SCHEMAS, SCHEMAS, schema_texts, stale_schemas
from explainer.scaffold import create_site

from .conftest import FIXTURES, REPO
from .test_errors import CASES, apply_case

VALIDATORS = {kind.file: jsonschema.Draft7Validator(json.loads(text))
              for kind, text in zip(SCHEMAS, schema_texts().values(), strict=True)}


def content_documents(root: Path) -> dict[str, Any]:
    """Every content file under `root` that a schema applies to, as the loader reads it (dates
    and yes/no stay text); front matter for Markdown files. Files that are not readable YAML
    are left out (the YAML parser's errors come before any schema)."""
    found: dict[str, Any] = {}
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root).as_posix()
        kind = next((k for k in SCHEMAS if fnmatch(relative, k.applies_to)), None)
        if kind is None or not path.is_file():
            continue
        try:
            text = read_text(path, relative)
            if kind.front_matter:
                text = split_front_matter(text, relative).front_matter
            found[relative] = (kind.file, load_yaml_document(text, relative).data)
        except SourceProblem:
            continue
    return found


def schema_errors(root: Path) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    for relative, (schema, data) in content_documents(root).items():
        problems = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
                    for e in VALIDATORS[schema].iter_errors(data)]
        if problems:
            errors[relative] = problems
    return errors


def test_shipped_schemas_are_what_the_models_give() -> None:
    assert stale_schemas(PACKAGE_SCHEMAS) == [], (
        "the content models changed: regenerate the schemas with `make schemas`")
    assert sorted(p.name for p in PACKAGE_SCHEMAS.glob("*.json")) == sorted(schema_texts())


@pytest.mark.parametrize("name", sorted(schema_texts()))
def test_schema_is_valid_draft_07_and_describes_every_field(name: str) -> None:
    schema = json.loads(schema_texts()[name])
    jsonschema.Draft7Validator.check_schema(schema)
    undescribed = [path for path in _field_paths(schema) if "description" not in path[1]]
    assert not undescribed, (f"fields without a description in {name}: "
                             f"{[p for p, _ in undescribed]}; write a docstring under each "
                             "field in explainer/model/, then `make schemas`")


def _field_paths(schema: Any, where: str = "") -> list[tuple[str, dict[str, Any]]]:
    out = []
    if isinstance(schema, dict):
        for name, field in schema.get("properties", {}).items():
            out.append((f"{where}.{name}", field))
        for key, value in schema.items():
            out.extend(_field_paths(value, f"{where}/{key}"))
    elif isinstance(schema, list):
        for item in schema:
            out.extend(_field_paths(item, where))
    return out


def test_every_content_file_of_this_repository_validates() -> None:
    documents = content_documents(REPO)
    kinds = {schema for schema, _ in documents.values()}
    assert kinds == {kind.file for kind in SCHEMAS}, "each kind of content file was checked"
    assert len(documents) > 150
    assert schema_errors(REPO) == {}


@pytest.mark.parametrize("example", [False, True])
def test_every_content_file_of_a_new_site_validates(tmp_path: Path, example: bool) -> None:
    create_site(tmp_path / "site", title="Test: \"quoted\" # not a comment", example=example)
    documents = content_documents(tmp_path / "site")
    assert "content/site.yaml" in documents and "content/glossary.yaml" in documents
    assert any("facts.yaml" in path for path in documents) == example
    assert schema_errors(tmp_path / "site") == {}


FIXTURE_CASES = [(c, yaml.safe_load(c.read_text(encoding="utf-8"))) for c in CASES]


@pytest.mark.parametrize("case_file, case", FIXTURE_CASES, ids=[c.stem for c in CASES])
def test_schema_level_error_fixtures_fail_validation(case_file: Path, case: dict[str, Any],
                                                     minimal_project: Path) -> None:
    apply_case(minimal_project, case)
    errors = schema_errors(minimal_project)
    edited = {change["file"] for change in case["edits"]}
    if case.get("schema") == "invalid":
        assert errors, f"{case_file.name} is marked schema-level but its files validate"
        assert set(errors) <= edited
    else:
        assert errors == {}, f"{case_file.name} is not marked `schema: invalid`"


def test_fixtures_marked_schema_level() -> None:
    """The decision, in one place (each file says `schema: invalid`)."""
    marked = sorted(c.stem for c, case in FIXTURE_CASES if case.get("schema") == "invalid")
    assert marked == ["hostile-id-with-markup", "hostile-url-scheme", "image-missing-licence",
                      "missing-field", "not-a-date", "path-traversal-id", "unknown-field"]


def test_the_minimal_fixture_validates() -> None:
    assert schema_errors(FIXTURES / "minimal") == {}


# EDTF forms the parser accepts (its own forms and the `edtf` package's levels 1 and 2).
EDTF_EXAMPLES = [
    "2015", "2016-09", "2016-09-19", "2016-09-19/2016-09-20", "2016-01/2016-08", "2015/2016-08",
    "2016-09~", "2016?", "2016%", "2016-09-21/..", "../2016", "2016-XX", "156X-12-25", "1XXX",
    "Y170000002", "Y-170000002", "Y17E7", "1950S2", "-1985", "2004-?06-?11", "2004?-06-11",
    "[1667,1668,1670..1672]", "{1960,1961-12}", "[1667, 1668]", "2004-06-11T10:10:10Z",
    "2004-06-11T10:10:10+05:00",
]


@pytest.mark.parametrize("date", EDTF_EXAMPLES)
def test_the_date_pattern_admits_every_date_the_parser_accepts(date: str) -> None:
    parse_date(date)
    field = json.loads(schema_texts()["facts.schema.json"])["$defs"]["Event"]["properties"]["date"]
    jsonschema.validate(date, field)


@pytest.mark.parametrize("text", ["last spring", "19 September 2016", "Sept. 2016", "2016 or so"])
def test_the_date_pattern_refuses_words(text: str) -> None:
    with pytest.raises(DateError):
        parse_date(text)
    field = json.loads(schema_texts()["facts.schema.json"])["$defs"]["Event"]["properties"]["date"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(text, field)


def test_schema_verb_writes_then_checks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "schemas"
    assert main(["schema", str(folder), "--check"]) == 1
    assert main(["schema", str(folder)]) == 0
    assert sorted(p.name for p in folder.iterdir()) == sorted(schema_texts())
    assert main(["schema", str(folder), "--check"]) == 0
    (folder / "facts.schema.json").write_text("{}", encoding="utf-8")
    assert main(["schema", str(folder), "--check"]) == 1
    assert "facts.schema.json: out of date" in capsys.readouterr().err
    assert main(["schema", str(folder)]) == 0
    err = capsys.readouterr().err
    assert "wrote" in err and "facts.schema.json" in err and "6 schemas unchanged" in err
    assert stale_schemas(folder) == []
