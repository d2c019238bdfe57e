"""Pictures drawn at build time: share cards, quote cards, resized content pictures, the cache.

Checked as data, not pixels: sizes, formats, chunks, metadata, line widths against the box.
"""

from __future__ import annotations

import io
import struct
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from explainer.render.images import plain_text
from explainer.render.images.cache import ImageCache, key
from explainer.render.images.cards import (
    HEIGHT,
    WIDTH,
    ProfileCard,
    QuoteCard,
    SiteCard,
    StoryCard,
    draw_card,
)
from explainer.render.images.photos import (
    PictureSource,
    PictureSpec,
    draw_picture,
    output_size,
)
from explainer.render.images.text import ELLIPSIS, SLACK, fit, font, one_line, wrap

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "images"
CARDS = [
    SiteCard("Explainers", "Who said what, with every quote cited."),
    StoryCard("Explainers", "Tajikistan co-operates with Interpol to fight trans-national crime",
              "Caravanserai · 4 October 2016", "42 quotes · 7 people · 5 events"),
    ProfileCard("Explainers", "Ramazon Rakhimzoda", "Interior Minister, Tajik Interior Ministry",
                "Quoted 10 times in 1 story", "RR"),
    QuoteCard("Explainers", "We are strengthening co-operation with Interpol " * 12,
              "Ramazon Rakhimzoda", "Interior Minister", "Tajikistan co-operates with Interpol"),
]


def chunks(png: bytes) -> list[bytes]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    names, offset = [], 8
    while offset < len(png):
        length, name = struct.unpack(">I4s", png[offset:offset + 8])
        names.append(name)
        offset += 12 + length
    return names


def source(name: str) -> PictureSource:
    with Image.open(FIXTURES / name) as picture:
        width, height = picture.size
        turned = picture.getexif().get(0x0112, 1) in (5, 6, 7, 8)
        alpha = picture.mode in ("RGBA", "LA")
    if turned:
        width, height = height, width
    return PictureSource("digest-" + name, alpha, width, height, str(FIXTURES / name))


@pytest.mark.parametrize("card", CARDS, ids=lambda c: type(c).__name__)
def test_cards_are_1200_by_630_pngs_with_pixels_only(card: object) -> None:
    data = draw_card(card)  # type: ignore[arg-type]
    with Image.open(io.BytesIO(data)) as picture:
        assert picture.format == "PNG" and picture.size == (WIDTH, HEIGHT) == (1200, 630)
        assert picture.mode == "P"  # a palette: small files
        assert len(picture.getcolors() or []) <= 16
    assert chunks(data) == [b"IHDR", b"PLTE", b"IDAT", b"IEND"]  # no text, no time
    assert draw_card(card) == data  # type: ignore[arg-type]


def test_a_card_with_a_portrait_is_still_1200_by_630() -> None:
    card = ProfileCard("Explainers", "Jane Doe", "Mayor", "In 1 story", "JD",
                       source("portrait.jpg"))
    data = draw_card(card)
    with Image.open(io.BytesIO(data)) as picture:
        assert picture.size == (1200, 630)
        assert len(picture.getcolors(256) or []) > 16  # the photograph's own colours
    assert b"eXIf" not in chunks(data) and draw_card(card) == data


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("abcdefghij klmnop QRSTUV,.-—12345 "), min_size=1,
               max_size=300), st.sampled_from([(40, False), (56, True), (30, True)]),
       st.integers(min_value=120, max_value=1040))
def test_wrapped_lines_fit_their_box_and_keep_every_word(text: str, face: tuple[int, bool],
                                                         width: int) -> None:
    size, bold = face
    lines = wrap(text, size, bold, width)
    for line in lines:
        assert font(size, bold).getlength(line) <= width / SLACK * 1.0 + 1
    assert "".join("".join(lines).split()) == "".join(text.split())


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["Interpol", "said", "the", "minister", "co-operation",
                                 "151", "Tajiks"]), min_size=1, max_size=200))
def test_fitted_text_fits_its_box_or_ends_in_an_ellipsis(words: list[str]) -> None:
    text = " ".join(words)
    fitted = fit(text, (52, 40, 32), False, 900, 300)
    assert fitted.height <= 300
    for line in fitted.lines:
        assert font(fitted.size).getlength(line) <= 900
    shown = " ".join(fitted.lines)
    assert shown == text or shown.endswith(ELLIPSIS)


@pytest.mark.parametrize("text", ["x" * 5_000, "word " * 200_000, "Border Force\n" * 50_000],
                         ids=["one long word", "many words", "many lines"])
def test_a_huge_field_is_cut_before_it_is_measured(text: str,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A field of megabytes (fuzzing made one) gives its card's first lines and an ellipsis,
    and only what could fit is ever measured: measuring it all took minutes."""
    from PIL import ImageFont

    measured = [0]
    getlength = ImageFont.FreeTypeFont.getlength

    def counting(face: ImageFont.FreeTypeFont, text: str, *args: object, **kw: object) -> float:
        measured[0] += len(text)
        return getlength(face, text, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(ImageFont.FreeTypeFont, "getlength", counting)
    fitted = fit(text, (64, 56, 48, 42), True, 900, 160)
    assert fitted.lines[-1].endswith(ELLIPSIS) and fitted.height <= 160
    assert "".join(text.split()).startswith("".join("".join(fitted.lines)[:-1].split()))
    line = one_line(text, 28, True, 900)
    assert line.endswith(ELLIPSIS) and font(28, True).getlength(line) <= 900
    assert measured[0] < 20_000


def test_portraits_are_upright_squares_without_metadata() -> None:
    spec = PictureSpec(source("portrait.jpg"), "portrait")
    data = draw_picture(spec)
    with Image.open(io.BytesIO(data)) as picture:
        assert picture.format == "JPEG" and picture.size == (320, 320)
        assert not picture.getexif() and "icc_profile" not in picture.info
        # the silhouette's dark shoulders are at the bottom once the picture is upright
        top, bottom = picture.getpixel((160, 10)), picture.getpixel((160, 310))
        assert sum(bottom) < sum(top)  # type: ignore[arg-type]
    assert b"Explainer test camera" not in data
    assert draw_picture(spec) == data


def test_logos_keep_their_transparency_and_are_never_cropped() -> None:
    logo = source("logo.png")
    data = draw_picture(PictureSpec(logo, "logo"))
    with Image.open(io.BytesIO(data)) as picture:
        assert picture.format == "PNG" and picture.mode == "RGBA"
        assert picture.size == output_size(logo.width, logo.height, "logo") == (320, 160)


def test_lead_pictures_shrink_to_1280_and_small_ones_are_not_enlarged() -> None:
    assert output_size(1600, 900, "lead") == (1280, 720)
    assert output_size(400, 300, "lead") == (400, 300)
    assert output_size(200, 500, "portrait") == (200, 200)
    with Image.open(io.BytesIO(draw_picture(PictureSpec(source("bridge.jpg"), "lead")))) as pic:
        assert pic.size == (1280, 720)


def test_the_cache_returns_what_was_put_and_prunes_what_was_not_used(tmp_path: Path) -> None:
    png = draw_card(CARDS[0])
    cache = ImageCache(tmp_path / "images")
    entry = key(CARDS[0])
    assert cache.get(entry) is None
    cache.put(entry, png)
    later = ImageCache(tmp_path / "images")
    assert later.get(entry) == png
    stale = key(CARDS[1])
    later.put(stale, png)
    fresh = ImageCache(tmp_path / "images")
    assert fresh.get(entry) == png
    assert fresh.prune() == 1
    assert ImageCache(tmp_path / "images").get(stale) is None


def test_a_damaged_cache_entry_is_drawn_again(tmp_path: Path) -> None:
    cache = ImageCache(tmp_path)
    entry = key(CARDS[1])
    cache.put(entry, draw_card(CARDS[1])[:-20])  # cut short, as by a full disk
    assert cache.get(entry) is None


def test_cache_keys_name_every_input_but_not_where_a_picture_lives() -> None:
    first = ProfileCard("S", "Jane Doe", "Mayor", "In 1 story", "JD")
    assert key(first) != key(ProfileCard("S", "Jane Doe", "Mayor", "In 2 stories", "JD"))
    moved = PictureSource("same-bytes", False, 10, 10, "/elsewhere/jane.jpg")
    here = PictureSource("same-bytes", False, 10, 10, "/content/jane.jpg")
    assert key(PictureSpec(moved, "portrait")) == key(PictureSpec(here, "portrait"))
    assert key(PictureSpec(here, "portrait")) != key(PictureSpec(here, "logo"))


def test_plain_text_of_markdown() -> None:
    assert plain_text("A **bold** [link](https://example.org) & more") == \
        "A bold link & more"
    assert plain_text("window.__pwned <b>x</b>") == "window.__pwned <b>x</b>"
    assert plain_text("Plain  words\nacross lines") == "Plain words across lines"
