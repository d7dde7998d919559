"""Round 13 of the draft on real news (issue 19): rules from general news grammar, found by
drafting made-up articles of the kinds news prints (a rich list, a health feature, a farm
report) and tested on made-up sentences that name no corpus article's words."""

from __future__ import annotations

import pytest

from quizgen.factbase.model import FactBase
from tests.test_draft import drafted
from tests.test_draft import drafted_figures as _figures
from tests.test_draft import drafted_speakers as _speakers


def _kinds(base: FactBase) -> dict[str, str]:
    """Each drafted entity's name and kind."""
    return {e.name: e.kind for e in base.entities}


@pytest.mark.parametrize(
    ("body", "value", "measure"),
    [("Tom Hale left school at 14 to work on a farm.\n", "14",
      "age at which Tom Hale left school"),
     ("Ana Ruiz started swimming at six and joined the national squad at 17.\n", "17",
      "age at which Ana Ruiz joined the national squad"),
     ("Ana Ruiz started swimming at six and joined the national squad at 17.\n", "6",
      "age at which Ana Ruiz started swimming")],
)
def test_a_bare_number_after_at_and_a_step_in_a_life_is_an_age(body: str, value: str,
                                                                measure: str) -> None:
    """“left school at 14”, “joined the squad at 17”: an age in years, measured by the step
    taken at it (the last verb when two are joined by “and”), never a count of “units”."""
    assert (value, "years old", measure) in _figures(body)


def test_at_after_a_level_verb_is_no_age() -> None:
    """“The toll stood at 45”: a level's verb before “at” makes no age."""
    assert all(unit != "years old" for _, unit, _ in _figures(
        "After the storm the toll stood at 45 on Friday.\n"))


def test_the_spokesman_again_is_the_spokesman_named_before() -> None:
    """“A spokesman for the port said …” then “the spokesman added”: one speaker, not two."""
    body = ("A spokesman for the port said the ships were late.\n\n"
            "“We are working hard,” the spokesman added.\n")
    base = drafted(body)
    assert _speakers(body) == [["a spokesman for the port"]]
    assert not any(e.name == "the spokesman" for e in base.entities)


def test_said_a_possessive_role_with_of_and_a_name_credits_the_name() -> None:
    """“said the mayor’s adviser on housing, Ivo Tran”: the person after the role, even when
    the role goes on with “on”/“for”/“of” words."""
    body = ("Mayor Ana Ruiz opened the bridge on Monday.\n\n"
            "“It took ten years,” said Ruiz’s adviser for transport, Ivo Tran.\n")
    assert _speakers(body) == [["Ivo Tran"]]


def test_a_name_before_and_the_role_of_another_stays_a_person() -> None:
    """“Mira Sol and the investor Tom Hale”: a role noun after “and the” belongs to the
    next name, so Mira Sol is no body."""
    base = drafted("The mayor thanked the engineer Mira Sol and the investor Tom Hale.\n\n"
                   "Sol thanked her team.\n")
    assert _kinds(base).get("Mira Sol") == "person"


def test_whose_company_names_a_body() -> None:
    """“whose company, Tarn Holt, owns …”: a body noun with an owner before a name in
    apposition makes it a body."""
    base = drafted("The investor Tom Hale, whose company, Tarn Holt, owns six farms, spoke"
                   " on Monday.\n")
    assert _kinds(base).get("Tarn Holt") == "organisation"


@pytest.mark.parametrize(
    "body",
    ["During the Cold War, the island was closed to visitors.\n",
     "The book, called the Long Revolution, sold well across the region in May.\n"],
)
def test_wars_and_revolutions_are_no_bodies(body: str) -> None:
    """“the Cold War”, “the Long Revolution”: events and titles, neither people nor bodies."""
    assert not [n for n, k in _kinds(drafted(body)).items()
                if k in ("person", "organisation") and n != "the article"]


def test_a_nickname_is_no_body_or_person() -> None:
    """“known as the Lion of Tarn”: a nickname, not a second entity."""
    body = "Tom Hale, 80, is known as the Lion of Tarn. He owns six farms.\n"
    assert "the Lion of Tarn" not in _kinds(drafted(body))


def test_a_shop_known_as_a_name_is_still_a_body() -> None:
    """“a small shop known as Kesh Corner”: a body noun before “known as” keeps the body."""
    body = "They run a small shop known as Kesh Corner in the old town.\n"
    assert _kinds(drafted(body)).get("Kesh Corner") == "organisation"


def test_a_business_named_by_its_trade_is_a_body() -> None:
    """“Harlow Foods”: a trade word (Foods, Stores, Pharmaceuticals …) ends a body's name."""
    assert _kinds(drafted("Harlow Foods sells the grain in 400 shops.\n")).get(
        "Harlow Foods") == "organisation"


@pytest.mark.parametrize(
    ("body", "value", "measure"),
    [("Last year the council sold its old depot for £2.5m.\n", "2.5",
      "price for which the council sold its old depot"),
     ("The vase was expected to sell for about $9,000.\n", "9000",
      "price for which the vase was expected to sell"),
     ("Blue Fields, a large oil painting of a farm in winter by a painter who lived in the"
      " valley for most of her life, was expected to sell for $9,000.\n", "9000",
      "price for which Blue Fields was expected to sell"),
     ("It costs £15 to join the rowing club.\n", "15", "cost to join the rowing club"),
     ("Tom Hale, who has a fortune of $75bn, owns six homes.\n", "75", "fortune of Tom Hale"),
     ("The port has debts of $3bn.\n", "3", "debts of the port")],
)
def test_money_of_a_sale_a_cost_to_do_or_a_noun_had(body: str, value: str,
                                                     measure: str) -> None:
    """A sale's price (“sold X for £N”), the cost of doing something (“It costs £N to …”)
    and a noun of money someone has (“has a fortune of $N”) name the measure."""
    assert _measure_of(body, value) == measure


def test_a_lot_of_money_is_no_noun_of_money() -> None:
    """“has a lot of $5 notes”: “lot” says how many, not what the money is."""
    assert _measure_of("Tom Hale has a lot of $5 notes in his shop.\n", "5") != "lot of Tom Hale"


@pytest.mark.parametrize(
    ("body", "value", "measure"),
    [("Ana Ruiz sold her 40 cows last spring.\n", "40", "number of cows that Ana Ruiz sold"
      " last spring"),
     ("The charity gave away 3,000 meals.\n", "3000", "number of meals that the charity gave"
      " away")],
)
def test_a_count_after_a_possessive_or_a_particle_names_who_acted(body: str, value: str,
                                                                  measure: str) -> None:
    """“sold her 40 cows last spring”, “gave away 3,000 meals”: a possessive before the count
    or a particle after the verb still leaves the subject and verb as the measure's clause."""
    assert _measure_of(body, value) == measure


def _measure_of(body: str, value: str) -> str:
    return next(m for v, _, m in _figures(body) if v == value)


def test_its_role_speaks_for_the_body_named_before() -> None:
    """“The port authority, Harbo, said …. “…,” its director said”: the director speaks
    for the body “its” goes back to."""
    base = drafted("The port authority, Harbo, said it would open a new dock. “We are ready,”"
                   " its director said.\n")
    speaker = base.entity(base.quotes[-1].speakers[0])
    assert speaker.name == "its director"
    assert speaker.speaks_for is not None and base.entity(speaker.speaks_for).name == "Harbo"


def test_a_quote_alone_after_a_sentence_naming_one_person_is_theirs() -> None:
    """“For Ana Ruiz, the answer is simple. “…”” after someone else's quotation: the one
    person the sentence before names, not the speaker of the quotation before."""
    body = ("“It is too costly,” said Tom Hale, a farmer.\n\n"
            "For Ana Ruiz, the answer is simple. “The bridge will pay for itself.”\n")
    assert _speakers(body)[-1] == ["Ana Ruiz"]


def test_kin_of_a_named_person_is_the_she_who_speaks() -> None:
    """“Ana Ruiz’s father watched …. “…,” he says”: the father speaks, not Ana Ruiz, and he
    is drafted only because he speaks."""
    body = ("Ana Ruiz won the race on Sunday.\n\n"
            "Ana Ruiz’s father watched from the stands. “I cried,” he says.\n")
    assert _speakers(body) == [["Ana Ruiz’s father"]]
    assert "Ana Ruiz’s father" not in _kinds(drafted("Ana Ruiz’s father watched the race. She"
                                                     " won it.\n"))


@pytest.mark.parametrize(
    ("body", "name"),
    [("The small farm was bought by Grainco in 2019.\n", "Grainco"),
     ("He worked on farms for ten years before joining Grainco.\n", "Grainco"),
     ("Researchers at Velden found that the grain keeps well.\n", "Velden"),
     ("Grainco plans to open a mill in the north.\n", "Grainco"),
     ("Grainco lost $70m last year.\n", "Grainco")],
)
def test_a_one_word_body_named_once_by_what_it_does(body: str, name: str) -> None:
    """A one-word name named once is a body when news shows it acting as one: bought by it,
    joining it, researchers at it, or opening its sentence with “plans to” or money lost."""
    assert _kinds(drafted(body)).get(name) == "organisation"


def test_two_one_word_bodies_joined_by_and_open_a_sentence() -> None:
    """“Grainco and Velmar also sell flour”: both names of the pair act, so both are bodies."""
    kinds = _kinds(drafted("Grainco and Velmar also sell flour in the north.\n"))
    assert kinds.get("Grainco") == kinds.get("Velmar") == "organisation"


def test_land_and_water_named_as_a_subject_is_no_body() -> None:
    """“The Grey Sand Desert of Tarnia is hot”: a name holding a word of land or water
    (Desert, Valley, River …) and no body's word is listed only as a place, never a body."""
    kinds = _kinds(drafted("The festival team met on Monday. The Grey Sand Desert of Tarnia is"
                           " very hot in summer.\n"))
    assert kinds.get("the Grey Sand Desert of Tarnia", "") not in ("organisation", "person")


@pytest.mark.parametrize(
    ("body", "value", "unit", "measure"),
    [("Tarnia’s population shrank by 2 million last decade.\n", "2", "million people",
      "fall in Tarnia’s population"),
     ("The share of adults who cycle to work has risen from 8% to 11%.\n", "8", "percent",
      "the share of adults who cycle to work before the rise"),
     ("The share of adults who cycle to work has risen from 8% to 11%.\n", "11", "percent",
      "the share of adults who cycle to work after the rise"),
     ("The seed contains 20% oil.\n", "20", "percent", "share of oil in the seed"),
     ("About 30% of the population is over 60.\n", "60", "years old", "age")],
)
def test_changes_shares_and_ages_read_whole(body: str, value: str, unit: str,
                                            measure: str) -> None:
    """A count a thing changed by is the change (“shrank by 2 million”); “the share of X who
    …” is kept whole before and after a change; “contains 20% oil” is the share of the oil
    in it; “the population is over 60” is an age."""
    assert (value, unit, measure) in _figures(body)


@pytest.mark.parametrize(
    ("body", "value", "measure"),
    [("Two weeks before the vote, Ana Ruiz left the party.\n", "2",
      "time before the vote when Ana Ruiz left the party"),
     ("The harbour reopened four years after the storm.\n", "4",
      "time after the storm when the harbour reopened"),
     ("The fair takes place every three years.\n", "3", "interval at which the fair takes"
      " place"),
     ("It took the crew nine hours to reach the wreck.\n", "9",
      "time the crew took to reach the wreck"),
     ("The curfew will last for ten days.\n", "10", "time for which the curfew will last"),
     ("The border reopened in 2016, after more than 30 years.\n", "30",
      "time after which the border reopened")],
)
def test_spans_of_time_say_what_they_span(body: str, value: str, measure: str) -> None:
    """A span before or after an event says what happened then; “every N years” is how
    often; “It took the crew N hours to …” names the crew; “will last” keeps its verb; “,
    after more than 30 years.” ending a sentence measures the clause before the comma."""
    assert _measure_of(body, value) == measure


@pytest.mark.parametrize(
    ("body", "value", "measure"),
    [("The college has 900 students and 60 teachers.\n", "60",
      "number of teachers of the college"),
     ("The mill plans to cut 300 jobs.\n", "300", "number of jobs that the mill plans to cut")],
)
def test_counts_listed_together_and_after_an_infinitive(body: str, value: str,
                                                         measure: str) -> None:
    """A count listed after another with “and” shares its words (“900 students and 60
    teachers”); “plans to cut 300 jobs” keeps its “to”."""
    assert _measure_of(body, value) == measure


def test_a_quoted_title_before_a_work_noun_has_no_speaker() -> None:
    """“told the radio’s “Morning Call” programme”: a title before “programme”, “campaign” …
    is said by nobody, even in a sentence with a verb of speech."""
    body = "Ana Ruiz told the radio’s “Morning Call” programme that the plan would work.\n"
    assert _speakers(body) == [[]]


def test_a_name_after_an_opening_preposition_takes_no_apposition() -> None:
    """“During Harvestfest, the stalls open late.”: the comma closes an adverbial, so “the
    stalls open late” is no role and the festival no person."""
    kinds = _kinds(drafted("During Harvestfest, the stalls open late.\n"))
    assert kinds.get("Harvestfest") not in ("person", "organisation")


def test_a_nationality_opening_a_name_makes_a_body() -> None:
    """“Welsh Waterways manages the canal”: a nationality adjective opens a body's name, never
    a person's."""
    assert _kinds(drafted("Welsh Waterways manages the old canal.\n")).get(
        "Welsh Waterways") == "organisation"


def test_a_post_named_with_of_or_for_is_no_body() -> None:
    """“Tom Hale, the Green MP for Tarnby, said …”: the post is Tom Hale's role, not a body."""
    base = drafted("Tom Hale, the Green MP for Tarnby, said the bridge was unsafe.\n")
    kinds = _kinds(base)
    assert kinds.get("Tom Hale") == "person"
    assert not any("MP for" in name for name in kinds)


def test_said_a_description_then_a_name_credits_the_name() -> None:
    """“…,” said the head of a farmers’ union, Paul Dunn.: the person named after the
    description, not a body inside it or the speaker before."""
    body = ("“We need rain,” said Ana Ruiz, a grower.\n\n"
            "“It is a disaster,” said the head of a farmers’ union, Paul Dunn.\n")
    assert _speakers(body)[-1] == ["Paul Dunn"]


def test_a_name_after_a_dash_signs_the_quotation() -> None:
    """“It will never happen” – Tom Hale.: a person's name after a dash signs the words."""
    body = "Ana Ruiz wants a new pool.\n\n“It will never happen” – Tom Hale.\n"
    assert _speakers(body)[-1] == ["Tom Hale"]


@pytest.mark.parametrize(
    ("body", "value", "measure"),
    [("The rule was passed in 1998 and changed in 2004.\n", "2004",
      "year in which the rule was changed"),
     ("Born in 1961, Ana Ruiz grew up by the sea.\n", "1961", "year in which Ana Ruiz was born"),
     ("The bakery, founded in 1982, now employs 40 people.\n", "1982",
      "year in which the bakery was founded"),
     ("Tarnia’s population shrank by 2 million in 2019.\n", "2019",
      "year in which Tarnia’s population shrank"),
     ("The lease expires at the end of 2031.\n", "2031", "year in which the lease expires")],
)
def test_a_year_names_what_happened_in_it(body: str, value: str, measure: str) -> None:
    """A year after a second verb joined by “and” is that verb's; “Born in 1961, X …” is X's
    birth; “X, founded in 1982,” X's founding; a change verb makes a clause, not a noun; “at
    the end of 2031” is the year the clause happens in."""
    assert _measure_of(body, value) == measure
