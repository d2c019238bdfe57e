"""Mutation fuzzing of the shipped content: `explainer check` and `build` on broken input.

The repository's `content/` is copied once into a scratch project; each case mutates it
(`mutations.mutate`, drawn from the generator seeded with "seed:case"), runs the command line
in this process (`explainer.cli.main`, as the `explainer` script runs it: much faster than a
process per input), checks the invariants, and puts the files back. Invariants:

- no traceback: the command returns, with exit status 0 or 1;
- every diagnostic is `path:line:col: severity: message`, names a file or folder that exists
  (or one that is missing, as 0:0 in a folder that exists), and a line within that file (0:
  the whole file) and a column within that line;
- `check --format json` lists the same problems (a sample of cases);
- `build` of content that fails `check` exits 1 and leaves `site/` exactly as it was, with no
  staging folder left behind; content that passes `check` generates (exit 0), and builds with
  the engine (exit 0) in a sample of cases.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import random
import re
import shutil
import signal
import time
import traceback
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

from explainer.build.engine import previous_site
from explainer.cli.main import main
from explainer.project import Project

from ..conftest import REPO
from .mutations import FOLDER, Changes, Files, mutate

_DIAGNOSTIC = re.compile(r"^(?P<path>[^:\n]+):(?P<line>\d+):(?P<col>\d+): "
                         r"(?P<severity>error|warning): (?P<message>.+)$")
#: Longest a single case may take before it counts as a hang.
CASE_TIMEOUT = 60


@dataclass
class CaseResult:
    seed: str
    index: int
    mutations: list[str]
    check_status: int | None = None
    build_status: int | None = None
    commands: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    diagnostics: int = 0

    @property
    def replay(self) -> str:
        return f"make fuzz SEED={self.seed} CASE={self.index}"

    def report(self) -> str:
        lines = [f"case {self.index} (seed {self.seed}): {'; '.join(self.mutations)}",
                 *(f"  {problem}" for problem in self.problems), f"  replay: {self.replay}"]
        return "\n".join(lines)


@dataclass
class Totals:
    cases: int = 0
    failures: int = 0
    tracebacks: int = 0
    diagnostics: int = 0
    generated: int = 0
    engine_builds: int = 0
    failed_builds: int = 0
    check_status: Counter[int | None] = field(default_factory=Counter)
    mutations: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    def add(self, result: CaseResult) -> None:
        self.cases += 1
        self.failures += bool(result.problems)
        self.tracebacks += any("Traceback" in p for p in result.problems)
        self.diagnostics += result.diagnostics
        self.check_status[result.check_status] += 1
        for described in result.mutations:
            self.mutations[described.split(" in ")[0]] += 1


class Fuzzer:
    """A scratch copy of a project (the repository's by default) to mutate, case by case."""

    def __init__(self, workdir: Path, source: Path = REPO, real_site: bool = False):
        self.root = workdir / "project"
        self.root.mkdir(parents=True)
        shutil.copytree(source / "content", self.root / "content")
        shutil.copytree(REPO / "templates", self.root / "templates")
        shutil.copy(REPO / "mkdocs.yml", self.root / "mkdocs.yml")
        self.original: Files = {path.relative_to(self.root).as_posix(): path.read_bytes()
                                for path in sorted((self.root / "content").rglob("*"))
                                if path.is_file()}
        os.environ["EXPLAINER_JOBS"] = "1"  # no forked workers inside the fuzzing loop
        if real_site:
            status, output = self.run("build")
            assert status == 0, f"the unmutated project must build:\n{output}"
        else:  # a stand-in: a failed build must leave it exactly as it is
            (self.root / "site" / "assets").mkdir(parents=True)
            (self.root / "site" / "index.html").write_text("<p>the previous site</p>\n")
            (self.root / "site" / "assets" / "x.js").write_text("// previous\n")
        self.site_state = self.snapshot_site()

    # --- running the command line -----------------------------------------------------------

    def run(self, *argv: str) -> tuple[int, str]:
        """`explainer --root PROJECT argv...` in this process; (status, stdout + stderr).
        An exception escaping `main` is a traceback the user would have seen: re-raised."""
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main(["--root", str(self.root), *argv])
        return status, out.getvalue() + err.getvalue()

    def snapshot_site(self) -> dict[str, tuple[int, int, int]]:
        site = self.root / "site"
        return {path.relative_to(site).as_posix(): (stat.st_size, stat.st_mtime_ns, stat.st_ino)
                for path in sorted(site.rglob("*")) for stat in [path.lstat()]}

    # --- one case ---------------------------------------------------------------------------

    def case(self, seed: str, index: int, generate_rate: float = 1.0,
             build_rate: float = 0.0, json_rate: float = 0.1,
             keep: Path | None = None) -> CaseResult:
        """Case `index` of `seed`; `keep`: a folder to copy the mutated project into."""
        rng = random.Random(f"{seed}:{index}")
        changes, described = mutate(rng, self.original)
        result = CaseResult(seed, index, described)
        created = self.apply(changes)
        if keep is not None:
            shutil.copytree(self.root, keep, symlinks=True)
        try:
            with _time_limit(CASE_TIMEOUT):
                self.check_case(result, rng, generate_rate, build_rate, json_rate)
        except Exception:
            result.problems.append("Traceback (escaped the command line):\n"
                                   + traceback.format_exc())
        finally:
            self.restore(changes, created)
        return result

    def check_case(self, result: CaseResult, rng: random.Random, generate_rate: float,
                   build_rate: float, json_rate: float) -> None:
        result.commands.append("check")
        status, output = self.run("check")
        result.check_status = status
        if status not in (0, 1):
            result.problems.append(f"check exited {status}:\n{output}")
        lines = [line for line in output.splitlines()
                 if line and not re.match(r"^\d+ errors?, \d+ warnings?$", line)]
        result.diagnostics = len(lines)
        result.problems.extend(self.verify_diagnostics(lines))
        if rng.random() < json_rate and not any(": ... and " in line for line in lines):
            json_status, json_output = self.run("check", "--format", "json")
            shown = [f"{d['path']}:{d['line']}:{d['col']}: {d['severity']}: {d['message']}"
                     for d in json.loads(json_output)]
            if json_status != status or shown != lines:
                result.problems.append("check --format json disagrees with the text output")
        if status == 1:
            self.check_failed_build(result)
        elif status == 0 and rng.random() < build_rate:
            self.check_engine_build(result)
        elif status == 0 and rng.random() < generate_rate:
            result.commands.append("generate")
            generate_status, output = self.run("generate")
            if generate_status != 0:
                result.problems.append(f"check passed but generate exited {generate_status}:\n"
                                       f"{output}")

    def check_failed_build(self, result: CaseResult) -> None:
        result.commands.append("build")
        status, output = self.run("build")
        result.build_status = status
        if status != 1:
            result.problems.append(f"check failed but build exited {status}:\n{output}")
        if "Traceback" in output:
            result.problems.append(f"build printed a traceback:\n{output}")
        if self.snapshot_site() != self.site_state:
            result.problems.append("a failed build changed site/")
        kept = previous_site(Project.at(self.root)).name  # the incremental builds' spare site
        leftovers = [p.name for p in self.root.iterdir()
                     if p.name.startswith(".site-") and p.name != kept]
        if leftovers:
            result.problems.append(f"a failed build left {leftovers} behind")

    def check_engine_build(self, result: CaseResult) -> None:
        result.commands.append("build (engine)")
        status, output = self.run("build")
        result.build_status = status
        if status != 0:
            result.problems.append(f"check passed but build exited {status}:\n{output}")
            if self.snapshot_site() != self.site_state:
                result.problems.append("a failed build changed site/")
        else:
            self.site_state = self.snapshot_site()

    def verify_diagnostics(self, lines: list[str]) -> list[str]:
        """Every line is a diagnostic naming an existing file, a line and a column in it."""
        problems = []
        for line in lines:
            match = _DIAGNOSTIC.match(line)
            if match is None:
                problems.append(f"not a diagnostic: {line!r}")
                continue
            path = self.root / match["path"]
            number, column = int(match["line"]), int(match["col"])
            if not path.exists():
                if (number, column) != (0, 0) or not path.parent.is_dir():
                    problems.append(f"names a missing file: {line}")  # (0:0: it is missing)
            elif path.is_dir() and (number, column) != (0, 0):
                problems.append(f"a line in a folder: {line}")
            elif path.is_file() and number > 0:
                text_lines = _loader_lines(path.read_bytes())
                if number > len(text_lines):
                    problems.append(f"line {number} of a {len(text_lines)}-line file: {line}")
                elif column > len(text_lines[number - 1]) + 1:
                    problems.append(f"column {column} of a line of "
                                    f"{len(text_lines[number - 1])}: {line}")
        return problems

    # --- changes and their undoing -----------------------------------------------------------

    def apply(self, changes: Changes) -> list[Path]:
        """Make the changes; returns the folders it had to create (removed afterwards)."""
        created: list[Path] = []
        for name, new in changes.items():
            path = self.root / name
            for parent in reversed(path.parents):
                if not parent.exists():
                    parent.mkdir()
                    created.append(parent)
            if new is None:
                path.unlink(missing_ok=True)
            elif new is FOLDER:
                path.unlink(missing_ok=True)
                path.mkdir()
            else:
                assert isinstance(new, bytes)
                path.write_bytes(new)
        return created

    def restore(self, changes: Changes, created: list[Path]) -> None:
        for name in changes:
            path = self.root / name
            if path.is_dir():
                shutil.rmtree(path)
            elif name not in self.original:
                path.unlink(missing_ok=True)
            if name in self.original:
                path.write_bytes(self.original[name])
        for folder in reversed(created):
            shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(self.root / "generated", ignore_errors=True)


def _loader_lines(data: bytes) -> list[str]:
    """A file's lines as the loader counts them (`load.sources.read_text`): UTF-8 with any
    BOM dropped (bytes that are not UTF-8 count as one character each), CR LF and CR as LF."""
    text = data.decode("utf-8", errors="replace").removeprefix("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


@contextlib.contextmanager
def _time_limit(seconds: int) -> Iterator[None]:
    """A case that runs longer than `seconds` is a hang: interrupted with an exception."""
    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError(f"the case ran longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def run_cases(fuzzer: Fuzzer, seed: str, indexes: range | list[int], totals: Totals,
              **rates: float) -> list[CaseResult]:
    """The cases `indexes` of `seed`; the failing ones."""
    failing = []
    started = time.perf_counter()
    for index in indexes:
        result = fuzzer.case(seed, index, **rates)
        totals.add(result)
        totals.generated += "generate" in result.commands
        totals.engine_builds += "build (engine)" in result.commands
        totals.failed_builds += "build" in result.commands
        if result.problems:
            failing.append(result)
    totals.seconds += time.perf_counter() - started
    return failing
