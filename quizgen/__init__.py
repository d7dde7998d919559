"""quizgen: turn a news article's fact base into quizzes, decks and worksheets."""

from __future__ import annotations

import atexit
import importlib
from typing import TYPE_CHECKING, Any

from quizgen import dataclass_code, pattern_code

dataclass_code.install()  # before any class of quizgen is defined
pattern_code.install()  # and before any pattern is compiled


def _save_kept_code() -> None:
    """At exit: the kept-code cache written anew when this run compiled code it lacked (as a
    `.pyc`: only when bytecode may be written; quizgen/code_cache.py)."""
    if dataclass_code.MADE or pattern_code.NEW:
        from quizgen import keep_code

        keep_code.save()


atexit.register(_save_kept_code)

from quizgen.errors import Problem, QuizgenError  # noqa: E402 - after the kept code is installed

__version__ = "0.1.0"

if TYPE_CHECKING:
    from quizgen.draft import draft_factbase
    from quizgen.factbase.json_schema import factbase_json_schema, factbase_schema_text
    from quizgen.factbase.loader import load_factbase, load_text
    from quizgen.factbase.model import (
        Entity,
        Event,
        FactBase,
        Figure,
        PartialDate,
        Quote,
        Source,
        Span,
    )
    from quizgen.factbase.numbers import format_amount
    from quizgen.factbase.provenance import check_provenance, read_source_text
    from quizgen.factbase.validate import validate_factbase
    from quizgen.generators import GENERATORS, get_generator
    from quizgen.generators.base import Generated, GenOptions
    from quizgen.oracle import Verdict, check_question, correct_options
    from quizgen.output import write_atomic, write_files
    from quizgen.pipeline import Built, render_format
    from quizgen.pipeline import build as build_files
    from quizgen.quiz.questions import (
        Amount,
        Chronology,
        EntityRef,
        EventRef,
        FigureGiven,
        FigureHolder,
        FigureValue,
        Matching,
        MatchSpeakers,
        MultipleChoice,
        Option,
        Ordering,
        Question,
        Quiz,
        QuoteRef,
        Skip,
        SpeakerOf,
    )
    from quizgen.quiz.select import build_quiz, make_versions
    from quizgen.renderers import RENDERERS, get_format, get_renderer
    from quizgen.renderers.base import Format, FormatEntry, FormatOption, RenderOptions

# Public names that live in submodules, imported on first use so that `import quizgen` (and with it
# `quizgen --help`) stays light: rendering pulls in genanki and reportlab only when asked for.
_LAZY = {
    "Amount": "quizgen.quiz.questions",
    "build_files": "quizgen.pipeline",
    "build_quiz": "quizgen.quiz.select",
    "Built": "quizgen.pipeline",
    "check_provenance": "quizgen.factbase.provenance",
    "check_question": "quizgen.oracle",
    "Chronology": "quizgen.quiz.questions",
    "correct_options": "quizgen.oracle",
    "draft_factbase": "quizgen.draft",
    "Entity": "quizgen.factbase.model",
    "EntityRef": "quizgen.quiz.questions",
    "Event": "quizgen.factbase.model",
    "EventRef": "quizgen.quiz.questions",
    "FactBase": "quizgen.factbase.model",
    "factbase_json_schema": "quizgen.factbase.json_schema",
    "factbase_schema_text": "quizgen.factbase.json_schema",
    "Figure": "quizgen.factbase.model",
    "FigureGiven": "quizgen.quiz.questions",
    "FigureHolder": "quizgen.quiz.questions",
    "FigureValue": "quizgen.quiz.questions",
    "format_amount": "quizgen.factbase.numbers",
    "Format": "quizgen.renderers.base",
    "FormatEntry": "quizgen.renderers.base",
    "FormatOption": "quizgen.renderers.base",
    "Generated": "quizgen.generators.base",
    "GENERATORS": "quizgen.generators",
    "GenOptions": "quizgen.generators.base",
    "get_format": "quizgen.renderers",
    "get_generator": "quizgen.generators",
    "get_renderer": "quizgen.renderers",
    "load_factbase": "quizgen.factbase.loader",
    "load_text": "quizgen.factbase.loader",
    "make_versions": "quizgen.quiz.select",
    "Matching": "quizgen.quiz.questions",
    "MatchSpeakers": "quizgen.quiz.questions",
    "MultipleChoice": "quizgen.quiz.questions",
    "Option": "quizgen.quiz.questions",
    "Ordering": "quizgen.quiz.questions",
    "PartialDate": "quizgen.factbase.model",
    "Question": "quizgen.quiz.questions",
    "Quiz": "quizgen.quiz.questions",
    "Quote": "quizgen.factbase.model",
    "QuoteRef": "quizgen.quiz.questions",
    "read_source_text": "quizgen.factbase.provenance",
    "render_format": "quizgen.pipeline",
    "RENDERERS": "quizgen.renderers",
    "RenderOptions": "quizgen.renderers.base",
    "Skip": "quizgen.quiz.questions",
    "Source": "quizgen.factbase.model",
    "Span": "quizgen.factbase.model",
    "SpeakerOf": "quizgen.quiz.questions",
    "validate_factbase": "quizgen.factbase.validate",
    "Verdict": "quizgen.oracle",
    "write_atomic": "quizgen.output",
    "write_files": "quizgen.output",
}

_RENAMED = {"build_files": "build"}  # exported under a clearer name than in its module

__all__ = [
    "GENERATORS",
    "RENDERERS",
    "Amount",
    "Built",
    "Chronology",
    "Entity",
    "EntityRef",
    "Event",
    "EventRef",
    "FactBase",
    "Figure",
    "FigureGiven",
    "FigureHolder",
    "FigureValue",
    "Format",
    "FormatEntry",
    "FormatOption",
    "GenOptions",
    "Generated",
    "MatchSpeakers",
    "Matching",
    "MultipleChoice",
    "Option",
    "Ordering",
    "PartialDate",
    "Problem",
    "Question",
    "Quiz",
    "QuizgenError",
    "Quote",
    "QuoteRef",
    "RenderOptions",
    "Skip",
    "Source",
    "Span",
    "SpeakerOf",
    "Verdict",
    "__version__",
    "build_files",
    "build_quiz",
    "check_provenance",
    "check_question",
    "correct_options",
    "draft_factbase",
    "factbase_json_schema",
    "factbase_schema_text",
    "format_amount",
    "get_format",
    "get_generator",
    "get_renderer",
    "load_factbase",
    "load_text",
    "make_versions",
    "read_source_text",
    "render_format",
    "validate_factbase",
    "write_atomic",
    "write_files",
]


def __getattr__(name: str) -> Any:
    """Import a public name from its submodule the first time it is asked for (PEP 562)."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'quizgen' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), _RENAMED.get(name, name))
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The public names, for tab completion."""
    return list(__all__)
