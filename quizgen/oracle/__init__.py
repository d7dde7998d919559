"""The referee: decides from the fact base alone which options of a question are correct."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeAlias

from quizgen.factbase.model import Entity, Event, FactBase
from quizgen.oracle.asks import (
    entity_truth,
    term_truth,
    unfaithful,
)
from quizgen.oracle.asks import speakers_of as speakers_of  # re-exported: part of the oracle API
from quizgen.oracle.figure_truth import Truth, statement_truth, value_truth, was_given
from quizgen.oracle.gaps import gap_fill
from quizgen.oracle.match import matching
from quizgen.oracle.paragraphs import paragraph_truth
from quizgen.oracle.places import place_truth
from quizgen.oracle.read import amount_text_problem, distinct
from quizgen.oracle.statements import statement_truth as true_or_false
from quizgen.oracle.timeline import Timeline as Timeline  # re-exported: part of the oracle API
from quizgen.quiz.questions import (  # the shape limits, once
    MIN_OPTIONS,
    ORDER_SIZES,
    Amount,
    Chronology,
    ClaimantOf,
    EventRef,
    FigureGiven,
    FigureHolder,
    FigureValue,
    GapFill,
    Matching,
    MultipleChoice,
    Option,
    Ordering,
    ParagraphOf,
    PlaceOf,
    Question,
    SpeakerOf,
    Statement,
    TermFor,
    TermMeaning,
    assert_never,
)

Pairing: TypeAlias = tuple[tuple[int, int], ...]
Answer: TypeAlias = int | Pairing | tuple[int, ...]

MAX_ENUMERATED = 6  # larger matchings or orderings are refused before enumerating k! answers


@dataclass(frozen=True)
class Verdict:
    """The oracle's ruling on one question: ok, what is wrong, and every answer the facts allow."""

    ok: bool
    problems: tuple[str, ...] = ()
    # multiple choice: indices of the true options; matching: the consistent pairings;
    # ordering: the orders consistent with what the fact base knows (a unique one when total);
    # gap-fill: the filling (a bank index per gap), when exactly one word fits each gap
    correct: tuple[Answer, ...] = ()


def check_question(question: Question, base: FactBase) -> Verdict:
    """Rule on a question: ok iff exactly one answer fits the facts and it is the key."""
    problems: list[str] = []
    if question.factbase != base.id:
        problems.append(f"question is drawn from {question.factbase!r}, not {base.id!r}")
    for entity_id in question.people:
        _entity(base, entity_id, "people", problems)
    correct: tuple[Answer, ...]
    match question:
        case MultipleChoice():
            correct = _multiple_choice(question, base, problems)
        case Matching():
            correct = matching(question, base, problems)
        case Ordering():
            correct = _ordering(question, base, problems)
        case GapFill():
            correct = gap_fill(question, base, problems)
        case _:
            assert_never(question)
    return Verdict(ok=not problems, problems=tuple(problems), correct=correct)


def correct_options(question: Question, base: FactBase) -> tuple[Answer, ...]:
    """Every answer the facts allow: true option indices, consistent pairings or orders."""
    return check_question(question, base).correct


# ---- facts, read by the oracle's own rules -------------------------------------------------------


def normalise(text: str) -> str:
    """Text with runs of whitespace collapsed, for comparing quotes and measures."""
    return " ".join(text.split())


# ---- checks shared by all kinds ----------------------------------------------------------------


def _entity(base: FactBase, entity_id: str, where: str, problems: list[str]) -> Entity | None:
    fact = base.by_id.get(entity_id)
    if not isinstance(fact, Entity):
        problems.append(f"{where}: no entity {entity_id!r} in the fact base")
        return None
    return fact


def _amount(option: Option, where: str, problems: list[str]) -> Amount | None:
    claim = option.claim
    if not isinstance(claim, Amount):
        problems.append(f"{where}: claim is {type(claim).__name__}, expected Amount")
        return None
    fits = _fits(claim, where, problems)
    if fits is not None and (problem := amount_text_problem(option.text, claim)):
        problems.append(f"{where}: {problem}")
    return fits


def _fits(claim: Amount, where: str, problems: list[str]) -> Amount | None:
    """The amount, if its value is a finite number written within its decimals."""
    try:
        fits = claim.decimals >= 0 and claim.value == round(claim.value, claim.decimals)
        if claim.to is not None:
            fits = fits and claim.to == round(claim.to, claim.decimals) and claim.to > claim.value
    except ArithmeticError:  # NaN, infinity, or too many digits to round
        fits = False
    if not fits:
        problems.append(f"{where}: value {claim.value} does not fit {claim.decimals} decimals")
        return None
    return claim


# ---- multiple choice -------------------------------------------------------------------------


def _multiple_choice(q: MultipleChoice, base: FactBase, problems: list[str]) -> tuple[int, ...]:
    count = len(q.options)
    if count < MIN_OPTIONS and not isinstance(q.ask, Statement):
        problems.append(f"{count} options; a multiple choice needs at least {MIN_OPTIONS}")
    if not 0 <= q.answer < count:
        problems.append(f"answer index {q.answer} is out of range for {count} options")
    distinct(q.options, "options", problems)
    ask = q.ask
    truth: list[Truth] = []
    if isinstance(ask, SpeakerOf | ClaimantOf | FigureHolder):
        if isinstance(ask, FigureHolder):
            _figure_refs(None, ask.given_by, base, problems)
            _fits(ask.amount, "ask.amount", problems)
        truth = entity_truth(q, base, problems)
    elif isinstance(ask, TermMeaning | TermFor):
        truth = term_truth(q, base, problems)
    elif isinstance(ask, PlaceOf):
        truth = place_truth(q, base, problems)
    elif isinstance(ask, ParagraphOf):
        truth = paragraph_truth(q, base, problems)
    elif isinstance(ask, Statement):
        truth = true_or_false(q, base, problems)
    elif isinstance(ask, FigureValue | FigureGiven):
        _figure_refs(ask.subject, ask.given_by, base, problems)
        if ask.subject is not None:
            _subject_shown(q, ask.subject, base, problems)
        amounts = [_amount(o, f"options[{i}]", problems) for i, o in enumerate(q.options)]
        if isinstance(ask, FigureValue):
            truth = [a is not None and value_truth(ask, a, base) for a in amounts]
        else:
            truth = [a is not None and was_given(ask, a, base) for a in amounts]
            _false_as_read(ask, amounts, truth, base, problems)
        _ascending([a for a in amounts if a is not None], problems)
    else:
        problems.append(f"ask {type(ask).__name__} does not fit a multiple choice")
        return ()
    undecided = [i for i, true in enumerate(truth) if true is None]
    if undecided:
        problems.append(
            f"options {undecided} are neither certainly true nor certainly false by the facts"
        )
    correct = tuple(i for i, true in enumerate(truth) if true is True)
    if not correct:
        problems.append("no option is true")
    elif len(correct) > 1:
        problems.append(f"options {list(correct)} are all true")
    elif correct[0] != q.answer:
        problems.append(f"the true option is {correct[0]}, but the answer says {q.answer}")
    return correct


def _false_as_read(
    ask: FigureGiven,
    amounts: Sequence[Amount | None],
    given: Sequence[Truth],
    base: FactBase,
    problems: list[str],
) -> None:
    """A student reads each option as a statement about the world ("more than 400 arrests"),
    not as a guess at the words a source used: every option but the figure given must be false
    by the figures asked about, never also true, never merely not known."""
    not_false = [
        i
        for i, (amount, was) in enumerate(zip(amounts, given, strict=True))
        if amount is not None
        and was is not True
        and statement_truth(ask, amount, base) is not False
    ]
    if not_false:
        problems.append(
            f"options {not_false} are not the figure given, but the facts do not make them"
            " false: read as statements, they are true or may be"
        )


def _subject_shown(q: MultipleChoice, subject: str, base: FactBase, problems: list[str]) -> None:
    """The prompt asserts no more than the excerpt shows: when the excerpt names a source of the
    figure but not its subject ("Machado claimed she received 73%"), the source spoke of
    someone else than the prompt says."""
    if not unfaithful(q.ask, subject, q.explanation, base):
        return
    problems.append(f"the excerpt shows a source speaking, but does not name {subject!r}")


def _figure_refs(
    subject: str | None, given_by: tuple[str, ...] | None, base: FactBase, problems: list[str]
) -> None:
    if subject is not None:
        _entity(base, subject, "ask.subject", problems)
    if given_by is not None:
        if not given_by:
            problems.append("ask.given_by: empty; expected None or one or more sources")
        for source in given_by:
            _entity(base, source, "ask.given_by", problems)


def _ascending(amounts: Sequence[Amount], problems: list[str]) -> None:
    if len({a.unit for a in amounts}) > 1:
        problems.append(f"options mix units: {sorted({a.unit for a in amounts})}")
    values = [a.value for a in amounts]
    up = all(low < high for low, high in itertools.pairwise(values))
    down = all(high > low for high, low in itertools.pairwise(values))  # a version's other way
    if not (up or down):
        problems.append(
            "numeric options are not strictly ascending (nor descending): "
            f"{[str(v) for v in values]}"
        )


# ---- matching ----------------------------------------------------------------------------------


# ---- ordering ----------------------------------------------------------------------------------


def _ordering(q: Ordering, base: FactBase, problems: list[str]) -> tuple[tuple[int, ...], ...]:
    if not isinstance(q.ask, Chronology):
        problems.append(f"ask {type(q.ask).__name__} does not fit an ordering")
        return ()
    k = len(q.items)
    if k not in ORDER_SIZES:
        problems.append(f"{k} items; an ordering has {ORDER_SIZES.start} to {ORDER_SIZES.stop - 1}")
    distinct(q.items, "items", problems)
    if sorted(q.answer) != list(range(k)):
        problems.append(f"answer {q.answer!r} is not an order of the {k} items")
    ids: list[str] = []
    for i, option in enumerate(q.items):
        claim = option.claim
        if not isinstance(claim, EventRef) or not isinstance(base.by_id.get(claim.event), Event):
            problems.append(f"items[{i}]: not an event of the fact base: {claim!r}")
            return ()
        ids.append(claim.event)
    if k > MAX_ENUMERATED:
        return ()
    timeline = Timeline(base.events)
    later = [timeline.later_than(event_id) for event_id in ids]
    before = [[ids[j] in later[i] for j in range(k)] for i in range(k)]
    unordered = False
    for i in range(k):
        if before[i][i]:
            problems.append(f"the facts put {ids[i]!r} before itself (a cycle)")
            unordered = True
    for i, j in itertools.combinations(range(k), 2):
        if before[i][j] and before[j][i]:
            problems.append(f"the facts put {ids[i]!r} both before and after {ids[j]!r}")
            unordered = True
        elif not before[i][j] and not before[j][i]:
            problems.append(f"the facts do not order {ids[i]!r} and {ids[j]!r} (tie or unknown)")
            unordered = True
    orders = tuple(
        perm
        for perm in itertools.permutations(range(k))
        if not any(before[later_item][earlier] for earlier, later_item in _pairs_in(perm))
    )
    if len(orders) != 1 and not unordered:  # cannot happen when every pair is ordered; be sure
        problems.append(f"{len(orders)} orders are consistent with the facts")
    elif len(orders) == 1 and orders[0] != tuple(q.answer):
        problems.append(f"the order is {list(orders[0])}, but the answer says {list(q.answer)}")
    return orders


def _pairs_in(perm: tuple[int, ...]) -> Iterable[tuple[int, int]]:
    """(earlier, later) item pairs of an order."""
    return itertools.combinations(perm, 2)
