"""What a renderer takes (a quiz and options), returns (file names and bytes) and may declare."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, Protocol

if TYPE_CHECKING:  # at run time the registry stays light: `quizgen --help` lists it
    from quizgen.quiz.questions import Quiz

OptionValue = str | int | bool | None


@dataclass(frozen=True)
class RenderOptions:
    """What every format, or the pipeline for it, takes besides the quiz; a format's own
    options arrive in `extra` (see `FormatOption`) and the files it asked of the last build in
    `previous` (see `Preparer`). Renderers ignore what they do not use."""

    name: str  # base name of the files, e.g. "venezuela-post-election"
    seed: int = 0
    timestamp: int = 946684800  # seconds since the epoch; the CLI passes SOURCE_DATE_EPOCH or now
    title: str | None = None  # overrides the quiz title
    versions: int = 1  # per-student versions: the pipeline makes them for `render_versions`
    # the formats' own option values, by FormatOption.field (see `option`)
    extra: Mapping[str, OptionValue] = field(default_factory=dict, hash=False)
    # files of the previous build that a format's `prepare` asked for, by file name
    previous: Mapping[str, bytes] = field(default_factory=dict, hash=False)

    def option(self, name: str, default: OptionValue = None) -> OptionValue:
        """A format's own option: a field of these options, else extra[name], else default."""
        if name not in ("extra", "previous") and name in self.__dataclass_fields__:
            value: OptionValue = getattr(self, name)
            return value
        return self.extra.get(name, default)


class Renderer(Protocol):
    """A pure function from a quiz to {relative file name: content}."""

    def __call__(self, quiz: Quiz, *, options: RenderOptions) -> dict[str, bytes]: ...


class VersionsRenderer(Protocol):
    """A pure function from per-student versions (made by the pipeline) to files."""

    def __call__(self, versions: Sequence[Quiz], *, options: RenderOptions) -> dict[str, bytes]: ...


class Preparer(Protocol):
    """Options completed from the previous build: the files the format reads again, by name,
    put in `options.previous` (`previous(file name)` reads one; None when it is not there)."""

    def __call__(
        self, options: RenderOptions, *, previous: Callable[[str], bytes | None]
    ) -> RenderOptions: ...


class Reporter(Protocol):
    """Lines for the build summary, from the files just rendered of a quiz (e.g. what changed)."""

    def __call__(
        self, files: Mapping[str, bytes], *, quiz: Quiz, options: RenderOptions
    ) -> list[str]: ...


OptionKind = Literal["flag", "int", "text", "choice"]


@dataclass(frozen=True)
class FormatOption:
    """A command-line option a format owns, offered by `export FORMAT` and `build`.

    Its value reaches the renderer as `options.option(field)`: the RenderOptions field of that
    name when there is one (versions), else `options.extra[field]`.
    """

    field: str  # a Python identifier, e.g. "time_limit"
    flag: str  # e.g. "--time-limit"; a flag option ("kind" flag) is on when given
    help: str
    kind: OptionKind = "text"
    default: OptionValue = None
    choices: tuple[str, ...] = ()  # for kind "choice"
    minimum: int | None = None  # for kind "int"
    maximum: int | None = None
    conflicts: str | None = None  # the field of an option it cannot be given with (a usage error)


@dataclass(frozen=True)
class FormatEntry:
    """A format's registry line: its module, imported only to render, and what the command line
    offers for it, read without importing the module."""

    module: str  # e.g. "quizgen.renderers.gift"
    description: str  # one line, shown in `quizgen export --help`
    options: tuple[FormatOption, ...] = ()
    stdout: bool = False  # `export` writes its single file to standard output without --out
    every_question: bool = False  # by default holds every question, not a class-length quiz


@dataclass(frozen=True)
class Format:
    """A registered output format: what its module declares, with defaults filled in."""

    name: str
    description: str  # one line, shown in `quizgen export --help`
    render: Renderer
    render_versions: VersionsRenderer | None = None  # set: the pipeline makes versions for it
    options: tuple[FormatOption, ...] = ()
    stdout: bool = False  # `export` writes its single file to standard output without --out
    every_question: bool = False  # by default holds every question, not a class-length quiz
    prepare: Preparer | None = None
    report: Reporter | None = None
