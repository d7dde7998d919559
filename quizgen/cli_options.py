"""Command-line options shared by several commands, each defined once, and the error guard."""

from __future__ import annotations

import functools
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from typer.exceptions import TyperException

from quizgen.errors import QuizgenError

DEBUG = {"on": False}  # set by the --debug option of the app's callback

F = TypeVar("F", bound=Callable[..., Any])

def split_list(text: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip()) if text else ()


# ---- Options, each defined once ------------------------------------------------------------------
Files = Annotated[
    list[Path] | None,
    typer.Argument(
        help="Fact-base YAML files (default: content/*.yaml).", show_default=False, metavar="FILES"
    ),
]
Seed = Annotated[int, typer.Option("--seed", help="Seed: the same seed gives the same quiz.")]


def _check_kinds(value: str | None) -> str | None:
    """Refuse unknown kinds as a usage error (exit 2), naming the known ones."""
    from quizgen.generators import GENERATORS

    unknown = [kind for kind in split_list(value) if kind not in GENERATORS]
    if unknown:
        raise typer.BadParameter(
            f"unknown kind {', '.join(map(repr, unknown))}; expected some of: "
            + ", ".join(GENERATORS)
        )
    if value is not None and not split_list(value):
        raise typer.BadParameter("expected a comma list of kinds, found nothing")
    return value


Kinds = Annotated[
    str | None,
    typer.Option(
        "--kinds",
        callback=_check_kinds,
        help="Comma list of question kinds, e.g. quote-match,event-order.",
    ),
]
Count = Annotated[
    int | None,
    typer.Option("--count", min=1, help="Total number of questions, spread across kinds."),
]
PerKind = Annotated[
    int | None,
    typer.Option("--per-kind", min=1, help="Number of questions of each kind."),
]
Tags = Annotated[
    str | None,
    typer.Option("--tags", help="Keep questions touching any of these topic tags (comma list)."),
]
People = Annotated[
    str | None,
    typer.Option("--people", help="Keep questions touching any of these people ids (comma list)."),
]
Title = Annotated[
    str | None,
    typer.Option("--title", help="Title of the deck or worksheet."),
]
Versions = Annotated[
    int, typer.Option("--versions", min=1, max=26, help="Per-student versions A, B, C, ...")
]


class PaperSize(str, Enum):
    """Paper sizes the worksheet knows."""

    a4 = "a4"
    letter = "letter"


PaperOpt = Annotated[PaperSize, typer.Option("--paper", help="Paper size.", case_sensitive=False)]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")]
DEFAULT_SEED = 1


def guarded(func: F) -> F:
    """Map QuizgenError to exit 1 with clear messages; unexpected errors to a short hint."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from quizgen.console import print_error, visible

        try:
            return func(*args, **kwargs)
        except QuizgenError as error:
            print_error(error)
            raise typer.Exit(1) from None
        except (TyperException, typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
        except Exception as exc:
            if DEBUG["on"]:
                raise
            typer.echo(
                f"quizgen: internal error: {type(exc).__name__}: {visible(str(exc))}\n"
                "Re-run with `quizgen --debug ...` to see the traceback, and please report it.",
                err=True,
            )
            raise typer.Exit(1) from None

    return wrapper  # type: ignore[return-value]  # functools.wraps keeps the signature of F
