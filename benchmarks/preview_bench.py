"""Preview and rebuild benchmark: what an editor waits for, against a full engine build.

    .venv/bin/python benchmarks/preview_bench.py [--sizes shipped 100 1000] [--edits 3]
        [--port 8765] [--work DIR] [--skip serve build] [--nice 10] [--verify]

For each size (`shipped`: this repository's own content; a number N: a synthetic site of N
stories from benchmarks/synthetic.py, ~30 paragraphs, ~20 quotes and ~10 events each, people
drawn from a shared pool of 2,000), in one run, each in fresh processes:

serve  (`build.py serve`, MkDocs' live-reload server with the explainer plugin)
  start, cold     `build.py serve --clean` until the home page is served (no build cache)
  edit -> visible  a word of a direct quote changes in the story's article.md and facts.yaml
                  (saved together, as "save all" does), then the story's quotes page is
                  fetched over HTTP until it shows the new word; repeated `--edits` times,
                  each on another story; also counts the rebuilds each save caused
  start, warm     `build.py serve` again, with the build cache the first server left
engine
  full build      a clean `mkdocs build` of the same generated pages, no cache: the yardstick
build  (`build.py build`, the publishing build into site/)
  cold            `build.py build --clean`: wall time and peak memory (max RSS of build.py and
                  of its engine process)
  after an edit   one story edited, then `build.py build` (the cache from the cold build)

It prints every figure and the ratios the targets are stated in: edit -> visible and
`build.py build` after an edit against the full engine build / the cold build, warm start
against cold start. `--verify` also checks that the incremental build's site/ is byte for byte
a clean build's. The machine is shared and noisy: compare ratios within one run, and repeat
(`--edits`) to see the spread. Results go to benchmarks/RESULTS.md by hand.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks import site_bench  # noqa: E402
from benchmarks.synthetic import Shape, edit_quote, make_project  # noqa: E402

PYTHON = sys.executable
BUILD_PY = str(REPO / "build.py")


@dataclass
class Run:
    seconds: float
    peak_mib: float
    output: str


def run(command: list[str], cwd: Path, env: dict[str, str], niceness: int) -> Run:
    """Wall seconds and peak RSS (of the process and the children it waited for)."""
    return Run(*site_bench.run(command, cwd, env, niceness))


def project_for(size: str, work: Path) -> Path:
    root = work / f"site-{size}"
    if size == "shipped":
        if root.exists():
            shutil.rmtree(root)
        root.mkdir(parents=True)
        for name in ("content", "templates"):
            shutil.copytree(REPO / name, root / name)
        shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    else:
        make_project(root, Shape(stories=int(size)), REPO)
    (root / "generated").mkdir(exist_ok=True)
    os.sync()  # content written back now, not while a timed command runs
    return root


# ---------------------------------------------------------------------- serve
class Server:
    """`build.py serve` in its own process group (stopped with Ctrl+C, as an editor would)."""

    def __init__(self, root: Path, port: int, env: dict[str, str], niceness: int,
                 clean: bool):
        self.root, self.port = root, port
        self.log = root / f"serve-{time.monotonic_ns()}.log"
        command = [PYTHON, BUILD_PY, "--root", str(root), "serve", "--port", str(port)]
        with self.log.open("w") as output:
            self.process = subprocess.Popen(
                [*command, *(["--clean"] if clean else [])], cwd=root, env=env, stdout=output,
                stderr=subprocess.STDOUT, start_new_session=True,
                preexec_fn=lambda: os.nice(niceness))
        self.started = time.perf_counter()

    def url(self, path: str = "") -> str:
        return f"http://127.0.0.1:{self.port}/{path}"

    def fetch(self, path: str = "") -> str | None:
        try:
            with urllib.request.urlopen(self.url(path), timeout=600) as response:
                return str(response.read().decode("utf-8", "replace"))
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return None

    def wait_for(self, path: str, predicate: Callable[[str], bool], timeout: float,
                 interval: float = 0.02) -> float:
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"the server stopped:\n{self.log.read_text()[-3000:]}")
            page = self.fetch(path)
            if page is not None and predicate(page):
                return time.perf_counter()
            time.sleep(interval)
        raise SystemExit(f"{path} did not change within {timeout} s; log: {self.log}")

    def builds(self) -> int:
        return self.log.read_text(errors="replace").count("Reloading browsers")

    def stop(self) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGINT)
            self.process.wait(timeout=120)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


def measure_serve(root: Path, args: argparse.Namespace, env: dict[str, str]) -> dict[str, object]:
    server = Server(root, args.port, env, args.nice, clean=True)
    try:
        cold = server.wait_for("", lambda page: "<html" in page, timeout=3600) - server.started
        times, rebuilds = [], []
        for number in range(args.edits):
            edit = edit_quote(root, number, f"zq{number}x{time.monotonic_ns() % 100000}")
            time.sleep(1.0)  # an idle server, as between an editor's saves
            before = server.builds()
            started = time.perf_counter()
            edit.apply()
            visible = server.wait_for(edit.page, lambda page, m=edit.marker: m in page,
                                      timeout=600)
            times.append(visible - started)
            time.sleep(2.0)  # any further rebuild this save caused shows up in the log
            rebuilds.append(server.builds() - before)
    finally:
        server.stop()
    server = Server(root, args.port, env, args.nice, clean=False)
    try:
        warm = server.wait_for("", lambda page: "<html" in page, timeout=3600) - server.started
    finally:
        server.stop()
    return {"cold": cold, "warm": warm, "edits": times, "rebuilds": rebuilds}


# ---------------------------------------------------------------------- engine, build
def measure_engine(root: Path, work: Path, args: argparse.Namespace,
                   env: dict[str, str]) -> Run:
    run([PYTHON, BUILD_PY, "--root", str(root), "generate"], root, env, args.nice)
    target = work / "engine-full"
    shutil.rmtree(target, ignore_errors=True)
    engine_env = {**env, "EXPLAINER_PAGES_READY": "1", "EXPLAINER_CACHE": "off"}
    return run([PYTHON, "-m", "mkdocs", "build", "--clean", "--quiet", "-d", str(target),
                "-f", str(root / "mkdocs.yml")], root, engine_env, args.nice)


def measure_build(root: Path, work: Path, args: argparse.Namespace,
                  env: dict[str, str]) -> dict[str, object]:
    command = [PYTHON, BUILD_PY, "--root", str(root), "build"]
    cold = run([*command, "--clean"], root, env, args.nice)
    edit_quote(root, 99, f"zq99x{time.monotonic_ns() % 100000}").apply()
    again = run(command, root, env, args.nice)
    result: dict[str, object] = {"cold": cold, "again": again}
    if args.verify:
        kept = work / "site-incremental"
        shutil.rmtree(kept, ignore_errors=True)
        shutil.copytree(root / "site", kept)
        run([*command, "--clean"], root, env, args.nice)
        result["identical"] = _same_tree(kept, root / "site")
    return result


def _same_tree(left: Path, right: Path) -> bool:
    compared = filecmp.dircmp(left, right)
    if compared.left_only or compared.right_only or compared.funny_files:
        return False
    _, mismatch, errors = filecmp.cmpfiles(left, right, compared.common_files, shallow=False)
    if mismatch or errors:
        return False
    return all(_same_tree(left / name, right / name) for name in compared.common_dirs)


# ---------------------------------------------------------------------- report
def _seconds(values: list[float]) -> str:
    if not values:
        return "-"
    if len(values) == 1:
        return f"{values[0]:.2f} s"
    return (f"{statistics.median(values):.2f} s (median of {len(values)}: "
            f"{', '.join(f'{v:.2f}' for v in values)})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", nargs="+", default=["shipped", "100", "1000"],
                        help="'shipped' and/or numbers of synthetic stories "
                             "(default: shipped 100 1000)")
    parser.add_argument("--edits", type=int, default=3,
                        help="saves measured per size, each on another story (default: 3)")
    parser.add_argument("--port", type=int, default=8765, help="port for the preview server")
    parser.add_argument("--work", type=Path, default=None, help="scratch folder (kept)")
    parser.add_argument("--skip", nargs="*", default=[], choices=["serve", "engine", "build"],
                        help="parts not to measure")
    parser.add_argument("--nice", type=int, default=0,
                        help="run the measured processes with this niceness (shared machines)")
    parser.add_argument("--verify", action="store_true",
                        help="check the incremental build's site/ against a clean build's")
    args = parser.parse_args()
    for size in args.sizes:
        if size != "shipped" and not size.isdigit():
            parser.error(f"--sizes: 'shipped' or a number, not {size!r}")
    work = args.work or Path(tempfile.mkdtemp(prefix="explainer-preview-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PYTHONPATH": str(REPO), "NO_MKDOCS_2_WARNING": "1",
           "PYTHONHASHSEED": "0"}
    env.pop("EXPLAINER_PAGES_READY", None)
    env.pop("EXPLAINER_CACHE", None)
    print(f"# {time.strftime('%Y-%m-%d %H:%M')} · {platform.machine()} · {os.cpu_count()} cores "
          f"· Python {platform.python_version()} · load {os.getloadavg()[0]:.1f} · "
          f"nice {args.nice} · scratch {work}", flush=True)
    for size in args.sizes:
        root = project_for(size, work)
        pages = None
        print(f"\n## {size}" + (" stories" if size.isdigit() else " site"), flush=True)
        engine = None
        if "engine" not in args.skip:
            engine = measure_engine(root, work, args, env)
            pages = sum(1 for _ in (root / "generated").rglob("*.md"))
            print(f"engine: full mkdocs build of {pages} pages {engine.seconds:.1f} s, "
                  f"peak {engine.peak_mib:.0f} MiB", flush=True)
        if "serve" not in args.skip:
            serve = measure_serve(root, args, env)
            edits: list[float] = serve["edits"]  # type: ignore[assignment]
            print(f"serve: start cold {serve['cold']:.1f} s, warm {serve['warm']:.1f} s "
                  f"(warm/cold {serve['warm'] / serve['cold']:.1%})", flush=True)  # type: ignore[operator]
            print(f"serve: edit -> visible {_seconds(edits)}; rebuilds per save: "
                  f"{serve['rebuilds']}", flush=True)
            if engine is not None and edits:
                print(f"serve: edit -> visible / full engine build: "
                      f"{statistics.median(edits) / engine.seconds:.1%}", flush=True)
        if "build" not in args.skip:
            build = measure_build(root, work, args, env)
            cold: Run = build["cold"]  # type: ignore[assignment]
            again: Run = build["again"]  # type: ignore[assignment]
            print(f"build: cold {cold.seconds:.1f} s (peak {cold.peak_mib:.0f} MiB); after a "
                  f"one-story edit {again.seconds:.1f} s (peak {again.peak_mib:.0f} MiB): "
                  f"{again.seconds / cold.seconds:.1%} of cold", flush=True)
            if engine is not None:
                print(f"build: peak memory / the full engine build's: "
                      f"{cold.peak_mib / engine.peak_mib:.0%} cold, "
                      f"{again.peak_mib / engine.peak_mib:.0%} after an edit", flush=True)
            if "identical" in build:
                print(f"build: incremental site/ identical to a clean build's: "
                      f"{'yes' if build['identical'] else 'NO'}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
