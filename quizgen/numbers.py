"""Amounts as students read them (51.2%, over 1,000 arrests, 2013) and what values are plausible."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Context, Decimal, InvalidOperation
from typing import Literal

from quizgen.model import TIME_OF_DAY, Figure
from quizgen.questions import Amount

UnitKind = Literal["percent", "year", "count"]

PERCENT_UNITS = frozenset({"percent", "per cent", "%"})
YEAR_UNITS = frozenset({"year"})  # a calendar year; a duration is "years" and counts like any unit
YEAR_SPAN = 10  # years offered beside a year answer lie at most this far from it
MAX_DECIMALS = 10  # figures written with more digits after the point are not quizzed
MAX_MAGNITUDE = 18  # nor figures of 10**19 or more
CONTEXT = Context(prec=MAX_MAGNITUDE + MAX_DECIMALS + 12, rounding=ROUND_HALF_EVEN)

_QUALIFIER_WORDS = {"exact": "", "about": "about ", "nearly": "nearly ", "at least": "at least ",
                    "at most": "at most ", "up to": "up to ", "more than": "over ",
                    "fewer than": "under "}
_YEAR_QUALIFIER_WORDS = {"exact": "", "about": "around ", "nearly": "nearly ",
                         "at least": "no earlier than ", "at most": "no later than ",
                         "up to": "up to ", "more than": "after ", "fewer than": "before "}
_TIME_QUALIFIER_WORDS = {**_YEAR_QUALIFIER_WORDS, "about": "about "}
_IRREGULAR_SINGULARS = {"people": "person", "children": "child", "men": "man", "women": "woman"}


def unit_kind(unit: str) -> UnitKind:
    """Whether a unit is a percentage, a calendar year or anything else (a count or a measure)."""
    key = " ".join(unit.split()).casefold()
    if key in PERCENT_UNITS:
        return "percent"
    if key in YEAR_UNITS:
        return "year"
    return "count"


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
    """A time of day given as minutes since midnight, as a 24-hour HH:MM."""
    whole = int(minutes)
    return f"{whole // 60:02d}:{whole % 60:02d}"


def format_figure(figure: Figure) -> str:
    """How a figure reads as the article gives it, ranges included: between 40 and 60 people."""
    amount = Amount(figure.value, figure.unit, figure.decimals, figure.qualifier)
    if figure.to is None:
        return format_amount(amount)
    high = format_amount(Amount(figure.to, figure.unit, figure.to_decimals))
    if figure.unit == TIME_OF_DAY or unit_kind(figure.unit) != "count":
        low = format_amount(Amount(figure.value, figure.unit, figure.decimals))
    else:
        low = format_number(figure.value, figure.decimals)
    if figure.qualifier == "about":
        return f"about {low} to {high}"
    return f"between {low} and {high}"


def format_amount(amount: Amount) -> str:
    """How an amount reads: 51.2%, about 44%, over 1,000 arrests, 2013, 3,000,000 barrels a day."""
    if amount.unit == TIME_OF_DAY:
        return _TIME_QUALIFIER_WORDS.get(amount.qualifier, "") + format_clock(amount.value)
    kind = unit_kind(amount.unit)
    if kind == "year" and amount.decimals == 0:
        word = _YEAR_QUALIFIER_WORDS.get(amount.qualifier, "")
        return word + format_number(amount.value, 0, grouping=False)
    word = _QUALIFIER_WORDS.get(amount.qualifier, "")
    number = format_number(amount.value, amount.decimals)
    if kind == "percent":
        return f"{word}{number}%"
    unit = " ".join(amount.unit.split())
    if not unit:
        return word + number
    if amount.decimals == 0 and abs(amount.value) == 1:
        unit = singular(unit)
    return f"{word}{number} {unit}"


def singular(unit: str) -> str:
    """The unit for exactly one: '1 arrest', '1 person', '1 barrel per day' (regular plurals)."""
    first, _, rest = unit.partition(" ")
    lower = first.lower()
    if lower in _IRREGULAR_SINGULARS and first.islower():
        word = _IRREGULAR_SINGULARS[lower]
    elif not (first.isalpha() and first.islower() and len(first) > 3):
        return unit  # "US dollars", "km": leave alone rather than guess
    elif lower.endswith("ies"):
        word = first[:-3] + "y"
    elif lower.endswith(("ss", "us", "is")) or not lower.endswith("s"):
        return unit
    else:
        word = first[:-1]
    return f"{word} {rest}" if rest else word


def bounds(
    value: Decimal, unit: str, *, decimals: int = 0
) -> tuple[Decimal | None, Decimal | None]:
    """The plausible range for made-up values beside this one (None: unbounded on that side).

    Percentages stay within 0-100 and years within YEAR_SPAN of the answer; any other quantity
    keeps its sign: beside a positive one nothing at or below zero ("0 arrests", "-2 terms"),
    beside zero nothing negative. Values outside a range widen it rather than vanish.
    """
    kind = unit_kind(unit)
    if kind == "percent":
        return min(Decimal(0), value), max(Decimal(100), value)
    if kind == "year":
        low = max(Decimal(1), value - YEAR_SPAN)
        return min(low, value), value + YEAR_SPAN
    if value > 0:
        return min(Decimal(1).scaleb(-decimals), value), None
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
