"""What figure-choice's value and holder questions read of a fact base whatever the seed (what
they ask, their ids and prompts, the values and entities barred, the pools their wrong options
come from), worked out once per base and figure: per-student versions and the sweeps ask a figure
again under many seeds, and only the seed and the options change what is made of it."""

from decimal import Decimal
from typing import NamedTuple

from quizgen.factbase.model import Entity, FactBase, Figure
from quizgen.generators.article_time import age_limits, pinned, year_limits
from quizgen.generators.common import FactIndex, norm
from quizgen.generators.figure_index import Figures
from quizgen.generators.figure_limits import whole_of
from quizgen.generators.figure_wording import given_prompt, names_subject, value_prompt
from quizgen.quiz.question_ids import stable_id
from quizgen.quiz.questions import Amount, FigureGiven, FigureHolder, FigureValue

KIND = "figure-choice"


def sources_of(figure: Figure) -> tuple[str, ...] | None:
    """The sources the question names: the figure's own, or None when it has none."""
    return tuple(figure.given_by) if figure.given_by else None


def amount_of(figure: Figure) -> Amount:
    """The figure as an option states it: value (and range end), unit, precision, qualifier."""
    if figure.to is None:
        return Amount(figure.value, figure.unit, figure.decimals, figure.qualifier)
    decimals = max(figure.decimals, figure.to_decimals)
    return Amount(figure.value, figure.unit, decimals, figure.qualifier, figure.to)


class ValueReading(NamedTuple):
    """What a figure's value question reads of the base whatever the seed."""

    ask: FigureValue | FigureGiven
    id: str
    prompt: str
    loose: bool
    stated: list[Amount]
    taken: list[tuple[Decimal, int]]
    group: list[Figure]
    alike: list[Figure]
    correct: Amount
    stuck: str | None
    limits: tuple[Decimal | None, Decimal | None]


def _value_readings(base: FactBase) -> dict[int, ValueReading]:
    """Each figure's value reading by id(figure), filled as figures are asked (the base keeps
    its figures, so their ids stay theirs)."""
    return {}


def value_reading(base: FactBase, figure: Figure, *, facts: FactIndex,
                   figures: Figures) -> ValueReading:
    """The seed-free part of a figure's value question, worked out once per base: what it asks
    and how, the values it may not offer, the figures its distractors come from, its limits.

    A figure stated loosely ("over 1,000"), or one of a quantity its source also states loosely
    or in another unit, is asked as the figure given: "over 400" is then simply not what was
    given, where "what was the number?" would make it true as well.
    """
    known = base.index(_value_readings)
    found = known.get(id(figure))
    if found is not None:
        return found
    given_by = sources_of(figure)
    measure = norm(figure.measure)
    same = figures.by_quantity[(measure, figure.subject)]
    asked = [f for f in same if given_by is None or set(f.given_by) == set(given_by)]
    loose = (measure, figure.subject) in figures.not_numbers or any(
        f.qualifier != "exact" or f.unit != figure.unit or f.to is not None for f in asked
    )
    ask: FigureValue | FigureGiven
    if loose:
        ask = FigureGiven(measure=figure.measure, subject=figure.subject, given_by=given_by)
        prompt = given_prompt(figure, facts, given_by)
    else:
        ask = FigureValue(measure=figure.measure, subject=figure.subject, given_by=given_by)
        prompt = value_prompt(figure, facts, given_by)
    limits = year_limits(figure, figures.now)
    stuck = pinned(figure, limits)
    if not stuck:
        if limits == (None, None):
            limits = age_limits(figure, figures.ages)
        whole = whole_of(figure)
        if whole is not None:  # a part stays below its whole: '48 of the 87 seats' is never 87
            limits = (limits[0], whole - 1 if limits[1] is None else min(limits[1], whole - 1))
    found = ValueReading(
        ask=ask, id=stable_id(KIND, base.id, ask, figure.id), prompt=prompt, loose=loose,
        stated=[amount_of(f) for f in asked] if loose else [],
        taken=[(f.value, f.decimals) for f in same if f is not figure],
        group=figures.by_group_unit.get((figure.group, figure.unit), []) if figure.group else [],
        alike=figures.by_measure_unit[(measure, figure.unit)],
        correct=amount_of(figure), stuck=stuck, limits=limits,
    )
    known[id(figure)] = found
    return found


class HolderReading(NamedTuple):
    """What a figure's holder question reads of the base whatever the seed."""

    amount: Amount
    given_by: tuple[str, ...] | None
    ask: FigureHolder
    id: str
    holder: Entity
    barred: frozenset[str]
    tiers: list[list[Entity]]


def _holder_readings(base: FactBase) -> dict[int, HolderReading | None]:
    """Each figure's holder reading by id(figure) (None: no holder question), as asked."""
    return {}


def holder_reading(base: FactBase, figure: Figure, *, facts: FactIndex,
                    figures: Figures) -> HolderReading | None:
    """The seed-free part of a figure's holder question, once per base: None when the figure
    has no subject or its holder is its own source ("According to X, whose …?" names it);
    else what it asks, the entities barred and the tiers its wrong options come from (only
    those the facts give a figure of this measure, from these sources: anyone else's figure is
    unknown, so "whose …?" could be them too)."""
    known_readings = base.index(_holder_readings)
    if id(figure) in known_readings:
        return known_readings[id(figure)]
    found: HolderReading | None = None
    if figure.subject is not None and not (
            figure.subject in figure.given_by or names_subject(figure, facts)):
        amount = amount_of(figure)
        given_by = sources_of(figure)
        ask = FigureHolder(measure=figure.measure, amount=amount, given_by=given_by)
        measure = norm(figure.measure)
        holder = facts.entities[figure.subject]
        known = figures.known(measure, given_by)
        tiers = [[e for e in tier if e.id in known] for tier in figures.tiers(holder, figure)[:-1]]
        tiers.append(figures.of_kind(holder.kind, known))
        found = HolderReading(
            amount=amount, given_by=given_by, ask=ask, id=stable_id(KIND, base.id, ask, figure.id),
            holder=holder, tiers=tiers, barred=frozenset(
                figures.holders(measure, amount) | set(figure.given_by) | {holder.id}))
    known_readings[id(figure)] = found
    return found


