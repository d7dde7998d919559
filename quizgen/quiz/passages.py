"""The words a quiz item shows, compared: numbers a reader sees, whole words, shared passages."""

from __future__ import annotations

import re
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


@lru_cache(maxsize=8192)
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


def words(text: str) -> tuple[str, ...]:
    """A text's words, case-folded."""
    return tuple(re.findall(r"[^\W_]+", text.casefold()))


@lru_cache(maxsize=4096)
def runs(text: str) -> frozenset[tuple[str, ...]]:
    """The runs of six words of a text (the whole text when shorter)."""
    found = words(text)
    if len(found) < _WORD_RUN:
        return frozenset({found}) if found else frozenset()
    return frozenset(found[i : i + _WORD_RUN] for i in range(len(found) - _WORD_RUN + 1))


def same_passage(a: str, b: str) -> bool:
    """Whether two excerpts carry the same words of the article (a shared run of six words)."""
    return bool(a.strip() and b.strip()) and not runs(a).isdisjoint(runs(b))


def says(phrase: str, words: str) -> bool:
    """Whether folded words hold a folded phrase as whole words."""
    return bool(phrase) and any(f" {phrase} " in f" {line} " for line in words.split("\n"))


