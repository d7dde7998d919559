"""Names and numbers of the article that no fact holds yet: one click adds one (no drag)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from quizgen.article.lexicon import (
    COUNTRIES,
    DAYS_MONTHS,
    DEMONYM_ENDINGS,
    PLACE_WORDS,
    STOPWORDS,
)
from quizgen.studio.mentions import _ORGANISATION, mentions

_NAME = re.compile(r"(?<![\w’'-])[A-Z][\w’'-]*(?:\s+(?:(?:of|for|de|van|von|the)\s+)?"
                   r"[A-Z][\w’'-]*)*")
_NUMBER = re.compile(r"(?<![\w.,])\d(?:[\d,]*\d)?(?:\.\d+)?(?:[a-zA-Z%]+\b)?")
_SENTENCE_START = re.compile(r"(?:^|[.!?:][”’\"']?\s+|\n\s*|[“\"‘]\s*)$")
LIMIT = 40  # at most this many of each: a list to scan, not the article again


def _known(facts: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every name a fact already gives, as mentions() reads people."""
    known = []
    for fact in facts:
        fields = fact["fields"]
        name = fields.get("name") or fields.get("term")
        if fact["section"] in ("people", "places", "terms") and isinstance(name, str):
            known.append({"id": fact["id"], "name": name, "kind": fields.get("kind", "place"),
                          "aliases": fields.get("aliases") or [],
                          "excerpt": fields.get("excerpt") or ""})
    return known


_WHERE_BEFORE = re.compile(r"\b(?:in|near|across|throughout|outside|inside|around|from|into)"
                           r"\s+(?:the\s+)?(?:(?:north|south|east|west)(?:ern)?\s+|"
                           r"(?:north|south)-?(?:east|west)(?:ern)?\s+)?$|"
                           r"\b(?:city|town|village|capital|region|province|county|island|"
                           r"valley|district)(?:\s+of|,)\s+$", re.I)


def _is_term(article: str, start: int, text: str) -> bool:
    """Whether a name the article first gives at start reads as a term to explain: an
    acronym in brackets after what it stands for ("the Harbour Safety Board (HSB)"), or a
    name right after "called", "known as" or "dubbed" ("a scheme called Tidewatch")."""
    bracketed = re.fullmatch(r"[A-Z][A-Za-z&]{1,7}", text) is not None and \
        article[max(0, start - 1):start] == "(" and article[start + len(text):][:1] == ")"
    return bracketed or re.search(r"\b(?:called|known\s+as|dubbed|nicknamed)\s+[“\"]?$",
                                  article[max(0, start - 16):start]) is not None


def _is_place(article: str, start: int, text: str) -> bool:
    """Whether a name the article first gives at start reads as a place: a word such as
    River, Valley or Airport in it, "in", "near", "from" or "into" right before it ("in
    Vardby", "from southern Europe") or a place's noun ("the town of Skelby", "the capital,
    Vardby"), unless it is a country (a fact base's country is one of its people), has a
    body's word (ministry, council, university) or a possessive ("Italy’s Serie A")."""
    if any(word in PLACE_WORDS for word in text.split()[1:]):
        return True
    bare = re.sub(r"^(?:[Tt]he)\s+", "", text)
    if re.search(r"[’']s\s", text):
        return False  # "Italy’s Serie A": something of a place's, not a place
    return bool(_WHERE_BEFORE.search(article[max(0, start - 30):start])) and \
        bare not in COUNTRIES and not _ORGANISATION.search(text)


def _value(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


def candidates(article: str, facts: Sequence[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """The names no person, place or term holds (where the article first names each, not at
    a sentence's start, where any word is capitalised; nor a weekday, month, pronoun,
    "London-based" or a demonym before a noun, "American tech giants"), and the numbers no
    figure holds (not a year, not in a figure's excerpt, not a figure's value), each once; a
    name with the "the" the article writes before it, listed as a place or a term where it
    reads as one (_is_place, _is_term), else as a person."""
    known = _known(facts)
    taken = [(a, b) for a, b, _ in mentions(article, known)]
    names: list[dict[str, Any]] = []
    places: list[dict[str, Any]] = []
    terms: list[dict[str, Any]] = []
    seen: set[str] = set()
    for match in _NAME.finditer(article):
        text = re.sub(r"[’']s$", "", match.group())
        first = text.split()[0]
        if len(text) < 2 or text in seen or _SENTENCE_START.search(article[:match.start()]) \
                or first in STOPWORDS or first in DAYS_MONTHS or re.match(r"I[’']", first) or \
                re.search(r"-[a-z]", text) or any(a <= match.start() < b for a, b in taken):
            continue  # "I’ve"; "London-based", an adjective
        term = _is_term(article, match.start(), text)
        if " " not in text and text not in COUNTRIES and text.endswith(DEMONYM_ENDINGS) and \
                re.match(r"\s+[a-z]", article[match.end():match.end() + 2]) and not term:
            continue  # "American tech giants": a demonym, not a name
        seen.add(text)
        start = match.start() - 4 if article[max(0, match.start() - 4):match.start()] == \
            "the " and not term else match.start()  # "the Sahel", as the tables name it
        entry = {"text": article[start:match.start()] + text, "start": start,
                 "end": match.start() + len(text)}
        (terms if term else places if _is_place(article, match.start(), text) else
         names).append(entry)
    figures = [f for f in facts if f["section"] == "figures"]
    values = {_value(str(f["fields"].get("value", ""))) for f in figures}
    spans = []
    for figure in figures:
        excerpt = str(figure["fields"].get("excerpt") or "")
        found = re.search(r"\s+".join(map(re.escape, excerpt.split())), article) \
            if excerpt.strip() else None
        if found is not None:
            spans.append((found.start(), found.end()))
    numbers = []
    for match in _NUMBER.finditer(article):
        digits = re.match(r"[\d,.]+", match.group())
        value = _value(digits.group().rstrip(".,")) if digits else None
        if value is None or value in values or any(a <= match.start() < b for a, b in spans):
            continue
        if re.fullmatch(r"1[89]\d\d|20\d\d", match.group()) or match.group() in seen:
            continue  # a year: an event's date, not a figure; a number listed once
        seen.add(match.group())
        numbers.append({"text": match.group(), "start": match.start(), "end": match.end()})
    return {"people": names[:LIMIT], "places": places[:LIMIT], "terms": terms[:LIMIT],
            "figures": numbers[:LIMIT]}
