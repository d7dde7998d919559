"""Round 4 of the drafter's figures and measures: made-up sentences of each news shape."""

from __future__ import annotations

import pytest

from tests.test_draft import drafted


@pytest.mark.parametrize(
    ("sentence", "measure"),
    [("Police said 23 people had been arrested.", "number of people arrested"),
     ("Up to 70 people may have died.", "number of people who may have died"),
     ("Two officers were lightly injured, the ministry said.",
      "number of officers lightly injured"),
     ("Nine countries also called for a full recount.",
      "number of countries that called for a full recount"),
     ("Some 18 million people are already facing food shortages.",
      "number of people already facing food shortages"),
     ("Nine hundred million people already go hungry.",
      "number of people who already go hungry"),
     ("The union said 300 buses had brought marchers from other cities.",
      "number of buses that had brought marchers from other cities"),
     ("About 300 people attended the rally.", "number of people who attended the rally"),
     ("In the valley, 118 villagers died in the mudslide.",
      "number of villagers who died in the mudslide"),
     ("Some 12 miners arrested in the raid were freed on Monday.",
      "number of miners arrested in the raid"),
     ("Tom Hale said 31 people were still missing.", "number of people still missing")],
)
def test_a_count_takes_the_verb_of_its_noun(sentence: str, measure: str) -> None:
    """A counted noun's own verb joins its measure: passive as a participle (“number of people
    arrested”), active with who/that (“number of people who may have died”)."""
    base = drafted(sentence + "\n")
    assert measure in [f.measure for f in base.figures], [f.measure for f in base.figures]


def test_a_count_with_a_preposition_after_it_keeps_no_verb() -> None:
    """“14 transits over more than 1,200 hours” and “500 tonnes in a small cloud”: no verb is
    invented, no trailing “over more” kept, and a weight is a weight."""
    base = drafted("The team recorded 14 transits over more than 1,200 hours. There are about"
                   " 500 tonnes in a small cloud.\n")
    measures = [f.measure for f in base.figures]
    assert measures[0] == "number of transits the team recorded", measures
    assert measures[1] == "number of hours", measures
    assert measures[2] == "weight in a small cloud", measures


@pytest.mark.parametrize(
    ("sentence", "measure"),
    [("The parade set off at 14:00 from the station.", "time the parade set off"),
     ("They walked to the square, where the rally ended shortly before 17:30.",
      "time the rally ended"),
     ("Kick-off is at 19:45.", "time of kick-off"),
     ("At 03:40 on Sunday, the dam burst its banks.", "time the dam burst its banks"),
     ("The new bridge will be opened on 2 May 2031.",
      "year in which the new bridge will be opened"),
     ("Officials said the city may have to ration water by 2040 to avoid shortages.",
      "year by which the city may have to ration water")],
)
def test_a_time_or_year_is_the_time_its_clause_happens(sentence: str, measure: str) -> None:
    """A time of day or a year measures when its clause's subject does what its verb says
    (“time the parade set off”), or is the time of the noun before “is” (“time of kick-off”);
    a date before a year and a reporting verb before the clause are read past."""
    base = drafted(sentence + "\n")
    assert measure in [f.measure for f in base.figures], [f.measure for f in base.figures]


def test_a_time_with_only_a_pronoun_or_no_verb_stays_time_of_day() -> None:
    """“She left at 9:00” names nobody a prompt could use, and “There was a meeting at 10:00”
    no subject: both keep the plain “time of day”, which the check asks to replace."""
    base = drafted("She left at 9:00. There was a meeting at 10:00.\n")
    assert all(f.measure.startswith("time of day") for f in base.figures), \
        [f.measure for f in base.figures]


@pytest.mark.parametrize(
    ("sentence", "measure"),
    [("Ana Lee won 51.2% of the vote against 44.2% for Tom Hale.",
      "share of the vote for Tom Hale"),
     ("The minister said farmers must increase food production by 70%.",
      "increase in food production"),
     ("The city wants to cut emissions by 40% within ten years.", "cut in emissions"),
     ("The device would be priced at £280, he says.", "price of the device"),
     ("An extra holiday could cost the economy up to 300 million krona a year.",
      "cost of the extra holiday to the economy"),
     ("The march wound for nearly four kilometres along Harbour Avenue.",
      "distance along Harbour Avenue"),
     ("The jet flew faster than sound’s 740mph.", "speed of sound"),
     ("There are around 500 tonnes of water in a small cloud.",
      "amount of water in a small cloud"),
     ("The ministry sent 20 million euros in emergency aid for the province.",
      "emergency aid for the province")],
)
def test_shares_changes_money_and_sizes_say_of_what(sentence: str, measure: str) -> None:
    """A second share after “against” is of the same thing, for whom it names; a verb of
    change and its object make “increase in X”; money “priced at” or “cost the economy” is
    the price or cost of the noun before; sizes are a distance, speed or amount, not a
    “number of kilometres”; money counted in currency words is measured as money."""
    base = drafted(sentence + "\n")
    assert measure in [f.measure for f in base.figures], [f.measure for f in base.figures]


@pytest.mark.parametrize(
    ("sentence", "measure"),
    [("More than 310 millimetres of rain fell on the town overnight.",
      "amount of rain that fell on the town overnight"),
     ("The firm laid 40 kilometres of cable.", "length of cable"),
     ("If the planet has air, its surface temperature would be about 15 degrees Celsius.",
      "surface temperature"),
     ("Police said 23 people were arrested after a group of youths threw bottles.",
      "number of people arrested")],
)
def test_amounts_of_a_substance_and_named_sizes(sentence: str, measure: str) -> None:
    """“310mm of rain fell” is an amount of rain that fell; “40km of cable” a length; a size
    named before “would be” is that name; a count's clause stops before “after …”."""
    base = drafted(sentence + "\n")
    assert measure in [f.measure for f in base.figures], [f.measure for f in base.figures]
