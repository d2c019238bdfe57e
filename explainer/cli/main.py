"""The command line: `explainer check | generate | build | serve | new | draft | init | schema`
(this repository's `build.py` is the same command).

A thin layer: it parses arguments, calls the pipeline, and turns every content problem into
`path:line:col: severity: message` lines with an exit status (0 clean, 1 content errors,
2 usage errors, 3 engine failure). No traceback for a content mistake.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import TextIO

from ..build.cache import CACHE_MODE
from ..build.disk import DISK_ERRORS
from ..build.engine import (
    ENGINES,
    EngineError,
    EngineWriteError,
    build_site,
    incremental_possible,
    require_engine,
)
from ..build.generation_cache import open_store
from ..build.lock import SiteBusy, build_lock
from ..build.writer import UnsafeOutput
from ..diagnostics import ContentError, Diagnostic, format_json, limit_per_file
from ..load.content import load_article, load_content
from ..pipeline import Caches, check, generate_to_disk
from ..project import Project
from ..render.pages import RenderError
from . import newsite

EXIT_OK, EXIT_CONTENT, EXIT_USAGE, EXIT_ENGINE, EXIT_BUSY = 0, 1, 2, 3, 4
#: the output could not be written (disk full, no permission): as with content errors, the
#: previous site stays
EXIT_NOT_WRITTEN = 1


def _say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def _print_diagnostics(diagnostics: list[Diagnostic], stream: TextIO | None = None) -> None:
    for diagnostic in limit_per_file(diagnostics):
        print(diagnostic.format(), file=stream or sys.stderr)


def command_name() -> str:
    """How the user called us: `build.py` in this repository, else `explainer`."""
    return "build.py" if Path(sys.argv[0]).name == "build.py" else "explainer"


def _preview_hint() -> str:
    if command_name() == "build.py":
        return "`make serve` (or `python build.py serve`)"
    return "`explainer serve`"


def _summary(errors: int, warnings: int) -> str:
    return f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"


def cmd_check(args: argparse.Namespace) -> int:
    project = Project.at(args.root)
    _graph, report = check(project)
    diagnostics = report.sorted()
    if args.format == "json":
        print(format_json(diagnostics))
    else:
        _print_diagnostics(diagnostics, sys.stdout)
        print(_summary(len(report.errors), len(report.warnings)), file=sys.stderr)
    if report.errors or (args.strict and report.warnings):
        return EXIT_CONTENT
    return EXIT_OK


def _generate(project: Project, quiet: bool = False, timings: bool = False,
              clean: bool = False) -> tuple[object, int]:
    """Generate into docs_dir, starting from the pages the build cache holds (all of them
    rendered again with `clean`) and storing the new ones."""
    caches = Caches()
    caches.pages.hold_pictures = False  # one run: pictures are linked from their cache
    store = open_store(project.root, caches.pages, refresh=clean)
    generated, written = generate_to_disk(project, caches, jobs=default_jobs())
    store.save()
    _print_diagnostics(generated.report.warnings)
    if not quiet:
        print(f"generated {len(generated.pages)} files into "
              f"{_shown(project.docs_dir, project.root)}/ ({len(written.written)} written, "
              f"{written.unchanged} unchanged, {len(written.removed)} removed)", file=sys.stderr)
    if timings:
        print(f"timings: {generated.timings} (pictures: {generated.drawn} drawn, "
              f"{generated.pictures - generated.drawn} from the cache)", file=sys.stderr)
    return generated, EXIT_OK


def default_jobs() -> int:
    """Worker processes for rendering: the machine's cores, at most 4 (EXPLAINER_JOBS overrides)."""
    configured = os.environ.get("EXPLAINER_JOBS", "")
    if configured.isdigit() and int(configured) > 0:
        return int(configured)
    return max(1, min(4, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
                      else os.cpu_count() or 1))


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def cmd_generate(args: argparse.Namespace) -> int:
    project = Project.at(args.root)
    with build_lock(project.root, wait=not args.no_wait, say=_say):
        _generate(project, timings=args.timings)
    return EXIT_OK


def cmd_build(args: argparse.Namespace) -> int:
    project = Project.at(args.root)
    require_engine(args.engine)  # a missing engine fails before anything is written
    with build_lock(project.root, wait=not args.no_wait, say=_say):
        generated, _ = _generate(project, timings=args.timings, clean=args.clean)
        run = build_site(project, generated.graph,  # type: ignore[attr-defined]
                         engine=args.engine, strict=not args.no_strict,
                         incremental=not args.clean)
    if run.output:
        print(run.output, file=sys.stderr)
    reused = f" ({run.reused} from the build cache)" if run.reused else ""
    print(f"built {_shown(project.site_dir, project.root)}/ with {run.engine} in "
          f"{run.seconds:.1f} s{reused}. Preview it with {_preview_hint()} and open "
          "http://127.0.0.1:8000/", file=sys.stderr)
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    """`mkdocs serve`: the plugin generates the pages in memory (nothing is written into the
    watched docs folder) and, with `--dirty`, renders only pages whose inputs changed."""
    project = Project.at(args.root)
    env = dict(os.environ)
    env.pop("EXPLAINER_PAGES_READY", None)
    env.setdefault("NO_MKDOCS_2_WARNING", "1")
    if args.clean:
        env[CACHE_MODE] = "refresh"
    command = [sys.executable, "-m", "mkdocs", "serve", "--livereload",
               *(["--dirty"] if incremental_possible(project) else []),
               "-f", str(project.config_file), "-a", f"{args.host}:{args.port}"]
    print(f"serving on http://{args.host}:{args.port}/ (Ctrl+C to stop); edits to content/ "
          "and templates/ reload the page", file=sys.stderr)
    try:
        return subprocess.call(command, cwd=project.root, env=env)
    except KeyboardInterrupt:
        return EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    from ..ingest.newstory import StoryExists, create_story  # trafilatura: only this verb needs it

    project = Project.at(args.root)
    if not args.source.is_file():
        print(f"error: {args.source}: no such file", file=sys.stderr)
        return EXIT_USAGE
    try:
        story = create_story(project.content_dir, args.slug, args.source, force=args.force,
                             outlet=args.outlet, url=args.url, licence=args.licence,
                             credit=args.credit)
    except (StoryExists, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    raw = story.raw
    paragraphs = sum(1 for b in raw.blocks if b.kind == "paragraph")
    headings = len(raw.blocks) - paragraphs
    found = [name for name, value in (("headline", raw.headline), ("byline", raw.byline),
                                      ("dateline", raw.dateline), ("date", raw.published),
                                      ("photo caption", raw.photo_caption),
                                      ("outlet", args.outlet or raw.outlet)) if value]
    for path in story.written:
        print(f"wrote {_shown(path, project.root)}", file=sys.stderr)
    for path in story.backups:
        print(f"kept the previous file as {_shown(path, project.root)}", file=sys.stderr)
    chrome = (f"main text chosen by {raw.extractor} (navigation, comments and related links "
              "left out)" if raw.extractor else f"removed {len(raw.removed)} lines of page chrome")
    print(f"{paragraphs} paragraphs (p1-p{paragraphs}), {headings} subheads; found: "
          f"{', '.join(found) or 'nothing beyond the text'}; {chrome}", file=sys.stderr)
    for line in raw.removed:
        print(f"  removed: {line}", file=sys.stderr)
    print(f"next: review {_shown(story.folder, project.root)}/article.md, then fill in "
          f"facts.yaml (or run `{command_name()} draft {args.slug}`)", file=sys.stderr)
    return EXIT_OK


def cmd_draft(args: argparse.Namespace) -> int:
    from ..extract import extract, to_score_json
    from ..extract.draft import ReviewedFactsExist, draft_story, story_text, write_draft

    project = Project.at(args.root)
    if args.story is None and args.source is None:
        print(f"error: name a story ({command_name()} draft SLUG) or a file (--from FILE)",
              file=sys.stderr)
        return EXIT_USAGE
    if args.source is not None:
        if not args.source.is_file():
            print(f"error: {args.source}: no such file", file=sys.stderr)
            return EXIT_USAGE
        text = args.source.read_text(encoding="utf-8")
        if args.json:
            print(json.dumps(to_score_json(extract(text)), indent=1, ensure_ascii=False))
            return EXIT_OK
    content, report = load_content(project.root, content_dir=project.content_dir)
    slug = args.story
    if args.source is not None and slug is None:
        print(f"error: to write a draft, name the story: {command_name()} draft SLUG "
              "(for predictions on a file, add --json)", file=sys.stderr)
        return EXIT_USAGE
    folder = project.content_dir / "stories" / slug
    loaded = load_article(project.root, folder / "article.md", report)
    if loaded is None:
        _print_diagnostics(report.errors)
        return EXIT_CONTENT
    article, _ = loaded
    if args.json:
        print(json.dumps(to_score_json(extract(story_text(article).text)), indent=1,
                         ensure_ascii=False))
        return EXIT_OK
    if args.text:
        print(story_text(article).text, end="")
        return EXIT_OK
    draft = draft_story(article, content)
    try:
        written = write_draft(project.content_dir, slug, draft, force=args.force)
    except ReviewedFactsExist as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    facts = draft.facts
    print(f"wrote {_shown(written.facts, project.root)}: "
          f"{len(facts.get('quotes', []))} quotes, {len(facts.get('people', []))} roles, "
          f"{len(facts.get('anonymous_sources', []))} anonymous sources, "
          f"{len(facts.get('events', []))} events, {len(facts.get('figures', []))} figures "
          "(status: draft)", file=sys.stderr)
    if written.backup is not None:
        print(f"kept the previous facts as {_shown(written.backup, project.root)}",
              file=sys.stderr)
    for path in written.people + written.organisations:
        print(f"wrote {_shown(path, project.root)} (new)", file=sys.stderr)
    for note in draft.dropped:
        print(f"  left out: {note}", file=sys.stderr)
    print(f"next: review facts.yaml, then `{command_name()} check`", file=sys.stderr)
    return EXIT_OK


TIMINGS_HELP = "print the seconds each stage took (load, link, render, write)"
NO_WAIT_HELP = ("if another build of this site is running, stop at once (exit 4) instead of "
                "waiting for it to finish")


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=command_name(),
        description="Explainer site generator: content/ (Markdown + YAML) -> Markdown pages -> "
                    "a static site.")
    parser.add_argument("--root", type=Path, default=Path.cwd(),
                        help="project folder holding mkdocs.yml, content/ and templates/ "
                             "(default: the current folder)")
    verbs = parser.add_subparsers(dest="verb", metavar="COMMAND", required=True)

    p = verbs.add_parser("check", help="validate content and templates without building",
                         description="Validate all content; print every problem as "
                                     "path:line:col: severity: message. Exit 0 clean, 1 content "
                                     "errors, 2 usage errors.")
    p.add_argument("--format", choices=("text", "json"), default="text",
                   help="text lines (default) or a JSON array")
    p.add_argument("--strict", action="store_true", help="fail on warnings too")
    p.set_defaults(func=cmd_check)

    p = verbs.add_parser("generate", help="write the Markdown pages only (into docs_dir)",
                         description="Generate Markdown pages from content/ into the folder "
                                     "mkdocs.yml's docs_dir names; only changed files are "
                                     "written.")
    p.add_argument("--timings", action="store_true", help=TIMINGS_HELP)
    p.add_argument("--no-wait", action="store_true", help=NO_WAIT_HELP)
    p.set_defaults(func=cmd_generate)

    p = verbs.add_parser("build", help="generate, then build the site into site/",
                         description="Generate the pages and build the static site. Pages "
                                     "whose inputs did not change since the last build come "
                                     "from the build cache (.cache/explainer/), with the same "
                                     "result as a full build. The site folder is replaced only "
                                     "if the build succeeds.")
    p.add_argument("--engine", choices=ENGINES, default="mkdocs",
                   help="site engine: mkdocs (MkDocs + Material, the default), properdocs "
                        "(ProperDocs + Material) or zensical (Zensical); all build the same "
                        "pages (README, 'Engines')")
    p.add_argument("--no-strict", action="store_true",
                   help="do not fail on engine warnings (broken links, missing anchors)")
    p.add_argument("--clean", action="store_true",
                   help="ignore the build cache (.cache/explainer/): generate and render every "
                        "page again (the result is the same; the cache is rewritten)")
    p.add_argument("--timings", action="store_true", help=TIMINGS_HELP)
    p.add_argument("--no-wait", action="store_true", help=NO_WAIT_HELP)
    p.set_defaults(func=cmd_build)

    p = verbs.add_parser("new", help="create a story from a raw article (text, Markdown, HTML)",
                         description="Create content/stories/SLUG/ from a raw article: "
                                     "article.md with paragraph ids and what the text gives "
                                     "(headline, byline, dateline, date, photo caption), page "
                                     "chrome removed, and a draft facts.yaml with examples.")
    p.add_argument("slug", help="the story's id: lowercase letters, digits and hyphens")
    p.add_argument("--from", dest="source", type=Path, required=True, metavar="FILE",
                   help="the article: .txt, .md or a saved .html page")
    p.add_argument("--force", action="store_true",
                   help="replace existing files (they are kept as *.bak)")
    p.add_argument("--outlet", help="publication name, if the file does not say")
    p.add_argument("--url", help="address of the original article")
    p.add_argument("--licence", help="licence of the article text, e.g. 'CC BY 2.5'")
    p.add_argument("--credit", help="credit line to show with the story")
    p.set_defaults(func=cmd_new)

    p = verbs.add_parser("draft", help="draft a story's facts from its article",
                         description="Extract speakers, quotes, dates, figures and "
                                     "organisations from a story's article and write them as a "
                                     "draft facts.yaml (status: draft) for review. Reviewed "
                                     "facts are never replaced without --force.")
    p.add_argument("story", nargs="?", help="the story's slug (content/stories/SLUG/)")
    p.add_argument("--from", dest="source", type=Path, metavar="FILE",
                   help="a plain-text article to read instead (with --json)")
    p.add_argument("--json", action="store_true",
                   help="print the extraction as JSON in the scorer's prediction format "
                        "(offsets into the text read) instead of writing")
    p.add_argument("--text", action="store_true",
                   help="print the story's plain text (what --json offsets refer to)")
    p.add_argument("--force", action="store_true",
                   help="replace reviewed facts (kept as facts.yaml.bak)")
    p.set_defaults(func=cmd_draft)

    p = verbs.add_parser("serve", help="live preview with reload on every save",
                         description="Run `mkdocs serve --livereload --dirty`: the pages are "
                                     "generated in memory; saving a file in content/ or "
                                     "templates/ regenerates what depends on it, and only pages "
                                     "whose inputs changed are rendered again (the build "
                                     "cache in .cache/explainer/ makes the next start fast).")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on")
    p.add_argument("--port", type=int, default=8000, help="port to listen on")
    p.add_argument("--clean", action="store_true",
                   help="ignore the build cache: render every page on start")
    p.set_defaults(func=cmd_serve)

    newsite.add_verbs(verbs)
    return parser


def run() -> None:
    """The `explainer` console script (and `build.py`): main(), then exit with its status."""
    status = main()
    # The process ends here: keep Python's last garbage collection from walking every object
    # of the generated site on the way out (~1.8 s at 1,000 stories, for nothing).
    gc.freeze()
    sys.exit(status)


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except ContentError as error:
        _print_diagnostics(error.diagnostics)
        errors = len(error.errors)
        print(f"{_summary(errors, len(error.diagnostics) - errors)}: nothing was written",
              file=sys.stderr)
        return EXIT_CONTENT
    except RenderError as error:
        print(f"{error.path}:{error.line}:1: error: {error.message}", file=sys.stderr)
        return EXIT_CONTENT
    except UnsafeOutput as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except SiteBusy as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_BUSY
    except EngineError as error:
        if error.output:
            print(error.output, file=sys.stderr)
        print(f"error: {error}", file=sys.stderr)
        return EXIT_NOT_WRITTEN if isinstance(error, EngineWriteError) else EXIT_ENGINE
    except OSError as error:
        if error.errno not in DISK_ERRORS:
            raise
        print(f"error: {_not_written(error, args)}", file=sys.stderr)
        return EXIT_NOT_WRITTEN


def _not_written(error: OSError, args: argparse.Namespace) -> str:
    """One line for a write the machine refused: the file, the reason, what was kept."""
    project = Project.at(args.root)
    where = f"{_shown(Path(error.filename), project.root)}: " if error.filename else ""
    kept = (f"; {_shown(project.site_dir, project.root)}/ was left as it was"
            if args.verb == "build" else "")
    return f"could not write {where}{error.strerror} (errno {error.errno}){kept}"
