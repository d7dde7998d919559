"""Work that grows with the fact base is done once per base (counted, not timed), and the
indexes that replaced reading every fact give what reading every fact gave."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import loaded
from hypothesis import given
from typer.testing import CliRunner

from quizgen.cli import app
from quizgen.factbase.loader import load_text
from quizgen.factbase.model import Event, FactBase
from quizgen.generators import GENERATORS, event_order, figure_asks, figure_index
from quizgen.generators.base import GenOptions
from quizgen.generators.chronology import nth_bit, positions
from quizgen.generators.common import index_facts, linked, norm
from quizgen.generators.sequence import _topic, guessed_orders, stage, to_come
from quizgen.generators.speakers import cast_of
from quizgen.generators.who_said_it import passages, speakers_of
from quizgen.quiz import asked, fact_lookup
from quizgen.quiz.questions import (
    FigureGiven,
    FigureHolder,
    FigureStatement,
    FigureValue,
    MultipleChoice,
    Question,
)
from tests.strategies import fact_bases, load_profiles, masks_and_ranks, told_events

load_profiles()
ROOT = Path(__file__).resolve().parent.parent
CONTENT = sorted((ROOT / "content").glob("*.yaml"))
CORPUS = sorted((ROOT / "tests" / "corpus").glob("*/*.yaml"))


def _synth(facts: int) -> FactBase:
    from benchmarks.synth import synth_factbase_text

    return load_text(synth_factbase_text(facts, seed=1)[0], filename=f"synth-{facts}.yaml")


def test_a_build_makes_each_base_s_fact_lookup_once(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    """Building the deck, the worksheet and JSON from two articles makes each base's figure,
    quote, claim and event lookup once, though every item's leaks and facts are looked up."""
    made: list[str] = []
    real = fact_lookup._make_lookup

    def counting(base: FactBase) -> fact_lookup.FactLookup:
        made.append(base.id)
        return real(base)

    monkeypatch.setattr(fact_lookup, "_make_lookup", counting)
    bases = CONTENT[:2]
    result = CliRunner().invoke(app, ["build", *map(str, bases), "--out", str(tmp_path),
                                      "--quiet", "--to", "anki,worksheet,json"])
    assert result.exit_code == 0, result.output
    assert sorted(made) == sorted(path.stem for path in bases)


def test_event_order_makes_questions_only_of_the_orderings_it_keeps(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every allowance run draws its chains, but only the kept run's become questions: one
    question built per ordering returned (a synthetic base tries about ten runs)."""
    built = 0
    real = event_order._question

    def counting(*args: object, **kwargs: object) -> object:
        nonlocal built
        built += 1
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(event_order, "_question", counting)
    made = event_order.generate(_synth(600), seed=1, options=GenOptions())
    assert len(made.questions) >= 50  # the count is of real work
    assert built == len(made.questions)


@given(masks_and_ranks())
def test_nth_bit_is_the_position_of_that_set_bit(case: tuple[int, int]) -> None:
    """nth_bit(mask, n) is the n-th (from 0) of the mask's set bit positions, lowest first."""
    mask, n = case
    assert nth_bit(mask, n) == positions(mask)[n]


@given(told_events())
def test_guessed_orders_read_both_ways_are_the_pairs_common_sense_orders(
    events: tuple[Event, ...],
) -> None:
    """Event j is after event i exactly when i is told in the past and j as still to come, or
    both tell of stages of one topic and j's stage is later; `before` is `after` read back."""
    after, before = guessed_orders(events)
    stages = [stage(e.description) for e in events]
    for i, first in enumerate(events):
        for j, second in enumerate(events):
            expected = (not to_come(first.description) and to_come(second.description)) or (
                i != j and stages[i] is not None and stages[j] is not None
                and stages[j] > stages[i]
                and bool(_topic(first.description) & _topic(second.description)))
            assert bool(after[i] >> j & 1) == expected, (first, second)
            assert bool(before[j] >> i & 1) == expected, (first, second)


def _bases() -> list[FactBase]:
    return [loaded(path) for path in [*CONTENT, *CORPUS]] + [_synth(400)]


def _figures_read_one_by_one(question: MultipleChoice, base: FactBase) -> set[str]:
    """What an item asks of the figures, reading every figure (the definition in asked.py)."""
    ask = question.ask
    found = {f.id for f in base.figures if f.excerpt and f.excerpt in question.explanation}
    for figure in base.figures:
        if isinstance(ask, FigureValue | FigureGiven | FigureStatement):
            same = ask.subject == figure.subject and (
                ask.given_by is None or set(ask.given_by) == set(figure.given_by))
        else:
            same = isinstance(ask, FigureHolder) and ask.amount.value == figure.value
        if same and ask.measure == figure.measure:
            found.add(figure.id)
    return found


@pytest.fixture(scope="module")
def made() -> list[tuple[FactBase, tuple[Question, ...]]]:
    """Every default generator's questions for every content, corpus and a synthetic base."""
    return [(base, tuple(q for kind in ("figure-choice", "true-false")
                         for q in GENERATORS[kind](base, seed=3, options=GenOptions()).questions))
            for base in _bases()]


def test_the_figures_an_item_asks_are_those_reading_every_figure_finds(
    made: list[tuple[FactBase, tuple[Question, ...]]],
) -> None:
    """For every figure item and figure statement of the bases, the figure lookup finds the
    figures reading every figure of the base finds."""
    checked = 0
    for base, questions in made:
        for question in questions:
            if isinstance(question, MultipleChoice) and isinstance(
                    question.ask, FigureValue | FigureGiven | FigureHolder | FigureStatement):
                assert asked._figures_asked(question, base) == _figures_read_one_by_one(
                    question, base), question.id
                checked += 1
    assert checked > 100


def _holders_checked(base: FactBase) -> int:
    """Check each figure's holder pools against reading every figure and entity; how many."""
    checked = 0
    facts = index_facts(base)
    figures = figure_index.Figures(base, facts)
    for figure in base.figures:
        given_by = figure_asks.sources_of(figure)
        measure = norm(figure.measure)
        known = {f.subject for f in base.figures
                 if f.subject and norm(f.measure) == measure
                 and (given_by is None or set(f.given_by) == set(given_by))}
        assert figures.known(measure, given_by) == known
        for kind, members in figures.by_kind.items():
            assert figures.of_kind(kind, known) == [e for e in members if e.id in known]
            checked += 1
    return checked


def test_holder_distractors_come_from_figures_of_the_measure() -> None:
    """Whose-figure questions offer only entities the facts give a figure of the measure (from
    the same sources), in fact-base order: what reading every figure and entity gives."""
    assert sum(_holders_checked(base) for base in _bases()) > 100


@given(fact_bases(rich=True))
def test_holder_distractors_of_any_base_come_from_figures_of_the_measure(
    base: FactBase,
) -> None:
    """The same of generated bases, whose figures of one measure come from varied sources."""
    _holders_checked(base)


def test_the_main_speaker_of_a_kind_is_the_first_in_its_pools() -> None:
    """Cast.main_of(kind) is the main speaker when a pool of that kind holds it (else None)."""
    for base in _bases():
        cast = cast_of(base, index_facts(base))
        for kind in {e.kind for e in base.entities} | {"nobody"}:
            expected = next((e for tier in cast.tiers(kind) for e in tier if e.id == cast.main),
                            None)
            assert cast.main_of(kind) == expected


def _scanned_source_in_measure_guard(figure: Any, facts: Any, given_by: tuple[str, ...]) -> bool:
    """The guard of source_in_measure as it read every figure: another source gives the same
    quantity (measure and subject) when some figure of it has other sources."""
    folded = " ".join(figure.measure.split()).casefold()
    return any(" ".join(f.measure.split()).casefold() == folded and f.subject == figure.subject
               and set(f.given_by) != set(given_by) for f in facts.figures)


@pytest.mark.parametrize("path", CONTENT + CORPUS, ids=lambda p: p.stem)
def test_the_sources_by_quantity_index_gives_what_reading_every_figure_gave(path: Path) -> None:
    """For every figure of every base, with its own sources and with each one alone, the index
    finds another source of the same quantity exactly when reading every figure did."""
    facts = index_facts(loaded(path))
    checked = 0
    for figure in facts.figures:
        folded = " ".join(figure.measure.split()).casefold()
        for given_by in {tuple(figure.given_by), *((s,) for s in figure.given_by), ()}:
            told = facts.sources_by_quantity.get((folded, figure.subject), set())
            assert any(s != frozenset(given_by) for s in told) == _scanned_source_in_measure_guard(
                figure, facts, given_by), (figure.id, given_by)
            checked += 1
    assert checked >= len(facts.figures)


def _scanned_speakers(quotes: list[Any], base: FactBase) -> set[str]:
    """speakers_of as it read every claim and quote for each passage."""
    said = {speaker for quote in quotes for speaker in quote.speakers}
    statements = linked([(c.id, c.agrees_with) for c in base.claims], [q.id for q in quotes])
    said |= {c for claim in base.claims if claim.id in statements for c in claim.claimants}
    said |= {s for quote in base.quotes if quote.id in statements for s in quote.speakers}
    return said


def test_a_passages_speakers_from_the_agreement_index_are_those_reading_every_claim_gave() -> None:
    """For every passage of every base, who said it (with the claims agreeing with it) is the
    same from the per-base index as from reading every claim and quote; some bases have such
    claims, so the check is not empty."""
    agreeing = 0
    for path in CONTENT + CORPUS:
        base = loaded(path)
        agreeing += sum(1 for c in base.claims if c.agrees_with)
        for quotes in passages(base).values():
            assert speakers_of(quotes, base) == _scanned_speakers(quotes, base), path.stem
    assert agreeing >= 3, agreeing
