"""Figures told in passing: a count a "there were" sentence sets in a scene, a score or size worn
as a modifier, a count "the" points back with, a number in an aside closed by commas or in a
past clause hung on a noun, a number said as a fragment, a share that splits a whole evenly, a
count the world fixes, a span told by its character."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import pairwise

from quizgen.article.numbers import NumberHit, scan_numbers
from quizgen.article.patterns import Lazy
from quizgen.factbase.model import Figure
from quizgen.factbase.numbers import singular
from quizgen.generators.verbs import AUX_PAST, PAST

# a count this small that a "there were" sentence gives is a scene's headcount or the length of
# a list the article goes on to tell; a larger one ("there were 300 arrests") is news
SCENE_COUNT = 100

_THERE = re.compile(
    r"(?:^|[.!?;:]\s+|[“\"]\s*)there\s+(?:is|are|was|were|will\s+be|would\s+be|"
    r"(?:has|have|had)\s+been)\s+(?:(?:only|just|about|around|some|roughly|nearly|almost|"
    r"approximately|over|more\s+than|at\s+least)\s+)?$",
    re.IGNORECASE,
)
# between the numbers of a score or a size: "2–1", "2 - 1", "4ft x 5ft", "3 by 4"
_JOIN = re.compile(r"\s*(?:[-–—x×]|by)\s*", re.IGNORECASE)
_DETERMINER = Lazy(r"(?:^|\s)(?:a|an|the|its|their|his|her|this|that)\s+$", re.IGNORECASE)
_NOUN_AFTER = Lazy(r"^[\s-]+[a-z]", re.IGNORECASE)
# an aside set off by commas on both sides, opened by a word that hangs a detail on a noun
_ASIDE = re.compile(r",\s+(?:with|involving|including|containing|comprising)\b[^,;.]*,",
                    re.IGNORECASE)


@lru_cache(maxsize=1024)  # a figure's excerpt is read by most of the rules below, in turn
def _numbers(excerpt: str) -> tuple[NumberHit, ...]:
    """Every number a figure's excerpt states (scan_numbers), read once."""
    return tuple(scan_numbers(excerpt))


def _own_hits(figure: Figure) -> list[NumberHit]:
    """The numbers of the excerpt that write the figure's value (before any scale word)."""
    return [hit for hit in _numbers(figure.excerpt) if hit.value == figure.value]


def scene_count(figure: Figure) -> bool:
    """Whether the figure is a small count a "there is/were" sentence gives ("There were about 20
    tourists on the pier", "There are two challenges."): it sets a scene or announces the list
    the article then tells, and is not what the article reports."""
    if figure.to is not None or not figure.value.is_finite() or figure.value >= SCENE_COUNT:
        return False
    return any(hit.kind == "number" and hit.scale is None
               and _THERE.search(figure.excerpt[:hit.start]) is not None
               for hit in _own_hits(figure))


def worn_as_modifier(figure: Figure) -> bool:
    """Whether the figure is one number of a score or a size worn before a noun ("a 2–1 win
    for Grimsby", "the 4ft x 5ft slab"): the match or the thing is named in passing; a score
    that tells the result ("beat Westbrook 3-0") is no modifier."""
    text = figure.excerpt
    hits = _numbers(text)
    for first, second in pairwise(hits):
        if figure.value not in (first.value, second.value):
            continue
        if _JOIN.fullmatch(text[first.end:second.start]) is None:
            continue
        if _DETERMINER.search(text[:first.start]) and _NOUN_AFTER.match(text[second.end:]):
            return True
    return False


# a count this small after "the" counts people or things the article has already brought in
CAST_COUNT = 10
_DEFINITE = re.compile(r"(?:^|\s)(?:the|these|those)\s+$", re.IGNORECASE)
_WORD_AFTER = Lazy(r"^\s+[a-z]", re.IGNORECASE)
_TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade",
                         "century", "centuries", "time", "times"})


def counted_cast(figure: Figure) -> bool:
    """Whether the figure is a small count that "the" points back with ("the three former refs
    are unanimous"): it counts those the article has already brought in, a headcount of its
    cast, not what it reports. Spans ("the next 30 years") and modifiers ("the two-year
    contract") are no such count."""
    unit = figure.unit.casefold().split()
    if (figure.to is not None or not figure.value.is_finite() or figure.value >= CAST_COUNT
            or not unit or unit[-1] in _TIME_UNITS or unit[-1].rstrip("s") in _TIME_UNITS):
        return False
    text = figure.excerpt
    return any(hit.kind == "number" and hit.scale is None
               and _DEFINITE.search(text[:hit.start]) is not None
               and _WORD_AFTER.match(text[hit.end:]) is not None
               for hit in _own_hits(figure))


def in_comma_aside(figure: Figure) -> bool:
    """Whether the figure's number stands only in an aside closed by commas that hangs a detail
    on a noun ("Staten Island, with just three stops, had the lowest"): the sentence's point lies
    outside it."""
    asides = [(m.start(), m.end()) for m in _ASIDE.finditer(figure.excerpt)]
    hits = _own_hits(figure)
    return bool(asides and hits) and all(
        any(start <= hit.start and hit.end <= end for start, end in asides) for hit in hits)


def even_split(figure: Figure, shares: Shares) -> bool:
    """Whether the figure is one of equal shares, told in one excerpt, that make up a whole
    ("half were told to tell the truth and half to lie"): an even split is what a student guesses
    for any share of a set-up without reading. `shares`: the base's figures, read once."""
    if figure.unit.casefold() not in ("percent", "per cent", "%") or figure.to is not None:
        return False
    parts = shares.told_with(figure)
    return (len(parts) > 1 and all(f.value == figure.value for f in parts)
            and sum(f.value for f in parts) == 100)


class Shares:
    """A fact base's single-value figures by unit and excerpt (spaces folded): the figures told
    in one breath with each, found by one look-up."""

    def __init__(self, figures: Iterable[Figure]) -> None:
        self._by_excerpt: dict[tuple[str, str], list[Figure]] = {}
        for found in figures:
            if found.to is None:
                key = (found.unit, " ".join(found.excerpt.split()))
                self._by_excerpt.setdefault(key, []).append(found)

    def told_with(self, figure: Figure) -> list[Figure]:
        """The figures of the figure's unit with its very excerpt (itself among them)."""
        return self._by_excerpt.get((figure.unit, " ".join(figure.excerpt.split())), [])


# counts the world fixes, known to any student without the article: movement "in three
# dimensions", "the seven continents"
WORLD_COUNTS = {"dimension": 3, "continent": 7, "ocean": 5, "sense": 5, "season": 4}
# everyday norms, by unit and a word of the measure: a night's eight hours of sleep, a football
# match's 90 minutes, a side's 11 players, the five recommended daily portions of fruit and
# vegetables (a value one step from a norm is worked out from it)
NORMS = {("hour", "sleep"): 8, ("hour", "rest"): 8, ("minute", "match"): 90,
         ("minute", "game"): 90, ("player", "side"): 11, ("player", "team"): 11,
         ("player", "match"): 11, ("portion", "recommended"): 5}


def world_count(figure: Figure) -> bool:
    """Whether the figure is a count the world fixes ("in three dimensions", "the five senses")
    or an everyday norm or one step from it ("gets her eight hours" of sleep, "the next 89
    minutes" of a game): general knowledge, or arithmetic on it, answered without the article."""
    unit = figure.unit.casefold().split()
    if len(unit) != 1 or figure.to is not None or not figure.value.is_finite():
        return False
    noun = singular(unit[0])
    if WORLD_COUNTS.get(noun) == figure.value:
        return True
    words = {singular(w) for w in re.findall(r"[a-z]+", figure.measure.casefold())}
    return any(abs(NORMS[key] - figure.value) <= 1 for key in NORMS
               if key[0] == noun and key[1] in words)


# a clause hung on a noun by a relative word, running to "for", "lasted" or "since" and a few
# words before the number: "which they played for seven minutes", "a review that lasted nearly
# three minutes", "who said he had been driving since he was 19"
_HUNG_SPAN = re.compile(r"\b(?:which|who|that)\b([^,;.:“”\"]*?)\b(?:for|lasted|since)\s+"
                        r"(?:[^\W\d_]+\s+){0,3}$", re.IGNORECASE)


def _past(words: str) -> bool:
    """Whether a clause's words hold a verb in the past ("played", "lasted", "had")."""
    return any(w in PAST or w in AUX_PAST or (w.endswith("ed") and len(w) > 4)
               for w in re.findall(r"[a-z]+", words.casefold()))


def span_in_clause(figure: Figure) -> bool:
    """Whether the figure is a span of time told only in a past clause hung on a noun ("the
    game Never End, which they played for seven minutes"; "after a review that lasted nearly
    three minutes"): how long a step of the story took, beside the sentence's point. A clause
    telling what a thing does ("that lets users swim for two minutes") is its point, not past."""
    unit = figure.unit.casefold().split()
    if not unit or (unit[-1] not in _TIME_UNITS and unit[-1].rstrip("s") not in _TIME_UNITS):
        return False
    hits = _own_hits(figure)
    found = [_HUNG_SPAN.search(figure.excerpt[:hit.start]) for hit in hits]
    return bool(hits) and all(m is not None and _past(m.group(0)) for m in found)


# a quotation opening the excerpt, of at most QUOTED_WORDS words: "“Twenty-two handshakes,” he
# explains": a figure said as a fragment, whose meaning is the reporter's gloss
_OPENING_QUOTE = re.compile(r"^\s*[“\"]([^”\"]*)[”\"]")
QUOTED_WORDS = 3


def quoted_fragment(figure: Figure) -> bool:
    """Whether the figure is only a number and its noun someone said ("“Twenty-two
    handshakes,” he explains"): a remark's colour, what it counts told by the reporter."""
    found = _OPENING_QUOTE.match(figure.excerpt)
    if found is None or len(found.group(1).split()) > QUOTED_WORDS:
        return False
    hits = _own_hits(figure)
    return bool(hits) and all(hit.end <= found.end() for hit in hits)


_BRACKETS = re.compile(r"\([^()]*\)")


def bracketed_elsewhere(figure: Figure, asides: Asides) -> bool:
    """Whether the figure's excerpt stands inside brackets in a longer text of the fact base (a
    quote, another figure's excerpt): "82.2% (truths: 88.9%; lies: 75.6%)" gives the two rates
    as an aside of the overall one, though each figure's own excerpt shows no bracket. `asides`:
    the base's texts, read once (the figure's own excerpt left out by identity)."""
    own = " ".join(figure.excerpt.split()).casefold()
    return bool(own) and asides.holds(own, besides=figure)


_WORD = re.compile(r"\w+")


class Asides:
    """The bracketed parts of a fact base's texts (spaces folded, case folded), each with the
    fact whose text holds it, indexed by word: a passage's asides are found by the rarest of its
    words, not by reading every bracket of the base."""

    def __init__(self, texts: Iterable[tuple[object, str]]) -> None:
        self._parts: list[tuple[object, str]] = []
        self._by_word: dict[str, list[int]] = {}
        for owner, text in texts:
            for found in _BRACKETS.finditer(text):
                part = " ".join(found.group(0).split()).casefold()
                for word in set(_WORD.findall(part)):
                    self._by_word.setdefault(word, []).append(len(self._parts))
                self._parts.append((owner, part))

    def holds(self, passage: str, *, besides: object) -> bool:
        """Whether some aside, of a text other than `besides`'s own, holds the passage (folded)."""
        # a word of the passage is a whole word of any text holding it only when the passage
        # shows what stands on both its sides ("2%" lies inside "(12%)" though "2" is no word of
        # it): the first and last words are looked up only if something stands past them
        inner = {found.group(0) for found in _WORD.finditer(passage)
                 if found.start() > 0 and found.end() < len(passage)}
        rows: list[list[int]] = [self._by_word.get(word, []) for word in inner]
        candidates = min(rows, key=len) if rows else range(len(self._parts))
        return any(self._parts[i][0] is not besides and passage in self._parts[i][1]
                   for i in candidates)


# "an extraordinary four years": a span after "a"/"an" and one adjective; words that only size or
# count the span ("a further two years", "an extra 5 days", "a record ten years") make a measure
_CHARACTERISED = re.compile(r"(?:^|[^\w’'])an?\s+([^\W\d_]+)\s+$", re.IGNORECASE)
_SIZING = frozenset({
    "additional", "another", "average", "combined", "cumulative", "entire", "estimated", "extra",
    "full", "further", "good", "maximum", "mere", "minimum", "record", "solid", "staggering",
    "total", "whole", "whopping"})
_SPANS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade"})


def characterised_span(figure: Figure) -> bool:
    """Whether the figure is a span of time told only by its character ("the culmination of an
    extraordinary four years for the girl"): "a" or "an", an adjective that does not size it,
    then the number ("an approximately twofold" is no adjective). The period of a life named by
    what it was like, not a length the article reports; "a further two years", "an extra 5
    days" are measures and stay."""
    unit = figure.unit.casefold().split()
    if not unit or singular(unit[-1]) not in _SPANS:
        return False
    hits = _own_hits(figure)
    found = [_CHARACTERISED.search(figure.excerpt[:hit.start]) for hit in hits]
    return bool(hits) and all(m is not None and m.group(1).casefold() not in _SIZING
                              and not m.group(1).casefold().endswith("ly") for m in found)


def told_in_passing(figure: Figure) -> str | None:
    """Why a figure is told only in passing, in a teacher's words, or None."""
    if world_count(figure):
        return ("a count the world fixes or an everyday norm (\"three dimensions\", eight hours "
                "of sleep) is known without the article; not worth a line of a sheet")
    if scene_count(figure):
        return ("a small count a \"there were\" sentence gives sets a scene or announces a list; "
                "not worth a line of a sheet")
    if worn_as_modifier(figure):
        return ("a score or size worn before a noun (\"a 2–1 win\") names a match or a thing in "
                "passing; not worth a line of a sheet")
    if counted_cast(figure):
        return ("a small count \"the\" points back with (\"the three former refs\") counts those "
                "the article has already brought in; not worth a line of a sheet")
    if quoted_fragment(figure):
        return ("a number said as a fragment (\"“Twenty-two handshakes,” he explains\") is a "
                "remark's colour; not worth a line of a sheet")
    if span_in_clause(figure):
        return ("a span of time told only in a past clause hung on a noun (\"which they played "
                "for seven minutes\") is how long a step took; not worth a line of a sheet")
    if characterised_span(figure):
        return ("a span told by its character (\"an extraordinary four years\") names a period "
                "by what it was like; not worth a line of a sheet")
    if in_comma_aside(figure):
        return ("a number only in an aside set off by commas (\", with three stops,\") is a "
                "detail beside the sentence's point; not worth a line of a sheet")
    return None
