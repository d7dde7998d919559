"""Numeric options for a figure given loosely ("over 1,000"): every wrong option false by it."""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Callable, Sequence
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from quizgen.factbase.numbers import (
    CONTEXT,
    bounds,
    format_amount,
    half_unit,
    is_size,
    nice_step,
    out_of,
    quantize,
    shown_as,
    unit_kind,
)
from quizgen.generators.amounts import FACTORS, ROUND_YEAR, YEAR_STEPS, NumericChoice, narrowed
from quizgen.quiz.questions import Amount

# This module's own wide reading of a vague number, wider than any a student could defend:
# "about 40,000" may be a quarter off; "around 2013" three years; "around 03:40" forty minutes.
REACH = Decimal("0.25")
REACH_YEARS = Decimal(3)
REACH_MINUTES = Decimal(40)
VAGUE = ("about", "nearly")
UPWARD = ("more than", "at least")  # true of everything above: wrong options lie below
DOWNWARD = ("fewer than", "at most", "up to")  # true of everything below: wrong ones lie above
# "about 12,000": wrong options as round as the key, far enough to be false, evenly spaced by
# ratio or by difference (about 3,500, 6,500, 12,000, 22,000; about 1,000, 2,500, 4,000), so
# that the key never stands apart from the others by a wider gap ("nearly 19%, 26%, 35% or
# 70%"); never twice or half the key ("6.3" beside "12.6"; "90, 180, 360": the list would be
# built from the key). Candidates are the key times each ratio, rounded like the key; the
# options are the nearest evenly spaced ones, their number the most at which the key may
# stand first or last too (a key always second or third would be learnt).
VAGUE_RATIOS = tuple(Decimal(12 + 2 * k).scaleb(-1) for k in range(16))  # 1.2, 1.4 … 4.2
NEAREST = 9  # candidates looked at on each side, nearest first
EVEN = 1.25  # the widest gap of an even list is at most this times its narrowest
MULTIPLES = (2,)
ROUND_LEADS = tuple(Decimal(d) for d in ("1", "1.5", "2", "2.5", "3", "4", "5", "6", "7", "8", "9"))
YEAR_GAP = 7  # vague years offered this far apart: "around 2006", "around 2013"
TIME_GAP = 90  # vague times of day, in minutes

Hull = tuple[Decimal | None, Decimal | None]


def _reach(value: Decimal, unit: str) -> Decimal | None:
    kind = unit_kind(unit)
    if kind == "year":
        return REACH_YEARS
    if kind == "time":
        return REACH_MINUTES
    return value * REACH if value > 0 else None


def _hull(amount: Amount) -> Hull | None:
    """Every value the amount could be taken to allow, read widely; None when unknowable."""
    half = half_unit(amount.decimals)
    top = amount.to if amount.to is not None else amount.value
    if amount.qualifier in VAGUE:
        low_reach, high_reach = _reach(amount.value, amount.unit), _reach(top, amount.unit)
        if low_reach is None or high_reach is None:
            return None
        high = top + half + (high_reach if amount.qualifier == "about" else 0)
        return amount.value - half - low_reach, high
    if amount.qualifier in UPWARD:
        return amount.value, None
    if amount.qualifier in DOWNWARD:
        return None, amount.value
    return amount.value - half, top + half


def certainly_false(option: Amount, stated: Amount) -> bool:
    """Whether no value the option allows is one the stated figure allows (with room to spare)."""
    if option.unit != stated.unit:
        return False
    a, b = _hull(option), _hull(stated)
    if a is None or b is None:
        return False
    return (a[1] is not None and b[0] is not None and a[1] < b[0]) or (
        b[1] is not None and a[0] is not None and b[1] < a[0]
    )


def false_options(
    correct: Amount,
    *,
    stated: Sequence[Amount],
    rng: random.Random,
    count: int,
    pool: Sequence[Decimal],
    taken: Sequence[tuple[Decimal, int]],
    measure: str = "",
    limits: tuple[Decimal | None, Decimal | None] = (None, None),
    avoid: frozenset[Decimal] = frozenset(),
) -> NumericChoice | str:
    """`count` amounts, ascending, the answer among them and every other one false by each of
    the `stated` figures asked about, or why that cannot be (in a teacher's words). `avoid`
    holds values of the base's other figures in the unit: a loose figure's made-up option
    shows none of them (it would answer their items on a sheet)."""
    try:
        return _false_options(correct, stated=stated, rng=rng, count=count, pool=pool, taken=taken,
                              measure=measure, limits=limits, avoid=avoid)
    except (InvalidOperation, ValueError, OverflowError):
        return f"cannot compute wrong answers around {format_amount(correct)}"


def _false_options(
    correct: Amount,
    *,
    stated: Sequence[Amount],
    rng: random.Random,
    count: int,
    pool: Sequence[Decimal],
    taken: Sequence[tuple[Decimal, int]],
    measure: str,
    limits: tuple[Decimal | None, Decimal | None],
    avoid: frozenset[Decimal] = frozenset(),
) -> NumericChoice | str:
    if correct.qualifier in UPWARD + DOWNWARD:
        return one_sided(correct)
    value, decimals, unit = correct.value, correct.decimals, correct.unit
    low, high = narrowed(bounds(value, unit, decimals=decimals, measure=measure), limits)
    width = None if correct.to is None else correct.to - value
    form = correct.qualifier if correct.qualifier in VAGUE or width is not None else "exact"

    def make(x: Decimal) -> Amount:
        to = None if width is None else quantize(CONTEXT.add(x, width), decimals)
        return Amount(x, unit, decimals, form, to)

    def inside(x: Decimal | None) -> bool:
        return x is None or ((low is None or x >= low) and (high is None or x <= high))

    def usable(amount: Amount) -> bool:
        shown = [amount.value] + ([amount.to] if amount.to is not None else [])
        if not all(inside(x) for x in shown):
            return False
        if any(shown_as(other, amount.value, decimals) for other, _ in taken):
            return False
        return bool(stated) and all(certainly_false(amount, s) for s in stated)

    if form in VAGUE and width is None and unit_kind(unit) not in ("year", "time") and value > 0:
        return _vague_options(correct, rng=rng, count=count, pool=pool, avoid=avoid,
                              usable=lambda x: usable(make(x)))
    sides = (-1, +1)  # a bound ("more than") was left out above: one_sided
    found: dict[int, list[Decimal]] = {}
    real: dict[int, list[Decimal]] = {}
    for sign in (-1, +1):
        made = _made_up(correct, sign, count) if sign in sides else []
        found[sign] = [x for x in made if usable(make(x))]
        rounded = {quantize(p, decimals) for p in pool}
        real[sign] = sorted(
            x for x in rounded
            if sign in sides and (x - value) * sign > 0 and x not in found[sign] and usable(make(x))
        )  # fmt: skip
    room = {sign: len(found[sign]) + len(real[sign]) for sign in (-1, +1)}
    ranks = [r for r in range(count) if r <= room[-1] and count - 1 - r <= room[+1]]
    if not ranks:
        most = min(count, 1 + room[-1] + room[+1])
        if most < 3:
            return (
                f"beside “{format_amount(correct)}” too few numbers could be offered that the "
                "article shows to be wrong (any other would be true as well, or might be)"
            )
        count = most
        ranks = [r for r in range(count) if r <= room[-1] and count - 1 - r <= room[+1]]
    rank = rng.choice(ranks)
    below = sorted(_pick(rng, real[-1], found[-1], rank))
    above = sorted(_pick(rng, real[+1], found[+1], count - 1 - rank))
    options = [make(x) for x in below] + [correct] + [make(x) for x in above]
    return NumericChoice(options=tuple(options), answer=rank)


def one_sided(correct: Amount) -> str:
    """Why a figure given as a bound ("more than 300", "up to 200,000") is not asked for its
    value, in a teacher's words: every option false by it lies on one side of it, and no other
    option can share its "more than" (any would be true or left open), so the key would be the
    one bound at the end of the list: its form gives it away."""
    upward = correct.qualifier in UPWARD
    side = {"time": "earlier times" if upward else "later times",
            "year": "earlier years" if upward else "later years"}.get(
        unit_kind(correct.unit), "smaller numbers" if upward else "larger numbers")
    return (
        f"“{format_amount(correct)}” could stand only beside {side}, none of them "
        f"worded like it: its wording would give the answer away"
    )


def _made_up(correct: Amount, sign: int, count: int) -> list[Decimal]:
    """Candidate values on one side, nearest first, spaced so that a vague one is far enough
    (a vague year or time of day; a vague count or amount is `_vague_options`'s)."""
    value, decimals, unit = correct.value, correct.decimals, correct.unit
    kind = unit_kind(unit)
    if correct.qualifier in VAGUE and correct.to is None:
        if kind in ("year", "time"):
            gap = Decimal(YEAR_GAP if kind == "year" else TIME_GAP)
            return [value + sign * k * gap for k in range(1, count + 1)]
        return []
    if correct.to is not None:  # an exact range a width apart; a vague one as near as false
        step = (1 if correct.qualifier in VAGUE else 2) * (correct.to - value)
    elif kind == "year":  # a year ending a decade beside years five apart, never the one round
        step = Decimal(max(YEAR_STEPS) if value % ROUND_YEAR == 0 else min(YEAR_STEPS))
    elif kind == "time":
        step = Decimal(30)
    else:
        step = nice_step(CONTEXT.multiply(abs(value), FACTORS[-1]), decimals)
    return [quantize(value + sign * k * step, decimals) for k in range(1, 2 * count + 1)]


def _vague_options(
    correct: Amount,
    *,
    rng: random.Random,
    count: int,
    pool: Sequence[Decimal],
    usable: Callable[[Decimal], bool],
    avoid: frozenset[Decimal],
) -> NumericChoice | str:
    """Options beside a count or amount given loosely ("about 40,000", "nearly 70%"): evenly
    spaced, as round as the key, each false by it; the rank drawn among those an even list
    allows, with another option on the key's side of half for a share where one may be."""
    value, decimals = correct.value, correct.decimals
    real = {quantize(p, decimals) for p in pool}
    at: dict[int, tuple[Decimal, ...]] = {}
    for shunned in (avoid, frozenset()):  # other figures' values kept out where possible
        sides = []
        for sign in (-1, +1):
            made = _vague_rungs(value, decimals, sign)
            near = sorted((x for x in {*made, *real} if (x - value) * sign > 0
                           and (x in real or x not in shunned)
                           and not multiple_or_part(x, value) and usable(x)),
                          key=lambda x: (abs(x - value), x not in real, x))
            sides.append(tuple(near[:NEAREST]))
        at = _spread(_even_lists(value, sides[0], sides[1], count, frozenset(real)))
        if at:
            break
    if not at:
        return (
            f"beside “{format_amount(correct)}” too few numbers could be offered that the "
            "article shows to be wrong and that stand evenly beside it (any other would be "
            "true as well, might be, or would set the answer apart)"
        )
    ranks = sorted(at)
    whole = _whole(correct)
    ends = {0, len(at[ranks[0]]) - 1}
    if is_size(correct.unit) and not ends & set(ranks):  # a size's narrow range: no end
        return (f"beside “{format_amount(correct)}” the answer could only ever stand between "
                "the other options (no length or weight far enough beyond it is plausible): "
                "a student would learn to pick the middle")
    if whole is not None and value * 2 != whole:  # a share: not alone on its side of half
        side = 1 if value * 2 > whole else -1
        ranks = [r for r in ranks
                 if any((x * 2 - whole) * side > 0 for x in at[r] if x != value)]
        if not ranks:  # the one majority (or minority) among the options is the guess
            half = "more" if side > 0 else "less"
            return (f"beside “{format_amount(correct)}” no wrong option could also be {half} "
                    "than half, so the one option on its side of half would be the guess")
    rank = rng.choice(ranks)
    unit, form = correct.unit, correct.qualifier
    options = tuple(correct if x == value else Amount(x, unit, decimals, form) for x in at[rank])
    return NumericChoice(options=options, answer=rank)


def _spread(by_size: dict[int, dict[int, tuple[Decimal, ...]]]) -> dict[int, tuple[Decimal, ...]]:
    """The even lists by the key's rank for the number of options to offer: the most at which
    the key may stand anywhere, else the most at which it may stand first or last, else the
    most that fit."""
    wanted: tuple[Callable[[int, dict[int, tuple[Decimal, ...]]], bool], ...] = (
        lambda n, at: len(at) == n, lambda n, at: 0 in at or n - 1 in at, lambda n, at: bool(at))
    for rule in wanted:
        for n, at in by_size.items():
            if rule(n, at):
                return at
    return {}


@lru_cache(maxsize=4096)
def _even_lists(
    value: Decimal,
    below: tuple[Decimal, ...],
    above: tuple[Decimal, ...],
    count: int,
    real: frozenset[Decimal],
) -> dict[int, dict[int, tuple[Decimal, ...]]]:
    """For each number of options (count down to three) and each rank of the key, an even
    list, ascending: the first found taking the nearest values of each side first (values of
    the article's group before made-up ones at the same distance)."""
    del real  # part of the key of the cache only: the sides are ordered by it already
    marks = {x: (float(x), math.log(float(x))) for x in (*below, value, *above)}
    found: dict[int, dict[int, tuple[Decimal, ...]]] = {}
    for n in range(count, 2, -1):
        found[n] = {}
        for rank in range(n):
            for low in itertools.combinations(below, rank):
                ends = [marks[x] for x in (*reversed(low), value)]
                if not _even(ends):
                    continue
                high = next((h for h in itertools.combinations(above, n - 1 - rank)
                             if _even(ends + [marks[x] for x in h])), None)
                if high is not None:
                    found[n][rank] = (*reversed(low), value, *high)
                    break
    return found


def _even(marks: list[tuple[float, float]]) -> bool:
    """Whether ascending positive values (each as itself and its log) are evenly spaced by
    ratio or by difference: the widest gap at most EVEN times the narrowest."""
    if len(marks) < 3:
        return True
    for scale in (0, 1):
        gaps = [b[scale] - a[scale] for a, b in itertools.pairwise(marks)]
        if min(gaps) > 0 and max(gaps) <= EVEN * min(gaps):
            return True
    return False


def _whole(correct: Amount) -> Decimal | None:
    """The whole a share is of (100 for a percentage, 10 for 'out of 10'), or None."""
    return out_of(correct.unit) or (Decimal(100) if unit_kind(correct.unit) == "percent"
                                    else None)


@lru_cache(maxsize=4096)
def _vague_rungs(value: Decimal, decimals: int, sign: int) -> tuple[Decimal, ...]:
    """`_rungs` at every ratio of VAGUE_RATIOS, kept per key: versions ask a figure again."""
    return tuple(_rungs(value, decimals, VAGUE_RATIOS, sign))


def _rungs(
    value: Decimal, decimals: int, ratios: Sequence[Decimal], sign: int
) -> list[Decimal]:
    """The key times each ratio (divided, below), rounded as the key is, nearest first: none
    zero or below, none the key."""
    return list(dict.fromkeys(
        x for r in ratios
        if (x := _round_like(CONTEXT.multiply(value, r if sign > 0 else 1 / r), value,
                             decimals)) > 0
        and x != value
    ))  # fmt: skip


def multiple_or_part(x: Decimal, value: Decimal) -> bool:
    """Whether `x` is twice `value` or half of it: an option a student sees was made from the
    key."""
    return any(x == value * m or x * m == value for m in MULTIPLES)


def _round_like(x: Decimal, key: Decimal, decimals: int) -> Decimal:
    """A value rounded as round as the key: beside a key of one leading digit ("about 40,000"),
    to a round value (15,000, 70,000, 100,000), else as `_round_to_lead`: a made-up "72,000"
    beside it would leave the key the only round one."""
    if decimals or x <= 0 or key <= 0 or key != key.to_integral_value():
        return _round_to_lead(x, decimals)
    if len(str(int(key)).rstrip("0")) > 1:
        return _round_to_lead(x, decimals)
    scale = Decimal(1).scaleb(x.adjusted())
    lead = CONTEXT.divide(x, scale)
    best = min((*ROUND_LEADS, Decimal(10)), key=lambda n: abs(math.log(n / lead)))
    return quantize(CONTEXT.multiply(best, scale), decimals)


def _round_to_lead(x: Decimal, decimals: int) -> Decimal:
    """A value rounded to its two leading digits, never finer than the precision shown; beside a
    key shown with decimals, to as many decimals ('about 12.6 million' beside 'about 6.3
    million', not '13.0', whose '.0' reads as made up)."""
    if x == 0:
        return quantize(x, decimals)
    places = -decimals if decimals else max(0, x.adjusted() - 1)
    return quantize(CONTEXT.quantize(x, Decimal(1).scaleb(places)), decimals)


def _pick(rng: random.Random, real: list[Decimal], made: list[Decimal], need: int) -> list[Decimal]:
    """`need` values: real values of the group first, then the nearest made-up ones."""
    chosen = rng.sample(real, min(need, len(real)))
    extra: list[Decimal] = []
    for x in made:  # the first that are not chosen: made holds many more than are needed
        if len(chosen) + len(extra) >= need:
            break
        if x not in chosen:
            extra.append(x)
    return chosen + extra
