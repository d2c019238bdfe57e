"""A test-only switch that takes away the first wall: the pipeline's escaping.

Used by the tests that show what the second wall (the Content-Security-Policy, build/csp.py)
does on its own, and that each wall's test fails without its wall. It patches the escaping
functions in this process only (forked render workers inherit it): nothing in a site's content
or configuration can reach it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from explainer.render import environment, markdown_text, pages
from explainer.render.markdown_text import Md


def _as_is(value: Any, *args: Any) -> Md:
    return Md(str(value.__html__() if hasattr(value, "__html__") else value))


def _front_matter_string(value: Any) -> Md:
    return Md(json.dumps(" ".join(str(value).split()), ensure_ascii=False))


@contextmanager
def escaping_disabled() -> Iterator[None]:
    """Every value a template prints goes into the Markdown as it is: HTML, Markdown and all."""
    with pytest.MonkeyPatch.context() as patch:
        for module in (markdown_text, environment, pages):
            for name in ("escape", "escape_text", "escape_title", "attribute"):
                if hasattr(module, name):
                    patch.setattr(module, name, _as_is)
        patch.setattr(environment, "yaml_string", _front_matter_string)
        yield
