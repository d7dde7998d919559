"""The typer command-line interface: thin commands over the quizgen library."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from quizgen import __version__
from quizgen.cli_options import (
    DEBUG,
    DEFAULT_SEED,
    Count,
    Files,
    Kinds,
    PaperOpt,
    PaperSize,
    People,
    PerKind,
    Quiet,
    Seed,
    Tags,
    Title,
    Versions,
    guarded,
    split_list,
)
from quizgen.errors import QuizgenError

if TYPE_CHECKING:
    from quizgen.model import FactBase
    from quizgen.questions import Quiz
    from quizgen.renderers.base import RenderOptions

app = typer.Typer(
    name="quizgen",
    help="Turn an article's YAML fact base into quizzes: Anki decks, PDF worksheets, JSON.\n\n"
    "Example: quizgen build",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
export_app = typer.Typer(help="Export questions in a data format.\n\nExample: quizgen export json")
app.add_typer(export_app, name="export")

def _version(value: bool) -> None:
    if value:
        typer.echo(f"quizgen {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show tracebacks of internal errors.")
    ] = False,
) -> None:
    """Turn an article's YAML fact base into quizzes: Anki decks, PDF worksheets, JSON."""
    DEBUG["on"] = debug


def _timestamp(*, clock: bool) -> int:
    """SOURCE_DATE_EPOCH when set; else the clock (Anki build time) or a fixed date (PDFs)."""
    from quizgen.pipeline import DEFAULT_EPOCH

    env = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if env:
        if not env.isdigit():
            raise QuizgenError(f"SOURCE_DATE_EPOCH must be whole seconds; found {env!r}")
        return int(env)
    return int(time.time()) if clock else DEFAULT_EPOCH


def _render(
    quiz: Quiz,
    bases: tuple[FactBase, ...],
    *,
    formats: tuple[str, ...],
    folder: Path,
    options: RenderOptions,
    quiet: bool,
) -> None:
    """Render and write formats with the build's timestamps: the shared second half."""
    from quizgen.console import run_build

    run_build(quiz, bases, formats=formats, folder=folder, options=options,
              anki_time=_timestamp(clock=True), pdf_time=_timestamp(clock=False), quiet=quiet)


def _quiz(
    files: list[Path] | None,
    seed: int,
    kinds: str | None,
    count: int | None,
    per_kind: int | None,
    tags: str | None,
    people: str | None,
    title: str | None,
) -> tuple[tuple[FactBase, ...], Quiz]:
    """Load fact bases and select questions: the shared first half of every command."""
    from quizgen.pipeline import discover, load_all
    from quizgen.select import build_quiz

    if count is not None and per_kind is not None:
        raise typer.BadParameter(
            "give --count or --per-kind, not both", param_hint="'--count' / '--per-kind'"
        )
    bases = load_all(discover(files or []))
    quiz = build_quiz(
        bases,
        seed=seed,
        kinds=split_list(kinds) or None,
        count=count,
        per_kind=per_kind,
        tags=split_list(tags),
        people=split_list(people),
        title=title,
    )
    return bases, quiz


@app.command()
@guarded
def build(
    files: Files = None,
    seed: Seed = DEFAULT_SEED,
    kinds: Kinds = None,
    count: Count = None,
    per_kind: PerKind = None,
    tags: Tags = None,
    people: People = None,
    title: Title = None,
    versions: Versions = 1,
    paper: PaperOpt = PaperSize.a4,
    out: Annotated[Path, typer.Option("--out", help="Output folder.")] = Path("output"),
    quiet: Quiet = False,
) -> None:
    """Build the Anki deck, the worksheet, its answer key and the JSON export into output/.

    Example: quizgen build content/venezuela-post-election.yaml --seed 7
    """
    from quizgen.renderers.base import RenderOptions

    bases, quiz = _quiz(files, seed, kinds, count, per_kind, tags, people, title)
    _render(quiz, bases, formats=("anki", "worksheet", "json"), folder=out,
            options=RenderOptions(
            name="", seed=seed, versions=versions, paper=paper.value, title=title
        ), quiet=quiet)


@app.command()
@guarded
def anki(
    files: Files = None,
    seed: Seed = DEFAULT_SEED,
    kinds: Kinds = None,
    count: Count = None,
    per_kind: PerKind = None,
    tags: Tags = None,
    people: People = None,
    title: Title = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", help="The .apkg path (default output/<name>.apkg)."),
    ] = None,
    quiet: Quiet = False,
) -> None:
    """Write an Anki deck (.apkg) that updates in place when re-imported.

    Example: quizgen anki --kinds who-said-it,quote-match --out deck.apkg
    """
    from quizgen.renderers.base import RenderOptions

    bases, quiz = _quiz(files, seed, kinds, count, per_kind, tags, people, title)
    folder, name = (out.parent, out.stem) if out is not None else (Path("output"), "")
    _render(quiz, bases, formats=("anki",), folder=folder,
            options=RenderOptions(name=name, seed=seed, title=title), quiet=quiet)


@app.command()
@guarded
def worksheet(
    files: Files = None,
    seed: Seed = DEFAULT_SEED,
    kinds: Kinds = None,
    count: Count = None,
    per_kind: PerKind = None,
    tags: Tags = None,
    people: People = None,
    title: Title = None,
    versions: Versions = 1,
    paper: PaperOpt = PaperSize.a4,
    instructions: Annotated[
        str | None,
        typer.Option("--instructions", help="Instructions printed under the header."),
    ] = None,
    no_key: Annotated[bool, typer.Option("--no-key", help="Skip the answer key.")] = False,
    key_only: Annotated[bool, typer.Option("--key-only", help="Write only the key.")] = False,
    explain: Annotated[
        bool, typer.Option("--explain", help="Print the source excerpt under each answer.")
    ] = False,
    split: Annotated[
        bool, typer.Option("--split-versions", help="One PDF per version.")
    ] = False,
    out: Annotated[Path, typer.Option("--out", help="Output folder.")] = Path("output"),
    quiet: Quiet = False,
) -> None:
    """Write a printable PDF worksheet and its answer key.

    Example: quizgen worksheet --count 12 --kinds quote-match,event-order --versions 3
    --paper letter
    """
    from quizgen.renderers.base import RenderOptions

    if no_key and key_only:
        raise typer.BadParameter(
            "give --no-key or --key-only, not both", param_hint="'--no-key' / '--key-only'"
        )
    bases, quiz = _quiz(files, seed, kinds, count, per_kind, tags, people, title)
    options = RenderOptions(
        name="",
        seed=seed,
        title=title,
        versions=versions,
        paper=paper.value,
        instructions=instructions,
        key=not no_key,
        sheet=not key_only,
        explain=explain,
        split_versions=split,
    )
    _render(quiz, bases, formats=("worksheet",), folder=out,
            options=options, quiet=quiet)


@export_app.command("json")
@guarded
def export_json(
    files: Files = None,
    seed: Seed = DEFAULT_SEED,
    kinds: Kinds = None,
    count: Count = None,
    per_kind: PerKind = None,
    tags: Tags = None,
    people: People = None,
    title: Title = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Write to this file instead of standard output."),
    ] = None,
) -> None:
    """Export the questions as JSON: {"questions": [...]}.

    Example: quizgen export json --per-kind 3 --out quiz.json
    """
    from quizgen.output import write_atomic
    from quizgen.renderers.json_out import render_text

    _, quiz = _quiz(files, seed, kinds, count, per_kind, tags, people, title)
    text = render_text(quiz)
    if out is None:
        sys.stdout.write(text)
    else:
        write_atomic(out, text.encode("utf-8"))
        typer.echo(f"wrote {out} ({len(quiz.questions)} questions)", err=True)


@app.command()
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


@app.command()
@guarded
def preview(
    files: Files = None,
    seed: Seed = DEFAULT_SEED,
    kinds: Kinds = None,
    count: Count = None,
    per_kind: PerKind = None,
    tags: Tags = None,
    people: People = None,
    title: Title = None,
    answers: Annotated[bool, typer.Option("--answers", help="Show the answer key.")] = False,
) -> None:
    """Show the questions in the terminal, like a quiz.

    Example: quizgen preview --per-kind 2 --answers
    """
    from quizgen.console import print_quiz

    _, quiz = _quiz(files, seed, kinds, count, per_kind, tags, people, title)
    print_quiz(quiz, answers=answers)


@app.command()
@guarded
def stats(files: Files = None) -> None:
    """Show what is in each fact base and how many questions each generator can make.

    Example: quizgen stats content/venezuela-post-election.yaml
    """
    from quizgen.console import print_stats
    from quizgen.pipeline import discover, load_all

    print_stats(load_all(discover(files or [])))


@app.command()
@guarded
def init(
    name: Annotated[str, typer.Argument(help="Name of the new fact base, e.g. mytopic.")],
    content: Annotated[Path, typer.Option("--dir", help="Folder for fact bases.")] = Path(
        "content"
    ),
    article: Annotated[
        Path | None,
        typer.Option("--from", help="The article's text file: copied to content/sources/."),
    ] = None,
) -> None:
    """Create content/NAME.yaml from the commented template, ready to fill in.

    Example: quizgen init mytopic --from article.txt
    """
    from quizgen.console import run_init

    run_init(name, folder=content, article=article)


@app.command()
@guarded
def draft(
    article: Annotated[Path, typer.Argument(help="The article as a plain UTF-8 text file.")],
    name: Annotated[
        str | None, typer.Option("--name", help="Name of the fact base (default: the file's).")
    ] = None,
    content: Annotated[Path, typer.Option("--dir", help="Folder for fact bases.")] = Path(
        "content"
    ),
    force: Annotated[
        bool, typer.Option("--force", help="Replace an existing fact base of that name.")
    ] = False,
) -> None:
    """Draft content/NAME.yaml from an article: quotes, speakers, figures, people, events.

    Every guess carries a `# check:` comment to review. Example: quizgen draft article.txt
    --name mytopic
    """
    from quizgen.console import run_draft

    run_draft(article, name=name, folder=content, force=force)


@app.command()
@guarded
def schema() -> None:
    """Print the JSON Schema of the fact-base format (for editors).

    Example: quizgen schema > content/factbase.schema.json
    """
    from quizgen.schema import factbase_schema_text

    sys.stdout.write(factbase_schema_text())


def main() -> None:
    """Entry point of the `quizgen` console script."""
    app()
