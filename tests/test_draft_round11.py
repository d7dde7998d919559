"""Round 11 of the draft on real news (issue 19): rules found on the misses of real articles
(dev and dev2, the re-split of 2026-12-07), each written from general news grammar and tested
on made-up sentences that name no corpus article's words."""

from __future__ import annotations

import pytest

from tests.test_draft import drafted, speakers_of


def _measures(body: str) -> list[str]:
    return [f.measure for f in drafted(body).figures]


def _people(body: str) -> dict[str, str]:
    return {e.name: e.kind for e in drafted(body).entities if e.id != "article"}


@pytest.mark.parametrize(
    ("body", "name"),
    [("The rebels sent a gunman to shoot Amira Qureshi in October. Qureshi said: “I am not"
      " afraid.”\n", "Amira Qureshi"),
     ("A court fined Tomas Jovanovic for his tweets. “It is unfair,” said Jovanovic.\n",
      "Tomas Jovanovic")],
)
def test_a_name_ending_like_a_demonym_before_a_preposition_is_a_person(body: str,
                                                                       name: str) -> None:
    """“to shoot Amira Qureshi in October”: an adjective is followed by its noun, never by a
    preposition or article, so a name ending in -i or -ic there is a person's, who speaks."""
    base = drafted(body)
    assert speakers_of(base, base.quotes[0].text) == [name]
    assert base.entity(base.quotes[0].speakers[0]).kind == "person"


def test_a_demonym_before_a_noun_or_and_stays_an_adjective() -> None:
    """“Pakistani schools”, “British and French troops”: adjectives, no person."""
    people = _people("Pakistani schools reopened. British and French troops left the town.\n")
    assert not any(kind == "person" for kind in people.values()), people
