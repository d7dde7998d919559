"""One subject's dates listed in passing in one sentence ("ruling out a repeat of 1985, the
festival's windiest year; 1997, its muddiest; and 2005, …") are one aside, never ordered
together; events of different people listed in one sentence still are (issue 18, dev2)."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import loaded
from factbases import event, make_base
from sweep import BASES, seeds_of

from quizgen.factbase.model import FactBase
from quizgen.generators import GENERATORS
from quizgen.generators.base import GenOptions
from quizgen.quiz.questions import EventRef, Ordering

pytestmark = pytest.mark.sweep  # every seed of every base under `make fuzz` (sweep.py)


def _one_sentence(article: str, first: str, second: str) -> bool:
    """Whether both excerpts are found once each in the article and stand in one sentence: one
    paragraph, no full stop, question or exclamation mark followed by a space between them."""
    spots = []
    for excerpt in (first, second):
        pattern = r"\s+".join(re.escape(w) for w in excerpt.split())
        found = [m.span() for m in re.finditer(pattern, article)] if excerpt.split() else []
        if len(found) != 1 or "…" in excerpt:
            return False
        spots.append(found[0])
    (_, end), (start, _) = sorted(spots)
    between = article[end:start] if end <= start else ""
    return end <= start and "\n" not in between and not re.search(r"[.!?][”\"’']*\s", between)


def _listed_pairs(base: FactBase, question: Ordering) -> list[tuple[str, str]]:
    events = {e.id: e for e in base.events}
    shown = [events[o.claim.event] for o in question.items if isinstance(o.claim, EventRef)]
    return [(a.id, b.id) for a, b in itertools.combinations(shown, 2)
            if set(a.people) == set(b.people)
            and _one_sentence(base.article or "", a.excerpt, b.excerpt)]


@pytest.mark.parametrize("path", BASES, ids=[p.stem for p in BASES])
def test_no_ordering_orders_one_subjects_dates_listed_in_one_sentence(path: Path) -> None:
    """No ordering of any base (the sweep's seeds) holds two events of the same people whose
    excerpts stand in one sentence of the article."""
    base = loaded(path)
    for seed in seeds_of(path):
        for question in GENERATORS["event-order"](base, seed=seed, options=GenOptions()).questions:
            assert isinstance(question, Ordering)
            assert not _listed_pairs(base, question), (seed, _listed_pairs(base, question))


def _festival(people_of_list: tuple[tuple[str, ...], ...]) -> FactBase:
    """Three dated events listed in one sentence (of the people given, in turn) and three told
    in sentences of their own."""
    listed = [replace(event(f"listed-{i}", year, people=who), excerpt=excerpt)
              for i, (year, who, excerpt) in enumerate(zip(
                  ("1985", "1997", "2005"), people_of_list,
                  ("a repeat of 1985, its windiest year", "1997, its muddiest",
                   "2005, known as the year of thunder"), strict=True))]
    own = [replace(event(f"own-{year}", year, people=("org",)), excerpt=f"In {year} it grew.")
           for year in ("2013", "2014", "2015")]
    article = ("Experts ruled out a repeat of 1985, its windiest year; 1997, its muddiest; and"
               " 2005, known as the year of thunder.\nIn 2013 it grew. In 2014 it grew."
               " In 2015 it grew.\n")
    return replace(make_base(*listed, *own), article=article)


def test_one_subjects_listed_dates_are_never_ordered_together() -> None:
    """The festival's own weather years, listed in one sentence, never stand in one ordering;
    a list of three companies' joinings, one sentence too, does."""
    same = _festival((("fest",), ("fest",), ("fest",)))
    made = [q for seed in range(8) for q in GENERATORS["event-order"](
        same, seed=seed, options=GenOptions(order_size=3)).questions]
    assert made
    for question in made:
        assert isinstance(question, Ordering)
        listed = [o for o in question.items if o.claim.event.startswith("listed")]  # type: ignore[union-attr]
        assert len(listed) <= 1, [o.text for o in question.items]
    others = _festival((("a",), ("b",), ("c",)))
    together = [q for seed in range(8) for q in GENERATORS["event-order"](
        others, seed=seed, options=GenOptions(order_size=3)).questions
        if isinstance(q, Ordering)
        and sum(o.claim.event.startswith("listed") for o in q.items) >= 2]  # type: ignore[union-attr]
    assert together
