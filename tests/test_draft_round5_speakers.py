"""Drafting rules for real news, round 5 (issue 19): speakers by error class, each rule
written from news grammar and tested on made-up sentences of several shapes."""

from __future__ import annotations

import pytest

from tests.test_draft import drafted


def _speakers(text: str) -> list[list[str]]:
    base = drafted(text + "\n")
    names = {e.id: e.name for e in base.entities}
    return [[names[s] for s in q.speakers] for q in base.quotes]


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
