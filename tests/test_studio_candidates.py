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
    """"in Vardby", "from northern Eskdal" and "the Gale River" are listed as not yet places;
    "from Norway" (a country: one of the people) and "into the Harbour Council’s fund" (a
    body's word) as people, "in Vardby’s Old Town" (something of a place's) not as a place."""
    article = ("Boats sank in Vardby on Monday. Crews came from northern Eskdal and the Gale "
               "River burst. Aid came from Norway. Fines went into the Harbour Council’s "
               "fund. Mayor Lund met in Vardby’s Old Town.")
    found = candidates(article, [])
    assert [c["text"] for c in found["places"]] == ["Vardby", "Eskdal", "Gale River"]
    assert "Norway" not in [c["text"] for c in found["places"]]
    assert "Harbour Council" in [c["text"] for c in found["people"]]
