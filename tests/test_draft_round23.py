"""Round 23: speakers, spelled-out values and qualifiers of news prose (made-up sentences)."""

from __future__ import annotations

from decimal import Decimal

import pytest
import yaml

from quizgen.article.numbers import scan_numbers
from quizgen.draft import draft_factbase


def _draft(text: str) -> dict[str, object]:
    """The draft of a made-up article (a headline, then the text)."""
    data = yaml.safe_load(draft_factbase("Notes from the valley\n\n" + text + "\n", name="t"))
    assert isinstance(data, dict)
    return data


def _speakers(text: str) -> dict[str, list[str]]:
    """Each drafted quote's text with the names of its speakers."""
    data = _draft(text)
    people = {e["id"]: e["name"] for e in data.get("people") or []}  # type: ignore[attr-defined]
    return {q["text"]: [people[s] for s in q["speakers"]]
            for q in data.get("quotes") or []}  # type: ignore[attr-defined]


def _figures(text: str) -> list[tuple[Decimal, str, str]]:
    """Each drafted figure's value, unit and qualifier."""
    return [(Decimal(str(f["value"])), f["unit"], f.get("qualifier", "exact"))
            for f in _draft(text).get("figures") or []]  # type: ignore[attr-defined]


@pytest.mark.parametrize(("text", "quote", "speaker"), [
    ("Last week Acme Foods said sales had been “strong”.", "strong", "Acme Foods"),
    ("Yesterday police said the man was “dangerous”.", "dangerous", "police"),
    ("In 2019 Ana Ruiz called the plan “a disgrace”.", "a disgrace", "Ana Ruiz"),
])
def test_a_time_opening_a_clause_with_no_comma_is_no_subject(text: str, quote: str,
                                                             speaker: str) -> None:
    """ "Last week Acme Foods said …": the subject comes after the time, so a short quotation
    is the subject's, not words nobody says."""
    assert _speakers(text)[quote] == [speaker]


@pytest.mark.parametrize(("text", "quote", "speaker"), [
    ("Local MP Ana Ruiz described the vote as “deeply disappointing”.",
     "deeply disappointing", "Ana Ruiz"),
    ("The talks ended late. Norwegian officials said the talks had been “useful”.",
     "useful", "Norwegian officials"),
])
def test_role_adjectives_and_demonyms_before_a_subject_keep_it(text: str, quote: str,
                                                               speaker: str) -> None:
    """ "Local MP Ana Ruiz described …", "Norwegian officials said …": adjectives of role or
    nation before the name or group leave it the clause's subject."""
    assert _speakers(text)[quote] == [speaker]


def test_an_unnamed_speaker_who_calls_a_thing_in_quotation_marks() -> None:
    """ "One expert called it “…”": an unnamed person naming a thing in their own words."""
    text = "The bones were found in a cave. One expert called it “the find of the century”."
    assert _speakers(text)["the find of the century"] == ["one expert"]


def test_an_apposition_calling_a_thing_is_the_named_person() -> None:
    """ "Ana Ruiz, an expert at X, called it “…”": the apposition is hers, no speaker of its
    own."""
    text = ("Ana Ruiz, a geologist at the Kessen Institute who was not part of the team, called"
            " it “a rare find”.")
    assert _speakers(text)["a rare find"] == ["Ana Ruiz"]


def test_a_spokesman_for_a_body_of_several_lower_case_words() -> None:
    """ "said a spokesman for the regional water company": an unnamed speaker, the body in
    lower case of three words."""
    text = "“The pipes are old,” said a spokesman for the regional water company."
    assert _speakers(text)["The pipes are old"] == [
        "a spokesman for the regional water company"]


def test_an_unnamed_speaker_placed_in_a_named_town() -> None:
    """ "said one owner in Leeds.": an unnamed speaker, the town after "in" no part of it."""
    text = "“Business has doubled,” said one owner in Leeds."
    assert _speakers(text)["Business has doubled"] == ["one owner"]


def test_a_report_set_off_by_a_participle_still_says_its_words() -> None:
    """ "The report, published on Monday, says: “…”": the report speaks past the phrase."""
    text = "The report, published on Monday, says: “Rivers are dirtier than ever.”"
    assert _speakers(text)["Rivers are dirtier than ever."] == ["the report"]


@pytest.mark.parametrize(("text", "value", "scale"), [
    ("The work took two and a half years.", Decimal("2.5"), None),
    ("The bridge is one and a half kilometres long.", Decimal("1.5"), None),
    ("She slept for 6 and a half hours.", Decimal("6.5"), None),
    ("Half a million people came.", Decimal("0.5"), "million"),
    ("The firm has a quarter of a million workers.", Decimal("0.25"), "million"),
    ("About half a dozen houses burned.", Decimal(6), None),
])
def test_halves_and_quarters_are_part_of_the_value(text: str, value: Decimal,
                                                   scale: str | None) -> None:
    """ "two and a half years" is 2.5, "half a million" 0.5 million, "half a dozen" 6."""
    hits = [h for h in scan_numbers(text) if h.kind == "number"]
    assert [(h.value, h.scale) for h in hits] == [(value, scale)]


def test_a_count_of_the_last_few_counts_their_noun() -> None:
    """ "four of its last five games": four games (the second number no part of the unit)."""
    figures = _figures("The club has lost four of its last five games.")
    assert (Decimal(4), "games", "exact") in figures


@pytest.mark.parametrize(("text", "qualifier"), [
    ("People aged 65 or over make up a fifth of voters.", "at least"),
    ("Children aged 12 and under travel free.", "at most"),
])
def test_or_over_and_or_under_after_an_age_qualify_it(text: str, qualifier: str) -> None:
    """ "aged 65 or over" is at least 65; "aged 12 and under" at most 12."""
    assert [f[2] for f in _figures(text) if f[1] == "years old"] == [qualifier]


@pytest.mark.parametrize(("text", "quote", "speaker"), [
    ("Maria Lopez said she was tired. Doctors told Kate Moss that the leg was broken. “I didn’t"
     " believe them,” she said.", "I didn’t believe them", "Kate Moss"),
    ("Maria Lopez said she was tired. The scheme was set up by Sarah Jones, a teacher, and her"
     " husband Paul. “We wanted to help,” she said.", "We wanted to help", "Sarah Jones"),
])
def test_a_pronoun_after_a_sentence_led_by_a_group_or_a_thing(text: str, quote: str,
                                                              speaker: str) -> None:
    """A he/she right after a sentence whose subject is a group or no one (“Doctors told Kate
    Moss …”, “The scheme was set up by Sarah Jones … and her husband Paul”) is first read as
    one of that sentence's people, the last first, before earlier subjects."""
    assert _speakers(text)[quote] == [speaker]


@pytest.mark.parametrize("text", [
    "Notes from the valley\n\nMaria Lopez was tired. The leg was broken.\n",
    "Trouble in the city\n\nAna Ruiz was tired.\n",
])
def test_a_headline_ending_on_a_place_noun_makes_no_place_of_the_next_name(text: str) -> None:
    """A headline's last words (“… the valley”) are no “the valley Maria Lopez” across the line
    break: the person is no thing and no place, and the draft is written (it once failed)."""
    data = yaml.safe_load(draft_factbase(text, name="t"))
    assert not data.get("places")
    assert [p["kind"] for p in data["people"] if p["id"] != "article"] == ["person"]


@pytest.mark.parametrize("text", [
    "At 92, Tom Hale still swims every day.",
    "The village is small. At nine, she started to paint.",
])
def test_at_an_age_opening_a_sentence_before_a_person(text: str) -> None:
    """ "At 92, Tom Hale still swims": the number is an age in years, not a count of units."""
    assert [f[1] for f in _figures(text)] == ["years old"]


def test_a_count_of_an_owner_counted_things_counts_their_noun() -> None:
    """ "3 of the team’s 5 goals": three goals (not "team’s"), the second number skipped."""
    assert (Decimal(3), "goals", "exact") in _figures("Ana Ruiz scored 3 of the team’s 5 goals.")


def test_a_spelled_out_age_opening_a_sentence_is_no_part_of_the_name() -> None:
    """ "Fourteen-year-old Amira Khan won …": the speaker is Amira Khan, her age no name."""
    text = "Fourteen-year-old Amira Khan won the race. “I can’t believe it,” she said."
    assert _speakers(text)["I can’t believe it"] == ["Amira Khan"]


@pytest.mark.parametrize(("text", "quote"), [
    ("Tom Hale lives in Leeds. Hiroshi, who asked that his surname not be used, works long hours."
     " “I have no life,” he said.", "I have no life"),
    ("Tom Hale lives in Leeds. Kenji, who runs a small farm, grows rice. “It is hard work,” he"
     " said.", "It is hard work"),
])
def test_a_one_word_name_with_a_relative_clause_for_a_person(text: str, quote: str) -> None:
    """ "Hiroshi, who asked that his surname …", "Kenji, who runs a farm": a person (a singular
    verb or his/her after "who"), so the he after the next quotation is him."""
    assert _speakers(text)[quote] == [text.split(". ")[1].split(",")[0]]


@pytest.mark.parametrize(("text", "quote", "speaker"), [
    ("The vote ended. Opposition parties called the vote “a fraud”.", "a fraud",
     "Opposition parties"),
    ("Fees rose. Several charities described the change as “cruel”.", "cruel",
     "several charities"),
])
def test_parties_and_charities_are_groups_that_speak(text: str, quote: str,
                                                     speaker: str) -> None:
    """ "Opposition parties called the vote “…”": parties, charities, governments as a group."""
    assert _speakers(text)[quote] == [speaker]


def test_groups_with_a_sentence_opening_adjective_speak() -> None:
    """ "Environmental groups called the findings “…”": a group speaks, its adjective opening
    the sentence no body it speaks for."""
    text = "Plastic was found in the snow. Environmental groups called the findings “a warning”."
    data = _draft(text)
    people = {e["id"]: e for e in data["people"]}  # type: ignore[index]
    quote = next(q for q in data["quotes"] if q["text"] == "a warning")  # type: ignore[index]
    assert [people[s]["name"] for s in quote["speakers"]] == ["Environmental groups"]
    assert not people[quote["speakers"][0]].get("speaks_for")


def test_a_speech_left_open_at_a_paragraphs_end_is_said_by_the_next_parts_speaker() -> None:
    """ "“… goes on.\\n\\n“…,” said Jo Kent.": a quotation left open at its paragraph's end goes
    on in the next, whose speaker is named after it."""
    text = ("“We will not give up,” said Sara Khan.\n\n“This is the first part of a long speech."
            "\n\n“And this is the second part,” said Jo Kent.")
    assert _speakers(text)["This is the first part of a long speech."] == ["Jo Kent"]


def test_an_opening_mark_turned_the_wrong_way_closes_a_quotation() -> None:
    """ "become “as cheap as bread“ in ten years": an opening mark at a word's end, printed for
    a closing one, ends the quotation (a later ” in the paragraph does not)."""
    from quizgen.article.text import find_quotes

    text = "Ana Ruiz says rice will become “as cheap as bread“ in ten years. She is “sure”."
    assert [text[q.inner_start:q.inner_end] for q in find_quotes(text)] == [
        "as cheap as bread", "sure"]


def test_a_name_and_its_verb_of_speech_joined_by_and_is_a_subject() -> None:
    """ "Many firms have nap rooms and Ana Ruiz predicts that … “…”": the clause joined by
    "and" has its own subject, who speaks the short quotation."""
    text = ("Tom Hale owns a shop. Many firms have nap rooms and Ana Ruiz predicts that naps"
            " will become “as normal as lunch” within ten years.")
    assert _speakers(text)["as normal as lunch"] == ["Ana Ruiz"]
    text = ("Tom Hale owns a shop. Many parents have complained and Ana Ruiz says the rules are"
            " “too strict”.")
    assert _speakers(text)["too strict"] == ["Ana Ruiz"]


def test_odd_after_a_number_is_about_and_the_noun_is_the_unit() -> None:
    """ "The 20-odd people at the meeting": about 20 people (not a unit "odds")."""
    assert (Decimal(20), "people", "about") in _figures("The 20-odd people at the meeting agreed.")


@pytest.mark.parametrize(("text", "quote", "speaker"), [
    ("NASA administrator Ana Ruiz said the flight was “a huge success”.", "a huge success",
     "Ana Ruiz"),
    ("Acme Foods spokesman Tom Hale said the plan was “a mistake”.", "a mistake", "Tom Hale"),
    ("The former US president Bill Hale said: “This is a great day.”", "This is a great day.",
     "Bill Hale"),
])
def test_a_body_and_a_post_before_a_name_make_the_person_the_subject(text: str, quote: str,
                                                                    speaker: str) -> None:
    """ "NASA administrator Ana Ruiz said", "the former US president Bill Hale said": the
    person after a body and a post speaks (Bill a first name, no bill of a parliament)."""
    assert _speakers(text)[quote] == [speaker]


def test_a_common_word_opening_a_sentence_may_be_a_first_name() -> None:
    """ "Mark Owen, a local historian, said …" though the article writes "to mark": a first
    name before one more capitalised word and an apposition or a verb of speech."""
    text = ("The crowd gathered to mark the anniversary.\n\nMark Owen, a local historian, said"
            " the day was “very moving”.")
    assert _speakers(text)["very moving"] == ["Mark Owen"]


@pytest.mark.parametrize(("text", "quote", "speaker"), [
    ("Major Ana Hale landed on Saturday. “It was the ride of my life,” said Major Hale.",
     "It was the ride of my life", "Ana Hale"),
    ("Tom Major was prime minister. “It was an honour,” Major said.", "It was an honour",
     "Tom Major"),
])
def test_major_before_a_name_is_a_rank_and_after_it_a_surname(text: str, quote: str,
                                                              speaker: str) -> None:
    """ "Major Ana Hale" is Ana Hale, a major ("Major Hale" the same person); "Tom Major" is a
    surname, said alone too."""
    assert _speakers(text)[quote] == [speaker]


@pytest.mark.parametrize(("text", "quote", "speaker"), [
    ("Tom Hale owns a farm. The plan was described as “unworkable” by Ana Ruiz.",
     "unworkable", "Ana Ruiz"),
    ("Ana Ruiz is a runner. She was called “a genius” by her coach, Ben Ford.", "a genius",
     "Ben Ford"),
    ("Tom Hale made a film. The film was hailed as “a masterpiece” by critics.",
     "a masterpiece", "critics"),
])
def test_the_agent_of_a_passive_after_the_quotation_says_it(text: str, quote: str,
                                                           speaker: str) -> None:
    """ "was described as “…” by Ana Ruiz": words put on something in the passive are the
    agent's after "by" (without "by …" nobody is named)."""
    assert _speakers(text)[quote] == [speaker]


def test_words_put_on_someone_in_the_passive_with_no_agent_stay_unsaid() -> None:
    """ "She was described as “…”." with no "by": no speaker."""
    assert _speakers("Ana Ruiz won. She was described as “a genius”.")["a genius"] == []


@pytest.mark.parametrize(("text", "quote"), [
    ("Jo Kent ran the club. “I knew it,” she said, before adding that she had “always"
     " believed” in the team.", "always believed"),
    ("“It was a great success,” Jo Kent said, adding that the club was “ready for more”.",
     "ready for more"),
])
def test_a_quotation_the_speaker_adds_after_her_first_one(text: str, quote: str) -> None:
    """ "“…,” she said, before adding that she had “…”": the second quotation is the first
    one's speaker's."""
    assert _speakers(text)[quote] == ["Jo Kent"]


@pytest.mark.parametrize(("text", "value"), [
    ("Two hundred and forty passengers were on board.", Decimal(240)),
    ("About a hundred and fifty people came.", Decimal(150)),
    ("One hundred and twenty-one workers lost their jobs.", Decimal(121)),
    ("One hundred people came.", Decimal(100)),
])
def test_hundred_and_tens_is_one_number(text: str, value: Decimal) -> None:
    """ "two hundred and forty" is 240, one number ("forty" no count of its own; "one hundred"
    counted once)."""
    hits = [h for h in scan_numbers(text) if h.kind == "number"]
    assert [h.value * (100 if h.scale == "hundred" else 1) for h in hits] == [value]


def test_a_particle_opening_a_sentence_is_no_first_name() -> None:
    """ "De Wit, who …" after "Pieter de Wit": the surname with its particle, the same person
    (not a person "De Wit" with a first name "De")."""
    text = ("The coach is Pieter de Wit. He was pleased.\n\nDe Wit, who took charge in 2023,"
            " said the team was ready.")
    names = [e["name"] for e in _draft(text)["people"]]  # type: ignore[index]
    assert "Pieter de Wit" in names and "De Wit" not in names


def test_a_person_by_a_noun_opening_a_sentence_is_the_she_after_it() -> None:
    """ "One victim, a retired teacher, lost £85,000. … she said:": the unnamed victim, not
    the woman named earlier."""
    text = ("Judge Ana Price heard the case. One victim, a retired teacher from Kent, lost"
            " £85,000. In a statement read to the court, she said: “I feel so stupid.”")
    assert _speakers(text)["I feel so stupid."] == ["one victim"]


@pytest.mark.parametrize("text", [
    "The virus has infected 200 since March.",
    "The storm killed at least 12 in the north.",
])
def test_a_bare_number_after_a_verb_done_to_people_counts_people(text: str) -> None:
    """ "has infected 200 since March": 200 people (not "units")."""
    assert [f[1] for f in _figures(text) if f[1] != "year"] == ["people"]
