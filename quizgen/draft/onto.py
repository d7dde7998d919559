"""Measures written onto a noun or held in one: "a 12-page report", "a purse containing £20"."""

from __future__ import annotations

import re

from quizgen.article.lexicon import REPORTING_VERBS, words
from quizgen.article.numbers import NumberHit
from quizgen.draft.frames import resolved
from quizgen.draft.quotes import Attributor

# Units a hyphen writes onto a noun that measure its size, not a count of its parts.
_SIZE_UNITS = {"area": words("acre hectare"), "weight": words("tonne ton kilo kilogram")}
# Units read elsewhere: spans and lengths (figure_text.SPAN_NOUN), ages, crowds, labels.
_NOT_PARTS = words("year old strong second minute hour day week month decade century mile"
                   " kilometre kilometer km metre meter foot feet inch yard level category"
                   " division point percent")
# Words a noun phrase after the unit stops before: a preposition, a joiner, a verb.
_PHRASE_STOP = words("of in on at for with by from to into over under after before that which"
                     " who whose where when and or but as than is are was were has have had"
                     " will would can could may might must should do does did be been being"
                     " it its their his her this these those last next yesterday today tomorrow"
                     " tonight earlier later now")
_DETERMINER = r"(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)"
_QUALIFIERS = (r"(?:(?:about|around|nearly|almost|some|more\s+than|over|up\s+to|at\s+least"
               r"|just|only|roughly)\s+)?")
# A thing that holds the amount: "a lost wallet containing £5", "a crate holding 40 bottles".
_HELD = re.compile(rf"\b{_DETERMINER}\s+((?:[a-z][\w’'-]*\s+){{0,3}}?[a-z][\w’'-]*)\s+"
                   rf"(?:containing|holding|carrying)\s+{_QUALIFIERS}$")
# "he had been driving since he was 19": the age at which the doing started.
_SINCE_WAS = re.compile(r"((?:[A-Z][\w’'-]+\s+){0,3}[A-Z][\w’'-]+)\s+(?:had|has|have)\s+been\s+"
                        r"([a-z]+ing(?:\s+(?!since\b)[a-z][\w’'-]*){0,3}?)\s+since\s+"
                        r"(?:[A-Z][\w’'-]+\s+){0,3}[A-Z][\w’'-]+\s+(?:was|were)\s+"
                        + _QUALIFIERS + "$")


def written_onto(text: str, hit: NumberHit, unit: str) -> str:
    """ "number of pages in the report" for "a 12-page report", "area of the farm" for "the
    300-acre farm": a count or size written with a hyphen onto the noun phrase it is of;
    "" for spans, lengths, ages and labels (read elsewhere) or when no noun follows."""
    onto = re.match(r"-([a-z]+)\s+", text[hit.end:hit.end + 30])
    if onto is None or hit.kind in ("percent", "money", "year", "time", "score") or \
            onto.group(1) in _NOT_PARTS or not unit.lower().startswith(onto.group(1)) or \
            re.search(r"(?:st|nd|rd|th)$", text[hit.start:hit.end].lower()):  # "second-half"
        return ""
    phrase: list[str] = []
    for word in re.findall(r"[^\s,.;:!?()“”\"—–]+|[,.;:!?()“”\"—–]",
                           text[hit.end + onto.end():hit.end + onto.end() + 60]):
        if not word[:1].isalpha() or word.lower() in _PHRASE_STOP | REPORTING_VERBS or (
                word.islower() and word.endswith(("ed", "ing", "ly"))) or len(phrase) == 4:
            break
        phrase.append(word)
    if not phrase or not phrase[-1].islower():
        return ""
    kind = next((k for k, units in _SIZE_UNITS.items() if onto.group(1) in units), "")
    shown = " ".join(phrase)
    return f"{kind} of the {shown}" if kind else f"number of {unit} in the {shown}"


def held_in(text: str, start: int, hit: NumberHit, unit: str) -> str:
    """ "money in the lost wallet" for "a lost wallet containing £5", "number of bottles in
    the crate" for "a crate holding 40 bottles"; "" when no thing holds the amount."""
    held = _HELD.search(text, start, hit.start)
    if held is None or any(w in _PHRASE_STOP for w in held.group(1).split()):
        return ""
    thing = held.group(1)
    return f"money in the {thing}" if hit.kind == "money" else f"number of {unit} in the {thing}"


def age_since(attributor: Attributor, hit: NumberHit) -> str:
    """ "age at which Tom Hale started driving" for "Tom Hale said he had been driving since he
    was 19" (he/she named); "" when no one has been doing a thing since that age."""
    sentence = attributor.article.sentence_at(hit.start)
    before = resolved(attributor, sentence.start, hit.start) + " "
    since = _SINCE_WAS.search(before)
    if since is None or since.group(1).split()[0] in ("The", "A", "An", "It", "This"):
        return ""
    return f"age at which {since.group(1)} started {since.group(2)}"


# What is made or let to move at a speed: "causes a corridor of air to move as fast as".
_MOVED = re.compile(rf"\b{_DETERMINER}\s+((?:(?!(?:the|a|an)\s)[a-z][\w’'-]*\s+){{0,3}}?"
                    r"[a-z][\w’'-]*)\s+to\s+"
                    r"(?:move|travel|fly|run|flow|blow|spin|go|drift|race|swim|climb|fall|sink)"
                    r"\s+(?:as\s+fast\s+as|at\s+speeds?\s+of|at|up\s+to)\s+" + _QUALIFIERS + "$")


def moved_at(text: str, start: int, hit: NumberHit) -> str:
    """ "speed of the corridor of air" for "a temperature inversion causes a corridor of air to
    move as fast as 250mph": the speed of what is made to move, not of what makes it."""
    moved = _MOVED.search(text, start, hit.start)
    if moved is None or any(w in _PHRASE_STOP - {"of"} for w in moved.group(1).split()):
        return ""
    return f"speed of the {moved.group(1)}"
