"""Prompts of figure questions, worded for any measure: singular or plural, counted or not."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from quizgen.generators.common import FactIndex, join_names, noun_phrase, possessive
from quizgen.model import Entity, Figure
from quizgen.numbers import format_amount, unit_kind
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


_DURATION_UNITS = frozenset({
    "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
    "month", "months", "years", "decade", "decades", "century", "centuries",
})  # fmt: skip
_MONEY_WORDS = frozenset({
    "dollar", "dollars", "euro", "euros", "pound", "pounds", "yen", "peso", "pesos", "usd", "eur",
    "gbp", "$", "€", "£", "rupees", "francs", "bolívars", "bolivars", "cents",
})  # fmt: skip


def measure_kind(figure: Figure) -> str:
    """Which grammar a figure's prompt follows: time, year, share, money, duration, count, other."""
    kind = unit_kind(figure.unit)
    if kind in ("time", "year"):
        return kind
    if kind == "percent":
        return "share"
    words = {w.casefold() for w in figure.unit.split()}
    if read_measure(figure.measure, figure.unit).counted is not None:
        return "count"  # "number of days of mourning" counts days: not "how long"
    if words & _MONEY_WORDS:
        return "money"
    if len(words) == 1 and words <= _DURATION_UNITS:
        return "duration"
    return "other"


def _plain_count(counted: str | None) -> bool:
    """Whether 'how many X were there?' reads well: X is a plural noun, perhaps with one word
    before it and a prepositional phrase after ('arrests', 'injuries among security forces'),
    not a clause ('civilians killed', 'countries calling for a recount')."""
    if not counted:
        return False
    words = counted.split()
    if {w.casefold() for w in words} & {"who", "which", "that", "whom", "whose", "where"}:
        return False  # a relative clause: "countries from which Venezuela withdrew …"
    head = []
    for word in words:
        if word.casefold() in _PREPOSITIONS:
            break
        head.append(word)
    if not head or len(head) > 2:
        return False
    last = head[-1]
    return last.isalpha() and last.endswith("s") and not last.endswith(("ed", "ing", "ss"))


def names_subject(figure: Figure, facts: FactIndex) -> bool:
    """Whether the measure itself names its subject ('year New Zealand adopted Matariki')."""
    if figure.subject is None or figure.subject not in facts.entities:
        return False
    entity = facts.entities[figure.subject]
    measure = f" {' '.join(figure.measure.split()).casefold()} "
    return any(f" {n.casefold()} " in measure or f" {n.casefold()}'s " in measure
               for n in (entity.name, *entity.aliases) if n.strip())  # fmt: skip


def _owner(figure: Figure, facts: FactIndex, given_by: tuple[str, ...] | None) -> str | None:
    """The possessive before the measure: "Maduro's", 'its own', or None."""
    if figure.subject is None or names_subject(figure, facts):
        return None
    holder = facts.entities[figure.subject]
    if _self_reported(figure, given_by):
        return possessive(holder) if holder.kind == "person" else _pronoun(holder)
    return possessive(holder)


def value_prompt(figure: Figure, facts: FactIndex, given_by: tuple[str, ...] | None) -> str:
    """The question a teacher would ask for the figure's value, by measure kind: 'how many
    arrests were there?', 'how long was …?', 'at what time was …?'; the figure's own `ask:`
    sentence when it has one."""
    if figure.ask:
        return " ".join(figure.ask.split())
    measure = read_measure(figure.measure, figure.unit)
    verb = "were" if measure.plural else "was"
    owner = _owner(figure, facts, given_by)
    target = _of(measure, owner)
    kind = measure_kind(figure)
    if kind == "count" and owner is None and _plain_count(measure.counted):
        question = f"how many {measure.counted} were there?"
    elif kind == "duration":
        question = f"how long {verb} {target}?"
    elif kind == "money":
        question = f"how much {verb} {target}?"
    elif kind == "time" and not {"time", "hour"} & set(measure.phrase.casefold().split()):
        question = f"at what time {verb} {target}?"
    else:
        question = f"what {verb} {target}?"
    if _self_reported(figure, given_by):
        holder = facts.entities[figure.subject or ""]
        if holder.kind == "person":
            return f"By their own account, {question}"
        return f"According to {holder.name}, {question}"
    if not given_by:
        return _capital(question)
    return f"According to {_sources(facts, given_by)}, {question}"


def given_prompt(figure: Figure, facts: FactIndex, given_by: tuple[str, ...] | None) -> str:
    """'What figure did X give for Y's measure?': for figures stated loosely ('more than 1,000')
    or as a range; 'What time …', 'What year …' for times and years."""
    if figure.ask:
        return " ".join(figure.ask.split())
    measure = read_measure(figure.measure, figure.unit)
    owner = _owner(figure, facts, given_by)
    if owner is not None and _self_reported(figure, given_by):
        owner = _pronoun(facts.entities[figure.subject or ""]) + " own"
    target = _of(measure, owner)
    noun = {"time": "time", "year": "year"}.get(measure_kind(figure), "figure")
    if figure.to is not None:
        noun = {"time": "range of times", "year": "range of years"}.get(noun, "range")
    bare = target.removeprefix("the ")
    if bare.casefold().startswith(f"{noun} "):  # not "what time … give for the time …"
        if not given_by:
            return f"What was given as the {bare}?"
        return f"What did {_sources(facts, given_by)} give as the {bare}?"
    if not given_by:
        return f"What {noun} was given for {target}?"
    return f"What {noun} did {_sources(facts, given_by)} give for {target}?"


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
    whose = f"which {kind}'s" if kind else "whose"
    if measure.counted is not None and unit_kind(amount.unit) == "count":
        unit = amount.unit.split()
        counted = measure.counted.split()
        if unit and unit[-1].casefold() in {w.casefold() for w in counted}:
            number = format_amount(replace(amount, unit=" ".join(unit[:-1])))
            question = f"{whose} number of {' '.join(counted)} was {number}?"
        else:
            shown = format_amount(replace(amount, unit="") if len(unit) == 1 else amount)
            question = f"{whose} number of {measure.counted} was {shown}?"
    else:
        verb = "were" if measure.plural else "was"
        question = f"{whose} {measure.phrase} {verb} {format_amount(amount)}?"
    if not given_by:
        return _capital(question)
    return f"According to {_sources(facts, given_by)}, {question}"
