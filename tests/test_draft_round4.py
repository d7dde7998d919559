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
    assert measures[0] == "number of transits that the team recorded", measures
    assert measures[1] == "time over which the team recorded transits", measures  # issue 19
    # round 9: a span's clause is kept without the other amounts in it
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


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [("It ended in a 2 –1 win for Grimsby over Woking.",
      [("2", "goals", "goals scored by Grimsby"), ("1", "goals", "goals scored by Woking")]),
     ("Harbour City reached the final, beating Redmoor Athletic 2-1 on Sunday.",
      [("2", "goals", "goals scored by Harbour City"),
       ("1", "goals", "goals scored by Redmoor Athletic")]),
     ("Leeds lost to Hull 0-2 on Sunday.",
      [("0", "goals", "goals scored by Leeds"), ("2", "goals", "goals scored by Hull")])],
)
def test_a_scoreline_counts_each_sides_goals(sentence: str,
                                             figures: list[tuple[str, str, str]]) -> None:
    """A scoreline (“2-1”, “2 –1”) after “X beat Y”, “beating Y”, “Y lost to X” or before “a
    win for X over Y” gives the larger number to the winner and the other to the loser."""
    base = drafted(sentence + "\n")
    assert [(str(f.value), f.unit, f.measure) for f in base.figures] == figures


@pytest.mark.parametrize(
    ("sentence", "value", "to", "qualifier"),
    [("The vortices can take two or three minutes to disperse.", "2", "3", "exact"),
     ("It is likely to weigh anywhere from 1kg to 3kg.", "1", "3", "exact"),
     ("Coal will catch oil within a decade.", "1", None, "at most")],
)
def test_ranges_with_or_and_anywhere_from_and_within(sentence: str, value: str, to: str | None,
                                                      qualifier: str) -> None:
    """“two or three minutes” and “anywhere from 1kg to 3kg” are ranges; “within a decade”
    is at most a decade."""
    base = drafted(sentence + "\n")
    figure = base.figures[0]
    assert (str(figure.value), None if figure.to is None else str(figure.to),
            figure.qualifier) == (value, to, qualifier)


def test_a_range_with_or_measures_the_clause_before_its_first_number() -> None:
    """“The vortices can take two or three minutes to disperse”: the measure is read from
    the words before “two”, not from “… two or”."""
    base = drafted("The vortices can take two or three minutes to disperse.\n")
    assert [f.measure for f in base.figures] == ["time the vortices can take to disperse"]


@pytest.mark.parametrize(
    ("sentence", "measure"),
    [("Kalisa Mora, a 24-year-old student, agreed.", "age of Kalisa Mora"),
     ("“It works,” says Tom Redmond, 27.", "age of Tom Redmond"),
     ("The reform would raise the age at which workers can draw a pension from 62 to 65.",
      "age at which workers can draw a pension")],
)
def test_an_age_says_whose_or_at_which(sentence: str, measure: str) -> None:
    """An age in apposition to a name is that person's age (also at the end of a sentence);
    “the age at which X … from 62” is the age at which X …, counted in years."""
    base = drafted(sentence + "\n")
    assert (base.figures[0].unit, base.figures[0].measure) == ("years old", measure)


@pytest.mark.parametrize(
    ("sentence", "measure"),
    [("Nearly 64 percent of those who took part had backed a new holiday.",
      "share of those who took part who had backed a new holiday"),
     ("It receives roughly 85 percent of the energy that Earth receives from the Sun.",
      "share of the energy that Earth receives from the Sun"),
     ("Meat is limited to 5% of total calories.", "share of total calories"),
     ("Some 70 percent of Calderians oppose the plan.",
      "share of Calderians who oppose the plan"),
     ("Around 30% of patients were treated in hospital.", "share of patients treated in hospital"),
     ("It adds to energy demand – which is expected to rise by 60% over 30 years.",
      "rise in energy demand"),
     ("Sales could fall by 10% next year.", "fall in sales"),
     ("The typical swimmer can hold their breath for about 40 seconds, he says.",
      "time for which the typical swimmer can hold their breath"),
     ("Officials estimate around £32bn was lost to tax avoidance in 2011.",
      "amount lost to tax avoidance"),
     ("The government had costed the holiday at about 180 million krona a year.",
      "cost of the holiday"),
     ("Two founders waited for 18 months.", "number of founders who waited")],
)
def test_shares_say_of_whom_and_what_they_do(sentence: str, measure: str) -> None:
    """A share “of X” keeps X's relative clause or verb (“of those who took part”, “of
    Calderians who oppose the plan”); a change “expected to rise” after “X – which” is a
    rise in X; spans in seconds are spans; money that “was lost to” something is the amount
    lost to it; “costed X at” is the cost of X; people counted take “who”."""
    base = drafted(sentence + "\n")
    assert measure in [f.measure for f in base.figures], [f.measure for f in base.figures]


@pytest.mark.parametrize(
    ("sentence", "measure"),
    [("The stadium holds up to 82,000 spectators.",
      "number of spectators that the stadium holds"),
     ("Redmoor finished the match with ten players.",
      "number of players with which Redmoor finished the match"),
     ("Each finalist will receive about 30,000 tickets.",
      "number of tickets that each finalist will receive"),
     ("The firm agreed a $3bn takeover of its rival.", "value of the takeover"),
     ("The court imposed a £500 fine.", "amount of the fine"),
     ("The election in 2019 was close.", "year of the election"),
     ("Adults need seven hours of sleep.", "number of hours of sleep")],
)
def test_counts_money_and_years_named_by_their_clause(sentence: str, measure: str) -> None:
    """A count ending its clause is “number of X that SUBJECT VERB”; money written before a
    noun is the value (or, for a fine or fee, the amount) of it; a year after a bare noun is
    the year of it; “need” is no past tense."""
    base = drafted(sentence + "\n")
    assert measure in [f.measure for f in base.figures], [f.measure for f in base.figures]


@pytest.mark.parametrize(
    ("text", "measure"),
    [("Ana Ruiz is the president. Prices have risen since she took office in 2022.",
      "year in which Ana Ruiz took office"),
     ("Tom Hale was convicted on Monday. He was jailed for six years.",
      "time for which Tom Hale was jailed"),
     ("Tom Hale arrived late. He left at 9:00.", "time Tom Hale left")],
)
def test_a_he_or_she_in_a_measure_is_named(text: str, measure: str) -> None:
    """A year's, a time's or a span's clause whose subject is he/she names the person the
    pronoun stands for, so the prompt can ask about them; a subordinate clause (“since she
    took office”) is the year's own clause."""
    base = drafted(text + "\n")
    assert measure in [f.measure for f in base.figures], [f.measure for f in base.figures]


def test_one_day_meaning_some_day_is_no_figure() -> None:
    """“it could one day be studied” and “One day, she left” name no span; “lasted one day”
    does."""
    base = drafted("It could one day be studied. One day, she left. The strike lasted one day.\n")
    assert [(str(f.value), f.unit) for f in base.figures] == [("1", "days")]


@pytest.mark.parametrize(
    ("sentence", "measure"),
    [("Veskaria last added a public holiday in 1994.",
      "year in which Veskaria last added a public holiday"),
     ("The telescope is due to launch in 2029.", "year in which the telescope is due to launch"),
     ("There were six minutes of normal time left.", "number of minutes of normal time left"),
     ("Each finalist will receive an allocation of about 30,000 tickets.",
      "number of tickets that each finalist will receive")],
)
def test_no_clause_is_made_from_a_noun_or_an_adjective(sentence: str, measure: str) -> None:
    """“added a holiday” is no reporting verb, “due to launch” no bare noun, “time left” no
    verb with an object, and “an allocation of” no clause a count can follow (since round 16
    it is read as how much, like “a total of”: the tickets each finalist will receive)."""
    base = drafted(sentence + "\n")
    assert [f.measure for f in base.figures] == [measure]


@pytest.mark.parametrize(
    ("sentence", "unit", "measure"),
    [("The test has 90% accuracy.", "percent", "accuracy"),
     ("There is a 40% chance of rain.", "percent", "chance of rain"),
     ("The method had a 70% success rate.", "percent", "success rate"),
     ("Prices rose 5% last year.", "percent", "rise in prices"),
     ("A study of 2,000 adults found it.", "adults", "number of adults in the study"),
     ("A team of 23 researchers found the planet.", "researchers",
      "number of researchers in the team"),
     ("Adults sleep seven hours a night.", "hours a night",
      "number of hours a night that adults sleep")],
)
def test_a_noun_after_a_percentage_and_a_group_of_a_count(sentence: str, unit: str,
                                                          measure: str) -> None:
    """A percentage written before a noun measures it (“90% accuracy”, “a 40% chance of
    rain”), never a time word (“5% last year”); a count “of” a study or team is its size, and
    the verb after it is the group's; “a night” is a rate like “a day”."""
    base = drafted(sentence + "\n")
    assert (base.figures[0].unit, base.figures[0].measure) == (unit, measure)


@pytest.mark.parametrize(
    ("sentence", "measure"),
    [("Coal is used to satisfy global energy demand – which is expected to rise by 60%.",
      "rise in global energy demand"),
     ("It adds to energy demand – which is expected to rise by 60%.", "rise in energy demand"),
     ("It must feed the extra two billion people expected to be alive by 2050.",
      "number of people expected to be alive")],
)
def test_an_infinitive_is_neither_the_thing_that_changes_nor_a_main_verb(sentence: str,
                                                                          measure: str) -> None:
    """“to satisfy global energy demand” changes demand, not “satisfy”; “expected to be
    alive” goes on past “be”, which here is no main verb."""
    base = drafted(sentence + "\n")
    assert measure in [f.measure for f in base.figures], [f.measure for f in base.figures]


@pytest.mark.parametrize(
    ("sentence", "measure"),
    [("The troupe, which was founded by Ana Ruiz ten years ago, performs in Kigali.",
      "time since the troupe was founded by Ana Ruiz"),
     ("Ana Ruiz moved to Paris three years ago.", "time since Ana Ruiz moved to Paris")],
)
def test_a_span_ago_is_the_time_since_its_clause(sentence: str, measure: str) -> None:
    """“N years ago” measures the time since its clause happened, a relative clause's
    antecedent standing for “which”."""
    base = drafted(sentence + "\n")
    assert [f.measure for f in base.figures] == [measure]
