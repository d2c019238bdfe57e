"""The picture files named by `image:` fields: found, checked and fingerprinted at load time.

A picture is checked where it is named, so `check` reports a missing file, a file that is not
a picture, or one too large to handle at the `image.file` field (`path:line:col`). Decoding a
picture in full is the only way to know it is not truncated; it is done once per version of
the file (the `FileCache` keeps the result while the file is unchanged).
"""

from __future__ import annotations

import hashlib
import os
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import Report
from ..model import Image
from .sources import Where

#: Formats a browser shows and Pillow reads without plugins.
FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP", "GIF": "GIF"}
MAX_BYTES = 20 * 1024 * 1024
MAX_PIXELS = 40_000_000


@dataclass(frozen=True)
class ImageSource:
    """A checked picture file: where it is, a digest of its bytes, its size in pixels."""

    path: str  # absolute, for the render stage to read
    shown: str  # as shown in messages and dependency lists ("content/people/jane.jpg")
    digest: str
    width: int  # upright, as shown (after the camera's orientation is applied)
    height: int
    has_alpha: bool


@dataclass(frozen=True)
class ImageRef:
    """A content file's `image:` field and the picture file it names."""

    model: Image
    source: ImageSource


Inspect = Callable[[Path, str], "ImageSource | str"]


def image_path(content_dir: Path, content_file: Path, written: str) -> Path:
    """`written` relative to the content file's folder, or to content/ when it starts with /."""
    if written.startswith("/"):
        return content_dir / written.lstrip("/")
    return content_file.parent / written


def inspect_image(path: Path, shown: str) -> ImageSource | str:
    """The checked picture, or what is wrong with the file (a message without position)."""
    from PIL import Image as PILImage
    from PIL import UnidentifiedImageError

    try:
        size = path.stat().st_size
    except OSError:
        return f"no such file '{shown}'"
    if size > MAX_BYTES:
        return (f"'{shown}' is {size / 1048576:.1f} MB; images are limited to "
                f"{MAX_BYTES // 1048576} MB (save a smaller copy)")
    data = path.read_bytes()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            with PILImage.open(path) as picture:
                kind = picture.format or ""
                if kind not in FORMATS:
                    return (f"'{shown}' is a {kind or 'file of unknown kind'} image; use "
                            f"{', '.join(sorted(FORMATS.values()))}")
                width, height = picture.size
                if width * height > MAX_PIXELS:
                    return (f"'{shown}' is {width} x {height} pixels; images are limited to "
                            f"{MAX_PIXELS // 1_000_000} megapixels")
                picture.load()
                if picture.getexif().get(0x0112, 1) in (5, 6, 7, 8):  # shown turned a quarter
                    width, height = height, width
                alpha = picture.mode in ("RGBA", "LA", "PA") or (
                    picture.mode == "P" and "transparency" in picture.info)
    except (UnidentifiedImageError, PILImage.DecompressionBombError,
            PILImage.DecompressionBombWarning):
        return f"'{shown}' is not a picture Pillow can read (JPEG, PNG, WebP or GIF)"
    except (OSError, SyntaxError, ValueError) as problem:
        return f"'{shown}' is damaged or truncated ({problem})"
    digest = hashlib.sha1(data, usedforsecurity=False).hexdigest()
    return ImageSource(str(path), shown, digest, width, height, alpha)


def check_image_field(image: Image, where: Where, content_dir: Path, content_file: Path,
                      report: Report, inspect: Inspect = inspect_image) -> ImageSource | None:
    """Find and check the file an `image:` field names; problems go to `report` at `where`.
    `inspect` may be a cached `inspect_image`."""
    path = image_path(content_dir, content_file, image.file)
    shown = f"{content_dir.name}/{os.path.relpath(path, content_dir)}".replace(os.sep, "/")
    try:
        real = Path(os.path.realpath(path))
        inside = real.is_relative_to(Path(os.path.realpath(content_dir)))
    except OSError:
        inside = False
    if not inside:
        report.add(where.error(
            f"'image.file': '{image.file}' is outside content/; keep images in content/"))
        return None
    if not path.is_file():
        report.add(where.error(
            f"'image.file': no such file '{shown}' (the path is relative to the file's folder; "
            "start it with / to name it from content/)"))
        return None
    found = inspect(path, shown)
    if isinstance(found, str):
        report.add(where.error(f"'image.file': {found}"))
        return None
    return found
