"""Round 19 of the draft on real news (issue 19): rules from the VOA Learning English development
articles (tests/corpus/voa/dev), each tested on made-up sentences that name no article's words."""

from __future__ import annotations

from typing import Any

import yaml

from quizgen.draft import draft_factbase

OPENING = "The council met on Monday to discuss the plan. "


def drafted(text: str) -> dict[str, Any]:
    """The draft of a made-up article, as plain YAML data."""
    data = yaml.safe_load(draft_factbase(OPENING + text, name="made-up"))
    assert isinstance(data, dict)
    return data


def people(text: str) -> dict[str, dict[str, Any]]:
    """The drafted people, organisations and groups of an article, by name."""
    return {p["name"]: p for p in drafted(text).get("people", [])}


def figures(text: str) -> list[dict[str, Any]]:
    """The drafted figures of an article."""
    return list(drafted(text).get("figures", []))


def quote(text: str, words: str) -> dict[str, Any]:
    """The drafted quote with these words."""
    return next(q for q in drafted(text).get("quotes", []) if q["text"] == words)


def test_a_sign_off_names_the_writer_without_i_am() -> None:
    """ "I’m Carla Mendes." at a story's end: the person is Carla Mendes, not "I’m Carla
    Mendes"."""
    found = people("Officials gave no reason for the delay.\nI’m Carla Mendes.")
    assert "Carla Mendes" in found and found["Carla Mendes"]["kind"] == "person"
    assert not any(name.startswith("I’m") for name in found)


def test_minus_between_qualifier_and_number_keeps_the_qualifier_and_the_scale() -> None:
    """ "about minus 40 degrees Fahrenheit": value -40, qualifier about, unit with its
    scale."""
    found = figures("Temperatures on the pass fell to about minus 40 degrees Fahrenheit, the"
                    " weather service said.")
    cold = next(f for f in found if f["value"] == -40)
    assert cold["qualifier"] == "about"
    assert cold["unit"] == "degrees Fahrenheit"


def test_a_size_from_one_end_to_the_other_after_be_is_a_range() -> None:
    """ "is from three to 12 meters thick": one figure, 3 to 12 meters; "raised the fee from 5
    to 8 dollars" stays two figures (a change)."""
    found = figures("Its old wall is from three to 12 meters thick, the report said.")
    wall = next(f for f in found if f["value"] == 3)
    assert wall.get("to") == 12 and wall["unit"] == "meters"
    changed = figures("The town raised the parking fee from 5 to 8 dollars in March.")
    assert not any(f.get("to") for f in changed)


def test_a_count_of_a_named_owners_things_is_in_those_things() -> None:
    """ "three of Martin’s old barns": the unit is barns, not "units"."""
    found = figures("Inspectors said that three of Martin’s old barns fell down in the storm.")
    assert next(f for f in found if f["value"] == 3)["unit"] == "barns"


def test_a_name_given_to_a_thing_after_the_has_no_speaker() -> None:
    """ "Scientists are calling the new coating the “silver skin”" after the scientists are
    named: a name, nobody says it."""
    named = quote("Scientists say the new coating lasts for years. Scientists are calling the new"
                  " coating the “silver skin.”", "silver skin")
    assert named["speakers"] == [] and named["distinctive"] is False


def test_a_short_term_ending_its_sentence_after_of_the_has_no_speaker() -> None:
    """ "a report says the storm is one cause of the “winter surge.”": a term, nobody says it."""
    term = quote("A city report says officials think the storm is one cause of the “winter"
                 " surge.”", "winter surge")
    assert term["speakers"] == []


def test_a_name_described_as_a_world_is_no_body_where_it_is_named_first() -> None:
    """ "Saturn’s moon Rhea has …", then "Rhea, a cold, icy world": a thing at both mentions."""
    found = people("Saturn’s moon Rhea has a thin sky. No life was found on Rhea, a cold, icy"
                   " world.")
    assert "Rhea" not in found


def test_a_machine_named_or_named_before_its_noun_is_no_body() -> None:
    """ "a rocket named Halcyon" (named again later), "the Orla Vance rotorcraft" (and "Vance"
    later): machines, not entities."""
    found = people("A rocket named Halcyon gathered the data. Halcyon launched from Chile in"
                   " May, and the Halcyon team said it worked. Engineers also built the Orla"
                   " Vance rotorcraft. Vance can fly for an hour.")
    assert not {"Halcyon", "Orla Vance", "Vance"} & set(found)
    assert "Chile" in found


def test_a_publication_before_a_name_makes_it_a_body() -> None:
    """ "the publication Lumen": an organisation."""
    found = people("The study appeared in the publication Lumen.")
    assert found["Lumen"]["kind"] == "organisation"


def test_volts_measure_a_voltage() -> None:
    """ "a voltage of 12 volts": the measure is a voltage, not a number of volts."""
    found = figures("The old device recorded a voltage of 12 volts.")
    assert next(f for f in found if f["value"] == 12)["measure"].startswith("voltage")


def test_a_size_said_of_a_noun_phrase_through_estimated_to_be_or_that_is() -> None:
    """ "The surface of the lake is estimated to be about minus 12 degrees" and "a rocky wall
    that is from three to 9 meters thick": said of the surface, of the wall."""
    found = figures("The surface of the lake is estimated to be about minus 12 degrees"
                    " Celsius.")
    assert next(f for f in found if f["value"] == -12)["measure"] == \
        "temperature of the surface of the lake"
    found = figures("The survey found the island has a rocky wall that is from three to 9"
                    " meters thick.")
    assert next(f for f in found if f["value"] == 3)["measure"] == "thickness of a rocky wall"
