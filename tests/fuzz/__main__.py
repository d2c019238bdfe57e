"""`make fuzz`: thousands of mutated copies of the shipped content through `explainer check`
and `build` (see harness.py for the invariants). Prints the seed first: a failing case is
replayed with `make fuzz SEED=... CASE=...`, which keeps its mutated project for a look.

    python -m tests.fuzz [--cases 10000] [--first 0] [--seed S] [--case N] [--engine-rate 0.002]

`--first N` starts at case N of the seed, so one run can be split across processes (cases
0-4999 and 5000-9999 of one seed are the same inputs as cases 0-9999).
"""

from __future__ import annotations

import argparse
import os
import platform
import secrets
import shutil
import sys
import tempfile
import time
from pathlib import Path

from .harness import CaseResult, Fuzzer, Totals, run_cases

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "fuzz"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.fuzz", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=10_000, help="how many mutated inputs")
    parser.add_argument("--first", type=int, default=0,
                        help="the first case's number (split a run: --first 5000 --cases 5000)")
    parser.add_argument("--seed", default=None, help="the run's seed (default: a new one)")
    parser.add_argument("--case", type=int, default=None,
                        help="replay this one case of --seed, keeping its mutated project")
    parser.add_argument("--generate-rate", type=float, default=0.25,
                        help="share of cases that pass check which are also generated")
    parser.add_argument("--engine-rate", type=float, default=0.002,
                        help="share of cases that pass check which are also built by MkDocs")
    args = parser.parse_args(argv)
    seed = args.seed or secrets.token_hex(4)
    print(f"fuzz: seed {seed} (replay a case: make fuzz SEED={seed} CASE=N)", flush=True)
    with tempfile.TemporaryDirectory(prefix="explainer-fuzz-") as folder:
        if args.case is not None:
            return replay(Fuzzer(Path(folder)), seed, args.case)
        fuzzer = Fuzzer(Path(folder), real_site=args.engine_rate > 0)
        totals = Totals()
        failing: list[CaseResult] = []
        batch = 250
        end = args.first + args.cases
        for start in range(args.first, end, batch):
            failing += run_cases(fuzzer, seed, range(start, min(start + batch, end)),
                                 totals, generate_rate=args.generate_rate,
                                 build_rate=args.engine_rate)
            print(f"  {totals.cases:,} cases, {totals.failures} failing, "
                  f"{totals.cases / totals.seconds:.1f} cases/s", flush=True)
    for result in failing[:20]:
        print(result.report(), file=sys.stderr)
    print(summary(seed, totals, args.first))
    return 1 if failing else 0


def replay(fuzzer: Fuzzer, seed: str, index: int) -> int:
    keep = ARTIFACTS / f"{seed}-{index}"
    shutil.rmtree(keep, ignore_errors=True)
    result = fuzzer.case(seed, index, generate_rate=1.0, json_rate=1.0, keep=keep)
    print(result.report() if result.problems else
          f"case {index} (seed {seed}): {'; '.join(result.mutations)}\n  no problem found")
    print(f"  check exited {result.check_status}; the mutated project: {keep}")
    return 1 if result.problems else 0


def summary(seed: str, totals: Totals, first: int = 0) -> str:
    statuses = ", ".join(f"{count:,} exit {status}" for status, count
                         in sorted(totals.check_status.items(), key=lambda i: str(i[0])))
    kinds = ", ".join(f"{name} {count:,}" for name, count in totals.mutations.most_common())
    return "\n".join([
        f"fuzz: {totals.cases:,} mutated inputs (cases {first:,} to "
        f"{first + totals.cases - 1:,}), seed {seed}: {totals.failures} failing, "
        f"{totals.tracebacks} tracebacks",
        f"  check: {statuses}; {totals.diagnostics:,} diagnostics, each naming an existing "
        "file, line and column",
        f"  build: {totals.failed_builds:,} failed builds left site/ as it was; "
        f"{totals.generated:,} generated; {totals.engine_builds:,} built with MkDocs",
        f"  mutations: {kinds}",
        f"  {totals.seconds:.0f} s, {totals.cases / max(totals.seconds, 1e-9):.1f} cases/s "
        f"({platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} cores, {time.strftime('%Y-%m-%d %H:%M')})",
    ])


if __name__ == "__main__":
    sys.exit(main())
