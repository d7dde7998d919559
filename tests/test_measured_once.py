"""One quantity asked once per sheet: no two items of a sheet ask figures of one measure of one
thing (a death toll according to NGOs, to the article and to a leader), each rule written again
here from the items' own words, not from quizgen.quiz's code."""

from __future__ import annotations

from collections import Counter

import pytest
from factbases import figure, make_base, org, person, talk
from sheet_check import BASES, base_at
from test_sheets import SWEEPS, Sweep

from quizgen.factbase.model import FactBase
from quizgen.quiz.questions import FigureGiven, FigureStatement, FigureValue, MultipleChoice, Quiz
from quizgen.quiz.select import CLASS_LENGTH, build_quiz

pytestmark = pytest.mark.sweep  # every seed of every base under `make fuzz` (sweep.py)

Measure = tuple[str, str | None]


def _measures(quiz: Quiz) -> Counter[Measure]:
    """How many items of the sheet ask each measure of each thing, read from what each item
    asks (the measure as words, folded, and whom it is of), whoever gives the figure."""
    found: Counter[Measure] = Counter()
    for item in quiz.questions:
        if isinstance(item, MultipleChoice) and isinstance(
                item.ask, FigureValue | FigureGiven | FigureStatement):
            found[" ".join(item.ask.measure.casefold().split()), item.ask.subject] += 1
    return found


@pytest.mark.parametrize("sweep", SWEEPS)
def test_no_sheet_asks_one_measure_twice(sweep: Sweep) -> None:
    """No sheet has two items asking one measure of one thing, whoever gives each (one
    toll asked by three sources: the leader's higher count is the option above the others)."""
    for label, _, quiz in sweep():
        twice = {m: n for m, n in _measures(quiz).items() if n > 1}
        assert not twice, (label, twice)


def _given_thrice(base: FactBase) -> bool:
    """Whether a base gives one measure of one thing three times or more (by other sources)."""
    counts = Counter((" ".join(f.measure.casefold().split()), f.subject) for f in base.figures
                     if f.sense == "literal")
    return max(counts.values(), default=0) >= 3


def test_the_sweep_holds_a_measure_given_by_several_sources() -> None:
    """The bases swept give a measure by three sources at least twice over (the rule above is
    tried, not vacuous)."""
    assert sum(_given_thrice(base_at(path)) for path in BASES) >= 2


def _tolls() -> FactBase:
    """A small base: one death toll given by three sources, and six other counts."""
    cast = (org("ngos", "NGOs"), person("leader", "Ana Leader"), org("article", "the article"),
            person("mayor", "Bo Mayor"))
    tolls = (figure("ngo-toll", "death toll of the unrest", "11", "deaths", "ngos"),
             figure("press-toll", "death toll of the unrest", "12", "deaths", "article"),
             figure("leader-toll", "death toll of the unrest", "16", "deaths", "leader"))
    others = tuple(figure(f"count-{i}", f"number of {thing}", str(value), thing, "article")
                   for i, (thing, value) in enumerate(
                       (("arrests", 240), ("injuries", 77), ("marches", 9), ("buses", 35),
                        ("schools closed", 18), ("roads closed", 12))))
    return make_base(*cast, *talk("ngos", "leader", "mayor"), *tolls, *others)


@pytest.mark.parametrize("seed", range(1, 11))
def test_a_toll_given_by_three_sources_is_asked_once(seed: int) -> None:
    """Of three figures of one toll, a sheet asks one, and the other counts still fill it."""
    quiz = build_quiz(_tolls(), seed=seed, count=CLASS_LENGTH)
    measures = _measures(quiz)
    assert measures["death toll of the unrest", None] == 1, measures
    assert sum(measures.values()) == 7, measures
