"""A glossary meaning limited to some stories (`stories:`): each story's pages explain the term
its own way; the glossary page lists both meanings with their stories."""

from __future__ import annotations

from pathlib import Path

from explainer.pipeline import generate
from explainer.project import Project

from .conftest import MINIMAL, copy_project

TAX_STORY = """---
headline: The STC rises again
outlet: Sample Gazette
published: 2024-06-01
---

{#p1}
The STC, Sampletown's property tax, rises by 2 per cent, U.S. officials said.
"""


def test_each_story_explains_the_term_its_own_way(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project", MINIMAL)
    content = root / "content"
    (content / "stories/tax").mkdir()
    (content / "stories/tax/article.md").write_text(TAX_STORY)
    (content / "stories/tax/facts.yaml").write_text("summary: The tax rises.\n")
    glossary = content / "glossary.yaml"
    glossary.write_text(glossary.read_text() + (
        "- term: STC\n  expansion: Sampletown Tax Contribution\n  stories: [tax]\n"
        "  definition: The town's property tax.\n"
        "- term: U.S.\n  expansion: United States\n"))
    files = generate(Project.at(root)).pages.files
    for page in ("index", "source"):
        assert "*[STC]: Sampletown Tax Contribution" in files[f"stories/tax/{page}.md"].decode()
        assert "*[STC]: Sampletown Council" in files[f"stories/sample/{page}.md"].decode()
    assert "*[U.S]: United States" in files["stories/tax/source.md"].decode()
    glossary_page = files["glossary.md"].decode()
    assert '<dt id="stc" markdown="span">STC — Sampletown Council</dt>' in glossary_page
    assert '<dt id="stc-tax" markdown="span">STC — Sampletown Tax Contribution</dt>' in \
        glossary_page
    assert "Meaning in this story: [The STC rises again](stories/tax/index.md)" in glossary_page
    assert "*[STC]" not in glossary_page  # both meanings are on it: no tooltip
