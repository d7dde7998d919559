"""Driving the web quiz in the system headless Chromium (Playwright; never a downloaded browser)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from quizgen.quiz.questions import Matching, MultipleChoice, Ordering, Question, Quiz
from quizgen.renderers.html_quiz import render_text

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
# Select the article's characters [s, e) as a mouse drag does: the studio's review page
SELECT_RANGE = """([s, e]) => {
  const a = document.getElementById('article');
  const w = document.createTreeWalker(a, NodeFilter.SHOW_TEXT);
  let n, at = 0, started = false; const r = document.createRange();
  while ((n = w.nextNode())) {
    const len = n.data.length;
    if (!started && s <= at + len) { r.setStart(n, s - at); started = true; }
    if (e <= at + len) { r.setEnd(n, e - at); break; }
    at += len;
  }
  a.focus({preventScroll: true});  // a drag in the article gives it the focus
  const sel = getSelection(); sel.removeAllRanges(); sel.addRange(r);
  a.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
}"""


def select_words(page: Any, words: str) -> None:
    """Select the first run of `words` in the studio's article, as a mouse drag does."""
    article = page.locator("#article").text_content()
    start = article.index(words)
    page.evaluate(SELECT_RANGE, [start, start + len(words)])


SETUP = ("apt-get install -y chromium, and pip install -c constraints.txt -e '.[test]' "
         "(the playwright package; no browser download)")


def _missing(reason: str) -> None:
    """On CI a missing browser fails the run; elsewhere the browser tests skip, saying why."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason}; CI must have it: {SETUP}", pytrace=False)
    pytest.skip(f"{reason} (install: {SETUP})")


def chromium_path() -> str:
    """The system Chromium's path."""
    for candidate in CANDIDATES:
        if Path(candidate).is_file():
            return candidate
    found = shutil.which("chromium")
    if found is None:
        _missing("no system Chromium found at " + " or ".join(CANDIDATES))
    assert found is not None
    return found


def launched_browser() -> Iterator[Any]:
    """A headless system Chromium while the generator runs (conftest's `browser` fixture: one
    per test process, shared by every browser test; a second Playwright cannot start beside it)."""
    path = chromium_path()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("the playwright Python package is not installed")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS)
        try:
            yield launched
        finally:
            launched.close()


class QuizPage:
    """One quiz open in a page: what it requested, which dialogs and errors it raised."""

    def __init__(self, browser: Any, quiz: Quiz, folder: Path, *, width: int = 390) -> None:
        self.quiz = quiz
        self.path = folder / "quiz.html"
        self.path.write_text(render_text(quiz), encoding="utf-8")
        self.page = browser.new_page(viewport={"width": width, "height": 844})
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("dialog", self._dialog)
        self.page.goto(self.path.as_uri())

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def section(self, index: int) -> Any:
        """The question at index (0-based) in the quiz."""
        return self.page.locator(f"#q{index + 1}")

    def shown_order(self, index: int) -> list[str]:
        """The item texts of an ordering question, top to bottom, as shown now."""
        texts: list[str] = self.section(index).locator("li.item .text").all_inner_texts()
        return texts

    def score(self) -> str:
        """The final score as shown, e.g. "14 / 20"."""
        text: str = self.page.locator("#score").inner_text()
        return text

    def close(self) -> None:
        """Close the page."""
        self.page.close()


def wrong_choice(question: MultipleChoice) -> int:
    """An option that is not the answer."""
    return (question.answer + 1) % len(question.options)


def target(question: Question, *, correct: bool) -> Any:
    """What to answer: the right answer, or one that scores nothing."""
    if isinstance(question, MultipleChoice):
        return question.answer if correct else wrong_choice(question)
    if isinstance(question, Matching):
        rights = [right for _, right in sorted(question.answer)]
        if correct:
            return rights
        return [(right + 1) % len(question.right) for right in rights]
    assert isinstance(question, Ordering)
    order = list(question.answer)
    return order if correct else order[1:] + order[:1]  # rotated: every item in a wrong place


def answer_by_mouse(quiz_page: QuizPage, index: int, *, correct: bool) -> None:
    """Answer one question with clicks and menu choices, then press its Check button."""
    question = quiz_page.quiz.questions[index]
    section = quiz_page.section(index)
    goal = target(question, correct=correct)
    if isinstance(question, MultipleChoice):
        section.locator("label.choice").nth(goal).click()
    elif isinstance(question, Matching):
        for left, right in enumerate(goal):
            section.locator("select").nth(left).select_option(
                label=_menu_label(question, right))
    else:
        assert isinstance(question, Ordering)
        texts = [question.items[i].text for i in goal]
        for position, text in enumerate(texts):
            while quiz_page.shown_order(index).index(text) > position:
                row = section.locator("li.item").nth(quiz_page.shown_order(index).index(text))
                row.locator("button.up").click()
        assert quiz_page.shown_order(index) == texts
    section.locator("button.check").click()


def _menu_label(question: Matching, right: int) -> str:
    return f"{chr(ord('A') + right)}. {question.right[right].text}"


_FOCUS = """() => {
  const el = document.activeElement;
  const section = el.closest("section.question");
  const item = el.closest("li.item");
  return {q: section ? section.id : "", tag: el.tagName.toLowerCase(), type: el.type || "",
          cls: typeof el.className === "string" ? el.className : "", id: el.id || "",
          item: item ? item.querySelector(".text").textContent : ""};
}"""


def _tab_until(page: Any, wanted: Any, *, limit: int = 300) -> None:
    """Press Tab until the focused element is the one wanted (a predicate on its description)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if wanted(page.evaluate(_FOCUS)):
            return
    raise AssertionError("Tab never reached the element wanted")


def answer_by_keyboard(quiz_page: QuizPage, index: int, *, correct: bool) -> None:
    """Answer one question with the keyboard alone: Tab, arrows, Space and Enter."""
    page, question = quiz_page.page, quiz_page.quiz.questions[index]
    q = f"q{index + 1}"
    goal = target(question, correct=correct)
    if isinstance(question, MultipleChoice):
        _tab_until(page, lambda f: f["q"] == q and f["type"] == "radio")
        if goal == 0:
            page.keyboard.press("Space")
        for _ in range(goal):
            page.keyboard.press("ArrowDown")
    elif isinstance(question, Matching):
        for left, right in enumerate(goal):
            _tab_until(page, lambda f, left=left: f["id"] == f"{q}-{left}")
            for _ in range(right + 1):  # past "Choose…" to the speaker's entry
                page.keyboard.press("ArrowDown")
    else:
        assert isinstance(question, Ordering)
        texts = [question.items[i].text for i in goal]
        for position, text in enumerate(texts):
            steps = quiz_page.shown_order(index).index(text) - position
            if steps:
                _tab_until(page, lambda f, text=text: f["q"] == q and f["item"] == text
                           and "up" in f["cls"].split())
                for _ in range(steps):
                    page.keyboard.press("Enter")
        assert quiz_page.shown_order(index) == texts
    _tab_until(page, lambda f: f["q"] == q and "check" in f["cls"].split())
    page.keyboard.press("Enter")


def order_by_drag(quiz_page: QuizPage, index: int, texts: list[str]) -> None:
    """Put an ordering's items in the order of texts by dragging their grips with the mouse."""
    page, section = quiz_page.page, quiz_page.section(index)
    for position, text in enumerate(texts):
        current = quiz_page.shown_order(index).index(text)
        if current == position:
            continue
        rows = section.locator("li.item")
        grip = rows.nth(current).locator(".grip").bounding_box()
        goal = rows.nth(position).bounding_box()
        page.mouse.move(grip["x"] + grip["width"] / 2, grip["y"] + grip["height"] / 2)
        page.mouse.down()
        page.mouse.move(grip["x"] + grip["width"] / 2, goal["y"] + 4, steps=8)
        page.mouse.up()
        assert quiz_page.shown_order(index).index(text) == position, (text, position)
    assert quiz_page.shown_order(index) == texts
