"""Wrong figures that common sense rules out by the measure: a yes-or-no test's hit rate above
half is never offered at or below half (a coin would match it), an average or typical duration
is offered within half as much again either way (no 2.85 hours as an average night beside 6.85),
and a year ending a decade is never the one round year of its options (2050 among 2044, 2047,
2053). Rules written again here, on made-up bases and over every fact base's figure items."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

import pytest
from factbases import figure, make_base, org, run
from sheet_check import BASES, SEEDS, base_at
from sweep import seeds_of

from quizgen.factbase import numbers as numbers_module
from quizgen.factbase.model import FactBase
from quizgen.generators import amounts as amounts_module
from quizgen.quiz.questions import Amount, FigureGiven, FigureValue, MultipleChoice, Question
from quizgen.quiz.select import build_quiz

pytestmark = pytest.mark.sweep  # every seed of every base under `make fuzz` (sweep.py)

DURATIONS = {"seconds", "minutes", "hours", "days", "weeks", "months"}


def _figure_items(questions: Iterator[Question] | list[Question]) -> Iterator[
        tuple[str, Amount, list[Amount]]]:
    """(measure, key, every option) of each figure-value item."""
    for q in questions:
        if not isinstance(q, MultipleChoice) or not isinstance(q.ask, FigureValue | FigureGiven):
            continue
        options = [o.claim for o in q.options if isinstance(o.claim, Amount)]
        key = q.options[q.answer].claim
        if isinstance(key, Amount):
            yield q.ask.measure, key, options


def broken(measure: str, key: Amount, options: list[Amount]) -> str | None:
    """The test's own reading of the three rules: why these options break one, or None."""
    words = set(re.findall(r"[a-z]+", measure.casefold()))
    unit = key.unit.casefold().strip()
    whole = Decimal(100) if unit in {"percent", "%", "per cent"} else (
        Decimal(unit.split()[-1]) if re.fullmatch(r"out of \d+", unit) else None)
    values = [o.value for o in options]
    two_way = bool(words & {"accuracy", "correctly", "accurate"}
                   or re.search(r"tells?\b.*\bfrom", measure))
    if (whole is not None and key.value * 2 > whole and two_way
            and any(v * 2 <= whole for v in values)):
        return f"{values} at or below half beside {key.value} ({measure})"
    if unit in DURATIONS and words & {"average", "typical"} and key.value > 0 and any(
            not key.value / Decimal("1.5") <= v <= key.value * Decimal("1.5") for v in values):
        return f"{values} beyond half again of a typical {key.value} {unit} ({measure})"
    if (unit == "year" and key.qualifier == "exact" and key.value % 10 == 0
            and not any(v % 10 == 0 for v in values if v != key.value)):
        return f"{values}: {key.value} the one round year ({measure})"
    return None


def _made_base() -> FactBase:
    """Made-up measures each rule reads, and like ones it leaves alone."""
    return make_base(
        org("lab", "the Lab"),
        figure("test-rate", "rate at which the scanner tells truth from lies", "65",
               "out of 100", "lab"),
        figure("accuracy", "accuracy of the new blood test", "70", "percent", "lab"),
        figure("backing", "share of voters who backed the plan", "58", "percent", "lab"),
        figure("sleep", "average sleep time of nurses on night shifts", "6.4", "hours", "lab"),
        figure("wait", "typical wait in the emergency room", "90", "minutes", "lab"),
        figure("trip", "length of the voyage", "40", "hours", "lab"),
        figure("horizon", "year by which the city will ban petrol cars", "2040", "year", "lab"),
    )


def _made_items() -> list[tuple[str, Amount, list[Amount]]]:
    """Every figure-choice item of the made-up base over the sweep's seeds."""
    return [item for seed in SEEDS
            for item in _figure_items(run("figure-choice", _made_base(), seed).questions)]


def test_made_measures_keep_their_bounds() -> None:
    """On made-up figures no option breaks a rule, while the measures the rules leave alone
    still reach beyond them on some seed (a vote share below half, a voyage
    beyond half again of the key)."""
    items = _made_items()
    asked = {measure for measure, _, _ in items}
    assert {"rate at which the scanner tells truth from lies", "accuracy of the new blood test",
            "average sleep time of nurses on night shifts", "typical wait in the emergency room",
            "year by which the city will ban petrol cars"} <= asked, asked
    assert not [why for item in items if (why := broken(*item))]
    vote = [o.value for m, _, opts in items if m.startswith("share of voters") for o in opts]
    voyage = [o.value for m, _, opts in items if m == "length of the voyage" for o in opts]
    assert vote and min(vote) <= 50, vote
    assert voyage and (max(voyage) > 60 or min(voyage) * Decimal("1.5") < 40), voyage


def test_every_base_keeps_the_measure_bounds() -> None:
    """No figure item on any base, the sweep's seeds, breaks one of the three rules."""
    wrong = []
    for path in BASES:
        for seed in seeds_of(path):
            quiz = build_quiz(base_at(path), seed=seed, kinds=["figure-choice"], everything=True)
            wrong += [f"{path.stem} {seed}: {why}" for item in _figure_items(quiz.questions)
                      if (why := broken(*item))]
    assert not wrong, wrong[:5]


def test_red_without_the_chance_floor(monkeypatch: pytest.MonkeyPatch) -> None:
    """Planted bug: no floor at chance, so a two-way test's rate is offered at or below half."""
    monkeypatch.setattr(numbers_module, "chance_floor", lambda value, whole, measure: None)
    assert [why for item in _made_items() if (why := broken(*item)) and "half beside" in why]


def test_red_without_the_typical_duration_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    """Planted bug: typical durations are not recognised, so they spread by a factor of four."""
    monkeypatch.setattr(numbers_module, "is_typical_duration", lambda unit, measure: False)
    assert [why for item in _made_items() if (why := broken(*item)) and "typical" in why]


def test_red_without_the_round_year_step(monkeypatch: pytest.MonkeyPatch) -> None:
    """Planted bug: a decade's year takes any step, so it stands as the one round year."""
    monkeypatch.setattr(amounts_module, "ROUND_YEAR", 10**9)
    assert [why for item in _made_items() if (why := broken(*item)) and "round year" in why]
