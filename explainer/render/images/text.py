"""Text for pictures: the shipped fonts, line breaking, and fitting text into a box.

The fonts ship with the package (`explainer/data/fonts/`, DejaVu Sans, with its licence), so a
card looks the same on every machine and nothing is downloaded. Pillow's basic layout engine
is used on purpose: the optional Raqm engine depends on system libraries (FriBiDi, HarfBuzz)
that differ between machines, and the same input must give the same bytes everywhere.

Line breaking measures each word once per font (a site draws thousands of cards from a few
thousand distinct words), and a line's width is the sum of its words and spaces; the
allowance `SLACK` covers the kerning between words that the sum leaves out. Lines are drawn
word by word from rendered words kept in a bounded cache (`word_mask`): FreeType renders
each glyph anew on every call, and most words of a site's quotes recur, so this halves the
cost of drawing a card's text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT_FILES = {False: "DejaVuSans.ttf", True: "DejaVuSans-Bold.ttf"}
ELLIPSIS = "…"
SLACK = 0.985
#: No printing character of the shipped fonts is narrower than this share of an em (the
#: narrowest, such as "i" and "l", are about 0.27 em), so a line of `width` pixels holds at
#: most `width / (NARROWEST * size)` characters. Text is cut to what could possibly fit before
#: it is measured: a card shows a few lines, and measuring a 2 MB field, or cutting a word of
#: 200,000 letters one letter at a time, would take minutes.
NARROWEST = 0.25


def font_path(bold: bool) -> Path:
    return Path(str(resources.files("explainer") / "data" / "fonts" / FONT_FILES[bold]))


@lru_cache(maxsize=64)
def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font_path(bold)), size,
                              layout_engine=ImageFont.Layout.BASIC)


class Measure:
    """Widths of words in one font, each measured once."""

    def __init__(self, face: ImageFont.FreeTypeFont):
        self.face = face
        self.words: dict[str, float] = {}
        self.space = face.getlength(" ")

    def word(self, word: str) -> float:
        found = self.words.get(word)
        if found is None:
            found = self.words[word] = self.face.getlength(word)
        return found

    def line(self, words: list[str]) -> float:
        return sum(self.word(w) for w in words) + self.space * max(len(words) - 1, 0)


@lru_cache(maxsize=64)
def measure(size: int, bold: bool = False) -> Measure:
    return Measure(font(size, bold))


@lru_cache(maxsize=4096)  # at most ~30 MB of rendered words
def word_mask(word: str, size: int, bold: bool) -> tuple[Image.Image, int, int]:
    """A word drawn in white on black (a mask), and where its top left lies from the pen's
    position on the baseline."""
    face = font(size, bold)
    left, top, right, bottom = (int(v) for v in face.getbbox(word, anchor="ls"))
    mask = Image.new("L", (max(right - left, 1), max(bottom - top, 1)), 0)
    ImageDraw.Draw(mask).text((-left, -top), word, fill=255, font=face, anchor="ls")
    return mask, left, top


def draw_line(canvas: Image.Image, x: float, baseline: int, line: str, size: int, bold: bool,
              level: int) -> None:
    """`line` at grey `level` with its baseline at `baseline`, word by word."""
    ruler = measure(size, bold)
    for word in line.split(" "):
        if word:
            mask, left, top = word_mask(word, size, bold)
            canvas.paste(level, (round(x) + left, baseline + top), mask)
            x += ruler.word(word)
        x += ruler.space


def wrap(text: str, size: int, bold: bool, width: float) -> list[str]:
    """Lines of `text` no wider than `width` pixels; a word wider than a line is cut."""
    ruler = measure(size, bold)
    limit = width * SLACK
    lines: list[str] = []
    current: list[str] = []
    used = 0.0
    for word in text.split():
        word_width = ruler.word(word)
        while word_width > limit:  # a long address or compound: cut it where it overflows
            head = _longest_prefix(word, ruler, limit)
            if current:
                lines.append(" ".join(current))
                current, used = [], 0.0
            lines.append(head)
            word = word[len(head):]
            word_width = ruler.word(word)
        extra = word_width + (ruler.space if current else 0.0)
        if current and used + extra > limit:
            lines.append(" ".join(current))
            current, used = [word], word_width
        else:
            current.append(word)
            used += extra
    if current:
        lines.append(" ".join(current))
    return lines


def _longest_prefix(word: str, ruler: Measure, limit: float) -> str:
    """The longest start of `word` no wider than `limit` (at least one character), found by
    halving: a prefix grows wider with every character it gains."""
    low, high = 1, min(len(word), most_characters(limit, ruler.face.size))
    while low < high:
        middle = (low + high + 1) // 2
        if ruler.face.getlength(word[:middle]) > limit:
            high = middle - 1
        else:
            low = middle
    return word[:low]


@dataclass(frozen=True)
class Fitted:
    """Text broken into lines at a size that fits its box."""

    lines: tuple[str, ...]
    size: int
    bold: bool
    line_height: int

    @property
    def height(self) -> int:
        return self.line_height * len(self.lines)


def most_characters(width: float, size: float) -> int:
    """More characters than a line `width` pixels wide can hold at `size` (see NARROWEST)."""
    return int(width / (NARROWEST * size)) + 1


def fit(text: str, sizes: tuple[int, ...], bold: bool, width: float, height: float,
        leading: float = 1.2) -> Fitted:
    """The largest of `sizes` at which `text` fits `width` x `height`; at the smallest, the
    lines that fit, the last ending in an ellipsis (the page has the full text)."""
    size = sizes[-1]
    line_height = round(size * leading)
    room = max(int(height // line_height), 1)
    text = " ".join(text.split())
    shown = text[:(room + 1) * most_characters(width, size)]
    cut = len(shown) < len(text)
    if not cut:
        for larger in sizes[:-1]:
            larger_height = round(larger * leading)
            lines = wrap(shown, larger, bold, width)
            if len(lines) * larger_height <= height:
                return Fitted(tuple(lines), larger, bold, larger_height)
    lines = wrap(shown, size, bold, width)
    if len(lines) <= room and not cut:
        return Fitted(tuple(lines), size, bold, line_height)
    return Fitted(tuple(truncate(lines[:room], size, bold, width,
                                 cut=cut or len(lines) > room)),
                  size, bold, line_height)


def truncate(lines: list[str], size: int, bold: bool, width: float,
             cut: bool = True) -> list[str]:
    """`lines` with the last one ending in an ellipsis that fits (when `cut`)."""
    if not cut or not lines:
        return lines
    ruler = measure(size, bold)
    words = lines[-1].split()
    while words and ruler.line([*words[:-1], words[-1] + ELLIPSIS]) > width * SLACK:
        words.pop()
    last = " ".join(words) + ELLIPSIS if words else ELLIPSIS
    return [*lines[:-1], last]


def one_line(text: str, size: int, bold: bool, width: float) -> str:
    """`text` on one line, shortened with an ellipsis if it is too wide."""
    text = " ".join(text.split())
    shown = text[:2 * most_characters(width, size)]
    lines = wrap(shown, size, bold, width)
    cut = len(lines) > 1 or len(shown) < len(text)
    return truncate(lines[:1], size, bold, width, cut=cut)[0] if lines else ""

