"""Explaining the items left off a sheet compares each only with the sheet's items (counted)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from quizgen.factbase.loader import load_text
from quizgen.quiz import select, verdicts
from quizgen.quiz.questions import Question, Skip
from quizgen.quiz.select import CLASS_LENGTH, build_quiz


def _pair_checks(monkeypatch: pytest.MonkeyPatch, facts: int) -> tuple[int, int, int]:
    """(items made but left off, sheet length, leak checks of a pair left_out asked) for a
    synthetic base of about `facts` facts."""
    from benchmarks.synth import synth_factbase_text

    base = load_text(synth_factbase_text(facts, seed=1)[0], filename=f"synth-{facts}.yaml")
    counts = {"checks": 0, "explaining": 0, "off": 0, "sheet": 0}
    real_check, real_left_out = verdicts.gives_away, select.left_out

    def check(*args, **kwargs):  # type: ignore[no-untyped-def]  # a spy
        counts["checks"] += counts["explaining"]
        return real_check(*args, **kwargs)

    def explaining(sheet: Sequence[Question], made: Sequence[Question], *args,  # type: ignore[no-untyped-def]  # a spy
                   **kwargs) -> list[Skip]:
        counts["explaining"] = 1
        on = {q.id for q in sheet}
        counts["off"], counts["sheet"] = sum(q.id not in on for q in made), len(sheet)
        try:
            return real_left_out(sheet, made, *args, **kwargs)
        finally:
            counts["explaining"] = 0

    monkeypatch.setattr(verdicts, "gives_away", check)
    monkeypatch.setattr(select, "left_out", explaining)
    build_quiz(base, seed=1, count=CLASS_LENGTH)
    monkeypatch.undo()
    return counts["off"], counts["sheet"], counts["checks"]


def test_left_out_checks_pairs_linear_in_the_items_made(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each item left off is checked against the sheet's items only, both ways: at most twice
    the sheet's length a item (29 at 300 facts, 34 at 1,500), so five times the base makes about
    five times the checks, never a check of every item against every other."""
    small_off, small_sheet, small = _pair_checks(monkeypatch, 300)
    large_off, large_sheet, large = _pair_checks(monkeypatch, 1_500)
    assert small > 0 and large_off >= 4 * small_off  # the count is of real work
    assert small <= 2 * small_sheet * small_off
    assert large <= 2 * large_sheet * large_off
    assert large <= 1.5 * small * large_off / small_off, (small, large)



def test_left_out_keeps_no_profile_of_an_item_it_has_explained() -> None:
    """Once left_out has told why an item stayed off, the leak checks hold nothing of it (its
    profile, marks, ties): only the sheet's items stay, however many items the base made."""
    from benchmarks.synth import synth_factbase_text
    from quizgen.quiz import leaks, profile, ties

    base = load_text(synth_factbase_text(300, seed=1)[0], filename="synth-300.yaml")
    leaks.forget()
    quiz = build_quiz(base, seed=1, count=CLASS_LENGTH)
    on = {id(q) for q in quiz.questions}
    kept = [entry[1] for entry in profile._PROFILES.values()]
    kept += [entry[0] for entry in leaks._MARKS.values()]
    kept += [entry[0] for entry in ties._TIES.values()]
    assert kept and all(id(q) in on for q in kept), len(kept)  # the sheet's are read again
    leaks.forget()
