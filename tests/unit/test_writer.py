import os
import time
from pathlib import Path

import pytest

from explainer.build.writer import UnsafeOutput, write_pages
from explainer.render import PageSet


def pages(**files: str) -> PageSet:
    out = PageSet()
    for name, text in files.items():
        out.add(name.replace("__", "/") + ".md", text)
    return out


def test_only_changed_files_are_written_and_stale_ones_removed(tmp_path: Path) -> None:
    out = tmp_path / "generated"
    first = write_pages(pages(index="home", people__a="A", people__b="B"), out)
    assert sorted(first.written) == ["index.md", "people/a.md", "people/b.md"]
    stamp = (out / "people/a.md").stat().st_mtime_ns
    time.sleep(0.01)
    second = write_pages(pages(index="home v2", people__a="A"), out)
    assert second.written == ["index.md"]
    assert second.unchanged == 1
    assert second.removed == ["people/b.md"]
    assert (out / "people/a.md").stat().st_mtime_ns == stamp
    assert not (out / "people/b.md").exists()


def test_refuses_a_folder_it_did_not_make(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "notes.md").write_text("an editor's file")
    with pytest.raises(UnsafeOutput):
        write_pages(pages(index="x"), tmp_path / "docs")
    assert (tmp_path / "docs" / "notes.md").read_text() == "an editor's file"


def test_two_pages_cannot_claim_one_path() -> None:
    from explainer.render.pages import RenderError

    with pytest.raises(RenderError, match="two pages claim"):
        pages(index="a").add("index.md", "b")


def test_no_temporary_files_are_left(tmp_path: Path) -> None:
    write_pages(pages(index="x"), tmp_path / "g")
    assert sorted(os.listdir(tmp_path / "g")) == [".explainer-generated", "index.md"]


def test_folders_left_empty_are_removed(tmp_path: Path) -> None:
    out = tmp_path / "g"
    write_pages(pages(index="x", stories__a__index="A", stories__a__data__facts="{}"), out)
    result = write_pages(pages(index="x"), out)
    assert result.removed == ["stories/a/index.md", "stories/a/data/facts.md"]
    assert sorted(os.listdir(out)) == [".explainer-generated", "index.md"]


def test_writing_in_worker_processes_gives_the_same_result(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from explainer.build import writer

    monkeypatch.setattr(writer, "PARALLEL_THRESHOLD", 0)
    many = {f"people__p{n}": f"person {n}" for n in range(20)}
    first = write_pages(pages(index="home", **many), tmp_path / "g", jobs=2)
    assert first.written == sorted(first.written) and len(first.written) == 21
    for n in range(20):
        assert (tmp_path / "g" / "people" / f"p{n}.md").read_text() == f"person {n}"
    many["people__p3"] = "changed"
    second = write_pages(pages(index="home", **many), tmp_path / "g", jobs=3)
    assert second.written == ["people/p3.md"] and second.unchanged == 20


def test_linked_files_are_hard_links_to_their_source_and_left_alone_when_unchanged(
        tmp_path: Path) -> None:
    cached = tmp_path / "cache" / "card.png"
    cached.parent.mkdir()
    cached.write_bytes(b"\x89PNG card")
    out = tmp_path / "generated"
    files = pages(index="home")
    files.link("social/card.png", str(cached))
    assert files.read("social/card.png") == b"\x89PNG card"
    assert list(files) == ["index.md", "social/card.png"] and len(files) == 2
    first = write_pages(files, out)
    assert "social/card.png" in first.written
    assert (out / "social/card.png").read_bytes() == b"\x89PNG card"
    assert os.path.samefile(out / "social/card.png", cached)
    second = write_pages(files, out)
    assert second.written == [] and second.unchanged == 2
    other = tmp_path / "cache" / "card2.png"
    other.write_bytes(b"\x89PNG other")
    moved = pages(index="home")
    moved.link("social/card.png", str(other))
    assert write_pages(moved, out).written == ["social/card.png"]
    assert (out / "social/card.png").read_bytes() == b"\x89PNG other"
    assert cached.read_bytes() == b"\x89PNG card"  # the cache entry is never written through
