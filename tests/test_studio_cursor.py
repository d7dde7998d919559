"""Where a new fact's form puts the cursor: the field the teacher most likely writes."""

from __future__ import annotations

from quizgen.studio.fields import first_to_write


def test_the_cursor_goes_to_the_first_required_field_left_empty() -> None:
    """A place whose name and description the guess left empty gets the cursor in its name."""
    assert first_to_write("places", {"name": "", "description": ""}) == "name"
    assert first_to_write("people", {"name": "Ana Reyes", "kind": "person"}) == "role"


def test_with_nothing_required_empty_the_cursor_goes_to_the_wording_most_rewritten() -> None:
    """An event whose description the guess filled in still gets the cursor in it (the tables
    rewrite almost every one), a claim in its words."""
    assert first_to_write("events", {"description": "Kcho opened it", "people": []}) == \
        "description"
    assert first_to_write("claims", {"text": "coal is cheap", "claimants": ["x"]}) == "text"
    assert first_to_write("people", {"name": "Etecsa", "role": "a utility"}) == "role"


def test_a_quote_whose_words_are_guessed_leaves_the_cursor_on_add() -> None:
    """A quote's words are the words selected, right as a rule: no field takes the cursor."""
    assert first_to_write("quotes", {"text": "We lost everything.", "speakers": ["lopez"]}) == ""
