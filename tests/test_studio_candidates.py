"""The names and numbers of the article no fact holds yet, listed for one-click adding."""

from __future__ import annotations

from typing import Any

from quizgen.studio.candidates import candidates

ARTICLE = (
    "Harbour town counts the cost\n\n"
    "The storm hit on Monday, said Tom Briggs, the harbour master. Sites like Fjordnet and "
    "Olvo carried the news to American readers and London-based papers. I’ve never seen it, "
    "Briggs said. Speeds were 12mbps at Fjordnet in 2019, and 40 homes flooded; 40 shops "
    "closed.\n\n"
    "Fjordnet counted 7 boats."
)


def _fact(section: str, fact_id: str, **fields: Any) -> dict[str, Any]:
    return {"id": fact_id, "section": section, "fields": fields}


FACTS = [_fact("people", "briggs", name="Tom Briggs", kind="person", excerpt="Tom Briggs"),
         _fact("figures", "homes", value=40, excerpt="40 homes flooded")]


def test_names_and_numbers_no_fact_holds_are_listed_once_each() -> None:
    """Fjordnet and Olvo (no person holds them; Fjordnet once, where first named), 12mbps and
    7: not Tom Briggs or Briggs (a person), Harbour, The, Sites or Speeds (a sentence's first
    word), Monday, “American” before a noun, “London-based”, “I’ve”, 2019 (a year), 40 (a
    figure's value)."""
    found = candidates(ARTICLE, FACTS)
    assert [c["text"] for c in found["people"]] == ["Fjordnet", "Olvo"]
    assert [c["text"] for c in found["figures"]] == ["12mbps", "7"]
    first = found["people"][0]
    assert ARTICLE[first["start"]:first["end"]] == "Fjordnet" and \
        first["start"] == ARTICLE.index("Fjordnet")
    assert candidates(ARTICLE, [*FACTS, _fact("people", "f", name="Fjordnet", kind="organisation",
                                              excerpt="Fjordnet")])["people"] == \
        [{"text": "Olvo", "start": ARTICLE.index("Olvo"), "end": ARTICLE.index("Olvo") + 4}]


def test_a_name_after_in_or_from_or_with_a_place_word_is_listed_as_a_place() -> None:
    """"in Vardby", "from northern Eskdal", "the Gale River" and "the town of Skelby" are listed
    as not yet places;
    "from Norway" (a country: one of the people) and "into the Harbour Council’s fund" (a
    body's word) as people, "in Vardby’s Old Town" (something of a place's) not as a place."""
    article = ("Boats sank in Vardby on Monday. Crews came from northern Eskdal and the Gale "
               "River burst. Aid came from Norway. Fines went into the Harbour Council’s "
               "fund. Mayor Lund met in Vardby’s Old Town. Ferries sailed to the town of "
               "Skelby.")
    found = candidates(article, [])
    assert [c["text"] for c in found["places"]] == ["Vardby", "Eskdal", "the Gale River",
                                                        "Skelby"]
    assert "Norway" not in [c["text"] for c in found["places"]]
    assert "the Harbour Council" in [c["text"] for c in found["people"]]


def test_an_acronym_in_brackets_or_a_name_after_called_is_listed_as_a_term() -> None:
    """"the Harbour Safety Board (HSB)": HSB, and "a scheme called Tidewatch": Tidewatch are
    listed as not yet terms, not people; the Harbour Safety Board stays a person."""
    article = ("Rules came from the Harbour Safety Board (HSB) on Monday. Boats joined a "
               "scheme called Tidewatch last year.")
    found = candidates(article, [])
    assert [c["text"] for c in found["terms"]] == ["HSB", "Tidewatch"]
    assert [c["text"] for c in found["people"]] == ["the Harbour Safety Board"]


def test_a_name_the_article_writes_after_the_is_listed_with_it() -> None:
    """"the Harbour Council" is listed (and selected) with its "the", as the tables name it;
    "Fjordnet" with none before it, without."""
    article = "Fines went to the Harbour Council and Fjordnet on Monday."
    found = candidates(article, [])
    assert [c["text"] for c in found["people"]] == ["the Harbour Council", "Fjordnet"]
    first = found["people"][0]
    assert article[first["start"]:first["end"]] == "the Harbour Council"
