"""The studio's guess from a selection: units, kinds, meanings, events, quotes and claims."""

from __future__ import annotations

from typing import Any

from quizgen.studio.suggest import suggest

ARTICLE = (
    "The Ostland Rowing Club said 45% of its members row daily. A season ticket costs $120. "
    "The harbour holds 300 fishing boats in winter. Lena Berg, a 34-year-old diver, joined "
    "the club.\n\n"
    "Later, Berg opened a dive shop. Three months after the storm, the club rebuilt its "
    "boathouse. Floods in 2019 closed the harbour.\n\n"
    "Officials from Freedonia met the UNHCR and the Harbour Board. Local divers "
    "protested. Pedro Alves and the Ostland Rowing Club objected."
)
PEOPLE: list[dict[str, Any]] = [
    {"id": "berg", "name": "Lena Berg", "kind": "person", "pronoun": "she"},
    {"id": "club", "name": "The Ostland Rowing Club", "kind": "organisation"},
]


def _select(words: str, section: str) -> dict[str, Any]:
    start = ARTICLE.index(words)
    return suggest(ARTICLE, start, start + len(words), section, PEOPLE)


def test_a_percentage_and_an_amount_of_money_are_given_their_units_in_words() -> None:
    """45% is in "percent" (as the tables and the drafter write it), $120 in "dollars"."""
    assert _select("45%", "figures")["unit"] == "percent"
    assert _select("$120", "figures")["unit"] == "dollars"


def test_a_figures_unit_is_the_noun_phrase_after_its_number() -> None:
    """"300 fishing boats": fishing boats, not its first word alone; "a 34-year-old diver":
    years (the tables' unit of an age)."""
    assert _select("300", "figures")["unit"] == "fishing boats"
    assert _select("34", "figures")["unit"] == "years"


def test_a_persons_kind_is_read_from_the_name() -> None:
    """A country of the lexicon is a country, an acronym or "the" and a capitalised name an
    organisation, a lower-case plural a group; a name of two capitalised words stays a
    person."""
    for words, kind in (("Freedonia", "person"), ("UNHCR", "organisation"),
                        ("the Harbour Board", "organisation"), ("divers", "group"),
                        ("Pedro Alves", "person")):
        assert _select(words, "people")["kind"] == kind, words


def test_a_country_of_the_lexicon_is_a_country() -> None:
    """A name the lexicon lists as a country ("France") is given the kind country."""
    article = "Officials from France met the board."
    start = article.index("France")
    assert suggest(article, start, start + 6, "people", [])["kind"] == "country"


def test_an_events_leading_adverbial_is_left_out_of_its_description() -> None:
    """"Later, Berg opened …" and "Three months after the storm, the club rebuilt …" are
    described from their doer on."""
    assert _select("Later, Berg opened a dive shop", "events")["description"] == \
        "Berg opened a dive shop"
    assert _select("Three months after the storm, the club rebuilt its boathouse",
                   "events")["description"] == "The club rebuilt its boathouse"


def test_an_events_year_is_left_to_its_date() -> None:
    """"Floods in 2019 closed the harbour": the year goes to the date, not the description."""
    fields = _select("Floods in 2019 closed the harbour", "events")
    assert (fields["description"], fields["date"]) == ("Floods closed the harbour", "2019")


TERMS = ("Rules came from the Harbour Safety Board (HSB) on Monday. Divers fear rip currents – "
         "a pull of water out to sea – and cold shock (the gasp of sudden cold) most.\n\n"
         "Ada Lund, who founded the club, left.")


def _term(words: str, section: str = "terms") -> dict[str, Any]:
    start = TERMS.index(words)
    return suggest(TERMS, start, start + len(words), section, [
        {"id": "lund", "name": "Ada Lund", "kind": "person", "pronoun": "she"}])


def test_an_acronym_in_brackets_means_the_name_before_it() -> None:
    """HSB, in brackets after "the Harbour Safety Board", means "the Harbour Safety Board"."""
    assert _term("HSB")["meaning"] == "the Harbour Safety Board"


def test_a_terms_meaning_is_read_from_a_dash_apposition_or_brackets_after_it() -> None:
    """"rip currents – a pull of water out to sea –" and "cold shock (the gasp of sudden
    cold)": the words between the dashes, the words in the brackets."""
    assert _term("rip currents")["meaning"] == "a pull of water out to sea"
    assert _term("cold shock")["meaning"] == "the gasp of sudden cold"


def test_an_event_told_in_a_relative_clause_is_the_one_named_before_it() -> None:
    """"Ada Lund, who founded the club": the event "who founded the club" is Ada Lund's."""
    assert _term("who founded the club", "events")["people"] == ["lund"]


def test_the_articles_i_is_its_narrator_in_an_event() -> None:
    """In a first-person article with a person named "the narrator", "I had opened a shop"
    is the narrator's event, described as "The narrator opened a shop" (the past perfect as
    the simple past); "Ada Lund helped me" names the narrator too."""
    article = "Ada Lund helped me. Later, I had opened a shop."
    people = [{"id": "lund", "name": "Ada Lund", "kind": "person", "pronoun": "she"},
              {"id": "me", "name": "the narrator", "kind": "person"}]
    start = article.index("I had")
    fields = suggest(article, start, start + len("I had opened a shop"), "events", people)
    assert (fields["description"], fields["people"]) == ("The narrator opened a shop", ["me"])
    fields = suggest(article, 0, len("Ada Lund helped me"), "events", people)
    assert (fields["description"], sorted(fields["people"])) == (
        "Ada Lund helped the narrator", ["lund", "me"])


def test_a_first_person_articles_unsourced_figure_is_its_narrators() -> None:
    """With no "the article" but a person named "the narrator", "I spent five days in
    hospital" (no reporting verb) is given by the narrator."""
    article = "I spent five days in hospital."
    people = [{"id": "me", "name": "the narrator", "kind": "person"}]
    start = article.index("five")
    assert suggest(article, start, start + 4, "figures", people)["given_by"] == ["me"]


def test_a_quotes_words_keep_their_closing_stop() -> None:
    """“We will rebuild.” selected with its marks is “We will rebuild.” (the stop kept, as the
    tables quote); “Not now,” cut by “she said” loses its comma."""
    article = "“We will rebuild.” Lena Berg said it twice. “Not now,” she said."
    start = article.index("“We")
    end = article.index("”") + 1
    assert suggest(article, start, end, "quotes", PEOPLE)["text"] == "We will rebuild."
    start = article.index("“Not")
    assert suggest(article, start, start + len("“Not now,”"), "quotes", PEOPLE)["text"] == \
        "Not now"


def test_a_claims_words_leave_their_reporting_clause_and_capital() -> None:
    """“Tides are rising, the council says.”: the claim is “tides are rising” (the article
    writes “tides” in lower case elsewhere); “Berg is wrong, critics said.” keeps “Berg”."""
    article = ("Tides are rising, the council says. Old tides were lower. Berg is wrong, "
               "critics said.")
    words = "Tides are rising, the council says"
    assert suggest(article, 0, len(words), "claims", PEOPLE)["text"] == "tides are rising"
    start = article.index("Berg is")
    assert suggest(article, start, start + len("Berg is wrong, critics said"), "claims",
                   PEOPLE)["text"] == "Berg is wrong"
