"""The studio's short ways in Chromium: add from a selection with one key, a click that selects a
field's words, the same correction on the other guesses, and confirming every guess left."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import _missing, select_words
from test_studio_browser import AXE, Studio, _card, _saved, review_page

from quizgen.draft.files import write_draft
from quizgen.factbase.loader import load_factbase

ARTICLE = """Harbour town counts the cost of the storm

The storm flooded more than 40 homes on the harbour road on Tuesday, the council said.

“We lost everything in the shop,” said Maria Lopez, a baker on the harbour road.

Tom Briggs, the harbour master, said the sea wall had held for ten years. “It was the rain,
not the sea,” he said.

Engineers from the council will inspect the wall on Friday.
"""

@pytest.fixture()
def review(browser: Any, tmp_path: Path) -> Iterator[tuple[Any, Path]]:
    """The review page of a fresh draft of a short article, and the draft's file."""
    source = tmp_path / "storm.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    folder = tmp_path / "content"
    folder.mkdir()
    write_draft(source, name="storm", folder=folder, force=False)
    yield from review_page(browser, folder, "storm")


def _people(path: Path) -> dict[str, str]:
    return {e.name: e.id for e in load_factbase(path).entities}


def test_a_quote_from_a_selection_takes_three_actions(review: tuple[Any, Path]) -> None:
    """Select the words (1), Q (2): the form holds the words and the person the reporting verb
    names, focus on Add; Enter (3) adds the quote to the file, speaker and all."""
    page, path = review
    lopez = _people(path)["Maria Lopez"]
    before = [q.text for q in load_factbase(path).quotes]
    for quote in load_factbase(path).quotes:  # the draft may have it: start without
        if quote.text.startswith("We lost"):
            _card(page, quote.id).get_by_role("button", name="Delete").click()
            _saved(page, f"Deleted {quote.id}")
    select_words(page, "“We lost everything in the shop,”")
    page.keyboard.press("q")
    form = page.locator("#new-fact form")
    form.wait_for()
    assert form.locator('[data-field="text"]').input_value() == "We lost everything in the shop"
    assert [b.get_attribute("data-value") for b in form.locator(
        '[data-field="speakers"] button.chip[aria-pressed="true"]').all()] == [lopez]
    assert page.evaluate("document.activeElement.textContent") == "Add"
    page.keyboard.press("Enter")
    _saved(page, "Added a quote")
    added = [q for q in load_factbase(path).quotes if q.text == "We lost everything in the shop"]
    assert len(added) == 1 and added[0].speakers == (lopez,), before
    assert added[0].check is None and added[0].excerpt.startswith("“We lost")
    assert page.errors == []


def test_a_click_in_a_field_selects_its_words_so_typing_replaces_them(
        review: tuple[Any, Path]) -> None:
    """One click in a person's role and the typing replaces the drafted role; Enter saves and
    confirms that person."""
    page, path = review
    briggs = _people(path)["Tom Briggs"]
    role = _card(page, briggs).locator('[data-field="role"]')
    assert role.input_value()  # the draft wrote a role to replace
    role.click()
    page.keyboard.type("harbour master of the town")
    page.keyboard.press("Enter")
    _saved(page, f"Confirmed {briggs}")
    person = load_factbase(path).by_id[briggs]
    assert getattr(person, "role", None) == "harbour master of the town"


def test_the_same_correction_on_the_other_guesses_and_confirm_all(
        review: tuple[Any, Path]) -> None:
    """After a menu corrected on one guess, one click sets it on every other guess of the
    section that had the old value (they stay guesses); *Confirm all* then checks every guess
    left, and with the headline confirmed no `# check:` is left in the file."""
    page, path = review
    people = [e for e in load_factbase(path).entities if e.check and e.kind == "person"]
    if len(people) < 2:
        pytest.skip(f"the draft holds {len(people)} person guesses; the offer needs two")
    first, others = people[0], people[1:]
    _card(page, first.id).locator('[data-field="kind"] button.chip[data-value="group"]').click()
    _card(page, first.id).get_by_role("button", name="Confirm").click()
    _saved(page, f"Confirmed {first.id}")
    offer = page.locator('#offer button[data-apply="kind"]')
    assert offer.get_attribute("data-facts") == " ".join(e.id for e in others)
    assert re.search(rf"on the {len(others)} other people guesses that have person",
                     offer.inner_text())
    offer.click()
    _saved(page, f"Set kind on {len(others)} more")
    base = load_factbase(path)
    assert all(getattr(base.by_id[e.id], "kind", None) == "group" for e in others)
    assert all(base.by_id[e.id].check for e in others)  # still guesses to check
    page.locator('[data-confirm-all="all"]').click()  # the headline's guess included
    _saved(page, "and the headline")
    assert "# check:" not in path.read_text(encoding="utf-8")
    assert page.locator("form.fact.unchecked[data-id]").count() == 0
    keys = " ".join(page.locator("#keys").text_content().split())
    assert "then Q quote P person F figure E event L place T term M claim" in keys


@pytest.mark.parametrize("width,height", [(1280, 800), (820, 1180)])
def test_axe_finds_nothing_with_the_add_form_and_the_offer(browser: Any, tmp_path: Path,
                                                          width: int, height: int) -> None:
    """axe-core (WCAG 2 A and AA) on a review page showing an offer to repeat a correction and
    the form of a fact added from a selection, at laptop and tablet sizes."""
    if not AXE.is_file():
        _missing("axe-core is not installed (npm ci --prefix tests/js)")
    source = tmp_path / "storm.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    folder = tmp_path / "content"
    folder.mkdir()
    write_draft(source, name="storm", folder=folder, force=False)
    served = Studio(folder)
    page = browser.new_page(viewport={"width": width, "height": height}, bypass_csp=True)
    try:
        page.goto(served.url + "/review/storm")
        page.wait_for_selector("form.fact[data-id]")
        guesses = [e for e in load_factbase(folder / "storm.yaml").entities if e.check]
        # a guess whose kind another guess shares: changing it offers the same change there
        changed = next(e for e in guesses if any(o.kind == e.kind for o in guesses if o is not e))
        card = _card(page, changed.id)
        card.locator('[data-field="kind"] button.chip[data-value="group"]').click()
        card.get_by_role("button", name="Confirm").click()
        _saved(page, f"Confirmed {changed.id}")
        select_words(page, "Engineers from the council")
        page.keyboard.press("e")
        page.locator("#new-fact form").wait_for()
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate("""async () => {
            const r = await axe.run(document, {runOnly: ["wcag2a", "wcag2aa"],
                                               resultTypes: ["violations"]});
            // resultTypes: passes and the like are listed by one node each, violations by all
            return r.violations.map(v => v.id + ": " + v.nodes.length);
        }""")
        assert violations == []
        assert page.locator("#offer button").count() >= 1
    finally:
        page.close()
        served.stop()
