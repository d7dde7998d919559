"""Every option a student reads is the one right answer or false by the facts: checked over every
fact base in content/ and tests/corpus/*/, seeds 1–20, with rules worked out here."""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import CONTENT, ROOT

from quizgen.factbase.loader import load_factbase
from quizgen.factbase.model import FactBase
from quizgen.generators import GENERATORS, figure_choice
from quizgen.generators.amounts import numeric_options
from quizgen.generators.base import GenOptions
from quizgen.quiz.questions import Amount, FigureGiven, FigureValue, MultipleChoice, Question

# every hand-written base: content/ and the real articles of tests/corpus (dev and held-out)
BASES = sorted(CONTENT.glob("*.yaml")) + sorted((ROOT / "tests" / "corpus").glob("*/*.yaml"))
SEEDS = range(1, 21)
WIDE = Decimal("0.2")  # "about 40,000" is at most a fifth off; years 2, times of day 30 minutes


def made(path: Path, kind: str) -> Iterator[tuple[FactBase, Question]]:
    """Every question of one kind made from the base, for seeds 1–20."""
    base = load_factbase(path)
    for seed in SEEDS:
        for question in GENERATORS[kind](base, seed=seed, options=GenOptions()).questions:
            yield base, question


# ---- figures: a statement about the world is false when no value the facts allow makes it true --


def _reach(value: Decimal, unit: str) -> Decimal:
    if unit == "year":
        return Decimal(2)
    if unit == "time of day":
        return Decimal(30)
    return abs(value) * WIDE


def holds(
    qualifier: str, value: Decimal, to: Decimal | None, unit: str, half: Decimal
) -> Callable[[Decimal], bool]:
    """What a statement says of a world value w, word by word: '51.2%' holds of 51.15 to 51.25,
    'more than 1,000' of anything above, 'about 40,000' of 32,000 to 48,000 (read widely)."""
    top = value if to is None else to
    low = value - half - _reach(value, unit)
    rules: dict[str, Callable[[Decimal], bool]] = {
        "exact": lambda w: value - half <= w <= top + half,
        "about": lambda w: low <= w <= top + half + _reach(top, unit),
        "nearly": lambda w: low <= w <= value + half,
        "more than": lambda w: w > value,
        "at least": lambda w: w >= value,
        "fewer than": lambda w: w < value,
        "at most": lambda w: w <= value,
        "up to": lambda w: w <= value,
    }
    return rules[qualifier]


def _probes(*numbers: Decimal) -> list[Decimal]:
    """World values to try: every number mentioned, just beside it, and between any two."""
    tiny = Decimal("0.000001")
    found = set()
    for n in numbers:
        found |= {n, n - tiny, n + tiny}
    ordered = sorted(found)
    found |= {(a + b) / 2 for a, b in itertools.pairwise(ordered)}
    return sorted(found)


def false_by(figures: list[tuple[str, Decimal, Decimal | None, str]], option: Amount) -> bool:
    """Whether no world value allowed by any of the figures makes the option true."""
    half = Decimal(5).scaleb(-option.decimals - 1)
    says = holds(option.qualifier, option.value, option.to, option.unit, half)
    marks = [option.value, option.value - half, option.value + half]
    if option.to is not None:
        marks += [option.to - half, option.to + half]
    for _, value, to, unit in figures:
        top = value if to is None else to
        spread = _reach(value, unit) + _reach(top, unit)
        marks += [value, top, value - spread, top + spread, value - 2 * spread, top + 2 * spread]
    for qualifier, value, to, unit in figures:
        if unit != option.unit:
            return False
        allows = holds(qualifier, value, to, unit, Decimal(0))
        if any(allows(w) and says(w) for w in _probes(*marks)):
            return False
    return True


@pytest.mark.parametrize("path", BASES, ids=[p.stem for p in BASES])
def test_every_wrong_figure_option_is_false_as_a_student_reads_it(path: Path) -> None:
    """Each wrong numeric option is false by the figures the question asks about, read as a
    statement about the world ('more than 400 arrests' is true of 'over 1,000': never offered)."""
    assert_figure_options_false(path)


def test_the_figure_rule_goes_red_on_options_merely_other_than_the_figure_given(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With the generator offering 'more than 400 … more than 1,000' again (the options around
    the figure in its own words), the rule fails on content/."""
    old_way = make_old_way()
    monkeypatch.setattr(figure_choice, "false_options", old_way)
    failures = 0
    for path in BASES:
        try:
            assert_figure_options_false(path)
        except AssertionError:
            failures += 1
    assert failures, "the planted bug went unseen"


def make_old_way() -> Callable[..., object]:
    """The generator's former choice for a loose figure: round steps in the figure's own words."""

    def old_way(correct: Amount, *, stated: object, rng: random.Random, count: int,
                pool: list[Decimal], taken: list[tuple[Decimal, int]]) -> object:
        del stated
        width = None if correct.to is None else correct.to - correct.value
        return numeric_options(correct, rng=rng, count=count, pool=pool, taken=taken, width=width)

    return old_way


def assert_figure_options_false(path: Path) -> None:
    """The figure rule on one base, seeds 1–20."""
    checked = 0
    for base, question in made(path, "figure-choice"):
        if not isinstance(question, MultipleChoice):
            continue
        ask = question.ask
        if not isinstance(ask, FigureValue | FigureGiven):
            continue
        figures = [
            (f.qualifier, f.value, f.to, f.unit) for f in base.figures
            if " ".join(f.measure.split()).casefold() == " ".join(ask.measure.split()).casefold()
            and f.subject == ask.subject and f.value.is_finite()
            and (ask.given_by is None or set(f.given_by) == set(ask.given_by))
        ]  # fmt: skip
        for i, option in enumerate(question.options):
            assert isinstance(option.claim, Amount)
            if i != question.answer:
                checked += 1
                assert false_by(figures, option.claim), (
                    f"{option.text!r} is not false by {figures} in {question.prompt!r}: "
                    f"{[o.text for o in question.options]}"
                )
    assert checked or not load_factbase(path).figures, "no number item was checked"
