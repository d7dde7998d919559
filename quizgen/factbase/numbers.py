"""Amounts as students read them (51.2%, over 1,000 arrests, 2013) and what values are plausible."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Context, Decimal, InvalidOperation
from typing import Literal

from quizgen.factbase.measure_bounds import TYPICAL_SPREAD, chance_floor, is_typical_duration
from quizgen.factbase.model import Figure, Qualifier

UnitKind = Literal["percent", "year", "time", "count"]

PERCENT_UNITS = frozenset({"percent", "per cent", "%"})
YEAR_UNITS = frozenset({"year"})  # a calendar year; a duration is "years" and counts like any unit
TIME_UNIT = "time of day"  # minutes since midnight, shown HH:MM
MINUTES_PER_DAY = 24 * 60
YEAR_SPAN = 10  # years offered beside a year answer lie at most this far from it
# or this far from a year ending a decade, offered beside years five apart (three on a side)
ROUND_YEAR_SPAN = 15
SPREAD = Decimal(4)  # other values of a positive quantity lie within this factor of the answer
# a share offered stays at or below this part of its whole: "nearly 100%" or "99 out of 100"
# reads as "all", which a student rules out at a glance beside a key well below it
ALL_BUT = Decimal("0.9")
# ages offered lie within this factor of the answer either way: a working bus driver of 61 is
# not offered as 81, a player of 34 not as 44 or 49
AGE_SPREAD = Decimal("1.25")
AGE_TOP = 100  # and are at most this (unless the answer is more)
MAX_DECIMALS = 10  # figures written with more digits after the point are not quizzed
MAX_MAGNITUDE = 18  # nor figures of 10**19 or more
CONTEXT = Context(prec=MAX_MAGNITUDE + MAX_DECIMALS + 12, rounding=ROUND_HALF_EVEN)

_QUALIFIER_WORDS = {
    "exact": "", "about": "about ", "nearly": "nearly ", "at least": "at least ",
    "at most": "at most ", "up to": "up to ", "more than": "more than ",
    "fewer than": "fewer than ",
}  # fmt: skip
# years and times of day read as moments: "after 2013", "14:30 or later"
_WHEN_WORDS = {
    "exact": ("", ""), "about": ("around ", ""), "nearly": ("just before ", ""),
    "at least": ("", " or later"), "at most": ("", " or earlier"), "up to": ("up to ", ""),
    "more than": ("after ", ""), "fewer than": ("before ", ""),
}  # fmt: skip
# units of amounts that are not counted things: "less than 1 million barrels a day", not "fewer"
_MASS_WORDS = frozenset({
    "per", "percent", "percentage", "points", "million", "billion", "trillion", "thousand",
    "dollars", "euros", "pounds", "yen", "pesos", "km", "kilometres", "kilometers", "miles",
    "metres", "meters", "tonnes", "tons", "litres", "liters", "degrees", "hours", "minutes",
    "seconds", "days", "weeks", "months", "years", "decades", "hectares", "barrels",
    "millimetres", "millimeters", "centimetres", "centimeters", "grams", "kilograms", "times",
})  # fmt: skip
_IRREGULAR_SINGULARS = {"people": "person", "children": "child", "men": "man", "women": "woman",
                        "feet": "foot", "teeth": "tooth",
                        # Greek plurals in -es of nouns in -is, which no spelling rule tells
                        # from 'rises' or 'promises'
                        **{word[:-2] + "es": word for word in (
                            "crisis", "analysis", "thesis", "hypothesis", "diagnosis",
                            "synthesis", "parenthesis", "emphasis", "prognosis", "synopsis",
                            "oasis", "axis", "basis")}}


@dataclass(frozen=True)
class Amount:
    """The option states a number in a unit, shown with `decimals` digits after the point.

    `to` makes it a range ("between 40 and 60", both ends shown with `decimals`); a unit of
    "time of day" holds minutes since midnight, shown as HH:MM.
    """

    value: Decimal
    unit: str
    decimals: int = 0
    qualifier: Qualifier = "exact"
    to: Decimal | None = None


def unit_kind(unit: str) -> UnitKind:
    """Whether a unit is a percentage, a calendar year or anything else (a count or a measure)."""
    key = " ".join(unit.split()).casefold()
    if key in PERCENT_UNITS:
        return "percent"
    if key in YEAR_UNITS:
        return "year"
    if key == TIME_UNIT:
        return "time"
    return "count"


def _multiple(unit: str) -> bool:
    """Whether a unit says how many times another amount a figure is ('times', 'times the
    width of Earth'), not a rate ('times per second', 'times a day')."""
    words = " ".join(unit.split()).casefold().split()
    return bool(words) and words[0] in ("times", "fold") and not (
        len(words) > 1 and words[1] in ("a", "an", "per", "each", "every"))


def out_of(unit: str) -> Decimal | None:
    """The whole of a unit that counts a share of it ('out of 100', 'out of ten'), or None."""
    words = " ".join(unit.split()).casefold().split()
    if len(words) != 3 or words[:2] != ["out", "of"]:
        return None
    number = words[2].replace(",", "")
    if number.isdigit():
        return Decimal(number) if int(number) > 0 else None
    return Decimal(_SMALL_WHOLES[number]) if number in _SMALL_WHOLES else None


_SMALL_WHOLES = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "twenty": 20, "hundred": 100, "thousand": 1000}


def supported(value: Decimal) -> bool:
    """Whether a value is a finite number small and short enough to quiz and compute with."""
    if not value.is_finite():
        return False
    exponent = value.as_tuple().exponent
    decimals = max(0, -exponent) if isinstance(exponent, int) else 0
    return decimals <= MAX_DECIMALS and (value.is_zero() or value.adjusted() <= MAX_MAGNITUDE)


def quantize(value: Decimal, decimals: int) -> Decimal:
    """The value rounded half-even to `decimals` digits after the point, never a negative zero."""
    rounded = CONTEXT.quantize(value, Decimal(1).scaleb(-decimals))
    return abs(rounded) if rounded.is_zero() else rounded


def half_unit(decimals: int) -> Decimal:
    """Half of the last digit shown: a value read at this precision stands for this much around."""
    return Decimal(5).scaleb(-decimals - 1)


def shown_as(value: Decimal, shown: Decimal, decimals: int) -> bool:
    """Whether `shown`, printed with `decimals` digits, could stand for `value`."""
    try:
        return abs(CONTEXT.subtract(value, shown)) <= half_unit(decimals)
    except InvalidOperation:
        return False


def format_number(value: Decimal, decimals: int, *, grouping: bool = True) -> str:
    """The digits of a value with `decimals` places, with thousands separators unless told not."""
    rounded = quantize(value, decimals)
    return f"{rounded:,.{decimals}f}" if grouping else f"{rounded:.{decimals}f}"


def format_clock(minutes: Decimal) -> str:
    """Minutes since midnight as a 24-hour time: 870 -> '14:30'."""
    whole = int(minutes) % MINUTES_PER_DAY
    return f"{whole // 60:02d}:{whole % 60:02d}"


def format_figure(figure: Figure) -> str:
    """How a figure reads as the article gives it, ranges included: between 40 and 60 people."""
    decimals = max(figure.decimals, figure.to_decimals) if figure.to is not None else None
    amount = Amount(figure.value, figure.unit, decimals if decimals is not None else
                    figure.decimals, figure.qualifier, figure.to)  # fmt: skip
    return format_amount(amount)


def format_amount(amount: Amount) -> str:
    """How an amount reads: 51.2%, about 44%, more than 1,000 arrests, 2013, after 14:30,
    between 40 and 60 people, 3,000,000 barrels a day."""
    kind = unit_kind(amount.unit)
    if kind == "time" or (kind == "year" and amount.decimals == 0):
        show = format_clock if kind == "time" else (lambda v: format_number(v, 0, grouping=False))
        if amount.to is not None:
            lead = "around " if amount.qualifier == "about" else "between "
            joint = " to " if amount.qualifier == "about" else " and "
            return f"{lead}{show(amount.value)}{joint}{show(amount.to)}"
        before, after = _WHEN_WORDS.get(amount.qualifier, ("", ""))
        return f"{before}{show(amount.value)}{after}"
    word = _QUALIFIER_WORDS.get(amount.qualifier, "")
    unit = " ".join(amount.unit.split())
    if amount.qualifier == "fewer than" and (
        kind == "percent" or amount.decimals > 0 or _MASS_WORDS & set(unit.casefold().split())
    ):
        word = "less than "
    number = format_number(amount.value, amount.decimals)
    if amount.to is not None:
        upper = format_number(amount.to, amount.decimals)
        if kind == "percent":
            number, upper = number + "%", upper + "%"
        lead, joint = ("about ", " to ") if amount.qualifier == "about" else ("between ", " and ")
        return f"{lead}{number}{joint}{upper}" + (f" {unit}" if unit and kind != "percent" else "")
    if kind == "percent":
        return f"{word}{number}%"
    if not unit:
        return word + number
    if amount.decimals == 0 and abs(amount.value) == 1:
        unit = singular(unit)
    return f"{word}{number} {unit}"


def singular(unit: str) -> str:
    """The unit for exactly one: '1 arrest', '1 person', '1 flash', '1 barrel per day', '1 foot',
    '1 former referee' (the head noun: the last word before a preposition or 'a'); a unit of
    scale ('1 million pounds') or a name ('US dollars') is left alone rather than guessed."""
    words = unit.split(" ")
    if any(w.casefold() in _SCALE_WORDS for w in words):
        return unit  # '1 million pounds', '1 hundred metres' stay plural
    end = next((i for i, w in enumerate(words) if i and w.casefold() in _AFTER_HEAD), len(words))
    head = end - 1
    if head < 0 or not all(w.isalpha() and w.islower() for w in words[:head]):
        return unit  # "US dollars": a name before the noun is left alone
    one = _singular_word(words[head])
    return " ".join([*words[:head], one, *words[end:]]) if one else unit


_SCALE_WORDS = frozenset({"hundred", "thousand", "million", "billion", "trillion", "dozen"})
_AFTER_HEAD = frozenset({"per", "a", "an", "of", "each", "in", "on", "at", "for", "from", "to"})


def _singular_word(word: str) -> str | None:
    """A plural noun's singular by its spelling, or None when it is not a plural to touch."""
    lower = word.lower()
    if lower in _IRREGULAR_SINGULARS and word.islower():
        return _IRREGULAR_SINGULARS[lower]
    if not (word.isalpha() and word.islower() and len(word) > 3):
        return None  # "US dollars", "km": leave alone rather than guess
    if lower.endswith("ies"):
        return word[:-3] + "y"
    if lower.endswith(("sses", "shes", "tches", "nches", "rches", "xes")):
        return word[:-2]  # '1 flash', '1 match', '1 box': "-es" after a hissing sound
    if lower.endswith(("ss", "us", "is", "ises", "yses", "eses")) or not lower.endswith("s"):
        return None  # 'crises', 'analyses': their singular is no spelling rule's
    return word[:-1]


def is_age(measure: str) -> bool:
    """Whether a measure is a person's age or a lifetime: 'age', 'average age of the players',
    'age at which …', 'life expectancy'."""
    words = re.findall(r"[a-z]+", measure.casefold())
    return "age" in words or "ages" in words or "expectancy" in words


# Who makes up a side in a game or a race, and the words that say a count is of one side: a
# side's size is fixed by its sport, so a count beyond the answer reads as false at a glance
# ("16 players" finishing a match) while fewer (players sent off, injured, dropped) stay open.
_PLAYERS = frozenset({"player", "players", "starter", "starters", "substitute", "substitutes"})
_SIDE_MEMBERS = _PLAYERS | {
    "rider", "riders", "rower", "rowers", "crew", "athlete", "athletes", "fielder", "fielders",
    "men", "women", "people", "members",
}  # fmt: skip
_SIDE_WORDS = frozenset({
    "team", "teams", "side", "sides", "squad", "squads", "crew", "lineup", "line", "match",
    "game", "pitch", "field", "court", "boat", "race", "eleven",
})  # fmt: skip
SIDE_TOP = 30  # a count above this is a roster or a crowd, not one side on the field


def is_side_count(value: Decimal, unit: str, measure: str) -> bool:
    """Whether a figure counts the members of one side in a game or race: players, riders or
    people of a stated team ('players Redmoor finished the match with', 'people in the crew')."""
    unit_words = re.findall(r"[a-z]+", unit.casefold())
    measure_words = set(re.findall(r"[a-z]+", measure.casefold()))
    if not unit_words or not 0 < value <= SIDE_TOP or value != value.to_integral_value():
        return False
    if unit_words[-1] in _PLAYERS:
        return True
    return unit_words[-1] in _SIDE_MEMBERS and bool(measure_words & _SIDE_WORDS)


# A length or a weight of one thing (a free kick's distance, the gear a diver carries) is
# known to a student's eye: values more than this factor from it read as false at a glance
# ("about 150 kilograms" strapped to a diver beside "about 50"); counts, sums and amounts in
# millions span wider. A unit of one such word, with no scale or rate.
SIZE_SPREAD = Decimal("2.5")
_SIZE_UNITS = frozenset({
    "metre", "metres", "meter", "meters", "kilometre", "kilometres", "kilometer", "kilometers",
    "centimetre", "centimetres", "mile", "miles", "foot", "feet", "inch", "inches", "yard",
    "yards", "kilogram", "kilograms", "kilo", "kilos", "kg", "gram", "grams", "tonne", "tonnes",
    "ton", "tons", "stone", "ounce", "ounces", "km", "cm",
})  # fmt: skip  (no millimetres: rain is measured in them, and a month's rain varies widely)


def is_size(unit: str) -> bool:
    """Whether a unit is a plain length or weight ('metres', 'kilograms'), not a scaled total
    ('million tonnes') or a rate ('kilograms a year', 'miles per hour')."""
    return " ".join(unit.split()).casefold() in _SIZE_UNITS


def bounds(
    value: Decimal, unit: str, *, decimals: int = 0, measure: str = ""
) -> tuple[Decimal | None, Decimal | None]:
    """The plausible range for values offered beside this one (None: unbounded on that side):
    what a student could not rule out by common sense alone.

    Percentages stay within 0-100 and within a factor of SPREAD of the answer (not 40% beside
    3%), below ALL_BUT of the whole (no "nearly 100%" beside "nearly 70%"); years within
    YEAR_SPAN of it (ROUND_YEAR_SPAN of a year ending a decade); ages and lifetimes within a
    factor of AGE_SPREAD either way and at most AGE_TOP (no age of 147, no mean age of 11
    beside 40, no bus driver of 81 beside 61); the
    members of one side (is_side_count) between half the answer and one more (not 16 players
    beside 10, which a side's fixed size rules out); a length or weight (is_size) within a
    factor of SIZE_SPREAD (no "about 150 kilograms" of gear beside "about 50"); a typical or
    average duration (is_typical_duration) within a factor of TYPICAL_SPREAD (no 2.85 hours as
    an average night beside 6.85); a two-way test's hit rate above half never at or below half
    (chance_floor: no polygraph right 40 times in 100 beside 60); any other
    positive quantity within a factor of SPREAD (not 0.1 times beside 1.6 times), never at or
    below zero ("0 arrests", "-2 terms"); beside zero nothing negative. Values outside a range
    widen it rather than vanish.
    """
    kind = unit_kind(unit)
    whole = out_of(unit) or (Decimal(100) if kind == "percent" else None)
    if whole is not None:  # a share: '55 out of 100' is never 110 out of 100
        if value <= 0:
            return value, max(whole, value)
        low = max(Decimal(0), CONTEXT.divide(value, SPREAD))
        floor = chance_floor(value, whole, measure)
        if floor is not None:  # strictly above chance: at least one finest step over half
            low = max(low, floor + Decimal(1).scaleb(-decimals))
        top = min(CONTEXT.multiply(whole, ALL_BUT), CONTEXT.multiply(value, SPREAD))
        return min(low, value), max(top, value)
    if kind == "year":
        span = ROUND_YEAR_SPAN if value % 10 == 0 else YEAR_SPAN
        low = max(Decimal(1), value - span)
        return min(low, value), value + span
    if kind == "time":
        return Decimal(0), Decimal(MINUTES_PER_DAY - 1)
    if is_side_count(value, unit, measure):
        return max(Decimal(1), (value / 2).to_integral_value()), value + 1
    if value > 0 and is_age(measure):
        top = min(CONTEXT.multiply(value, AGE_SPREAD), Decimal(AGE_TOP))
        return CONTEXT.divide(value, AGE_SPREAD), max(top, value)
    if value > 0 and is_typical_duration(unit, measure):
        return CONTEXT.divide(value, TYPICAL_SPREAD), CONTEXT.multiply(value, TYPICAL_SPREAD)
    if value > 0 and is_size(unit):
        low = max(Decimal(1).scaleb(-decimals), CONTEXT.divide(value, SIZE_SPREAD))
        return min(low, value), CONTEXT.multiply(value, SIZE_SPREAD)
    if value > 0:
        low = max(Decimal(1).scaleb(-decimals), CONTEXT.divide(value, SPREAD))
        if value > 1 and _multiple(unit):  # "3 times the average": never "1 time", no rise
            low = max(low, 1 + Decimal(1).scaleb(-decimals))
        return min(low, value), CONTEXT.multiply(value, SPREAD)
    return (Decimal(0) if value == 0 else None), None


def nice_step(size: Decimal, decimals: int) -> Decimal:
    """A round step near `size` (1, 2 or 5 times a power of ten), never finer than the precision."""
    floor = Decimal(1).scaleb(-decimals)
    if size <= 0:
        return floor
    power = size.adjusted()
    mantissa = CONTEXT.divide(size, Decimal(1).scaleb(power))
    if mantissa < Decimal("1.5"):
        lead = 1
    elif mantissa < Decimal("3.5"):
        lead = 2
    elif mantissa < Decimal("7.5"):
        lead = 5
    else:
        lead = 10
    return max(CONTEXT.multiply(Decimal(lead), Decimal(1).scaleb(power)), floor)
