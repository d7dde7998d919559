"""Figure options a student rules out or picks at a glance (issue 18): a share that reads as
"all", a length or weight far from one the eye knows, a loose share alone on its side of half, a
key of zero always first; every fact base, seeds 1–20."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest
from conftest import loaded
from sweep import seeds_of
from test_truth_rules import BASES

from quizgen.factbase.numbers import bounds
from quizgen.generators import GENERATORS
from quizgen.generators.base import GenOptions
from quizgen.quiz.questions import Amount, FigureGiven, FigureValue, MultipleChoice

pytestmark = pytest.mark.sweep  # every seed of every base under `make fuzz` (sweep.py)


# plain lengths and weights as a unit reads them, written here apart from quizgen's list
SIZE = re.compile(r"(?:kilo|centi)?met(?:re|er)s?|k(?:ilo)?g|kilos?|(?:kilo)?grams?|"
                  r"tonnes?|tons?|feet|foot|inch(?:es)?|miles?|yards?|km|cm")  # not rain's mm
ALL = Decimal("0.95")  # a share at or above this part of its whole reads as "all"
EYE = Decimal("2.5")  # a length or weight this many times off is seen to be wrong


@cache
def _amount_items(path: Path) -> tuple[tuple[MultipleChoice, tuple[Amount, ...]], ...]:
    """Every numeric figure item of the base, the sweep's seeds, with its options' amounts."""
    base = loaded(path)
    make = GENERATORS["figure-choice"]
    found = []
    for seed in seeds_of(path):
        for q in make(base, seed=seed, options=GenOptions()).questions:
            if isinstance(q, MultipleChoice) and isinstance(q.ask, FigureValue | FigureGiven):
                amounts = tuple(o.claim for o in q.options if isinstance(o.claim, Amount))
                found.append((q, amounts))
    return tuple(found)


def _whole(unit: str) -> Decimal | None:
    """The whole a share's unit is of: 100 for a percentage, N for 'out of N'."""
    text = " ".join(unit.casefold().split())
    if text in ("percent", "per cent", "%"):
        return Decimal(100)
    found = re.fullmatch(r"out of ([\d,]+)", text)
    return Decimal(found.group(1).replace(",", "")) if found else None


def _wrong(path: Path) -> Iterator[tuple[MultipleChoice, Amount, Amount]]:
    for q, amounts in _amount_items(path):
        for i, amount in enumerate(amounts):
            if i != q.answer:
                yield q, amounts[q.answer], amount


@pytest.mark.parametrize("path", BASES, ids=lambda p: p.stem)
def test_no_made_up_share_reads_as_all(path: Path) -> None:
    """Beside "nearly 70%" no option says "nearly 100%" or "99 out of 100": a share of all but
    none is ruled out at a glance (unless the key itself is that high)."""
    for q, key, amount in _wrong(path):
        whole = _whole(amount.unit)
        if whole is not None and key.value < ALL * whole:
            assert max(amount.value, amount.to or 0) < ALL * whole, (
                q.prompt, [o.text for o in q.options])


@pytest.mark.parametrize("path", BASES, ids=lambda p: p.stem)
def test_lengths_and_weights_stay_within_sight(path: Path) -> None:
    """Beside "about 50 kilograms" of a diver's gear no option says 150, and beside a free kick
    "from about 25 metres" none says 8: a length or weight stays within 2.5 times the key."""
    for q, key, amount in _wrong(path):
        if SIZE.fullmatch(" ".join(key.unit.casefold().split())) and key.value > 0:
            assert key.value / EYE <= amount.value <= key.value * EYE, (
                q.prompt, [o.text for o in q.options])


def test_the_sweeps_meet_shares_and_sizes() -> None:
    """Some base asks a share and some a length or weight, so the sweeps above cannot pass empty."""
    keys = [amounts[q.answer] for path in BASES for q, amounts in _amount_items(path)]
    assert any(_whole(k.unit) is not None for k in keys)
    assert any(SIZE.fullmatch(" ".join(k.unit.casefold().split())) for k in keys)


def test_bounds_keep_shares_below_all_and_sizes_in_sight() -> None:
    """The plausible range of a share of 70% stops short of 95%, of 70 out of 100 likewise, and
    of 50 kilograms (a plain weight) lies within 20 and 125; a count keeps its wider range."""
    assert (bounds(Decimal(70), "percent")[1] or 0) < 95
    assert (bounds(Decimal(70), "out of 100")[1] or 0) < 95
    low, high = bounds(Decimal(50), "kilograms")
    assert low is not None and high is not None and low >= 20 and high <= 125
    assert (bounds(Decimal(50), "people")[1] or 0) > 125  # a count is no size


@pytest.mark.parametrize("path", BASES, ids=lambda p: p.stem)
def test_a_loose_share_is_never_the_one_majority(path: Path) -> None:
    """Beside "about 85%" of Earth's energy no list is "about 28%, about 47%": a loose share
    (about, nearly) is never the only option above half, nor the only one below it, which a
    student picks by reading the article's drift alone."""
    for q, amounts in _amount_items(path):
        key = amounts[q.answer]
        whole = _whole(key.unit)
        if whole is None or key.qualifier not in ("about", "nearly") or key.to is not None:
            continue
        if key.value * 2 != whole:
            side = 1 if key.value * 2 > whole else -1
            assert any((a.value * 2 - whole) * side > 0 for i, a in enumerate(amounts)
                       if i != q.answer), (q.prompt, [o.text for o in q.options])


def test_the_half_sweep_meets_loose_shares_on_both_sides() -> None:
    """Some base asks a loose share above half and some one below, so the sweep above is fed."""
    keys = [amounts[q.answer] for path in BASES for q, amounts in _amount_items(path)]
    loose = [k for k in keys if _whole(k.unit) == 100 and k.qualifier in ("about", "nearly")]
    assert any(k.value > 50 for k in loose) and any(k.value < 50 for k in loose)


@pytest.mark.parametrize("path", BASES, ids=lambda p: p.stem)
def test_no_figure_of_zero_is_asked(path: Path) -> None:
    """No figure item's key is a zero ("0 goals" of the other semi-final's loser): nothing
    happened, and every wrong option lies above it, so the key is always the first."""
    for q, amounts in _amount_items(path):
        key = amounts[q.answer]
        assert key.value != 0 or key.to is not None, (q.prompt, [o.text for o in q.options])


def test_some_base_holds_a_figure_of_zero() -> None:
    """Some fact base gives a figure of zero, so the sweep above meets one."""
    assert any(f.value == 0 for path in BASES for f in loaded(path).figures)
