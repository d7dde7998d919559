"""The web quiz in a real headless Chromium: answering every kind by mouse and keyboard, scores."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import (
    QuizPage,
    answer_by_keyboard,
    answer_by_mouse,
    order_by_drag,
)
from html_support import newsroom_quiz, points, with_test_matchings
from test_injection import PIECES, hostile_yaml

from quizgen.factbase.loader import load_text
from quizgen.quiz.questions import Matching, Ordering, Quiz
from quizgen.quiz.select import build_quiz


@pytest.fixture()
def quiz() -> Quiz:
    """The newsroom quiz, then a matching whose four quotes have four speakers and one (last)
    whose four quotes share two speakers."""
    return with_test_matchings(newsroom_quiz())


@pytest.fixture()
def opened(browser: Any, quiz: Quiz, tmp_path: Path) -> Iterator[QuizPage]:
    """The quiz open at phone width."""
    page = QuizPage(browser, quiz, tmp_path)
    yield page
    page.close()


def _finish(page: QuizPage, correct: list[bool], *, keyboard: bool = False) -> str:
    answer = answer_by_keyboard if keyboard else answer_by_mouse
    for index, right in enumerate(correct):
        answer(page, index, correct=right)
    assert page.errors == []
    return page.score()


def test_every_answer_right_gives_the_full_score(opened: QuizPage, quiz: Quiz) -> None:
    """Answering every item correctly scores every point and shows each explanation."""
    total = sum(points(q) for q in quiz.questions)
    assert _finish(opened, [True] * len(quiz.questions)) == f"{total} / {total}"
    for index, question in enumerate(quiz.questions):
        section = opened.section(index)
        assert section.locator(".feedback").inner_text().startswith("✓ Correct")
        assert section.locator(".reveal").is_visible()
        for excerpt in question.explanation:
            assert excerpt in section.locator(".reveal").inner_text()
    assert opened.page.locator("#result").is_visible()


def test_every_answer_wrong_scores_nothing(opened: QuizPage, quiz: Quiz) -> None:
    """Answering every item incorrectly scores 0, and each question shows its right answer."""
    total = sum(points(q) for q in quiz.questions)
    assert _finish(opened, [False] * len(quiz.questions)) == f"0 / {total}"
    for index in range(len(quiz.questions)):
        assert opened.section(index).locator(".feedback").inner_text().startswith("✗")
        assert opened.section(index).locator(".answer").is_visible()


def test_mixed_answers_score_the_right_ones(opened: QuizPage, quiz: Quiz) -> None:
    """Right and wrong answers alternating score exactly the points of the right ones."""
    correct = [index % 2 == 0 for index in range(len(quiz.questions))]
    expected = sum(points(q) for q, right in zip(quiz.questions, correct, strict=True) if right)
    total = sum(points(q) for q in quiz.questions)
    assert _finish(opened, correct) == f"{expected} / {total}"


def test_keyboard_alone_answers_every_kind(opened: QuizPage, quiz: Quiz) -> None:
    """Tab, arrows, Space and Enter answer choices, menus and orderings, to the full score."""
    total = sum(points(q) for q in quiz.questions)
    assert _finish(opened, [True] * len(quiz.questions), keyboard=True) == f"{total} / {total}"


def test_keyboard_wrong_answers_score_nothing(opened: QuizPage, quiz: Quiz) -> None:
    """Wrong answers given by keyboard score 0: the keys really chose what they were meant to."""
    total = sum(points(q) for q in quiz.questions)
    assert _finish(opened, [False] * len(quiz.questions), keyboard=True) == f"0 / {total}"


def test_shared_speaker_can_be_chosen_for_several_quotes(opened: QuizPage, quiz: Quiz) -> None:
    """In a matching with fewer speakers than quotes, choosing one speaker twice scores both."""
    last = len(quiz.questions) - 1
    question = quiz.questions[last]
    assert isinstance(question, Matching) and len(question.right) < len(question.left)
    answer_by_mouse(opened, last, correct=True)
    feedback = opened.section(last).locator(".feedback").inner_text()
    assert feedback.startswith("✓ Correct") and "2 of 2 points" in feedback


def test_try_again_clears_every_answer(opened: QuizPage, quiz: Quiz) -> None:
    """After the score, "Try again" resets progress and the questions can be answered afresh."""
    _finish(opened, [True] * len(quiz.questions))
    opened.page.locator("#again").click()
    assert opened.page.locator("#progress").inner_text().startswith(
        f"0 of {len(quiz.questions)} answered")
    assert not opened.page.locator("#result").is_visible()
    assert opened.page.locator("section.question .reveal:visible").count() == 0
    total = sum(points(q) for q in quiz.questions)
    assert _finish(opened, [False] * len(quiz.questions)) == f"0 / {total}"


def test_works_offline_without_requests(opened: QuizPage) -> None:
    """Opening the quiz requests nothing but the file itself."""
    assert opened.requests == [opened.path.as_uri()]


def test_hostile_text_shows_literally_and_runs_nothing(browser: Any, tmp_path: Path) -> None:
    """Markup and script in every fact-base field show as text; no dialog opens; scoring works."""
    hostile = build_quiz([load_text(hostile_yaml(), filename="injection.yaml")], seed=1,
                         per_kind=2)
    page = QuizPage(browser, hostile, tmp_path)
    try:
        text = page.page.locator("body").inner_text()
        for piece in PIECES:
            assert piece in text, piece
        assert page.page.locator("img, b:not(.answers b)").count() == 0
        total = sum(points(q) for q in hostile.questions)
        assert _finish(page, [True] * len(hostile.questions)) == f"{total} / {total}"
        assert page.dialogs == []
    finally:
        page.close()


@pytest.mark.parametrize("width", [390, 1280], ids=["phone", "desktop"])
def test_layout_fits_the_screen_with_large_tap_targets(
    browser: Any, quiz: Quiz, tmp_path: Path, width: int
) -> None:
    """No sideways scrolling at phone or desktop width; every control is at least 44px tall."""
    page = QuizPage(browser, quiz, tmp_path, width=width)
    try:
        for index in range(len(quiz.questions)):
            answer_by_mouse(page, index, correct=index % 3 != 0)
        overflow = page.page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0
        heights = page.page.evaluate(
            "[...document.querySelectorAll('label.choice, select, button')]"
            ".filter(e => e.offsetParent !== null).map(e => e.getBoundingClientRect().height)")
        assert heights and min(heights) >= 44
        if os.environ.get("QUIZGEN_SCREENSHOTS"):  # for a person to look at; nothing checks it
            folder = Path(os.environ["QUIZGEN_SCREENSHOTS"])
            folder.mkdir(parents=True, exist_ok=True)
            page.page.screenshot(path=str(folder / f"html-quiz-{width}.png"), full_page=True)
    finally:
        page.close()


def test_dragging_puts_events_in_order(opened: QuizPage, quiz: Quiz) -> None:
    """Dragging each event by its grip to its place gives the correct order and its point."""
    orderings = [i for i, q in enumerate(quiz.questions) if isinstance(q, Ordering)]
    assert orderings
    for index in orderings:
        question = quiz.questions[index]
        assert isinstance(question, Ordering)
        opened.section(index).scroll_into_view_if_needed()
        order_by_drag(opened, index, [question.items[i].text for i in question.answer])
        opened.section(index).locator("button.check").click()
        assert opened.section(index).locator(".feedback").inner_text().startswith("✓ Correct")
    assert opened.errors == []


def test_a_matching_with_one_swap_earns_the_partial_mark(opened: QuizPage, quiz: Quiz) -> None:
    """Two pairs of a matching swapped (two wrong) earn 1 of its 2 points, as the sheet says."""
    index = next(i for i, q in enumerate(quiz.questions)
                 if isinstance(q, Matching) and len(set(dict(q.answer).values())) >= 3)
    question = quiz.questions[index]
    assert isinstance(question, Matching)
    rights = [right for _, right in sorted(question.answer)]
    rights[0], rights[1] = rights[1], rights[0]
    section = opened.section(index)
    for left, right in enumerate(rights):
        section.locator("select").nth(left).select_option(
            label=f"{chr(ord('A') + right)}. {question.right[right].text}")
    section.locator("button.check").click()
    feedback = section.locator(".feedback").inner_text()
    assert feedback.startswith("◐ Partly right") and "1 of 2 points" in feedback
