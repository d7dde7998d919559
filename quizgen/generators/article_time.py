"""The article's own time, its year and the ages people have in it; options kept within them."""

from __future__ import annotations

import re
from decimal import Decimal
from itertools import pairwise

from quizgen.factbase.model import FactBase, Figure
from quizgen.factbase.numbers import is_age, unit_kind
from quizgen.generators import measure_grammar as grammar
from quizgen.generators.amounts import ROUND_YEAR, YEAR_STEPS

# words that put what a phrase says after the time of writing: 'is due to launch', 'will burn',
# 'would run out', 'are expected to be', 'plans to replace', 'aims to double'
_FUTURE_WORDS = frozenset({
    "will", "would", "shall", "due", "expected", "expects", "expect", "forecast", "forecasts",
    "projected", "predicted", "predicts", "planned", "plans", "plan", "aims", "aim",
    "scheduled", "wants", "intends", "hopes", "must", "may", "going",
})  # fmt: skip
_YEAR = re.compile(r"\b(1[0-9]{3}|2[0-9]{3})\b")
# two of the smallest year steps: room beside a key that is itself the bound of the article's year
ROOM = 2 * min(YEAR_STEPS)
ROUND_ROOM = 3 * max(YEAR_STEPS)  # three of the largest, beside a year ending a decade (amounts)


def _room(year: Decimal) -> Decimal:
    """Room beside a key that is the article's bound: wider for a decade's year, whose options
    stand five years apart so that it is never the one round year."""
    return Decimal(ROUND_ROOM if year % ROUND_YEAR == 0 else ROOM)


def _words(phrase: str) -> list[str]:
    return [w.strip(".,;:!?“”\"'()") for w in phrase.split() if w.strip(".,;:!?“”\"'()")]


def reads_future(phrase: str) -> bool:
    """Whether a measure or event speaks of what is still to come ('year the telescope is due to
    launch', 'year by which the world will burn …', 'set to rise')."""
    words = [grammar.fold(w) for w in _words(phrase)]
    return any(w in _FUTURE_WORDS for w in words) or any(
        a == "set" and b == "to" for a, b in pairwise(words)
    )


def reads_past(phrase: str) -> bool:
    """Whether a measure or event speaks of what had happened when the article was written
    ('year Hallan took office', 'Maduro came to power', 'the law was renewed')."""
    words = _words(phrase)
    if not words or reads_future(phrase):
        return False
    cut = next((i for i, w in enumerate(words) if grammar.fold(w) in grammar.CLAUSE_WORDS), None)
    main = words[:cut] if cut else words  # 'found little evidence that food is …': 'found'
    return (grammar.tense(main) or grammar.tense(words)) == "past"


def article_years(base: FactBase) -> tuple[int | None, int | None]:
    """The earliest and the latest year the article can have been written in, as the facts give
    them: both the year of `published`; else no earlier than the latest year of a dated event or
    a year figure worded in the past, and no later than the year before the earliest one worded
    as still to come (None where the facts say nothing, or where the two disagree)."""
    if base.source.published:
        found = _YEAR.search(base.source.published)
        if found:
            return int(found.group(1)), int(found.group(1))
    past: list[int] = []
    future: list[int] = []
    for event in base.events:
        if event.date is None:
            continue
        if reads_past(event.description):
            past.append(event.date.year)
        elif reads_future(event.description):
            future.append(event.date.year)
    for figure in base.figures:
        if unit_kind(figure.unit) != "year" or figure.decimals or not figure.value.is_finite():
            continue
        years = [int(figure.value)] + ([] if figure.to is None else [int(figure.to)])
        if reads_past(figure.measure):
            past.extend(years)
        elif reads_future(figure.measure):
            future.append(min(years))
    earliest = max(past) if past else None
    latest = min(future) - 1 if future else None
    if earliest is not None and latest is not None and latest < earliest:
        latest = None
    return earliest, latest


def year_limits(
    figure: Figure, years: tuple[int | None, int | None]
) -> tuple[Decimal | None, Decimal | None]:
    """The years a year figure's options may take, by the article's years (`article_years`): a
    year in the article's past beside past years only (not 2028 for when a prime minister took
    office in 2022), one still to come beside years still to come (not 2018 for a launch due in
    2028). Where the key is itself the bound the facts give (the latest year told in the past,
    the earliest still to come), options may reach `ROOM` years beyond it, within what the facts
    allow: else the key would be the latest (or earliest) option every time, and a class learns
    to pick it. Unbounded for other figures, or when the article's year is unknown."""
    earliest, latest = years
    now = earliest if earliest is not None else latest
    if now is None or unit_kind(figure.unit) != "year" or figure.decimals:
        return None, None
    last = figure.value if figure.to is None else max(figure.value, figure.to)
    if reads_future(figure.measure):
        if earliest is not None:
            return min(figure.value, Decimal(earliest + 1)), None
        return min(figure.value - _room(figure.value), Decimal(now + 1)), None
    if last <= now:
        ceiling = max(Decimal(now), last + _room(last))
        if latest is not None:  # never past the year before what is still to come
            ceiling = min(ceiling, max(Decimal(latest), last))
        return None, ceiling
    return Decimal(now + 1), None


def pinned(figure: Figure, limits: tuple[Decimal | None, Decimal | None]) -> str | None:
    """Why a year figure's key would always be the option nearest the article's time, or None:
    no year fits between it and the bound `year_limits` sets on that side (observations of
    2023-2025 when a launch is due in 2028 and the article tells nothing later)."""
    if unit_kind(figure.unit) != "year" or figure.decimals:
        return None
    floor, ceiling = limits
    last = figure.value if figure.to is None else max(figure.value, figure.to)
    step = min(YEAR_STEPS) + (last - figure.value)  # a range's options do not overlap it
    if ceiling is not None and ceiling - last < step:
        side = "latest"
    elif floor is not None and figure.value - floor < step:
        side = "earliest"
    else:
        return None
    year = last if side == "latest" else figure.value
    return (f"the options would point to its own answer: {year} is the {side} year the article"
            f" allows, so it would always be the {side} option")


def ages_now(base: FactBase) -> dict[str, Decimal]:
    """Each person's age when the article was written, by subject id: the age figure of theirs
    not told in the past ('age' of Allen, 93; not 'age at which Allen took up poetry')."""
    found: dict[str, Decimal] = {}
    for figure in base.figures:
        if (figure.subject is None or not figure.value.is_finite() or not is_age(figure.measure)
                or reads_past(figure.measure) or reads_future(figure.measure)):
            continue
        found[figure.subject] = max(found.get(figure.subject, figure.value), figure.value)
    return found


def age_limits(
    figure: Figure, ages: dict[str, Decimal]
) -> tuple[Decimal | None, Decimal | None]:
    """The ages a person's age at a past event may be offered as: below their age now ('at
    what age did Allen take up poetry?' (80) never offers 95 when she is 93). Unbounded for
    other figures."""
    now = ages.get(figure.subject or "")
    if (now is None or not is_age(figure.measure) or not reads_past(figure.measure)
            or figure.value >= now):
        return None, None
    step = Decimal(1).scaleb(-figure.decimals)
    return None, now - step
