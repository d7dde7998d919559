"""Round 8 of the draft on real news (issue 19): names written in title case, planets, names
with digits, people "of" a place, quoted terms nobody says, and bare measures said with their
clause; each rule from news grammar, tested on made-up sentences."""

from __future__ import annotations

import pytest

from quizgen.draft import draft_factbase
from tests.test_draft import drafted, speakers_of


def _bodies(body: str) -> list[tuple[str, str]]:
    return [(e.name, e.kind) for e in drafted(body).entities]


def _measures(text: str) -> list[str]:
    return [f.measure for f in drafted(text + "\n").figures]


@pytest.mark.parametrize(
    ("body", "name"),
    [("The charity Sense About Science said the tests were useless.\n", "Sense About Science"),
     ("A spokesman for the Coalition For Clean Air said it was worried.\n",
      "Coalition For Clean Air"),
     ("She writes for the daily Gazzetta dello Sport every week.\n", "Gazzetta dello Sport")],
)
def test_a_title_word_in_capitals_joins_a_name(body: str, name: str) -> None:
    """“Sense About Science”, “Gazzetta dello Sport”: a function word in capitals (or an
    Italian link) between two capitalised words, mid-sentence, is part of one name."""
    names = [n for n, _ in _bodies(body)] + [line for line in draft_factbase(
        "Headline\n\n" + body, name="t").splitlines() if line.startswith("#")]
    assert any(name in n for n in names), names
    assert ("Sense", "organisation") not in _bodies(body)


def test_an_acronym_joined_by_a_hyphen_is_a_body() -> None:
    """“a UEFA-licensed coach”: the acronym before a hyphen and a lower-case word names a
    body, not a word “UEFA-licensed”."""
    assert ("UEFA", "organisation") in _bodies("Ana Ruiz is a UEFA-licensed coach.\n")


@pytest.mark.parametrize(
    ("body", "name"),
    [("The planet receives half the energy that Earth receives from the Sun.\n", "Earth"),
     ("The star lies in the Milky Way, astronomers said.\n", "the Milky Way"),
     ("Ana Ruiz studies Kessler-7, a small star. She said Kessler-7 was old.\n", "Kessler-7")],
)
def test_planets_and_names_with_digits_are_no_people_or_bodies(body: str, name: str) -> None:
    """The Earth, the Sun and the galaxy, and a name holding a digit (a star, a product), are
    things: drafted as neither a person nor an organisation."""
    assert name not in [n for n, kind in _bodies(body) if kind in ("person", "organisation")]


def test_a_person_of_a_place_is_the_person() -> None:
    """“says Sandra Murray of Dubuque”: a first name and surname, then “of” and a place (no
    body word), is the person; the quotation is hers."""
    base = drafted("“I like the way he speaks,” says Sandra Murray of Dubuque, Iowa.\n")
    assert speakers_of(base, "I like the way he speaks") == ["Sandra Murray"]


@pytest.mark.parametrize(
    ("body", "text"),
    [("According to the researchers, this “land-sharing” approach could work elsewhere.\n",
      "land-sharing"),
     ("Burning Man, in the desert of Nevada, is a “leave-no-trace” event, the organisers said.\n",
      "leave-no-trace"),
     ("The guide said crates marked “bullet-proof glass” fill the hall.\n",
      "bullet-proof glass"),
     ("Her sister said Ana Ruiz is known locally as the “scone queen of Kent”.\n",
      "scone queen of Kent"),
     ("Ana Ruiz said the grain, increasingly touted as Ethiopia’s “second gift to the world”,"
      " sells well.\n",
      "second gift to the world")],
)
def test_terms_labels_and_passive_names_are_nobodys_words(body: str, text: str) -> None:
    """A quoted word or two before the noun they describe, words marked on a thing, “known
    locally as”, “touted as” with no one touting: nobody says them, whoever the sentence
    cites."""
    assert speakers_of(drafted(body), text) == []


def test_a_quoted_adjective_in_speech_keeps_its_speaker() -> None:
    """“He called it a “crazy” idea”: the verb of speech just before keeps the words his."""
    base = drafted("Tom Hale spoke on Monday. He called it a “crazy” idea.\n")
    assert speakers_of(base, "crazy") == ["Tom Hale"]


@pytest.mark.parametrize(
    ("text", "measure"),
    [("Ana Ruiz was the top scorer for 12 seasons and played for Spain in 153 matches.",
      "number of matches in which Ana Ruiz played for Spain"),
     ("An average cloud would take a year to fall one metre.",
      "distance that an average cloud would take a year to fall")],
)
def test_a_bare_measure_is_said_with_its_clause(text: str, measure: str) -> None:
    """A count or size no other reading named is said with the clause its number ends: the
    subject (borrowed from the sentence after “and”), the verb, a preposition put first."""
    assert measure in _measures(text)


@pytest.mark.parametrize(
    ("text", "measure"),
    [("Her father, two brothers and many cousins were killed in the war.",
      "number of brothers killed in the war"),
     ("About 800 soldiers and local police were injured in the fighting.",
      "number of soldiers and local police injured in the fighting")],
)
def test_a_counts_verb_after_its_list_says_what_it_counts(text: str, measure: str) -> None:
    """“two brothers and many cousins were killed”: the counted noun's verb after the rest of
    its list, the other noun kept unless a quantifier opens it."""
    assert measure in _measures(text)


def test_a_pronoun_subject_gives_no_frame() -> None:
    """“Each lasts three hours”, “I was there for five days”: no frame from a bare “each” or
    from speech as I; the measure stays for the teacher to write."""
    measures = _measures("Each orbit of Tala-3b dims the star by 0.2 percent and lasts nearly"
                         " three hours.") + _measures("I was in hospital for five days.")
    assert not any("each lasts" in m or "I was" in m for m in measures), measures


@pytest.mark.parametrize(
    ("body", "text"),
    [("Tom Hale said the message “we need to save the planet” missed the point.\n",
      "we need to save the planet"),
     ("Voters were asked the question: “Would you ever vote for him?” Most said no.\n",
      "Would you ever vote for him?")],
)
def test_words_named_as_a_message_or_question_are_nobodys(body: str, text: str) -> None:
    """“the message “…””, “the question: “…””: words a text names as a message, question or
    line are quoted as such, not said by the sentence's subject."""
    assert speakers_of(drafted(body), text) == []


def test_the_company_after_a_named_firm_is_that_firm() -> None:
    """“Starbucks opened … “…,” the firm said”: a firm's common-noun name after a body is
    named speaks as that body, not as a new body “the firm”."""
    base = drafted("Starbucks opened 20 shops in May. “We pay our taxes,” the firm said.\n")
    assert speakers_of(base, "We pay our taxes") == ["Starbucks"]
    assert "the firm" not in [e.name for e in base.entities]


def _figures(text: str) -> list[tuple[str, str]]:
    return [(str(f.value), f.unit) for f in drafted(text + "\n").figures]


@pytest.mark.parametrize(
    ("text", "figure"),
    [("The network has lost 6m US visitors this year.", ("6", "million US visitors")),
     ("It lost nearly 9m monthly visitors in a year.", ("9", "million monthly visitors"))],
)
def test_millions_before_a_modified_plural_are_millions(text: str,
                                                        figure: tuple[str, str]) -> None:
    """“6m US visitors”, “9m monthly visitors”: an “m” before an acronym or a rate adjective
    and a plural noun is millions of them, not metres (and not dropped)."""
    assert figure in _figures(text)


@pytest.mark.parametrize(
    ("text", "measure"),
    [("Instagram, the photo-sharing site that won 30m users in 18 months, was sold.",
      "number of users that the photo-sharing site won"),
     ("The strike lasted for weeks and cost the firm £4m.",
      "money that the strike cost the firm")],
)
def test_a_frame_drops_a_relative_and_borrows_a_plain_subject(text: str, measure: str) -> None:
    """“the site that won 30m users”: the relative word goes (number of users that the site
    won); “The strike … and cost the firm £4m”: the sentence's “the” noun is the subject."""
    assert measure in _measures(text)


@pytest.mark.parametrize(
    ("text", "measure"),
    [("The phone sells for $499 in the US.", "price of the phone"),
     ("Ana Ruiz, whose personal wealth is £45m, said she stayed.",
      "personal wealth of Ana Ruiz"),
     ("The bank made a profit of £3bn last year.", "profit that the bank made"),
     ("Across the road stands an empty villa, worth £18m, with broken windows.",
      "value of an empty villa"),
     ("The heatwave killed more than 200 people across the region.",
      "number of people that the heatwave killed across the region")],
)
def test_money_and_counts_name_their_thing(text: str, measure: str) -> None:
    """“sells for $499”: a price; “X, whose wealth is £45m”: X's wealth; “made a profit of”:
    the profit the subject made; “a villa, worth £18m,”: its value; “200 people across the
    region”: a preposition after the noun is no verb of the people."""
    assert measure in _measures(text)


def test_money_before_a_preposition_is_no_value_of_it() -> None:
    """“£2bn over ten years”: the word after the money is a preposition, not the thing the
    money is the value of (no “value of the over ten”)."""
    assert not any("over ten" in m for m in _measures(
        "The scheme will cost taxpayers £2bn over ten years."))


@pytest.mark.parametrize("name", ["Calderians", "Nutritionists"])
def test_a_plural_of_people_of_a_kind_is_no_body(name: str) -> None:
    """“Calderians”, “Nutritionists”: one capitalised plural of a people or a profession is a
    group of people, never an organisation or a person, even where an event names it."""
    base = drafted(f"The reform would raise the age at which {name} can draw a pension. On"
                   f" Friday, a poll by the Institute for Public Opinion found that nearly 70"
                   f" percent of {name} oppose the reform.\n")
    assert name not in [e.name for e in base.entities if e.kind in ("person", "organisation")]


@pytest.mark.parametrize(
    ("text", "wrong"),
    [("The number of bears has risen to 4,000.", "that the number of bears"),
     ("The team finished with ten men after the defender was booked for a second bookable"
      " offence.", "time for which")],
)
def test_no_frame_repeats_its_head_or_reads_an_ordinal_as_time(text: str, wrong: str) -> None:
    """A frame never says its head twice (“number of bears that the number of bears has
    risen”), and “a second bookable offence” is no span of time to frame."""
    assert not any(wrong in m for m in _measures(text)), _measures(text)


def test_a_role_without_article_before_a_name_after_a_quotation() -> None:
    """“…,” former presidential rival, Bobby Jindal, told the Guardian: a role with no “the”,
    then the name in commas and a verb of speech, names the speaker."""
    base = drafted("Critics doubt him. “He is an egomaniac,” former presidential rival, Bobby"
                   " Jindal, told the Guardian.\n")
    assert speakers_of(base, "He is an egomaniac") == ["Bobby Jindal"]


def test_a_capitalised_word_of_a_role_opening_a_sentence_is_no_name() -> None:
    """“Top pollster, Frank Luntz, believes …”: the capitalised first word belongs to the role
    before the name, so “the pollster” later is Frank Luntz, not a person called “Top”."""
    base = drafted("Top pollster, Frank Luntz, believes Hale is popular. As the pollster"
                   " notes: “Hale says what they think.”\n")
    assert speakers_of(base, "Hale says what they think.") == ["Frank Luntz"]
    assert "Top" not in [e.name for e in base.entities]


@pytest.mark.parametrize(
    ("text", "measure"),
    [("Analysts expect revenues up 36% on last year.", "rise in revenues"),
     ("The share of women on boards is still just 12%.", "share of women on boards"),
     ("Support for the party stands at 31%.", "support for the party"),
     ("Google shares were up 3% on Monday.", "rise in Google shares")],
)
def test_a_percentage_is_the_level_of_the_noun_before_its_verb(text: str,
                                                              measure: str) -> None:
    """“revenues up 36%”: a rise in them; “X stands at 31%”, “X is still just 12%”: the
    level of X, the noun phrase before the verb (a reporting verb before it left out)."""
    assert measure in _measures(text)


@pytest.mark.parametrize(
    ("text", "measure"),
    [("The firm was bought for $1bn in 2012.", "year in which the firm was bought"),
     ("Ana Ruiz won 3 gold medals in 2016.", "year in which Ana Ruiz won gold medals")],
)
def test_a_years_clause_leaves_out_the_other_amounts(text: str, measure: str) -> None:
    """“bought for $1bn in 2012”: the year's clause without the other amount (a figure of its
    own), not a bare “year”."""
    assert measure in _measures(text)


@pytest.mark.parametrize(
    ("text", "measure"),
    [("The Bronx had the most; Staten Island, with just three stops, had the fewest.",
      "number of stops that Staten Island had"),
     ("The village, with about 300 residents, is the smallest in the county.",
      "number of residents that the village has")],
)
def test_a_count_set_off_with_with_is_what_the_name_has(text: str, measure: str) -> None:
    """“X, with just three stops, had …”: a count in commas after “with” is what the name
    before it has (or had, as the verb after the commas says)."""
    assert measure in _measures(text)


@pytest.mark.parametrize(
    ("text", "measure"),
    [("Heath Lodge, a mansion owned by a banker, sold for £12m in 2007.",
      "price for which Heath Lodge sold"),
     ("Tom Hale, the club captain, was injured and missed 12 games.",
      "number of games that Tom Hale missed")],
)
def test_a_frame_borrows_a_name_set_off_by_an_apposition(text: str, measure: str) -> None:
    """“X, a mansion …, sold for £12m”, “X, the club captain, was injured and missed 12
    games”: the name before an apposition is the subject; money a thing sold for is a price."""
    assert measure in _measures(text)
