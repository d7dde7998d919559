"""The one place that writes files: atomically, through temporary files and os.replace."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType

from quizgen.errors import Problem, QuizgenError


def _cannot(path: Path, found: str, expected: str) -> QuizgenError:
    return QuizgenError(Problem("cannot write output", file=str(path), found=found,
                                expected=expected))


class Batch:
    """Files written now under temporary names beside their targets, put in place by commit().

    Until commit() no target changes, so a failure half-way through a build (a renderer that
    crashes, a full disk) leaves every previous output as it was; leaving the `with` block
    without commit() removes the temporary files. Each file's data can be dropped as soon as
    add() returns, so a build holds one format in memory at a time.
    """

    def __init__(self) -> None:
        self._staged: list[tuple[Path, Path]] = []  # (temporary file, target)

    def add(self, path: Path, data: bytes) -> None:
        """Write data to a temporary file in path's folder (made if missing)."""
        path = Path(path)
        if path.is_dir():
            raise _cannot(path, "a directory", "a file path")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        except OSError as exc:
            raise _cannot(path, exc.strerror or str(exc), "a writable folder") from None
        tmp = Path(name)
        self._staged.append((tmp, path))
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.chmod(tmp, 0o644)
        except OSError as exc:
            raise _cannot(path, exc.strerror or str(exc), "a writable file") from None

    def commit(self) -> list[Path]:
        """Move every temporary file onto its target, in the order added; the targets."""
        done: list[Path] = []
        while self._staged:
            tmp, path = self._staged[0]
            try:
                os.replace(tmp, path)
            except OSError as exc:
                raise _cannot(path, exc.strerror or str(exc), "a writable file") from None
            self._staged.pop(0)
            done.append(path)
        return done

    def discard(self) -> None:
        """Remove the temporary files not yet committed."""
        for tmp, _ in self._staged:
            tmp.unlink(missing_ok=True)
        self._staged.clear()

    def __enter__(self) -> Batch:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.discard()


def write_atomic(path: Path, data: bytes) -> Path:
    """Write data to path so that readers see the old file or the new one, never half of one."""
    with Batch() as batch:
        batch.add(path, data)
        return batch.commit()[0]


def write_files(folder: Path, files: Mapping[str, bytes]) -> list[Path]:
    """Write every rendered file into folder, all or none, in name order."""
    with Batch() as batch:
        for name in sorted(files):
            batch.add(Path(folder) / name, files[name])
        return batch.commit()
