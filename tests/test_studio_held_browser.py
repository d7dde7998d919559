"""In Chromium: a Delete the file's format would refuse (a claim's only claimant) is marked as
not possible yet, with the fact to change first, before any click; freed once it is changed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from test_studio_browser import _card, _saved
from test_studio_keys_browser import review

from quizgen.factbase.loader import load_factbase

__all__ = ["review"]  # the fixture, imported to be found by pytest

CLAIM = """
claims:
  - id: "wall-held"
    claimants: ["briggs"]
    text: "the sea wall had held for ten years"
    excerpt: "said the sea wall had held for ten years"
"""


def test_the_only_claimant_cannot_be_deleted_until_the_claim_names_another(
        review: tuple[Any, Path]) -> None:
    """Tom Briggs alone claims a claim and gives a figure: his Delete says so and names them, a
    click on it sends nothing and says why; once the claim is Maria Lopez's and the figure the
    council's, Delete deletes him."""
    page, path = review
    text = path.read_text(encoding="utf-8")
    assert "\nclaims:" not in text
    path.write_text(text + CLAIM, encoding="utf-8")
    page.reload()
    page.wait_for_selector("form.fact[data-id]")
    delete = _card(page, "briggs").get_by_role("button", name="Delete")
    assert delete.get_attribute("aria-disabled") == "true"
    note = _card(page, "briggs").locator(".held").text_content() or ""
    assert "“the sea wall had held for ten years”" in note
    drafted = load_factbase(path).by_id["years-10"].measure  # type: ignore[union-attr]
    assert drafted.startswith("time for which") and drafted in note  # the figure, by its measure
    before = path.read_text(encoding="utf-8")
    delete.click(force=True)  # marked aria-disabled: clicked all the same
    _saved(page, "only one named by")
    assert path.read_text(encoding="utf-8") == before
    claimants = _card(page, "wall-held").locator('[data-field="claimants"]')
    claimants.locator('button.chip[data-value="lopez"]').click()  # replaces Briggs
    _saved(page, "Saved wall-held")
    assert delete.get_attribute("aria-disabled") == "true"  # the figure still names him alone
    given = _card(page, "years-10").locator('[data-field="given_by"]')
    given.locator('button.chip[data-value="council"]').click()
    _saved(page, "Saved years-10")
    assert delete.get_attribute("aria-disabled") is None
    delete.click()
    _saved(page, "Deleted briggs")
    assert "briggs" not in load_factbase(path).by_id
    assert load_factbase(path).by_id["wall-held"].claimants == ("lopez",)  # type: ignore[union-attr]
    assert page.errors == []
