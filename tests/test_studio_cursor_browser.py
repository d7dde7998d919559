"""In Chromium: a new fact's form opens with the cursor in the field the teacher most likely
writes, its words selected, and Enter adds the fact from there, a box included."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from browser_support import select_words
from test_studio_browser import _saved
from test_studio_keys_browser import review

from quizgen.factbase.loader import load_factbase

__all__ = ["review"]  # the fixture, imported to be found by pytest


def _focused(page: Any) -> str:
    return str(page.evaluate("document.activeElement.dataset.field || ''"))


def test_a_new_person_opens_with_the_cursor_in_its_role(review: tuple[Any, Path]) -> None:
    """Select a name, P: the cursor is in Role, so typing writes the role with no click, and
    Enter adds the person with it."""
    page, path = review
    select_words(page, "Engineers")
    page.keyboard.press("p")
    page.locator("#new-fact form").wait_for()
    assert _focused(page) == "role"
    page.keyboard.insert_text("engineers of the council")
    page.keyboard.press("Enter")
    _saved(page, "Added a person")
    added = [e for e in load_factbase(path).entities if e.name == "Engineers"]
    assert [e.role for e in added] == ["engineers of the council"]
    assert page.errors == []


def test_a_new_event_opens_in_its_description_and_enter_in_the_box_adds_it(
        review: tuple[Any, Path]) -> None:
    """Select an event's words, E: the cursor is in the description box with the guess
    selected; typing replaces it and Enter adds the event (no line break in it)."""
    page, path = review
    select_words(page, "the sea wall had held for ten years")
    page.keyboard.press("e")
    page.locator("#new-fact form").wait_for()
    assert _focused(page) == "description"
    page.keyboard.insert_text("The sea wall held for ten years")
    page.keyboard.press("Enter")
    _saved(page, "Added an event")
    added = [e.description for e in load_factbase(path).events if "sea wall" in e.description]
    assert added == ["The sea wall held for ten years"]
    assert page.errors == []


def test_quick_add_opens_a_fact_on_selecting_and_a_button_changes_its_section(
        review: tuple[Any, Path]) -> None:
    """With quick add ticked, selecting words opens their new fact with no key (a person for
    a name), selecting the next words adds it, and an Add button on those same words changes
    their section instead of adding a second fact; the box is remembered on reload."""
    page, path = review
    page.locator("#quick-add").click()
    select_words(page, "Engineers")
    form = page.locator('#new-fact form[data-section="people"]')
    form.wait_for()
    page.keyboard.insert_text("engineers of the council")
    select_words(page, "the sea wall had held for ten years")
    _saved(page, "Added a person")
    page.locator('#new-fact form[data-section="claims"]').wait_for()
    claims = len(load_factbase(path).claims)
    page.locator('button[data-add="events"]').click()
    page.locator('#new-fact form[data-section="events"]').wait_for()
    assert page.locator("#new-fact form").count() == 1
    page.keyboard.press("Escape")
    assert [e.role for e in load_factbase(path).entities if e.name == "Engineers"] == \
        ["engineers of the council"]
    assert len(load_factbase(path).claims) == claims
    page.reload()
    page.wait_for_selector("form.fact[data-id]")
    assert page.locator("#quick-add").is_checked()
    assert page.errors == []


def test_without_quick_add_selecting_opens_nothing(review: tuple[Any, Path]) -> None:
    """Quick add is off until ticked: selecting words alone opens no form (a teacher may be
    selecting them to copy)."""
    page, _path = review
    select_words(page, "Engineers")
    page.wait_for_timeout(500)
    assert page.locator("#new-fact form").count() == 0
