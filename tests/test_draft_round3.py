"""Drafting rules for real news, round 3: spokesmen for named and lower-case bodies, and
bodies whose names end on a title word ("the Ministry of Health")."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.test_draft import drafted


def _speaker_names(sentence: str) -> tuple[list[list[str]], dict[str, str]]:
    base = drafted(sentence + "\n")
    names = {e.id: e.name for e in base.entities}
    owners = {e.name: names[e.speaks_for] for e in base.entities
              if getattr(e, "speaks_for", None)}
    return [[names[s] for s in q.speakers] for q in base.quotes], owners


@pytest.mark.parametrize(
    ("sentence", "speaker", "owner"),
    [("“The pool stays shut,” said a spokeswoman for the council.",
      "a spokeswoman for the council", "the council"),
     ("“The pool stays shut,” said a spokesman for Tolby Town Council.",
      "a spokesman for Tolby Town Council", "Tolby Town Council"),
     ("A spokesman for the Ministry of Fisheries said: “We are looking into it.”",
      "a spokesman for the Ministry of Fisheries", "the Ministry of Fisheries"),
     ("“We will rebuild the pier,” a spokeswoman for the Port of Varno said.",
      "a spokeswoman for the Port of Varno", "the Port of Varno")],
)
def test_a_spokesman_for_a_body_speaks_for_it(sentence: str, speaker: str, owner: str) -> None:
    """“…,” said a spokeswoman for X (after or before the quotation, X named or in lower
    case, with “of” inside its name) is the speaker, a person speaking for X, and X is listed."""
    speakers, owners = _speaker_names(sentence)
    assert speakers == [[speaker]], speakers
    assert owners.get(speaker) == owner, owners


def test_a_body_named_with_a_title_word_is_kept() -> None:
    """“The Ministry of Health said …” drafts the ministry, though “Health” is also a title
    word (“Health Minister”); a title alone is still no name."""
    base = drafted("The Ministry of Health said it would act. Executive Director Ana Ruiz"
                   " agreed.\n")
    kinds = {e.name: e.kind for e in base.entities}
    assert kinds.get("the Ministry of Health") == "organisation", kinds
    assert "Executive Director" not in kinds, kinds


@pytest.mark.parametrize("sentence", ["“The lorry was stolen,” a police spokesman said.",
                                      "“The lorry was stolen,” said a police spokesman."])
def test_a_police_spokesman_after_the_quotation(sentence: str) -> None:
    """“…,” (said) a police spokesman (said) credits the spokesman, who speaks for the police,
    not nobody and not the police named inside the phrase."""
    speakers, owners = _speaker_names(sentence)
    assert speakers == [["police spokesman"]], speakers
    assert owners.get("police spokesman") == "police", owners


def test_kin_before_a_one_word_name_make_a_person() -> None:
    """“His wife, Ana, added” and “Her son Pavel” name people (with the kin word as role), not
    bodies, though named by one word."""
    base = drafted("Tom Reyes said the school was failing. His wife, Ana, added: “Nobody"
                   " listens.” Her son Pavel found the note.\n")
    people = {e.name: (e.kind, e.role) for e in base.entities}
    assert people.get("Ana") == ("person", "wife"), people
    assert people.get("Pavel") == ("person", "son"), people


@pytest.mark.parametrize(
    ("sentence", "value", "unit", "qualifier"),
    [("Forty-five pupils took the test and twenty-three passed.", "23", "pupils", "exact"),
     ("Forty-five pupils took the test and twenty-three passed.", "45", "pupils", "exact"),
     ("The mill cut 1,200 jobs last year.", "1200", "jobs", "exact"),
     ("The storm left some 2,000 homeless.", "2000", "people", "about"),
     ("Rescuers said 37 dead had been found.", "37", "people", "exact"),
     ("The death toll has risen to 112, officials said.", "112", "deaths", "exact"),
     ("The number of cases rose to 941 on Monday.", "941", "cases", "exact"),
     ("It held 11 enforced disappearances on record.", "11", "enforced disappearances",
      "exact"),
     ("Rents rose by a third over four decades.", "4", "decades", "exact"),
     ("She has farmed there for over 40 years.", "40", "years", "more than")],
)
def test_units_are_nouns_not_verbs_or_times(sentence: str, value: str, unit: str,
                                            qualifier: str) -> None:
    """A verb or a time word ends the noun after a number (“pupils took”, “jobs last
    year”); a verb alone is no unit, so the noun counted before is; an adjective standing for
    people counts people; a toll counts deaths and “the number of X” counts X; “over four
    decades” after a verb is a span (during), “for over 40 years” more than."""
    base = drafted(sentence + "\n")
    found = {(f.value, f.unit, f.qualifier) for f in base.figures}
    assert (Decimal(value), unit, qualifier) in found, found


def test_a_count_followed_by_its_verb_is_measured_with_who() -> None:
    """“45 pupils took the test”: the measure is “number of pupils who took the test”."""
    base = drafted("Forty-five pupils took the test.\n")
    assert [f.measure for f in base.figures] == ["number of pupils who took the test"]


@pytest.mark.parametrize(
    ("sentence", "measure"),
    [("Ana Vey's team spent 17 months sampling the canal.",
      "time Ana Vey's team spent sampling the canal"),
     ("The talks lasted six hours.", "time the talks lasted"),
     ("He was jailed for six years in prison.", "time in prison"),
     ("Unemployment rose to 5.2% in March.", "unemployment"),
     ("Turnout was 64 per cent, the highest for years.", "turnout"),
     ("Rents have risen by 15% since June.", "rise in rents"),
     ("Ticket sales fell 8% last year.", "fall in ticket sales"),
     ("The footbridge, which cost £45m, opened in May.", "cost of the footbridge"),
     ("A full suit would cost about £2,000.", "cost of the full suit")],
)
def test_measures_are_noun_phrases_a_prompt_can_use(sentence: str, measure: str) -> None:
    """A span of time is the time its clause takes (“time the talks lasted”, “time in
    prison”); a percentage after a change verb measures what changed (“unemployment”, “rise in
    rents”); money after “cost” is the cost of the noun before it."""
    base = drafted(sentence + "\n")
    assert measure in [f.measure for f in base.figures], [f.measure for f in base.figures]


def test_a_span_with_no_verb_or_a_pronoun_keeps_the_plain_measure() -> None:
    """“Police have for almost 100 years …” has no verb before the span and “She waited three
    weeks” only a pronoun: no “time …” phrase is made from them."""
    base = drafted("Police have for almost 100 years relied on hunches. She waited three"
                   " weeks.\n")
    assert not any(f.measure.startswith("time ") for f in base.figures), \
        [f.measure for f in base.figures]


def test_an_organisation_named_with_for_the_inside() -> None:
    """“the Royal Society for the Protection of Owls” is one body (a body word before “for
    the”), and it is the speaker of what it said."""
    speakers, _ = _speaker_names("In a statement, the Royal Society for the Protection of Owls"
                                 " said: “This is a disaster.”")
    assert speakers == [["the Royal Society for the Protection of Owls"]], speakers


@pytest.mark.parametrize(
    ("sentence", "absent", "present"),
    [("Crowds filled Grand Tolby and Herald Square on Monday.",
      "Grand Tolby and Herald Square", None),
     ("He left the Argentinian and FC Tolby striker on the bench.",
      "the Argentinian and FC Tolby", "FC Tolby"),
     ("The Tolby Trade and Investment Partnership met.", None,
      "the Tolby Trade and Investment Partnership"),
     ("Forty-five students sat the test.", "Forty-five", None),
     ("Thousands of Marchers filled the road.", "Thousands of Marchers", None),
     ("Thousands of Marchers filled the road.", "of Marchers", None)],
)
def test_no_number_words_or_two_names_joined_by_and(sentence: str, absent: str | None,
                                                    present: str | None) -> None:
    """“and” joins two names into one only inside an organisation's name, never before a
    place (“… and Velm Square”) or after a demonym (“the Argentinian and …”); a number word
    opening a sentence is no name, nor is what it leaves (“of Marchers”)."""
    names = {e.name for e in drafted(sentence + "\n").entities}
    if absent is not None:
        assert absent not in names, names
    if present is not None:
        assert present in names, names


@pytest.mark.parametrize("sentence", [
    "Mara Olin lost her shop in the fire. “I have nothing left,” said the 34-year-old.",
    "Mara Olin lost her shop in the fire. “I have nothing left,” the mother of two said."])
def test_a_description_after_the_quotation_is_the_person_named_before(sentence: str) -> None:
    """“…,” said the 34-year-old / the mother of two said: the speaker is the person named
    last before the quotation, not nobody."""
    speakers, _ = _speaker_names(sentence)
    assert speakers == [["Mara Olin"]], speakers


@pytest.mark.parametrize("sentence", [
    "The law says that “no person shall be held without charge”.",
    "A placard read “Hands off our parks”."])
def test_words_of_a_law_or_a_sign_have_no_speaker(sentence: str) -> None:
    """Quoted legal wording or a sign's words are drafted with no speaker and not
    distinctive, the reason in the check."""
    base = drafted(sentence + "\n")
    assert [(q.speakers, q.distinctive) for q in base.quotes] == [((), False)], base.quotes
    assert "words of a text" in (base.quotes[0].check or "")


@pytest.mark.parametrize(
    ("sentence", "body"),
    [("Prices rose again on Monday, while Zentora said it would cut jobs.", "Zentora"),
     ("The sensors were developed by Quillcorp for the console.", "Quillcorp")],
)
def test_a_one_word_body_seen_acting_once_is_listed(sentence: str, body: str) -> None:
    """A one-word name met once in mid-sentence, acting (“Zentora said”, “developed by
    Quillcorp”), is drafted as an organisation; one after “in” is not (a place), nor one
    whose people the article names (“Ostarians”: Ostaria is a country)."""
    base = drafted(sentence + " Crowds gathered in Velmora on Monday. Many Ostarians think"
                   " Ostaria has changed.\n")
    kinds = {e.name: e.kind for e in base.entities}
    assert kinds.get(body) == "organisation", kinds
    assert "Velmora" not in kinds, kinds
    assert "Ostaria" not in kinds, kinds  # its people are "Ostarians": a country


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [("An Acme spokesman said he had “never heard” of the plan.", "Acme spokesman"),
     ("“We will need a new plan,” said the group’s director, Lars Tolvik.", "Lars Tolvik")],
)
def test_speakers_after_an_article_or_named_after_their_role(sentence: str,
                                                            speaker: str) -> None:
    """“An Acme spokesman said …” is a clause subject after “an”; “said the group’s director,
    Lars Tolvik” credits the person named after the role, not the role."""
    speakers, _ = _speaker_names(sentence)
    assert speakers == [[speaker]], speakers


@pytest.mark.parametrize(
    ("sentence", "unit", "measure"),
    [("The plant will burn 1.5bn more tonnes of peat a year.", "billion tonnes",
      "amount of peat that the plant will burn a year"),
     ("It was a match at level 5 of the county league.", "level",
      "level of the county league"),
     ("The storm reached category 4 on Monday.", "category", "category")],
)
def test_more_before_a_noun_and_numbers_that_label(sentence: str, unit: str,
                                                   measure: str) -> None:
    """“1.5bn more tonnes” counts tonnes; a number after a label noun (“level 5”,
    “category 4”) has that noun as unit and measure, not “units”."""
    base = drafted(sentence + "\n")
    assert [(f.unit, f.measure) for f in base.figures][:1] == [(unit, measure)], \
        [(f.unit, f.measure) for f in base.figures]


def test_said_the_role_then_the_name_credits_the_person_with_that_role() -> None:
    """“…,” said the mayor, Ana Ruiz: Ana Ruiz is the speaker and has the role “mayor”; no
    separate person “the mayor” is drafted."""
    base = drafted("“We will rebuild,” said the mayor, Ana Ruiz.\n")
    people = {e.name: e.role for e in base.entities if e.kind == "person"}
    assert people == {"Ana Ruiz": "mayor"}, people
    assert [[base.entity(s).name for s in q.speakers] for q in base.quotes] == [["Ana Ruiz"]]


def test_a_short_quotation_followed_by_said_is_said_by_someone() -> None:
    """“We heard that before,” said one: a verb of speech right after a short quotation means
    someone says it (here the group the sentence before is about), never nobody."""
    base = drafted("The farmers were not convinced. “We heard that before,” said one.\n")
    assert [len(q.speakers) for q in base.quotes] == [1], base.quotes
    assert base.quotes[0].distinctive is not False


def test_residents_of_a_town_keep_it_a_place() -> None:
    """“Residents of Porto Velm described …” (the sentence's first word dropped) leaves the
    town a place, as “in Porto Velm” does, not a person."""
    base = drafted("Floods hit Porto Velm on Sunday. Residents of Porto Velm described the"
                   " water rising. Residents of Porto Velm said help came late.\n")
    assert [p.name for p in base.places] == ["Porto Velm"], base.places
    assert "Porto Velm" not in {e.name for e in base.entities}


def test_a_second_before_a_noun_is_no_span_of_time() -> None:
    """“for a second bookable offence”: no “time …” measure is built from it."""
    base = drafted("The team finished with ten men after the defender was booked for a second"
                   " bookable offence.\n")
    assert not any(f.measure.startswith("time ") for f in base.figures), \
        [f.measure for f in base.figures]
