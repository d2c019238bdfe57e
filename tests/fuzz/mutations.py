"""Mutations of a content folder, as a careless editor, a broken save or an attacker makes them.

Each mutation takes the random generator of one case and the project's files (path -> bytes,
for those that exist), and returns the changes to make: a path and its new bytes, or None to
delete it, or `FOLDER` to put a folder where a file was. Every choice is drawn from the
case's own generator, so a case is replayed exactly from (seed, case number).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

Files = dict[str, bytes]
Changes = dict[str, "bytes | Folder | None"]


class Folder:
    """A folder where a content file is expected (an editor's `mkdir people/x.md`)."""

    def __repr__(self) -> str:
        return "FOLDER"


FOLDER = Folder()

_KEY_LINE = re.compile(rb"^\s*-?\s*[A-Za-z_][\w-]*:(?:\s|$)")
_ID_TOKEN = re.compile(rb"\b(?:p|q|e|f)\d+[a-z]?\b|\b[a-z]+(?:-[a-z0-9]+)+\b")

SPECIAL_UNICODE = ("\u0085", "\u2028", "\u2029", "\u202e", "\ufeff", "\ufffe", "\u200b",
                   "\u00a0", "\u0000", "\u061c", "\U0001f600", "\u0301", "\u009b")
YAML_TOKENS = (": ", "- ", "[", "]", "{", "}", "&a ", "*a", "!!python/object/apply:os.system ",
               "!!binary ", "<<: ", "? ", "|", ">", "%YAML 1.2\n", "---\n", "...\n", "#", "'",
               '"', "\\", "@", "`", "!", "%", ",", "~", "null", "true", "1e400", "0x1F",
               "2016-13-45", "-", ":", "  ")
MARKDOWN_TOKENS = ("{#p1}", "{#P1}", "{#}", "{: .x }", "## ", "> ", "- ", "1. ", "```", "    ",
                   "<div>", "<script>alert(1)</script>", "[x](javascript:alert(1))", "{{ 7*7 }}",
                   "{% include 'x' %}", "\n\n", "---\n", "*", "_", "|", "<!--", "&#0;", "\\")


def _position(rng: random.Random, data: bytes) -> int:
    return rng.randint(0, len(data))


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\n")


def flip_bits(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        if out:
            out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    return bytes(out)


def truncate(rng: random.Random, data: bytes) -> bytes:
    return data[:_position(rng, data)]


def delete_line(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    del lines[rng.randrange(len(lines))]
    return b"\n".join(lines)


def double_line(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    index = rng.randrange(len(lines))
    lines.insert(index, lines[index])
    return b"\n".join(lines)


def swap_lines(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    a, b = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[a], lines[b] = lines[b], lines[a]
    return b"\n".join(lines)


def double_key(rng: random.Random, data: bytes) -> bytes:
    """A `key: value` line written twice (a duplicate key), or any line if there is none."""
    lines = _lines(data)
    keys = [i for i, line in enumerate(lines) if _KEY_LINE.match(line)]
    index = rng.choice(keys) if keys else rng.randrange(len(lines))
    lines.insert(index + rng.randint(0, 1), lines[index])
    return b"\n".join(lines)


def insert_bytes(chunk: bytes) -> Callable[[random.Random, bytes], bytes]:
    def mutate(rng: random.Random, data: bytes) -> bytes:
        at = _position(rng, data)
        return data[:at] + chunk + data[at:]
    mutate.__name__ = f"insert {chunk!r}"
    return mutate


def insert_tab(rng: random.Random, data: bytes) -> bytes:
    """A tab in place of indentation (YAML refuses tabs there) or anywhere."""
    lines = _lines(data)
    index = rng.randrange(len(lines))
    if rng.random() < 0.5:
        lines[index] = b"\t" + lines[index].lstrip(b" ")
        return b"\n".join(lines)
    return insert_bytes(b"\t")(rng, data)


def insert_control(rng: random.Random, data: bytes) -> bytes:
    return insert_bytes(bytes([rng.choice([*range(0, 32), 127])]))(rng, data)


def insert_bom(rng: random.Random, data: bytes) -> bytes:
    at = 0 if rng.random() < 0.5 else _position(rng, data)
    return data[:at] + b"\xef\xbb\xbf" + data[at:]


def insert_unicode(rng: random.Random, data: bytes) -> bytes:
    return insert_bytes(rng.choice(SPECIAL_UNICODE).encode("utf-8", "surrogatepass"))(rng, data)


def invalid_utf8(rng: random.Random, data: bytes) -> bytes:
    chunk = rng.choice((b"\x80", b"\xff", b"\xc0\x80", b"\xed\xa0\x80", b"\xe2\x82",
                        bytes([rng.randint(128, 255)])))
    return insert_bytes(chunk)(rng, data)


def insert_token(tokens: tuple[str, ...], name: str) -> Callable[[random.Random, bytes], bytes]:
    def mutate(rng: random.Random, data: bytes) -> bytes:
        token = rng.choice(tokens).encode("utf-8")
        if rng.random() < 0.4:  # at the start of a line, where most syntax lives
            lines = _lines(data)
            index = rng.randrange(len(lines))
            lines[index] = token + lines[index]
            return b"\n".join(lines)
        return insert_bytes(token)(rng, data)
    mutate.__name__ = name
    return mutate


def indent(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    index = rng.randrange(len(lines))
    if rng.random() < 0.5:
        lines[index] = b" " * rng.randint(1, 4) + lines[index]
    else:
        lines[index] = lines[index][rng.randint(1, 4):] if lines[index][:1] == b" " \
            else lines[index]
    return b"\n".join(lines)


def change_id(rng: random.Random, data: bytes) -> bytes:
    """An id or reference (p3, q12, jane-doe) replaced by another, often unknown, one."""
    found = list(_ID_TOKEN.finditer(data))
    if not found:
        return flip_bits(rng, data)
    match = rng.choice(found)
    other = rng.choice((b"p999", b"q0", b"nobody", b"P1", b"p1", b"x--y", b"-", b""))
    return data[:match.start()] + other + data[match.end():]


def line_endings(rng: random.Random, data: bytes) -> bytes:
    return data.replace(b"\n", rng.choice((b"\r\n", b"\r", b"\n\n")))


def huge(rng: random.Random, data: bytes) -> bytes:
    """A very long line, a line repeated thousands of times, or a file over the size limit."""
    kind = rng.randrange(3)
    if kind == 0:
        return insert_bytes(b"x" * rng.randint(10_000, 200_000))(rng, data)
    lines = _lines(data)
    index = rng.randrange(len(lines))
    times = rng.randint(1000, 5000) if kind == 1 else 2 * 1024 * 1024 // max(1, len(lines[index]))
    lines[index:index + 1] = [lines[index]] * times
    return b"\n".join(lines)


def empty(rng: random.Random, data: bytes) -> bytes:
    return b""


BYTE_MUTATIONS: tuple[Callable[[random.Random, bytes], bytes], ...] = (
    flip_bits, truncate, delete_line, double_line, swap_lines, double_key, insert_tab,
    insert_control, insert_bom, insert_unicode, invalid_utf8,
    insert_token(YAML_TOKENS, "YAML token"), insert_token(MARKDOWN_TOKENS, "Markdown token"),
    indent, change_id, line_endings, huge, empty,
)

#: Where a stray file lands: a registry, a story, the content root, or a new story folder.
DROP_NAMES = ("content/people/{n}.md", "content/organisations/{n}.md", "content/places/{n}.md",
              "content/stories/{story}/{n}.png", "content/stories/{story}/.facts.yaml.swp",
              "content/stories/{story}/facts.yaml~", "content/{n}.yaml", "content/people/.#{n}.md",
              "content/stories/{n}/article.md", "content/stories/{n}/facts.yaml",
              "content/stories/{story}/facts.yaml", "content/stories/{story}/article.md",
              "content/glossary.yaml", "content/site.yaml", "content/people/{n} copy.md")


def binary(rng: random.Random) -> bytes:
    kind = rng.randrange(4)
    if kind == 0:  # a PNG header and noise
        return b"\x89PNG\r\n\x1a\n" + rng.randbytes(rng.randint(0, 4000))
    if kind == 1:  # a UTF-16 file (an editor's "Unicode" save)
        return "---\nname: Wide Text\n---\n".encode("utf-16")
    if kind == 2:  # a zip (a mistaken download)
        return b"PK\x03\x04" + rng.randbytes(rng.randint(0, 4000))
    return rng.randbytes(rng.randint(1, 4000))


def mutate(rng: random.Random, files: Files) -> tuple[Changes, list[str]]:
    """One case: 1 to 3 mutations of the project's content. Returns the changes and a
    description of each (for the report of a failing case)."""
    changes: Changes = {}
    described: list[str] = []
    content = sorted(path for path in files if path.startswith("content/"))
    stories = sorted({path.split("/")[2] for path in content
                      if path.startswith("content/stories/")})
    for _ in range(rng.choice((1, 1, 1, 2, 3))):
        roll = rng.random()
        if roll < 0.82:
            path = rng.choice(content)
            current = changes.get(path, files[path])
            if not isinstance(current, bytes):
                continue
            operation = rng.choice(BYTE_MUTATIONS)
            changes[path] = operation(rng, current if current else b"\n")
            described.append(f"{operation.__name__} in {path}")
        elif roll < 0.90:
            path = rng.choice(DROP_NAMES).format(n=f"stray-{rng.randrange(100)}",
                                                 story=rng.choice(stories))
            changes[path] = binary(rng)
            described.append(f"binary file in {path}")
        elif roll < 0.96:
            path = rng.choice(content)
            changes[path] = None
            described.append(f"deleted file in {path}")
        else:
            path = rng.choice((rng.choice(content), f"content/people/folder-{rng.randrange(9)}.md",
                               f"content/stories/{rng.choice(stories)}/facts.yaml"))
            changes[path] = FOLDER
            described.append(f"folder in {path}")
    return changes, described
