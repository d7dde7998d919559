"""Command-line options shared by several commands, each defined once, and the error guard."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from typer.exceptions import TyperException

from quizgen.errors import QuizgenError

if TYPE_CHECKING:
    from quizgen.renderers.base import FormatOption, OptionValue

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
KeepAll = Annotated[
    bool,
    typer.Option(
        "--all",
        help="Keep every question, even ones that give away or repeat others (default: a"
        " class-length sheet of about 20).",
    ),
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
Unchecked = Annotated[
    bool,
    typer.Option(
        "--include-unchecked",
        help="Also ask questions that rest on facts still marked `check:` (guesses of the draft"
        " or the template); the outputs are then marked as a draft.",
    ),
]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")]
Verbose = Annotated[
    bool, typer.Option("--verbose", "-v", help="Say why each possible question was not asked.")
]
DEFAULT_SEED = 1


# ---- The selection options, defined once for every command that picks questions -----------------
@dataclass(frozen=True)
class Selection:
    """Which fact bases and questions a command uses: the values of the selection options."""

    files: list[Path] | None = None
    seed: int = DEFAULT_SEED
    kinds: str | None = None
    count: int | None = None
    per_kind: int | None = None
    tags: str | None = None
    people: str | None = None
    title: str | None = None
    everything: bool = False  # --all: every question, even ones that give away or repeat others
    include_unchecked: bool = False  # questions resting on facts still marked `check:` too

    @property
    def default_length(self) -> bool:
        """No --count, --per-kind or --all: a class-length quiz (the deck keeps every card)."""
        return self.count is None and self.per_kind is None and not self.everything


SELECTION: tuple[tuple[str, Any, object], ...] = (
    ("files", Files, None),
    ("seed", Seed, DEFAULT_SEED),
    ("kinds", Kinds, None),
    ("count", Count, None),
    ("per_kind", PerKind, None),
    ("tags", Tags, None),
    ("people", People, None),
    ("title", Title, None),
    ("everything", KeepAll, False),
    ("include_unchecked", Unchecked, False),
)


def parameter(name: str, annotation: Any, default: object) -> inspect.Parameter:
    """A keyword parameter of a command built from parts (typer reads its annotation)."""
    return inspect.Parameter(
        name, inspect.Parameter.KEYWORD_ONLY, annotation=annotation, default=default
    )


def selection_parameters() -> list[inspect.Parameter]:
    """The selection options as command parameters."""
    return [parameter(name, annotation, default) for name, annotation, default in SELECTION]


def take_selection(values: dict[str, Any]) -> Selection:
    """Remove the selection options from a command's values and gather them."""
    return Selection(**{name: values.pop(name) for name, _, _ in SELECTION})


def command_from_parts(
    name: str, doc: str, params: Iterable[inspect.Parameter], body: Callable[[dict[str, Any]], None]
) -> Callable[..., None]:
    """A function typer turns into a command with these parameters; it calls body(values)."""
    params = list(params)

    def command(**values: Any) -> None:
        body(values)

    command.__name__ = command.__qualname__ = name.replace("-", "_")
    command.__doc__ = doc
    command.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]  # read by inspect.signature, which typer uses
    command.__annotations__ = {param.name: param.annotation for param in params}
    return command


# ---- Options that formats own --------------------------------------------------------------------
def _choices(option: FormatOption) -> Any:
    """A str Enum of the option's choices, which typer offers as choices."""
    members = [(choice, choice) for choice in option.choices]
    return Enum(f"{option.field}_choice", members, type=str)


def format_parameter(option: FormatOption) -> inspect.Parameter:
    """A format's option as a command parameter."""
    info: Any
    kind: Any
    if option.kind == "flag":
        info, kind = typer.Option(option.flag, help=option.help), bool
    elif option.kind == "int":
        info = typer.Option(option.flag, help=option.help, min=option.minimum, max=option.maximum)
        kind = int
    elif option.kind == "choice":
        info = typer.Option(option.flag, help=option.help, case_sensitive=False)
        kind = _choices(option)
    else:
        info, kind = typer.Option(option.flag, help=option.help), str | None
    default: object = option.default
    if option.kind == "choice" and option.default is not None:
        default = kind(option.default)
    return parameter(option.field, Annotated[kind, info], default)


def format_values(
    values: dict[str, Any], options: Iterable[FormatOption]
) -> dict[str, OptionValue]:
    """Remove the formats' options from a command's values; refuse contradictory flags (exit 2)."""
    taken: dict[str, OptionValue] = {}
    by_field = {option.field: option for option in options}
    for field in by_field:
        value = values.pop(field)
        taken[field] = value.value if isinstance(value, Enum) else value
    for field, option in by_field.items():
        other = by_field.get(option.conflicts or "")
        if other is not None and taken[field] and taken[other.field]:
            raise typer.BadParameter(
                f"give {option.flag} or {other.flag}, not both",
                param_hint=f"'{option.flag}' / '{other.flag}'",
            )
    return taken


def guarded(func: F) -> F:
    """Map QuizgenError to exit 1 with clear messages; unexpected errors to a short hint."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from quizgen.cli.console import print_error
        from quizgen.cli.terminal import visible

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
