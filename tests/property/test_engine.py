"""Properties of real MkDocs output (`explainer build`, policy included), with few examples:
hostile text adds no element or attribute to whole pages, theme and all (titles, meta
description, navigation, search box), every inline script is allowed by the page's policy, and
a build in another process, with another hash seed and one render process, is byte-identical."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from hypothesis import example, given, settings

from explainer.build import csp
from explainer.cli.main import main

from ..conftest import REPO
from .pages import _value
from .sites import SiteSpec, plain_twin, sites, write_content
from .test_pipeline import PINNED

pytestmark = pytest.mark.engine

#: Attributes whose value is text from content, in the theme's pages too (`content`: the
#: meta description, and the policy, whose hashes cover the JSON-LD scripts' text).
TEXT_ATTRIBUTES = frozenset({"title", "alt", "aria-label", "content"})
_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.S)


def built(site: SiteSpec, folder: Path, elsewhere: bool = False) -> dict[str, bytes]:
    """Every file of the site `explainer build` makes of `site`: in this process, or
    (`elsewhere`) in a new one with another hash seed and one render process instead of
    several, which must not change a byte."""
    root = write_content(site, folder)
    if elsewhere:
        env = {**os.environ, "PYTHONHASHSEED": "4242", "EXPLAINER_JOBS": "1"}
        done = subprocess.run([sys.executable, str(REPO / "build.py"), "--root", str(root),
                               "build"], env=env, capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
    else:
        assert main(["--root", str(root), "build"]) == 0, "a generated site must build"
    return {path.relative_to(root / "site").as_posix(): path.read_bytes()
            for path in sorted((root / "site").rglob("*")) if path.is_file()}


def shape(html: str) -> Counter[tuple[str, Any]]:
    soup = BeautifulSoup(html, "html.parser")
    return Counter((element.name, tuple(sorted(
        (name, None if name in TEXT_ATTRIBUTES else _value(name, value))
        for name, value in element.attrs.items())))
        for element in soup.find_all(True))


@settings(max_examples=max(1, settings().max_examples // 12))  # three builds each
@given(sites(hostile=True, max_stories=1))
@example(PINNED)
def test_real_pages_hold_no_element_or_attribute_the_templates_did_not_make(
        site: SiteSpec) -> None:
    with tempfile.TemporaryDirectory(prefix="explainer-property-") as folder:
        files = built(site, Path(folder) / "hostile")
        again = built(site, Path(folder) / "again", elsewhere=True)
        plain = built(plain_twin(site), Path(folder) / "plain")
    assert files == again, "two builds of one site differ"
    hostile = {path: data.decode("utf-8") for path, data in files.items()
               if path.endswith(".html")}
    assert sorted(hostile) == sorted(path for path in plain if path.endswith(".html"))
    for path, html in hostile.items():
        ours, theirs = shape(html), shape(plain[path].decode("utf-8"))
        assert ours == theirs, f"{path}: added {ours - theirs}, lost {theirs - ours}"
        policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html)
        assert policy is not None, path
        for match in _SCRIPT.finditer(html):  # every inline script that runs is the theme's
            if "src=" not in match["attrs"] and "type=" not in match["attrs"]:
                assert csp.source_hash(match["body"]) in policy.group(1), path
