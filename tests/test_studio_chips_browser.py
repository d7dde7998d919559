"""The studio's pick lists as chips (one click per choice) and fields saved as they are left,
in Chromium: no Confirm needed to keep a correction, the fact stays a guess until confirmed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from browser_support import select_words
from test_studio_browser import _card, _saved
from test_studio_keys_browser import review

from quizgen.factbase.loader import load_factbase

__all__ = ["review"]  # the fixture, imported to be found by pytest

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
    guess; fields changed one after the other are all kept (the saves wait for each other);
    *Confirm all* then checks both people and the headline, whose summary was rewritten."""
    page, path = review
    briggs = _card(page, "briggs").locator('[data-field="role"]')
    briggs.click()
    page.keyboard.type("the harbour master")
    lopez = _card(page, "lopez").locator('[data-field="role"]')
    lopez.click()  # leaves the first field: saved
    page.keyboard.type("a baker on the harbour road")
    page.locator("#src-about").click()  # the summary, saved as it is left too
    page.keyboard.type("A storm flooded homes on the harbour road.")
    page.locator('[data-confirm-all="all"]').click()  # leaves the last: saved, then confirmed
    _saved(page, "and the headline")
    assert "# check:" not in path.read_text(encoding="utf-8")
    assert load_factbase(path).source.about == "A storm flooded homes on the harbour road."
    base = load_factbase(path)
    assert base.by_id["briggs"].role == "the harbour master"  # type: ignore[union-attr]
    assert base.by_id["lopez"].role == "a baker on the harbour road"  # type: ignore[union-attr]
    assert base.by_id["briggs"].check is None and base.by_id["lopez"].check is None
    assert page.errors == []


def test_choosing_the_next_words_to_add_adds_the_fact_written_first(
        review: tuple[Any, Path]) -> None:
    """Select a name, P, type its role; select an event's words, E: the person is in the file
    (no Add click) and the event's form is open; Escape drops the event. A figure whose
    measure is left empty is refused when the next words are chosen: its form stays, with the
    loader's problem in the status line, and nothing is added."""
    page, path = review
    people = len(load_factbase(path).entities)
    events = len(load_factbase(path).events)
    select_words(page, "Tom Briggs")
    page.keyboard.press("p")
    form = page.locator("#new-fact form")
    form.wait_for()
    form.locator('[data-field="role"]').click()
    page.keyboard.type("the harbour master")
    select_words(page, "Engineers from the council will inspect the wall")
    page.keyboard.press("e")
    _saved(page, "Added a person")
    page.locator("#new-fact form h3", has_text="New event").wait_for()
    base = load_factbase(path)
    assert len(base.entities) == people + 1
    assert base.entities[-1].name == "Tom Briggs" and base.entities[-1].role == (  # type: ignore[union-attr]
        "the harbour master")
    page.keyboard.press("Escape")
    assert page.locator("#new-fact form").count() == 0
    assert len(load_factbase(path).events) == events
    select_words(page, "ten years")
    page.keyboard.press("f")
    page.locator("#new-fact form h3", has_text="New figure").wait_for()
    before = path.read_bytes()
    select_words(page, "Maria Lopez")
    page.keyboard.press("p")
    _saved(page, "Not saved")
    assert path.read_bytes() == before
    assert page.locator("#new-fact form h3", has_text="New figure").count() == 1
    assert page.errors == []


def test_a_speaker_chip_replaces_the_one_pressed_until_several_is_ticked(
        review: tuple[Any, Path]) -> None:
    """A quote's speaker is one person as a rule: pressing Briggs replaces Lopez (one click);
    with "several" ticked a second chip adds a speaker; pressing a speaker in "aimed at" takes
    them out of the speakers (the words are never aimed at whom said them)."""
    page, path = review
    quote = next(q.id for q in load_factbase(path).quotes if q.text.startswith("We lost"))
    card = _card(page, quote)
    speakers = card.locator('[data-field="speakers"]')
    assert _pressed(speakers) == ["lopez"]
    speakers.locator('button.chip[data-value="briggs"]').click()
    _saved(page, f"Saved {quote}")
    assert _pressed(speakers) == ["briggs"]
    assert load_factbase(path).by_id[quote].speakers == ("briggs",)  # type: ignore[union-attr]
    page.evaluate("document.getElementById('status').textContent = ''")
    speakers.get_by_label("several").check()
    speakers.locator('button.chip[data-value="lopez"]').click()
    _saved(page, f"Saved {quote}")
    assert load_factbase(path).by_id[quote].speakers == (  # type: ignore[union-attr]
        "briggs", "lopez")
    page.evaluate("document.getElementById('status').textContent = ''")
    card.locator('[data-field="about"] button.chip[data-value="briggs"]').click()
    _saved(page, f"Saved {quote}")
    saved = load_factbase(path).by_id[quote]
    assert saved.speakers == ("lopez",) and saved.about == ("briggs",)  # type: ignore[union-attr]
    assert _pressed(speakers) == ["lopez"]
    assert page.errors == []


def test_an_offer_never_changes_a_fact_the_teacher_changed(review: tuple[Any, Path]) -> None:
    """Briggs's role corrected (he stays a guess), then Lopez's kind set to group: the offer
    to set it on the other people guesses that have "person" leaves Briggs out, as he was
    already looked at; without his correction he is offered."""
    page, path = review
    kind = _card(page, "lopez").locator('[data-field="kind"]')
    kind.locator('button.chip[data-value="group"]').click()
    _saved(page, "Saved lopez")
    offer = page.locator('#offer button[data-apply="kind"]')
    assert offer.get_attribute("data-facts") == "briggs"  # untouched: offered
    kind.locator('button.chip[data-value="person"]').click()  # back as drafted
    _saved(page, "Saved lopez")
    page.evaluate("document.getElementById('status').textContent = ''")
    _card(page, "briggs").locator('[data-field="role"]').click()
    page.keyboard.type("the harbour master")
    kind.locator('button.chip[data-value="group"]').click()  # leaves the role: saved
    page.wait_for_function("() => document.body.dataset.pending === '0'")
    assert load_factbase(path).by_id["briggs"].role == "the harbour master"  # type: ignore[union-attr]
    assert page.locator('#offer button[data-apply="kind"]').count() == 0
    assert page.errors == []


def test_a_name_holding_markup_shows_as_text_on_its_chips(review: tuple[Any, Path]) -> None:
    """A person whose name is markup and script, saved and the page loaded again: every chip
    naming them shows the words, no element made, no script run."""
    page, _ = review
    hostile = "<img src=x onerror=alert(1)><script>alert(2)</script>"
    _card(page, "briggs").locator('[data-field="name"]').click()
    page.keyboard.insert_text(hostile)
    _card(page, "lopez").locator('[data-field="role"]').click()  # leaves the name: saved
    page.wait_for_function("() => document.body.dataset.pending === '0'")
    page.reload()
    page.wait_for_selector("form.fact[data-id]")
    chips = page.locator('button.chip[data-value="briggs"]')
    assert chips.count() >= 2  # an event's people, a quote's speakers, ...
    assert all(chip.inner_text() == hostile for chip in chips.all())
    assert page.locator("main img, main script").count() == 0
    assert page.errors == []


def test_deleting_a_fact_still_named_takes_it_out_and_says_where(
        review: tuple[Any, Path]) -> None:
    """Delete on a person an event names: the person leaves the file and the event's people
    (the event's other lines kept), and the status line names the event it was taken out of,
    so the teacher sees every fact the click changed."""
    page, path = review
    # every list naming the council names another too, so that none is left empty (the studio
    # refuses that delete, as another test shows); the page is read afresh after the edit
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('["council"]', '["council", "briggs"]'), encoding="utf-8")
    page.reload()
    page.wait_for_selector("form.fact[data-id]")
    before = load_factbase(path)
    naming = [e for e in before.events if "council" in e.people]
    assert naming
    _card(page, "council").get_by_role("button", name="Delete").click()
    _saved(page, "Deleted council")
    status = page.locator("#status").text_content() or ""
    assert "took it out of" in status
    for event in naming:
        assert event.description in status
        assert load_factbase(path).by_id[event.id].people == tuple(  # type: ignore[union-attr]
            p for p in event.people if p != "council")
    assert "council" not in load_factbase(path).by_id
    assert page.errors == []
