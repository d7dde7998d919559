"""The library's end-to-end steps: find fact bases, load them, render formats, write them."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from quizgen.errors import Problem, QuizgenError

if TYPE_CHECKING:  # not imported at run time, so that `quizgen validate` starts faster
    from quizgen.factbase.model import FactBase
    from quizgen.output import Guard
    from quizgen.quiz.questions import Quiz
    from quizgen.renderers.base import Format, RenderOptions

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
    from quizgen.factbase.loader import load_factbase

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


@contextmanager
def _previous_located(options: RenderOptions, folder: Path) -> Iterator[None]:
    """A problem a format finds in a previous build's file names that file with its folder
    (formats know the files by name only)."""
    try:
        yield
    except QuizgenError as error:
        if not any(problem.file in options.previous for problem in error.problems):
            raise
        raise QuizgenError([
            replace(problem, file=str(folder / problem.file))
            if problem.file is not None and problem.file in options.previous else problem
            for problem in error.problems]) from None


@dataclass(frozen=True)
class Built:
    """What a build wrote, and the formats' report lines (e.g. the Anki notes that changed)."""

    written: tuple[Path, ...]
    reports: tuple[str, ...]


def render_format(
    fmt: Format | str, quiz: Quiz, *, options: RenderOptions
) -> dict[str, bytes]:
    """One format's files: per-student versions made here for a format that lays them out."""
    if isinstance(fmt, str):
        from quizgen.renderers import get_format

        fmt = get_format(fmt)
    if fmt.render_versions is not None:
        from quizgen.quiz.select import make_versions

        versions = make_versions(quiz, count=options.versions, seed=options.seed)
        return fmt.render_versions(versions, options=options)
    return fmt.render(quiz, options=options)


def format_options(
    fmt: Format,
    options: RenderOptions,
    *,
    folder: Path,
    timestamp: int,
) -> RenderOptions:
    """The options one format renders with: the timestamp, and the files of the last build it
    asks for (`prepare` puts them in `options.previous`)."""
    options = replace(options, timestamp=timestamp)
    if fmt.prepare is not None:
        options = fmt.prepare(options, previous=lambda name: read_previous(folder / name))
    return options


def draft_options(options: RenderOptions, quiz: Quiz) -> RenderOptions:
    """A draft's outputs say so: "-draft" ends the file names (so that a draft never replaces
    a checked build) and the title (the worksheet's header, the deck's name) starts with it."""
    from quizgen.quiz.select import draft_title

    name = options.name if options.name.endswith("-draft") else f"{options.name}-draft"
    return replace(options, name=name, title=draft_title(options.title or quiz.title))


def build(
    quiz: Quiz,
    bases: Sequence[FactBase],
    *,
    formats: Sequence[str],
    folder: Path,
    options: RenderOptions,
    timestamp: int,
    progress: Callable[[str], None] | None = None,
    quizzes: Mapping[str, Quiz] | None = None,
    exact: Path | None = None,
) -> Built:
    """Render and write the formats one at a time and put their files in place together.

    Each format's files go to temporary names as soon as it is rendered, and its bytes are
    dropped, so only one format is in memory at a time; the files replace the previous outputs
    only once every format has been written, so a failure anywhere leaves those intact.
    `timestamp` is every
    format's date (the PDFs', the Anki notes' times), passed in so that rebuilding gives the same
    bytes. `progress(format)` is called
    before each format is rendered. `quizzes` gives a format another quiz than `quiz` (the deck
    keeps every question while the sheet holds a class-length one). `exact` is the path the
    user named for a format that writes one file (`--out week3.txt` writes week3.txt); a format
    writing more keeps its own names in `folder`.
    """
    from quizgen.output import RECORD, Batch, Guard
    from quizgen.quiz.leaks import forget
    from quizgen.renderers import get_format

    forget()  # the quizzes are selected: free the leak checks' memory before rendering

    if not quiz.questions:
        sources = [base.path or base.id for base in bases]
        raise QuizgenError(Problem(
            "no questions to write: the selection is empty"
            + ("" if len(sources) == 1 else f" (fact bases {', '.join(sources)})")
            + "".join(f"\n  {skip.kind} ({skip.factbase}): {skip.reason}"
                      for skip in quiz.skipped),
            file=sources[0] if len(sources) == 1 else None,
        ))
    specs = [get_format(name) for name in formats]  # every name checked before any work
    options = replace(options, name=options.name or output_name(quiz.bases))
    if quiz.draft or any(other.draft for other in (quizzes or {}).values()):
        options = draft_options(options, quiz)
    reports: list[str] = []
    guard = Guard(inputs_of(bases))
    with Batch(guard=guard) as batch:
        for fmt in specs:
            if progress is not None:
                progress(fmt.name)
            guard.current = fmt.name
            fmt_options = format_options(
                fmt, options, folder=folder, timestamp=timestamp
            )
            for previous in fmt_options.previous:
                guard.reads(folder / previous, fmt.name)
            fmt_quiz = (quizzes or {}).get(fmt.name, quiz)
            with _previous_located(fmt_options, folder):
                files = render_format(fmt, fmt_quiz, options=fmt_options)
                if fmt.report is not None:
                    reports += fmt.report(files, quiz=fmt_quiz, options=fmt_options)
            if exact is not None and len(files) == 1:
                batch.add(exact, next(iter(files.values())))
            for file_name in sorted(files) if exact is None or len(files) != 1 else ():
                batch.add(folder / file_name, files[file_name])
            del files  # written: free this format's bytes before rendering the next
        written = [path for path in batch.commit() if path.name != RECORD]
    return Built(written=tuple(written), reports=tuple(reports))


def exact_guard(bases: Sequence[FactBase], fmt: str, *, options: RenderOptions) -> Guard:
    """What writing one format's file at a path the user named may not write over: the fact
    bases and their articles, and the previous files (in output/) other formats read."""
    from quizgen.output import Guard

    guard = Guard(inputs_of(bases))
    for previous in options.previous:
        guard.reads(OUTPUT_DIR / previous, fmt)
    guard.current = fmt
    return guard


def inputs_of(bases: Sequence[FactBase]) -> list[Path]:
    """The files a build read or may read: each fact base and its article text."""
    paths = []
    for base in bases:
        if base.path is None:
            continue
        paths.append(Path(base.path))
        if base.source.text_file and "\x00" not in base.source.text_file:
            paths.append(Path(base.path).parent / base.source.text_file)
    return paths
