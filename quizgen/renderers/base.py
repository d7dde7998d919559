"""What a renderer takes (a quiz and options), returns (file names and bytes) and may declare."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, Protocol

if TYPE_CHECKING:  # at run time the registry stays light: `quizgen --help` lists it
    from quizgen.quiz.questions import Quiz

Paper = Literal["a4", "letter"]
OptionValue = str | int | bool | None


@dataclass(frozen=True)
class RenderOptions:
    """Everything a renderer may need besides the quiz. Renderers ignore what they do not use."""

    name: str  # base name of the files, e.g. "venezuela-post-election"
    seed: int = 0
    timestamp: int = 946684800  # seconds since the epoch; the CLI passes SOURCE_DATE_EPOCH or now
    title: str | None = None  # overrides the quiz title
    # worksheet
    versions: int = 1
    paper: Paper = "a4"
    instructions: str | None = None
    key: bool = True  # write the answer key
    sheet: bool = True  # write the student sheet
    explain: bool = False  # explanations under each answer in the key
    split_versions: bool = False  # one PDF per version
    pad: bool = True  # pad each version to an even page count (double-sided printing)
    # anki
    previous_manifest: bytes | None = None  # the manifest written by the previous build, if any
    # any other format's own options, by FormatOption.field (see `option`)
    extra: Mapping[str, OptionValue] = field(default_factory=dict, hash=False)

    def option(self, name: str, default: OptionValue = None) -> OptionValue:
        """A format's own option: a field of these options, else extra[name], else default."""
        if name != "extra" and name in self.__dataclass_fields__:
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
    """Options completed from the previous build's files, read through `previous(file name)`."""

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
    name when there is one (paper, versions, ...), else `options.extra[field]`.
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
