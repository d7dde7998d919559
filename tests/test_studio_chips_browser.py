"""The studio's pick lists as chips (one click per choice) and fields saved as they are left,
in Chromium: no Confirm needed to keep a correction, the fact stays a guess until confirmed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from browser_support import browser
from test_studio_browser import _card, _saved
from test_studio_keys_browser import review

from quizgen.factbase.loader import load_factbase

__all__ = ["browser", "review"]  # the fixtures, imported to be found by pytest

EVENT = "event-engineers-from-the-council"


def _pressed(group: Any) -> list[str]:
    return [b.get_attribute("data-value")
            for b in group.locator('button.chip[aria-pressed="true"]').all()]


def test_a_chip_is_one_click_and_saves_itself(review: tuple[Any, Path]) -> None:
    """One click on a person's chip adds them to an event's people and the file holds it at
    once, the event still a guess; a second click takes them out; Space on a focused chip does
    the same from the keyboard."""
    page, path = review
    people = _card(page, EVENT).locator('[data-field="people"]')
    assert _pressed(people) == ["council"]
    people.locator('button.chip[data-value="briggs"]').click()
    _saved(page, f"Saved {EVENT}")
    event = load_factbase(path).by_id[EVENT]
    assert event.people == ("council", "briggs")  # type: ignore[union-attr]
    assert event.check  # still a guess to check
    page.evaluate("document.getElementById('status').textContent = ''")
    people.locator('button.chip[data-value="council"]').click()
    _saved(page, f"Saved {EVENT}")
    assert load_factbase(path).by_id[EVENT].people == ("briggs",)  # type: ignore[union-attr]
    page.evaluate("document.getElementById('status').textContent = ''")
    people.locator('button.chip[data-value="lopez"]').focus()
    page.keyboard.press("Space")
    _saved(page, f"Saved {EVENT}")
    assert load_factbase(path).by_id[EVENT].people == (  # type: ignore[union-attr]
        "briggs", "lopez")
    assert sorted(_pressed(people)) == ["briggs", "lopez"]
    assert page.errors == []


def test_a_choice_holds_one_chip(review: tuple[Any, Path]) -> None:
    """A figure's qualifier is one choice: pressing "about" unpresses "more than" (one click),
    pressing it again leaves the qualifier unset (exact)."""
    page, path = review
    qualifier = _card(page, "homes-40").locator('[data-field="qualifier"]')
    assert _pressed(qualifier) == ["more than"]
    qualifier.locator('button.chip[data-value="about"]').click()
    _saved(page, "Saved homes-40")
    assert _pressed(qualifier) == ["about"]
    assert load_factbase(path).by_id["homes-40"].qualifier == "about"  # type: ignore[union-attr]
    page.evaluate("document.getElementById('status').textContent = ''")
    qualifier.locator('button.chip[data-value="about"]').click()
    _saved(page, "Saved homes-40")
    assert load_factbase(path).by_id["homes-40"].qualifier == "exact"  # type: ignore[union-attr]


def test_a_text_field_is_saved_when_left_and_confirm_all_checks_it(
        review: tuple[Any, Path]) -> None:
    """A role typed and left (a click in the next field to change) is in the file, still a
    guess; two fields changed one after the other are both kept (the saves wait for each
    other); *Confirm all* then checks both people."""
    page, path = review
    briggs = _card(page, "briggs").locator('[data-field="role"]')
    briggs.click()
    page.keyboard.type("the harbour master")
    lopez = _card(page, "lopez").locator('[data-field="role"]')
    lopez.click()  # leaves the first field: saved
    page.keyboard.type("a baker on the harbour road")
    page.locator('[data-confirm-all="all"]').click()  # leaves the second: saved, then confirmed
    _saved(page, "Confirmed")
    base = load_factbase(path)
    assert base.by_id["briggs"].role == "the harbour master"  # type: ignore[union-attr]
    assert base.by_id["lopez"].role == "a baker on the harbour road"  # type: ignore[union-attr]
    assert base.by_id["briggs"].check is None and base.by_id["lopez"].check is None
    assert page.errors == []
