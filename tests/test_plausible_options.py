"""Wrong figures stay plausible, so that common sense alone rules none out: percentages within
0-100, years within ten of the answer (fifteen of a year ending a decade) and never one
apart, ages within a quarter of the answer either way (at most 100: no working bus driver of
81 beside 61), and the members of one side of a game never more than one above the answer
(no "16 players" finishing a match that one finished with 10). Rules written again here,
over every fact base in content/ and tests/corpus/, the sweep's seeds, and on made-up bases."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from factbases import figure, make_base, org, run
from sheet_check import BASES, SEEDS, base_at
from sweep import seeds_of

from quizgen.factbase import numbers as numbers_module
from quizgen.factbase.model import FactBase
from quizgen.quiz.questions import Amount, FigureGiven, FigureValue, MultipleChoice, Question
from quizgen.quiz.select import build_quiz

pytestmark = pytest.mark.sweep  # every seed of every base under `make fuzz` (sweep.py)

SIDE_WORDS = {"team", "side", "squad", "match", "game", "crew", "race", "pitch"}


def side_count(unit: str, measure: str, value: Decimal) -> bool:
    """The test's own reading: players counted, or people, riders or members of a named side."""
    unit_words = re.findall(r"[a-z]+", unit.casefold())
    last = unit_words[-1] if unit_words else ""
    of_side = bool(set(re.findall(r"[a-z]+", measure.casefold())) & SIDE_WORDS)
    return value <= 30 and (last in {"player", "players"}
                            or (of_side and last in {"people", "members", "riders", "rowers"}))


def implausible(question: Question) -> str | None:
    """Why a figure item's options are not all plausible beside its key, or None."""
    if not isinstance(question, MultipleChoice) or not isinstance(
        question.ask, FigureValue | FigureGiven
    ):
        return None
    key = question.options[question.answer].claim
    if not isinstance(key, Amount):
        return None
    values = [o.claim.value for o in question.options if isinstance(o.claim, Amount)]
    unit = key.unit.casefold().strip()
    measure_words = set(re.findall(r"[a-z]+", question.ask.measure.casefold()))
    if unit in {"percent", "per cent", "%"} and 0 <= key.value <= 100:
        bad = [v for v in values if not 0 <= v <= 100]
    elif unit == "year":
        span = 15 if key.value % 10 == 0 else 10  # a decade's year beside years five apart
        bad = [v for v in values if abs(v - key.value) > span or abs(v - key.value) == 1]
    elif measure_words & {"age", "ages", "expectancy"} and key.value > 0:
        top = max(key.value, min(key.value * Decimal("1.25"), Decimal(100)))
        bad = [v for v in values if not key.value * Decimal("0.8") <= v <= top]
    elif side_count(key.unit, question.ask.measure, key.value):
        bad = [v for v in values if not key.value / 2 <= v <= key.value + 1]
    else:
        return None
    return f"{bad} beside {key.value} {key.unit} ({question.ask.measure})" if bad else None


def _made(paths: list[Path]) -> Iterator[tuple[str, FactBase, Question]]:
    for path in paths:
        for seed in seeds_of(path):
            quiz = build_quiz(base_at(path), seed=seed, kinds=["figure-choice"], everything=True)
            for question in quiz.questions:
                yield f"{path.stem} {seed}", base_at(path), question


def _players_base() -> FactBase:
    """Made-up figures of sides: players finishing a match, a crew, a team's riders."""
    return make_base(
        org("rovers", "the Rovers"),
        figure("finished", "number of players the Rovers finished the match with", "10",
               "players", "rovers"),
        figure("crew", "number of people in the crew of the winning boat", "8", "people",
               "rovers"),
        figure("riders", "number of riders in the team at the start of the race", "7", "riders",
               "rovers"),
        figure("fans", "number of people at the match", "20000", "people", "rovers"),
    )


def _side_items() -> list[Question]:
    return [q for seed in SEEDS for q in run("figure-choice", _players_base(), seed).questions]


def test_every_figure_option_is_plausible() -> None:
    """No figure item on any base, the sweep's seeds, offers a value common sense rules out."""
    wrong = [f"{label}: {why}" for label, _, q in _made(BASES) if (why := implausible(q))]
    assert not wrong, wrong[:5]


def test_a_sides_count_is_never_offered_far_above() -> None:
    """Players, a crew and riders of a named side get nothing above one more than the answer;
    a crowd at the match is no side and keeps its usual spread."""
    items = _side_items()
    asked = {q.ask.measure for q in items if isinstance(q, MultipleChoice)
             and isinstance(q.ask, FigureValue | FigureGiven)}
    assert len(asked) >= 3, asked
    assert not [why for q in items if (why := implausible(q))]
    crowd = [q for q in items if isinstance(q, MultipleChoice) and "at the match" in q.prompt]
    assert crowd and any(isinstance(o.claim, Amount) and o.claim.value > 20001
                         for q in crowd for o in q.options)


def test_the_plausibility_test_goes_red_without_the_side_bound(
    monkeypatch: pytest.MonkeyPatch,
) -> None:

    """Planted bug: sides are not recognised, so their counts spread by a factor of four."""
    monkeypatch.setattr(numbers_module, "is_side_count", lambda value, unit, measure: False)
    assert [why for q in _side_items() if (why := implausible(q))]
    # no real base asks a side's count any more: harbour's "finished the match with 10
    # players", the one there was, is left out as one step from eleven (test_hung_spans)
