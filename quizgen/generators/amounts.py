"""Numeric options for figure questions: plausible, distinct distractors around a ranked answer."""

import random
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from quizgen.factbase.numbers import (
    CONTEXT,
    bounds,
    format_amount,
    nice_step,
    out_of,
    quantize,
    shown_as,
    unit_kind,
)
from quizgen.quiz.questions import Amount

FACTORS = (Decimal("0.1"), Decimal("0.15"), Decimal("0.2"), Decimal("0.25"))  # step / value
YEAR_STEPS = (2, 3, 5)  # never years one apart: 2012 beside 2013 tests nothing worth knowing
# A year that ends a decade (2050, the horizon forecasts name) is offered beside years a whole
# largest step apart (2040, 2045, 2055): among 2044, 2047 and 2053 it would be the one round year.
ROUND_YEAR = 10
TIME_STEPS = (15, 30, 60)  # minutes between times of day offered


class NumericChoice(NamedTuple):
    """Options in ascending order and the index of the correct one."""

    options: tuple[Amount, ...]
    answer: int


def numeric_options(
    correct: Amount,
    *,
    rng: random.Random,
    count: int,
    pool: Sequence[Decimal],
    taken: Sequence[tuple[Decimal, int]],
    width: Decimal | None = None,
    measure: str = "",
    limits: tuple[Decimal | None, Decimal | None] = (None, None),
) -> NumericChoice | str:
    """`count` amounts, ascending, with `correct` at a uniformly drawn feasible rank, or why not.

    `pool` holds comparable values (same group or measure, same unit) to use as distractors first;
    `taken` holds (value, decimals) of every other figure of the same quantity: no distractor may
    show one of them. Made-up values are whole steps away from the answer and clear of the pool.
    `width` makes every option a range of that width ("between 40 and 60"), the answer's own.
    `limits` narrow the plausible range further (a past year's options stay in the past).
    """
    try:
        return _numeric_options(correct, rng=rng, count=count, pool=pool, taken=taken, width=width,
                                measure=measure, limits=limits)
    except (InvalidOperation, ValueError, OverflowError):
        return f"cannot compute distractors around {correct.value}"


def _numeric_options(
    correct: Amount,
    *,
    rng: random.Random,
    count: int,
    pool: Sequence[Decimal],
    taken: Sequence[tuple[Decimal, int]],
    width: Decimal | None,
    measure: str,
    limits: tuple[Decimal | None, Decimal | None],
) -> NumericChoice | str:
    decimals = correct.decimals
    value = correct.value
    low, high = narrowed(bounds(value, correct.unit, decimals=decimals, measure=measure), limits)
    if width is not None and high is not None:
        high = max(value, high - width)  # the upper end stays plausible too

    def inside(x: Decimal) -> bool:
        return (low is None or x >= low) and (high is None or x <= high)

    def blocked(x: Decimal) -> bool:
        if shown_as(value, x, decimals):
            return True
        for other, other_decimals in taken:
            coarse = min(decimals, other_decimals)
            if shown_as(other, x, decimals) or quantize(other, coarse) == quantize(x, coarse):
                return True
        return False

    rounded = {quantize(p, decimals) for p in pool}
    group = sorted(q for q in rounded if inside(q) and not blocked(q))
    below_group = [g for g in group if g < value]
    above_group = [g for g in group if g > value]

    landmarks = [*group, *(quantize(v, decimals) for v, _ in taken)]

    def made_up(sign: int, step: Decimal, need: int) -> list[Decimal]:
        """Up to `need` values whole steps away on one side, plausible and clear of landmarks."""
        found: list[Decimal] = []
        clearance = step / 2
        tries = need + 2 * len(landmarks) + 4
        for k in range(1, tries + 1):
            if len(found) >= need:
                break
            x = quantize(CONTEXT.add(value, CONTEXT.multiply(Decimal(sign * k), step)), decimals)
            if not inside(x):
                break
            if blocked(x) or any(abs(x - mark) < clearance for mark in landmarks):
                continue
            found.append(x)
        return found

    # the rank is drawn first, among the ranks the bounds allow at the finest step
    finest = Decimal(1).scaleb(-decimals)
    if unit_kind(correct.unit) == "year" and decimals == 0:
        finest = Decimal(min(YEAR_STEPS))  # never years one apart, where bounds are tight too
    below_room = len(below_group) + len(made_up(-1, finest, count - 1))
    above_room = len(above_group) + len(made_up(+1, finest, count - 1))
    ranks = [r for r in range(count) if r <= below_room and count - 1 - r <= above_room]
    if not ranks:
        return f"cannot make {count - 1} distinct plausible values beside {format_amount(correct)}"

    def make(values: list[Decimal]) -> list[Amount]:
        return [
            Amount(
                x,
                correct.unit,
                decimals,
                correct.qualifier,
                None if width is None else quantize(CONTEXT.add(x, width), decimals),
            )
            for x in sorted(values)
        ]

    def at(rank: int) -> tuple[Amount, ...]:
        """The options with the answer at `rank`: a round step drawn, then each side's values;
        a finer step while the answer would stand alone on its side of half (the last tried if
        it always would). The rank itself never moves, so that the answer's place stays
        uniform."""
        if unit_kind(correct.unit) == "year" and decimals == 0:
            first = Decimal(rng.choice(YEAR_STEPS))
            if value % ROUND_YEAR == 0:  # 2050 never the one round year among 2044, 2047, 2053
                first = Decimal(max(YEAR_STEPS))
        elif unit_kind(correct.unit) == "time":
            first = Decimal(rng.choice(TIME_STEPS))
        else:
            first = nice_step(CONTEXT.multiply(abs(value), rng.choice(FACTORS)), decimals)
        need_below = max(0, rank - len(below_group))
        need_above = max(0, count - 1 - rank - len(above_group))
        options: tuple[Amount, ...] | None = None
        for step in _steps(first, finest):  # a coarser step may not fit the bounds: refine it
            below_made = made_up(-1, step, need_below)
            above_made = made_up(+1, step, need_above)
            if len(below_made) < need_below or len(above_made) < need_above:
                continue
            options = around(rank, below_made, above_made)
            if not alone_beside_half(correct, [o.value for o in options]):
                return options
        return options or around(rank, below_made, above_made)  # as the bounds allow

    def around(rank: int, below_made: list[Decimal],
               above_made: list[Decimal]) -> tuple[Amount, ...]:
        below = _side(rng, below_group, below_made, rank)
        above = _side(rng, above_group, above_made, count - 1 - rank)
        return (*make(below), correct, *make(above))

    rank = rng.choice(ranks)
    options = at(rank)
    if alone_beside_half(correct, [o.value for o in options]):
        return (f"beside “{format_amount(correct)}” every list of options at its place leaves"
                " it the only one on its side of half, which would be the guess")
    return NumericChoice(options=options, answer=rank)


def alone_beside_half(correct: Amount, values: Sequence[Decimal]) -> bool:
    """Whether a share's answer is the only value offered on its side of half (the loser's 44%
    among 51%, 54% and 59%; the one majority among minorities): a student who knows who won
    picks it without the article. Half itself is on neither side."""
    whole = out_of(correct.unit) or (Decimal(100) if unit_kind(correct.unit) == "percent"
                                     else None)
    if whole is None or correct.value * 2 == whole:
        return False
    side = 1 if correct.value * 2 > whole else -1
    return not any((x * 2 - whole) * side > 0 for x in values if x != correct.value)


def narrowed(
    plausible: tuple[Decimal | None, Decimal | None],
    limits: tuple[Decimal | None, Decimal | None],
) -> tuple[Decimal | None, Decimal | None]:
    """The plausible range cut to the limits (None: unbounded on that side)."""
    (low, high), (floor, ceiling) = plausible, limits
    if floor is not None:
        low = floor if low is None else max(low, floor)
    if ceiling is not None:
        high = ceiling if high is None else min(high, ceiling)
    return low, high


def _steps(first: Decimal, finest: Decimal) -> list[Decimal]:
    """`first`, then ever finer round steps (5, 2, 1, 0.5, ...), ending with `finest`."""
    steps = [first]
    step = first
    while step > finest:
        power = step.adjusted()
        lead = int(step.scaleb(-power))
        if lead > 5:
            step = Decimal(5).scaleb(power)
        elif lead > 2:
            step = Decimal(2).scaleb(power)
        elif lead > 1:
            step = Decimal(1).scaleb(power)
        else:
            step = Decimal(5).scaleb(power - 1)
        steps.append(max(step, finest))
    return steps


def _side(
    rng: random.Random, group: list[Decimal], made: list[Decimal], need: int
) -> list[Decimal]:
    """`need` values on one side: real values of the group first, then the nearest made-up ones."""
    real = rng.sample(group, min(need, len(group)))
    return real + made[: need - len(real)]
