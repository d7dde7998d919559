"""The question generators, by kind: a new generator is one module and one line here."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from quizgen.generators import (
    event_order,
    figure_choice,
    place,
    quote_match,
    term_meaning,
    who_claimed_it,
    who_said_it,
)
from quizgen.generators.base import Generated, Generator, GenOptions
from quizgen.registry import lookup

if TYPE_CHECKING:
    from quizgen.factbase.model import FactBase


def _when_made(module: str) -> Generator:
    """A kind made only on request: its module is imported when it first makes questions, so
    that a build of the default kinds never loads it."""

    def generate(base: FactBase, *, seed: int, options: GenOptions) -> Generated:
        made: Generator = importlib.import_module(f"quizgen.generators.{module}").generate
        return made(base, seed=seed, options=options)

    return generate


GENERATORS: dict[str, Generator] = {
    figure_choice.KIND: figure_choice.generate,
    who_said_it.KIND: who_said_it.generate,
    quote_match.KIND: quote_match.generate,
    event_order.KIND: event_order.generate,
    term_meaning.KIND: term_meaning.generate,
    place.KIND: place.generate,
    who_claimed_it.KIND: who_claimed_it.generate,
    "evidence": _when_made("evidence"),  # each module's KIND (tests/test_generators.py)
    "true-false": _when_made("true_false"),
    "gap-fill": _when_made("gap_fill"),
}
# kinds made only when asked for by name: evidence needs the article printed beside the
# questions; true-false and gap-fill are for language classes, asked for with the kinds they suit
ON_REQUEST = frozenset({"evidence", "true-false", "gap-fill"})


def get_generator(name: str) -> Generator:
    """The generator registered as `name`; QuizgenError naming the known kinds otherwise."""
    return lookup(GENERATORS, name, what="question kind", field="kinds")


__all__ = ["GENERATORS", "ON_REQUEST", "GenOptions", "Generated", "Generator", "get_generator"]
