"""Round 10 of the draft on real news (issue 19): rules from general news grammar (a body's
person after a quotation, insertions between subject and verb, changes from one level to
another, money given to someone, sizes said of a thing), each tested on made-up sentences."""

from __future__ import annotations

import pytest

from tests.test_draft import drafted, speakers_of


def _measures(body: str) -> list[str]:
    return [f.measure for f in drafted(body).figures]


@pytest.mark.parametrize(
    ("body", "text", "speaker"),
    [("“This is a disaster,” Greenpeace’s Tom Hale said.\n", "This is a disaster", "Tom Hale"),
     ("“It is bad,” the BBC’s Ana Ruiz told reporters.\n", "It is bad", "Ana Ruiz")],
)
def test_a_person_named_after_a_body_possessive_speaks(body: str, text: str,
                                                       speaker: str) -> None:
    """“…,” Greenpeace’s Tom Hale said: the person the body's possessive introduces speaks."""
    assert speakers_of(drafted(body), text) == [speaker]


@pytest.mark.parametrize(
    ("body", "measure"),
    [("Tom Hale, a farmer from Kent, has lost ten sheep this year.\n",
      "number of sheep that Tom Hale has lost this year"),
     ("The company, based in Leeds, sold 2 million cars last year.\n",
      "number of cars that the company sold last year"),
     ("Tom Hale, a farmer from Kent, spent three years building the house.\n",
      "time Tom Hale spent building the house")],
)
def test_a_measure_is_read_past_an_insertion_after_the_subject(body: str, measure: str) -> None:
    """“X, a farmer from Kent, has lost ten sheep”: the words set off by commas between the
    subject and its verb do not hide the subject from the measure."""
    assert _measures(body) == [measure]


def test_a_number_inside_the_insertion_is_still_read_there() -> None:
    """“Ana Ruiz, 34, won £1m”: the age stays the age of Ana Ruiz, and the money hers."""
    assert _measures("Ana Ruiz, 34, won £1m in the lottery.\n") == [
        "age of Ana Ruiz", "money that Ana Ruiz won in the lottery"]


def test_a_change_keeps_its_subjects_preposition() -> None:
    """“Sales at the shop rose by 15%”: the rise in sales at the shop, not in “shop”."""
    assert _measures("Sales at the shop rose by 15%.\n") == ["rise in sales at the shop"]


def test_days_of_something_are_no_span() -> None:
    """“declared three days of national mourning”: days of something, not a time spent."""
    measures = _measures("Prime Minister Sofia Lacerda, who visited the town on Monday,"
                         " declared three days of national mourning.\n")
    assert not any(m.startswith("time ") for m in measures), measures


def test_money_given_to_someone_names_both() -> None:
    """“The fund gave Ana Ruiz £5,000”: money that the fund gave Ana Ruiz."""
    assert _measures("The fund gave Ana Ruiz £5,000 to develop the idea.\n") == [
        "money that the fund gave Ana Ruiz to develop the idea"]


@pytest.mark.parametrize(
    ("body", "measures"),
    [("The tax will rise from 20% to 25%.\n", ["the tax before the rise",
                                                "the tax after the rise"]),
     ("Unemployment fell from 8% to 5%.\n", ["unemployment before the fall",
                                              "unemployment after the fall"])],
)
def test_a_change_from_one_level_to_another(body: str, measures: list[str]) -> None:
    """“X will rise from 20% to 25%”: X before the rise and X after it, not two percentages."""
    assert _measures(body) == measures


def test_a_change_made_to_a_longer_noun_phrase() -> None:
    """“cut the risk of a heart attack by 30%”: the object may hold “of” and an article."""
    assert _measures("The drug cut the risk of a heart attack by 30%.\n") == [
        "cut in risk of a heart attack"]


@pytest.mark.parametrize(
    ("body", "measure"),
    [("The bears weigh up to 400kg.\n", "weight of the bears"),
     ("The car can reach 200mph.\n", "speed of the car"),
     ("The town is 50km from the border.\n", "distance of the town from the border"),
     ("The village lies 20 miles north of Leeds.\n", "distance of the village north of Leeds"),
     ("Temperatures reached 45C.\n", "temperatures")],
)
def test_a_size_is_said_of_the_thing_that_has_it(body: str, measure: str) -> None:
    """“The bears weigh up to 400kg”: weight of the bears; a noun that is already an amount
    (“Temperatures reached 45C”) stays as it is."""
    assert _measures(body) == [measure]


def _people(body: str) -> list[tuple[str, str]]:
    return [(e.name, e.kind) for e in drafted(body).entities if e.id != "article"]


def test_a_title_is_part_of_a_one_name_persons_name() -> None:
    """“Pope Francis”, “Prince Harry”: a person known by a title and one name keeps the title
    in the name (a teacher writes “Pope Francis”, not “Francis”), and is still the speaker."""
    base = drafted("Pope Francis visited the island. “Peace is possible,” the Pope said.\n")
    assert [(e.name, e.kind) for e in base.entities if e.kind == "person"] == [
        ("Pope Francis", "person")]
    assert speakers_of(base, "Peace is possible") == ["Pope Francis"]


@pytest.mark.parametrize(
    ("body", "body_name"),
    [("Mark Zuckerberg founded Facebook in 2004.\n", "Facebook"),
     ("Tom Hale, the boss of Ryanair, was angry.\n", "Ryanair"),
     ("Ana Ruiz works for Oxfam in Kenya.\n", "Oxfam"),
     ("The chain Tesco sells the grain. Waitrose also stocks it.\n", "Waitrose"),
     ("The government cut spending. Labour opposed the cuts.\n", "Labour"),
     ("The team published the study in the journal Nature.\n", "Nature")],
)
def test_a_one_word_body_named_once_by_what_only_a_body_is_or_does(body: str,
                                                                    body_name: str) -> None:
    """A one-word name founded, run or worked for, a business that sells or stocks, a party
    that opposes, a journal: a body, listed though named once."""
    assert (body_name, "organisation") in _people(body)


@pytest.mark.parametrize(
    ("body", "value", "unit"),
    [("The rocket travelled at 17,500mph.\n", "17500", "miles per hour"),
     ("The bear weighs 1,200kg.\n", "1200", "kilograms")],
)
def test_a_unit_written_onto_a_number_with_thousands(body: str, value: str, unit: str) -> None:
    """“17,500mph”: the whole number with its unit, not 17 of nothing."""
    figure = drafted(body).figures[0]
    assert (str(figure.value), figure.unit) == (value, unit)


@pytest.mark.parametrize(
    ("body", "measure"),
    [("In a survey of 2,000 adults, 40% said they ate breakfast every day.\n",
      "share of adults who said they ate breakfast every day"),
     ("Nearly a third of children are overweight, and 20% are obese.\n",
      "share of children who are obese"),
     ("Asked about the plan, 62% said they opposed it.\n",
      "share of people who said they opposed it")],
)
def test_a_bare_percentage_with_a_verb_is_the_share_that_does_it(body: str,
                                                                  measure: str) -> None:
    """“40% said …”: the share of the group named before it (else of people, for what people
    say) who did what the verb says."""
    assert _measures(body)[-1] == measure


@pytest.mark.parametrize(
    ("body", "measure"),
    [("Ana Ruiz died at the age of 87.\n", "age at which Ana Ruiz died"),
     ("Ana Ruiz is a runner. She started running aged 40.\n",
      "age at which Ana Ruiz started running"),
     ("Ana Ruiz, who began painting at the age of six, is now famous.\n",
      "age at which Ana Ruiz began painting")],
)
def test_an_age_at_which_something_was_done(body: str, measure: str) -> None:
    """“X died at the age of 87”: the age at which X died (a he/she or a “who” named)."""
    assert _measures(body) == [measure]


def test_a_span_after_up_to_is_still_a_span() -> None:
    """“can live for up to 30 years”: the time for which they can live."""
    assert _measures("Brown bears can live for up to 30 years.\n") == [
        "time for which Brown bears can live"]


def test_the_number_that_fell_by_an_amount() -> None:
    """“The number of users fell by 3 million”: the fall in the number, not the number."""
    assert _measures("The number of users fell by 3 million.\n") == [
        "fall in the number of users"]


@pytest.mark.parametrize(
    ("body", "measure"),
    [("The average Briton eats 8kg of chocolate a year.\n",
      "amount of chocolate that the average Briton eats a year"),
     ("The factory produces 500 tonnes of steel every week.\n",
      "amount of steel that the factory produces every week")],
)
def test_an_amount_of_a_substance_with_who_uses_it(body: str, measure: str) -> None:
    """“The average Briton eats 8kg of chocolate a year”: the subject and its verb in -s
    say whose amount it is."""
    assert _measures(body) == [measure]


def test_a_rate_adjective_before_two_words_of_a_unit() -> None:
    """“1.5 billion monthly active users”: the unit keeps all three words."""
    figure = drafted("The company has 1.5 billion monthly active users.\n").figures[0]
    assert figure.unit == "billion monthly active users"


def test_what_he_is_worth_names_him() -> None:
    """“He is worth $75bn” after Tom Hale: the value of Tom Hale, not an amount of money."""
    assert _measures("Tom Hale is a banker. He is worth an estimated $75bn.\n") == [
        "value of Tom Hale"]


def test_money_raised_for_a_cause_is_no_price() -> None:
    """“It raised £3.5m for charity”: the money raised for charity, not its price."""
    assert _measures("It raised £3.5m for charity.\n") == ["money raised for charity"]


def test_a_plural_possessive_inside_a_bodys_name() -> None:
    """“the National Farmers’ Union”: one body, its apostrophe kept, not “the National
    Farmers” and a body “Union”."""
    assert ("the National Farmers’ Union", "organisation") in _people(
        "The National Farmers’ Union said prices were low.\n")


def test_a_clause_after_a_comma_is_no_apposition() -> None:
    """“According to X, the average age is 59”: a clause with its own verb, not X's role."""
    base = drafted("According to the Farm Union, the average age is 59.\n")
    union = next(e for e in base.entities if e.name == "the Farm Union")
    assert "59" not in (union.role or "")


def test_a_span_after_a_long_subject_with_other_amounts() -> None:
    """“Researchers at X followed 12,000 adults aged over 60 for ten years”: the time for
    which the researchers followed the adults, the other amounts left out."""
    assert _measures("Researchers at the University of Bristol followed 12,000 adults aged"
                     " over 60 for ten years.\n")[-1] == \
        "time for which Researchers at the University of Bristol followed adults"


@pytest.mark.parametrize(
    ("body", "measure"),
    [("Those who walked were 33% less likely to develop dementia.\n",
      "fall in the likelihood of developing dementia"),
     ("Girls were 20% more likely than boys to drop out of sport.\n",
      "rise in the likelihood of dropping out of sport")],
)
def test_a_percentage_more_or_less_likely(body: str, measure: str) -> None:
    """“33% less likely to develop dementia”: the fall in the likelihood of developing it."""
    assert _measures(body) == [measure]


def test_a_figure_said_again_as_where_it_is_going() -> None:
    """“900,000 people …, a figure expected to rise to 1.6 million by 2040”: the same
    measure, expected by then; the year's clause drops the scale word with its number."""
    measures = _measures("About 900,000 people in the UK live with dementia, a figure"
                         " expected to rise to 1.6 million by 2040.\n")
    assert measures[1] == f"expected {measures[0]} by 2040"
    assert "million" not in measures[2]


def test_a_count_in_a_relative_clause_with_a_place_after_it() -> None:
    """“The company, which employs 2,500 people in the UK,”: who employs them, and where."""
    assert _measures("The company, which employs 2,500 people in the UK, said profits"
                     " fell.\n") == ["number of people that the company employs in the UK"]


def test_an_amount_an_earlier_one_changed_from() -> None:
    """“sold 12 million sets worldwide, down from 15 million in 2019”: the second is the
    first's measure in 2019; a time phrase opening the sentence is no subject with an
    insertion after it, and “worldwide” does not hide who sold them."""
    measures = _measures("Last year, Brickworks sold 12 million sets worldwide, down from"
                         " 15 million in 2019.\n")
    assert measures[:2] == ["number of sets that Brickworks sold worldwide",
                            "number of sets that Brickworks sold worldwide in 2019"]


@pytest.mark.parametrize(
    "body",
    ["Symbolically, a full set of handshakes, plus a word from both managers, matters.\n",
     "The prototype, made from foam, aluminium and silicone, weighs 2kg.\n",
     "Last year, the firm sold 300 cars, says Tom Hale.\n"],
)
def test_no_insertion_after_an_adverb_or_inside_a_list(body: str) -> None:
    """An adverb or a time phrase opening the sentence is no subject; a list after a
    participle ends on no verb: none has an insertion to blank."""
    from quizgen.article.text import Article
    from quizgen.draft.insertions import insertions
    assert insertions(Article(body)) == []


def test_councillors_who_say_something_say_it() -> None:
    """“Local councillors said the money was “nowhere near enough””: a group of people who
    say it, like “officials” or “experts”, not words nobody says."""
    base = drafted("The minister came. Local councillors said the money was “nowhere near"
                   " enough”.\n")
    assert speakers_of(base, "nowhere near enough") == ["Local councillors"]


def test_money_promised_names_who_promised_it() -> None:
    """“The prime minister, who visited on Tuesday, promised £50m to help families”: money
    that the prime minister promised, the insertion set aside."""
    assert _measures("The prime minister, who visited the area on Tuesday, promised £50m to"
                     " help families rebuild.\n") == [
        "money that the prime minister promised to help families rebuild"]


def test_a_strait_or_a_sea_of_somewhere_is_a_place() -> None:
    """“the Strait of Gibraltar”, “the Sea of Galilee”: places, not organisations."""
    base = drafted("Lily wants to swim the Strait of Gibraltar. She trained in the Sea of"
                   " Galilee.\n")
    assert [p.name for p in base.places] == ["the Strait of Gibraltar", "the Sea of Galilee"]
    assert not [e for e in base.entities if e.kind == "organisation" and e.id != "article"]


def test_a_length_written_onto_its_number_before_its_noun() -> None:
    """“The 34km crossing from Dover took her 13 hours”: the length of the crossing, the
    verb after it left out."""
    assert _measures("The 34km crossing from Dover to Calais took her 13 hours.\n")[0] == \
        "length of the crossing from Dover to Calais"


def test_aged_after_a_time_phrase_is_no_age_of_the_time() -> None:
    """“Last month, aged 16, she swam”: never “age of the month”."""
    assert "month" not in _measures("Lily Chen swims. Last month, aged 16, she swam the"
                                    " Channel.\n")[0]


@pytest.mark.parametrize(
    "body",
    ["Tom Hale is a farmer. His farm lost money after Ana Ruiz, a buyer, cancelled her"
     " order. “It was a shock,” he says.\n",
     "Tom Hale sold his farm. “It was a shock,” he says.\n"],
)
def test_a_possessive_tells_the_sex_of_the_only_person_named(body: str) -> None:
    """“Tom Hale sold his farm”, “Tom Hale is a farmer. His farm …”: his is Tom Hale's, so a
    later he is Tom Hale, not a woman named after him (“cancelled her order”)."""
    assert speakers_of(drafted(body), "It was a shock") == ["Tom Hale"]


def test_an_object_her_tells_no_sex() -> None:
    """“Tom Hale thanked her”: the her is someone else, so Tom Hale's sex stays unknown."""
    base = drafted("Tom Hale thanked her. Ana Ruiz left.\n")
    assert next(e for e in base.entities if e.name == "Tom Hale").pronoun is None


def test_a_body_owning_a_role_is_listed() -> None:
    """“Google’s chief executive, Sundar Pichai,”: Google is a body the article names, listed
    though named once (the person's role says whose)."""
    assert ("Google", "organisation") in _people(
        "Google’s chief executive, Sundar Pichai, said the company would grow.\n")


@pytest.mark.parametrize(
    ("body", "figures"),
    [("The bears, which number about 250, live in the north.\n", [("250", "bears")]),
     ("In Japan, 26% are over 65.\n", [("26", "percent"), ("65", "years old")]),
     ("Prices were over 65.\n", [("65", "units")]),
     ("The spill left 5m cubic metres of waste.\n", [("5", "million cubic metres")]),
     ("The shares rose 5p to 210p.\n", [("5", "pence"), ("210", "pence")]),
     ("The temperature fell to minus 20C.\n", [("-20", "degrees Celsius")])],
)
def test_units_news_writes_around_numbers(body: str, figures: list[tuple[str, str]]) -> None:
    """“which number about 250” counts the noun before; “26% are over 65” is an age (prices
    over 65 are not); “5m cubic metres” is millions; “5p” is pence, and a rise to a level is
    no range; “minus 20C” is below zero."""
    assert [(str(f.value), f.unit) for f in drafted(body).figures] == figures


def test_a_spans_clause_drops_more_than_with_its_number() -> None:
    """“More than 310 millimetres of rain fell on the town in 24 hours”: the span's clause
    leaves out “More than 310” whole, never keeping “More”."""
    measure = _measures("More than 310 millimetres of rain fell on the town in 24 hours.\n")[1]
    assert measure.startswith("time") and " more " not in f" {measure.lower()} ", measure
