"""Turn pydantic validation errors into editor-facing diagnostics at the right line.

pydantic reports a path such as ('quotes', 3, 'speaker'); the loaded YAML knows where each of
those was written, so every message can say `path:line:col` and name the field in the editor's
terms (`quotes[3].speaker`), with a suggestion for misspelt field names.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..diagnostics import Diagnostic, did_you_mean
from .sources import YamlDocument

M = TypeVar("M", bound=BaseModel)


def field_path(loc: Sequence[Any]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def _known_fields(model: type[BaseModel], loc: Sequence[Any]) -> list[str]:
    """Field names valid at `loc` (for 'did you mean'), following nested models and lists."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", None)
        if not fields or part not in fields:
            return []
        annotation = fields[part].annotation
        current = _innermost_model(annotation)
        if current is None:
            return []
    fields = getattr(current, "model_fields", {})
    return [info.alias or name for name, info in fields.items()]


def _innermost_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _innermost_model(arg)
        if found is not None:
            return found
    return None


def _message(error: Any, model: type[BaseModel]) -> str:
    loc = tuple(error["loc"])
    kind = error["type"]
    name = field_path(loc)
    if kind == "missing":
        return f"'{name}' is required"
    if kind == "extra_forbidden":
        key = str(loc[-1])
        return f"unknown field '{name}'{did_you_mean(key, _known_fields(model, loc[:-1]))}"
    text = str(error["msg"])
    if text.startswith("Value error, "):
        text = text[len("Value error, "):]
    if kind == "string_pattern_mismatch" and _is_id_field(loc):
        from ..model.common import ID_HINT

        return f"'{name}': '{error.get('input')}' is not a valid id ({ID_HINT})"
    if kind == "literal_error":
        return f"'{name}': {text}, not '{error.get('input')}'"
    return f"'{name}': {text}" if name else text


def _is_id_field(loc: Sequence[Any]) -> bool:
    names = [p for p in loc if isinstance(p, str)]
    return bool(names) and names[-1] in {
        "id", "speaker", "person", "organisation", "parent", "country", "within", "part_of",
        "authors", "organisations", "places", "people", "disputed_by", "credit_people"}


def validate(model: type[M], document: YamlDocument, data: Any = None,
             loc_prefix: Sequence[Any] = ()) -> tuple[M | None, list[Diagnostic]]:
    """Validate `data` (default: the whole document) as `model`; positions come from `document`."""
    payload = document.data if data is None else data
    if payload is None:
        payload = {}
    if not isinstance(payload, dict):
        where = document.at(*loc_prefix)
        fields = ", ".join(list(model.model_fields)[:4])
        return None, [where.error(
            f"expected a mapping of fields ({fields}, ...), found {type(payload).__name__}")]
    try:
        return model.model_validate(payload), []
    except ValidationError as exc:
        diagnostics = []
        for error in exc.errors(include_url=False):
            loc = tuple(loc_prefix) + tuple(error["loc"])
            if error["type"] == "extra_forbidden":
                where = document.key_at(loc[:-1], loc[-1])
            else:
                where = document.at(*loc)
            diagnostics.append(where.error(_message(error, model)))
        return None, diagnostics
