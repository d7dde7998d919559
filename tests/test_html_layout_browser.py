"""The web quiz's sticky progress line in a real headless Chromium: it never covers what the
student is at (the focused control, at phone and desktop widths, with text zoomed)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from browser_support import QuizPage
from html_support import newsroom_quiz, with_test_matchings

# The focused element's box and the progress line's, after the browser scrolled to it.
_BOXES = """() => {
  const el = document.activeElement, bar = document.getElementById("progress");
  const a = el.getBoundingClientRect(), b = bar.getBoundingClientRect();
  return {tag: el.tagName, id: el.id || el.className || "", top: a.top, bottom: a.bottom,
          barTop: b.top, barBottom: b.bottom, stuck: b.top <= 0.5 && window.scrollY > 0};
}"""


def covered(page: Any, *, key: str = "Tab", presses: int = 400) -> tuple[int, int, list[str]]:
    """Tab (or Shift+Tab) through the page: how many controls got focus, how many of them with
    the progress line stuck at the top, and those the stuck line covered (any part under it)."""
    seen, stuck, hidden = 0, 0, []
    for _ in range(presses):
        page.keyboard.press(key)
        box = page.evaluate(_BOXES)
        if box["tag"] == "BODY":
            break
        seen += 1
        stuck += box["stuck"]
        if box["stuck"] and box["top"] < box["barBottom"] - 0.5:
            hidden.append(f"{box['tag']} {box['id']}: top {box['top']:.0f} < "
                          f"line bottom {box['barBottom']:.0f}")
    return seen, stuck, hidden


# The page's tab stops, counted from its markup: one per radio group, every visible select and
# enabled button.
_STOPS = """() => new Set(Array.from(document.querySelectorAll("input[type=radio]"),
                                   r => r.name)).size +
  Array.from(document.querySelectorAll("select, button:not(:disabled)"))
    .filter(el => el.checkVisibility()).length"""


# CSS widths: phones, a 320-pixel phone zoomed to 150% (213 CSS pixels wide, where the progress
# line wraps to three lines) and a desktop window zoomed to 200%.
@pytest.mark.parametrize("width", [390, 320, 213, 512])
def test_sticky_progress_line_never_covers_the_focused_control(
        browser: Any, tmp_path: Path, width: int) -> None:
    """Tabbing through the whole quiz forwards and backwards at phone and desktop widths, zoomed
    too, every focused control is scrolled clear of the progress line stuck at the top."""
    page = QuizPage(browser, with_test_matchings(newsroom_quiz()), tmp_path, width=width)
    try:
        stops = page.page.evaluate(_STOPS)
        seen, stuck, hidden = covered(page.page)
        assert seen == stops  # every control of the quiz, none skipped
        back, stuck_back, hidden_back = covered(page.page, key="Shift+Tab")  # from the end, up
        assert back >= seen
        assert min(stuck, stuck_back) > stops // 2  # the line was stuck over most of them
        assert hidden + hidden_back == []
        assert page.errors == []
    finally:
        page.close()


def test_planted_no_scroll_padding_is_caught(browser: Any, tmp_path: Path) -> None:
    """With no room kept for the progress line (scroll padding 0), the check above finds
    controls under it when tabbing backwards."""
    page = QuizPage(browser, with_test_matchings(newsroom_quiz()), tmp_path, width=390)
    try:
        page.page.evaluate("document.documentElement.style.scrollPaddingTop = '0px'")  # the bug
        covered(page.page)
        assert covered(page.page, key="Shift+Tab")[2] != []
    finally:
        page.close()
