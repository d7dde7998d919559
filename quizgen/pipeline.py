"""The library's end-to-end steps: find fact bases, load them, select questions, render, write."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from quizgen.errors import Problem, QuizgenError

if TYPE_CHECKING:  # not imported at run time, so that `quizgen validate` starts faster
    from quizgen.model import FactBase

CONTENT_DIR = Path("content")
OUTPUT_DIR = Path("output")
DEFAULT_EPOCH = 946684800  # 2000-01-01T00:00:00Z: the creation date of PDFs when none is given


def discover(paths: Sequence[Path], *, content_dir: Path = CONTENT_DIR) -> list[Path]:
    """The fact-base files to use: the paths given, or every *.yaml in content_dir."""
    if paths:
        missing = [path for path in paths if not path.is_file()]
        if missing:
            raise QuizgenError(
                [
                    Problem(
                        "no such fact-base file" if not path.exists() else "not a file",
                        file=str(path),
                        expected="a YAML fact base; create one with `quizgen init NAME`",
                    )
                    for path in missing
                ]
            )
        return list(paths)
    found = sorted(content_dir.glob("*.yaml")) if content_dir.is_dir() else []
    if not found:
        raise QuizgenError(
            Problem(
                "no fact bases found",
                file=str(content_dir),
                found="no *.yaml files" if content_dir.is_dir() else "no such folder",
                expected="at least one fact base: create one with `quizgen init NAME`"
                " or name files on the command line",
            )
        )
    return found


def load_all(paths: Iterable[Path]) -> tuple[FactBase, ...]:
    """Load every file, reporting the problems of all files together; refuse clashing ids."""
    from quizgen.loader import load_factbase

    bases: list[FactBase] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            bases.append(load_factbase(path))
        except QuizgenError as error:
            problems.extend(error.problems)
    seen: dict[str, FactBase] = {}
    for base in bases:
        if base.id in seen:
            problems.append(
                Problem(
                    "two fact bases share one id",
                    file=base.path,
                    field="id",
                    found=repr(base.id),
                    expected=f"an id different from the one in {seen[base.id].path}",
                )
            )
        seen[base.id] = base
    if problems:
        raise QuizgenError(problems)
    return tuple(bases)


def output_name(bases: Sequence[FactBase]) -> str:
    """Base name of output files: the fact base's id, or the ids joined when merging."""
    return "+".join(base.id for base in bases) if len(bases) <= 3 else f"quiz-{len(bases)}-articles"


def read_previous(path: Path) -> bytes | None:
    """The bytes of a previous build's file, or None when there is none.

    Only a regular file is read: a pipe or a link to a device there would block or never end
    (writing the new file then refuses it, in quizgen.output).
    """
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return None
        return path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        raise QuizgenError(
            Problem("cannot read previous output", file=str(path), found=str(exc))
        ) from None
