"""A figure's measure as a prompt reads it: counted, plural or singular, and its grammar's kind."""

from typing import NamedTuple

from quizgen.factbase.model import Figure
from quizgen.factbase.numbers import unit_kind
from quizgen.generators import measure_grammar as grammar
from quizgen.generators.common import noun_phrase

_SINGULAR_HEADS = frozenset({
    "number", "count", "total", "amount", "share", "proportion", "percentage", "rate",
})  # fmt: skip
_COUNT_UNITS = frozenset({"people", "persons"})  # units that count whatever the measure names


class Measure(NamedTuple):
    """A figure's measure as a prompt uses it.

    `counted` is what is counted when the measure is a number of things ("terms in office" for
    "number of terms in office" or "arrests" for "arrests"); `plural` marks a plural measure that
    is not counted ("oil exports" in barrels): it takes "were".
    """

    phrase: str  # without a leading article: "share of the vote"
    counted: str | None
    plural: bool


def read_measure(measure: str, unit: str) -> Measure:
    """How to word a measure: counted ('the number of arrests'), plural or singular, by its
    head noun ('time' in 'time Kessler-7b takes to circle its star' is singular)."""
    phrase = noun_phrase(" ".join(measure.split()))
    words = phrase.split()
    if len(words) > 2 and words[0].casefold() == "number" and words[1].casefold() == "of":
        return Measure(phrase, " ".join(words[2:]), False)
    if not words or words[0].casefold() in _SINGULAR_HEADS or not grammar.is_plural(phrase):
        return Measure(phrase, None, False)
    if unit_kind(unit) == "count" and (
        unit.casefold() in _COUNT_UNITS or _unit_word(unit) in {w.casefold() for w in words}
    ):
        return Measure(phrase, phrase, False)
    return Measure(phrase, None, True)


def _unit_word(unit: str) -> str:
    """The last word of a unit, folded: 'arrests', 'terms', 'citizens'."""
    words = unit.split()
    return words[-1].casefold() if words else ""


_DURATION_UNITS = frozenset({
    "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
    "month", "months", "years", "decade", "decades", "century", "centuries",
})  # fmt: skip
_MONEY_WORDS = frozenset({
    "dollar", "dollars", "euro", "euros", "pound", "pounds", "yen", "peso", "pesos", "usd", "eur",
    "gbp", "$", "€", "£", "rupees", "francs", "bolívars", "bolivars", "cents",
})  # fmt: skip


def measure_kind(figure: Figure) -> str:
    """Which grammar a figure's prompt follows: time, year, share, money, duration, count, age,
    other."""
    kind = unit_kind(figure.unit)
    if kind in ("time", "year"):
        return kind
    if kind == "percent":
        return "share"
    words = {w.casefold() for w in figure.unit.split()}
    if read_measure(figure.measure, figure.unit).counted is not None:
        return "count"  # "number of days of mourning" counts days: not "how long"
    phrase = noun_phrase(" ".join(figure.measure.split())).split()
    if phrase and grammar.fold(phrase[grammar.head_end(phrase) - 1]) == "age":
        return "age"  # "how old", never "how long was … age"
    if words & _MONEY_WORDS:
        return "money"
    if len(words) == 1 and words <= _DURATION_UNITS:
        return "duration"
    return "other"
