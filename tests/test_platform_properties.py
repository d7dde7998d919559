"""Property tests: any fact base and any text give platform files their parsers accept as is.

The planted faults in test_platforms.py (an unescaped brace, a wrong ident, an over-long Kahoot
answer, a split quote not checked by the oracle) are these properties' bugs, planted once.
"""

from __future__ import annotations

import re

from hypothesis import assume, given, settings
from hypothesis import strategies as st
from platform_check import (
    blooket_table,
    gift_problems,
    gift_records,
    kahoot_table,
    moodle_problems,
    moodle_records,
    need_frictionless,
    need_gift,
    need_qti,
    qti_problems,
    qti_records,
    quizlet_table,
)
from platform_quizzes import one_file, shapes_quiz
from strategies import fact_bases, load_profiles, seeds
from test_platforms import _check_game

from quizgen.quiz.questions import Quiz
from quizgen.quiz.select import build_quiz

load_profiles()

# Text as platforms show it: control characters and whitespace runs become one space.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ufffe\uffff]")
texts = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=40).filter(
    lambda t: bool(_CONTROL.sub(" ", t).split()))


def shown(text: str) -> str:
    """What a platform shows of a text: one line, single spaces, no control characters."""
    return " ".join(_CONTROL.sub(" ", text).split())


def _all_problems(quiz: Quiz) -> dict[str, list[str]]:
    return {
        "gift": gift_problems(one_file(quiz, "gift").decode("utf-8")),
        "moodle": moodle_problems(one_file(quiz, "moodle")),
        "qti": qti_problems(one_file(quiz, "qti")),
        "kahoot": kahoot_table(one_file(quiz, "kahoot"))[0],
        "blooket": blooket_table(one_file(quiz, "blooket"))[0],
        "quizlet": quizlet_table(one_file(quiz, "quizlet"))[0],
    }


@settings(max_examples=15)
@given(base=fact_bases(), seed=seeds)
def test_any_factbase_exports_valid_files_carrying_its_questions(base: object, seed: int) -> None:
    """Every platform file of a random fact base's quiz passes its validator, and the quiz games
    ask each of its questions with the right answer only."""
    need_gift()
    need_qti()
    need_frictionless()
    quiz = build_quiz(base, seed=seed)  # type: ignore[arg-type]  # fact_bases() draws FactBase
    assume(quiz.questions)  # no platform imports an empty quiz
    assert _all_problems(quiz) == {fmt: [] for fmt in
                                   ("gift", "moodle", "qti", "kahoot", "blooket", "quizlet")}
    for fmt in ("kahoot", "blooket", "quizlet"):
        _check_game(fmt, quiz)


@settings(max_examples=15)
@given(text=texts)
def test_any_text_stays_text_in_gift_moodle_and_qti(text: str) -> None:
    """Whatever characters a fact base holds, each parser reads back exactly the text shown."""
    need_gift()
    need_qti()
    quiz = shapes_quiz(text)
    assert _all_problems(quiz) == {fmt: [] for fmt in
                                   ("gift", "moodle", "qti", "kahoot", "blooket", "quizlet")}
    gift = gift_records(one_file(quiz, "gift").decode("utf-8"))
    moodle = moodle_records(one_file(quiz, "moodle"))
    qti = qti_records(one_file(quiz, "qti"))
    want = shown(f"What does {text} mean?")
    assert gift[0]["prompt"] == moodle[0]["prompt"] == qti[0]["prompt"] == want
    speaker = shown(f"Alpha {text}")  # the right column of a matching
    assert gift[2]["pairs"][1][1] == moodle[2]["pairs"][1][1] == qti[2]["pairs"][1][1] == speaker
    assert ("", shown(f"Gamma {text}")) in gift[2]["pairs"]  # the distractor
