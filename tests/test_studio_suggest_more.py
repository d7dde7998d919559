"""The studio's guess from a selection: speakers past appositions, short names, reporting
clauses in the words, where and whose in an event, participles, a figure's subject."""

from __future__ import annotations

from typing import Any

from quizgen.studio.suggest import event_date, mentions, past_tense, suggest

ARTICLE = (
    "Lena Berg, a nurse at the Northfield Hospital, warned that the ward was full. Omar Diaz, "
    "who has worked with the Harbour Council, said the roads were shut.\n\n"
    "The Freedonian government raised taxes. The rise hit the poor hardest, says the "
    "government, as prices climbed. Prices rose, the government said.\n\n"
    "A 2021 study by Tidewell found that tides had risen.\n\n"
    "Repairs in Freedonia and the Ostland followed the storm. Diaz met Berg to discuss the "
    "Harbour Council’s plan. Crowds gathered for Berg’s speech.\n\n"
    "Berg became famous after winning the Vale prize.\n\n"
    "Marta Olsen, 34, lives by the sea. On her 40th birthday she sailed alone. Tidewell’s 12 "
    "boats sank."
)
PEOPLE: list[dict[str, Any]] = [
    {"id": "berg", "name": "Lena Berg", "kind": "person", "pronoun": "she"},
    {"id": "hospital", "name": "the Northfield Hospital", "kind": "organisation"},
    {"id": "diaz", "name": "Omar Diaz", "kind": "person", "pronoun": "he"},
    {"id": "council", "name": "the Harbour Council", "kind": "organisation"},
    {"id": "govt", "name": "the Freedonian government", "kind": "organisation"},
    {"id": "tidewell", "name": "Tidewell", "kind": "organisation"},
    {"id": "freedonia", "name": "Freedonia", "kind": "country"},
    {"id": "ostland", "name": "the Ostland", "kind": "country"},
    {"id": "olsen", "name": "Marta Olsen", "kind": "person", "pronoun": "she"},
]


def _select(words: str, section: str, people: list[dict[str, Any]] = PEOPLE
            ) -> dict[str, Any]:
    start = ARTICLE.index(words)
    return suggest(ARTICLE, start, start + len(words), section, people)


def test_who_speaks_is_not_a_name_inside_another_names_apposition() -> None:
    """“Lena Berg, a nurse at the Northfield Hospital, warned …” is Berg's, “Omar Diaz, who
    has worked with the Harbour Council, said …” is Diaz's, though the body is named nearer
    the verb."""
    assert _select("the ward was full", "claims")["claimants"] == ["berg"]
    assert _select("the roads were shut", "claims")["claimants"] == ["diaz"]


def test_a_body_named_the_x_government_is_also_the_government() -> None:
    """“Prices rose, the government said.”: the Freedonian government; not when two bodies
    have the head noun “government” (which one is meant is not known)."""
    assert _select("Prices rose", "claims")["claimants"] == ["govt"]
    assert [m[2] for m in mentions("the government said", PEOPLE)] == ["govt"]
    two = [*PEOPLE, {"id": "other", "name": "the Ostland government", "kind": "organisation"}]
    assert mentions("the government said", two) == []


def test_a_claim_selected_with_its_own_reporting_clause_gets_its_claimant() -> None:
    """Words holding “…, says the government, …” or “A 2021 study by Tidewell found …” are
    claimed by the one that clause names."""
    assert _select("The rise hit the poor hardest, says the government, as prices climbed",
                   "claims")["claimants"] == ["govt"]
    assert _select("A 2021 study by Tidewell found that tides had risen", "claims")[
        "claimants"] == ["tidewell"]


def test_an_events_people_leave_out_listed_places_and_whose_when_someone_takes_part() -> None:
    """“Repairs in Freedonia and the Ostland”: both where, nobody; “Diaz met Berg to discuss
    the Harbour Council’s plan”: Diaz and Berg, not the council whose plan it is; “Crowds
    gathered for Berg’s speech”: Berg, the only one named."""
    assert _select("Repairs in Freedonia and the Ostland followed the storm", "events")[
        "people"] == []
    assert _select("Diaz met Berg to discuss the Harbour Council’s plan", "events")[
        "people"] == ["diaz", "berg"]
    assert _select("Crowds gathered for Berg’s speech", "events")["people"] == ["berg"]


def test_an_event_told_by_a_participle_is_described_as_its_doer_did_it() -> None:
    """“… after winning the Vale prize” is described “Berg won the Vale prize”; the past tense
    of regular and irregular verbs."""
    assert _select("after winning the Vale prize", "events")["description"] == \
        "Berg won the Vale prize"
    assert [past_tense(v) for v in ("calling", "creating", "stopping", "studying", "playing",
                                    "winning", "writing")] == [
        "called", "created", "stopped", "studied", "played", "won", "wrote"]


def test_a_figure_is_about_the_one_named_or_meant_right_before_it() -> None:
    """“Marta Olsen, 34,” (an age), “her 40th birthday” and “Tidewell’s 12 boats”: Olsen,
    Olsen, Tidewell; “A 2021 study” is about no one."""
    assert _select("34", "figures")["subject"] == "olsen"
    assert _select("40th", "figures")["subject"] == "olsen"
    assert _select("12", "figures")["subject"] == "tidewell"
    assert "subject" not in _select("2021", "figures")


def test_an_events_date_is_as_precise_as_its_words() -> None:
    """“on 9 October 2012” is 2012-10-09, “October 9, 2012” too, “in December 2012” is
    2012-12, “in 2012” the year alone; no year, no date."""
    assert [event_date(w) for w in ("on 9 October 2012, she left", "October 9, 2012",
                                    "in December 2012", "in 2012", "last week")] == [
        "2012-10-09", "2012-10-09", "2012-12", "2012", ""]


def test_a_claim_states_the_figure_whose_value_its_words_hold() -> None:
    """A claim holding “12 boats” states the figure of value 12, the one whose excerpt is in
    its sentence when two figures are 12; a claim with no figure's number states none."""
    figures = [{"id": "elsewhere", "value": "12", "excerpt": "12 ships were sold."},
               {"id": "boats", "value": "12", "excerpt": "Tidewell’s 12 boats sank."},
               {"id": "age", "value": "34", "excerpt": "Marta Olsen, 34,"}]
    start = ARTICLE.index("Tidewell’s 12")
    fields = suggest(ARTICLE, start, start + len("Tidewell’s 12 boats sank"), "claims", PEOPLE,
                     figures=figures)
    assert fields["figure"] == "boats"
    start = ARTICLE.index("the ward was full")
    assert "figure" not in suggest(ARTICLE, start, start + 17, "claims", PEOPLE,
                                   figures=figures)
