"""Round 18 of the draft on real news (issue 19): the scorer's measure proxy checked against a
teacher's reading, and measures a prompt can use as written, tested on made-up sentences that
name no corpus article's words."""

from __future__ import annotations

import pytest

from quizgen.factbase.model import Figure


@pytest.mark.parametrize(
    ("drafted_measure", "wanted", "usable"),
    [  # a measure that is the hand-written one cut short before the words saying which
     ("number of northern lakes", "number of northern lakes in which the otters breed", False),
     ("share of the press corps", "share of the press corps the mayor calls liars", False),
     ("level of the match", "level of the match Ortiz was to referee", False),
     # ... but a possessor, a setting or a condition a one-story article answers may go
     ("number of goats", "number of goats Ana has", True),
     ("time the parade ended", "time the parade ended in Castle Square", True),
     ("size of the crowd", "size of the crowd at the derby", True),
     ("time within which tin will overtake zinc",
      "time within which tin will overtake zinc if prices keep rising", True),
     ("weeks of silence", "weeks of silence declared", True),
     ("amount of spilt oil", "spilt oil collected after the storm", True),
     ("share of their income", "share of their income farmers earn from wool now", False),
     ("share of their income that farmers earn from wool",
      "share of their income farmers earn from wool now", True),
     ("sales in 2019", "sales of the firm in 2019", True),
     ("sales in 2019 of 4 shops", "sales in 2019", False),
     ("time the vote ended", "length of the vote on the budget", True),
     ("time Ana Ruiz scored", "time after half-time when Ana Ruiz scored", True),
     ("home crowd of Lindfield Rovers 81", "home crowd of Lindfield Rovers 81", True),
     ("home crowd of 81 clubs", "home crowd of 81 clubs", False),
     # a word that says which amount it is
     ("number of cars expected to be sold", "number of extra cars expected to be sold", False),
     ("number of extra cars expected to be sold", "number of extra cars expected to be sold",
      True),
     # a measure that does not read as a noun phrase
     ("among total exports", "total exports", False),
     ("despite total exports", "total exports since 2001", False),
     ("time within which be on sale in shops", "time within which the drug could be on sale",
      False),
     ("number of pupils absent in spite of the fact that school meals",
      "number of pupils absent", False),
     ("share for price", "share of buyers citing price", False),
     ("number of nurses who say they back it", "number of nurses who back the strike",
      False)],
)
def test_measure_proxy_round18(drafted_measure: str, wanted: str, usable: bool) -> None:
    """The proxy refuses a measure cut short of the words saying which amount, one missing a
    word such as "extra", and clauses no prompt can use; it accepts a possessor, a setting or a
    condition left to the article."""
    from tests.draft_match import usable_measure

    assert usable_measure(drafted_measure, wanted) is usable


def _measures(body: str) -> list[str]:
    """The measure of each drafted figure, in text order."""
    from tests.test_draft import drafted

    return [f.measure for f in drafted(body).figures]


@pytest.mark.parametrize(
    ("body", "measure"),
    [("Farmers earn nearly 40% of their income from wool, officials say.\n",
      "share of their income that farmers earn from wool"),
     ("The city spends 12% of its budget on roads.\n",
      "share of its budget that the city spends on roads")],
)
def test_a_share_that_a_clause_takes(body: str, measure: str) -> None:
    """“Farmers earn 40% of their income from wool”: the share of their income that farmers
    earn from wool, not a bare “share of their income”."""
    assert _measures(body) == [measure]


def test_a_share_whose_clause_has_a_pronoun_stays_bare() -> None:
    """“Polls suggest he has 30% of the vote”: “he” is not resolved, so no clause is added."""
    assert _measures("Recent polls suggest he has 30% of the vote.\n") == ["share of the vote"]


def test_a_plural_subject_and_its_verb_say_which_count() -> None:
    """“Most farmers keep 40 sheep”: a plural subject with a present verb is a clause the
    count ends (number of sheep that most farmers keep)."""
    assert _measures("Most farmers keep 40 sheep on the hill.\n") == [
        "number of sheep that most farmers keep on the hill"]


def test_money_up_from_an_earlier_amount() -> None:
    """“sales of about $2.5bn, up from $1.9bn in 2019”: the amount it is up from is the same
    measure in 2019 (not “amount of money”), without the forecast's “expected by …”."""
    body = "Analysts expect sales of about $2.5bn, up from $1.9bn in 2019.\n"
    assert _measures(body)[:2] == ["sales expected by analysts", "sales in 2019"]


def test_a_span_in_a_relative_clause_after_a_dash() -> None:
    """“Global oil demand – which is expected to rise by 30% over the coming 20 years –”: the
    span is the one over which global oil demand is expected to rise ("which" stands for the
    noun phrase before the dash, which has no "the")."""
    body = ("Global oil demand – which is expected to rise by 30% over the coming 20 years –"
            " will strain supplies.\n")
    assert "time over which global oil demand is expected to rise" in _measures(body)


@pytest.mark.parametrize(
    ("body", "measure"),
    [("The charity had raised only £8.6m in donations since launching in Wales in 2001.\n",
      "donations that the charity had raised since launching in Wales"),
     ("The club had spent £40m in transfer fees over the last three years.\n",
      "transfer fees that the club had spent over the last three years")],
)
def test_money_a_subject_paid_in_a_noun(body: str, measure: str) -> None:
    """“The charity had raised only £8.6m in donations since launching”: the donations that
    the charity had raised since launching, not bare “donations”."""
    assert _measures(body)[0] == measure


def test_money_paid_by_a_pronoun_stays_bare() -> None:
    """“The club said it had paid £3m in fees”: “it” is not resolved, so no clause is added."""
    assert _measures("The club said it had paid £3m in transfer fees.\n") == ["transfer fees"]


def test_a_concession_word_is_no_part_of_a_measure() -> None:
    """“despite total sales of £30m”: the measure is the total sales, without “despite”."""
    body = "The shop closed in March, despite total sales of £30m.\n"
    assert "total sales" in _measures(body)


def test_counts_given_with_a_place_and_listed_alongside() -> None:
    """“the most common predator in Canada, with around 60,000 wolves, alongside 25,000
    cougars and 9,000 wolverines”: each count is the number there, not “that Canada has”."""
    body = ("Wolves are the most common predator in Canada, with around 60,000 wolves, alongside"
            " 25,000 cougars and 9,000 wolverines.\n")
    assert _measures(body) == ["number of wolves in Canada", "number of cougars in Canada",
                               "number of wolverines in Canada"]


def test_a_month_is_no_place_a_count_is_in() -> None:
    """“The fair opened in May, with 300 stalls”: May is a month, not where the stalls are."""
    assert "number of stalls in May" not in _measures(
        "The fair opened in May, with 300 stalls.\n")


def test_a_count_keeps_a_relative_clause_after_its_place() -> None:
    """“the 5 million children in Asia who do not go to school”: the relative clause after the
    place says which children, and is kept whole."""
    body = "The charity helps the 5 million children in Asia who do not go to school.\n"
    assert _measures(body) == ["number of children in Asia who do not go to school"]


def test_a_share_of_those_who_did_one_thing_and_then_another() -> None:
    """“64 percent of those who took part had backed a new holiday”: the share of those who
    took part who had backed it, not only of those who took part."""
    body = "Nearly 64 percent of those who took part had backed a new holiday in winter.\n"
    assert _measures(body) == ["share of those who took part who had backed a new holiday in"
                               " winter"]


def test_a_share_whose_clause_reports_speech_gets_no_second_clause() -> None:
    """“40% of voters who were asked said they would back the plan”: where the relative clause
    ends is not clear, so no “who would back the plan” is tacked on."""
    body = "About 40% of voters who were asked said they would back the plan.\n"
    assert not any(m.endswith("who would back the plan") for m in _measures(body))


@pytest.mark.parametrize(
    ("body", "measure"),
    [("The striker has scored three times against Spain.\n",
      "number of times that the striker has scored against Spain"),
     ("The river has flooded twice over the past decade.\n",
      "number of times that the river has flooded over the past decade")],
)
def test_how_often_a_subject_did_a_thing(body: str, measure: str) -> None:
    """“has scored three times against Spain”: the number of times the subject did it, with
    against whom or when; not “number of times against Spain”."""
    assert _measures(body)[0] == measure


def test_a_multiple_is_no_count_of_times_done() -> None:
    """“uses four times more water than rice”: a multiple, so no “that …” clause is made."""
    assert not _measures("Beef uses four times more water than rice.\n")[0].startswith(
        "number of times that")


def test_an_amount_of_a_name_whose_noun_is_given() -> None:
    """“Lindfield Rovers 81, whose average home crowd at the ground … is around 3,800”: the
    average home crowd of Lindfield Rovers 81."""
    body = ("The new coach of Lindfield Rovers 81, whose average home crowd at the ground in the"
            " north of Spain is around 3,800, is a former scout.\n")
    assert "average home crowd of Lindfield Rovers 81" in _measures(body)


@pytest.mark.parametrize(
    ("body", "measure"),
    [("The sale went on right up to the 3pm start time.\n", "start time"),
     ("Police set a 10pm curfew in the city.\n", "time of the curfew")],
)
def test_a_time_of_day_written_onto_its_noun(body: str, measure: str) -> None:
    """“the 3pm start time”, “a 10pm curfew”: the time is of the noun after it, not of the
    clause before it."""
    assert _measures(body) == [measure]


@pytest.mark.parametrize(
    ("body", "measure"),
    [("There will be too little water for the expected ten-billion population in 2060.\n",
      "expected population in 2060"),
     ("The town's 40,000 population doubled in summer.\n", "population of the town")],
)
def test_a_count_written_before_a_noun_that_counts_people(body: str, measure: str) -> None:
    """“the expected ten-billion population in 2060”: the expected population in 2060, not
    “number of people” with the clause before it."""
    assert _measures(body)[0] == measure


def test_a_count_of_the_parts_of_a_thing_named_before_it() -> None:
    """“the two-hour trial, involving three tasks”: the number of tasks in the trial."""
    body = "Each was paid £10 for the two-hour trial, involving three tasks.\n"
    assert "number of tasks in the trial" in _measures(body)


def test_a_singular_subject_with_its_verb_before_the_count() -> None:
    """“The app, which limits its users to 150 friends”: a verb in -s inside the clause, not
    only at its end, makes a subject and verb (number of friends to which the app limits its
    users)."""
    body = "The app, which limits its users to 150 friends, is growing.\n"
    assert _measures(body) == ["number of friends to which the app limits its users"]


def test_an_age_set_off_by_commas_after_a_noun() -> None:
    """“The driver, 54, was arrested”: an age in years, the driver's, as for a name."""
    figure = _figures("The driver, 54, was arrested on Monday.\n")[0]
    assert (figure.unit, figure.measure) == ("years old", "age of the driver")


def test_an_amount_up_from_one_last_year() -> None:
    """“rose to 2,043 this year, up from 1,810 last year”: the same measure, last year."""
    body = "The number of pilots in the country rose to 2,043 this year, up from 1,810 last year.\n"
    found = _measures(body)
    assert found[1] == found[0] + " last year", found


@pytest.mark.parametrize(
    ("body", "measure"),
    [("Ana Ruiz, whose fortune is estimated at $12bn, runs a chain of shops.\n",
      "fortune of Ana Ruiz"),
     ("Tom Hale, worth $3.4bn, owns two football clubs.\n", "value of Tom Hale")],
)
def test_money_a_named_person_is_worth(body: str, measure: str) -> None:
    """“whose fortune is estimated at $12bn”: the fortune of the name; “Tom Hale, worth $3.4bn,”:
    his value, as for “Tom Hale is worth”."""
    assert _measures(body)[0] == measure


def _figures(body: str) -> list[Figure]:
    """The drafted figures, in text order."""
    from tests.test_draft import drafted

    return list(drafted(body).figures)


@pytest.mark.parametrize(
    ("body", "measure"),
    [("The average Briton spends 4 hours a day watching television.\n",
      "time the average Briton spends watching television a day"),
     ("Most pupils spend about 20 minutes a week doing sport.\n",
      "time most pupils spend doing sport a week")],
)
def test_time_spent_doing_a_thing_at_a_rate(body: str, measure: str) -> None:
    """“spends 4 hours a day watching television”: the time spent doing it, a day; not
    “number of hours a day watching television”."""
    assert _measures(body) == [measure]


@pytest.mark.parametrize(
    ("body", "measure"),
    [("Women make up just 11% of the board.\n", "share of the board that women make up"),
     ("Rice accounts for about 20% of all calories.\n",
      "share of all calories for which Rice accounts"),
     ("A survey of 1,000 parents found that 45% worried about costs.\n",
      "share of parents who worried about costs"),
     ("More than 60% of the runners who entered were women.\n",
      "share of the runners who entered who were women")],
)
def test_shares_in_the_shapes_of_survey_news(body: str, measure: str) -> None:
    """A share a phrasal verb takes (“make up”), one a verb with a preposition takes
    (“accounts for”), a bare share that did something in the past (“45% worried”), and a
    share of those who did one thing that were another (“who entered were women”)."""
    assert _measures(body)[-1] == measure


def test_a_share_a_passive_verb_limits_stays_bare() -> None:
    """“Meat is limited to 5% of total calories”: no “to which meat is limited” is made."""
    assert _measures("Meat is limited to 5% of total calories.\n") == ["share of total calories"]


@pytest.mark.parametrize(
    ("body", "measure"),
    [("The price of rice has tripled since 2006.\n", "rise in the price of rice"),
     ("The shares of pupils taking French and German have both doubled since 2001.\n",
      "rise in the shares of pupils taking French and German"),
     ("Profits rose and sales doubled last year.\n", "rise in sales")],
)
def test_a_verb_of_multiplying_is_a_rise_in_its_subject(body: str, measure: str) -> None:
    """“The price of rice has tripled”: the rise in the price of rice, not “number of times”;
    a subject joined by “and” is kept whole unless the part before “and” has its own verb."""
    assert _measures(body)[0] == measure
