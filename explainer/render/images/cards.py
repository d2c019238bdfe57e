"""Share cards: the 1200 x 630 PNG a link preview shows (Open Graph, Twitter), and quote cards.

A card is drawn in shades of one colour: text and marks are drawn as grey levels on a
greyscale canvas, which is then given a palette running from the background colour to white,
16 steps, so the PNG holds 4 bits a pixel. Drawing in one channel and storing 16 colours keeps
a card at ~5 ms and ~20 KB; a site of 1,000 stories has ~13,000 of them. A card with a
portrait or a lead picture is the exception: it is finished in full colour and reduced to a
256-colour palette.

Every input is in the card's spec (a frozen dataclass), so a spec names its card: the same spec
always gives the same bytes, and the image cache (`cache.py`) keys on it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageDraw

from .photos import PictureSource, open_upright
from .text import Fitted, draw_line, fit, font, one_line

WIDTH, HEIGHT = 1200, 630
MARGIN = 80
#: The card's colours: background (Material's indigo 900) and text (white); the grey levels
#: drawn (0-255) become the 16 steps between them.
BACKGROUND = (26, 35, 126)
FOREGROUND = (255, 255, 255)
STEPS = 16
TEXT = 255
MUTED = 204  # secondary text: ~ #d1d3e5 on the background (contrast 10:1)
ACCENT = 102  # stripes and the badge behind initials
QUOTE_MARK = 136

_LEVELS = [round(value * (STEPS - 1) / 255) for value in range(256)]
_PALETTE = [round(b + (f - b) * step / (STEPS - 1))
            for step in range(STEPS) for b, f in zip(BACKGROUND, FOREGROUND, strict=True)]


@dataclass(frozen=True)
class SiteCard:
    """The card of pages that have none of their own (home, lists, glossary)."""

    site: str
    description: str
    footer: str = ""  # the publisher, or the site's address


@dataclass(frozen=True)
class StoryCard:
    site: str
    headline: str
    byline: str  # "Caravanserai · 4 October 2016"
    stats: str  # "12 quotes · 8 people · 10 events"
    picture: PictureSource | None = None


@dataclass(frozen=True)
class ProfileCard:
    """A person or an organisation: name, what they are, how present they are in the stories."""

    site: str
    name: str
    description: str
    stats: str
    initials: str
    picture: PictureSource | None = None


@dataclass(frozen=True)
class QuoteCard:
    site: str
    text: str
    speaker: str
    role: str
    story: str


Card = SiteCard | StoryCard | ProfileCard | QuoteCard


def draw_card(card: Card) -> bytes:
    canvas = Image.new("L", (WIDTH, HEIGHT), 0)
    canvas.paste(ACCENT, (0, 0, 12, HEIGHT))  # the stripe on the left
    picture: tuple[PictureSource, tuple[int, int, int, int], bool] | None = None
    if isinstance(card, SiteCard):
        _site_card(canvas, card)
    elif isinstance(card, StoryCard):
        picture = _story_card(canvas, card)
    elif isinstance(card, ProfileCard):
        picture = _profile_card(canvas, card)
    else:
        _quote_card(canvas, card)
    if picture is None:
        return _encode_steps(canvas)
    return _encode_with_picture(canvas, *picture)


# ---------------------------------------------------------------------------- layouts
def _kicker(canvas: Image.Image, site: str, width: int = WIDTH - 2 * MARGIN) -> None:
    """The site's name, small, at the top."""
    _line(canvas, one_line(site.upper(), 24, True, width), MARGIN, 64, 24, True, MUTED)


def _site_card(canvas: Image.Image, card: SiteCard) -> None:
    title = fit(card.site, (88, 76, 64, 56), True, WIDTH - 2 * MARGIN, 230)
    bottom = _block(canvas, title, MARGIN, 150, TEXT)
    if card.description:
        text = fit(card.description, (36, 32, 28), False, WIDTH - 2 * MARGIN,
                   HEIGHT - bottom - 140)
        _block(canvas, text, MARGIN, bottom + 30, MUTED)
    if card.footer:
        _line(canvas, one_line(card.footer, 26, True, WIDTH - 2 * MARGIN), MARGIN, HEIGHT - 64,
              26, True, MUTED)


def _story_card(canvas: Image.Image, card: StoryCard
                ) -> tuple[PictureSource, tuple[int, int, int, int], bool] | None:
    text_width = WIDTH - 2 * MARGIN if card.picture is None else 640
    _kicker(canvas, card.site, text_width)
    headline = fit(card.headline, (64, 56, 50, 44, 40), True, text_width, 300)
    _block(canvas, headline, MARGIN, 120, TEXT)
    _line(canvas, one_line(card.byline, 30, False, text_width), MARGIN, HEIGHT - 112, 30, False,
          MUTED)
    _line(canvas, one_line(card.stats, 28, True, text_width), MARGIN, HEIGHT - 64, 28, True, TEXT)
    if card.picture is None:
        return None
    return card.picture, (WIDTH - 400, 0, WIDTH, HEIGHT), False


def _profile_card(canvas: Image.Image, card: ProfileCard
                  ) -> tuple[PictureSource, tuple[int, int, int, int], bool] | None:
    _kicker(canvas, card.site)
    diameter = 240
    left, top = MARGIN, (HEIGHT - diameter) // 2 + 20
    box = (left, top, left + diameter, top + diameter)
    if card.picture is None:
        canvas.paste(ACCENT, box, _circle(diameter))
        letters = card.initials[:4]
        size = {1: 112, 2: 104, 3: 80}.get(len(letters), 64)
        ImageDraw.Draw(canvas).text((left + diameter // 2, top + diameter // 2), letters,
                                    fill=TEXT, font=font(size, True), anchor="mm")
    column = left + diameter + 56
    width = WIDTH - column - MARGIN
    name = fit(card.name, (64, 56, 48, 42), True, width, 160)
    description = fit(card.description, (34, 30, 28), False, width, 170) \
        if card.description else None
    height = name.height + (description.height + 20 if description else 0) + 60
    y = max(130, (HEIGHT - height) // 2 + 20)
    y = _block(canvas, name, column, y, TEXT)
    if description is not None:
        y = _block(canvas, description, column, y + 20, MUTED)
    _line(canvas, one_line(card.stats, 28, True, width), column, y + 50, 28, True, TEXT)
    return (card.picture, box, True) if card.picture is not None else None


def _quote_card(canvas: Image.Image, card: QuoteCard) -> None:
    _kicker(canvas, card.site)
    mark = font(160, True)
    ImageDraw.Draw(canvas).text((MARGIN - 6, 110), "“", fill=QUOTE_MARK, font=mark,
                                anchor="la")
    indent = MARGIN + int(mark.getbbox("“", anchor="la")[2]) + 12
    quote = fit(card.text, (52, 46, 40, 36, 32), False, WIDTH - indent - MARGIN, 300)
    _block(canvas, quote, indent, 140, TEXT)
    who = card.speaker + (f", {card.role}" if card.role else "")
    _line(canvas, one_line("— " + who, 30, True, WIDTH - 2 * MARGIN), MARGIN, HEIGHT - 112, 30,
          True, TEXT)
    _line(canvas, one_line(card.story, 26, False, WIDTH - 2 * MARGIN), MARGIN, HEIGHT - 64, 26,
          False, MUTED)


# ---------------------------------------------------------------------------- drawing
def _line(canvas: Image.Image, text: str, x: int, baseline: int, size: int, bold: bool,
          level: int) -> None:
    draw_line(canvas, x, baseline, text, size, bold, level)


def _block(canvas: Image.Image, text: Fitted, x: int, top: int, level: int) -> int:
    """Draw fitted lines from `top`; returns the bottom of the block."""
    ascent = font(text.size, text.bold).getmetrics()[0]
    baseline = top + ascent
    for line in text.lines:
        draw_line(canvas, x, baseline, line, text.size, text.bold, level)
        baseline += text.line_height
    return top + text.height


@lru_cache(maxsize=8)
def _circle(diameter: int) -> Image.Image:
    """A smooth-edged disc mask (drawn at 4x and scaled down)."""
    big = Image.new("L", (diameter * 4, diameter * 4), 0)
    ImageDraw.Draw(big).ellipse((0, 0, diameter * 4 - 1, diameter * 4 - 1), fill=255)
    return big.reduce(4)


def _encode_steps(canvas: Image.Image) -> bytes:
    card = canvas.point(_LEVELS)
    card.putpalette(_PALETTE)  # makes it a palette image of 16 colours: 4 bits a pixel
    out = io.BytesIO()
    card.save(out, "PNG", compress_level=9, compress_type=3)  # Z_RLE: fast on flat areas
    return out.getvalue()


def _encode_with_picture(canvas: Image.Image, source: PictureSource,
                         box: tuple[int, int, int, int], round_: bool) -> bytes:
    from PIL import ImageOps

    card = canvas.point(_LEVELS)
    card.putpalette(_PALETTE)
    full = card.convert("RGB")
    size = (box[2] - box[0], box[3] - box[1])
    picture = ImageOps.fit(open_upright(source.path).convert("RGB"), size,
                           Image.Resampling.LANCZOS, centering=(0.5, 0.4))
    full.paste(picture, box[:2], _circle(size[0]) if round_ else None)
    out = io.BytesIO()
    full.quantize(256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(
        out, "PNG", compress_level=9)
    return out.getvalue()


