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
# an unbounded side.
Interval: TypeAlias = tuple[Decimal | None, Decimal | None, bool, bool]
Truth: TypeAlias = bool | None  # True, False, or None: the facts do not decide
VAGUE = frozenset({"about", "nearly"})
# The widest reading of a vague number: "about 40,000" is at most a fifth off (32,000 to 48,000),
# "nearly 2 years" at most a fifth short; years and times of day are read on their own scale
# ("around 2013": 2011 to 2015; "around 03:40": 03:10 to 04:10). A vague claim is false only
# when even this reading misses what the facts allow, and true only when even it lies inside.
VAGUE_SHARE = Decimal("0.2")
VAGUE_YEARS = Decimal(2)
VAGUE_MINUTES = Decimal(30)
_PERCENT = frozenset({"percent", "per cent", "%"})


def _spread(value: Decimal, unit: str) -> Decimal | None:
    """How far a vague number may lie from its value, read widely; None when no reading is
    safe (a vague zero or negative amount of a measure)."""
    key = " ".join(unit.split()).casefold()
    if key == "year":
        return VAGUE_YEARS
    if key == "time of day":
        return VAGUE_MINUTES
    if value <= 0:
        return None
    return value * VAGUE_SHARE


def figure_interval(figure: Figure) -> Interval | None:
    """The values a figure allows: its value exactly, a range, above or below it; a vague one
    ('about', 'nearly') read as widely as it may be."""
    return _interval(figure.value, figure.qualifier, None, figure.to, figure.unit)


def amount_interval(amount: Amount) -> Interval | None:
    """The values an option allows: its value at the precision shown, a range, above or below;
    a vague one read as widely as it may be."""
    return _interval(
        amount.value, amount.qualifier, Decimal(5).scaleb(-amount.decimals - 1), amount.to,
        amount.unit,
    )


def _interval(
    value: Decimal, qualifier: str, half: Decimal | None, to: Decimal | None, unit: str
) -> Interval | None:
    margin = half if half is not None else Decimal(0)
    if qualifier in VAGUE:
        low_spread = _spread(value, unit)
        high_spread = _spread(to if to is not None else value, unit)
        if low_spread is None or high_spread is None:
            return None
        top = (to if to is not None else value) + margin
        if qualifier == "nearly":  # nearly 2 years: short of 2 years, by at most the spread
            return (value - margin - low_spread, top, False, False)
        return (value - margin - low_spread, top + high_spread, False, False)
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
    return None


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
    if (amount.qualifier in VAGUE and amount.qualifier == figure.qualifier
            and figure.value == amount.value and figure.to == amount.to):
        return True  # the figure as given
    stated, claimed = figure_interval(figure), amount_interval(amount)
    if stated is None or claimed is None:
        return None
    if _disjoint(claimed, stated):
        return False
    if amount.qualifier in VAGUE:  # true of the figure only as the figure given, above
        return None
    return True if _contains(claimed, stated) else None


def _any_true(truths: Iterable[Truth]) -> Truth:
    """True if one is True, False if all are False (or there are none), else None."""
    seen = list(truths)
    if any(t is True for t in seen):
        return True
    return False if all(t is False for t in seen) else None


def _measure_key(measure: str) -> str:
    """A measure as figures of it are compared: spaces collapsed, case folded."""
    return normalise(measure).casefold()


def _by_measure(base: FactBase) -> dict[tuple[str, str | None], tuple[Figure, ...]]:
    """The base's figures by measure (_measure_key) and subject, in fact-base order: made once
    per base (the oracle reads each option of each figure item against them)."""
    found: dict[tuple[str, str | None], list[Figure]] = {}
    for figure in base.figures:
        found.setdefault((_measure_key(figure.measure), figure.subject), []).append(figure)
    return {key: tuple(figures) for key, figures in found.items()}


def _same_sources(figure: Figure, given_by: tuple[str, ...] | None) -> bool:
    return given_by is None or set(figure.given_by) == set(given_by)


def figures_matching(
    base: FactBase, *, measure: str, subject: str | None, given_by: tuple[str, ...] | None
) -> tuple[Figure, ...]:
    """Figures of this measure and subject, from these sources (None: from any source)."""
    figures = base.index(_by_measure).get((_measure_key(measure), subject), ())
    return tuple(f for f in figures if _same_sources(f, given_by))


def value_truth(ask: FigureValue, amount: Amount, base: FactBase) -> Truth:
    """Whether the figures asked about make the amount true, false, or leave it open."""
    figures = figures_matching(
        base, measure=ask.measure, subject=ask.subject, given_by=ask.given_by
    )
    return _any_true(claim_truth(f, amount) for f in figures)


def statement_truth(ask: FigureGiven, amount: Amount, base: FactBase) -> Truth:
    """Whether an option read as a statement about the world ("more than 400 arrests") is true,
    false or open by the numbers the sources asked about gave; a value that is no number
    (NaN) states nothing and is left out, and with none left nothing is decided."""
    figures = [
        f
        for f in figures_matching(
            base, measure=ask.measure, subject=ask.subject, given_by=ask.given_by
        )
        if f.value.is_finite() and (f.to is None or f.to.is_finite())
    ]
    return _any_true(claim_truth(f, amount) for f in figures) if figures else None


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
    """Whether the entity's figures of this measure make the amount true for it. An entity with
    none of them is left open: "whose age was 36?" cannot offer someone whose age the facts
    never give, who may be 36 too."""
    figures = figures_matching(base, measure=ask.measure, subject=entity_id, given_by=ask.given_by)
    if not figures:
        return None
    return _any_true(claim_truth(f, ask.amount) for f in figures)
