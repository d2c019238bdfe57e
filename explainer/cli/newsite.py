"""`explainer init DIR` (a new site) and `explainer schema DIR` (the content files' JSON
Schemas): the verbs that set a site up rather than build it."""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path
from typing import Any

from ..model.schemas import stale_schemas, write_schemas
from ..scaffold import EXAMPLE_CREDIT, FolderNotEmpty, create_site, default_title

EXIT_OK, EXIT_STALE, EXIT_USAGE = 0, 1, 2


def cmd_init(args: argparse.Namespace) -> int:
    folder: Path = args.folder
    title = args.title or default_title(folder)
    try:
        made = create_site(folder, title=title, example=args.example, force=args.force)
    except FolderNotEmpty as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as error:
        print(f"error: {error.filename or folder}: {error.strerror or error}", file=sys.stderr)
        return EXIT_USAGE
    shown = folder.as_posix().rstrip("/") or "."
    for path in made.created:
        print(f"created {shown}/{path}", file=sys.stderr)
    for path, backup in made.replaced:
        print(f"replaced {shown}/{path} (the previous file is kept as {shown}/{backup})",
              file=sys.stderr)
    if made.unchanged:
        print(f"{len(made.unchanged)} files were already as they should be", file=sys.stderr)
    if args.example:
        print(f"example story: {EXAMPLE_CREDIT}", file=sys.stderr)
    print(f"\nA new explainer site, \"{title}\", is in {shown}/. Next:\n", file=sys.stderr)
    if folder.resolve() != Path.cwd().resolve():
        print(f"  cd {shlex.quote(shown)}", file=sys.stderr)
    print("  explainer serve                              # preview on "
          "http://127.0.0.1:8000/, reloads on save", file=sys.stderr)
    if not args.example:
        print("  explainer new my-story --from article.txt    # your first story",
              file=sys.stderr)
    print("\nREADME.md there says where everything is; open the folder in VS Code for "
          "completion and checks as you type.", file=sys.stderr)
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    folder: Path = args.folder
    if args.check:
        stale = stale_schemas(folder)
        for name in stale:
            print(f"{folder / name}: out of date (run `explainer schema {folder}`)",
                  file=sys.stderr)
        return EXIT_STALE if stale else EXIT_OK
    result = write_schemas(folder)
    for path in result.written:
        print(f"wrote {path}", file=sys.stderr)
    if result.unchanged:
        print(f"{len(result.unchanged)} schemas unchanged in {folder}", file=sys.stderr)
    return EXIT_OK


def add_verbs(verbs: Any) -> None:
    """`init` and `schema` on the command line's sub-parsers."""
    p = verbs.add_parser("init", help="start a new site in a folder (--example adds a story)",
                         description="Create a new explainer site in DIR that builds at once: "
                                     "mkdocs.yml with the explainer plugin, content/ (site.yaml, "
                                     "empty registries), .gitignore, a README for its editors, "
                                     "VS Code settings wired to the content files' JSON "
                                     "Schemas, a pre-commit configuration running `explainer "
                                     "check`, and a GitHub Actions workflow that checks, builds "
                                     "and publishes the site on GitHub Pages. Refuses a folder "
                                     "with files in it unless --force.")
    p.add_argument("folder", type=Path, metavar="DIR", help="the new site's folder (created if "
                   "missing; may hold only a .git repository)")
    p.add_argument("--example", action="store_true",
                   help="add an example story (a Wikinews article, CC BY 2.5) with its people, "
                        "organisations and places")
    p.add_argument("--title", help="the site's title (default: from the folder's name)")
    p.add_argument("--force", action="store_true",
                   help="write into a folder with files in it; a file that differs is kept as "
                        "NAME.bak before it is replaced")
    p.set_defaults(func=cmd_init)

    p = verbs.add_parser("schema", help="write the content files' JSON Schemas into a folder",
                         description="Write the JSON Schemas of site.yaml, glossary.yaml, "
                                     "facts.yaml and the front matter of people, organisations, "
                                     "places and articles into DIR (generated from the content "
                                     "models; editors' YAML extensions use them for completion "
                                     "and checks). Files already up to date are left alone.")
    p.add_argument("folder", type=Path, metavar="DIR", help="where to write them, e.g. schemas")
    p.add_argument("--check", action="store_true",
                   help="write nothing; exit 1 if a schema in DIR is missing or out of date")
    p.set_defaults(func=cmd_schema)
