"""The property tests can fail: each planted generator bug is caught by the oracle."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from strategies import certainly_before, fact_bases, gen_options, seeds
from test_properties import assert_sound

from quizgen.generators import GENERATORS
from quizgen.generators.base import Generated, GenOptions
from quizgen.model import FactBase
from quizgen.questions import EventRef, Matching, MultipleChoice, Option, Ordering, Question

Mutation = Callable[[Question, FactBase], Question | None]


def _two_correct(question: Question, base: FactBase) -> Question | None:
    """Multiple choice: a wrong option is replaced by a copy of the correct one."""
    del base
    if not isinstance(question, MultipleChoice):
        return None
    wrong = (question.answer + 1) % len(question.options)
    options = list(question.options)
    options[wrong] = question.options[question.answer]
    return replace(question, options=tuple(options))


def _swapped_pairs(question: Question, base: FactBase) -> Question | None:
    """Matching: two quotes trade speakers in the key."""
    del base
    if not isinstance(question, Matching):
        return None
    (l0, r0), (l1, r1), *rest = question.answer
    return replace(question, answer=((l0, r1), (l1, r0), *rest))


def _unordered_event(question: Question, base: FactBase) -> Question | None:
    """Ordering: one item becomes an event the facts do not order against the others (a tie)."""
    if not isinstance(question, Ordering):
        return None
    before = certainly_before(base.events)
    index = {event.id: i for i, event in enumerate(base.events)}
    chosen = [index[item.claim.event] for item in question.items
              if isinstance(item.claim, EventRef)]
    keep = chosen[:-1]
    for candidate, event in enumerate(base.events):
        if candidate in chosen:
            continue
        if any(not before[candidate][k] and not before[k][candidate] for k in keep):
            items = (*question.items[:-1], Option(text=event.description, claim=EventRef(event.id)))
            return replace(question, items=items)
    return None


PLANTS: dict[str, tuple[str, Mutation]] = {
    "two correct options (who-said-it)": ("who-said-it", _two_correct),
    "two correct options (figure-choice)": ("figure-choice", _two_correct),
    "a wrong key (quote-match)": ("quote-match", _swapped_pairs),
    "a tie in an ordering (event-order)": ("event-order", _unordered_event),
}


def _planted(kind: str, mutate: Mutation) -> Callable[..., Generated]:
    """The real generator, with every question it makes passed through the mutation."""
    real = GENERATORS[kind]

    def generate(base: FactBase, *, seed: int, options: GenOptions) -> Generated:
        made = real(base, seed=seed, options=options)
        changed = (mutate(q, base) or q for q in made.questions)
        return replace(made, questions=tuple(changed))

    return generate


@pytest.mark.parametrize("plant", sorted(PLANTS))
def test_the_property_test_goes_red_on_a_planted_bug(plant: str) -> None:
    """With the bug planted, the property check finds a base where the oracle rejects a question."""
    kind, mutate = PLANTS[plant]
    generate = _planted(kind, mutate)

    @settings(max_examples=300, database=None, deadline=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(base=fact_bases(), seed=seeds, options=gen_options())
    def prop(base: FactBase, seed: int, options: GenOptions) -> None:
        assert_sound(kind, generate(base, seed=seed, options=options), base, options)

    with pytest.raises(AssertionError) as caught:
        prop()
    assert str(caught.value).startswith(f"{kind}: "), "the oracle, not another check, must catch it"
