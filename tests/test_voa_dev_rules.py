"""Poor items of the review's voa-dev set (issue 18), each rule written again from what a student
reads, on made-up bases: two moments of one running clock on one sheet (the later bounds the
earlier's options)."""

from __future__ import annotations

from factbases import figure, make_base, org

from quizgen.quiz.asked import asked as facts_asked
from quizgen.quiz.figure_sheet import one_clock
from quizgen.quiz.select import CLASS_LENGTH, build_quiz

GLIDER = (
    org("crew", "the ground crew"),
    figure("climb-ends", "time after which the glider stopped climbing", "14", "seconds", "crew"),
    figure("landed", "time by which the glider was back on the ground", "41", "seconds", "crew"),
    figure("wings", "number of panels on the glider's wings", "12", "panels", "crew"),
    figure("height", "height the glider reached", "65", "meters", "crew"),
    figure("mass", "mass of the glider", "430", "grams", "crew"),
    figure("tests", "number of test flights before the record", "23", "flights", "crew"),
)


def test_two_moments_of_one_clock_never_share_a_sheet() -> None:
    """A glider's climb ending "after 14 seconds" and its landing "by 41 seconds" are never
    asked on one sheet (a landing by 41 seconds rules out a climb ending after 45), though each
    is asked on some sheet."""
    base = make_base(*GLIDER, base_id="glider", title="A glider's short flight")
    seen: set[str] = set()
    for seed in range(1, 13):
        quiz = build_quiz(base, seed=seed, count=CLASS_LENGTH)
        asked = set().union(*(facts_asked(q, base) for q in quiz.questions))
        assert not {"climb-ends", "landed"} <= asked, (seed, asked)
        seen |= asked
    assert {"climb-ends", "landed"} <= seen


def test_a_clock_is_a_moment_in_one_unit() -> None:
    """Moments of one clock cross; a span ("time the glider flew") or a moment in another unit
    does not."""
    climb, landed = GLIDER[1], GLIDER[2]
    assert one_clock([climb], [landed]) is not None
    assert one_clock([landed], [climb]) is not None
    span = figure("flew", "time the glider flew", "41", "seconds", "crew")
    minutes = figure("towed", "time by which the glider was towed back", "9", "minutes", "crew")
    assert one_clock([climb], [span]) is None
    assert one_clock([climb], [minutes]) is None
    assert one_clock([climb], [climb]) is None
