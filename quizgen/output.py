"""The one place that writes files: atomically, through a temporary file and os.replace."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from quizgen.errors import Problem, QuizgenError


def write_atomic(path: Path, data: bytes) -> Path:
    """Write data to path so that readers see the old file or the new one, never half of one."""
    path = Path(path)
    if path.is_dir():
        raise QuizgenError(
            Problem(
                "cannot write output", file=str(path), found="a directory", expected="a file path"
            )
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise QuizgenError(
            Problem("cannot write output", file=str(path), found=exc.strerror or str(exc),
                    expected="a writable folder")
        ) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise QuizgenError(
            Problem("cannot write output", file=str(path), found=exc.strerror or str(exc),
                    expected="a writable file")
        ) from None
    return path


def write_files(folder: Path, files: Mapping[str, bytes]) -> list[Path]:
    """Write every rendered file into folder, each atomically, in name order."""
    return [write_atomic(Path(folder) / name, files[name]) for name in sorted(files)]
