"""Terminal output for the CLI: errors with their lines, validation, progress and summaries."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from quizgen.cli.terminal import err, escape, out, rich_console, visible
from quizgen.errors import Problem, QuizgenError

if TYPE_CHECKING:  # imported where used, so that `quizgen validate` starts faster
    from quizgen.factbase.model import FactBase
    from quizgen.pipeline import Built
    from quizgen.quiz.questions import Quiz

MAX_SHOWN = 50  # problems printed per file; the rest are counted
MAX_LINE_BYTES = 5 * 1024 * 1024 + 1  # source lines are quoted only from files of fact-base size


def _source_lines(file: str) -> list[str]:
    """The lines of a file, read once per error report; none for a missing or huge file."""
    try:
        with open(file, "rb") as handle:
            data = handle.read(MAX_LINE_BYTES)
    except OSError:
        return []
    if len(data) >= MAX_LINE_BYTES:
        return []
    return data.decode("utf-8", errors="replace").splitlines()


def print_error(error: QuizgenError) -> None:
    """Print the problems, grouped by file, with the offending line and a caret.

    Each file is read once, however many problems it has, and at most MAX_SHOWN problems are
    printed per file, followed by a count of the rest.
    """
    console = err()
    groups: dict[str | None, list[Problem]] = {}
    for problem in error.problems:
        groups.setdefault(problem.file, []).append(problem)
    for file, problems in groups.items():
        count = len(problems)
        if file is not None:
            console.print(f"[bold red]{escape(file)}[/]: {count:,} problem{'s' * (count != 1)}")
        lines = _source_lines(file) if file is not None and any(
            p.line is not None for p in problems[:MAX_SHOWN]) else []
        for problem in problems[:MAX_SHOWN]:
            console.print(f"  [red]error[/] {escape(str(problem))}")
            if problem.line is not None and 0 < problem.line <= len(lines):
                text = lines[problem.line - 1]
                if len(text) <= 300:
                    console.print(f"    {problem.line:>4} | {escape(text)}")
                    if problem.column:
                        shift = len(visible(text[: problem.column - 1]))
                        console.print("         | " + " " * shift + "[red]^[/]")
        if count > MAX_SHOWN:
            rest = count - MAX_SHOWN
            where = f" in {escape(file)}" if file is not None else ""
            console.print(f"  … and {rest:,} more problem{'s' * (rest != 1)}{where}"
                          " (fix these first)")


def run_validate(paths: Sequence[Path], *, source: bool) -> None:
    """Validate each file and print its verdict; raise one QuizgenError with all problems."""
    from quizgen.factbase.loader import load_factbase
    from quizgen.factbase.provenance import check_provenance

    problems: list[Problem] = []
    console = out()
    for path in paths:
        try:
            base = load_factbase(path)
            found = check_provenance(base) if source else []
        except QuizgenError as error:
            found = list(error.problems)
        else:
            _print_warnings(path, base)
            if not found:
                counts = ", ".join(
                    f"{len(facts)} {one if len(facts) == 1 else many}"
                    for facts, one, many in (
                        (base.entities, "person", "people"), (base.quotes, "quote", "quotes"),
                        (base.figures, "figure", "figures"), (base.events, "event", "events"),
                        (base.places, "place", "places"), (base.terms, "term", "terms"),
                        (base.claims, "claim", "claims"))
                    if facts or one in ("person", "quote", "figure", "event")
                )
                console.print(
                    f"[green]ok[/] {escape(str(path))}: {counts}"
                    + (", provenance checked" if source else "")
                )
        problems.extend(found)
    if problems:
        raise QuizgenError(problems)


def _print_warnings(path: Path, base: FactBase) -> None:
    """Warn, on standard error, about template examples or draft guesses left in a file, and
    about words that say 'her' or 'his' of a speaker with no pronoun."""
    from quizgen.factbase.pronouns import pronoun_warnings
    from quizgen.factbase.scaffold import scaffold_warnings

    text = Path(path).read_text(encoding="utf-8", errors="replace")
    console = err()
    for warning in [*scaffold_warnings(base, text=text), *pronoun_warnings(base)]:
        console.print(f"[yellow]warning[/] {escape(str(path))}: {escape(warning)}")
    print_waiting_facts(path, base)


def print_waiting_facts(path: Path | str, base: FactBase) -> None:
    """Every fact still marked `check:`, fact by fact with its line, on standard error."""
    from quizgen.factbase.scaffold import waiting_lines

    lines = waiting_lines(base, file=str(path))
    if not lines:
        return
    console = err()
    console.print(f"[yellow]{len(lines)} fact{'s' * (len(lines) != 1)} of {escape(str(path))}"
                  f" wait{'s' * (len(lines) == 1)} for a check[/] (questions resting on them are"
                  " left out; delete a `check:` line once you have read the fact against the"
                  " article):")
    for line in lines:
        console.print(f"  {escape(line)}")


class _NoProgress:
    """Stands in for rich's Progress when there is no bar to show (and spares importing it)."""

    def __enter__(self) -> _NoProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def add_task(self, description: str, *, total: int) -> int:
        return 0

    def update(self, task: int, *, description: str, completed: int) -> None:
        return None


def _progress(quiet: bool):  # type: ignore[no-untyped-def]  # rich.progress is imported lazily
    if quiet or not sys.stderr.isatty():
        return _NoProgress()
    from rich.progress import BarColumn, Progress, TextColumn

    return Progress(TextColumn("{task.description}"), BarColumn(),
                    console=rich_console(stderr=True), transient=True)


@contextmanager
def build_progress(*, total: int, quiet: bool) -> Iterator[Callable[[str], None]]:
    """A progress bar over the formats of a build; yields the callback the pipeline calls."""
    with _progress(quiet) as progress:
        task = progress.add_task("rendering", total=total)
        done = [0]

        def step(fmt: str) -> None:
            progress.update(task, description=f"rendering {fmt}", completed=done[0])
            done[0] += 1

        yield step


def questions_count(count: int) -> str:
    """'1 question', '12 questions'."""
    return f"{count} question{'s' * (count != 1)}"


def print_build(built: Built, quiz: Quiz, *, bases: Sequence[FactBase],
                verbose: bool = False) -> None:
    """The build summary: files written, the formats' reports, questions by kind, the facts
    still waiting for a check, and why questions were left out (one line unless verbose)."""
    console = out()
    for path in built.written:
        console.print(f"wrote {escape(str(path))}")
    for line in built.reports:
        console.print(escape(line))
    kinds = Counter(question.kind for question in quiz.questions)
    console.print(
        f"{questions_count(len(quiz.questions))}: "
        + ", ".join(f"{count} {kind}" for kind, count in kinds.items())
    )
    print_waiting(quiz, bases=bases)
    print_skips(quiz, verbose=verbose)


def print_waiting(quiz: Quiz, *, bases: Sequence[FactBase]) -> None:
    """One line, on standard error, when facts of the bases given still wait for a check (those
    of a base that gave no question too: the quiz holds only the bases it asks about)."""
    from quizgen.factbase.scaffold import unchecked_facts

    waiting = sum(len(unchecked_facts(base)) for base in bases)
    if not waiting:
        return
    facts = f"{waiting} fact{'s' * (waiting != 1)} still wait{'s' * (waiting == 1)} for a check"
    files = " ".join(base.path or base.id for base in bases if unchecked_facts(base))
    then = ("this is a DRAFT: some questions rest on them" if quiz.draft else
            "questions resting on them are left out (--include-unchecked asks them in a draft)")
    err().print(f"[yellow]warning[/] {escape(facts)}: {then}; `quizgen validate"
                 f" {escape(files)}` lists them")


def print_skips(quiz: Quiz, *, verbose: bool) -> None:
    """Why questions were left out: every reason with --verbose, else one summary line."""
    if not quiz.skipped:
        return
    if verbose:
        for skip in quiz.skipped:
            console = out()
            console.print(f"[yellow]skipped[/] {escape(skip.kind)} ({escape(skip.factbase)}):"
                          f" {escape(skip.reason)}")
        return
    from quizgen.quiz.deck_spread import REFORMED  # loaded by the selection already

    asked = [skip for skip in quiz.skipped if REFORMED in skip.reason]
    if asked:  # asked in another form (quizgen.quiz.deck_spread.deck_skips): not left out
        out().print("some questions of who said something were asked as true-or-false"
                    " statements instead, so that the main speaker is no safe guess; add"
                    " --verbose to see each")
    kinds = sorted({_skip_kind(skip.reason) for skip in quiz.skipped if skip not in asked},
                   key=_SKIP_KINDS.index)
    if kinds:
        out().print(f"some possible questions were not asked ({', '.join(kinds)}); add"
                    " --verbose to see each reason")



_SKIP_KINDS = ["facts waiting for a check", "they would give another away or repeat it",
               "their own words, the title or common sense answer them",
               "the main speaker would be a safe guess",
               "too few wrong answers to offer", "quotes or figures not worth asking",
               "fewer questions than asked for", "the facts hold too few for a kind",
               "other reasons"]
_SKIP_WORDS = [  # words of a reason (quizgen.quiz.left_out.CAUSES, the generators) -> its kind
    ("`check:`", 0), ("ten points above guessing", 3), ("point to its own answer", 2),
    ("title answers", 2), ("its words name", 2), ("common sense orders", 2),
    ("give away", 1), ("giveaway", 1), ("gives away", 1), ("asks again", 1),
    ("by elimination", 1), ("already asks to put in order", 1), ("trivia", 5),
    ("answered by kind alone", 4), ("no event or quote names", 7), ("no terms in", 7),
    ("totally ordered", 7), ("gave no new matching", 7), ("no quotes in", 7),
    ("too few numbers could be offered", 4),
]


def _skip_kind(reason: str) -> str:
    """A skip reason in a teacher's words, as one of a few kinds."""
    lowered = reason.lower()
    for words, kind in _SKIP_WORDS:
        if words in lowered:
            return _SKIP_KINDS[kind]
    few = " only " in lowered or " no other " in lowered  # 'only 1 other …', 'no other women'
    if lowered.startswith(("only ", "no other ")) or (few and ("offer" in lowered
                                                                or "needs" in lowered)) or (
            lowered.startswith("no ") and "needs" in lowered):  # 'no events; … needs 3'
        return _SKIP_KINDS[4]
    if "distinctive" in lowered or "fragment" in lowered or "figure of speech" in lowered:
        return _SKIP_KINDS[5]
    if "asked for" in lowered:
        return _SKIP_KINDS[6]
    return _SKIP_KINDS[8]


def print_export(data: bytes, *, count: int, path: Path | None) -> None:
    """An exported file's text on standard output, or a note of the file written."""
    if path is None:
        sys.stdout.write(data.decode("utf-8"))
    else:
        err().print(f"wrote {escape(str(path))} ({questions_count(count)})")


def run_init(name: str, *, folder: Path, article: Path | None = None) -> None:
    """Write folder/NAME.yaml from the template; refuse to overwrite; say what to do next."""
    from quizgen.draft.files import write_init

    written = write_init(name, folder=folder, article=article)
    target = written[0]
    console = out()
    for path in written:
        console.print(f"created {escape(str(path))}")
    console.print("next: fill it in from your article, then run:")
    console.print(f"  quizgen validate {escape(str(target))} --source")
    console.print(f"  quizgen build {escape(str(target))}")


def run_draft(article: Path, *, name: str | None, folder: Path, force: bool) -> None:
    """Write a draft fact base and a copy of the article; say what was found and what next."""
    from quizgen.draft.files import write_draft

    target, copy, text = write_draft(article, name=name, folder=folder, force=force)
    lines = text.splitlines()
    counts = {section: 0 for section in ("people", "quotes", "figures", "events")}
    section = None
    for line in lines:
        if line.rstrip(":") in counts and not line.startswith(" "):
            section = line.rstrip(":")
        elif section is not None and line.startswith("  - id:"):
            counts[section] += 1
    checks = sum("# check:" in line or line.lstrip().startswith("check:") for line in lines)
    console = out()
    console.print(f"created {escape(str(target))} (article copied to {escape(str(copy))})")
    console.print("drafted " + ", ".join(f"{n} {s}" for s, n in counts.items())
                  + f"; {checks} guesses marked `check:` to review")
    console.print("next: check each guess against the article, then run:")
    console.print(f"  quizgen validate {escape(str(target))} --source")
    console.print(f"  quizgen build {escape(str(target))}")
