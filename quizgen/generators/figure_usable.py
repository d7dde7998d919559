"""Why a figure cannot be asked at all: a figure of speech, trivia, an aside, a rank or a label."""

from __future__ import annotations

import re

from quizgen.factbase.model import FactBase, Figure
from quizgen.factbase.numbers import supported, unit_kind
from quizgen.generators.common import FactIndex, index_facts
from quizgen.generators.figure_limits import not_worth_asking
from quizgen.generators.figure_trivia import Asides, Shares, bracketed_elsewhere, even_split
from quizgen.generators.measure_grammar import plural_word
from quizgen.generators.speakers import named_in

ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
            "tenth")


def rank_or_label(figure: Figure) -> bool:
    """Whether the number is a rank or a label, not an amount: a unit that is one singular noun
    the article writes beside the number as a name ("level 5", "a level-5 match") or after an
    ordinal ("14th place", "a second-division club"). Its options would read "3 level"."""
    unit = figure.unit.strip()
    if not (unit.isalpha() and unit.islower()) or plural_word(unit) or unit_kind(unit) != "count":
        return False
    text = " ".join(figure.excerpt.casefold().split())
    number = f"{figure.value:f}"
    word = re.escape(unit)
    return bool(
        re.search(rf"\b{word}[\s-]+{re.escape(number)}\b", text)
        or re.search(rf"\b{re.escape(number)}(?:st|nd|rd|th)\b", text)
        or re.search(rf"\b(?:{'|'.join(ORDINALS)})[\s-]+{word}\b", text)
    )


def unusable_figures(base: FactBase) -> dict[int, str | None]:
    """Why each figure of the base cannot be asked at all (None where it can), by the figure's
    identity: read once per fact base, not once per seed."""
    facts = index_facts(base)
    asides = Asides([(None, q.text) for q in facts.quotes]
                    + [(f, f.excerpt) for f in facts.figures])
    shares = Shares(facts.figures)
    return {id(figure): _unusable(figure, facts, asides=asides, shares=shares)
            for figure in facts.figures}


def _unusable(figure: Figure, facts: FactIndex, *, asides: Asides, shares: Shares) -> str | None:
    """Why a figure cannot be asked about at all, or None."""
    if figure.sense == "rhetorical":
        return f"figure {figure.id}: a figure of speech (sense: rhetorical), not asked about"
    if (trivia := not_worth_asking(figure)) is not None:
        return f"figure {figure.id}: {trivia}"
    if bracketed_elsewhere(figure, asides):
        return (f"figure {figure.id}: given in brackets in a longer passage (\"82.2% (truths: "
                "88.9%; …)\"), an aside of the figure before it; not worth a line of a sheet")
    if even_split(figure, shares):
        return (f"figure {figure.id}: one of equal shares that make up a whole (\"half … and "
                "half …\"): an even split is guessed without the article")
    if rank_or_label(figure):
        return (f"figure {figure.id}: {figure.value} {figure.unit} is a rank or a label, not "
                f"an amount; options such as \"{figure.value + 1} {figure.unit}\" would not read")
    if not supported(figure.value):
        return f"figure {figure.id}: value {figure.value} is not a number that can be quizzed"
    if not figure.measure.strip():
        return f"figure {figure.id}: no measure to ask about"
    if figure.subject is not None and figure.subject not in facts.entities:
        return f"figure {figure.id}: subject {figure.subject!r} is not a known entity"
    unknown = [g for g in figure.given_by if g not in facts.entities]
    if unknown:
        return f"figure {figure.id}: source {unknown[0]!r} is not a known entity"
    if figure.subject is not None and figure.excerpt.strip():
        shown = named_in(facts, figure.excerpt)
        speaking = [g for g in figure.given_by if g in shown and g != figure.subject]
        if figure.subject not in shown and speaking:
            return (
                f"figure {figure.id}: its excerpt shows {facts.name(speaking[0])} speaking but "
                f"does not name {facts.name(figure.subject)}, whose figure the question would "
                f"say it is (write it as a claim, or quote an excerpt naming them)"
            )
    return None
