"""The commands the format registry drives: `build --to ...`, `export FORMAT` and shortcuts."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from quizgen.cli.options import (
    Quiet,
    Selection,
    Verbose,
    command_from_parts,
    format_parameter,
    format_values,
    guarded,
    parameter,
    selection_parameters,
    split_list,
    take_selection,
)
from quizgen.errors import QuizgenError
from quizgen.renderers import DEFAULT_BUILD, RENDERERS, declared

if TYPE_CHECKING:
    from quizgen.factbase.model import FactBase
    from quizgen.generators.base import Generated
    from quizgen.quiz.questions import Quiz
    from quizgen.renderers.base import FormatOption, OptionValue, RenderOptions


def _timestamp() -> int:
    """SOURCE_DATE_EPOCH when set; else a fixed date, so the same input gives the same bytes.

    (The deck's notes keep their times from the previous build's manifest; a changed note is
    stamped later than its old time, so Anki still takes the change.)
    """
    from quizgen.pipeline import DEFAULT_EPOCH

    env = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if env:
        if not env.isdigit():
            raise QuizgenError(f"SOURCE_DATE_EPOCH must be whole seconds; found {env!r}")
        return int(env)
    return DEFAULT_EPOCH


def select_quiz(
    selection: Selection, *, class_length: bool = False, everything: bool = False
) -> tuple[tuple[FactBase, ...], Quiz]:
    """Load fact bases and select questions: the shared first half of every command.

    `class_length`: with no count given, about CLASS_LENGTH questions (a worksheet's default);
    `everything`: every question, clashes included (`--all`, and the deck's default).
    """
    bases = _load(selection)
    return bases, _select(selection, bases, class_length=class_length, everything=everything)


def _load(selection: Selection) -> tuple[FactBase, ...]:
    """The fact bases a selection names, after checking its counts."""
    from quizgen.pipeline import discover, load_all

    if selection.count is not None and selection.per_kind is not None:
        raise typer.BadParameter(
            "give --count or --per-kind, not both", param_hint="'--count' / '--per-kind'"
        )
    return load_all(discover(selection.files or []))


def _select(
    selection: Selection,
    bases: tuple[FactBase, ...],
    *,
    class_length: bool = False,
    everything: bool = False,
    generated: dict[tuple[str, int], Generated] | None = None,
) -> Quiz:
    """The quiz a selection picks from loaded fact bases (see select_quiz)."""
    from quizgen.quiz.select import CLASS_LENGTH, build_quiz

    count = selection.count
    if class_length and selection.default_length:
        count = CLASS_LENGTH
    return build_quiz(
        bases,
        seed=selection.seed,
        kinds=split_list(selection.kinds) or None,
        count=count,
        per_kind=selection.per_kind,
        tags=split_list(selection.tags),
        people=split_list(selection.people),
        title=selection.title,
        everything=everything or selection.everything,
        include_unchecked=selection.include_unchecked,
        generated=generated,
    )


def select_for(
    selection: Selection, formats: tuple[str, ...]
) -> tuple[tuple[FactBase, ...], Quiz, dict[str, Quiz]]:
    """The quiz of a build (class-length by default) and, for formats that keep every question
    by default (the deck), the whole quiz: the bases loaded once, their questions made once."""
    bases = _load(selection)
    generated: dict[tuple[str, int], Generated] = {}
    quiz = _select(selection, bases, class_length=True, generated=generated)
    whole = [fmt for fmt in formats if declared(fmt).every_question]
    if not whole or not selection.default_length:
        return bases, quiz, {}
    full = _select(selection, bases, everything=True, generated=generated)
    return bases, quiz, dict.fromkeys(whole, full)


def _render_options(selection: Selection, given: dict[str, OptionValue]) -> RenderOptions:
    """RenderOptions from the selection and the formats' option values: an option naming a
    shared field (versions) sets it, every other one goes to `extra` for its format to read."""
    from dataclasses import fields

    from quizgen.renderers.base import RenderOptions

    known = {f.name for f in fields(RenderOptions)} - {"extra", "name", "previous"}
    direct = {k: v for k, v in given.items() if k in known}
    extra = {k: v for k, v in given.items() if k not in known}
    return RenderOptions(name="", seed=selection.seed, title=selection.title, extra=extra,
                         **direct)  # type: ignore[arg-type]  # the formats' options name these fields


def _write(
    selection: Selection,
    given: dict[str, OptionValue],
    *,
    formats: tuple[str, ...],
    folder: Path,
    name: str,
    quiet: bool,
    verbose: bool = False,
    exact: Path | None = None,
) -> None:
    """Select, render and write formats into folder (a one-file format at `exact` when given),
    then print the build summary."""
    from quizgen.cli.console import build_progress, print_build
    from quizgen.collector import collector_paused
    from quizgen.pipeline import build as build_files

    with collector_paused():  # the bases and questions live to the end and hold no cycles
        bases, quiz, quizzes = select_for(selection, formats)
        options = replace(_render_options(selection, given), name=name)
        with build_progress(total=len(formats), quiet=quiet) as progress:
            built = build_files(quiz, bases, formats=formats, folder=folder, options=options,
                                timestamp=_timestamp(), progress=progress, quizzes=quizzes,
                                exact=exact)
    print_build(built, quiz, bases=bases, verbose=verbose)


def _out_path(out: Path | None, default: Path) -> tuple[Path, str]:
    """--out as (folder, base name): a path with a suffix (week3.txt) is the file a one-file
    format writes, and names a several-file format's files after its stem, beside it; a path
    without one is the folder."""
    if out is None:
        return default, ""
    if out.suffix:
        return out.parent, out.stem
    return out, ""


def _formats_given(text: str) -> tuple[str, ...]:
    from quizgen.registry import lookup

    names = split_list(text)
    if not names:
        raise typer.BadParameter("expected a comma list of formats, found nothing",
                                 param_hint="'--to'")
    try:
        for name in names:
            lookup(RENDERERS, name, what="output format", field="--to")
    except QuizgenError as error:
        raise typer.BadParameter(str(error.problems[0]), param_hint="'--to'") from None
    return tuple(dict.fromkeys(names))


def _all_format_options() -> dict[str, tuple[FormatOption, list[str]]]:
    """Every format's options by field, with the formats owning each (one definition each),
    read from the registry lines: no format module is imported."""
    table: dict[str, tuple[FormatOption, list[str]]] = {}
    for name in RENDERERS:
        for option in declared(name).options:
            if option.field in table and table[option.field][0] != option:
                raise TypeError(f"format {name} defines option {option.field} differently "
                                f"from {', '.join(table[option.field][1])}")
            table.setdefault(option.field, (option, []))[1].append(name)
    return table


BUILD_DOC = """Build the Anki deck, the worksheet and its answer key, the JSON export and the
self-grading HTML quiz into output/ (or the formats named by --to).

Formats: {formats}.

Example: quizgen build content/venezuela-post-election.yaml --seed 7 --to worksheet,html
"""


def add_build(app: typer.Typer) -> None:
    """`quizgen build`: the selection, --to, every format's options, --out folder."""
    owned = _all_format_options()
    options = [option for option, _ in owned.values()]
    params = [
        *selection_parameters(),
        parameter("to", Annotated[str, typer.Option(
            "--to", help="Comma list of formats to write.")], ",".join(DEFAULT_BUILD)),
        *(format_parameter(option) for option in options),
        parameter("out", Annotated[Path, typer.Option("--out", help="Output folder.")],
                  Path("output")),
        parameter("quiet", Quiet, False),
        parameter("verbose", Verbose, False),
    ]

    def body(values: dict[str, Any]) -> None:
        selection = take_selection(values)
        formats = _formats_given(values.pop("to"))
        given = format_values(values, options)
        stray = [owned[field][0].flag for field, value in given.items()
                 if value != owned[field][0].default
                 and not set(owned[field][1]) & set(formats)]
        if stray:
            raise typer.BadParameter(
                f"{', '.join(stray)} only apply to formats that --to does not include",
                param_hint="'--to'")
        _write(selection, given, formats=formats, folder=values["out"], name="",
               quiet=values["quiet"], verbose=values["verbose"])

    doc = BUILD_DOC.format(formats=", ".join(RENDERERS))
    app.command("build")(guarded(command_from_parts("build", doc, params, body)))


EXPORT_DOC = """{description}

{where}

Example: quizgen {command} --per-kind 3{example}
"""


def add_export(group: typer.Typer, fmt: str, *, command: str, example: str = "") -> None:
    """`quizgen export FMT` (or a shortcut command): the selection plus the format's options
    (from its registry line; the format's module is imported only when the command runs)."""
    spec = declared(fmt)
    stdout = spec.stdout
    params = [
        *selection_parameters(),
        *(format_parameter(option) for option in spec.options),
        parameter("out", Annotated[Path | None, typer.Option(
            "--out", help="The file to write (default: standard output)." if stdout else
            "Output folder, or a file path naming the files (default: output/).")], None),
        parameter("quiet", Quiet, False),
        parameter("verbose", Verbose, False),
    ]

    def body(values: dict[str, Any]) -> None:
        selection = take_selection(values)
        given = format_values(values, spec.options)
        out: Path | None = values["out"]
        if stdout:  # one file: to standard output, or to exactly the path given
            _single(fmt, selection, given, out=out, verbose=values["verbose"])
            return
        folder, name = _out_path(out, Path("output"))
        _write(selection, given, formats=(fmt,), folder=folder, name=name, quiet=values["quiet"],
               verbose=values["verbose"], exact=out if name else None)

    doc = EXPORT_DOC.format(
        description=spec.description, command=command, example=example,
        where=("Writes to standard output, or to the file --out names." if stdout else
               "Writes into output/, or --out: a folder, or the file to write (week3.txt); a\n"
               "format writing several files names them after it, beside it."))
    group.command(command.split()[-1])(guarded(command_from_parts(fmt, doc, params, body)))


def _single(
    fmt: str, selection: Selection, given: dict[str, OptionValue], *, out: Path | None,
    verbose: bool = False,
) -> None:
    """Render a one-file format; print it on standard output, or write it at exactly `out`."""
    from quizgen.cli.console import print_export, print_waiting
    from quizgen.output import write_atomic
    from quizgen.pipeline import draft_options, format_options, output_name, render_format
    from quizgen.renderers import get_format

    spec = get_format(fmt)

    bases, quiz, quizzes = select_for(selection, (spec.name,))
    quiz = quizzes.get(spec.name, quiz)
    name = out.stem if out is not None and out.stem else output_name(quiz.bases)
    options = replace(_render_options(selection, given), name=name)
    if quiz.draft:  # the title says so; the file is the one the user named
        options = replace(draft_options(options, quiz), name=name)
    options = format_options(spec, options, folder=Path("output"),
                             timestamp=_timestamp())
    files = render_format(spec, quiz, options=options)
    if len(files) != 1:
        raise QuizgenError(f"format {spec.name} writes {len(files)} files; give --out FOLDER")
    (data,) = files.values()
    if out is not None:
        from quizgen.pipeline import exact_guard

        write_atomic(out, data, guard=exact_guard(bases, spec.name, options=options))
    print_export(data, count=len(quiz.questions), path=out)
    print_waiting(quiz, bases=bases)
    if verbose:
        from quizgen.cli.console import print_skips

        print_skips(quiz, verbose=True)


