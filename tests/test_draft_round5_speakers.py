"""Drafting rules for real news, round 5 (issue 19): speakers and entity names by error
class, each rule written from news grammar and tested on made-up sentences of several shapes."""

from __future__ import annotations

import pytest

from tests.test_draft import drafted, drafted_speakers


def _speakers(text: str) -> list[list[str]]:
    """The names of each drafted quote's speakers, in text order."""
    return drafted_speakers(text + "\n")


def _kinds(text: str) -> dict[str, str]:
    base = drafted(text + "\n")
    return {e.name: e.kind for e in base.entities}


@pytest.mark.parametrize(
    ("text", "wanted"),
    [("The charity Oxfam said: “The region faces a catastrophe.”", "Oxfam"),
     ("The environmental group Greenpeace said: “This is a scandal.”", "Greenpeace"),
     ("Tom Hale spoke first. The campaign group Clean Rivers warned: “The river is"
      " dying.”", "Clean Rivers"),
     ("A small bakery called Crumbs said: “We are closing.”", "Crumbs")],
)
def test_a_body_named_after_its_noun_is_the_subject(text: str, wanted: str) -> None:
    """“The charity Oxfam said: …”: a body noun before the name opens the clause, and the
    name is still its subject (it was left with no speaker)."""
    assert _speakers(text) == [[wanted]]


@pytest.mark.parametrize(
    "text",
    ["“This is a scandal,” said Green Coalition spokesman Tom Hale.",
     "“This is a scandal,” said Acme Foods spokesman Tom Hale.",
     "“This is a scandal,” said Acme Foods chief executive Tom Hale."],
)
def test_a_body_before_a_role_and_a_name_is_not_the_speaker(text: str) -> None:
    """“…,” said Acme Foods spokesman Tom Hale: Tom Hale speaks, a person; the name before
    the role is a body, not a person, and no unnamed “spokesman” is drafted besides."""
    assert _speakers(text) == [["Tom Hale"]]
    kinds = _kinds(text)
    assert kinds["Tom Hale"] == "person", kinds
    assert all(kind == "organisation" for name, kind in kinds.items() if name != "Tom Hale")


@pytest.mark.parametrize(
    ("text", "wanted"),
    [("“This is a scandal,” a spokesman for the Stop the War Coalition said.",
      "a spokesman for the Stop the War Coalition"),
     ("“This is a scandal,” said a spokeswoman for the Friends of the Earth.",
      "a spokeswoman for the Friends of the Earth")],
)
def test_a_spokesman_for_a_body_with_the_inside_its_name(text: str, wanted: str) -> None:
    """A body whose name holds “the” (“the Stop the War Coalition”) still owns its spokesman,
    who speaks (the quotation was left with no speaker)."""
    assert _speakers(text) == [[wanted]]


@pytest.mark.parametrize(
    ("text", "wanted"),
    [("The report warns: “The region faces a humanitarian catastrophe.”", "the report"),
     ("“The region faces a catastrophe,” the report warns.", "the report"),
     ("The study concludes: “More research is needed.”", "the study"),
     ("“We acted within the law,” the company claims.", "the company")],
)
def test_more_verbs_of_speech_after_an_unnamed_speaker(text: str, wanted: str) -> None:
    """warns, claims, concludes, notes, states … report speech after an unnamed speaker
    (“the report warns”) as said and told do."""
    assert _speakers(text) == [[wanted]]


@pytest.mark.parametrize(
    ("text", "wanted"),
    [("Tom Hale met Ana Ruiz. Ana’s lawyer said: “She is innocent.”", "Ana’s lawyer"),
     ("Tom Hale met Ana Ruiz. “She is innocent,” said Ruiz’s lawyer.", "Ruiz’s lawyer"),
     ("Tom Hale died on Monday. “He was a kind man,” said Tom Hale’s wife.",
      "Tom Hale’s wife")],
)
def test_a_named_persons_lawyer_or_wife_is_another_person(text: str, wanted: str) -> None:
    """“Ana’s lawyer said”: the lawyer speaks, a person of their own, not Ana (who was
    credited with the words)."""
    assert _speakers(text) == [[wanted]]
    assert _kinds(text)[wanted] == "person"


@pytest.mark.parametrize(
    ("text", "wanted"),
    [("Ana Ruiz and Tom Hale both spoke. “We are happy,” they said.",
      [["Ana Ruiz", "Tom Hale"]]),
     ("Ana Ruiz and Tom Hale run a farm. They said: “We are happy.”",
      [["Ana Ruiz", "Tom Hale"]]),
     # a group named as a subject after the pair: the group
     ("Ana Ruiz and Tom Hale run a farm. Nurses walked out. “We are tired,” they said.",
      [["Nurses"]])],
)
def test_they_after_two_people_joined_by_and(text: str, wanted: list[list[str]]) -> None:
    """“they said” after “Ana Ruiz and Tom Hale …” credits both, not the first one only."""
    assert _speakers(text) == wanted


@pytest.mark.parametrize(
    "text",
    ["Tom Hale loves Swiss cheese. Ana Ruiz prefers Greek yoghurt.",
     "Swiss officials said nothing. Tom Hale left.",
     "Ana Ruiz bought Welsh lamb and Thai rice."],
)
def test_a_nationality_before_a_noun_is_no_name(text: str) -> None:
    """Swiss, Greek, Welsh, Thai before a lower-case noun are adjectives the demonym endings
    miss, never a body of their own."""
    kinds = _kinds(text)
    assert not {"Swiss", "Greek", "Welsh", "Thai"} & set(kinds), kinds


@pytest.mark.parametrize(
    ("text", "place"),
    [("Tom Hale now lives near Times Square. He likes it.", "Times Square"),
     ("The march ended at Union Square, said Ana Ruiz.", "Union Square")],
)
def test_a_place_word_last_makes_a_place_even_with_an_org_word(text: str, place: str) -> None:
    """“Times Square”, “Union Square”: a place word last names a place, even when a word of
    the name (Times, Union) names bodies elsewhere."""
    base = drafted(text + "\n")
    assert place in {p.name for p in base.places}, base.places
    assert place not in _kinds(text)


@pytest.mark.parametrize(
    ("text", "wanted"),
    [("Scientists at Harvard University found a link. Harvard researchers said it was clear.",
      {"Harvard University"}),
     ("Tom Hale joined Acme Foods in 2010. He says Foods is a good employer. Acme Foods"
      " said: “He is a good worker.”", {"Tom Hale", "Acme Foods"})],
)
def test_one_word_of_a_body_named_in_full_is_that_body(text: str, wanted: set[str]) -> None:
    """“Harvard” after “Harvard University” is that body, not a second one (a body word
    alone, “Foods”, is never folded)."""
    kinds = _kinds(text)
    assert {n for n, k in kinds.items() if k in ("person", "organisation")} <= wanted | {
        "the article"}, kinds
    assert "Harvard" not in kinds


@pytest.mark.parametrize(
    "text",
    ["In her book The Sleep Cure, Ana Ruiz says sleep matters.",
     "Tom Hale wrote the novel The Long Night in a year."],
)
def test_a_title_after_a_work_noun_and_the_is_no_body(text: str) -> None:
    """“her book The Sleep Cure”: a title opened by “The” after a noun for a work is neither a
    person nor a body."""
    kinds = _kinds(text)
    assert not any("Sleep" in n or "Long Night" in n for n in kinds), kinds


def test_a_surname_shared_with_a_body_stays_the_persons() -> None:
    """“Huffington” after Arianna Huffington and the Huffington Post is her, not the body."""
    text = ("Ana Vale founded the Vale Post in 2005. Vale says sleep matters. “Sleep is a"
            " revolution,” said Vale.")
    assert _speakers(text) == [["Ana Vale"]]


def test_a_body_found_already_is_not_drafted_again_as_an_unnamed_speaker() -> None:
    """“…, the government announced”: one body “the government”, not a second one drafted by
    the verbs of speech added for unnamed speakers."""
    base = drafted("Veld will add a holiday, the government announced on Tuesday. The"
                   " government said it would pay.\n")
    assert [e.name for e in base.entities].count("the government") == 1


def test_a_possessive_after_to_is_the_body_not_a_place() -> None:
    """“17 shots to Acmeville’s six” after “Acmeville Rovers”: the club, never a place."""
    base = drafted("Acmeville Rovers lost 2-0. The home side had 17 shots to Acmeville’s six."
                   " Acmeville said it would appeal.\n")
    assert "Acmeville" not in {p.name for p in base.places}
    assert [e.name for e in base.entities if "Acmeville" in e.name] == ["Acmeville Rovers"]


@pytest.mark.parametrize(
    ("text", "wanted"),
    [("Tom Hale, the father of the victim, said: “We want justice.\n\n“Nobody has told us"
      " anything.”", [["Tom Hale"], ["Tom Hale"]]),
     ("Ana Ruiz said: “Go home now!\n\n“It is not safe here.”", [["Ana Ruiz"], ["Ana Ruiz"]])],
)
def test_a_short_speech_going_on_in_the_next_paragraph(text: str,
                                                       wanted: list[list[str]]) -> None:
    """“We want justice.¶“Nobody …”: a short quoted sentence left open at its paragraph's
    end, the next paragraph opening a quotation, is a speech going on (it was lost)."""
    assert _speakers(text) == wanted


def test_a_short_unclosed_phrase_is_still_no_quotation() -> None:
    """“Go home. followed by a paragraph that opens no quotation stays no quotation."""
    assert _speakers("Tom Hale said: “Go home.\n\nAna Ruiz left.") == []


@pytest.mark.parametrize(
    ("text", "wanted"),
    [("“We were poor,” the Leeds manager, Tom Hale, admitted after the match.", "Tom Hale"),
     ("“We were poor,” the team’s manager, Tom Hale, said.", "Tom Hale"),
     ("“We were poor,” his brother, Tom Hale, said on Monday.", "Tom Hale")],
)
def test_a_described_speaker_named_between_commas_before_the_verb(text: str,
                                                                   wanted: str) -> None:
    """“…,” the club’s manager, X, admitted: X speaks (it was left with no speaker)."""
    assert _speakers(text) == [[wanted]]


@pytest.mark.parametrize(
    ("text", "wanted"),
    [("Tom Hale said the pupils were “wonderful”. His colleague Ana Ruiz agreed: “They work so"
      " hard.”", [["Tom Hale"], ["Ana Ruiz"]]),
     ("Tom Hale was arrested. His lawyer Ana Ruiz said: “He is innocent.”", [["Ana Ruiz"]]),
     ("Ana Ruiz died in May. Her son Pavel Ruiz said: “She was kind.”", [["Pavel Ruiz"]])],
)
def test_a_possessive_and_a_noun_before_a_name_open_its_subject(
        text: str, wanted: list[list[str]]) -> None:
    """“His colleague Ana Ruiz agreed: …”: the name after the possessive and its noun is the
    subject, not the person named before (who was credited)."""
    assert _speakers(text) == wanted


@pytest.mark.parametrize(
    ("text", "wanted"),
    [("A woman who asked not to be named said: “We were terrified.”", "a woman"),
     ("“We were terrified,” said a woman who asked not to be named.", "a woman"),
     ("One resident, who has lived there for 40 years, said: “We were terrified.”",
      "one resident")],
)
def test_an_unnamed_speaker_with_a_relative_clause(text: str, wanted: str) -> None:
    """“A woman who asked not to be named said”: the woman speaks (it was left with no
    speaker); the relative clause is no part of her name."""
    assert _speakers(text) == [[wanted]]


@pytest.mark.parametrize(
    ("text", "wanted"),
    [("Malala Yousafzai was shot in 2012. Malala said: “I will not be silenced.”",
      "Malala Yousafzai"),
     ("Imran Khan has won. “We did it,” said Khan.", "Imran Khan"),
     ("Ana Morgan will stand again. “I am ready,” Morgan said.", "Ana Morgan")],
)
def test_a_surname_ending_like_a_demonym_before_a_verb_is_a_name(text: str,
                                                                  wanted: str) -> None:
    """“Malala Yousafzai was”, “Imran Khan has”: a name ending like a demonym (-i, -an) before
    a verb is a name, not an adjective (it was dropped, and its speech went to a body)."""
    assert _speakers(text) == [[wanted]]
    assert _kinds(text)[wanted] == "person"


def test_a_demonym_before_a_noun_is_still_an_adjective() -> None:
    """“Venezuelan troops”, “Latin American countries” stay adjectives, no names."""
    kinds = _kinds("Venezuelan troops were there. Latin American countries were angry.")
    assert not {"Venezuelan", "Latin American"} & set(kinds), kinds


@pytest.mark.parametrize(
    ("text", "wanted"),
    [("Tim Peake, a British astronaut, flew to space. “It was amazing,” the astronaut said.",
      "Tim Peake"),
     ("Ana Ruiz, a researcher at Leeds University, led it. The researcher said: “It works.”",
      "Ana Ruiz"),
     ("Malala Yousafzai was shot in 2012. The teenager said: “Education is a right.”",
      "Malala Yousafzai"),
     ("Tom Hale won the race. The 34-year-old said: “I am so happy.”", "Tom Hale")],
)
def test_the_role_or_age_of_a_person_named_before_is_that_person(text: str,
                                                                  wanted: str) -> None:
    """“the astronaut said” after “Tim Peake, a British astronaut”, “The teenager said” after
    a person: the person named before (was a body “the astronaut” of its own)."""
    assert _speakers(text) == [[wanted]]


@pytest.mark.parametrize(
    ("text", "wanted"),
    [("“I hope to get promoted to the Premier League,” Tom Hale says.", "the Premier League"),
     ("“The Guardian and Washington Post articles are wrong,” an official said.",
      "Washington Post"),
     ("“The law is watched by the Foreign Intelligence Surveillance Court,” Ana Ruiz said.",
      "the Foreign Intelligence Surveillance Court")],
)
def test_a_body_named_inside_a_quotation_is_drafted(text: str, wanted: str) -> None:
    """Capitalised words with a word for a body (League, Post, Court) inside a quotation name
    a body, which the name runs outside quotations never saw."""
    assert _kinds(text).get(wanted) == "organisation", _kinds(text)


@pytest.mark.parametrize(
    "text",
    ["“Labour Party members are angry,” said Ana Ruiz.",
     "“We flew to the United States. The Party was split,” said Ana Ruiz.",
     "“The Clean Air Act is old,” said Ana Ruiz."],
)
def test_no_body_from_a_quoted_sentence_opening_or_a_law(text: str) -> None:
    """A quoted sentence's first words, a run across a full stop and a law's name (Act) are
    not drafted as bodies from inside a quotation."""
    assert set(_kinds(text)) <= {"Ana Ruiz", "the article"}, _kinds(text)
