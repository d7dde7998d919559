"""The studio in Chromium: the offer to repeat a correction of several fields at once on the
guesses alike (three ages drafted with the same wrong unit and qualifier), and the names and
numbers no fact holds yet, each added from one click."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_studio_browser import _card, _saved, review_page

from quizgen.factbase.loader import load_factbase

ARTICLE = """Three sailors cross the bay

Ana Reyes, 34, set off from the harbour on Monday.

Tom Briggs, 51, followed her in one of the harbour's 12 boats.

Maria Lopez, 28, joined them at the lighthouse.

The race was watched by Olle Berg and 300 people.
"""


def _figure(fact_id: str, value: int, unit: str, excerpt: str) -> str:
    return (f'  - id: "{fact_id}"\n    check: "unit read from the words"\n'
            f'    measure: "{fact_id}"\n    value: {value}\n    unit: "{unit}"\n'
            f'    given_by: ["article"]\n    excerpt: "{excerpt}"\n')


BASE = (
    'id: "bay"\nsource:\n  title: "Three sailors cross the bay"\n'
    '  about: "Three sailors cross the bay."\n  text_file: "sources/bay.txt"\n\npeople:\n'
    '  - id: "article"\n    name: "the article"\n    kind: organisation\n'
    '    role: "the news report itself"\n    excerpt: "Three sailors cross the bay"\n\n'
    "figures:\n"
    + _figure("age-reyes", 34, "years old", "Ana Reyes, 34")
    + _figure("age-briggs", 51, "years old", "Tom Briggs, 51")
    + _figure("age-lopez", 28, "years old", "Maria Lopez, 28")
    + _figure("boats", 12, "boats", "the harbour's 12 boats")
)


@pytest.fixture()
def review(browser: Any, tmp_path: Path) -> Iterator[tuple[Any, Path]]:
    """The review page of a fact base of three ages and a count of boats, all guesses."""
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "bay.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "bay.yaml").write_text(BASE, encoding="utf-8")
    yield from review_page(browser, tmp_path, "bay")


def test_several_fields_corrected_are_offered_together_on_the_guesses_alike(
        review: tuple[Any, Path]) -> None:
    """One age's unit ("years old" → "years") and qualifier (→ "about") corrected: one click
    sets both on the two other ages, which held the same unit and qualifier, and not on the
    boats (another unit), which the qualifier's own offer would also change."""
    page, path = review
    card = _card(page, "age-reyes")
    card.locator('[data-field="unit"]').click()
    page.keyboard.insert_text("years")
    card.locator('[data-field="qualifier"] button.chip[data-value="about"]').click()
    _saved(page, "Saved age-reyes")
    page.wait_for_function("() => document.body.dataset.pending === '0'")
    both = page.locator('#offer button[data-apply="unit qualifier"]')
    assert both.get_attribute("data-facts") == "age-briggs age-lopez"
    assert page.locator('#offer button[data-apply="qualifier"]').get_attribute(
        "data-facts") == "age-briggs age-lopez boats"
    both.click()
    _saved(page, "Set 2 fields on 2 more")
    base = load_factbase(path)
    for fact_id in ("age-reyes", "age-briggs", "age-lopez"):
        figure = base.by_id[fact_id]
        assert (figure.unit, figure.qualifier) == ("years", "about"), fact_id  # type: ignore[union-attr]
        assert figure.check  # type: ignore[union-attr]  # still guesses to check
    assert (base.by_id["boats"].unit, base.by_id["boats"].qualifier) == (  # type: ignore[union-attr]
        "boats", "exact")
    assert page.errors == []


def test_a_name_no_fact_holds_is_added_from_one_click(review: tuple[Any, Path]) -> None:
    """Olle Berg and 300 are listed as not yet facts (the ages and the boats are figures
    already); a click on Olle Berg opens the new person's form filled in from the article; his
    role typed, Enter adds him, and he is listed no more."""
    page, path = review
    people = page.locator('button[data-candidate="people"]')
    assert [b.text_content() for b in people.all()] == ["Olle Berg"]
    assert [b.text_content() for b in page.locator('button[data-candidate="figures"]').all()] \
        == ["300"]
    people.first.click()
    form = page.locator("#new-fact form")
    assert form.locator('[data-field="name"]').input_value() == "Olle Berg"
    form.locator('[data-field="role"]').click()
    page.keyboard.insert_text("a spectator")
    page.keyboard.press("Enter")
    _saved(page, "Added a person")
    assert [e.name for e in load_factbase(path).entities] == ["the article", "Olle Berg"]
    assert page.locator('button[data-candidate="people"]').count() == 0
    assert page.errors == []
