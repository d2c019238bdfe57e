"""`image:` on a person, an organisation or a story: a picture file kept in `content/`.

The file is the editor's; the site shows copies resized at build time (`render/images`).
Only local files are accepted: a picture fetched from elsewhere at build time could change or
vanish, and its rights are unknown, so `credit` and `licence` are required.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator

from .common import ContentModel, Text

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def _local_file(value: str) -> str:
    """A path inside content/, written with forward slashes: never an address or a way out."""
    if _SCHEME.match(value) or value.startswith("//"):
        raise ValueError(
            f"'{value}' is an address; images are local files in content/ (download it, "
            "check its licence, and write its path, e.g. 'jane-doe.jpg')")
    if "\\" in value:
        raise ValueError(f"'{value}': write the path with forward slashes (/)")
    if any(part == ".." for part in value.split("/")):
        raise ValueError(f"'{value}': '..' is not allowed; the image must be inside content/ "
                         "(start the path with / to name it from content/)")
    return value


def _path_text(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


#: Relative to the content file's folder, or to content/ when it starts with "/".
ImagePath = Annotated[str, BeforeValidator(_path_text), AfterValidator(_local_file)]


class Image(ContentModel):
    """A picture with its rights: `credit` ("Photo: Jane Doe / Reuters") and `licence`."""

    file: ImagePath
    """The picture's file, relative to the content file's folder, or to content/ when it starts
    with "/" (JPEG, PNG, GIF or WebP; never an address)."""
    credit: Text
    """Who made it, as it must be credited, e.g. "Photo: Jane Doe / Reuters"."""
    licence: Text
    """The terms it may be shown under, e.g. "CC BY 4.0" or "used with permission"."""
    alt: Text | None = None
    """What the picture shows, for readers who cannot see it. Portraits and logos can leave it
    out: they stand beside the name they show."""
    caption: Text | None = None
    """A caption shown under the picture."""
