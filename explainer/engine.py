"""Stage 6: hand the generated pages to a site engine and publish its output safely.

The engine builds into a temporary folder next to `site/`; only a successful build replaces
`site/`, in one rename, so a failed build leaves the previous site untouched. The build date
engines stamp into sitemaps comes from the content (SOURCE_DATE_EPOCH), so the same input gives
byte-identical output.
"""

from __future__ import annotations

import calendar
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .graph import SiteGraph
from .project import Project

ENGINES = ("mkdocs",)


class EngineError(Exception):
    def __init__(self, message: str, output: str = ""):
        self.output = output
        super().__init__(message)


@dataclass(frozen=True)
class EngineRun:
    engine: str
    seconds: float
    output: str


def source_date_epoch(graph: SiteGraph) -> int:
    """The newest date the content states (a story's publication or retrieval), as epoch."""
    latest = (2000, 1, 1)
    for story in graph.stories:
        for date in (story.article.meta.published, story.article.meta.retrieved):
            if date is not None and date.end is not None:
                latest = max(latest, date.end.earliest())
    return calendar.timegm((*latest, 0, 0, 0, 0, 0, 0))


def engine_command(engine: str, project: Project, out_dir: Path, strict: bool) -> list[str]:
    if engine == "mkdocs":
        command = [sys.executable, "-m", "mkdocs", "build", "--clean",
                   "-f", str(project.config_file), "-d", str(out_dir)]
        return command + (["--strict"] if strict else [])
    raise EngineError(f"unknown engine '{engine}' (choose from {', '.join(ENGINES)})")


def build_site(project: Project, graph: SiteGraph, engine: str = "mkdocs",
               strict: bool = True) -> EngineRun:
    """Run the engine on the generated docs and swap the result into place."""
    import time

    site_dir = project.site_dir
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-building-", dir=site_dir.parent))
    env = dict(os.environ)
    env["SOURCE_DATE_EPOCH"] = str(source_date_epoch(graph))
    env["EXPLAINER_PAGES_READY"] = "1"  # the MkDocs hook need not generate again
    env["NO_MKDOCS_2_WARNING"] = "1"
    env.setdefault("PYTHONHASHSEED", "0")
    # The hook must import this very package, wherever the project folder is.
    package_root = str(Path(__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
    started = time.perf_counter()
    try:
        result = subprocess.run(engine_command(engine, project, staging, strict),
                                cwd=project.root, env=env, capture_output=True, text=True,
                                check=False)
        output = "\n".join(line for line in (result.stdout + result.stderr).splitlines()
                           if not line.startswith("INFO"))
        if result.returncode != 0:
            raise EngineError(f"{engine} build failed (exit {result.returncode}); "
                              f"{site_dir.name}/ was left as it was", output)
        _swap(staging, site_dir)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return EngineRun(engine, time.perf_counter() - started, output)


def _swap(new: Path, target: Path) -> None:
    """Replace `target` by `new` with renames; the old tree is removed only afterwards."""
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}-old-{os.getpid()}")
        os.replace(target, old)
    os.replace(new, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
