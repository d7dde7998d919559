"""The typer command-line interface: thin commands over the quizgen library."""

# No `from __future__ import annotations` here: typer reads every command's annotations, and
# written as objects they need no evaluating from text (~2 ms of each command's start).
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, ClassVar, NoReturn

import typer
from typer.core import TyperGroup

from quizgen import __version__
from quizgen.cli.coerce import install as plain_coercion
from quizgen.cli.options import (
    DEBUG,
    Files,
    Verbose,
    command_from_parts,
    guarded,
    parameter,
    selection_parameters,
    take_selection,
)


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
    from quizgen.cli.console import run_validate
    from quizgen.pipeline import discover

    run_validate(discover(files or []), source=source)


def _add_preview(app: typer.Typer) -> None:
    params = [
        *selection_parameters(),
        parameter("answers", Annotated[bool, typer.Option(
            "--answers", help="Show the answer key.")], False),
        parameter("verbose", Verbose, False),
    ]

    def body(values: dict[str, Any]) -> None:
        from quizgen.cli.console import print_skips, print_waiting
        from quizgen.cli.formats import select_quiz
        from quizgen.cli.preview import print_quiz

        # the questions the worksheet prints: a class-length quiz unless a count is given
        bases, quiz = select_quiz(take_selection(values), class_length=True)
        print_quiz(quiz, answers=values["answers"])
        print_waiting(quiz, bases=bases)
        print_skips(quiz, verbose=values["verbose"])

    doc = """Show the questions in the terminal, like a quiz.

    Example: quizgen preview --per-kind 2 --answers
    """
    app.command("preview")(guarded(command_from_parts("preview", doc, params, body)))



@guarded
def stats(files: Files = None) -> None:
    """Show what is in each fact base and how many questions each generator can make.

    Example: quizgen stats content/venezuela-post-election.yaml
    """
    from quizgen.cli.preview import print_stats
    from quizgen.pipeline import discover, load_all

    print_stats(load_all(discover(files or [])))


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
    from quizgen.cli.console import run_init

    run_init(name, folder=content, article=article)


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
    from quizgen.cli.console import run_draft

    run_draft(article, name=name, folder=content, force=force)


@guarded
def studio(
    folder: Annotated[Path, typer.Argument(help="Folder of fact bases.")] = Path("content"),
    port: Annotated[int, typer.Option("--port", help="Port on 127.0.0.1 (0: any free one).",
                                      min=0, max=65535)] = 8765,
    no_browser: Annotated[bool, typer.Option("--no-browser",
                                             help="Do not open the browser.")] = False,
) -> None:
    """Open the studio: review drafts and print quizzes in the browser, on this computer only.

    Example: quizgen studio content --no-browser
    """
    from quizgen.cli.formats import _timestamp
    from quizgen.studio import serve

    serve(folder, port=port, open_browser=not no_browser, timestamp=_timestamp(),
          announce=lambda url: typer.echo(f"quizgen studio: {url} (Ctrl-C to stop)"))


@guarded
def schema() -> None:
    """Print the JSON Schema of the fact-base format (for editors).

    Example: quizgen schema > content/factbase.schema.json
    """
    from quizgen.factbase.json_schema import factbase_schema_text

    sys.stdout.write(factbase_schema_text())


class _LazyGroup(TyperGroup):
    """The top-level group: every command is built only when used (or listed by --help).

    Building the commands the format registry drives imports every format module, so
    `quizgen --help` lists them by a fixed one-line help instead, and stays as light as the
    other commands. The others (help None) are built for --help, which lists their own help;
    a command that runs builds no other (typer's parameters of seven commands were ~9 M of the
    bundled article's ~2,400 M instructions of a build).
    """

    lazy: ClassVar[dict[str, tuple[str | None, Callable[[], Any]]]] = {}

    def list_commands(self, ctx: Any) -> list[str]:
        known = [*self.commands, *(name for name in self.lazy if name not in self.commands)]
        return sorted(known, key=lambda name: ORDER.index(name) if name in ORDER else len(ORDER))

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in self.commands and cmd_name in self.lazy:
            self.commands[cmd_name] = self.lazy[cmd_name][1]()
        return self.commands.get(cmd_name)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        if args and args[0] not in self.commands and args[0] not in self.lazy:
            for name in self.lazy:  # a typo: typer suggests among the commands built
                self.get_command(ctx, name)
        return super().resolve_command(ctx, args)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = [(name, _shorten(fixed, limit) if name not in self.commands
                 and (fixed := self.lazy[name][0]) is not None
                 else self.get_command(ctx, name).get_short_help_str(limit)) for name in names]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


def _shorten(text: str, limit: int) -> str:
    """Text cut at a word to fit limit characters, as click shortens the others."""
    if len(text) <= limit:
        return text
    return text[: max(limit - 3, 0)].rsplit(" ", 1)[0] + "..."


def _sub_typer(**kwargs: Any) -> typer.Typer:
    return typer.Typer(rich_markup_mode=None, pretty_exceptions_enable=False, **kwargs)


def _built(add: Callable[[typer.Typer], object], **kwargs: Any) -> Callable[[], Any]:
    """A factory of one click command: add() registers it on a fresh Typer (made with kwargs)."""

    def factory() -> Any:
        sub = _sub_typer(**kwargs)
        add(sub)
        return typer.main.get_command(sub)

    return factory


def _command(function: Callable[..., None]) -> Callable[[], Any]:
    """A factory of the command running function, as the top-level app registers it: without
    the shell-completion options a Typer of one command adds to it."""
    return _built(lambda app: app.command()(function), add_completion=False)


def _export_group() -> Any:
    from quizgen.cli.formats import add_export
    from quizgen.renderers import RENDERERS

    group = _sub_typer(
        name="export", no_args_is_help=True,
        help="Export the questions in any registered format.\n\n"
        "Formats: " + ", ".join(RENDERERS) + ".\n\nExample: quizgen export json",
    )
    for fmt in RENDERERS:
        add_export(group, fmt, command=f"export {fmt}")
    # a group of one command would collapse into that command: keep `export NAME`
    group.callback()(lambda: None)
    return typer.main.get_command(group)


def _add_build(app: typer.Typer) -> None:
    from quizgen.cli.formats import add_build

    add_build(app)


def _add_anki(app: typer.Typer) -> None:
    from quizgen.cli.formats import add_export

    add_export(app, "anki", command="anki", example=" --kinds who-said-it --out deck.apkg")


def _add_worksheet(app: typer.Typer) -> None:
    from quizgen.cli.formats import add_export

    add_export(app, "worksheet", command="worksheet", example=" --versions 3 --paper letter")


LAZY: dict[str, tuple[str | None, Callable[[], Any]]] = {
    "build": ("Build the Anki deck, worksheet, answer key, JSON and web quiz into output/.",
              _built(_add_build)),
    "anki": ("Write an Anki deck (.apkg) that updates in place when re-imported.",
             _built(_add_anki)),
    "worksheet": ("Write a printable PDF worksheet and its answer key.", _built(_add_worksheet)),
    "export": ("Export the questions in any registered format.", _export_group),
    "validate": (None, _command(validate)),
    "preview": (None, _built(_add_preview, add_completion=False)),
    "stats": (None, _command(stats)),
    "draft": (None, _command(draft)),
    "init": (None, _command(init)),
    "schema": (None, _command(schema)),
    "studio": (None, _command(studio)),
}
ORDER = ("build", "anki", "worksheet", "validate", "preview", "stats", "draft", "init", "schema",
         "export")


def make_app() -> typer.Typer:
    """The command-line app, with `export FORMAT` (and `build --to`) for every registered format."""
    plain_coercion()  # option values without pydantic where typer's answer is plain
    group = type("QuizgenGroup", (_LazyGroup,), {"lazy": dict(LAZY)})
    app = typer.Typer(
        name="quizgen",
        cls=group,
        help="Turn an article's YAML fact base into quizzes: Anki decks, PDF worksheets, web"
        " quizzes, JSON and more.\n\nExample: quizgen build",
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
    )
    app.callback()(_main)
    return app


app = make_app()


class Stopped(SystemExit):
    """The exit a signal asks for, 128 + its number, whatever the arguments it is made with.

    A library that catches every exception and re-raises a copy of its type with a longer
    message (reportlab, while it lays out a page) would otherwise turn SystemExit(143) into an
    exit 1 printing its message; a copy of this class still exits 128 + N, quietly.
    """

    code_given = 1

    def __init__(self, *_: object) -> None:
        super().__init__(Stopped.code_given)


def _stop(signum: int, frame: object) -> None:
    """SIGTERM or SIGHUP: unwind like an error, so temporary files are removed, then exit."""
    Stopped.code_given = 128 + signum
    raise Stopped()


# The cycle collector's young-generation threshold for one command (Python's default: 700). A
# fact base is millions of long-lived objects made in one go; at the default, the collections
# its loading and generation trigger scan it again and again: at 50,000 facts they doubled the
# load (3.2 s -> 6.7 s CPU) and made it grow faster than the base. A command is one short run.
# At 50,000 the bundled article's build still made one young collection of ~20 ms (a tenth of
# its CPU over the floor); at 100,000 it makes none, and a 10,000-fact build keeps the same peak
# RSS (149 MB `--to json`, 366 MB the whole build) in no more CPU (10.0-11.3 s against
# 10.9-12.5 s, 13.8-14.8 s against 14.0-15.3 s; two runs each, in turn).
GC_YOUNG = 100_000


def main() -> None:
    """Entry point of the `quizgen` console script (which alone installs signal handlers and
    tunes the cycle collector for a one-shot run)."""
    import gc
    import signal

    gc.set_threshold(GC_YOUNG, 20, 20)
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _stop)
    try:
        app()
    except SystemExit as stop:
        leave(stop.code)
    leave(0)


def leave(code: object) -> NoReturn:
    """End the process as `sys.exit(code)` would, without the interpreter's teardown.

    Every file is written and closed by then; what tearing the interpreter down would add is
    freeing each object one by one and a last full collection of the cycles that the raised
    threshold (GC_YOUNG) left: ~90 ms CPU after the bundled article's build, a fifth of it,
    for memory the operating system takes back at once. The exit handlers still run and both
    streams are flushed first; a stream that cannot be flushed (a closed pipe) gives 120, as
    Python's own exit does. While a thread that is not a daemon still runs, it exits as
    Python does, which waits for it.
    """
    import atexit
    import threading

    if any(thread is not threading.main_thread() and not thread.daemon and thread.is_alive()
           for thread in threading.enumerate()):
        raise SystemExit(code)
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:  # sys.exit("message"): the message on stderr, status 1
        print(code, file=sys.stderr)
        status = 1
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # closed pipe or stream: nothing more can be said
            status = status or 120
    os._exit(status)
