"""Drafting rules for real news, round 5 (issue 19): figures' units and measures by error
class, each rule written from news grammar and tested on made-up sentences of several shapes."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.test_draft import drafted


def _figures(text: str) -> list[tuple[Decimal, Decimal | None, str, str]]:
    base = drafted(text + "\n")
    return [(f.value, getattr(f, "to", None), f.unit, f.measure) for f in base.figures]


@pytest.mark.parametrize(
    ("text", "wanted"),
    [("The study followed 1,500 children aged between five and 11.",
      (Decimal(5), Decimal(11), "years old", "age of the children")),
     ("The club has 300 members aged over 60.",
      (Decimal(60), None, "years old", "age of the members")),
     ("Doctors saw 40 patients aged 80 or more.",
      (Decimal(80), None, "years old", "age of the patients"))],
)
def test_a_number_after_aged_is_an_age(
        text: str, wanted: tuple[Decimal, Decimal | None, str, str]) -> None:
    """“children aged between five and 11”: an age in years of the noun before “aged”, not a
    count of children (the unit was the count's noun, the measure bare)."""
    assert wanted in _figures(text), _figures(text)


def test_a_count_before_aged_keeps_no_verb_aged() -> None:
    """“1,500 children aged 11”: the count is not of children “aged”."""
    found = _figures("The study followed 1,500 children aged 11.")
    assert found[0][2] == "children" and "aged" not in found[0][3], found


@pytest.mark.parametrize(
    ("text", "wanted"),
    [("The wetlands cover 1,000 square kilometres.", ("square kilometres",
                                                      "area of the wetlands")),
     ("The park covers 500 hectares.", ("hectares", "area of the park")),
     ("The lake covers an area of 30 square miles.", ("square miles", "area of the lake")),
     ("The fire destroyed 400 square miles of forest.", ("square miles", "area of forest"))],
)
def test_square_units_measure_an_area_of_what_covers_it(text: str,
                                                         wanted: tuple[str, str]) -> None:
    """Square units are an area, not a distance; “X covers N” is the area of X."""
    assert [(u, m) for _, _, u, m in _figures(text)] == [wanted]
