"""`explainer init`: a new site folder that builds at once.

The files are package data, not Python strings: `site/` holds the new site as it is written
(`mkdocs.yml`, `content/`, editor settings, the publishing workflow...), `example/` an example
story with the people, organisations and places it names (`--example`). A name that starts
with `dot-` is written with a dot (`dot-gitignore` is `.gitignore`): dotfiles are easy to lose
in a package. A file ending in `.j2` is a Jinja template, filled with the site's title and the
package's version (the title is a value, never template code), and written without `.j2`. The
JSON Schemas of the content files (`explainer.model.schemas`) go into `schemas/`.

Nothing is overwritten without `force`; with it, a file whose text differs is first kept as
`NAME.bak` (or `NAME.bak.2`, ... when that exists), and identical files are left alone.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import jinja2

from .. import __version__
from ..model.schemas import schema_texts, yaml_schema_settings

SCAFFOLD = Path(__file__).resolve().parent
SITE_FILES = SCAFFOLD / "site"
EXAMPLE_FILES = SCAFFOLD / "example"
#: The folder of a new site that holds the JSON Schemas (VS Code's settings point there).
SCHEMA_FOLDER = "schemas"
#: What the example story is and where it comes from (shown when it is written).
EXAMPLE_CREDIT = ("wikinews-afghan-robotics-team: an English Wikinews article, CC BY 2.5 "
                  "(attribution on the story's pages)")
_DOT = "dot-"
_TEMPLATE = ".j2"
_PLACEHOLDER = ".gitkeep"


class FolderNotEmpty(Exception):
    """The target folder holds files and `force` was not given."""


@dataclass
class Scaffolded:
    folder: Path
    created: list[str] = field(default_factory=list)
    replaced: list[tuple[str, str]] = field(default_factory=list)  # (file, its backup)
    unchanged: list[str] = field(default_factory=list)


def site_files(title: str, example: bool) -> dict[str, bytes]:
    """Every file of a new site, by its path relative to the site folder."""
    values = {"title": title, "title_yaml": json.dumps(title, ensure_ascii=False),
              "version": __version__, "yaml_schemas": yaml_schema_settings(SCHEMA_FOLDER)}
    files = dict(_package_files(SITE_FILES, values))
    files.update({f"{SCHEMA_FOLDER}/{name}": text.encode("utf-8")
                  for name, text in schema_texts().items()})
    if example:
        files.update(_package_files(EXAMPLE_FILES, values))
        # an empty folder's placeholder is not needed once the example fills the folder
        filled = {folder for path in files if PurePosixPath(path).name != _PLACEHOLDER
                  for folder in PurePosixPath(path).parents}
        files = {path: data for path, data in files.items()
                 if not (PurePosixPath(path).name == _PLACEHOLDER
                         and PurePosixPath(path).parent in filled)}
    return dict(sorted(files.items()))


def _package_files(base: Path, values: Mapping[str, object]) -> Iterator[tuple[str, bytes]]:
    environment = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
                                     autoescape=False)
    for path in sorted(p for p in base.rglob("*") if p.is_file()):
        parts = ["." + part[len(_DOT):] if part.startswith(_DOT) else part
                 for part in path.relative_to(base).parts]
        data = path.read_bytes()
        if parts[-1].endswith(_TEMPLATE):
            parts[-1] = parts[-1][:-len(_TEMPLATE)]
            template = environment.from_string(data.decode("utf-8"))
            data = template.render(values).encode("utf-8")
        yield "/".join(parts), data


def is_empty_folder(folder: Path) -> bool:
    """Missing, empty, or holding only a git repository (`git init` first is common)."""
    return not folder.exists() or all(p.name == ".git" for p in folder.iterdir())


def create_site(folder: Path, *, title: str, example: bool = False,
                force: bool = False) -> Scaffolded:
    """Write a new site into `folder`. Refuses a folder with files in it unless `force`."""
    if folder.exists() and not folder.is_dir():
        raise FolderNotEmpty(f"{folder} is a file, not a folder")
    if not force and not is_empty_folder(folder):
        raise FolderNotEmpty(
            f"{folder} is not empty; choose a new folder, or pass --force to add the site's "
            "files to it (a file that differs is kept as NAME.bak before it is replaced)")
    result = Scaffolded(folder)
    for relative, data in site_files(title, example).items():
        path = folder / relative
        if path.is_file() and path.read_bytes() == data:
            result.unchanged.append(relative)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():
            backup = _free_backup(path)
            path.replace(backup)
            result.replaced.append((relative, backup.relative_to(folder).as_posix()))
        else:
            result.created.append(relative)
        path.write_bytes(data)
    return result


def _free_backup(path: Path) -> Path:
    """`NAME.bak`, or the first of `NAME.bak.2`, `NAME.bak.3`, ... not taken: an earlier
    backup is never overwritten."""
    candidate, number = path.with_name(path.name + ".bak"), 2
    while candidate.exists() or candidate.is_symlink():
        candidate, number = path.with_name(f"{path.name}.bak.{number}"), number + 1
    return candidate


def default_title(folder: Path) -> str:
    """A title from the folder's name: `city-hall-explainers` gives "City hall explainers"."""
    words = " ".join(folder.resolve().name.replace("-", " ").replace("_", " ").split())
    return (words[:1].upper() + words[1:]) or "Explainers"
