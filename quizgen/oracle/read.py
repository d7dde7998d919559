"""The oracle's reading of what a student sees: option texts read back into what they claim.

Written independently of the generators (and of quizgen.factbase.numbers): an amount's text is
parsed here with its own grammar and must state exactly the claim behind it, qualifier, number,
precision, range and unit included.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from quizgen.factbase.model import Entity, FactBase
from quizgen.quiz.questions import Amount, Option

TIME_UNIT = "time of day"
PERCENT = frozenset({"percent", "per cent", "%"})

# what a phrase before the number says, for any unit, for years and times only, and after it
_PREFIXES = {
    "about": "about",
    "nearly": "nearly",
    "at least": "at least",
    "at most": "at most",
    "up to": "up to",
    "more than": "more than",
    "fewer than": "fewer than",
    "less than": "fewer than",
}
_WHEN_PREFIXES = {
    "around": "about",
    "just before": "nearly",
    "up to": "up to",
    "after": "more than",
    "before": "fewer than",
}
_WHEN_SUFFIXES = {"or later": "at least", "or earlier": "at most"}
_IRREGULAR = {"people": "person", "children": "child", "men": "man", "women": "woman",
              "feet": "foot", "teeth": "tooth"}

_NUMBER = r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_TIME = r"(?:[01]\d|2[0-3]):[0-5]\d"


class Reading(NamedTuple):
    """What an amount's text says: qualifier, the number(s) as written, and what follows."""

    qualifier: str
    first: str
    second: str | None  # the upper end of a range
    rest: str  # the unit words after the number(s), "" when none


def collapse(text: str) -> str:
    """The text with every run of whitespace (no-break spaces too) one space, none at the ends."""
    return " ".join(text.split())


def read(text: str, *, when: bool) -> Reading | None:
    """Parse an amount's text; `when` allows the words of years and times ("before 2013")."""
    words = collapse(text)
    qualifier = "exact"
    for suffix, meaning in _WHEN_SUFFIXES.items() if when else ():
        if words.endswith(" " + suffix):
            words, qualifier = words[: -len(suffix) - 1], meaning
            break
    if qualifier == "exact":
        prefixes = _WHEN_PREFIXES if when else _PREFIXES
        for phrase in sorted(prefixes, key=len, reverse=True):
            if words.startswith(phrase + " "):
                words, qualifier = words[len(phrase) + 1 :], prefixes[phrase]
                break
    token = f"(?:{_TIME}|{_NUMBER}%?)"
    between = re.fullmatch(rf"between ({token}) and ({token})(?: (.+))?", words)
    if between and qualifier == "exact":
        return Reading("exact", between[1], between[2], between[3] or "")
    span = re.fullmatch(rf"({token}) to ({token})(?: (.+))?", words)
    if span and qualifier == "about":
        return Reading("about", span[1], span[2], span[3] or "")
    single = re.fullmatch(rf"({token})(?: (.+))?", words)
    if single:
        return Reading(qualifier, single[1], None, single[2] or "")
    return None


def _number(written: str, *, percent: bool, grouped: bool) -> tuple[Decimal, int] | None:
    """The value and the digits after the point of one number as written, or None."""
    if percent != written.endswith("%"):
        return None
    digits = written.rstrip("%")
    if not grouped and "," in digits:
        return None
    if grouped and "," not in digits and len(digits.lstrip("-").split(".")[0]) > 4:
        return None  # 10000 without separators is not how an amount is shown
    try:
        value = Decimal(digits.replace(",", ""))
    except InvalidOperation:
        return None
    _, _, fraction = digits.partition(".")
    return value, len(fraction)


def _clock(written: str) -> Decimal | None:
    if not re.fullmatch(_TIME, written):
        return None
    hours, minutes = written.split(":")
    return Decimal(int(hours) * 60 + int(minutes))


def _unit_forms(unit: str, one: bool) -> set[str]:
    """How a unit may be written: as given, and for exactly one with one of its words in the
    singular ('1 arrest', '1 barrel per day', '1 foot', '1 former referee')."""
    forms = {unit.casefold()}
    if one:
        words = unit.casefold().split(" ")
        for i, lower in enumerate(words):
            before, after = " ".join(words[:i]), " ".join(words[i + 1 :])
            for single in _singulars(lower):
                forms.add(" ".join(w for w in (before, single, after) if w))
    return forms


def _singulars(lower: str) -> set[str]:
    """Every singular a plural word may be read back to."""
    found = set()
    if lower in _IRREGULAR:
        found.add(_IRREGULAR[lower])
    if lower.endswith("ies"):
        found.add(lower[:-3] + "y")
    if lower.endswith("s"):
        found.add(lower[:-1])
    if lower.endswith("es"):  # flashes: flash; crises: crisis
        found.update((lower[:-2], lower[:-2] + "is"))
    return found


def amount_text_problem(text: str, claim: Amount) -> str | None:
    """Why the displayed text does not state exactly the claim, or None when it does."""
    unit = collapse(claim.unit)
    is_time = unit.casefold() == TIME_UNIT
    is_year = unit.casefold() == "year" and claim.decimals == 0
    is_percent = unit.casefold() in PERCENT
    reading = read(text, when=is_time or is_year)
    if reading is None:
        return f"text {text!r} is not an amount as shown to students"
    if reading.qualifier != claim.qualifier:
        return f"text {text!r} reads as {reading.qualifier!r}, but the claim is {claim.qualifier!r}"
    if (reading.second is None) != (claim.to is None):
        return f"text {text!r} and the claim disagree on being a range"
    ends = [reading.first] + ([reading.second] if reading.second is not None else [])
    claimed = [claim.value] + ([claim.to] if claim.to is not None else [])
    for written, value in zip(ends, claimed, strict=True):
        if is_time:
            shown = _clock(written)
            if shown is None or shown != value:
                return f"text {text!r} does not show the time {value} minutes after midnight"
            continue
        parsed = _number(written, percent=is_percent, grouped=not is_year)
        if parsed is None:
            return f"text {text!r}: {written!r} is not a number written as this unit is"
        shown_value, decimals = parsed
        if decimals != claim.decimals or shown_value != value:
            return f"text {text!r} shows {written}, but the claim is {value} to {claim.decimals} dp"
    wanted = {""} if is_time or is_year or is_percent else _unit_forms(unit, _is_one(claimed))
    if reading.rest.casefold() not in wanted:
        return f"text {text!r} ends {reading.rest!r}, but the unit is {unit!r}"
    return None


def _is_one(values: Iterable[Decimal]) -> bool:
    values = list(values)
    return len(values) == 1 and abs(values[0]) == 1


# ---- names ---------------------------------------------------------------------------------------


def names_of(entity: Entity) -> tuple[str, ...]:
    """The entity's name and aliases, whitespace collapsed, blanks left out."""
    return tuple(n for n in (collapse(entity.name), *map(collapse, entity.aliases)) if n)


def entities_named(base: FactBase, text: str) -> frozenset[str]:
    """Every entity whose name or an alias is exactly this text (case folded)."""
    return base.index(_by_name).get(collapse(text).casefold(), frozenset())


def _by_name(base: FactBase) -> dict[str, frozenset[str]]:
    """The oracle's own index of a base's names and aliases (case folded), made once per base."""
    found: dict[str, set[str]] = {}
    for entity in base.entities:
        for name in names_of(entity):
            found.setdefault(name.casefold(), set()).add(entity.id)
    return {name: frozenset(ids) for name, ids in found.items()}


def mentions(text: str, names: Iterable[str]) -> bool:
    """Whether any of the names occurs in the text as whole words (case folded, quotes eased)."""
    haystack = _plain(text)
    for name in names:
        needle = _plain(name)
        if needle and re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", haystack):
            return True
    return False


def _plain(text: str) -> str:
    """Text folded for finding words: case, spacing and curly quotes eased."""
    table = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
    return collapse(text.translate(table)).casefold()


def contains_words(text: str, words: str) -> bool:
    """Whether `words` occur in `text`, case, spacing and curly quotes eased."""
    return _plain(words).strip(" \"'.,") in _plain(text)


def distinct(options: Sequence[Option], what: str, problems: list[str]) -> None:
    """Two options showing the same text, or making the same claim, are a problem."""
    texts = [collapse(o.text).casefold() for o in options]
    if len(set(texts)) != len(texts):
        problems.append(f"{what}: two show the same text")
    if len(set(options_claims := [o.claim for o in options])) != len(options_claims):
        problems.append(f"{what}: two make the same claim")
