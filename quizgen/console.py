"""Terminal output for the CLI: errors with their lines, progress, previews, stats and summaries."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape

from quizgen.errors import Problem, QuizgenError

if TYPE_CHECKING:  # imported where used, so that `quizgen validate` starts faster
    from quizgen.model import FactBase
    from quizgen.questions import MultipleChoice, Quiz
    from quizgen.renderers.base import RenderOptions

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _out() -> Console:
    return Console(highlight=False, soft_wrap=True)


def _err() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def _source_line(file: str, line: int) -> str | None:
    try:
        text = Path(file).read_bytes().decode("utf-8", errors="replace")
    except OSError:
        return None
    lines = text.splitlines()
    return lines[line - 1] if 0 < line <= len(lines) else None


def print_error(error: QuizgenError) -> None:
    """Print every problem, grouped by file, with the offending line and a caret."""
    console = _err()
    groups: dict[str | None, list[Problem]] = {}
    for problem in error.problems:
        groups.setdefault(problem.file, []).append(problem)
    for file, problems in groups.items():
        count = len(problems)
        if file is not None:
            console.print(f"[bold red]{escape(file)}[/]: {count} problem{'s' * (count != 1)}")
        for problem in problems:
            console.print(f"  [red]error[/] {escape(str(problem))}")
            if file is not None and problem.line is not None:
                text = _source_line(file, problem.line)
                if text is not None and len(text) <= 300:
                    console.print(f"    {problem.line:>4} | {escape(text)}")
                    if problem.column:
                        console.print("         | " + " " * (problem.column - 1) + "[red]^[/]")


def run_validate(paths: Sequence[Path], *, source: bool) -> None:
    """Validate each file and print its verdict; raise one QuizgenError with all problems."""
    from quizgen.loader import load_factbase
    from quizgen.provenance import check_provenance

    problems: list[Problem] = []
    console = _out()
    for path in paths:
        try:
            base = load_factbase(path)
            found = check_provenance(base) if source else []
        except QuizgenError as error:
            found = list(error.problems)
        else:
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


class _NoProgress:
    """Stands in for rich's Progress when there is no bar to show (and spares importing it)."""

    def __enter__(self) -> _NoProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def add_task(self, description: str, *, total: int) -> int:
        return 0

    def update(self, task: int, *, description: str) -> None:
        return None

    def advance(self, task: int) -> None:
        return None


def _progress(quiet: bool):  # type: ignore[no-untyped-def]  # rich.progress is imported lazily
    if quiet or not sys.stderr.isatty():
        return _NoProgress()
    from rich.progress import BarColumn, Progress, TextColumn

    return Progress(TextColumn("{task.description}"), BarColumn(), console=_err(), transient=True)


def run_build(
    quiz: Quiz,
    bases: Sequence[FactBase],
    *,
    formats: Sequence[str],
    folder: Path,
    options: RenderOptions,
    anki_time: int,
    pdf_time: int,
    quiet: bool,
) -> None:
    """Render and write the formats one at a time, put them in place together, print a summary.

    Each format's files go to temporary names as soon as it is rendered, and its bytes are
    dropped, so only one format is in memory at a time; the files replace the previous outputs
    only once every format has been written, so a failure anywhere leaves those intact.
    """
    from quizgen.output import Batch
    from quizgen.pipeline import output_name, read_previous
    from quizgen.renderers import get_renderer

    name = options.name or output_name(bases)
    if not quiz.questions:
        raise QuizgenError(
            "no questions to write: the selection is empty"
            + "".join(f"\n  {skip.kind}: {skip.reason}" for skip in quiz.skipped)
        )
    previous_manifest = manifest = None
    with Batch() as batch, _progress(quiet) as progress:
        task = progress.add_task("rendering", total=len(formats))
        for fmt in formats:
            progress.update(task, description=f"rendering {fmt}")
            stamp = pdf_time
            if fmt == "anki":  # the deck's note times come from the previous build's manifest
                stamp = anki_time
                previous_manifest = read_previous(folder / f"{name}.manifest.json")
            fmt_options = replace(
                options, name=name, timestamp=stamp, previous_manifest=previous_manifest
            )
            files = get_renderer(fmt)(quiz, options=fmt_options)
            if fmt == "anki":
                manifest = files[f"{name}.manifest.json"]
            for file_name in sorted(files):
                batch.add(folder / file_name, files[file_name])
            del files  # written: free this format's bytes before rendering the next
            progress.advance(task)
        written = batch.commit()
    console = _out()
    for path in written:
        console.print(f"wrote {escape(str(path))}")
    if manifest is not None:
        from quizgen.renderers.anki import change_report

        report = change_report(previous_manifest, manifest)
        console.print(
            f"anki notes: {report.added} added, {report.changed} changed, "
            f"{report.unchanged} unchanged, {report.removed} removed"
        )
    kinds = Counter(question.kind for question in quiz.questions)
    console.print(
        f"{len(quiz.questions)} questions: "
        + ", ".join(f"{count} {kind}" for kind, count in kinds.items())
    )
    for skip in quiz.skipped:
        console.print(f"[yellow]skipped[/] {skip.kind} ({skip.factbase}): {escape(skip.reason)}")


def _options_lines(question: MultipleChoice, answers: bool) -> list[str]:
    lines = []
    for index, option in enumerate(question.options):
        mark = "[green]✔[/]" if answers and index == question.answer else " "
        lines.append(f"   {mark} {LETTERS[index]}. {escape(option.text)}")
    return lines


def print_quiz(quiz: Quiz, *, answers: bool) -> None:
    """Print the quiz like a paper quiz; with answers, mark and list the key."""
    from quizgen.questions import Matching, MultipleChoice, Ordering

    console = _out()
    console.print(f"[bold]{escape(quiz.title)}[/] — {len(quiz.questions)} questions\n")
    for number, question in enumerate(quiz.questions, start=1):
        console.print(f"[bold]{number}.[/] [dim]({question.kind})[/] {escape(question.prompt)}")
        if isinstance(question, MultipleChoice):
            lines = _options_lines(question, answers)
        elif isinstance(question, Matching):
            lines = [f"   {i + 1}. {escape(o.text)}" for i, o in enumerate(question.left)]
            lines += [f"   {LETTERS[i]}. {escape(o.text)}" for i, o in enumerate(question.right)]
            if answers:
                pairs = ", ".join(f"{a + 1}-{LETTERS[b]}" for a, b in question.answer)
                lines.append(f"   [green]answer: {pairs}[/]")
        else:
            assert isinstance(question, Ordering)
            lines = [f"   {LETTERS[i]}. {escape(o.text)}" for i, o in enumerate(question.items)]
            if answers:
                order = " → ".join(LETTERS[i] for i in question.answer)
                lines.append(f"   [green]answer: {order}[/]")
        for line in lines:
            console.print(line)
        if answers and question.explanation:
            console.print(f"   [dim]source: {escape(' … '.join(question.explanation))}[/]")
        console.print()
    for skip in quiz.skipped:
        console.print(f"[yellow]skipped[/] {skip.kind}: {escape(skip.reason)}")


def print_stats(bases: Sequence[FactBase]) -> None:
    """Facts per base; per generator, the questions it can make and what blocks more."""
    from rich.table import Table

    from quizgen.generators import GENERATORS
    from quizgen.generators.base import GenOptions

    console = _out()
    facts = Table(title="Facts")
    for column in ("fact base", "people", "quotes", "figures", "events", "places", "terms",
                   "claims"):
        facts.add_column(column, justify="left" if column == "fact base" else "right")
    for base in bases:
        facts.add_row(
            escape(base.id),
            *(str(len(section)) for section in (base.entities, base.quotes, base.figures,
                                                 base.events, base.places, base.terms,
                                                 base.claims)),
        )
    console.print(facts)
    table = Table(title="Questions each generator can make")
    for column in ("fact base", "generator", "questions", "what blocks more"):
        table.add_column(column, justify="right" if column == "questions" else "left")
    for base in bases:
        for kind, generate in GENERATORS.items():
            result = generate(base, seed=0, options=GenOptions())
            reasons = sorted({skip.reason for skip in result.skipped})
            table.add_row(
                escape(base.id),
                kind,
                str(len(result.questions)),
                escape("; ".join(reasons[:3]) + (" …" if len(reasons) > 3 else "")) or "—",
            )
    console.print(table)
    _print_figure_prompts(bases)


def _print_figure_prompts(bases: Sequence[FactBase]) -> None:
    """The prompt each figure will get, so an author sees a garbled one before printing."""
    from rich.table import Table

    from quizgen.generators.figure_choice import figure_prompts

    several = len(bases) > 1
    table = Table(title="Prompts each figure will get")
    for column in (("fact base",) if several else ()) + ("figure", "prompts"):
        table.add_column(column)
    for base in bases:
        for figure_id, prompts in figure_prompts(base):
            row = (escape(figure_id), escape("\n".join(prompts)))
            table.add_row(*(((escape(base.id),) if several else ()) + row))
    _out().print(table)


def run_init(name: str, *, folder: Path) -> None:
    """Write folder/NAME.yaml from the template; refuse to overwrite; say what to do next."""
    import re

    from quizgen.output import write_atomic
    from quizgen.resources import read_template

    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", name):
        raise QuizgenError(
            Problem(
                "bad fact-base name",
                field="NAME",
                found=repr(name),
                expected="lower-case letters, digits and hyphens, e.g. mytopic",
            )
        )
    target = folder / f"{name}.yaml"
    if target.exists():
        raise QuizgenError(
            Problem("refusing to overwrite an existing file", file=str(target),
                    expected="a new name, or delete the file first")
        )
    text = read_template("factbase.yaml").replace("{{name}}", name)
    write_atomic(target, text.encode("utf-8"))
    schema = folder / "factbase.schema.json"
    if not schema.exists():
        from quizgen.schema import factbase_schema_text

        write_atomic(schema, factbase_schema_text().encode("utf-8"))
    console = _out()
    console.print(f"created {escape(str(target))}")
    console.print("next: fill it in from your article, then run:")
    console.print(f"  quizgen validate {escape(str(target))} --source")
    console.print(f"  quizgen build {escape(str(target))}")
