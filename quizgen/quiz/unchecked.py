"""The facts a question rests on, and which of them still wait for a check (a `check:` field)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from quizgen.factbase.model import Fact, FactBase, Figure
from quizgen.factbase.scaffold import unchecked_facts as unchecked_facts  # re-exported
from quizgen.quiz.fact_lookup import figures_measuring
from quizgen.quiz.questions import (
    FigureGiven,
    FigureHolder,
    FigureValue,
    GapFill,
    Matching,
    MultipleChoice,
    Ordering,
    Question,
    assert_never,
)

FigureAsk = FigureValue | FigureGiven | FigureHolder


def _strings(value: object) -> Iterator[str]:
    """Every string held in a claim or ask (dataclasses and tuples walked)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, tuple):
        for item in value:
            yield from _strings(item)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from _strings(getattr(value, field.name))


def _parts(question: Question) -> tuple[object, ...]:
    """What a question is made of: its ask, the claims behind what it shows, whom it touches."""
    match question:
        case MultipleChoice():
            shown = tuple(option.claim for option in question.options)
        case Matching():
            shown = tuple(option.claim for option in (*question.left, *question.right))
        case Ordering():
            shown = tuple(option.claim for option in question.items)
        case GapFill():
            shown = tuple(option.claim for option in question.bank)
        case _:
            assert_never(question)
    return (question.ask, shown, question.people)


def _figures_asked(ask: object, base: FactBase) -> list[Figure]:
    """The figures a figure question is about: those of its measure (and subject)."""
    if not isinstance(ask, FigureValue | FigureGiven | FigureHolder):
        return []
    subject = getattr(ask, "subject", None)
    return [figure for figure in figures_measuring(base, ask.measure)
            if subject is None or figure.subject in (None, subject)]


def rests_on(question: Question, base: FactBase) -> tuple[Fact, ...]:
    """The facts of `base` the question's prompt, answer or options rest on: every fact named
    by id in its ask or options, the figures of a figure question's measure, the people it
    touches, and the figure a claim carries."""
    found: dict[str, Fact] = {}
    for text in _strings(_parts(question)):
        fact = base.by_id.get(text)
        if fact is not None:
            found[fact.id] = fact
    for figure in _figures_asked(question.ask, base):
        found[figure.id] = figure
    for fact in list(found.values()):
        carried = getattr(fact, "figure", None)
        if isinstance(carried, str) and carried in base.by_id:
            found[carried] = base.by_id[carried]
    return tuple(found.values())


def unchecked_under(question: Question, base: FactBase) -> tuple[Fact, ...]:
    """The facts the question rests on that still wait for a check (none to look for in a base
    whose every fact is checked, as most bases are once written)."""
    if not base.index(unchecked_facts):
        return ()
    return tuple(fact for fact in rests_on(question, base) if fact.check is not None)
