"""The marks that spare reading a pair never change a verdict (issue 22): an item whose needs
the other's carries do not meet is given away by it in no rule (every rule read), and Fit.clear
only proves pairs that Fit.pair lets stand."""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from conftest import loaded

from quizgen.generators import get_generator
from quizgen.generators.base import GenOptions
from quizgen.generators.speakers import main_speaker
from quizgen.quiz import verdicts
from quizgen.quiz.fill import Fit
from quizgen.quiz.leaks import forget, marks, piled, read_in_full
from quizgen.quiz.questions import Question
from quizgen.quiz.request import wanted_kinds
from quizgen.quiz.spread import SheetSpread, favour, speaker_items

ROOT = Path(__file__).resolve().parent.parent
BASES = [*sorted((ROOT / "content").glob("*.yaml")),
         *sorted((ROOT / "tests" / "corpus").glob("*/*.yaml"))]


@cache
def _made(path: Path, seed: int) -> tuple[Question, ...]:
    """Every kind's items of one base (conftest's shared load) at one seed, made once per test
    process: three tests read seed 0's, and the questions are frozen and only read."""
    made: list[Question] = []
    for kind in wanted_kinds(None):
        made += get_generator(kind)(loaded(path), seed=seed, options=GenOptions()).questions
    return tuple(made)


def _items(path: Path, seed: int) -> list[Question]:
    """The items of the base at `path` at `seed`, as a fresh list."""
    return list(_made(path, seed))


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_unmet_needs_mean_no_giveaway(seed: int) -> None:
    """For every ordered pair of items made of every bundled and corpus base, an item whose
    needs the other item's carries do not meet is not given away by it (gives_away is None),
    and the marks spare more pairs than they leave to read (not vacuous: giveaways are found)."""
    spared = read = found = 0
    for path in BASES:
        base = loaded(path)
        items = _items(path, seed)
        for a in items:
            needs, _ = marks(a, base)
            for b in items:
                if needs.met(marks(b, base)[1]):
                    read += 1
                    found += read_in_full(a, b, base) is not None
                else:
                    spared += 1
                    assert read_in_full(a, b, base) is None, (path.name, a.id, b.id)
        forget()
    assert found > 100
    assert spared > read


def test_clear_pairs_are_pairs_that_fit(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every pair of items (made of every bundled and corpus base) that Fit.clear proves fits
    is one Fit.pair lets stand (every rule read), and Fit.clear proves over a quarter of them."""
    monkeypatch.setattr(verdicts, "gives_away", read_in_full)
    proved = total = 0
    for path in BASES:
        base = loaded(path)
        items = _items(path, 0)
        fit = Fit([base], title="")
        for i, a in enumerate(items):
            for b in items[i + 1:]:
                total += 1
                if fit.clear(a, b):
                    proved += 1
                    assert fit.pair(a, b), (path.name, a.id, b.id)
        forget()
    assert proved > total // 4


def test_sheet_spread_says_what_spreads_say() -> None:
    """For sheets cut from the items made of every bundled and corpus base (the first ones,
    the speaker items, those favouring the main speaker), SheetSpread.piled of each item made
    is whether leaks.piled finds a main speaker piled on the sheet with the item added; both
    answers occur."""
    seen: Counter[bool] = Counter()
    for path in BASES:
        base = loaded(path)
        items = _items(path, 0)
        main = main_speaker(base) or ""
        favoured = [q for q in items if favour(q, main) > 0]
        for sheet in (items[:12], speaker_items(items)[:6], favoured[:3], favoured[:8]):
            spread = SheetSpread(sheet, [base])
            for question in items:
                said = spread.piled(question)
                assert said == bool(piled([*sheet, question], [base])), (path.name, question.id)
                seen[said] += 1
        forget()
    assert seen[True] > 0 and seen[False] > 0
