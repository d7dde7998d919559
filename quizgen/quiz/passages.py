"""The words a quiz item shows, compared: numbers a reader sees, whole words, shared passages."""

from __future__ import annotations

import re
import sys
from decimal import Decimal, InvalidOperation
from functools import lru_cache

_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    "dozen": 12,
}  # fmt: skip
_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_TIME = re.compile(r"(?<![\d:])([01]?\d|2[0-3]):([0-5]\d)(?![\d:])")  # 14:30, a time of day
_NUMBER = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:\s*(thousand|million|billion|trillion))?"
    r"|\b(" + "|".join(_WORDS) + r")\b",
    re.IGNORECASE,
)
_WORD_RUN = 6  # an excerpt sharing a run of this many words with another carries the same passage
# texts whose numbers and runs are kept for one selection (leaks.forget drops them): enough for a
# 50,000-fact base's items, whose pairs read the same texts again and again (8,192 kept: 15,000
# readings at 10,000 facts, 148,000 at 50,000, ten times as many for five times the facts)
KEPT = 1 << 18


@lru_cache(maxsize=KEPT)
def numbers_in(text: str) -> frozenset[Decimal]:
    """Every number a reader sees in a text: digits (1,000 / 51.2 / 7.7 million), words, and
    times of day as minutes since midnight (14:30 is 870, as the fact base holds it)."""
    found: set[Decimal] = {Decimal(int(h) * 60 + int(m)) for h, m in _TIME.findall(text)}
    for match in _NUMBER.finditer(text):
        digits, fraction, scale, word = match.groups()
        try:
            if word is not None:
                found.add(Decimal(_WORDS[word.casefold()]))
                continue
            value = Decimal(digits.replace(",", "") + (f".{fraction}" if fraction else ""))
        except (InvalidOperation, KeyError):
            continue
        found.add(value.normalize())
        if scale:
            found.add((value * _SCALES[scale.casefold()]).normalize())
    return frozenset(found)


_WORD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=KEPT)  # the pairs of a sheet read the same prompts and options again and again
def words(text: str) -> tuple[str, ...]:
    """A text's words, case-folded (one string kept for each word: a base's texts share most
    of their words, and at 50,000 facts the copies were tens of megabytes)."""
    return tuple(map(sys.intern, _WORD.findall(text.casefold())))


@lru_cache(maxsize=KEPT)
def runs(text: str) -> frozenset[tuple[str, ...]]:
    """The runs of six words of a text (the whole text when shorter)."""
    found = words(text)
    if len(found) < _WORD_RUN:
        return frozenset({found}) if found else frozenset()
    return frozenset(found[i : i + _WORD_RUN] for i in range(len(found) - _WORD_RUN + 1))


def forget() -> None:
    """Drop the numbers, words and runs read of texts (leaks.forget, once quizzes are selected)."""
    numbers_in.cache_clear()
    runs.cache_clear()
    words.cache_clear()


def same_passage(a: str, b: str) -> bool:
    """Whether two excerpts carry the same words of the article (a shared run of six words)."""
    return bool(a.strip() and b.strip()) and not runs(a).isdisjoint(runs(b))


def says(phrase: str, words: str) -> bool:
    """Whether folded words hold a folded phrase as whole words."""
    return bool(phrase) and any(f" {phrase} " in f" {line} " for line in words.split("\n"))




# A small whole number (up to twelve) or a round one (tens) stands for many things on one sheet
# ("three more", "a 70-minute experiment"): shown elsewhere it gives a figure away only beside
# the figure's unit or in the figure's own passage. Other numbers (62, 51.2, 2022, 17:30) do
# wherever they stand.
_COMMON_BELOW = 13
_SYMBOLS = {"%": "percent", "£": "pounds", "$": "dollars", "€": "euros", "¥": "yen"}
_NEAR_BEFORE, _NEAR_AFTER = 2, 3  # words either side of a number that say what it counts


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


def common_number(value: Decimal, *, unit: str) -> bool:
    """Whether a figure's value is one a sheet shows in other senses too: a whole number below
    13 or a round number of tens, not a year or a time of day."""
    if unit.strip().casefold() in {"year", "time of day"} or value != value.to_integral_value():
        return False
    return value < _COMMON_BELOW or value % 10 == 0


def _unit_words(unit: str) -> set[str]:
    found = {_stem(w) for w in words(unit) if len(w) > 1}
    for symbol, name in _SYMBOLS.items():
        if symbol in unit or name in found or _stem(name) in found:
            found |= {symbol, _stem(name)}
    if "percent" in found or {"per", "cent"} <= found:
        found |= {"%", "percent"}
    return found


def number_beside_unit(value: Decimal, text: str, *, unit: str) -> bool:
    """Whether a text shows the number with a word of the unit next to it ('three minutes',
    'a 24-year-old', '70%', '£160m' for 'million pounds')."""
    wanted = _unit_words(unit)
    if not wanted:
        return False
    for match in _NUMBER.finditer(text):
        if value not in numbers_in(match.group(0)):
            continue
        before = re.findall(r"[^\W\d_]+|[%£$€¥]", text[: match.start()].casefold())[-_NEAR_BEFORE:]
        after = re.findall(r"[^\W\d_]+|[%£$€¥]", text[match.end() :].casefold())[:_NEAR_AFTER]
        if any(_stem(w) in wanted for w in (*before, *after)):
            return True
    return False


def states_number(value: Decimal, texts: tuple[str, ...], *, unit: str, excerpt: str) -> bool:
    """Whether texts shown on a sheet state a figure's value as that figure: anywhere for a
    telling number, and for a common one only beside its unit or in the figure's passage."""
    for text in texts:
        if value not in numbers_in(text):
            continue
        if not common_number(value, unit=unit):
            return True
        if number_beside_unit(value, text, unit=unit) or same_passage(text, excerpt):
            return True
    return False
