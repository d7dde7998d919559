"""Measures for figures the other readings left bare, round 7 (issue 19): a year opening its
sentence, a price in brackets, a clause right after the unit, a span set off by commas; each
from news grammar, tested on made-up sentences of several shapes."""

from __future__ import annotations

import pytest

from tests.test_draft import drafted


def _measures(text: str) -> list[str]:
    return [f.measure for f in drafted(text + "\n").figures]


@pytest.mark.parametrize(
    ("text", "measure"),
    [("In 2013, Ana Ruiz announced the club had signed Tom Hale.",
      "year in which Ana Ruiz announced the club had signed Tom Hale"),
     ("Ana Ruiz is a coach in Leeds. In 1999, she was named coach of the year.",
      "year in which Ana Ruiz was named coach of the year"),
     ("By 2030, the city will have no coal plants left.",
      "year by which the city will have no coal plants left")],
)
def test_a_year_opening_its_sentence_is_the_year_of_the_clause_after_it(text: str,
                                                                        measure: str) -> None:
    """“In 2013, Ana Ruiz announced …”: the year in which the clause after the comma happened,
    a he/she in it named; not a bare “year”."""
    assert measure in _measures(text)


@pytest.mark.parametrize(
    ("text", "measure"),
    [("Shops sell everything from a pillow that plays music ($49) to a smart lamp ($120).",
      "price of a smart lamp"),
     ("Fans can buy a signed shirt (£75) at the club shop.", "price of a signed shirt")],
)
def test_money_in_brackets_after_a_thing_is_its_price(text: str, measure: str) -> None:
    """“a smart lamp ($120)”: money in brackets right after a noun phrase is the price of
    that thing, not a bare “amount of money”."""
    assert measure in _measures(text)


@pytest.mark.parametrize(
    ("text", "measure"),
    [("Ana Ruiz trains hard. She cannot rest during the 11km she runs in each game.",
      "distance Ana Ruiz runs in each game"),
     ("The 20kg Tom Hale carries on his back is too heavy for most.",
      "weight Tom Hale carries on his back")],
)
def test_a_clause_right_after_the_unit_says_whose_amount_it_is(text: str,
                                                               measure: str) -> None:
    """“the 11km she runs in each game”: a subject and its verb right after the unit (no
    “that”) say which distance it is, the she named."""
    assert measure in _measures(text)


@pytest.mark.parametrize(
    ("text", "measure"),
    [("Doctors have, for almost 50 years, relied on the same test.",
      "time doctors have relied on the same test"),
     ("Ana Ruiz led a team that, for 18 months, studied the river's fish.",
      "time the team studied the river's fish")],
)
def test_a_span_set_off_by_commas_is_the_time_its_clause_takes(text: str,
                                                               measure: str) -> None:
    """“Doctors have, for almost 50 years, relied on …”: the time the subject's verb
    takes, read across the commas around the span (it was a bare “number of years”)."""
    assert measure in _measures(text)


@pytest.mark.parametrize(
    ("text", "measure"),
    [("An earthquake hit the city on Sunday, killing at least 40 people.",
      "number of people killed"),
     ("A bus crashed into a wall in Leeds, injuring 12 people.", "number of people injured"),
     ("He was ordered to pay a fine of £50,000.", "amount of the fine"),
     ("Ana Ruiz, who died on Monday aged 80, was a famous actor.",
      "age at which Ana Ruiz died"),
     ("The company, which makes shoes, was founded in 1990.",
      "year in which the company was founded"),
     ("The new bridge is 2km long and opened in May.", "length of the new bridge"),
     ("The firm's profits rose sharply. Its debt fell by half to £3m.", "its debt")],
)
def test_a_measure_missing_its_word_gets_it_from_the_sentence(text: str, measure: str) -> None:
    """“…, killing at least 40 people”: the people killed; “a fine of £50,000”: the fine;
    “died … aged 80”: age at death; “The company, which …, was founded in 1990”: the
    subject the commas cut off; “2km long”: a length; “fell … to £3m”: what fell."""
    assert measure in _measures(text)


@pytest.mark.parametrize(
    ("text", "measure"),
    [("The team has developed a method with a success rate of over 70% in tests.",
      "success rate"),
     ("The election had a turnout of 64%, officials said.", "turnout")],
)
def test_a_percentage_after_a_named_rate_and_of_measures_that_rate(text: str,
                                                                   measure: str) -> None:
    """“a success rate of over 70%”: the percentage is that rate, not a bare “percentage”."""
    assert measure in _measures(text)
