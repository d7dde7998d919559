"""The typer command-line interface: thin commands over the quizgen library."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from quizgen import __version__
from quizgen.cli_options import (
    DEBUG,
    Files,
    command_from_parts,
    guarded,
    parameter,
    selection_parameters,
    take_selection,
)
from quizgen.renderers import RENDERERS


def _version(value: bool) -> None:
    if value:
        typer.echo(f"quizgen {__version__}")
        raise typer.Exit()


def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show tracebacks of internal errors.")
    ] = False,
) -> None:
    """Turn an article's YAML fact base into quizzes: Anki decks, worksheets, web quizzes."""
    DEBUG["on"] = debug


@guarded
def validate(
    files: Files = None,
    source: Annotated[
        bool, typer.Option("--source", help="Also check excerpts against the article text.")
    ] = False,
) -> None:
    """Check fact bases; exit 1 with every problem, grouped by file, if any is invalid.

    Example: quizgen validate content/mytopic.yaml --source
    """
    from quizgen.console import run_validate
    from quizgen.pipeline import discover

    run_validate(discover(files or []), source=source)


def _add_preview(app: typer.Typer) -> None:
    params = [
        *selection_parameters(),
        parameter("answers", Annotated[bool, typer.Option(
            "--answers", help="Show the answer key.")], False),
    ]

    def body(values: dict[str, Any]) -> None:
        from quizgen.cli_formats import select_quiz
        from quizgen.console import print_quiz

        _, quiz = select_quiz(take_selection(values))
        print_quiz(quiz, answers=values["answers"])

    doc = """Show the questions in the terminal, like a quiz.

    Example: quizgen preview --per-kind 2 --answers
    """
    app.command("preview")(guarded(command_from_parts("preview", doc, params, body)))



@guarded
def stats(files: Files = None) -> None:
    """Show what is in each fact base and how many questions each generator can make.

    Example: quizgen stats content/venezuela-post-election.yaml
    """
    from quizgen.console import print_stats
    from quizgen.pipeline import discover, load_all

    print_stats(load_all(discover(files or [])))


@guarded
def init(
    name: Annotated[str, typer.Argument(help="Name of the new fact base, e.g. mytopic.")],
    content: Annotated[Path, typer.Option("--dir", help="Folder for fact bases.")] = Path(
        "content"
    ),
) -> None:
    """Create content/NAME.yaml from the commented template, ready to fill in.

    Example: quizgen init mytopic
    """
    from quizgen.console import run_init

    run_init(name, folder=content)


@guarded
def schema() -> None:
    """Print the JSON Schema of the fact-base format (for editors).

    Example: quizgen schema > content/factbase.schema.json
    """
    from quizgen.schema import factbase_schema_text

    sys.stdout.write(factbase_schema_text())


def make_app() -> typer.Typer:
    """The command-line app, with `export FORMAT` (and `build --to`) for every registered format."""
    from quizgen.cli_formats import add_build, add_export

    app = typer.Typer(
        name="quizgen",
        help="Turn an article's YAML fact base into quizzes: Anki decks, PDF worksheets, web"
        " quizzes, JSON and more.\n\nExample: quizgen build",
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
    )
    app.callback()(_main)
    add_build(app)
    add_export(app, "anki", command="anki", example=" --kinds who-said-it --out deck.apkg")
    add_export(app, "worksheet", command="worksheet", example=" --versions 3 --paper letter")
    app.command()(validate)
    _add_preview(app)
    app.command()(stats)
    app.command()(init)
    app.command()(schema)
    export_app = typer.Typer(
        help="Export the questions in any registered format.\n\n"
        "Formats: " + ", ".join(RENDERERS) + ".\n\nExample: quizgen export json",
        no_args_is_help=True,
    )
    for fmt in RENDERERS:
        add_export(export_app, fmt, command=f"export {fmt}")
    app.add_typer(export_app, name="export")
    return app


app = make_app()


def main() -> None:
    """Entry point of the `quizgen` console script."""
    app()
