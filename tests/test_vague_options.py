"""Options beside a figure given loosely ("about 9.5", "nearly 70%") never give the key away by
their spacing: none is twice or half the key (a list built from it: 9.5 beside 19.0), and the key
never stands apart from the others by a wider gap, by ratio and by difference alike ("nearly
19%, 26%, 35% or 70%"), nor alone on its side of half where a share has room on both ("nearly
70%" the only majority). Rules written here, on made-up figures, with the rule planted away once
to see them fail."""

from __future__ import annotations

import itertools
import math
import random
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import load_profiles, vague_amounts, vague_shares

from quizgen.generators import false_amounts
from quizgen.generators.false_amounts import false_options
from quizgen.quiz.questions import Amount

load_profiles()
SLACK = 1.3  # rounding to two leading digits moves a rung by up to about 5% either way


def spacing_problem(key: Amount, options: tuple[Amount, ...]) -> str | None:
    """The test's own reading of a list of options: what gives the key away by its spacing."""
    values = [o.value for o in options]
    for value in values:
        if value != key.value and (value == 2 * key.value or 2 * value == key.value):
            return f"{value} is twice or half the key {key.value}"
    if any(v <= 0 for v in values):
        return None  # no ratio to read; zero is never offered (checked by the figure rules)
    at = values.index(key.value)
    apart = []
    for scale in (math.log, float):  # apart both by ratio and by difference
        marks = [scale(float(v)) for v in values]
        gaps = [b - a for a, b in itertools.pairwise(marks)]
        beside = [g for i, g in enumerate(gaps) if at in (i, i + 1)]
        others = [g for i, g in enumerate(gaps) if at not in (i, i + 1)]
        apart.append(bool(beside and others and min(beside) > SLACK * max(others)))
    if all(apart):
        return (f"the key {key.value} stands apart from the others, by ratio and by difference "
                f"({[str(v) for v in values]})")
    return None


def options_for(key: Amount, seed: int) -> tuple[Amount, ...] | None:
    """The generator's options beside a lone loose figure (no other figure to draw on)."""
    made = false_options(key, stated=[key], rng=random.Random(seed), count=4, pool=[],
                         taken=[])
    return None if isinstance(made, str) else made.options


@given(key=vague_amounts(), seed=st.integers(0, 2**16))
def test_loose_figure_options_are_evenly_spaced_and_never_double_or_half(
    key: Amount, seed: int
) -> None:
    """For any loosely given figure, no option is twice or half the key, and the key's nearest
    neighbour is no farther than the widest gap between two other options, by ratio or by
    difference."""
    options = options_for(key, seed)
    if options is None:
        return
    assert key in options
    assert spacing_problem(key, options) is None


def former_made_up(
    correct: Amount, sign: int, count: int, usable: object, **scheme: object
) -> list[Decimal]:
    """The generator's former candidates beside a loose figure: fixed ratios each way."""
    del count, usable, scheme
    ratios = (Decimal(2), Decimal("2.7"), Decimal("3.6"), Decimal(8))
    return list(dict.fromkeys(
        x for r in ratios
        if (x := round(correct.value * (r if sign > 0 else 1 / r), correct.decimals))
        != correct.value
    ))  # fmt: skip


@pytest.mark.parametrize("planted", ["double", "apart"])
def test_the_spacing_rule_goes_red_on_a_planted_bug(
    monkeypatch: pytest.MonkeyPatch, planted: str
) -> None:
    """With doubles allowed in the ladder (x2, x4 …), or the former fixed ratios (x2, x2.7, x3.6,
    x8 each way) planted back, the rule finds a double or a key set apart."""
    if planted == "double":
        monkeypatch.setattr(false_amounts, "VAGUE_STEPS",
                            {"about": (Decimal(2),), "nearly": (Decimal(2),)})
        monkeypatch.setattr(false_amounts, "MULTIPLES", ())
    else:
        monkeypatch.setattr(false_amounts, "_made_up", former_made_up)
    found = []
    for digits in range(10, 400, 7):
        for qualifier in ("about", "nearly"):
            key = Amount(Decimal(digits), "people", 0, qualifier)
            options = options_for(key, digits)
            problem = None if options is None else spacing_problem(key, options)
            if problem and ("twice" in problem) == (planted == "double"):
                found.append(problem)
    assert found, "the planted bug went unseen"


@given(key=vague_shares(), seed=st.integers(0, 2**16))
def test_a_loose_shares_key_is_never_alone_on_its_side_of_half(key: Amount, seed: int) -> None:
    """For a share given loosely with room on both sides, some wrong option lies on the key's
    side of half: "nearly 70%" beside 19, 26 and 35 gives a majority away."""
    options = options_for(key, seed)
    assert options is not None
    side = 1 if key.value > 50 else -1
    wrong = [o.value for o in options if o != key]
    assert any((v - 50) * side > 0 for v in wrong), [str(o.value) for o in options]
