"""Field types shared by every content file: ids, citations, dates, text."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    HttpUrl,
    WithJsonSchema,
)

from .dates import DateError, FuzzyDate, parse_date
from .markdown_policy import markdown_problem

ID_PATTERN = r"^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$"
_ID_RE = re.compile(ID_PATTERN)
ID_HINT = "lowercase letters, digits and hyphens, e.g. 'ramazon-rakhimzoda'"

#: An identifier that is safe as a file name and URL segment (no traversal, no odd characters).
Id = Annotated[str, Field(pattern=ID_PATTERN)]


class ContentModel(BaseModel):
    """Strict base: unknown fields are errors (typos never vanish silently).

    The docstring under each field is its description in the JSON Schemas editors get
    (`explainer.model.schemas` reads them; pydantic's `use_attribute_docstrings` would parse
    the source at every import): write it for the editor who hovers over the field.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def _plain_text(value: Any) -> Any:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


def _single_line(value: str) -> str:
    return " ".join(value.split())


# What editors' JSON Schemas say of these types (`WithJsonSchema`: the schemas only; the
# validators above and below decide what loads). Numbers written bare in YAML are text.
_TEXT_SCHEMA: dict[str, Any] = {"type": ["string", "number"], "minLength": 1}
_ID_SCHEMA: dict[str, Any] = {"type": "string", "pattern": ID_PATTERN}

#: One line of text (whitespace folded); numbers written bare in YAML are accepted as text.
Text = Annotated[str, BeforeValidator(_plain_text), AfterValidator(_single_line),
                 Field(min_length=1), WithJsonSchema(_TEXT_SCHEMA)]


def _safe_markdown(value: str) -> str:
    problem = markdown_problem(value)
    if problem:
        raise ValueError(problem)
    return value.strip("\n")


#: Markdown written by an editor (summary, bio, description): rendered as Markdown, but checked
#: so that it cannot carry HTML or script into the page.
Markdown = Annotated[str, BeforeValidator(_plain_text), AfterValidator(_safe_markdown),
                     WithJsonSchema({"type": ["string", "number"]})]

#: What an address may be: the models take http(s) URLs only (pydantic's `HttpUrl`), and the
#: schema says so too (JSON Schema's `format: uri` alone would let `javascript:` through).
WebUrl = Annotated[HttpUrl, WithJsonSchema({
    "type": "string", "format": "uri", "pattern": "^[hH][tT][tT][pP][sS]?://", "maxLength": 2083})]


def _to_date(value: Any) -> FuzzyDate:
    if isinstance(value, FuzzyDate):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise ValueError("a date must be written as EDTF text, e.g. 2016-09-19")
    try:
        return parse_date(value)
    except DateError as exc:
        raise ValueError(str(exc)) from None


#: The characters EDTF is written with (a first check for editors' schemas: the parser decides).
EDTF_CHARACTERS = r"^[0-9XYESTZ:+/.?~%,\[\]{} -]+$"
DATE_SCHEMA: dict[str, Any] = {
    "type": ["string", "integer"], "pattern": EDTF_CHARACTERS,
    "examples": ["2016", "2016-09", "2016-09-19", "2016-09-19/2016-09-20", "2016-09~", "2016?"]}

FuzzyDateField = Annotated[FuzzyDate, BeforeValidator(_to_date), WithJsonSchema(DATE_SCHEMA)]

#: `p3` or `story-slug#p3` (group 1: the story, group 2: the paragraph).
CITATION_PATTERN = r"^(?:([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)#)?([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)$"
_CITATION_RE = re.compile(CITATION_PATTERN)


class Citation(ContentModel):
    """A paragraph of a story's article: `p3` within a story, `story-slug#p3` from elsewhere."""

    story: str | None
    paragraph: str

    def __str__(self) -> str:
        return f"{self.story}#{self.paragraph}" if self.story else self.paragraph


def _to_citation(value: Any) -> Any:
    if isinstance(value, Citation):
        return value
    if not isinstance(value, str):
        raise ValueError("a citation is a paragraph id such as p3 (or story-slug#p3)")
    match = _CITATION_RE.match(value.strip())
    if not match:
        raise ValueError(
            f"'{value}' is not a paragraph citation; write a paragraph id such as p3 "
            "(or story-slug#p3 to cite another story)")
    return Citation(story=match.group(1), paragraph=match.group(2))


def _to_list(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


def _one_or_list(item: dict[str, Any], min_items: int = 0) -> WithJsonSchema:
    """The schema of a field written as one item or a list of them (`cite: p3`, `[p3, p4]`)."""
    many: dict[str, Any] = {"type": "array", "items": item}
    if min_items:
        many["minItems"] = min_items
    return WithJsonSchema({"anyOf": [item, many]})


_CITATION_SCHEMA: dict[str, Any] = {"type": "string", "pattern": CITATION_PATTERN,
                                     "examples": ["p3", "story-slug#p3"]}

CitationField = Annotated[Citation, BeforeValidator(_to_citation),
                          WithJsonSchema(_CITATION_SCHEMA)]
#: `cite: p3` or `cite: [p3, p4]`.
Cites = Annotated[list[CitationField], BeforeValidator(_to_list),
                  _one_or_list(_CITATION_SCHEMA)]
#: At least one citation (every fact of a story cites its paragraph).
NonEmptyCites = Annotated[list[CitationField], BeforeValidator(_to_list), Field(min_length=1),
                          _one_or_list(_CITATION_SCHEMA, min_items=1)]
IdList = Annotated[list[Id], BeforeValidator(_to_list), _one_or_list(_ID_SCHEMA)]
TextList = Annotated[list[Text], BeforeValidator(_to_list), _one_or_list(_TEXT_SCHEMA)]


def is_id(value: str) -> bool:
    return bool(_ID_RE.match(value))
