"""Round 9 of the draft on real news (issue 19): attribution, names people give, money moved,
spans and shares read from news grammar; each rule tested on made-up sentences."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.test_draft import drafted, speakers_of


def _measures(body: str) -> list[str]:
    return [f.measure for f in drafted(body).figures]


def _names(body: str) -> list[tuple[str, str]]:
    return [(e.name, e.kind) for e in drafted(body).entities]


@pytest.mark.parametrize(
    ("body", "text", "speaker"),
    [("“It was worth every penny,” the council leader, Raj Patel, told the Eastford Gazette.\n",
      "It was worth every penny", "Raj Patel"),
     ("“We are proud of her,” Ruiz’s club, Atletico Sur, said in a statement.\n",
      "We are proud of her", "Atletico Sur")],
)
def test_a_speaker_described_then_named_after_the_quotation(body: str, text: str,
                                                             speaker: str) -> None:
    """“…,” the council leader, X, told …: the name after the description speaks, even when
    the description holds a body's word (“council”) or an owner (“Ruiz’s club”)."""
    assert speakers_of(drafted(body), text) == [speaker]


def test_a_body_in_apposition_after_its_owner_is_a_body() -> None:
    """“Ruiz’s club, Atletico Sur,”: a person is never someone's club, so the name is a body."""
    assert ("Atletico Sur", "organisation") in _names(
        "Ana Ruiz won. Her club, Atletico Sur, said it was proud.\n")


@pytest.mark.parametrize(
    ("body", "text"),
    [("Local people call the island “the jewel of the north”.\n", "the jewel of the north"),
     ("Many fans call him “the King”.\n", "the King")],
)
def test_a_name_people_in_general_give_is_nobodys_words(body: str, text: str) -> None:
    """“Locals call it “…””: a nickname people use, not one person's words."""
    assert speakers_of(drafted(body), text) == []


def test_a_name_one_person_gives_stays_theirs() -> None:
    """“Ana Ruiz calls them her “dream team””: her own word, so hers."""
    base = drafted("Ana Ruiz calls them her “dream team”.\n")
    assert speakers_of(base, "dream team") == ["Ana Ruiz"]


def test_the_spokesman_is_the_spokesman_named_before() -> None:
    """“Its spokesman, Tim Fox, …” then “the spokesman said”: the same man, no new person."""
    base = drafted("Greenpeace welcomed the visit. The group’s spokesman, Tim Fox, said it was"
                   " good. “Every school should have one,” the spokesman said.\n")
    assert speakers_of(base, "Every school should have one") == ["Tim Fox"]
    assert [e.name for e in base.entities if e.kind == "person"] == ["Tim Fox"]


def test_a_quotation_going_on_past_its_speaker() -> None:
    """“…,” X told reporters, “and …”: the second part is X's too."""
    base = drafted("The visit ended at noon. “It was a good day,” Ana Ruiz told reporters,"
                   " “and I will come back.”\n")
    assert speakers_of(base, "and I will come back") == ["Ana Ruiz"]


def test_the_n_year_old_is_the_person_of_that_age() -> None:
    """“Ana Ruiz, 24, …” then her mother is named; “The 24-year-old said” is still Ana Ruiz."""
    base = drafted("Ana Ruiz, 24, won the race. Her mother, Carmen, cried. The 24-year-old said:"
                   " “I want to win again.”\n")
    assert speakers_of(base, "I want to win again.") == ["Ana Ruiz"]


@pytest.mark.parametrize(
    ("body", "word"),
    [("Her father watched. Afterwards he told reporters: “I am so proud.”\n", "Afterwards"),
     ("The speech was shared with the hashtag #IamAna by many.\n", "IamAna")],
)
def test_sentence_adverbs_and_hashtags_are_no_names(body: str, word: str) -> None:
    """“Afterwards he told …” opens with an adverb; “#IamAna” is a hashtag: neither is a body."""
    assert word not in [name for name, _ in _names(body)]


@pytest.mark.parametrize(
    ("body", "name", "kind"),
    [("The richest teenager, Kevin David Lehmann of Germany, is 18.\n", "Kevin David Lehmann",
      "person"),
     ("The claim was backed by the Royal Academy of Engineering.\n",
      "the Royal Academy of Engineering", "organisation")],
)
def test_people_of_a_place_and_academies(body: str, name: str, kind: str) -> None:
    """A three-word name “of” a country is the person; an Academy is a body."""
    assert (name, kind) in _names(body)


def test_the_charity_is_the_charity_named_before() -> None:
    """“the charity Oxfam” then “the charity said”: no second body called “the charity”."""
    names = [n for n, _ in _names("Ana Ruiz works for the charity Oxfam. In a report, the"
                                  " charity said taxes could rise.\n")]
    assert "the charity" not in names and "Oxfam" in names


@pytest.mark.parametrize(
    ("body", "measure"),
    [("The average worker earns £30,000 a year.\n",
      "money that the average worker earns a year"),
     ("The government will spend €10bn on new schools.\n",
      "money that the government will spend on new schools"),
     ("Tickets cost £250 each.\n", "cost of tickets"),
     ("Amazon founder Jeff Bezos topped the list, with a fortune of $190bn.\n",
      "fortune of Jeff Bezos"),
     ("It was won by Elon Musk, whose wealth rose by 70% to $150bn.\n",
      "the wealth of Elon Musk")],
)
def test_money_moved_owned_or_paid(body: str, measure: str) -> None:
    """Money earned or spent in the present or with a modal, what bare plurals cost, a fortune
    “with” its owner named before, and “whose X rose to”: each names whose money it is."""
    assert measure in _measures(body), _measures(body)


def test_a_trillion_written_tn() -> None:
    """“$1tn” is one trillion dollars."""
    figures = drafted("The richest became richer, adding $1tn to their fortunes.\n").figures
    assert [(f.value, f.unit) for f in figures] == [(Decimal(1), "trillion dollars")]


def test_a_second_before_a_noun_is_no_span() -> None:
    """“a second chance”: an ordinal, no figure of one second."""
    assert drafted("“They gave me a second chance,” she said.\n").figures == ()


@pytest.mark.parametrize(
    ("body", "measure"),
    [("Over the past 20 years, the number of bees has fallen.\n",
      "period over which the number of bees has fallen"),
     ("Within five years, the town will need a new school.\n",
      "time within which the town will need a new school"),
     ("Hannah Cole, who has studied fitness for 15 years, is sure.\n",
      "time for which Hannah Cole has studied fitness"),
     ("The pension age will rise from 62 to 65 over the next nine years.\n",
      "time over which the pension age will rise")],
)
def test_a_span_measures_its_clause(body: str, measure: str) -> None:
    """A span opening its sentence measures the clause after it; after “who” it names the
    person before; the other amounts in its clause are left out."""
    assert measure in _measures(body), _measures(body)


@pytest.mark.parametrize(
    ("body", "measure"),
    [("The report found that 45% of children do not eat breakfast.\n",
      "share of children who do not eat breakfast"),
     ("Only 12% of the money went to schools.\n", "share of the money that went to schools"),
     ("Some 40% of British adults have never run a marathon.\n",
      "share of British adults who have never run a marathon")],
)
def test_a_share_keeps_its_noun_and_verb(body: str, measure: str) -> None:
    """A share of a noun whose verb follows it (with “do not”, after a demonym) says what they
    do: the verb is no part of the noun."""
    assert measure in _measures(body), _measures(body)


@pytest.mark.parametrize(
    ("body", "measure", "unit"),
    [("Researchers followed 12,000 adults. The researchers were surprised.\n",
      "number of adults that researchers followed", "adults"),
     ("Many people live long, and the average life expectancy is 84 years.\n",
      "the average life expectancy", "years"),
     ("Births fell. Deaths rose to 1.38 million.\n", "Deaths", "million deaths")],
)
def test_counts_read_as_the_sentence_says_them(body: str, measure: str, unit: str) -> None:
    """A sentence's first word used in lower case elsewhere is written in lower case; a count
    ending its clause after “is” is the level of the noun before; a plural that rose to a bare
    number is what the number counts."""
    figures = drafted(body).figures
    assert (measure, unit) in [(f.measure, f.unit) for f in figures], figures


def test_a_name_described_as_a_thing_is_no_person() -> None:
    """“Quinoa, a grain from the Andes,”: a one-word name whose apposition names no person is
    neither a person nor a body; “Ana, a farmer,” stays a person."""
    names = _names("Quinoa, a grain from the Andes, became popular. Her friend Ana, a farmer,"
                   " grows it.\n")
    assert "Quinoa" not in [n for n, _ in names] and ("Ana", "person") in names


def test_a_body_said_again_by_its_last_word_is_the_same_body() -> None:
    """“the Ethiopian government … the government”: one body, even when both are named in
    lower case."""
    names = [n for n, _ in _names("The Ethiopian government banned exports. Later the"
                                  " government said prices had fallen.\n")]
    assert "the government" not in names and "the Ethiopian government" in names


def test_a_role_owned_by_a_body_in_apposition() -> None:
    """“Dr Julie Robinson, Nasa’s chief scientist for the station,”: her role, led by whose."""
    base = drafted("“It is a unique chance,” said Dr Julie Robinson, Nasa’s chief scientist for"
                   " the station.\n")
    assert [e.role for e in base.entities if e.name == "Julie Robinson"] == [
        "Nasa’s chief scientist for the station"]


def test_a_span_of_a_relative_clause_drops_who() -> None:
    """“An astronaut who spent almost a year on the station”: the time the astronaut spent on
    the station, without a dangling “who”."""
    assert _measures("An astronaut who spent almost a year on the station has returned.\n") == [
        "time the astronaut spent on the station"]


def test_a_one_word_body_acting_first_in_its_sentence() -> None:
    """“Unesco has warned …”, “Nasa wants …”: a one-word name used in no other way, opening a
    sentence with what a body does, is a body; “the agency” after it is that body."""
    names = _names("Unesco has warned that the park is at risk. Nasa wants to know more. The"
                   " agency plans a new flight.\n")
    assert ("Unesco", "organisation") in names and ("Nasa", "organisation") in names
    assert "the agency" not in [n for n, _ in names]


def test_a_role_holding_a_place_word_is_no_place() -> None:
    """“the street artist Banksy”: an artist, though “street” names places elsewhere."""
    assert ("Banksy", "person") in _names("A painting by the street artist Banksy was sold."
                                          " Nobody knows who Banksy is.\n")


def test_said_one_after_a_group() -> None:
    """“…,” said one.: one of the group named before, not the person quoted before it."""
    base = drafted("Art critic Jonathan Jones called it “a joke”. But Banksy fans were happy."
                   " “He is a genius,” said one.\n")
    assert speakers_of(base, "He is a genius") != ["Jonathan Jones"]


def test_the_buyer_is_a_person_and_a_renamed_work_no_body() -> None:
    """“The buyer said” names a person; “renamed Love is in the Bin” is a work's title."""
    names = _names("The work, renamed Love is in the Bin, was sold. The buyer said: “I love"
                   " it.”\n")
    assert ("the buyer", "person") in names and "Love" not in [n for n, _ in names]


def test_a_year_opening_its_sentence_reads_its_clause_without_amounts() -> None:
    """“In 2018, it sold for £1.04m.”: the year in which it sold (the price is a figure of its
    own)."""
    assert "year in which it sold" in _measures("In 2018, it sold for £1.04m.\n")


def test_a_rate_after_a_long_noun_phrase_is_no_figure() -> None:
    """“two extra portions of fruit and vegetables a day”: “a day” is the rate, no figure."""
    figures = drafted("People get two extra portions of fruit and vegetables a day.\n").figures
    assert [f.value for f in figures] == [Decimal(2)]


def test_a_change_of_x_of_y_in_z_keeps_all_of_it() -> None:
    """“Sales of organic food in the UK fell by 30%”: the fall in sales of organic food in
    the UK, not in “UK”."""
    assert _measures("Sales of organic food in the UK fell by 30% after 2008.\n")[0] == \
        "fall in sales of organic food in the UK"


@pytest.mark.parametrize(
    ("body", "text"),
    [("Retired postman Tom Hale said the figures were “worrying”.\n", "worrying"),
     ("The union said it was bad. Local baker Tom Hale said: “It is a joke.”\n",
      "It is a joke."),
     ("“It is sad,” said retired postman Tom Hale.\n", "It is sad")],
)
def test_a_role_adjective_before_a_role_and_a_name(body: str, text: str) -> None:
    """“Retired postman Tom Hale said”: “Retired” is no name and “postman” is his role, so he
    speaks, before or after the quotation."""
    base = drafted(body)
    assert speakers_of(base, text) == ["Tom Hale"]
    assert [e.name for e in base.entities if e.kind == "person"] == ["Tom Hale"]


@pytest.mark.parametrize(
    ("body", "name", "kind"),
    [("Only 47% of children meet the target, according to Sport England.\n", "Sport England",
      "organisation"),
     ("Former Olympic champion Kelly Holmes said the figures were bad.\n", "Kelly Holmes",
      "person")],
)
def test_a_name_ending_in_a_country_is_a_body_and_champions_are_people(
        body: str, name: str, kind: str) -> None:
    """“Sport England” ends in a country: a body; “Olympic champion Kelly Holmes” is a person
    with a role."""
    assert (name, kind) in _names(body)
    assert all(e.role for e in drafted(body).entities if e.kind == "person")


def test_school_subjects_in_capitals_are_no_bodies() -> None:
    """“PE” and “GCSE” are subjects and exams, not organisations."""
    names = [n for n, _ in _names("Schools will spend £320m on PE and GCSE classes.\n")]
    assert "PE" not in names and "GCSE" not in names


def test_a_role_adjective_opening_a_sentence_is_no_name() -> None:
    """“Senior Tory figures said …”: “Senior” describes them, it is no part of a name."""
    assert "Senior Tory" not in [n for n, _ in _names("Senior Tory figures said it was bad.\n")]


def test_the_united_states_is_a_country() -> None:
    """“the United States”: a country, though “United” names clubs too."""
    assert ("the United States", "country") in _names(
        "Cuba and the United States restored relations.\n")


def test_a_span_spent_by_he_or_she_names_the_person() -> None:
    """“Ana Ruiz visited Havana. She spent three days there”: the time Ana Ruiz spent there."""
    assert "time Ana Ruiz spent in Havana" in _measures(
        "Ana Ruiz was the first to visit. She spent three days in Havana.\n")


@pytest.mark.parametrize(
    ("body", "measure"),
    [("More than 160,000 Americans visited Cuba last year, up 77% on the year before.\n",
      "rise in the number of Americans who visited Cuba last year"),
     ("In 2019, 865,000 babies were born, down 5.9% on 2018.\n",
      "fall in the number of babies born")],
)
def test_up_or_down_a_share_changes_the_amount_before(body: str, measure: str) -> None:
    """“…, up 77% on the year before”: the rise in the amount just before it."""
    assert measure in _measures(body), _measures(body)
