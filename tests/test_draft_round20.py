"""Round 20 of the draft on real news (issue 19): rules from the second batch of VOA Learning
English development articles (tests/corpus/voa/dev), each tested on made-up sentences that name
no article's words."""

from __future__ import annotations

from typing import Any

from test_draft_round19 import drafted, figures, people  # the same made-up article


def quotes(text: str) -> dict[str, dict[str, Any]]:
    """The drafted quotes of an article, by their words."""
    return {q["text"]: q for q in drafted(text).get("quotes", [])}


def test_a_straight_mark_closed_by_a_curly_one_ends_there() -> None:
    """ "…” after an opening straight mark closes the quotation: the words after it are no
    part of it."""
    found = quotes("The mayor spoke at the hall.\nBut Ortega, the farmer, said, \"Rain has"
                   " nothing to do with the harvest.” For him, the year was good.")
    assert "Rain has nothing to do with the harvest." in found
    assert found["Rain has nothing to do with the harvest."]["speakers"] == ["ortega"]


def test_a_curly_mark_closed_by_a_straight_one_leaves_the_mark_out() -> None:
    """ “…" (a curly opening, a straight closing mark): the quote's words end before the
    mark."""
    found = quotes("Ana Ruiz runs the market.\n“In a sense, the market is a bridge between"
                   " towns. It is not just a shop.\"\nShe opened it in May.")
    assert "In a sense, the market is a bridge between towns. It is not just a shop." in found


def test_an_example_after_such_as_is_said_by_nobody() -> None:
    """ "a statement, such as “…”": an example the article gives, with no speaker."""
    found = quotes("The Rowing Union says that crews pick a motto, a short statement, such as"
                   " “Row together or sink alone.”")
    assert found["Row together or sink alone."]["speakers"] == []


def test_a_title_after_called_and_a_comma_is_said_by_nobody() -> None:
    """ "wrote a book with Paul Ek called, “Open Water,”": a title, with no speaker."""
    found = quotes("Marta Lind wrote a book with Paul Ek called, “Open Water,” to help"
                   " swimmers.")
    assert found["Open Water"]["speakers"] == []


def test_a_speech_paragraph_goes_on_with_the_person_who_reported_speech_before_it() -> None:
    """A paragraph that is only a quotation, after "She says that …" about a person named since
    the last quotation: her words, not the earlier quotation's speaker's."""
    found = quotes("The Rowing Union says that members train on both rivers. Its members “learn"
                   " to row in every weather,” the union said.\nProfessor Anna Berg coaches"
                   " rowing in Oslo. She says that many coaches did not think their crews could"
                   " race. The coaches had no boats. Instead, they focused on running.\n“There"
                   " is a huge gap between training and racing. The problem is the cold"
                   " water.”")
    assert found["There is a huge gap between training and racing. The problem is the cold"
                 " water."]["speakers"] == ["berg"]


def test_a_spelled_out_number_before_percent_is_a_percentage() -> None:
    """ "less than three percent of the grass": 3 percent, fewer than, a share of the grass
    (never "units")."""
    grass = next(f for f in figures("Cows with collars ate less than three percent of the"
                                    " grass.") if f["value"] == 3)
    assert grass["unit"] == "percent" and grass["qualifier"] == "fewer than"
    assert grass["measure"].startswith("share of the grass")


def test_a_ranked_role_before_of_names_the_body_after_it() -> None:
    """ "Karl Moss is Deputy Director of ABC’s farm plan": ABC is the body; "Deputy Director of
    ABC" is no organisation."""
    found = people("Karl Moss is Deputy Director of ABC’s North Farm Lands Plan. He said the"
                   " plan works.")
    assert "ABC" in found
    assert not any(name.startswith("Deputy Director") for name in found)


def test_a_system_is_a_thing_not_a_person() -> None:
    """ "based on Global Positioning System (GPS) technology": a technical system, no
    person."""
    found = people("The fencing, based on Global Positioning System (GPS) technology, can help"
                   " farmers.")
    assert "Global Positioning System" not in found


def test_a_surname_ending_like_a_plural_demonym_is_still_a_person() -> None:
    """ "And I'm Jonathan Evans." signs the story: a person, not a group like "African
    Americans"."""
    found = people("Officials gave no reason.\nAnd I'm Jonathan Evans.")
    assert found["Jonathan Evans"]["kind"] == "person"
    assert people("African Americans voted in large numbers.")["African Americans"]["kind"] \
        == "group"


def test_a_share_of_people_who_said_something_keeps_where_they_are_from_and_what_they_said(
        ) -> None:
    """ "93 percent of respondents from Peru said that fishing – a trade – matters": the share
    of respondents from Peru who said that fishing matters (the dash's aside left out)."""
    share = next(f for f in figures("The study found that 93 percent of respondents from Peru"
                                    " said that fishing – an old trade – is important to"
                                    " identity.") if f["value"] == 93)
    assert share["measure"] == ("share of respondents from Peru who said that fishing is"
                                " important to identity")
