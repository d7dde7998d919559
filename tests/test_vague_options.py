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
from factbases import figure, make_base, person, run
from hypothesis import given
from hypothesis import strategies as st
from strategies import load_profiles, vague_amounts, vague_shares

from quizgen.generators import false_amounts
from quizgen.generators.false_amounts import false_options
from quizgen.quiz.questions import Amount, MultipleChoice

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


def former_ratios(value: Decimal, decimals: int, ratios: object, sign: int) -> list[Decimal]:
    """The generator's former candidates beside a loose figure: fixed ratios each way, twice
    the key among them."""
    del ratios
    old = (Decimal(2), Decimal("2.7"), Decimal("3.6"), Decimal(8))
    return [round(value * (r if sign > 0 else 1 / r), decimals) for r in old]


@pytest.mark.parametrize("planted", ["double", "apart"])
def test_the_spacing_rule_goes_red_on_a_planted_bug(
    monkeypatch: pytest.MonkeyPatch, planted: str
) -> None:
    """With doubles allowed among the candidates, or the former fixed ratios (x2, x2.7, x3.6,
    x8 each way) offered whatever their spacing, the rule finds a double or a key set apart."""
    monkeypatch.setattr(false_amounts, "MULTIPLES", ())
    if planted == "apart":
        monkeypatch.setattr(false_amounts, "_vague_rungs",
                            lambda value, decimals, sign: former_ratios(value, decimals, (), sign))
        monkeypatch.setattr(false_amounts, "_even", lambda values: True)
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


@given(key=vague_amounts().filter(
    lambda a: a.unit != "percent" and a.value.scaleb(a.decimals) >= 10))
def test_a_loose_figures_key_is_not_always_between_others(key: Amount) -> None:
    """Beside a loose figure of two digits or more (not a share, whose side of half is kept),
    the key stands first or last for some seed: never always in the middle, which a student
    would learn ("about" needs options 1.8 times apart, and four of them do not fit the
    plausible range with the key at an end: three are offered then). A one-digit count has
    room for few false values at all ("nearly 3": 1 and 7): its key's place is what fits."""
    seen: set[tuple[int, int]] = set()
    for seed in range(60):
        options = options_for(key, seed)
        if options is None:
            return
        seen.add((options.index(key), len(options)))
    assert any(rank in (0, size - 1) for rank, size in seen), (str(key.value), key.qualifier,
                                                                sorted(seen))


@pytest.mark.parametrize("value", ["9.5", "180", "25", "6.3", "77"])
def test_about_offers_three_options_with_the_key_anywhere(value: str) -> None:
    """Four "about" options 1.8 times apart do not fit the plausible range (a factor of four
    either way) with the key at an end, three do: three are offered, the key first, second
    and third across seeds, never always in the middle. (A key of one round digit, "about
    6,000", has few values as round as it: its place may be what fits.)"""
    key = Amount(Decimal(value), "people", len(value.partition(".")[2]), "about")
    seen = {(len(o), o.index(key)) for seed in range(40) if (o := options_for(key, seed))}
    assert seen == {(3, 0), (3, 1), (3, 2)}


@given(key=vague_amounts(), seed=st.integers(0, 2**16))
def test_loose_figure_options_show_no_other_figure_of_the_unit(key: Amount, seed: int) -> None:
    """Told the values of the base's other figures in the unit (here: the options it would
    offer otherwise), the generator offers none of them as made-up values, each would answer
    that figure's item on a sheet ("about 8 hours" beside "how long does she sleep? 8"),
    unless no even list is left without them: then it offers the list it would anyway."""
    first = options_for(key, seed)
    if first is None:
        return
    others = frozenset(o.value for o in first if o != key)
    made = false_options(key, stated=[key], rng=random.Random(seed), count=4, pool=[],
                         taken=[], avoid=others)
    if isinstance(made, str):
        return
    shown = {o.value for o in made.options}
    assert not others & shown or made.options == first, [str(v) for v in sorted(shown)]


def test_the_generator_keeps_other_figures_values_out_of_a_loose_figures_options() -> None:
    """'About 20 hours' beside another figure of 50 hours: the loose figure's options never show
    50 hours, for any seed, where other even lists exist (with the values let in, 20, 50 … came
    up)."""
    base = make_base(
        person("a"),
        figure("f1", "time the soldiers stay awake", "20", "hours", "a", qualifier="about"),
        figure("f2", "time she stays awake", "50", "hours", "a"),
    )
    shown = set()
    for seed in range(20):
        for item in run("figure-choice", base, seed).questions:
            if isinstance(item, MultipleChoice) and "soldiers" in item.prompt:
                shown |= {o.claim.value for o in item.options if isinstance(o.claim, Amount)}
    assert Decimal(20) in shown and Decimal(50) not in shown, sorted(shown)
