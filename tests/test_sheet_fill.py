"""A class sheet holds as many items as its fact base can give: while it is under its length, no
item that was made and would fit beside the kept ones (no giveaway either way, no event in more
than a third of the orderings, speaker keys spread) is left out."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from conftest import CONTENT
from sheet_check import BASES, SEEDS, always_main_score, amount_key, base_at, overused

from quizgen.factbase.model import FactBase
from quizgen.factbase.numbers import TIME_UNIT
from quizgen.quiz import fill as fill_module
from quizgen.quiz.leaks import find_leaks
from quizgen.quiz.questions import Ordering, Question, Quiz
from quizgen.quiz.select import CLASS_LENGTH, build_quiz

CONTENT_BASES = sorted(CONTENT.glob("*.yaml"))
QUICK = [(p, s) for p in BASES for s in (SEEDS if p in CONTENT_BASES else range(1, 4))]
FULL = [(p, s) for p in BASES for s in SEEDS]


@cache
def _made(path: Path, seed: int) -> tuple[Question, ...]:
    """Every item made for a base and seed (unchecked and dropped ones are never made)."""
    return build_quiz(base_at(path), seed=seed, everything=True).questions


def _fits(item: Question, sheet: Quiz, base: FactBase) -> bool:
    """Whether an item could join a sheet without breaking the sheet's promise."""
    amount = amount_key(item)
    if amount is not None and amount.unit.casefold() == TIME_UNIT:
        return False  # a time of day is trivia, never printed
    alone = Quiz(title=sheet.title, bases=sheet.bases, questions=(item,))
    if find_leaks(alone):
        return False
    for kept in sheet.questions:
        if find_leaks(Quiz(title=sheet.title, bases=sheet.bases, questions=(kept, item))):
            return False
    grown = Quiz(title=sheet.title, bases=sheet.bases, questions=(*sheet.questions, item))
    if overused([q for q in grown.questions if isinstance(q, Ordering)]):
        return False
    score, chance, items = always_main_score(grown, base)
    return not items or score <= chance + 0.10 + 1e-9


def _left_out_that_fit(pairs: list[tuple[Path, int]]) -> Iterator[str]:
    """For each short sheet, the items left out although they fit."""
    for path, seed in pairs:
        base = base_at(path)
        sheet = build_quiz(base, seed=seed, count=CLASS_LENGTH)
        if len(sheet.questions) >= CLASS_LENGTH:
            continue
        on = {q.id for q in sheet.questions}
        for item in _made(path, seed):
            if item.id not in on and _fits(item, sheet, base):
                yield (f"{path.stem} seed {seed}: {len(sheet.questions)} items, left out"
                       f" {item.kind} “{item.prompt[:60]}”")


@pytest.mark.parametrize("pairs", [pytest.param(QUICK, id="default"),
                                   pytest.param(FULL, id="full", marks=pytest.mark.fuzz)])
def test_a_short_sheet_leaves_out_no_item_that_fits(pairs: list[tuple[Path, int]]) -> None:
    """A sheet under its length leaves out no item that was made and fits beside its items."""
    assert not list(_left_out_that_fit(pairs))


def test_the_fill_test_goes_red_when_the_fill_stops_early(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Planted bug: the top-up stops at the first item that does not fit; the test must find
    a short sheet with an item left out that fits."""

    def stops_early(sheet: list[Question], pool: list[Question], *, fit: fill_module.Fit,
                    length: int) -> None:
        for question in pool:
            if len(sheet) >= length or question in sheet:
                continue
            if not fit.joins(question, sheet):
                return
            sheet.append(question)

    monkeypatch.setattr(fill_module, "_top_up", stops_early)
    assert list(_left_out_that_fit(QUICK))
