"""A class sheet holds as many items as its fact base can give: while it is under its length, no
item that was made and would fit beside the kept ones (no giveaway either way, no event in more
than a third of the orderings, speaker keys spread) is left out."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sheet_check import BASES, always_main_score, amount_key, base_at, made, overused
from sheet_check import sheet as cached_sheet
from sweep import seeds_of

from quizgen.factbase.model import FactBase
from quizgen.factbase.numbers import TIME_UNIT
from quizgen.quiz import fill as fill_module
from quizgen.quiz import leaks as leaks_module
from quizgen.quiz.described import described_alike
from quizgen.quiz.guessed import guessed
from quizgen.quiz.leaks import find_leaks
from quizgen.quiz.passages import numbers_in
from quizgen.quiz.questions import Matching, Ordering, Question, Quiz
from quizgen.quiz.select import CLASS_LENGTH, build_quiz
from quizgen.quiz.sheet_rules import indistinct

# the sweep's seeds of every base (three in make test, all twenty in make fuzz)
SWEEP = [(p, s) for p in BASES for s in seeds_of(p)]


def _made(path: Path, seed: int) -> tuple[Question, ...]:
    """Every item made for a base and seed (unchecked and dropped ones are never made); built
    once per session (sheet_check's cache, shared with test_left_out)."""
    return made(path, seed)


def _fits(item: Question, sheet: Quiz, base: FactBase) -> bool:
    """Whether an item could join a sheet without breaking the sheet's promise."""
    amount = amount_key(item)
    if amount is not None and amount.unit.casefold() == TIME_UNIT:
        return False  # a time of day is trivia, never printed
    if indistinct(item) or described_alike(item, base):
        return False  # two people offered whom the article does not tell apart (test_described)
    if guessed(item, base):
        return False  # common sense answers it (proved in test_guessed)
    if item.kind == "term-meaning" and any(q.kind == item.kind and q.factbase == item.factbase
                                           for q in sheet.questions):
        return False  # a class sheet keeps one term item per article (test_term_ration)
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


def _left_out_that_fit(pairs: list[tuple[Path, int]], *, fresh: bool = False) -> Iterator[str]:
    """For each short sheet, the items left out although they fit (the sheets built afresh
    where a bug is planted, else the session's cached ones)."""
    for path, seed in pairs:
        base = base_at(path)
        sheet = (build_quiz(base, seed=seed, count=CLASS_LENGTH) if fresh
                 else cached_sheet(path, seed))
        if len(sheet.questions) >= CLASS_LENGTH:
            continue
        on = {q.id for q in sheet.questions}
        for item in _made(path, seed):
            if item.id not in on and _fits(item, sheet, base):
                yield (f"{path.stem} seed {seed}: {len(sheet.questions)} items, left out"
                       f" {item.kind} “{item.prompt[:60]}”")


@pytest.mark.sweep
def test_a_short_sheet_leaves_out_no_item_that_fits() -> None:
    """A sheet under its length leaves out no item that was made and fits beside its items."""
    assert not list(_left_out_that_fit(SWEEP))


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
    assert next(_left_out_that_fit(SWEEP, fresh=True), None) is not None


# ---- a figure's value shown by another item -------------------------------------------------


def _telling(value: Decimal, unit: str) -> bool:
    """The test's own reading: a value a reader links to its figure wherever it stands (62,
    51.2, 2022), unlike a small or round one (three, 70) that stands for many things."""
    if unit.casefold() in {"year", "time of day"} or value != value.to_integral_value():
        return True
    return value >= 13 and value % 10 != 0


def _beside_unit(value: Decimal, text: str, unit: str) -> bool:
    """Whether the text shows the value with a word of its unit within three words."""
    unit_stems = {w[:4] for w in re.findall(r"[a-z]+", unit.casefold()) if len(w) > 2}
    unit_stems |= {"%"} if "percent" in unit.casefold() else set()
    tokens = re.findall(r"\d[\d,.]*|[a-z]+|%", text.casefold())
    for i, token in enumerate(tokens):
        if value in numbers_in(token):
            near = tokens[max(0, i - 2) : i] + tokens[i + 1 : i + 4]
            if any(w[:4] in unit_stems or w in unit_stems for w in near):
                return True
    return False


def _six_words(a: str, b: str) -> bool:
    wa, wb = re.findall(r"\w+", a.casefold()), re.findall(r"\w+", b.casefold())
    runs = {tuple(wa[i : i + 6]) for i in range(max(1, len(wa) - 5))}
    return any(tuple(wb[i : i + 6]) in runs for i in range(max(1, len(wb) - 5)))


def _values_shown(sheets: list[tuple[Path, int]], *, fresh: bool = False) -> Iterator[str]:
    """Texts that state a figure item's value on its sheet (sheets built afresh where a bug is
    planted, else the session's cached ones)."""
    for path, seed in sheets:
        quiz = (build_quiz(base_at(path), seed=seed, count=CLASS_LENGTH) if fresh
                else cached_sheet(path, seed))
        for item in quiz.questions:
            amount = amount_key(item)
            if amount is None or amount.unit.casefold() == TIME_UNIT:
                continue
            value = amount.value.normalize()
            for other in quiz.questions:
                if other is item:
                    continue
                for text in (other.prompt, *other.explanation, *_shown_items(other)):
                    if value not in numbers_in(text):
                        continue
                    if (_telling(value, amount.unit) or _beside_unit(value, text, amount.unit)
                            or any(_six_words(text, e) for e in item.explanation)):
                        yield (f"{path.stem} {seed}: “{text[:60]}” states {value} of"
                               f" “{item.prompt[:50]}”")


def _shown_items(question: Question) -> list[str]:
    if isinstance(question, Ordering):
        return [o.text for o in question.items]
    if isinstance(question, Matching):
        return [o.text for o in question.left]
    return []


@pytest.mark.sweep
def test_no_item_states_a_figure_asked_on_its_sheet() -> None:
    """No item shows a figure item's value: a telling number anywhere, a small or round one
    beside its unit or in the figure's own passage."""
    assert not list(_values_shown(SWEEP))


def test_the_value_test_goes_red_when_numbers_are_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    """Planted bug: no number shown is taken to state a figure; the test must find one."""
    monkeypatch.setattr(leaks_module, "states_number", lambda *args, **kwargs: False)
    assert next(_values_shown(SWEEP, fresh=True), None) is not None
