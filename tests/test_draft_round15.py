"""Round 15 of the draft on real news (issue 19): figures' values, units and qualifiers from
shapes of news English that dev and dev2 misses showed, tested on made-up sentences that name
no corpus article's words."""

from __future__ import annotations

import pytest

from tests.test_draft import drafted


def _figures(body: str) -> list[tuple[str, str | None, str, str]]:
    """(value, upper end, unit, qualifier) of each drafted figure, in text order."""
    return [(str(f.value), str(f.to) if getattr(f, "to", None) is not None else None, f.unit,
             f.qualifier) for f in drafted(body).figures]


@pytest.mark.parametrize(
    ("body", "figure"),
    [("Recent surveys suggest the mayor has 35-40% of the vote.\n", ("35", "40", "percent",
                                                                     "exact")),
     ("While 10–15% of drivers say they would pay the toll, most would not.\n",
      ("10", "15", "percent", "exact")),
     ("Turnout was 5-8 per cent lower than last year.\n", ("5", "8", "percent", "exact"))],
)
def test_a_hyphenated_range_of_percentages_is_one_figure(
        body: str, figure: tuple[str, str, str, str]) -> None:
    """“35-40% of the vote”: one figure from 35 to 40 percent, not no figure at all."""
    assert figure in _figures(body)


@pytest.mark.parametrize(
    ("body", "figure"),
    [("Eating nuts could give the same benefit as adding one or two portions of fruit.\n",
      ("1", "2", "portions", "exact")),
     ("The doctors recommend one to two of the five portions of vegetables eaten each day.\n",
      ("1", "2", "portions", "exact"))],
)
def test_one_or_two_is_a_range(body: str, figure: tuple[str, str, str, str]) -> None:
    """“one or two portions”, “one to two of the five portions”: a range from one, though a
    lone “one” is never a figure."""
    assert figure in _figures(body)


def test_a_lone_one_is_still_no_figure() -> None:
    """“one of the portions”, “one to watch”: no figure starts at a lone “one”."""
    assert _figures("She is one of the best players and one to watch this year.\n") == []


@pytest.mark.parametrize(
    ("body", "figure"),
    [("The soldiers could keep working with only a couple of hours’ sleep.\n",
      ("2", None, "hours", "about")),
     ("The bridge will reopen in a couple of weeks, the council said.\n",
      ("2", None, "weeks", "about"))],
)
def test_a_couple_of_is_about_two(body: str, figure: tuple[str, None, str, str]) -> None:
    """“a couple of hours”: about two hours."""
    assert figure in [(v, t, u.rstrip("’'"), q) for v, t, u, q in _figures(body)]


@pytest.mark.parametrize(
    ("body", "figure"),
    [("The study involved 240 nurses and doctors at the city hospital.\n",
      ("240", None, "nurses and doctors", "exact")),
     ("Free tickets will be given to 3,000 bus drivers and train guards this summer.\n",
      ("3000", None, "bus drivers and train guards", "exact")),
     ("Nearly 500 adult frogs, tadpoles and eggs were lost in the drought.\n",
      ("500", None, "adult frogs, tadpoles and eggs", "nearly"))],
)
def test_a_count_of_a_list_of_nouns_counts_them_all(
        body: str, figure: tuple[str, None, str, str]) -> None:
    """“240 nurses and doctors”: the unit is the whole list of plural nouns, not the first."""
    assert figure in _figures(body)


@pytest.mark.parametrize(
    ("body", "figure"),
    [("The firm sacked 40 workers and closed two shops.\n", ("40", None, "workers", "exact")),
     ("Police arrested 12 people and the rest went home.\n", ("12", None, "people", "exact")),
     ("They sold 300 tickets and 20 programmes.\n", ("300", None, "tickets", "exact"))],
)
def test_a_count_before_and_a_verb_keeps_its_noun(
        body: str, figure: tuple[str, None, str, str]) -> None:
    """“40 workers and closed two shops”: what follows “and” is no noun of the unit."""
    assert figure in _figures(body)


@pytest.mark.parametrize(
    ("body", "figure"),
    [("She has four brothers and many cousins in the city.\n",
      ("4", None, "brothers", "exact")),
     ("The country recalled its staff from 12 countries and cut ties with its neighbour.\n",
      ("12", None, "countries", "exact"))],
)
def test_a_list_stops_at_a_quantifier_or_a_verb(
        body: str, figure: tuple[str, None, str, str]) -> None:
    """“four brothers and many cousins”, “12 countries and cut ties”: a second count or a
    verb after “and” is not part of the unit."""
    assert figure in _figures(body)


@pytest.mark.parametrize(
    ("body", "figure"),
    [("This year the app has lost nearly 4m weekly players in France and 3m in Spain.\n",
      ("3", None, "million weekly players", "exact")),
     ("The channel drew 1.2bn viewers in March, before falling by 15m in April.\n",
      ("15", None, "million viewers", "exact")),
     ("The paper has lost 2m readers since May, with its 12m total now flat.\n",
      ("12", None, "million readers", "exact"))],
)
def test_a_bare_count_in_millions_after_one_with_a_noun_counts_the_same(
        body: str, figure: tuple[str, None, str, str]) -> None:
    """“4m weekly players in France and 3m in Spain”: the second count, said without its
    noun in a sentence already counting millions, counts the same noun."""
    assert figure in _figures(body)


def test_a_length_in_metres_stays_out() -> None:
    """“a wall 3m high”, “rose by 2m”: with no count in millions before it, 2m is no count."""
    assert _figures("The river rose by 2m overnight.\n") == []


def test_a_bare_count_in_millions_takes_the_noun_of_the_sentence_before() -> None:
    """“Weekly players in Spain were up 5% to 30m. Italy has seen a 2% rise to 21m”: the
    second level counts what the first one did."""
    found = _figures("Weekly players in Spain were up 5% to 30m, the firm said. Italy has"
                     " seen a 2% rise to 21m.\n")
    assert ("30", None, "million players", "exact") in [
        (v, t, u.replace("weekly ", ""), q) for v, t, u, q in found]
    assert ("21", None, "million players", "exact") in [
        (v, t, u.replace("weekly ", ""), q) for v, t, u, q in found]


def test_a_bare_count_in_millions_counts_its_sentences_plural_subject() -> None:
    """“Weekly players in Spain were up 5% in the last month to 30m”: 30m players, the
    subject whose level the sentence gives, though the percentage is read apart."""
    found = _figures("About 4% left early. Weekly players in Spain were up 5% in the last month"
                     " to 30m, according to one survey, whose data is used by advertisers.\n")
    assert ("30", None, "million players", "exact") in found


@pytest.mark.parametrize(
    ("body", "figure"),
    [("She spoke before the sale of six of her paintings at a gallery in Paris.\n",
      ("6", None, "paintings", "exact")),
     ("The town expects its 40,000 population to double by 2040.\n",
      ("40000", None, "people", "exact")),
     ("The appeal has raised more than two million signatures, more than a million having"
      " been added this week.\n", ("1", None, "million signatures", "more than"))],
)
def test_the_noun_a_number_counts(body: str, figure: tuple[str, None, str, str]) -> None:
    """“six of her paintings at …”: paintings; “its 40,000 population”: people; “a million
    having been added”: no “having”, the noun of the count before it."""
    assert figure in _figures(body)


@pytest.mark.parametrize(
    ("body", "figure"),
    [("The two inspectors then drove to another level-4 match in the north.\n",
      ("4", None, "level", "exact")),
     ("The storm grew into a category-3 hurricane overnight.\n",
      ("3", None, "category", "exact"))],
)
def test_a_label_joined_to_its_number_by_a_hyphen(
        body: str, figure: tuple[str, None, str, str]) -> None:
    """“a level-4 match”: level 4, though “COVID-19” stays no figure."""
    assert figure in _figures(body)


@pytest.mark.parametrize(
    ("body", "value"),
    [("He gave the speech in Geneva on his 17th birthday.\n", "17"),
     ("She gave the speech in Geneva on her seventeenth birthday.\n", "17")],
)
def test_a_birthday_is_an_age(body: str, value: str) -> None:
    """“on his 17th birthday”: he was 17 years old."""
    assert (value, None, "years old", "exact") in _figures(body)


def test_a_birthday_is_the_age_of_the_person_named_before() -> None:
    """“Ana Ruiz … on her 17th birthday”: the age of Ana Ruiz."""
    base = drafted("Ana Ruiz flew to Geneva in May. She gave the speech there on her 17th"
                   " birthday.\n")
    assert [f.measure for f in base.figures] == ["age of Ana Ruiz"]


def test_a_hyphenated_label_is_the_level_of_its_noun() -> None:
    """“another level-4 match”: the level of the match."""
    base = drafted("The two inspectors then drove to another level-4 match in the north.\n")
    assert "level of the match" in [f.measure for f in base.figures]


def test_a_count_having_been_done_is_the_count_done() -> None:
    """“a million having been added this week”: the number of signatures added this week."""
    base = drafted("The petition has attracted more than four million signatures – more than a"
                   " million having been added this week.\n")
    assert "number of signatures added this week" in [f.measure for f in base.figures]


def test_a_count_before_where_keeps_the_clause_as_written() -> None:
    """“the 61 countries where it does business”: no “that” before “where”."""
    base = drafted("The firm pays tax in each of the 61 countries where it does business.\n")
    assert [f.measure for f in base.figures] == ["number of countries where it does business"]


@pytest.mark.parametrize(
    ("body", "measure"),
    [("I was in hospital for five days.\n", "time in hospital"),
     ("We lived abroad for three years before the war.\n", "time abroad")],
)
def test_a_speakers_stay_is_the_time_there(body: str, measure: str) -> None:
    """“I was in hospital for five days”: the time in hospital, with no “I” a prompt could
    not use."""
    assert [f.measure for f in drafted(body).figures] == [measure]
