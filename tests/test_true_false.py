"""The true-false kind: over every real fact base and swept seeds, each statement is decided by
the facts (who said it, where, what a figure was, which event came first), false ones changed in
one thing, as many true as false; native platform types."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from conftest import loaded
from strategies import certainly_before
from sweep import seeds_of

from quizgen.factbase.model import Event, FactBase, Figure, Quote
from quizgen.generators import GENERATORS, Generated, GenOptions
from quizgen.generators.common import index_facts
from quizgen.generators.figure_wording import statement_prompt
from quizgen.oracle import check_question
from quizgen.quiz.leaks import find_leaks
from quizgen.quiz.questions import (
    TRUE_FALSE,
    Amount,
    FigureStatement,
    MultipleChoice,
    OrderStatement,
    PlaceStatement,
    Question,
    Quiz,
    SaidStatement,
)
from quizgen.quiz.select import build_quiz
from quizgen.quiz.versions import make_versions
from quizgen.renderers.base import RenderOptions

pytestmark = pytest.mark.sweep  # every seed of every base under `make fuzz` (sweep.py)


ROOT = Path(__file__).resolve().parent.parent
FILES = sorted([*ROOT.glob("content/*.yaml"), *ROOT.glob("tests/corpus/*/*.yaml")])
SEEDS = range(1, 21)
NEGATION = re.compile(r"\b(not|never|no|n['’]t)\b", re.IGNORECASE)


@cache
def base_of(path: Path) -> FactBase:
    """A fact base, loaded once per test process (conftest.loaded: shared with the other sweeps)."""
    return loaded(path)


@cache
def _before(base: FactBase) -> dict[tuple[str, str], bool]:
    """The test's own order of the events (strategies.certainly_before), by id pairs."""
    matrix = certainly_before(base.events)
    ids = [e.id for e in base.events]
    return {(a, b): matrix[i][j] for i, a in enumerate(ids) for j, b in enumerate(ids)}


def _as_given(figure: Figure) -> Amount:
    return Amount(value=figure.value, unit=figure.unit, decimals=max(0, -figure.value.as_tuple()
                  .exponent), qualifier=figure.qualifier, to=figure.to)  # type: ignore[operator]


def _figures(base: FactBase, ask: FigureStatement) -> list[Figure]:
    return [f for f in base.figures if f.measure == ask.measure and f.subject == ask.subject
            and (ask.given_by is None or set(f.given_by) == set(ask.given_by))]


def said_true(base: FactBase, question: MultipleChoice) -> bool:
    """The test's own reading of the facts: whether the statement is true. A figure statement is
    true when it gives a figure asked about as the fact base has it (value, unit, qualifier),
    false otherwise (that it is false by the facts, not merely another wording, is the oracle's
    part, checked beside); two events are in order when the test's own closure says so."""
    ask = question.ask
    if isinstance(ask, SaidStatement):
        quote = base.by_id[ask.quote]
        assert isinstance(quote, Quote)
        return any(ask.speaker in base.speaker_equivalents(s) for s in quote.speakers)
    if isinstance(ask, FigureStatement):
        shown = ask.amount
        return any(f.value == shown.value and f.unit == shown.unit and f.to == shown.to
                   and f.qualifier == shown.qualifier for f in _figures(base, ask))
    if isinstance(ask, OrderStatement):
        return _before(base)[ask.first, ask.then]
    assert isinstance(ask, PlaceStatement)
    fact = base.by_id[ask.fact]
    assert isinstance(fact, Event | Quote)
    return fact.place == ask.place


def _own_words(base: FactBase, question: MultipleChoice) -> list[str]:
    """The words a statement takes from the facts (a quote, descriptions, a measure): a "not"
    in them is the article's, not a negation trick."""
    ask = question.ask
    if isinstance(ask, SaidStatement):
        return [base.by_id[ask.quote].text]  # type: ignore[union-attr]
    if isinstance(ask, FigureStatement):
        return [ask.measure]
    if isinstance(ask, OrderStatement):
        return [base.by_id[e].description for e in (ask.first, ask.then)]  # type: ignore[union-attr]
    assert isinstance(ask, PlaceStatement)
    fact = base.by_id[ask.fact]
    return [fact.description if isinstance(fact, Event) else fact.text]  # type: ignore[union-attr]


def assert_statements_sound(generated: Generated, base: FactBase) -> None:
    """Each statement passes the oracle, its key agrees with the test's own reading, it shows
    True and False in that order, adds no negation to the fact's words, and as many statements
    are true as false, give or take one, in every run from the first."""
    keys = []
    for question in generated.questions:
        assert isinstance(question, MultipleChoice)
        verdict = check_question(question, base)
        assert verdict.ok, f"true-false: {question.id}: {verdict.problems}"
        assert question.options == TRUE_FALSE
        true = said_true(base, question)
        assert question.answer == (0 if true else 1), f"true-false: {question.id}: wrong key"
        rest = " ".join(question.prompt.split())
        for words in _own_words(base, question):
            spaced = " ".join(words.split()).rstrip(".")
            rest = re.sub(re.escape(spaced), "", rest, flags=re.IGNORECASE)
        assert not NEGATION.search(rest), f"true-false: {question.id}: a negation: {rest!r}"
        keys.append(true)
        assert abs(keys.count(True) - keys.count(False)) <= 1, f"true-false: unbalanced {keys}"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_statement_is_decided_by_the_facts(path: Path) -> None:
    """On every real fact base, the sweep's seeds, every statement is proved true or false by the
    oracle, agrees with the test's own reading, and true and false ones alternate."""
    base = base_of(path)
    for seed in seeds_of(path):
        assert_statements_sound(GENERATORS["true-false"](base, seed=seed, options=GenOptions()),
                                base)


def _flipped(made: Generated, base: FactBase) -> Generated:
    return dataclasses.replace(made, questions=tuple(
        dataclasses.replace(q, answer=1 - q.answer) for q in made.questions
        if isinstance(q, MultipleChoice)))


def _other_name(made: Generated, base: FactBase) -> Generated | None:
    """A statement that shows another speaker's name than its ask says."""
    out: list[Question] = []
    names = [e.name for e in base.entities]
    for q in made.questions:
        if isinstance(q, MultipleChoice) and isinstance(q.ask, SaidStatement):
            own = base.entity(q.ask.speaker).name
            other = next(n for n in names if n not in q.prompt and own not in n)
            out.append(dataclasses.replace(q, prompt=q.prompt.replace(own, other, 1)))
        else:
            out.append(q)
    changed = any(isinstance(q, MultipleChoice) and isinstance(q.ask, SaidStatement) for q in out)
    return dataclasses.replace(made, questions=tuple(out)) if changed else None


def _all_true(made: Generated, base: FactBase) -> Generated:
    """Only the true statements: the balance is lost."""
    return dataclasses.replace(made, questions=tuple(
        q for q in made.questions if isinstance(q, MultipleChoice) and q.answer == 0))


def _within_range(made: Generated, base: FactBase) -> Generated | None:
    """A false figure statement whose figure is changed within what the facts allow, the bug
    the issue warns of ("over 800" called false of "over 1,000"), or to what they leave open
    ("about 25" of an exact 25): keyed False as the generator keys its changed figures."""
    out: list[Question] = []
    for q in made.questions:
        if not (isinstance(q, MultipleChoice) and isinstance(q.ask, FigureStatement)):
            continue
        figure = _figures(base, q.ask)[0]
        given = _as_given(figure)
        if figure.qualifier in ("more than", "at least") and figure.to is None:
            changed = dataclasses.replace(given, value=given.value - 1)
        elif figure.qualifier == "exact" and figure.to is None and figure.value > 0:
            changed = dataclasses.replace(given, qualifier="about")
        else:
            continue
        prompt = statement_prompt(figure, changed, index_facts(base), q.ask.given_by)
        assert prompt is not None
        out.append(dataclasses.replace(q, ask=dataclasses.replace(q.ask, amount=changed),
                                       prompt=prompt, answer=1))
    return dataclasses.replace(made, questions=tuple(out)) if out else None


def _unordered(made: Generated, base: FactBase) -> Generated | None:
    """An order statement about two events the facts do not order, keyed False."""
    before = _before(base)
    pairs = [(a, b) for a in base.events for b in base.events if a.id < b.id
             and not before[a.id, b.id] and not before[b.id, a.id]]
    orders = [q for q in made.questions
              if isinstance(q, MultipleChoice) and isinstance(q.ask, OrderStatement)]
    if not pairs or not orders:
        return None
    a, b = pairs[0]
    return dataclasses.replace(made, questions=(dataclasses.replace(
        orders[0], ask=OrderStatement(a.id, b.id), answer=1,
        prompt=f"{a.description} before {b.description}."),))


def _swapped_kept(made: Generated, base: FactBase) -> Generated | None:
    """Order statements told the other way round (ask and words), the key left as it was."""
    out: list[Question] = []
    for q in made.questions:
        if isinstance(q, MultipleChoice) and isinstance(q.ask, OrderStatement):
            first, then = (base.by_id[e].description for e in (q.ask.first, q.ask.then))  # type: ignore[union-attr]
            out.append(dataclasses.replace(q, ask=OrderStatement(q.ask.then, q.ask.first),
                                           prompt=f"{then} before {first}."))
    return dataclasses.replace(made, questions=tuple(out)) if out else None


PLANTS: dict[str, Callable[[Generated, FactBase], Generated | None]] = {
    "key flipped": _flipped,
    "statement names someone else": _other_name,
    "only true statements": _all_true,
    "figure changed within its range": _within_range,
    "events the facts leave unordered": _unordered,
    "events swapped, key kept": _swapped_kept,
}


ORDER_PLANTS = {"events the facts leave unordered", "events swapped, key kept"}


@pytest.mark.parametrize("plant", sorted(PLANTS))
def test_the_property_goes_red_on_a_planted_bug(plant: str) -> None:
    """With the bug planted, the property check fails on the bundled fact bases (and, for order
    statements, the development corpus's bases whose events are dated in different years: the
    bundled ones tell one story each, whose order common sense gives)."""
    tried = 0
    paths = sorted(ROOT.glob("content/*.yaml"))
    if plant in ORDER_PLANTS:
        paths += sorted(ROOT.glob("tests/corpus/dev/*.yaml"))
    for path in paths:
        base = base_of(path)
        real = GENERATORS["true-false"](base, seed=1, options=GenOptions())
        planted = PLANTS[plant](real, base)
        if len(real.questions) < 4 or planted is None:
            continue
        with pytest.raises(AssertionError, match=r"^true-false: "):
            assert_statements_sound(planted, base)
        tried += 1
    assert tried >= 3


def assert_sheet_balanced(quiz: Quiz, base: FactBase) -> None:
    """As many true as false statements on the sheet and on each of three versions, give or
    take one; the versions give the statements in different orders when there are three or
    more; every version's statements still pass the oracle."""
    keys = [q.answer for q in quiz.questions if q.kind == "true-false"]
    assert abs(keys.count(0) - keys.count(1)) <= 1, f"true-false: sheet unbalanced {keys}"
    versions = make_versions(quiz, count=3, seed=1)
    orders = set()
    for version in versions:
        statements = [q for q in version.questions if q.kind == "true-false"]
        shown = [q.answer for q in statements]
        assert abs(shown.count(0) - shown.count(1)) <= 1, f"true-false: version unbalanced {shown}"
        assert all(check_question(q, base).ok for q in statements)
        assert all(isinstance(q, MultipleChoice) and q.options == TRUE_FALSE for q in statements)
        orders.add(tuple(q.id for q in statements))
    assert len(keys) < 3 or len(orders) > 1, "true-false: versions keep one order"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_sheet_and_version_is_balanced(path: Path) -> None:
    """On every real fact base, the sweep's seeds, a sheet of statements (alone, or beside the kinds
    they are made from) holds as many true as false, as does each version, whose order differs."""
    base = base_of(path)
    for seed in seeds_of(path):
        kinds = ["true-false"] if seed % 2 else ["true-false", "figure-choice", "event-order"]
        quiz = build_quiz([base], seed=seed, kinds=kinds)
        if seed == 1:
            assert_sheet_balanced(quiz, base)
        else:  # versions cost time: the sheet's balance on the other seeds
            keys = [q.answer for q in quiz.questions if q.kind == "true-false"]
            assert abs(keys.count(0) - keys.count(1)) <= 1, f"true-false: sheet unbalanced {keys}"


def _quiz() -> Quiz:
    base = base_of(ROOT / "content" / "venezuela-post-election.yaml")
    return build_quiz([base], seed=1, kinds=["true-false", "who-said-it", "place"])


def _statements_quiz() -> Quiz:
    """Statements of every sort (speaker, place, figure, order) on one sheet."""
    base = base_of(ROOT / "content" / "calderia-pension-protest.yaml")
    return build_quiz([base], seed=1, kinds=["true-false"])


def test_selection_versions_and_leaks() -> None:
    """The kind is asked by name, selected beside others without leaks, balanced on the quiz
    (give or take one), and versions keep True before False with the key right."""
    base = base_of(ROOT / "content" / "venezuela-post-election.yaml")
    assert all(q.kind != "true-false" for q in build_quiz([base], seed=1).questions)
    for seed in SEEDS:
        quiz = build_quiz([base], seed=seed, kinds=["true-false", "who-said-it"])
        keys = [q.answer for q in quiz.questions if q.kind == "true-false"]
        assert keys and abs(keys.count(0) - keys.count(1)) <= 1, (seed, keys)
        assert find_leaks(quiz) == []
    for version in make_versions(_quiz(), count=3, seed=1):
        for question in version.questions:
            assert check_question(question, base).ok
            if question.kind == "true-false":
                assert isinstance(question, MultipleChoice) and question.options == TRUE_FALSE


def test_platforms_use_their_true_false_types(tmp_path: Path) -> None:
    """GIFT writes {T}/{F}, Moodle its truefalse type, Canvas QTI true_false_question; each
    passes the same validators as the other kinds and keeps the key, for statements of every
    sort."""
    for quiz in (_quiz(), _statements_quiz()):
        _assert_native_types(quiz)


def _assert_native_types(quiz: Quiz) -> None:
    """The platform files of a quiz with statements: native types, valid, keys kept."""
    import platform_check as pc

    from quizgen.renderers import gift, moodle_xml, qti

    statements = [q for q in quiz.questions if q.kind == "true-false"]
    assert statements
    options = RenderOptions(name="q")
    moodle = next(iter(moodle_xml.render(quiz, options=options).values()))
    pc.need_lxml()
    assert pc.moodle_problems(moodle) == []
    records = {r["id"]: r for r in pc.moodle_records(moodle)}
    for q in statements:
        assert records[q.id]["type"] == "truefalse"
        assert records[q.id]["answer"] == q.answer
    pc.need_qti()
    package = next(iter(qti.render(quiz, options=options).values()))
    assert pc.qti_problems(package) == []
    records = {r["id"]: r for r in pc.qti_records(package)}
    for q in statements:
        assert records[q.id]["type"] == "true_false_question"
        assert records[q.id]["options"] == ["True", "False"]
        assert records[q.id]["answer"] == q.answer
    pc.need_gift()
    text = next(iter(gift.render(quiz, options=options).values())).decode()
    assert pc.gift_problems(text) == []
    tf = [r for r in pc.gift_records(text) if r["options"] == ["True", "False"]]
    assert sorted(r["answer"] for r in tf) == sorted(q.answer for q in statements)
