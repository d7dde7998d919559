"""The worksheet's own options: its command-line table and the values the sheet and key use."""

from typing import Literal, NamedTuple

from quizgen.errors import Problem, QuizgenError
from quizgen.renderers import WORKSHEET_OPTIONS
from quizgen.renderers.base import OptionValue, RenderOptions

Paper = Literal["a4", "letter"]
PAPERS: dict[str, Paper] = {"a4": "a4", "letter": "letter"}  # the --paper choices

OPTIONS = WORKSHEET_OPTIONS  # declared in the registry, which the CLI reads
_BY_FIELD = {option.field: option for option in OPTIONS}


class WorksheetOptions(NamedTuple):
    """What the worksheet lays out besides the shared options: paper, wording, which PDFs."""

    paper: Paper = "a4"
    instructions: str | None = None  # printed under the header; None: the style's own
    key: bool = True  # write the answer key
    sheet: bool = True  # write the student sheet
    explain: bool = False  # explanations under each answer in the key
    split_versions: bool = False  # one PDF per version
    pad: bool = True  # pad each version to an even page count (double-sided printing)
    with_article: bool = False  # the article first, paragraphs and lines numbered
    cite: bool = False  # each question shows its evidence paragraph: "(¶4)"


def worksheet_options(options: RenderOptions) -> WorksheetOptions:
    """The worksheet's options from `options.extra` (by `FormatOption.field`; the option's
    default when a value is not there); a QuizgenError for a value of the wrong type or choice."""
    paper = _given(options, "paper")
    if not isinstance(paper, str) or paper not in PAPERS:
        raise _bad("paper", paper, " or ".join(repr(name) for name in PAPERS))
    instructions = _given(options, "instructions")
    if instructions is not None and not isinstance(instructions, str):
        raise _bad("instructions", instructions, "text, or None for the style's own")
    return WorksheetOptions(
        paper=PAPERS[paper], instructions=instructions,
        key=not _flag(options, "no_key"), sheet=not _flag(options, "key_only"),
        explain=_flag(options, "explain"), split_versions=_flag(options, "split_versions"),
        pad=not _flag(options, "no_pad"), with_article=_flag(options, "with_article"),
        cite=_flag(options, "cite"),
    )


def _given(options: RenderOptions, field: str) -> OptionValue:
    return options.extra.get(field, _BY_FIELD[field].default)


def _flag(options: RenderOptions, field: str) -> bool:
    value = _given(options, field)
    if not isinstance(value, bool):
        raise _bad(field, value, "True or False")
    return value


def _bad(field: str, value: object, expected: str) -> QuizgenError:
    return QuizgenError(Problem(f"bad value for the worksheet's {_BY_FIELD[field].flag}",
                                field=field, found=repr(value), expected=expected))
