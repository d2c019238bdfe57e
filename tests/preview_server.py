"""A real `mkdocs serve --dirty` (what `build.py serve` runs) on a loopback port, for preview
tests (stopped when done)."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .conftest import REPO


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Preview:
    url: str
    log: Path

    def fetch(self, path: str) -> str:
        with urllib.request.urlopen(self.url + path, timeout=5) as response:
            return str(response.read().decode("utf-8"))

    def builds(self) -> int:
        return self.log.read_text(encoding="utf-8", errors="replace").count(
            "Building documentation")

    def wait_for(self, path: str, predicate: Callable[[str], bool], timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        last = ""
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError):
                last = self.fetch(path)
                if predicate(last):
                    return last
            time.sleep(0.25)
        raise AssertionError(f"{path} did not change within {timeout} s")


@contextlib.contextmanager
def mkdocs_serve(root: Path) -> Iterator[Preview]:
    port = free_port()
    log = root / "serve.log"
    env = {**os.environ, "PYTHONPATH": str(REPO), "NO_MKDOCS_2_WARNING": "1"}
    env.pop("EXPLAINER_PAGES_READY", None)
    with log.open("w") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dirty",
             "-a", f"127.0.0.1:{port}", "-f", str(root / "mkdocs.yml")],
            cwd=root, env=env, stdout=output, stderr=subprocess.STDOUT)
    preview = Preview(f"http://127.0.0.1:{port}/", log)
    try:
        preview.wait_for("", lambda page: "<html" in page, timeout=60)
        yield preview
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
