"""Drafting rules for real news, round 2: compound number words, verbs of excess, listed
bodies, bodies by their context, people named in apposition after a role."""

from __future__ import annotations

from decimal import Decimal

import pytest

from quizgen.draft import analyse
from tests.test_draft import HEADLINE, drafted


@pytest.mark.parametrize(
    ("sentence", "value", "unit", "qualifier"),
    [("Six hundred million people still lack clean water.", "600", "million people", "exact"),
     ("Planners expect a seven-billion population by then.", "7", "billion people",
      "exact"),  # round 15: a population counts people
     ("Its yearly turnover exceeds £40m in the region.", "40", "million pounds", "more than"),
     ("The march topped 12,000 people by noon.", "12000", "people", "more than"),
     ("About 300 farmers already sell online.", "300", "farmers", "about")],
)
def test_compound_number_words_and_verbs_of_excess(sentence: str, value: str, unit: str,
                                                   qualifier: str) -> None:
    """“Six hundred million” is 600 million, “seven-billion” a scale word, “exceeds” and
    “topped” read as more than, and an adverb after the noun ends the unit."""
    base = drafted(sentence + "\n")
    found = {(f.value, f.unit, f.qualifier) for f in base.figures}
    assert (Decimal(value), unit, qualifier) in found, found


def test_one_word_names_in_a_list_of_names_are_listed_bodies() -> None:
    """Companies named once in a list (“Acme, Borka, Zentec and Quill”) are drafted as
    organisations; a list with a country in it is not taken for one of bodies."""
    base = drafted("Critics say Acme, Borka, Zentec and Quill all pay little tax. Farmers in"
                   " Kenya, Tolvik and Ostra grow tea.\n")
    kinds = {e.name: e.kind for e in base.entities}
    for name in ("Acme", "Borka", "Zentec", "Quill"):
        assert kinds.get(name) == "organisation", kinds
    assert "Tolvik" not in kinds and "Ostra" not in kinds, kinds


@pytest.mark.parametrize(
    "sentence",
    ["Tourists queue at a little bakery called Pan Dorado every morning.",
     "The campaign group Fair Share Now plans a protest on Saturday.",
     "She met the co-founders of Green Kettle Tea in the capital.",
     "Fans crowd into Pan Dorado, which opened last year.",
     "Activists from UK Fairtax marched on Saturday."],
)
def test_names_news_shows_to_be_bodies(sentence: str) -> None:
    """A name after a body noun (“a bakery called X”, “the campaign group X”), after
    “co-founders of”, before “, which”, or with an acronym inside is an organisation."""
    found = analyse(HEADLINE + sentence + "\n").entities.values()
    people = [e.name for e in found if e.kind == "person"]
    bodies = [e.name for e in found if e.kind == "organisation" and e.name != "the article"]
    assert not people and bodies, [(e.name, e.kind) for e in found]


def test_a_person_called_by_a_role_later_is_not_a_place() -> None:
    """“the ambassador, Ann Brook, at the ambassador’s residence”: a person, not a place,
    though the role reference follows “at”."""
    base = drafted("He dined with the US ambassador, Ann Brook, at the ambassador’s residence"
                   " before flying home.\n")
    assert "Ann Brook" in {e.name for e in base.entities if e.kind == "person"}
    assert "Ann Brook" not in {p.name for p in base.places}


def test_ampersand_names_and_one_word_bodies_after_a_body_noun() -> None:
    """“Marlow & Mason” is one body, never a person; a one-word name after a body noun
    (“the telecoms provider Zentel”, “a second-division side, Ostrava”) is listed."""
    found = analyse(HEADLINE + "Shoppers like Marlow & Mason a lot.\n").entities
    assert found["Marlow & Mason"].kind == "organisation", found
    base = drafted("The telecoms provider Zentel was fined. He once coached a second-division"
                   " side, Ostrava.\n")
    kinds = {e.name: e.kind for e in base.entities}
    assert kinds.get("Zentel") == "organisation" and kinds.get("Ostrava") == "organisation", kinds


def test_a_full_name_after_a_team_and_a_comma_stays_a_person() -> None:
    """“One of the research team, Ann Brook, said …”: an apposition to “one of”, a person."""
    found = analyse(HEADLINE + "One of the research team, Ann Brook, said it works.\n")
    assert found.entities["Ann Brook"].kind == "person"


def test_money_and_shares_are_measured_by_the_noun_phrase_they_are_given_for() -> None:
    """“a pass rate in trials of over 60%”, “the entry fee at the museum is £40”, “£700m of
    tax” and “£9m in corporation tax since” name the amount; never a bare “amount of money”."""
    base = drafted("The firm built a scanner with a pass rate in trials of over 60% last year."
                   " The entry fee at the museum is £40, the club says. Critics say firms avoided"
                   " nearly £700m of tax. Reuters found the firm had paid £9m in corporation"
                   " tax since 2001.\n")
    measures = {f.value: f.measure for f in base.figures}
    assert measures[Decimal(60)] == "pass rate in trials", measures
    assert measures[Decimal(40)] == "entry fee at the museum", measures
    assert measures[Decimal(700)] == "tax", measures
    assert measures[Decimal(9)] == "corporation tax that the firm had paid since 2001", measures


def test_a_count_names_who_has_or_holds_it() -> None:
    """“Tolvik, which has 12,400 residents” counts residents of Tolvik; “The bakery employs
    eight bakers” counts the bakers the bakery employs."""
    base = drafted("Most visitors stop in Tolvik, which has 12,400 residents. The bakery employs"
                   " eight bakers.\n")
    measures = {f.value: f.measure for f in base.figures}
    assert measures[Decimal(12400)] == "number of residents of Tolvik", measures
    assert measures[Decimal(8)] == "number of bakers that the bakery employs", measures


def test_acronyms_for_things_are_no_bodies() -> None:
    """“DNA”, “TV” and “GDP” name things, not organisations; “NATO” stays a body."""
    found = analyse(HEADLINE + "Traces of DNA were shown on TV as GDP fell. NATO met twice.\n")
    kinds = {e.name: e.kind for e in found.entities.values()}
    assert not {"DNA", "TV", "GDP"} & set(kinds), kinds
    assert kinds.get("NATO") == "organisation", kinds


def test_people_named_with_a_title_inside_a_quotation_are_drafted() -> None:
    """“As Dr Ann Brook says, …” inside a quotation drafts Ann Brook as a person with the
    title as role; a surname alone (“Mr Lee”) is not drafted."""
    base = drafted("The mayor, Tom Baker, spoke on Monday. “As Dr Ann Brook says, the sea"
                   " always wins, and Mr Lee agrees,” he said.\n")
    people = {e.name: e.role for e in base.entities if e.kind == "person"}
    assert people.get("Ann Brook") == "Dr", people
    assert "Lee" not in people, people


def test_a_span_written_as_an_adjective_measures_the_length_of_its_noun() -> None:
    """“a 45-minute interview”, “a three-year deal” and “a 12-mile march” measure the length
    of the interview, the deal and the march."""
    base = drafted("They held a 45-minute interview, and he signed a three-year deal. Crowds"
                   " joined a 12-mile march.\n")
    measures = {f.value: f.measure for f in base.figures}
    assert measures[Decimal(45)] == "length of the interview", measures
    assert measures[Decimal(3)] == "length of the deal", measures
    assert measures[Decimal(12)] == "length of the march", measures
