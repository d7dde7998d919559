"""Round 21: measures built from the clause a number opens or ends (made-up sentences)."""

from __future__ import annotations

import pytest
import yaml

from quizgen.draft import draft_factbase


def _measures(text: str) -> list[str]:
    """The measures of every figure drafted from a made-up article."""
    data = yaml.safe_load(draft_factbase("Notes from the valley\n\n" + text + "\n", name="t"))
    return [figure["measure"] for figure in data.get("figures") or []]


@pytest.mark.parametrize(("text", "measure"), [
    ("A ticket for one adult can cost around $50 each year.", "cost of the ticket for one adult"),
    ("Most days are quiet. And wooden garden sheds cost £900 or more.",
     "cost of wooden garden sheds"),
    ("The new bridge will cost about £45m.", "cost of the new bridge"),
])
def test_money_after_cost_is_the_cost_of_the_subject(text: str, measure: str) -> None:
    """Money after the verb "cost" (with a modal, after "And") is the cost of the clause's
    subject, an of- or for-phrase kept."""
    assert measure in _measures(text)


@pytest.mark.parametrize("text", [
    "Ana Ruiz said it would cost $40 to fix.",
    "They cost about £300.",
])
def test_a_cost_with_no_noun_phrase_subject_is_not_named(text: str) -> None:
    """A pronoun or a name and a clause before "cost" is no subject to name the cost after."""
    assert not any(m.startswith("cost of") for m in _measures(text))


def test_an_age_when_is_said_with_what_the_person_did() -> None:
    """ "When she was 10, she moved to Spain": the age at which the named person did it."""
    text = "Ana Ruiz is a singer. When she was 10, she moved to Spain with her family."
    assert "age at which Ana Ruiz moved to Spain with her family" in _measures(text)


def test_a_size_at_high_is_the_height_at_which_the_subject_does_its_verb() -> None:
    """ "the storm began at around 250 kilometers high": the height at which the storm began."""
    text = "Experts had thought this storm began at around 250 kilometers high."
    assert "height at which the storm began" in _measures(text)


def test_a_span_opening_with_by_measures_its_first_clause() -> None:
    """ "By 32 seconds, the drone was back …": the time by which it was, up to the next verb
    joined by "and"."""
    text = "By 32 seconds, the drone was back on the ground and was no longer sending signals."
    assert _measures(text) == ["time by which the drone was back on the ground"]


@pytest.mark.parametrize(("text", "measure"), [
    ("Tom Hale broke his leg in May. Nine months and many operations later, he played at the"
     " final.", "time after which Tom Hale played at the final"),
    ("The firm closed its office. Two years later, the company opened a shop in Leeds.",
     "time after which the company opened a shop in Leeds"),
])
def test_a_span_before_later_measures_the_clause_after_it(text: str, measure: str) -> None:
    """ "Two years later, X did Y": the time after which X did Y, a he/she named."""
    assert measure in _measures(text)


def test_a_span_later_with_an_unresolved_it_is_not_named() -> None:
    """ "Two years later, it …": no clause named from a pronoun nobody resolves."""
    assert not any(m.startswith("time after which") for m in _measures(
        "Two years later, it was gone."))


@pytest.mark.parametrize(("text", "measure"), [
    ("Ana Ruiz took the job in May. But, after only two games, she resigned from the job"
     " following a clash with the owner.", "number of games after which Ana Ruiz resigned from"
     " the job"),
    ("After three attempts, the team gave up.", "number of attempts after which the team gave up"),
])
def test_a_count_after_which_a_clause_happened(text: str, measure: str) -> None:
    """ "after only two games, she resigned …": the count of things after which the clause after
    the comma happened, cut before a participle, a he/she named."""
    assert measure in _measures(text)


def test_a_share_of_a_group_from_a_number_of_countries_keeps_what_they_said() -> None:
    """ "N percent of respondents from 23 countries said that …": the number of countries is a
    figure of its own; the share keeps what the group said."""
    text = "A median of 58 percent of respondents from 23 countries said that being born in a" \
           " country is important."
    assert "share of respondents who said that being born in a country is important" in \
        _measures(text)


def test_a_share_whose_saying_runs_into_a_quotation_is_not_cut_there() -> None:
    """ "… said that X is “…”": a clause cut at the quotation, ending on "is", is left out."""
    text = "A median of 91 percent of people across 21 countries said that speaking the language" \
           " is “important for being a true national.”"
    assert not any(m.endswith(" is") for m in _measures(text))


@pytest.mark.parametrize(("text", "measure"), [
    ("Buyers like it. But, many also say price (44%) and colour (31%) are important, as is size"
     " (35%).", ["share of people who say price is important", "share of people who say colour"
                 " is important", "share of people who say size is important"]),
    ("Polls show British voters said the economy (55%) and health (30%) were important.",
     ["share of British voters who said the economy was important",
      "share of British voters who said health was important"]),
])
def test_a_share_in_brackets_of_what_a_group_says(text: str, measure: list[str]) -> None:
    """ "many say X (44%) and Y (31%) are important": the share of the group (people, for
    "many") who say each item is what the list is said to be."""
    assert _measures(text) == measure


def test_a_share_in_brackets_said_by_a_pronoun_keeps_its_item() -> None:
    """ "They say price (20%) is important": whose words, the text does not say here."""
    assert not any(m.startswith("share of") for m in _measures(
        "They say price (20%) is important."))


@pytest.mark.parametrize(("text", "measure"), [
    ("Astronomers have found a planet about 1.6 times the width of Earth orbiting a small star.",
     "width of the planet compared with Earth"),
    ("The new drone is about 20 times heavier than the old one.",
     "weight of the new drone compared with the old one"),
    ("Tom Hale said Chopper is about 20 times faster than Ingenuity.",
     "speed of Chopper compared with Ingenuity"),
    ("Cotton shirts need five to ten times more water than a linen shirt.",
     "water that cotton shirts need compared with a linen shirt"),
])
def test_a_multiple_is_said_of_what_it_compares(text: str, measure: str) -> None:
    """ "N times the width of X", "N times heavier than X", "N times more water than X": the
    size or amount of the thing compared, with what it is compared with."""
    assert measure in _measures(text)


def test_a_multiple_of_a_pronoun_is_not_named() -> None:
    """ "it has 3.5 times the mass of Earth": whose mass, the clause does not say."""
    assert not any("compared with" in m for m in _measures(
        "The team estimates that it has 3.5 times the mass of Earth."))


@pytest.mark.parametrize(("text", "measure"), [
    ("During the test, the sensor on the balloon was able to measure an electrical voltage of"
     " 0.55 volts.", "electrical voltage that the sensor on the balloon was able to measure"),
    ("Last year, the probe on the lander measured a surface temperature of 460 degrees.",
     "surface temperature that the probe on the lander measured"),
])
def test_a_size_named_before_of_is_said_with_its_clause(text: str, measure: str) -> None:
    """ "the sensor measured a voltage of 0.55 volts": the size is the object of the clause's
    verb, said with its subject and verb."""
    assert measure in _measures(text)


def test_a_size_a_thing_has_is_still_of_the_thing() -> None:
    """ "The plane has a top speed of 550mph": the top speed of the plane, as before."""
    assert "top speed of the plane" in _measures("The plane has a top speed of 550mph.")
