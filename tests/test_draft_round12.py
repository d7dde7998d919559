"""Round 12 of the draft on real news (issue 19): rules found by grouping the misses of dev and
dev2 by cause, each written from general news grammar and tested on made-up sentences that name
no corpus article's words."""

from __future__ import annotations

import pytest

from tests.test_draft import drafted


def _figures(body: str) -> list[tuple[str, str, str]]:
    """(value, unit, measure) of each drafted figure, in text order."""
    return [(str(f.value), f.unit, f.measure) for f in drafted(body).figures]


def _measure_of(body: str, value: str) -> str:
    return next(m for v, _, m in _figures(body) if v == value)


@pytest.mark.parametrize(
    ("body", "value", "unit", "measure"),
    [("Deer roam on hills with a population density of 12 people per sq km.\n", "12",
      "people per square kilometre", "population density of the hills"),
     ("The population density of the Kessen Valley is 40 inhabitants per square mile.\n", "40",
      "inhabitants per square mile", "population density of the Kessen Valley"),
     ("Foxes thrive even among 2,500 people per sq km in the towns.\n", "2500",
      "people per square kilometre", "population density")],
)
def test_people_per_square_kilometre_is_a_population_density(body: str, value: str, unit: str,
                                                              measure: str) -> None:
    """People per sq km: the area joins the unit as written out, and the measure is the
    population density of what it is said of."""
    assert (value, unit, measure) in _figures(body)


@pytest.mark.parametrize(
    ("body", "value", "measure"),
    [("If a glider with a wingspan of 15 metres meets a storm, it turns back.\n", "15",
      "wingspan of the glider"),
     ("The new ferry has a top speed of 40 knots.\n", "40", "top speed of the new ferry"),
     ("Tarnby, with a population of 8,000, voted no.\n", "8000", "population of Tarnby")],
)
def test_a_size_named_before_of_is_the_measure(body: str, value: str, measure: str) -> None:
    """“a glider with a wingspan of 15 metres”, “has a top speed of 40 knots”: the size noun
    before “of” names the measure, of the thing before “with” or the subject that has it."""
    assert _measure_of(body, value) == measure


def test_a_size_after_with_needs_a_noun_before_it() -> None:
    """“It flew with a speed of …”: no noun before “with”, so no owner is made up."""
    assert not _measure_of("It flew with a speed of 300mph over the sea.\n", "300").endswith(
        "It flew")


def test_a_percentage_in_brackets_is_the_share_of_the_words_before() -> None:
    """“show price (41%) and quality (30%)”: a bracketed percentage after a noun phrase is the
    share that phrase got, never a bare “percentage”."""
    body = ("Surveys show low prices (41%) and good service (30%) are the main reasons, as is"
            " choice (12%).\n")
    assert [m for _, _, m in _figures(body)] == ["share for low prices",
                                                 "share for good service", "share for choice"]


def test_an_amount_someone_expects_is_expected_by_them() -> None:
    """“Traders expect profits of about £3bn”: the amount is the profits expected by them."""
    assert _measure_of("Traders expect profits of about £3bn this year.\n", "3") == \
        "profits expected by traders"


@pytest.mark.parametrize(
    ("body", "value", "measure"),
    [("Mara Olsen spoke on Monday. The four rules that she objects to most are new.\n", "4",
      "number of rules that Mara Olsen objects to most"),
     ("The two goals that Ana Ruiz scored were late.\n", "2",
      "number of goals that Ana Ruiz scored"),
     ("The 300 cars that the firm has sold are red.\n", "300",
      "number of cars that the firm has sold")],
)
def test_a_count_said_with_its_object_clause(body: str, value: str, measure: str) -> None:
    """“the four rules that she objects to most”: a relative clause whose subject is someone
    else says which count it is (he/she named), and stops before the sentence's own verb."""
    assert _measure_of(body, value) == measure


def test_a_period_opening_a_sentence_leaves_out_the_amount_in_its_clause() -> None:
    """“In the last six months, Kessen Ltd has lost nearly 9m customers in the US”: the period
    is the one over which the clause happened, its amount (a figure of its own) left out, and
    “US” read as the country, not as “us”."""
    body = "In the last six months, Kessen Ltd has lost nearly 9m customers in the US.\n"
    assert _measure_of(body, "6") == "period in which Kessen Ltd has lost customers in the US"
