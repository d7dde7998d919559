"""What a build pays at start-up beyond its libraries: the shortcuts that keep it low (issue 22)."""

from __future__ import annotations

import importlib
import typing

import pytest

# Modules a build imports that define NamedTuples: they do without `from __future__ import
# annotations`, since typing turns each string annotation of a NamedTuple field into a ForwardRef
# compiled at import (~0.1 M instructions a field; ~11 M for these modules' ~200 fields).
EAGER_ANNOTATIONS = (
    "quizgen.factbase.schema",
    "quizgen.generators.figure_asks",
    "quizgen.generators.who_said_it",
    "quizgen.quiz.fact_lookup",
    "quizgen.quiz.leaks",
    "quizgen.renderers.anki.manifest",
    "quizgen.renderers.anki.note_types",
    "quizgen.renderers.worksheet.common",
    "quizgen.renderers.worksheet.options",
    "quizgen.renderers.worksheet.plan",
    "quizgen.renderers.worksheet.styles",
)


@pytest.mark.parametrize("name", EAGER_ANNOTATIONS)
def test_named_tuples_on_the_build_path_have_no_string_annotations(name: str) -> None:
    """Each NamedTuple of these modules declares its fields as types, never as strings."""
    module = importlib.import_module(name)
    tuples = [value for value in vars(module).values() if isinstance(value, type)
              and issubclass(value, tuple) and hasattr(value, "_fields")
              and value.__module__ == name]
    assert tuples, f"{name} defines no NamedTuple: drop it from EAGER_ANNOTATIONS"
    for cls in tuples:
        strings = [field for field, hint in cls.__annotations__.items() if isinstance(hint, str)]
        assert not strings, f"{name}.{cls.__name__}: string annotations {strings}"
        assert not any(isinstance(hint, typing.ForwardRef)
                       for hint in cls.__annotations__.values())
