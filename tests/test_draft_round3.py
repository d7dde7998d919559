"""Drafting rules for real news, round 3: spokesmen for named and lower-case bodies, and
bodies whose names end on a title word ("the Ministry of Health")."""

from __future__ import annotations

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
