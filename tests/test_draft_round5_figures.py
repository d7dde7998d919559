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


@pytest.mark.parametrize(
    ("text", "wanted"),
    [("Japan’s population is 127 million.", "population of Japan"),
     ("Ethiopia has a population of 90 million.", "population of Ethiopia"),
     ("The city, which has a population of about 2 million, is growing.",
      "population of the city")],
)
def test_a_population_is_of_whom_it_is(text: str, wanted: str) -> None:
    """“Japan’s population is N”, “X has a population of N”: the population of X (was
    “number of people that Japan’s population is”)."""
    assert [m for _, _, _, m in _figures(text)] == [wanted]


@pytest.mark.parametrize(
    ("text", "wanted"),
    [("The number of bears has risen to 4,000.", "number of bears"),
     ("Last year the number of cases reached 941.", "number of cases")],
)
def test_the_number_of_x_rising_to_n_measures_the_number_of_x(text: str, wanted: str) -> None:
    """“The number of bears has risen to 4,000”: the number of bears, once."""
    assert [m for _, _, _, m in _figures(text)] == [wanted]


@pytest.mark.parametrize(
    ("text", "wanted"),
    [("It takes about eight hours to fly from London to New York.",
      "time it takes to fly from London to New York"),
     ("It took 12 hours to reach the miners.", "time it takes to reach the miners")],
)
def test_the_time_something_takes(text: str, wanted: str) -> None:
    """“It takes eight hours to fly …”: the time it takes to fly … (was “number of hours”)."""
    assert [m for _, _, _, m in _figures(text)] == [wanted]


@pytest.mark.parametrize(
    ("text", "wanted"),
    [("The minimum wage will rise to £7.20 an hour.", "pounds an hour"),
     ("Nurses earn £25,000 a year.", "pounds a year"),
     ("The scheme costs $3m a year.", "million dollars a year")],
)
def test_money_paid_at_a_rate_keeps_the_rate_in_its_unit(text: str, wanted: str) -> None:
    """“£7.20 an hour”: the unit is pounds an hour, as rates of other units are."""
    assert [u for _, _, u, _ in _figures(text)] == [wanted]


def test_a_change_by_one_amount_to_another_is_no_range() -> None:
    """“rose by $500bn to $3.5 trillion”: two figures, 500 billion and 3.5 trillion (the first
    was lost and the second drafted twice)."""
    assert [(v, t, u) for v, t, u, _ in _figures(
        "Their wealth rose by $500bn to $3.5 trillion.")] == [
        (Decimal(500), None, "billion dollars"), (Decimal("3.5"), None, "trillion dollars")]


@pytest.mark.parametrize(
    ("text", "wanted"),
    [("Between 5 and 10 million people came.", (Decimal(5), Decimal(10), "million people")),
     ("It costs $2m to $3m.", (Decimal(2), Decimal(3), "million dollars"))],
)
def test_ranges_with_one_scale_stay_ranges(text: str,
                                           wanted: tuple[Decimal, Decimal, str]) -> None:
    """“between 5 and 10 million”, “$2m to $3m” are still one range each."""
    assert [(v, t, u) for v, t, u, _ in _figures(text)] == [wanted]


@pytest.mark.parametrize(
    ("text", "wanted"),
    [("Children should do 60 minutes of exercise a day.", [Decimal(60)]),
     ("Schools must offer two hours of PE a week.", [Decimal(2)]),
     # a span after "within" is still a figure of its own
     ("He served 20 years and within a decade was free.", [Decimal(20), Decimal(1)])],
)
def test_a_day_after_an_amount_of_something_is_a_rate(text: str,
                                                      wanted: list[Decimal]) -> None:
    """“60 minutes of exercise a day”: “a day” is the amount's rate, not a figure of 1 day."""
    assert [v for v, _, _, _ in _figures(text)] == wanted


@pytest.mark.parametrize(
    ("text", "wanted"),
    [("Facebook has 1.2 billion users worldwide.", "billion users"),
     ("They spent 3 weeks there.", "weeks"),
     ("The 85 richest people own half the wealth.", "richest people"),
     ("She is 17 years old.", "years old"),
     ("The census counted 300 households.", "households")],
)
def test_a_plural_noun_ends_the_unit(text: str, wanted: str) -> None:
    """“1.2 billion users worldwide”, “people own”: the unit ends at its plural noun (it ran
    on into an adverb or a verb), but “years old” stays whole."""
    assert _figures(text)[0][2] == wanted


@pytest.mark.parametrize(
    ("text", "wanted"),
    [("Malala, who is now 17, won the prize.", ("years old", "age of Malala")),
     ("Michael Eavis, now 80, still runs the festival.", ("years old", "age of Michael Eavis")),
     ("Ana Ruiz, who turned 50 last week, retired.", ("years old", "age of Ana Ruiz"))],
)
def test_an_age_after_who_is_now_or_turned(text: str, wanted: tuple[str, str]) -> None:
    """“Malala, who is now 17,”, “X, now 80,”, “X, who turned 50”: an age of the person (was
    a count of “units”)."""
    assert [(u, m) for _, _, u, m in _figures(text)] == [wanted]


@pytest.mark.parametrize(
    ("text", "wanted"),
    [("Four out of five teachers say sport matters.", ("out of five", "share of teachers")),
     ("Nine out of ten people had never heard of it.",
      ("out of ten", "share of people who had never heard of it"))],
)
def test_n_out_of_m_spelled_out_is_a_share(text: str, wanted: tuple[str, str]) -> None:
    """“four out of five teachers”: out of five, the share of teachers (the unit was “out”
    and the measure “number of out of five …”)."""
    assert [(u, m) for _, _, u, m in _figures(text)] == [wanted]
