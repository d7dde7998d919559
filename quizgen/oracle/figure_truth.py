"""The oracle's reading of figures: what a figure and an option each claim, and whether the one
makes the other true, false, or leaves it open. Written independently of the generators."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import TypeAlias

from quizgen.factbase.model import FactBase, Figure
from quizgen.quiz.questions import Amount, FigureGiven, FigureHolder, FigureValue


def normalise(text: str) -> str:
    """Text with runs of whitespace collapsed, for comparing measures."""
    return " ".join(text.split())


def shows(figure_value: Decimal, amount: Amount) -> bool:
    """Whether `amount`, read at its displayed precision, stands for `figure_value`."""
    half = Decimal(5).scaleb(-amount.decimals - 1)
    return abs(figure_value - amount.value) <= half


# What a figure or an option claims, as a set of values: (low, high, low_open, high_open), None for
# an unbounded side. "about" claims no definite set: it is vague (None).
Interval: TypeAlias = tuple[Decimal | None, Decimal | None, bool, bool]
Truth: TypeAlias = bool | None  # True, False, or None: the facts do not decide
VAGUE = frozenset({"about", "nearly"})


def figure_interval(figure: Figure) -> Interval | None:
    """The values a figure allows: its value exactly, a range, above or below it; None when
    vague ('about', 'nearly')."""
    return _interval(figure.value, figure.qualifier, None, figure.to)


def amount_interval(amount: Amount) -> Interval | None:
    """The values an option allows: its value at the precision shown, a range, above or below."""
    return _interval(
        amount.value, amount.qualifier, Decimal(5).scaleb(-amount.decimals - 1), amount.to
    )


def _interval(
    value: Decimal, qualifier: str, half: Decimal | None, to: Decimal | None
) -> Interval | None:
    margin = half if half is not None else Decimal(0)
    if to is not None:
        return (value - margin, to + margin, False, False) if qualifier == "exact" else None
    if qualifier == "more than":
        return (value, None, True, False)
    if qualifier == "at least":
        return (value, None, False, False)
    if qualifier == "fewer than":
        return (None, value, False, True)
    if qualifier in ("at most", "up to"):
        return (None, value, False, False)
    if qualifier == "exact":
        return (value - margin, value + margin, False, False)
    return None  # "about", "nearly": no definite set of values


def _contains(outer: Interval, inner: Interval) -> bool:
    """Whether every value of `inner` lies in `outer`."""
    o_low, o_high, o_low_open, o_high_open = outer
    i_low, i_high, i_low_open, i_high_open = inner
    low_ok = o_low is None or (
        i_low is not None and (i_low > o_low or (i_low == o_low and (i_low_open or not o_low_open)))
    )
    high_ok = o_high is None or (
        i_high is not None
        and (i_high < o_high or (i_high == o_high and (i_high_open or not o_high_open)))
    )
    return low_ok and high_ok


def _disjoint(a: Interval, b: Interval) -> bool:
    """Whether no value lies in both."""
    return _ends_before(a, b) or _ends_before(b, a)


def _ends_before(a: Interval, b: Interval) -> bool:
    _, a_high, _, a_high_open = a
    b_low, _, b_low_open, _ = b
    if a_high is None or b_low is None:
        return False
    return a_high < b_low or (a_high == b_low and (a_high_open or b_low_open))


def claim_truth(figure: Figure, amount: Amount) -> Truth:
    """Whether the figure makes the amount true (True), false (False), or neither (None)."""
    if figure.unit != amount.unit or not (figure.value.is_finite() and amount.value.is_finite()):
        return None  # another unit, or not a number: not comparable here
    if figure.qualifier in VAGUE and amount.qualifier == figure.qualifier:
        same = figure.value == amount.value and figure.to == amount.to
        return True if same else None
    stated, claimed = figure_interval(figure), amount_interval(amount)
    if stated is None or claimed is None:
        return None
    if _contains(claimed, stated):
        return True
    return False if _disjoint(claimed, stated) else None


def _any_true(truths: Iterable[Truth]) -> Truth:
    """True if one is True, False if all are False (or there are none), else None."""
    seen = list(truths)
    if any(t is True for t in seen):
        return True
    return False if all(t is False for t in seen) else None


def _same_measure(figure: Figure, measure: str) -> bool:
    return normalise(figure.measure).casefold() == normalise(measure).casefold()


def _same_sources(figure: Figure, given_by: tuple[str, ...] | None) -> bool:
    return given_by is None or set(figure.given_by) == set(given_by)


def figures_matching(
    base: FactBase, *, measure: str, subject: str | None, given_by: tuple[str, ...] | None
) -> tuple[Figure, ...]:
    """Figures of this measure and subject, from these sources (None: from any source)."""
    return tuple(
        f
        for f in base.figures
        if _same_measure(f, measure) and f.subject == subject and _same_sources(f, given_by)
    )


def value_truth(ask: FigureValue, amount: Amount, base: FactBase) -> Truth:
    """Whether the figures asked about make the amount true, false, or leave it open."""
    figures = figures_matching(
        base, measure=ask.measure, subject=ask.subject, given_by=ask.given_by
    )
    return _any_true(claim_truth(f, amount) for f in figures)


def was_given(ask: FigureGiven, amount: Amount, base: FactBase) -> bool:
    """Whether some figure asked about was given as this amount: unit, qualifier, shown value."""
    figures = figures_matching(
        base, measure=ask.measure, subject=ask.subject, given_by=ask.given_by
    )
    return any(
        f.unit == amount.unit
        and f.qualifier == amount.qualifier
        and f.value.is_finite()
        and amount.value.is_finite()
        and shows(f.value, amount)
        and (f.to is None) == (amount.to is None)
        and (f.to is None or (amount.to is not None and _shows_to(f.to, amount)))
        for f in figures
    )


def _shows_to(figure_to: Decimal, amount: Amount) -> bool:
    if amount.to is None or not amount.to.is_finite():
        return False
    half = Decimal(5).scaleb(-amount.decimals - 1)
    return abs(figure_to - amount.to) <= half


def holder_truth(ask: FigureHolder, entity_id: str, base: FactBase) -> Truth:
    """Whether the entity's figures of this measure make the amount true for it; an entity with
    none of them certainly does not hold it (the fact base is taken as complete)."""
    figures = figures_matching(base, measure=ask.measure, subject=entity_id, given_by=ask.given_by)
    return _any_true(claim_truth(f, ask.amount) for f in figures)
