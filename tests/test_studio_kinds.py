"""Which section words selected in the article make, read from their shape (quick add)."""

from __future__ import annotations

from quizgen.studio.kinds import section_of

ARTICLE = (
    "The Harbour Safety Board (HSB) met in the town of Skelby on Monday. “We will rebuild,” "
    "said Ana Reyes, the mayor. Reyes said the new wall would hold back the sea for decades. "
    "Engineers from the council inspected 40 homes. The storm flooded the harbour road in "
    "2019. About eight families left the town, his spokesman added. Sea levels will rise along "
    "the whole coast. Tom Briggs said the old wall cost too much. Storms like it hit northern "
    "Europe and the Baltic coast every winter, and fishermen get sea fever.")


def _of(words: str) -> str:
    start = ARTICLE.index(words)
    return section_of(ARTICLE, start, start + len(words))


def test_quoted_words_make_a_quote() -> None:
    """Words in quotation marks, selected with or without the marks, make a quote."""
    assert _of("“We will rebuild,”") == "quotes"
    assert _of("We will rebuild") == "quotes"


def test_a_number_or_a_few_words_with_one_make_a_figure() -> None:
    """A number alone, or a few words holding one as digits or as a word, make a figure."""
    assert _of("40") == "figures"
    assert _of("eight families") == "figures"


def test_a_short_name_makes_a_person_a_place_or_a_term() -> None:
    """A capitalised name is a person, a place after a place's noun, a term when an acronym
    in brackets."""
    assert _of("Ana Reyes") == "people"
    assert _of("Skelby") == "places"
    assert _of("HSB") == "terms"
    assert _of("Engineers") == "people"


def test_a_region_or_a_place_noun_makes_a_place() -> None:
    """A continent or region's name, or "the" and a place's noun ("the Baltic coast"), make a
    place even where no "in" or "near" comes before them."""
    assert _of("northern Europe") == "places"
    assert _of("the Baltic coast") == "places"


def test_a_few_lower_case_words_are_a_group_or_else_a_term() -> None:
    """Lower-case words led by a possessive or ending as a person's noun make a person (a
    group); others make a term to explain."""
    assert _of("his spokesman") == "people"
    assert _of("fishermen") == "people"
    assert _of("sea fever") == "terms"


def test_reported_or_forecast_words_make_a_claim_and_the_rest_an_event() -> None:
    """Words in a sentence that reports them, or that forecast, make a claim; words telling
    what happened with no one reporting them make an event."""
    assert _of("the new wall would hold back the sea for decades") == "claims"
    assert _of("Sea levels will rise along the whole coast") == "claims"
    assert _of("the old wall cost too much") == "claims"
    assert _of("The storm flooded the harbour road in 2019") == "events"
