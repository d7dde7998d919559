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
    """“500 tonnes in a small cloud” and “14 transits over more than 1,200 hours”: no verb is
    invented, and no trailing “over more” is kept."""
    base = drafted("The team recorded 14 transits over more than 1,200 hours. There are about"
                   " 500 tonnes in a small cloud.\n")
    measures = [f.measure for f in base.figures]
    assert measures[0] == "number of transits the team recorded", measures
    assert measures[1] == "number of hours", measures
    assert measures[2] == "number of tonnes in a small cloud", measures
