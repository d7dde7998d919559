"""Atomic output: a batch of files replaces the previous ones all together, or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgen.errors import QuizgenError
from quizgen.output import Batch, write_atomic, write_files


def _listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_batch_changes_nothing_until_commit(tmp_path: Path) -> None:
    """Added files sit under hidden temporary names; commit puts them all in place, in order."""
    (tmp_path / "a.txt").write_bytes(b"old a")
    with Batch() as batch:
        batch.add(tmp_path / "a.txt", b"new a")
        batch.add(tmp_path / "sub" / "b.txt", b"new b")
        assert (tmp_path / "a.txt").read_bytes() == b"old a"
        assert not (tmp_path / "sub" / "b.txt").exists()
        assert len(list(tmp_path.glob(".a.txt.*.tmp"))) == 1
        paths = batch.commit()
    assert paths == [tmp_path / "a.txt", tmp_path / "sub" / "b.txt"]
    assert _listing(tmp_path / "sub") == {"b.txt": b"new b"}
    assert (tmp_path / "a.txt").read_bytes() == b"new a"
    assert oct((tmp_path / "a.txt").stat().st_mode & 0o777) == oct(0o644)
    assert not list(tmp_path.rglob("*.tmp"))


def test_batch_left_by_an_error_removes_its_temporary_files(tmp_path: Path) -> None:
    """An exception before commit leaves the previous files and no temporary file."""
    (tmp_path / "a.txt").write_bytes(b"old a")
    with pytest.raises(RuntimeError), Batch() as batch:
        batch.add(tmp_path / "a.txt", b"new a")
        batch.add(tmp_path / "b.txt", b"new b")
        raise RuntimeError("renderer crashed")
    assert _listing(tmp_path) == {"a.txt": b"old a"}


def test_batch_without_commit_writes_nothing(tmp_path: Path) -> None:
    """Leaving the block normally without commit() discards the staged files too."""
    with Batch() as batch:
        batch.add(tmp_path / "a.txt", b"data")
    assert _listing(tmp_path) == {}


def test_a_directory_in_the_way_fails_before_anything_is_replaced(tmp_path: Path) -> None:
    """write_files refuses a target that is a folder, naming it, and keeps the earlier file old."""
    (tmp_path / "a.txt").write_bytes(b"old a")
    (tmp_path / "b.txt").mkdir()
    with pytest.raises(QuizgenError) as caught:
        write_files(tmp_path, {"a.txt": b"new a", "b.txt": b"new b"})
    (problem,) = caught.value.problems
    assert problem.file == str(tmp_path / "b.txt") and problem.found == "a directory"
    assert (tmp_path / "a.txt").read_bytes() == b"old a"
    assert not list(tmp_path.glob(".*.tmp"))


def test_write_atomic_under_a_regular_file_is_a_clear_error(tmp_path: Path) -> None:
    """A parent that is a file gives a QuizgenError naming the target, not an OSError."""
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(QuizgenError) as caught:
        write_atomic(tmp_path / "file" / "out.pdf", b"data")
    assert caught.value.problems[0].message == "cannot write output"
    assert caught.value.problems[0].file == str(tmp_path / "file" / "out.pdf")


def test_write_atomic_returns_the_path_with_the_data(tmp_path: Path) -> None:
    """write_atomic makes the missing folders and writes exactly the bytes given."""
    target = tmp_path / "x" / "y" / "deck.apkg"
    assert write_atomic(target, b"\x00\x01data") == target
    assert target.read_bytes() == b"\x00\x01data"
