"""Field types shared by every content file: ids, citations, dates, text."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

from .dates import DateError, FuzzyDate, parse_date
from .markdown_policy import markdown_problem

ID_PATTERN = r"^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$"
_ID_RE = re.compile(ID_PATTERN)
ID_HINT = "lowercase letters, digits and hyphens, e.g. 'ramazon-rakhimzoda'"

#: An identifier that is safe as a file name and URL segment (no traversal, no odd characters).
Id = Annotated[str, Field(pattern=ID_PATTERN)]


class ContentModel(BaseModel):
    """Strict base: unknown fields are errors (typos never vanish silently)."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def _plain_text(value: Any) -> Any:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


def _single_line(value: str) -> str:
    return " ".join(value.split())


#: One line of text (whitespace folded); numbers written bare in YAML are accepted as text.
Text = Annotated[str, BeforeValidator(_plain_text), AfterValidator(_single_line),
                 Field(min_length=1)]
def _safe_markdown(value: str) -> str:
    problem = markdown_problem(value)
    if problem:
        raise ValueError(problem)
    return value.strip("\n")


#: Markdown written by an editor (summary, bio, description): rendered as Markdown, but checked
#: so that it cannot carry HTML or script into the page.
Markdown = Annotated[str, BeforeValidator(_plain_text), AfterValidator(_safe_markdown)]


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


FuzzyDateField = Annotated[FuzzyDate, BeforeValidator(_to_date)]

_CITATION_RE = re.compile(
    r"^(?:(?P<story>[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)#)?(?P<para>[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)$")


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
    return Citation(story=match.group("story"), paragraph=match.group("para"))


def _to_list(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


CitationField = Annotated[Citation, BeforeValidator(_to_citation)]
#: `cite: p3` or `cite: [p3, p4]`.
Cites = Annotated[list[CitationField], BeforeValidator(_to_list)]
IdList = Annotated[list[Id], BeforeValidator(_to_list)]
TextList = Annotated[list[Text], BeforeValidator(_to_list)]


def is_id(value: str) -> bool:
    return bool(_ID_RE.match(value))
