"""Prompts of figure questions, worded for any measure: singular or plural, counted or not."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from quizgen.generators.common import FactIndex, join_names, noun_phrase, possessive
from quizgen.model import Entity, Figure
from quizgen.numbers import format_amount, singular, unit_kind
from quizgen.questions import Amount

# words that end a measure's head: "arrests during the protests", "countries calling for ..."
_PREPOSITIONS = frozenset({
    "of", "in", "for", "between", "during", "among", "from", "on", "at", "to", "by", "with",
    "since", "per", "over", "under", "after", "before", "across", "against", "into", "within",
    "about", "than",
})  # fmt: skip
_SINGULAR_HEADS = frozenset({
    "number", "count", "total", "amount", "share", "proportion", "percentage", "rate",
})  # fmt: skip
_INVARIANT = frozenset({  # plural-looking words that are not plurals
    "news", "series", "species", "means", "politics", "economics", "physics", "mathematics",
    "statistics", "ethics", "headquarters",
})  # fmt: skip
_COUNT_UNITS = frozenset({"people", "persons"})  # units that count whatever the measure names
_KIND_WORDS = {"country": "country", "organisation": "organisation", "group": "group"}


@dataclass(frozen=True)
class Measure:
    """A figure's measure as a prompt uses it.

    `counted` is what is counted when the measure is a number of things ("terms in office" for
    "number of terms in office" or "arrests" for "arrests"); `plural` marks a plural measure that
    is not counted ("oil exports" in barrels): it takes "were".
    """

    phrase: str  # without a leading article: "share of the vote"
    counted: str | None
    plural: bool


def read_measure(measure: str, unit: str) -> Measure:
    """How to word a measure: counted ('the number of arrests'), plural or singular."""
    phrase = noun_phrase(" ".join(measure.split()))
    words = phrase.split()
    if len(words) > 2 and words[0].casefold() == "number" and words[1].casefold() == "of":
        return Measure(phrase, " ".join(words[2:]), False)
    if not _plural_head(words):
        return Measure(phrase, None, False)
    if unit_kind(unit) == "count" and (
        unit.casefold() in _COUNT_UNITS or _unit_word(unit) in {w.casefold() for w in words}
    ):
        return Measure(phrase, phrase, False)
    return Measure(phrase, None, True)


def _plural_head(words: Sequence[str]) -> bool:
    """Whether a word before the first preposition is a plural noun (lower case, regular -s)."""
    if not words or words[0].casefold() in _SINGULAR_HEADS:
        return False
    for word in words:
        if word.casefold() in _PREPOSITIONS:
            return False
        if (
            word.isalpha()
            and word.islower()
            and len(word) > 3
            and word.endswith("s")
            and not word.endswith(("ss", "us", "is"))
            and word not in _INVARIANT
        ):
            return True
    return False


def _unit_word(unit: str) -> str:
    """The last word of a unit, folded: 'arrests', 'terms', 'citizens'."""
    words = unit.split()
    return words[-1].casefold() if words else ""


def _the(phrase: str) -> str:
    """'the share of the vote'; a phrase that opens with a possessive takes no article."""
    first = phrase.split()[0] if phrase.split() else ""
    return phrase if first.endswith(("'s", "’s")) else f"the {phrase}"


def _pronoun(entity: Entity) -> str:
    """The possessive pronoun for an entity: 'their' for people and plural-looking names."""
    name = entity.name.strip()
    if entity.kind == "person" or (name.endswith("s") and not name.endswith("ss")):
        return "their"
    return "its"


def _of(measure: Measure, owner: str | None) -> str:
    """'the share of the vote', "Maduro's share of the vote", "the number of Maduro's terms"."""
    if measure.counted is not None:
        inner = f"{owner} {measure.counted}" if owner else measure.counted
        return f"the number of {inner}"
    return f"{owner} {measure.phrase}" if owner else _the(measure.phrase)


def _sources(facts: FactIndex, given_by: tuple[str, ...] | None) -> str:
    return join_names([facts.name(g) for g in dict.fromkeys(given_by or ())])


def _self_reported(figure: Figure, given_by: tuple[str, ...] | None) -> bool:
    return figure.subject is not None and given_by == (figure.subject,)


def _capital(text: str) -> str:
    return text[0].upper() + text[1:] if text else text


def value_prompt(figure: Figure, facts: FactIndex, given_by: tuple[str, ...] | None) -> str:
    """'According to X, what was Y's measure?', without naming a source twice."""
    measure = read_measure(figure.measure, figure.unit)
    verb = "were" if measure.plural else "was"
    if figure.subject is None:
        question = f"what {verb} {_of(measure, None)}?"
    elif _self_reported(figure, given_by):
        holder = facts.entities[figure.subject]
        if holder.kind == "person":
            return f"By their own account, what {verb} {_of(measure, possessive(holder))}?"
        return f"According to {holder.name}, what {verb} {_of(measure, _pronoun(holder))}?"
    else:
        question = f"what {verb} {_of(measure, possessive(facts.entities[figure.subject]))}?"
    if not given_by:
        return _capital(question)
    return f"According to {_sources(facts, given_by)}, {question}"


def given_prompt(figure: Figure, facts: FactIndex, given_by: tuple[str, ...] | None) -> str:
    """'What figure did X give for Y's measure?': for figures stated loosely ('over 1,000')."""
    measure = read_measure(figure.measure, figure.unit)
    if figure.subject is None:
        owner = None
    elif _self_reported(figure, given_by):
        owner = _pronoun(facts.entities[figure.subject]) + " own"
    else:
        owner = possessive(facts.entities[figure.subject])
    target = _of(measure, owner)
    if not given_by:
        return f"What figure was given for {target}?"
    return f"What figure did {_sources(facts, given_by)} give for {target}?"


def holder_prompt(
    figure: Figure,
    amount: Amount,
    facts: FactIndex,
    *,
    given_by: tuple[str, ...] | None,
    kinds: Sequence[str],
) -> str:
    """'According to X, whose measure was A?', 'who had 3 terms in office?', 'which country's …'."""
    measure = read_measure(figure.measure, figure.unit)
    kind = _KIND_WORDS.get(kinds[0]) if len(set(kinds)) == 1 and kinds else None
    who, whose = (f"which {kind}", f"which {kind}'s") if kind else ("who", "whose")
    if measure.counted is not None and unit_kind(amount.unit) == "count":
        unit = amount.unit.split()
        counted = measure.counted.split()
        if unit and unit[-1].casefold() in {w.casefold() for w in counted}:
            if amount.decimals == 0 and abs(amount.value) == 1:
                counted = [singular(w) if w.casefold() == unit[-1].casefold() else w
                           for w in counted]  # fmt: skip
            number = format_amount(replace(amount, unit=" ".join(unit[:-1])))
            question = f"{who} had {number} {' '.join(counted)}?"
        else:
            shown = format_amount(replace(amount, unit="") if len(unit) == 1 else amount)
            question = f"{whose} number of {measure.counted} was {shown}?"
    else:
        verb = "were" if measure.plural else "was"
        question = f"{whose} {measure.phrase} {verb} {format_amount(amount)}?"
    if not given_by:
        return _capital(question)
    return f"According to {_sources(facts, given_by)}, {question}"
