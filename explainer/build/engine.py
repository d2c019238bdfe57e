"""Stage 6: hand the generated pages to a site engine and publish its output safely.

Three engines build the same pages (see README, "Engines"):

- `mkdocs`: MkDocs + Material, the primary engine;
- `properdocs`: ProperDocs (the maintained MkDocs 1.x fork) + Material; it reads mkdocs.yml
  and loads the `explainer` plugin like MkDocs does;
- `zensical`: Zensical (Material's successor); it reads mkdocs.yml but runs no MkDocs
  plugins, so the settings the plugin applies (`settings`) reach it through an effective
  config written for the one build (`INHERIT: mkdocs.yml` plus those settings, and one folder of
  theme overrides).

Generation never depends on the engine: `explainer build` writes the pages first and tells the
plugin (EXPLAINER_PAGES_READY=1, with the site settings it computed) not to generate again.
The engine builds into a folder next to `site/`: the previous site, which MkDocs and ProperDocs
update in place with the explainer plugin's incremental build (`incremental`), or a new
folder. Only a successful build replaces `site/`, in one atomic exchange of the two folders
(`_swap`), so a failed or killed build leaves the previous site untouched, and readers never
see `site/` missing or half-replaced; the next build clears what a killed one left
(`remove_interrupted`). A disk that is full while the engine writes is reported as one line
naming the file (`disk_error`), not as the engine's traceback. The build date engines stamp
into sitemaps comes from the content (SOURCE_DATE_EPOCH), so the same input gives
byte-identical output.
"""

from __future__ import annotations

import calendar
import errno
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..link.graph import SiteGraph
from ..project import PLUGIN_NAME, Project, layered_files, read_config
from . import csp
from .disk import DISK_ERRORS
from .settings import (
    DEFAULT_NAV,
    EXTRA_CSS,
    EXTRA_JAVASCRIPT,
    SETTINGS_ENV,
    missing,
    missing_extensions,
    site_settings,
)

ENGINES = ("mkdocs", "properdocs", "zensical")

#: A checkout of this repository has the lock beside the package (an installed package has not).
_CHECKOUT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Engine:
    name: str
    title: str
    modules: tuple[str, ...]  # importable when the engine (and its theme) is installed
    packages: tuple[str, ...]  # what to install from PyPI to get them
    runs_plugins: bool  # runs mkdocs.yml's `plugins:` (else: an effective config is written)


_SPECS = {
    "mkdocs": Engine("mkdocs", "MkDocs + Material", ("mkdocs", "material"),
                     ("mkdocs", "mkdocs-material"), runs_plugins=True),
    "properdocs": Engine("properdocs", "ProperDocs + Material", ("properdocs", "material"),
                         ("properdocs", "mkdocs-material"), runs_plugins=True),
    "zensical": Engine("zensical", "Zensical", ("zensical",), ("zensical",), runs_plugins=False),
}


class EngineError(Exception):
    def __init__(self, message: str, output: str = ""):
        self.output = output
        super().__init__(message)


class EngineWriteError(EngineError):
    """The engine could not write the site (disk full, no permission): not the engine's fault,
    nor the content's; what failed is named in one line (`disk_error`)."""


_OS_ERROR = re.compile(r"^(?:\w+\.)*(?:OSError|IOError|PermissionError): \[Errno (\d+)\] "
                       r"([^:]+?)(?:: '(.*)')?$")


def disk_error(output: str) -> tuple[int, str, str] | None:
    """(errno, message, file) of a `DISK_ERRORS` error that ended the engine, from its log."""
    for line in reversed(output.splitlines()):
        found = _OS_ERROR.match(line.strip())
        if found and int(found.group(1)) in DISK_ERRORS:
            return int(found.group(1)), found.group(2), found.group(3) or ""
    return None


@dataclass(frozen=True)
class EngineRun:
    engine: str
    seconds: float
    output: str
    #: "2,740 of 2,746 pages" taken from the build cache (None: the engine used none)
    reused: str | None = None


_REUSED = re.compile(r"explainer: (\d+) of (\d+) pages reused from the build cache")


def pages_reused(output: str) -> str | None:
    """The plugin's count of pages taken from the build cache, from the engine's log."""
    found = _REUSED.findall(output)
    if not found:
        return None
    reused, total = found[-1]
    return f"{int(reused):,} of {int(total):,} pages"


def source_date_epoch(graph: SiteGraph) -> int:
    """The newest date the content states (a story's publication or retrieval), as epoch."""
    latest = (2000, 1, 1)
    for story in graph.stories:
        for date in (story.article.meta.published, story.article.meta.retrieved):
            if date is not None and date.end is not None:
                latest = max(latest, date.end.earliest())
    return calendar.timegm((*latest, 0, 0, 0, 0, 0, 0))


def require_engine(engine: str) -> Engine:
    """The engine's description, or an EngineError saying what to install."""
    spec = _SPECS.get(engine)
    if spec is None:
        raise EngineError(f"unknown engine '{engine}' (choose from {', '.join(ENGINES)})")
    missing = [module for module in spec.modules if importlib.util.find_spec(module) is None]
    if missing:
        pins = " ".join(_pinned(package) for package in spec.packages)
        raise EngineError(
            f"engine '{engine}' ({spec.title}) is not installed in {sys.executable} "
            f"(no module {', '.join(repr(m) for m in missing)}): run `make` (installs "
            f"requirements.lock) or `{sys.executable} -m pip install {pins}`")
    return spec


def _pinned(package: str) -> str:
    """`package==version` as requirements.lock pins it, else the bare name."""
    lock = _CHECKOUT / "requirements.lock"
    if lock.is_file():
        wanted = package.lower().replace("_", "-")
        for line in lock.read_text(encoding="utf-8").splitlines():
            name, _, version = line.partition("==")
            if version and name.strip().lower().replace("_", "-") == wanted:
                return f"{package}=={version.strip()}"
    return package


def incremental_possible(project: Project) -> bool:
    """Whether mkdocs.yml's plugins leave pages to the explainer plugin's build cache: no
    hooks, no plugin other than `search` and `explainer` (`incremental.SAFE_PLUGIN_NAMES`)."""
    config = read_config(project.config_file)
    if config.get("hooks"):
        return False
    plugins = config.get("plugins", ["search"])
    entries = list(plugins) if isinstance(plugins, dict) else plugins
    if not isinstance(entries, list):
        return False
    names = [str(next(iter(e))) if isinstance(e, dict) and len(e) == 1 else str(e)
             for e in entries]
    from .incremental import unsafe_plugins  # imports MkDocs: only when building with it

    return PLUGIN_NAME in names and not unsafe_plugins(names)


def engine_command(engine: str, project: Project, out_dir: Path, strict: bool,
                   config_file: Path | None = None, incremental: bool = False) -> list[str]:
    """The command that builds the site into `out_dir`.

    MkDocs and ProperDocs take the output folder on the command line; Zensical has no such
    option and reads it from `config_file`, the effective config (`write_effective_config`).
    With `incremental`, MkDocs and ProperDocs make a `--dirty` build, which the explainer
    plugin makes exact, taking unchanged pages from the build cache (`incremental`).
    """
    if engine in ("mkdocs", "properdocs"):
        command = [sys.executable, "-m", engine, "build",
                   "--dirty" if incremental else "--clean",
                   "-f", str(config_file or project.config_file), "-d", str(out_dir)]
        return command + (["--strict"] if strict else [])
    if engine == "zensical":
        if config_file is None:
            raise EngineError("zensical needs an effective config (write_effective_config)")
        return [sys.executable, "-m", "zensical", "build", "-f", str(config_file)] + (
            ["--strict"] if strict else [])
    raise EngineError(f"unknown engine '{engine}' (choose from {', '.join(ENGINES)})")


def effective_config(project: Project, out_dir: Path, overrides: Path | None) -> dict[str, Any]:
    """mkdocs.yml (inherited) plus what the plugin would set, for an engine that runs none.

    Lives in the project folder, so `docs_dir` and the rest of mkdocs.yml keep meaning what
    they mean there; `site_dir` is the staging folder; `overrides` is the theme overrides folder
    (`merged_overrides`). Zensical merges lists by appending, so only the extensions, assets
    and navigation that mkdocs.yml lacks are added.
    """
    own = read_config(project.config_file)
    settings = site_settings(project)
    config: dict[str, Any] = {
        "INHERIT": os.path.relpath(project.config_file, project.root),
        "site_dir": os.path.relpath(out_dir, project.root),
        **{key: value for key, value in settings.items() if key != "theme"},
    }
    extensions = missing_extensions(_list(own.get("markdown_extensions")))
    if extensions:
        config["markdown_extensions"] = [{name: options} if options else name
                                         for name, options in extensions]
    for key, wanted in (("extra_css", EXTRA_CSS), ("extra_javascript", EXTRA_JAVASCRIPT)):
        added = missing(wanted, _list(own.get(key)))
        if added:
            config[key] = added
    if own.get("nav") is None:
        config["nav"] = [dict(entry) for entry in DEFAULT_NAV]
    if own.get("repo_url"):
        # Edit links need the plugin (each page's content file and line); without it the engine
        # would point them into the generated folder: no link is better than a wrong one.
        config["edit_uri"] = ""
        if own.get("edit_uri_template"):
            config["edit_uri_template"] = ""
    own_theme = own.get("theme")
    theme = dict(settings.get("theme", {}))
    if not (isinstance(own_theme, dict) and "variant" in own_theme):
        theme["variant"] = "classic"  # Material's look, as MkDocs and ProperDocs show it
    if overrides is not None:
        theme["custom_dir"] = os.path.relpath(overrides, project.root)
    if theme:
        config["theme"] = theme
    return config


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def merged_overrides(project: Project, into: Path) -> Path | None:
    """One theme overrides folder for an engine that takes only one (`custom_dir`): the
    site's own `custom_dir`, over its `templates/overrides/`, over the package's. None when
    there is nothing to override."""
    theme = read_config(project.config_file).get("theme")
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    folders = ([project.root / str(custom)] if custom else []) + [
        layer / "overrides" for layer in project.template_layers]
    files: dict[str, Path] = {}
    for folder in folders:
        for name, path in layered_files((folder,), "").items():
            files.setdefault(name, path)
    if not files:
        return None
    for name, path in files.items():
        target = into / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    return into


def write_effective_config(project: Project, out_dir: Path, overrides: Path | None) -> Path:
    if not out_dir.resolve().is_relative_to(project.root):
        raise EngineError(f"zensical builds only inside the project folder; site_dir "
                          f"{project.site_dir} is outside {project.root} (change mkdocs.yml)")
    handle, name = tempfile.mkstemp(prefix=".explainer-engine-", suffix=".yml",
                                    dir=project.root)
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        stream.write("# Written by explainer for one build and removed after it: mkdocs.yml "
                     "plus the settings\n# the explainer plugin would apply (this engine runs "
                     "no plugins).\n")
        yaml.safe_dump(effective_config(project, out_dir, overrides), stream, sort_keys=False,
                       allow_unicode=True, width=100)
    return Path(name)


_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
_NOISE = re.compile(r"^(INFO\b|Build started$|Build finished in |No issues found$)")
_STRICT_ABORT = "Aborted because --strict flag is set"


def tidy_output(text: str) -> str:
    """Engine output without colours, progress lines, or the traceback of a strict abort or of
    a `disk_error` (the error that follows says what happened)."""
    lines = [line for line in _ANSI.sub("", text).splitlines() if not _NOISE.match(line)]
    kept: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.startswith("Traceback (most recent call last):"):
            end = index + 1
            while end < len(lines) and (not lines[end] or lines[end][0].isspace()):
                end += 1
            if end < len(lines) and _STRICT_ABORT in lines[end]:
                kept.append(f"{_STRICT_ABORT} (the warnings are listed above)")
                index = end + 1
                continue
            if end < len(lines) and disk_error(lines[end]):
                index = end + 1
                continue
        kept.append(line)
        index += 1
    return "\n".join(kept)


def previous_site(project: Project) -> Path:
    """Where `build_site` keeps the site before the last build (next to it, on the same file
    system, so that folders swap by renaming)."""
    return project.site_dir.with_name(f".{project.site_dir.name}-previous")


def build_site(project: Project, graph: SiteGraph, engine: str = "mkdocs",
               strict: bool = True, incremental: bool = True) -> EngineRun:
    """Run the engine into a folder beside `site/` and swap the result into place; `site/` is
    replaced only when the build succeeds.

    With MkDocs and ProperDocs that folder is the previous site (`previous_site`), kept after
    each build: with `incremental`, the engine makes a `--dirty` build into it, which the
    explainer plugin makes exact (`incremental`), so that only files whose bytes change are
    written and files no longer made removed; creating and deleting a whole site of files is
    what a build would otherwise spend most of its time on once pages come from the cache.
    Other builds start from an empty folder."""
    spec = require_engine(engine)
    site_dir = project.site_dir
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    remove_interrupted(project)
    dirty = incremental and spec.runs_plugins and incremental_possible(project)
    spare = previous_site(project)
    if dirty and spare.is_dir():
        staging = spare
    else:
        staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-building-",
                                        dir=site_dir.parent))
    env = dict(os.environ)
    env["SOURCE_DATE_EPOCH"] = str(source_date_epoch(graph))
    env["EXPLAINER_PAGES_READY"] = "1"  # the plugin need not generate again
    env[SETTINGS_ENV] = json.dumps(site_settings(project))  # nor load content/site.yaml
    env["NO_MKDOCS_2_WARNING"] = "1"
    env.setdefault("PYTHONHASHSEED", "0")
    started = time.perf_counter()
    config_file: Path | None = None
    overrides: Path | None = None
    try:
        if not spec.runs_plugins:
            overrides = merged_overrides(project, Path(tempfile.mkdtemp(
                prefix=".explainer-overrides-", dir=project.root)))
            config_file = write_effective_config(project, staging, overrides)
        result = subprocess.run(engine_command(engine, project, staging, strict, config_file,
                                               incremental=dirty),
                                cwd=project.root, env=env, capture_output=True, text=True,
                                check=False)
        raw = result.stdout + result.stderr
        output = tidy_output(raw)
        if result.returncode != 0:
            failed = disk_error(raw)
            if failed is not None:
                number, message, path = failed
                where = _relative(path, project.root) if path else \
                    f"into {_relative(str(staging), project.root)}/"
                raise EngineWriteError(f"{engine} could not write {where}: {message} (errno "
                                       f"{number}); {site_dir.name}/ was left as it was", output)
            raise EngineError(f"{engine} build failed (exit {result.returncode}); "
                              f"{site_dir.name}/ was left as it was", output)
        if not spec.runs_plugins:  # with MkDocs and ProperDocs the plugin adds the policy
            csp.secure_site(staging, csp.theme_inline(csp.project_template_dirs(project)))
        _swap(staging, site_dir, keep_as=spare if spec.runs_plugins else None)
    finally:
        if config_file is not None:
            config_file.unlink(missing_ok=True)
        if overrides is not None:
            shutil.rmtree(overrides, ignore_errors=True)
        if staging != spare and staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return EngineRun(engine, time.perf_counter() - started, output, pages_reused(raw))


def _relative(path: str, root: Path) -> str:
    try:
        return Path(path).relative_to(root).as_posix()
    except ValueError:
        return path


def remove_interrupted(project: Project) -> None:
    """Clear what a build that was killed left behind (its staging folder, the site it was
    swapping out, a Zensical config); called under the build lock (`lock`), so no other build is
    using them. If it was killed between the two renames of `_swap` on a system without an
    atomic exchange, `site/` is missing and the old site is put back first."""
    site_dir = project.site_dir
    if not site_dir.parent.is_dir():
        return
    old = sorted(site_dir.parent.glob(f".{site_dir.name}-old-*[0-9]"))
    if not site_dir.exists() and old:
        os.replace(old[0], site_dir)
    for pattern in (f".{site_dir.name}-building-*", f".{site_dir.name}-old-*"):
        for leftover in site_dir.parent.glob(pattern):
            shutil.rmtree(leftover, ignore_errors=True)
    for leftover in project.root.glob(".explainer-overrides-*"):
        shutil.rmtree(leftover, ignore_errors=True)
    for leftover in project.root.glob(".explainer-engine-*.yml"):
        leftover.unlink(missing_ok=True)


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one atomic step (Linux `renameat2(RENAME_EXCHANGE)`): a reader, or a
    build killed at that moment, sees one or the other, never neither. False where the system or
    the file system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second),
                 _RENAME_EXCHANGE) == 0:
        return True
    number = ctypes.get_errno()
    if number in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(number, os.strerror(number), str(first), None, str(second))


def _swap(new: Path, target: Path, keep_as: Path | None = None) -> None:
    """Replace `target` by `new`: exchanged atomically where the system can (`_exchange`), else
    with two renames. The old tree becomes `keep_as` (replacing what was there) or is removed,
    only afterwards."""
    old: Path | None = None
    if target.exists():
        if _exchange(new, target):
            old = new
        else:
            old = target.with_name(f".{target.name}-old-{os.getpid()}")
            os.replace(target, old)
            os.replace(new, target)
    else:
        os.replace(new, target)
    if old is None or old == keep_as:
        return
    if keep_as is not None:
        if keep_as.exists():
            doomed = keep_as.with_name(f".{target.name}-old-{os.getpid()}-previous")
            os.replace(keep_as, doomed)
            shutil.rmtree(doomed, ignore_errors=True)
        os.replace(old, keep_as)
    else:
        shutil.rmtree(old, ignore_errors=True)
