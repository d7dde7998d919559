"""Options keep to the article's own time (issue 18): years to the side of it their key is on, ages
at past events below the age now; read from what a student sees, over every fact base in
content/ and tests/corpus/*/, seeds 1–20."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest
from conftest import loaded
from factbases import event, figure, make_base, org
from sheet_check import to_come, words
from test_truth_rules import BASES, SEEDS

from quizgen.factbase.model import FactBase
from quizgen.generators import GENERATORS
from quizgen.generators.article_time import article_years
from quizgen.generators.base import GenOptions
from quizgen.quiz.questions import Amount, FigureGiven, FigureValue, MultipleChoice, Question

# a prompt a student reads as asking about what is still to come
AHEAD = {"will", "would", "due", "expected", "forecast", "planned", "plans", "aims", "scheduled",
         "must", "may"}


def _years(base: FactBase) -> tuple[int | None, int | None]:
    """The article's year as a reader works it out, as the earliest and the latest it can be: the
    year it was published; else no earlier than the latest year of something told in the past
    (an event, or a year figure such as 'year X took office') and no later than the year before
    the first thing told as still to come."""
    if base.source.published and (found := re.search(r"\b\d{4}\b", base.source.published)):
        return int(found.group()), int(found.group())
    told = [(e.description, e.date.year) for e in base.events if e.date is not None]
    told += [(f.measure, int(y)) for f in base.figures if f.unit == "year"
             for y in (f.value, f.to) if y is not None]
    past = [y for text, y in told if not to_come(text) and not AHEAD & set(words(text))]
    ahead = [y for text, y in told if AHEAD & set(words(text))]
    earliest = max(past) if past else None
    latest = min(ahead) - 1 if ahead else None
    if earliest is not None and latest is not None and latest < earliest:
        latest = None
    return earliest, latest


def _now(base: FactBase) -> int | None:
    """The article's year a student takes: the earliest it can be, else the latest."""
    earliest, latest = _years(base)
    return earliest if earliest is not None else latest


@cache
def _figure_items(path: Path) -> tuple[FactBase, tuple[Question, ...]]:
    """A fact base and its figure-choice items over seeds 1–20, in seed order: made once for
    the year items and the age items, which read the same output."""
    base = loaded(path)
    return base, tuple(q for seed in SEEDS for q in GENERATORS["figure-choice"](
        base, seed=seed, options=GenOptions()).questions)


@cache
def _year_items(
    path: Path,
) -> tuple[tuple[tuple[int | None, int | None], MultipleChoice, tuple[Amount, ...]], ...]:
    """The article's years by _years and every figure-choice item whose options are years."""
    base, items = _figure_items(path)
    now = _years(base)
    found = []
    for q in items:
        if not isinstance(q, MultipleChoice):
            continue
        amounts = tuple(o.claim for o in q.options if isinstance(o.claim, Amount))
        if len(amounts) == len(q.options) and all(a.unit == "year" and a.decimals == 0
                                                  for a in amounts):
            found.append((now, q, amounts))
    return tuple(found)


@pytest.mark.parametrize("path", BASES, ids=lambda p: p.stem)
def test_year_options_keep_to_the_side_of_the_articles_time(path: Path) -> None:
    """Options for when something happened never lie after the article's year, nor options for
    what is still to come before it: 'in which year did X take office?' (2022) is never offered
    2028, 'in which year is the telescope due to launch?' (2028) never 2018. Where the key is
    itself the latest year told in the past (or the earliest still to come), options reach at
    most four years beyond it, and never past the year before what is still to come."""
    for (earliest, latest), q, amounts in _year_items(path):
        now = earliest if earliest is not None else latest
        if now is None:
            continue
        key = amounts[q.answer]
        key_end = key.value if key.to is None else key.to
        ends = [a.value if a.to is None else a.to for a in amounts]
        starts = [a.value for a in amounts]
        shown = [o.text for o in q.options]
        if AHEAD & set(words(q.prompt)):
            floor = now + 1 if earliest is not None else min(now + 1, key.value - 4)
            assert min(starts) >= min(key.value, floor), (now, q.prompt, shown)
        elif key_end <= now:
            ceiling = max(now, key_end + 4)
            if latest is not None:
                ceiling = min(ceiling, max(latest, key_end))
            assert max(ends) <= ceiling, (now, q.prompt, shown)
        else:
            assert min(starts) > now, (now, q.prompt, shown)


def test_a_year_key_is_not_always_the_option_nearest_the_articles_time() -> None:
    """A past year's key is not the latest option on every seed, nor a coming year's the earliest,
    even where the key is itself the latest year the article tells (a class that sees the pattern
    picks it): over seeds 1-20, every year item asked at least five times puts other options
    on the side of its key nearest the article's time at least once."""
    nearest: dict[tuple[str, str], list[bool]] = {}
    for path in BASES:
        for (earliest, latest), q, amounts in _year_items(path):
            if earliest is None and latest is None:
                continue
            ahead = bool(AHEAD & set(words(q.prompt)))
            at_end = q.answer == (0 if ahead else len(amounts) - 1)
            nearest.setdefault((path.stem, q.prompt), []).append(at_end)
    asked = {k: v for k, v in nearest.items() if len(v) >= 5}
    assert len(asked) >= 10, len(asked)
    always = sorted(k for k, v in asked.items() if all(v))
    assert not always, always


def test_article_years_published_else_the_latest_past_and_before_what_is_to_come() -> None:
    """The article's earliest and latest year: `published` for both; else no earlier than the
    latest year told in the past and no later than the year before the earliest one still to
    come; unknown where the facts tell neither."""
    past = event("took-office", "2019", description="Ana Ruiz took office as mayor")
    later = event("opens", "2031", description="The new bridge is due to open")
    ahead = figure("launch", "year the satellite will launch", "2030", "year", "agency")
    base = make_base(org("agency"), past, later, ahead)
    assert article_years(base) == (2019, 2029)
    assert article_years(make_base(org("agency"), later, ahead)) == (None, 2029)
    assert article_years(make_base(org("agency"), past)) == (2019, None)
    assert article_years(make_base(org("agency"))) == (None, None)
    published = replace(base, source=replace(base.source, published="March 2024"))
    assert article_years(published) == (2024, 2024)


@cache
def _age_items(path: Path) -> tuple[tuple[Decimal, MultipleChoice, tuple[Amount, ...]], ...]:
    """Figure-choice items asking a person's age at something done ('age at which …', 'age
    when …'), with that person's age as the article gives it ('age' alone), seeds 1–20."""
    base, items = _figure_items(path)
    now = {f.subject: f.value for f in base.figures
           if f.subject and " ".join(f.measure.casefold().split()) == "age"}
    found = []
    for q in items:
        if not (isinstance(q, MultipleChoice) and isinstance(q.ask, FigureValue | FigureGiven)):
            continue
        measure = q.ask.measure.casefold()
        if q.ask.subject in now and re.match(r"age (?:at which|when) ", measure):
            amounts = tuple(o.claim for o in q.options if isinstance(o.claim, Amount))
            found.append((now[q.ask.subject], q, amounts))
    return tuple(found)


@pytest.mark.parametrize("path", BASES, ids=lambda p: p.stem)
def test_an_age_at_a_past_event_is_offered_below_the_age_now(path: Path) -> None:
    """'At what age did Allen take up poetry?' (80, Allen is 93) offers no age of 93 or more:
    a student rules those out by the age the article (or its title) gives."""
    for now, q, amounts in _age_items(path):
        if amounts[q.answer].value < now:
            assert all(a.value < now for a in amounts), (now, q.prompt, [o.text for o in q.options])


def test_the_age_sweep_meets_items() -> None:
    """The sweep above reads items of ages at past events, so it cannot pass empty."""
    assert sum(len(_age_items(path)) for path in BASES) >= 20
