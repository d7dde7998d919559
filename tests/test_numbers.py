"""Amount formatting, plausibility bounds and precision helpers in quizgen.factbase.numbers."""

from __future__ import annotations

from decimal import Decimal

import pytest

from quizgen.factbase.numbers import (
    bounds,
    format_amount,
    nice_step,
    quantize,
    shown_as,
    singular,
    supported,
    unit_kind,
)
from quizgen.quiz.questions import Amount


@pytest.mark.parametrize(
    ("value", "unit", "decimals", "qualifier", "text"),
    [
        ("51.2", "percent", 1, "exact", "51.2%"),
        ("44", "percent", 0, "exact", "44%"),
        ("73", "percent", 1, "exact", "73.0%"),
        ("-80", "percent", 0, "exact", "-80%"),
        ("73", "percent", 0, "about", "about 73%"),
        ("1000", "arrests", 0, "more than", "more than 1,000 arrests"),
        ("52", "people", 0, "at least", "at least 52 people"),
        ("52", "people", 0, "at most", "at most 52 people"),
        ("200000", "people", 0, "up to", "up to 200,000 people"),
        ("200", "people", 0, "fewer than", "fewer than 200 people"),
        ("2", "years", 0, "nearly", "nearly 2 years"),
        ("2013", "year", 0, "at least", "2013 or later"),
        ("870", "time of day", 0, "exact", "14:30"),
        ("870", "time of day", 0, "more than", "after 14:30"),
        ("5", "time of day", 0, "about", "around 00:05"),
        ("3000000", "barrels per day", 0, "exact", "3,000,000 barrels per day"),
        ("1000000", "barrels per day", 0, "fewer than", "less than 1,000,000 barrels per day"),
        ("7000000", "citizens", 0, "exact", "7,000,000 citizens"),
        ("1234.5", "tonnes", 1, "exact", "1,234.5 tonnes"),
        ("0.75", "million barrels", 2, "exact", "0.75 million barrels"),
        ("2013", "year", 0, "exact", "2013"),
        ("2013", "year", 0, "about", "around 2013"),
        ("2031", "year", 0, "fewer than", "before 2031"),
        ("2", "years", 0, "about", "about 2 years"),
        ("1", "arrests", 0, "exact", "1 arrest"),
        ("1", "people", 0, "exact", "1 person"),
        ("1", "casualties", 0, "exact", "1 casualty"),
        ("1", "feet", 0, "exact", "1 foot"),
        ("1", "former referees", 0, "exact", "1 former referee"),
        ("1", "barrels per day", 0, "exact", "1 barrel per day"),
        ("1", "global food crises", 0, "exact", "1 global food crisis"),
        ("1", "analyses of the data", 0, "exact", "1 analysis of the data"),
        ("1", "million pounds", 0, "exact", "1 million pounds"),
        ("12", "", 0, "exact", "12"),
    ],
)
def test_format_amount(value: str, unit: str, decimals: int, qualifier: str, text: str) -> None:
    """An amount reads with its qualifier, unit, thousands separators and shown decimals."""
    amount = Amount(Decimal(value), unit, decimals, qualifier)  # type: ignore[arg-type]  # a loosely typed test value or a union the test has narrowed
    assert format_amount(amount) == text


def test_format_amount_never_shows_negative_zero() -> None:
    """A value that rounds to zero prints without a minus sign."""
    assert format_amount(Amount(Decimal("-0.0"), "percent", 1)) == "0.0%"
    assert format_amount(Amount(Decimal("-0.04"), "percent", 1)) == "0.0%"


@pytest.mark.parametrize("unit", ["US dollars", "bus", "km", "crisis", "glass"])
def test_singular_leaves_what_it_cannot_guess(unit: str) -> None:
    """Abbreviations and words that only look plural are left alone."""
    assert singular(unit) == unit


def test_unit_kind() -> None:
    """Percent spellings are percentages, 'year' a calendar year, 'years' a plain quantity."""
    assert [unit_kind(u) for u in ("percent", " Percent ", "%", "per cent")] == ["percent"] * 4
    assert unit_kind("year") == "year"
    assert unit_kind("years") == "count"
    assert unit_kind("barrels per day") == "count"


def test_bounds() -> None:
    """Percentages stay in 0–90 unless the value is outside; ages within a quarter either way;
    a positive quantity keeps made-up values positive at its precision, zero keeps them
    non-negative; years stay within 10."""
    assert bounds(Decimal("51.2"), "percent") == (Decimal("12.8"), 90)  # 4 times, not "all"
    assert bounds(Decimal("3"), "percent") == (Decimal("0.75"), 12)  # not 40% beside 3%
    assert bounds(Decimal("150"), "percent") == (Decimal("37.5"), 150)
    assert bounds(Decimal("-80"), "percent") == (-80, 100)
    assert bounds(Decimal("1000"), "arrests") == (250, 4000)
    assert bounds(Decimal("0.75"), "million barrels", decimals=2) == (Decimal("0.1875"), 3)
    assert bounds(Decimal("40"), "years", measure="average age of the players") == (32, 50)
    assert bounds(Decimal("78"), "years", measure="life expectancy") == (Decimal("62.4"),
                                                                          Decimal("97.5"))
    assert bounds(Decimal("104"), "years", measure="age") == (Decimal("83.2"), 104)  # widened
    assert bounds(Decimal("40"), "years", measure="time in office") == (10, 160)
    assert bounds(Decimal("0"), "strikes") == (0, None)
    assert bounds(Decimal("-3"), "degrees") == (None, None)
    assert bounds(Decimal("2013"), "year") == (2003, 2023)
    assert bounds(Decimal("5"), "year") == (1, 15)


@pytest.mark.parametrize(
    ("size", "decimals", "step"),
    [("7.68", 1, "10"), ("5.12", 1, "5"), ("2.4", 0, "2"), ("0.15", 0, "1"), ("0.035", 2, "0.05"),
     ("120", 0, "100"), ("0", 2, "0.01"), ("-5", 0, "1")],
)  # fmt: skip
def test_nice_step(size: str, decimals: int, step: str) -> None:
    """Steps are 1, 2 or 5 times a power of ten near the size, never finer than the precision."""
    assert nice_step(Decimal(size), decimals) == Decimal(step)


def test_shown_as_uses_half_a_unit_inclusive() -> None:
    """51.25 may be shown as 51.2 (half a unit away, inclusive); 51.26 may not."""
    assert shown_as(Decimal("51.25"), Decimal("51.2"), 1)
    assert shown_as(Decimal("51.15"), Decimal("51.2"), 1)
    assert not shown_as(Decimal("51.26"), Decimal("51.2"), 1)
    assert shown_as(Decimal("44.4"), Decimal("44"), 0)
    assert not shown_as(Decimal("44.6"), Decimal("44"), 0)


def test_quantize_rounds_half_even() -> None:
    """Rounding is half-even at the requested number of decimals."""
    assert str(quantize(Decimal("44.25"), 1)) == "44.2"
    assert str(quantize(Decimal("44.35"), 1)) == "44.4"
    assert str(quantize(Decimal("1E+3"), 0)) == "1000"


@pytest.mark.parametrize(
    ("value", "ok"),
    [("51.2", True), ("0", True), ("-3", True), ("3000000", True), ("NaN", False),
     ("Infinity", False), ("1E+30", False), ("0.000000000001", False)],
)  # fmt: skip
def test_supported(value: str, ok: bool) -> None:
    """Only finite values of sensible size and precision are quizzed."""
    assert supported(Decimal(value)) is ok
