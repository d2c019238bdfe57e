"""JSON Schemas of the content files, generated from the content models.

The models are the one source of truth: each schema is pydantic's `model_json_schema` of the
model that loads the file, with the field docstrings as descriptions, so an editor's YAML
extension completes field names, explains each field on hover and flags mistakes while they
type. The package ships the generated files (`explainer/schemas/`; a test keeps them equal to
what the models give); `explainer schema DIR` writes them for a site, and `explainer init`
wires them into VS Code's settings.

What a schema can say is the shape of one file: fields, types, ids, date and citation syntax,
required fields. What needs the rest of the site (unknown ids, quotes checked against the
article, calendar dates such as 30 February, the Markdown policy) is `explainer check`'s.
"""

from __future__ import annotations

import ast
import functools
import inspect
import json
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter

from ..load.content import BODY_FIELD
from .article import ArticleMeta
from .facts import Facts
from .registry import GlossaryTerm, Organisation, Person, Place
from .site import SiteConfig

#: VS Code's YAML extension implements draft-07; pydantic's output stays within it.
DIALECT = "http://json-schema.org/draft-07/schema#"

#: Where the shipped schema files are (package data).
PACKAGE_SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"


@dataclass(frozen=True)
class ContentSchema:
    """One kind of content file: its schema's file name, what it describes, the files it
    applies to (globs relative to the site folder) and whether those are Markdown files whose
    front matter it describes."""

    file: str
    title: str
    applies_to: str
    front_matter: bool
    generate: Callable[[], dict[str, Any]]


def _model(model: type[BaseModel]) -> Callable[[], dict[str, Any]]:
    def generate() -> dict[str, Any]:
        schema = _described(model.model_json_schema(by_alias=True, mode="validation"), model)
        body = BODY_FIELD.get(model)
        if body is not None:  # written as the Markdown body, not in the front matter
            del schema["properties"][body]
        return schema
    return generate


def _glossary() -> dict[str, Any]:
    schema = TypeAdapter(list[GlossaryTerm]).json_schema(by_alias=True, mode="validation")
    return _described(schema, GlossaryTerm)


def _described(schema: dict[str, Any], model: type[BaseModel]) -> dict[str, Any]:
    """`schema` with each field's docstring as its description: the root object's fields if
    `model` is the root, and those of every model in `$defs` (keyed by class name)."""
    targets = {name: schema["$defs"][name] for name in schema.get("$defs", {})}
    if schema.get("type") == "object":
        targets[model.__name__] = schema
    for found in _models(model):
        target = targets.get(found.__name__)
        if target is None:
            continue
        for name, text in _field_docstrings(found).items():
            info = found.model_fields[name]
            field = target["properties"].get(info.alias or name)
            if field is not None:
                field["description"] = text
    return schema


def _models(model: type[BaseModel]) -> Iterator[type[BaseModel]]:
    """`model` and every model its fields hold (lists and optionals included), once each."""
    seen: set[type[BaseModel]] = set()
    stack = [model]
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        yield current
        for info in current.model_fields.values():
            stack.extend(_inner_models(info.annotation))


def _inner_models(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for argument in getattr(annotation, "__args__", ()) or ():
        yield from _inner_models(argument)


def _field_docstrings(model: type[BaseModel]) -> dict[str, str]:
    """The string under each field of `model`'s class body (its own fields, not inherited)."""
    return _module_docstrings(model.__module__).get(model.__qualname__, {})


@functools.cache
def _module_docstrings(module: str) -> dict[str, dict[str, str]]:
    """Per class of `module`, each annotated field followed by a string and that string."""
    tree = ast.parse(inspect.getsource(sys.modules[module]))
    found: dict[str, dict[str, str]] = {}
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        fields = found.setdefault(node.name, {})
        for statement, following in zip(node.body, node.body[1:], strict=False):
            if (isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name)
                    and isinstance(following, ast.Expr)
                    and isinstance(following.value, ast.Constant)
                    and isinstance(following.value.value, str)):
                fields[statement.target.id] = inspect.cleandoc(following.value.value)
    return found


SCHEMAS: tuple[ContentSchema, ...] = (
    ContentSchema("site.schema.json", "Explainer site settings (content/site.yaml)",
                  "content/site.yaml", False, _model(SiteConfig)),
    ContentSchema("glossary.schema.json", "Explainer glossary (content/glossary.yaml)",
                  "content/glossary.yaml", False, _glossary),
    ContentSchema("facts.schema.json", "Explainer story facts (content/stories/<slug>/facts.yaml)",
                  "content/stories/*/facts.yaml", False, _model(Facts)),
    ContentSchema("article.schema.json",
                  "Explainer article front matter (content/stories/<slug>/article.md)",
                  "content/stories/*/article.md", True, _model(ArticleMeta)),
    ContentSchema("person.schema.json", "Explainer person front matter (content/people/<id>.md)",
                  "content/people/*.md", True, _model(Person)),
    ContentSchema("organisation.schema.json",
                  "Explainer organisation front matter (content/organisations/<id>.md)",
                  "content/organisations/*.md", True, _model(Organisation)),
    ContentSchema("place.schema.json", "Explainer place front matter (content/places/<id>.md)",
                  "content/places/*.md", True, _model(Place)),
)


def _for_editors(value: Any) -> Any:
    """Descriptions on one line (docstrings wrap), and no titles on fields: pydantic's
    ("Base Url") would show in an editor's hover above the description, which says more."""
    if isinstance(value, dict):
        return {key: (" ".join(item.split()) if key == "description" and isinstance(item, str)
                      else _untitled(item) if key == "properties" else _for_editors(item))
                for key, item in value.items()}
    if isinstance(value, list):
        return [_for_editors(item) for item in value]
    return value


def _untitled(properties: dict[str, Any]) -> dict[str, Any]:
    return {name: {key: item for key, item in _for_editors(field).items() if key != "title"}
            for name, field in properties.items()}


def schema_texts() -> dict[str, str]:
    """Every schema file's name and text (deterministic: same models, same bytes)."""
    texts = {}
    for kind in SCHEMAS:
        schema = {"$schema": DIALECT, **_for_editors(kind.generate())}
        schema["title"] = kind.title
        texts[kind.file] = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    return texts


@dataclass(frozen=True)
class SchemaWrite:
    written: list[Path]
    unchanged: list[Path]


def write_schemas(folder: Path) -> SchemaWrite:
    """Write every schema into `folder`; a file that already holds the same text is left as it
    is. Other files in the folder are not touched."""
    folder.mkdir(parents=True, exist_ok=True)
    written, unchanged = [], []
    for name, text in schema_texts().items():
        path = folder / name
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            unchanged.append(path)
            continue
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return SchemaWrite(written, unchanged)


def stale_schemas(folder: Path) -> list[str]:
    """The schema files in `folder` that are missing or differ from what the models give."""
    return [name for name, text in schema_texts().items()
            if not (folder / name).is_file()
            or (folder / name).read_text(encoding="utf-8") != text]


def yaml_schema_settings(folder: str) -> Mapping[str, list[str]]:
    """VS Code's `yaml.schemas` setting: each schema (in `folder`, relative to the site) and
    the YAML files it applies to. Front matter is left out: the YAML extension does not read
    the front matter of Markdown files (`explainer check` does)."""
    return {f"./{folder}/{kind.file}": [kind.applies_to]
            for kind in SCHEMAS if not kind.front_matter}
