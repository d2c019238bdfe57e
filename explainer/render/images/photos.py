"""Pictures from `content/`, resized for the site: the same bytes on every build.

An editor's picture may be a 6000-pixel phone photo with its camera's metadata (and a location)
in it. The site gets a copy no larger than it shows, turned upright as the camera meant it,
converted to sRGB, with nothing kept but the pixels: no EXIF, no ICC profile, no comments.
JPEG for photographs, PNG for pictures with transparency (logos); fixed encoder settings, so
the same picture always gives the same file.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Literal

from PIL import Image, ImageCms, ImageOps

#: People: a square, cropped around the upper middle, where a portrait's face usually is.
#: Organisations: the whole picture (a logo is never cropped). Stories: the lead picture.
Variant = Literal["portrait", "logo", "lead"]
SIZES: dict[str, int] = {"portrait": 320, "logo": 320, "lead": 1280}
PORTRAIT_CENTRE = (0.5, 0.4)
JPEG_QUALITY = 82


@dataclass(frozen=True)
class PictureSource:
    """A picture file to read: its digest names it (the path is where it is now)."""

    digest: str
    has_alpha: bool
    width: int
    height: int
    path: str = field(compare=False, repr=False)

    @property
    def extension(self) -> str:
        return "png" if self.has_alpha else "jpg"


@dataclass(frozen=True)
class PictureSpec:
    """One resized copy of a picture."""

    source: PictureSource
    variant: Variant


def output_size(width: int, height: int, variant: Variant) -> tuple[int, int]:
    """The size of the resized copy (never larger than the original)."""
    box = SIZES[variant]
    if variant == "portrait":
        side = min(box, width, height)
        return side, side
    scale = min(1.0, box / max(width, height))
    return max(1, round(width * scale)), max(1, round(height * scale))


def open_upright(path: str) -> Image.Image:
    """The picture as the camera meant it (EXIF orientation applied), in sRGB, RGB or RGBA."""
    with Image.open(path) as original:
        original.load()
        picture = ImageOps.exif_transpose(original) or original
        profile = original.info.get("icc_profile")
        has_alpha = picture.mode in ("RGBA", "LA", "PA") or "transparency" in picture.info
        picture = picture.convert("RGBA" if has_alpha else "RGB")
    if profile:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
            picture = ImageCms.profileToProfile(picture, source, ImageCms.createProfile("sRGB"),
                                                outputMode=picture.mode) or picture
        except (ImageCms.PyCMSError, OSError):
            pass  # a broken profile: the pixels as they are
    return picture


def resize(spec: PictureSpec) -> Image.Image:
    picture = open_upright(spec.source.path)
    size = output_size(picture.width, picture.height, spec.variant)
    if spec.variant == "portrait":
        return ImageOps.fit(picture, size, Image.Resampling.LANCZOS, centering=PORTRAIT_CENTRE)
    if size == picture.size:
        return picture
    return picture.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)


def encode(picture: Image.Image, extension: str) -> bytes:
    """The picture's pixels only, with fixed encoder settings."""
    clean = Image.new(picture.mode, picture.size)
    clean.paste(picture)  # a new image: no metadata carried over
    out = io.BytesIO()
    if extension == "png":
        clean.save(out, "PNG", optimize=False, compress_level=9)
    else:
        clean.convert("RGB").save(out, "JPEG", quality=JPEG_QUALITY, optimize=True,
                                  progressive=False, subsampling="4:2:0")
    return out.getvalue()


def draw_picture(spec: PictureSpec) -> bytes:
    return encode(resize(spec), spec.source.extension)
