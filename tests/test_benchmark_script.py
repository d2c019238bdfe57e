"""The site benchmark runs end to end and prints its figures (a smoke test: no timing asserts)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from .conftest import REPO


def test_site_benchmark_prints_a_row_and_the_stages(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "site_bench.py"), "--sizes", "1",
         "--engine-sizes", "--repeat", "2", "--work", str(tmp_path)],
        capture_output=True, text=True, timeout=600, cwd=REPO)
    assert result.returncode == 0, result.stderr
    row = next(line for line in result.stdout.splitlines() if line.split()[:1] == ["1"])
    _, pages, seconds, mib, *_ = row.split()
    assert int(pages) > 2000  # the shared registry alone gives a page per person
    assert float(seconds) > 0 and float(mib) > 0
    assert re.search(r"median of 2 runs \(.*\): load [\d.]+ s · link [\d.]+ s · "
                     r"render [\d.]+ s · write [\d.]+ s", result.stdout)
    edit = row.split("|")[1].split()
    assert int(edit[2]) > 0  # files rewritten after the edit
