"""How the pages write a number: digits grouped by commas, no trailing ".0" (1,400; 2.5).

Kept apart from the Jinja environment so that the pictures, which label bars with the same
numbers the pages print, use the very same function."""

from __future__ import annotations


def number(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"
