"""Site benchmark: generation against the engine's own build of the same pages.

    .venv/bin/python benchmarks/site_bench.py [--sizes 10 100 1000] [--engine-sizes 10 100 1000]
                                              [--repeat 3]

For each N it makes synthetic content of realistic shape (benchmarks/synthetic.py: ~30
paragraphs, ~20 quotes, ~10 events and ~8 speakers per story, drawn from a pool of 2,000
people) and prints, each measured in a fresh process:

- generation: load + validate + link + render + write (`build.py generate`), wall time and
  peak memory (max RSS), and the seconds of each stage (`--timings`); the median of
  `--repeat` runs (default 3), each writing every page into a new folder: the file system's
  cost of creating 12,000 files varies between runs here (0.3 to 2 s of system time). These
  runs find the pictures (share and quote cards) in the project's picture cache, as every
  build after the first does;
- cold: one generation before those, with no picture cache, drawing every picture;
- the engine: MkDocs' own build of the generated pages (`mkdocs build`, hook skipped), wall
  time and peak memory;
- their ratio, the number of pages written;
- growth: generation time at N divided by the time at N / 10;
- an edit during preview: one story's facts change, and generation runs again in the same
  process (as in `mkdocs serve`): pages rendered again, files rewritten, time.

Figures, not pass/fail: results go to benchmarks/RESULTS.md by hand, with date and machine.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.synthetic import Shape, make_project  # noqa: E402

EDIT_SCRIPT = """
import sys, time, json
from pathlib import Path
from explainer.pipeline import Caches, generate_to_disk
from explainer.project import Project
project = Project.at(Path(sys.argv[1]))
caches = Caches()
generate_to_disk(project, caches)
facts = project.content_dir / "stories" / "story-00000" / "facts.yaml"
article = facts.with_name("article.md")
text, facts_text = article.read_text(), facts.read_text()
word = facts_text.split('text: "', 1)[1].split()[0]
article.write_text(text.replace(word, word + "s", 1))
facts.write_text(facts_text.replace('text: "' + word, 'text: "' + word + "s", 1))
started = time.perf_counter()
generated, written = generate_to_disk(project, caches)
print(json.dumps({"seconds": time.perf_counter() - started, "rendered": generated.rendered,
                  "pages": len(generated.pages), "written": len(written.written)}))
"""


def run(command: list[str], cwd: Path, env: dict[str, str],
        niceness: int = 0) -> tuple[float, float, str]:
    """Wall seconds, peak RSS in MiB (of the process and the children it waited for), and
    output of one process, run `niceness` steps nicer than this one."""
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as output:
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=output,
                                   stderr=subprocess.STDOUT, text=True,
                                   preexec_fn=(lambda: os.nice(niceness)) if niceness else None)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        output.seek(0)
        text = output.read()
    if status != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{text[-3000:]}")
    return seconds, usage.ru_maxrss / 1024, text


def measure(n: int, work: Path, with_engine: bool,
            repeat: int) -> dict[str, float | int | str | None]:
    root = make_project(work / f"n{n}", Shape(stories=n), REPO)
    # Flush the content just written to disk first: the kernel writing it back in the
    # background would otherwise slow whichever command runs first (here, generation).
    os.sync()
    env = {**os.environ, "PYTHONPATH": str(REPO), "NO_MKDOCS_2_WARNING": "1",
           "EXPLAINER_PAGES_READY": "1", "PYTHONHASHSEED": "0"}
    python = sys.executable
    command = [python, str(REPO / "build.py"), "--root", str(root), "generate", "--timings"]
    cold_s, cold_mb, cold_out = run(command, root, env)  # no picture cache yet
    runs = []
    for attempt in range(repeat):
        # each run writes every page into a new folder, as the first one did
        (root / "generated").rename(work / f"old-n{n}-{attempt}")
        seconds, mb, out = run(command, root, env)
        runs.append((seconds, mb, out.rsplit("timings: ", 1)[-1].strip()))
    gen_s, gen_mb, stages = sorted(runs)[len(runs) // 2]  # the median run
    pages = sum(1 for p in (root / "generated").rglob("*.md"))
    row: dict[str, float | int | str | None] = {
        "n": n, "pages": pages, "gen_s": gen_s, "gen_mb": gen_mb, "engine_s": None,
        "engine_mb": None, "stages": stages, "cold_s": cold_s, "cold_mb": cold_mb,
        "cold_stages": cold_out.rsplit("timings: ", 1)[-1].strip(),
        "gen_range": f"{min(r[0] for r in runs):.2f}-{max(r[0] for r in runs):.2f} s"}
    if with_engine:
        engine_s, engine_mb, _ = run([python, "-m", "mkdocs", "build", "--quiet", "-d",
                                      str(work / f"site{n}"), "-f", str(root / "mkdocs.yml")],
                                     root, env)
        row.update(engine_s=engine_s, engine_mb=engine_mb)
    _, _, edit_out = run([python, "-c", EDIT_SCRIPT, str(root)], root, env)
    import json

    edit = json.loads(edit_out.strip().splitlines()[-1])
    row.update(edit_s=edit["seconds"], edit_rendered=edit["rendered"],
               edit_written=edit["written"])
    return row


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--engine-sizes", type=int, nargs="*", default=None,
                        help="sizes at which to run the engine too (default: all)")
    parser.add_argument("--work", type=Path, default=None, help="scratch folder (kept)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="generation runs per size; the median is shown (default: 3)")
    args = parser.parse_args()
    engine_sizes = set(args.sizes if args.engine_sizes is None else args.engine_sizes)
    work = args.work or Path(tempfile.mkdtemp(prefix="explainer-bench-"))
    print(f"# {time.strftime('%Y-%m-%d %H:%M')} · {platform.machine()} · {os.cpu_count()} cores "
          f"· Python {platform.python_version()} · scratch {work}")
    print(f"{'N':>6} {'pages':>6} {'gen s':>7} {'gen MiB':>8} {'mkdocs s':>9} {'mkdocs MiB':>10} "
          f"{'gen/mkdocs':>10} {'growth':>7} | {'edit s':>6} {'rendered':>8} {'written':>7}")
    previous: dict[str, float | int | str | None] | None = None
    for n in args.sizes:
        row = measure(n, work, n in engine_sizes, max(1, args.repeat))
        ratio = (f"{row['gen_s'] / row['engine_s']:.1%}"  # type: ignore[operator]
                 if row["engine_s"] else "-")
        growth = (f"{row['gen_s'] / previous['gen_s']:.1f}x"  # type: ignore[operator]
                  if previous and previous["n"] * 10 == n else "-")  # type: ignore[operator]
        engine_s = f"{row['engine_s']:.1f}" if row["engine_s"] else "-"
        engine_mb = f"{row['engine_mb']:.0f}" if row["engine_mb"] else "-"
        print(f"{n:>6} {row['pages']:>6} {row['gen_s']:>7.2f} {row['gen_mb']:>8.0f} "
              f"{engine_s:>9} {engine_mb:>10} {ratio:>10} {growth:>7} | "
              f"{row['edit_s']:>6.2f} {row['edit_rendered']:>8} {row['edit_written']:>7}",
              flush=True)
        print(f"{'':>6} generation, median of {max(1, args.repeat)} runs "
              f"({row['gen_range']}): {row['stages']}", flush=True)
        cold_ratio = (f"{row['cold_s'] / row['engine_s']:.1%}"  # type: ignore[operator]
                      if row["engine_s"] else "-")
        print(f"{'':>6} cold (no picture cache): {row['cold_s']:.2f} s, "
              f"{row['cold_mb']:.0f} MiB, {cold_ratio} of mkdocs: {row['cold_stages']}",
              flush=True)
        previous = row
    return 0


if __name__ == "__main__":
    sys.exit(main())
