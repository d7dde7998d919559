"""Output paths: missing folders are made, bad targets are clear errors, failures lose nothing."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from benchmarks.synth import synth_factbase_text
from quizgen.cli import app

runner = CliRunner()


@pytest.fixture()
def factbase(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A small synthetic fact base (with its article) in a scratch folder made current."""
    yaml_text, article = synth_factbase_text(40, seed=5)
    path = tmp_path / "synth-40-5.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    (tmp_path / "synth-40-5.txt").write_text(article, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    return path


def invoke(*args: str) -> Any:
    """Run the CLI in-process, capturing stdout and stderr apart."""
    return runner.invoke(app, list(args))


def assert_clean_failure(result: Any, *names: str) -> None:
    """Exit 1, no escaped exception or traceback, and the message names every given path."""
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    assert "internal error" not in result.output
    for name in names:
        assert name in result.stderr, result.stderr


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under folder by relative name, with its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


def test_build_into_a_missing_nested_folder_creates_it(factbase: Path, tmp_path: Path) -> None:
    """`build --out a/b/c` makes the folders and writes the deck, worksheet, key and JSON there."""
    out = tmp_path / "a" / "b" / "c"
    result = invoke("build", str(factbase), "--count", "6", "--out", str(out), "--quiet")
    assert result.exit_code == 0, result.output
    names = {p.name for p in out.iterdir()}
    assert {"synth-40-5.apkg", "synth-40-5.json"} <= names
    assert any(name.endswith(".pdf") for name in names)


@pytest.mark.parametrize(
    ("command", "target"),
    [("anki", "x/y/deck.apkg"), ("export json", "x/y/quiz.json"), ("worksheet", "x/y")],
)
def test_each_command_creates_missing_folders(factbase: Path, tmp_path: Path, command: str,
                                             target: str) -> None:
    """Every writing command creates a missing parent folder of its --out."""
    result = invoke(*command.split(), str(factbase), "--count", "4", "--out",
                    str(tmp_path / target))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "x" / "y").is_dir()
    assert any((tmp_path / "x" / "y").iterdir())


def test_export_json_out_at_a_directory_is_a_clear_error(factbase: Path, tmp_path: Path) -> None:
    """`export json --out DIR` exits 1 naming DIR as a directory, writing nothing into it."""
    folder = tmp_path / "already-a-folder"
    folder.mkdir()
    result = invoke("export", "json", str(factbase), "--out", str(folder))
    assert_clean_failure(result, str(folder))
    assert "directory" in result.stderr
    assert list(folder.iterdir()) == []


def test_anki_out_at_a_directory_is_a_clear_error(factbase: Path, tmp_path: Path) -> None:
    """`anki --out DIR.apkg` where that name is a folder exits 1 naming it, with no traceback."""
    folder = tmp_path / "deck.apkg"
    folder.mkdir()
    result = invoke("anki", str(factbase), "--count", "4", "--out", str(folder))
    assert_clean_failure(result, str(folder))


@pytest.mark.parametrize(
    ("command", "target"),
    [("build", "blocker/out"), ("worksheet", "blocker/out"), ("anki", "blocker/deck.apkg"),
     ("export json", "blocker/quiz.json")],
)
def test_out_under_a_regular_file_is_a_clear_error(factbase: Path, tmp_path: Path,
                                                   command: str, target: str) -> None:
    """A path whose parent is a regular file cannot be written (even as root): exit 1, no trace."""
    blocker = tmp_path / "blocker"
    blocker.write_text("I am a file, not a folder\n", encoding="utf-8")
    result = invoke(*command.split(), str(factbase), "--count", "4", "--out",
                    str(tmp_path / target))
    assert_clean_failure(result, str(blocker))
    assert "cannot write output" in result.stderr or "cannot read previous output" in result.stderr
    assert blocker.read_text(encoding="utf-8") == "I am a file, not a folder\n"


def _first_build(factbase: Path, out: Path) -> dict[str, bytes]:
    result = invoke("build", str(factbase), "--count", "6", "--out", str(out), "--quiet")
    assert result.exit_code == 0, result.output
    before = snapshot(out)
    assert len(before) >= 4
    return before


def test_renderer_failing_after_the_first_format_leaves_previous_files(
    factbase: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When a later renderer fails, a rebuild with another seed writes nothing: old bytes remain."""
    import quizgen.renderers.worksheet.sheet as worksheet

    out = tmp_path / "out"
    before = _first_build(factbase, out)

    def broken(*args: object, **kwargs: object) -> dict[str, bytes]:
        raise RuntimeError("renderer crashed")

    monkeypatch.setattr(worksheet, "render_versions", broken)  # what a build calls
    result = invoke("build", str(factbase), "--count", "6", "--seed", "99", "--out", str(out),
                    "--quiet")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert snapshot(out) == before


def test_write_failing_after_the_first_file_keeps_every_other_previous_file(
    factbase: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A disk error while writing the second file leaves it and all later ones byte-identical.

    The first file may be wholly the new build's; none is half written, no *.tmp is left.
    """
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    before = _first_build(factbase, out)
    shutil.copytree(out, fresh)  # the reference rebuild sees the same previous manifest
    args = ("build", str(factbase), "--count", "6", "--seed", "99", "--quiet")
    assert invoke(*args, "--out", str(fresh)).exit_code == 0
    after = snapshot(fresh)
    changed = [name for name in before if after[name] != before[name]]
    assert len(changed) >= 2  # the new seed changes the files, so the test can tell them apart

    real_fdopen = os.fdopen
    opened: list[str] = []

    class HalfWriter:
        """A file handle that writes half of the data, then fails as if the disk were full."""

        def __init__(self, handle: Any) -> None:
            self.handle = handle

        def __enter__(self) -> HalfWriter:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

        def write(self, data: bytes) -> int:
            self.handle.write(data[: len(data) // 2])
            self.handle.flush()
            raise OSError(errno.ENOSPC, "No space left on device")

    def fdopen(fd: int, mode: str = "r", *rest: Any, **kwargs: Any) -> Any:
        handle = real_fdopen(fd, mode, *rest, **kwargs)
        if mode == "wb":
            opened.append(mode)
            if len(opened) >= 2:
                return HalfWriter(handle)
        return handle

    monkeypatch.setattr(os, "fdopen", fdopen)
    result = invoke(*args, "--out", str(out))
    monkeypatch.undo()
    assert_clean_failure(result, "No space left on device")
    now = snapshot(out)
    assert sorted(now) == sorted(before), "no *.tmp or other stray file is left"
    for name in before:
        assert now[name] in (before[name], after[name]), f"{name} is neither old nor new"
    replaced = [name for name in changed if now[name] == after[name]]
    assert len(replaced) <= 1, f"only the first file may be new; new: {replaced}"
