"""The question generators, by kind: a new generator is one module and one line here."""

from __future__ import annotations

from quizgen.generators import (
    event_order,
    evidence,
    figure_choice,
    gap_fill,
    place,
    quote_match,
    term_meaning,
    true_false,
    who_claimed_it,
    who_said_it,
)
from quizgen.generators.base import Generated, Generator, GenOptions
from quizgen.registry import lookup

GENERATORS: dict[str, Generator] = {
    figure_choice.KIND: figure_choice.generate,
    who_said_it.KIND: who_said_it.generate,
    quote_match.KIND: quote_match.generate,
    event_order.KIND: event_order.generate,
    term_meaning.KIND: term_meaning.generate,
    place.KIND: place.generate,
    who_claimed_it.KIND: who_claimed_it.generate,
    evidence.KIND: evidence.generate,
    true_false.KIND: true_false.generate,
    gap_fill.KIND: gap_fill.generate,
}
# kinds made only when asked for by name: evidence needs the article printed beside the
# questions; true-false and gap-fill are for language classes, asked for with the kinds they suit
ON_REQUEST = frozenset({evidence.KIND, true_false.KIND, gap_fill.KIND})


def get_generator(name: str) -> Generator:
    """The generator registered as `name`; QuizgenError naming the known kinds otherwise."""
    return lookup(GENERATORS, name, what="question kind", field="kinds")


__all__ = ["GENERATORS", "ON_REQUEST", "GenOptions", "Generated", "Generator", "get_generator"]
