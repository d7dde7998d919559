"""The referee: decides from the fact base alone which options of a question are correct."""

from __future__ import annotations

import itertools
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeAlias

from quizgen.model import Entity, Event, FactBase, Quote
from quizgen.oracle.figure_truth import (
    Truth,
    holder_truth,
    value_truth,
    was_given,
)
from quizgen.questions import (  # the shape limits, once
    MATCH_SIZES,
    MIN_OPTIONS,
    ORDER_SIZES,
    Amount,
    Chronology,
    EntityRef,
    EventRef,
    FigureGiven,
    FigureHolder,
    FigureValue,
    Matching,
    MatchSpeakers,
    MultipleChoice,
    Option,
    Ordering,
    Question,
    QuoteRef,
    SpeakerOf,
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
    # ordering: the orders consistent with what the fact base knows (a unique one when total)
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
            correct = _matching(question, base, problems)
        case Ordering():
            correct = _ordering(question, base, problems)
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


def speakers_of(base: FactBase, quote_id: str) -> frozenset[str]:
    """Everyone who said the text of quote `quote_id`, counting every quote with the same text
    and, through `speaks_for`, the body a speaker speaks for and those who speak for him."""
    quote = base.by_id.get(quote_id)
    if not isinstance(quote, Quote):
        return frozenset()
    text = normalise(quote.text)
    said = {s for q in base.quotes if normalise(q.text) == text for s in q.speakers}
    return frozenset(e for s in said for e in base.speaker_equivalents(s))


class Timeline:
    """What a fact base knows of time: dates at their precision plus before/after, closed."""

    def __init__(self, events: Iterable[Event]) -> None:
        self._events = {e.id: e for e in events}
        self._next: dict[str, list[str]] = defaultdict(list)
        for event in self._events.values():
            self._next[event.id].extend(b for b in event.before if b in self._events)
            for earlier in event.after:
                if earlier in self._events:
                    self._next[earlier].append(event.id)
        dated = sorted((e.date.bounds()[0], e.id) for e in self._events.values() if e.date)
        self._firsts = [first for first, _ in dated]
        self._dated_ids = [event_id for _, event_id in dated]

    def later_than(self, start: str) -> frozenset[str]:
        """Every event certainly after `start`, through relations and dates, transitively."""
        seen: set[str] = set()
        stack = [start]
        frontier = len(self._dated_ids)  # dated events from here on are already seen
        while stack:
            current = stack.pop()
            following = list(self._next.get(current, ()))
            event = self._events.get(current)
            if event is not None and event.date is not None:
                cut = bisect_right(self._firsts, event.date.bounds()[1])
                while frontier > cut:  # everything starting after this event's last day
                    frontier -= 1
                    following.append(self._dated_ids[frontier])
            for other in following:
                if other not in seen:
                    seen.add(other)
                    stack.append(other)
        return frozenset(seen)


# ---- checks shared by all kinds ----------------------------------------------------------------


def _entity(base: FactBase, entity_id: str, where: str, problems: list[str]) -> Entity | None:
    fact = base.by_id.get(entity_id)
    if not isinstance(fact, Entity):
        problems.append(f"{where}: no entity {entity_id!r} in the fact base")
        return None
    return fact


def _named_entity(option: Option, where: str, base: FactBase, problems: list[str]) -> str | None:
    """The entity id an option claims, if it exists and the text shows its name or an alias."""
    if not isinstance(option.claim, EntityRef):
        problems.append(f"{where}: claim is {type(option.claim).__name__}, expected EntityRef")
        return None
    entity = _entity(base, option.claim.entity, where, problems)
    if entity is None:
        return None
    text = option.text.casefold()
    if not any(name.casefold() in text for name in (entity.name, *entity.aliases) if name):
        problems.append(f"{where}: text {option.text!r} does not name {entity.id!r}")
    return entity.id


def _distinct(options: Sequence[Option], what: str, problems: list[str]) -> None:
    texts = [normalise(o.text).casefold() for o in options]
    if len(set(texts)) != len(texts):
        problems.append(f"{what}: two show the same text")
    if len(set(options_claims := [o.claim for o in options])) != len(options_claims):
        problems.append(f"{what}: two make the same claim")


def _amount(option: Option, where: str, problems: list[str]) -> Amount | None:
    claim = option.claim
    if not isinstance(claim, Amount):
        problems.append(f"{where}: claim is {type(claim).__name__}, expected Amount")
        return None
    return _fits(claim, where, problems)


def _fits(claim: Amount, where: str, problems: list[str]) -> Amount | None:
    """The amount, if its value is a finite number written within its decimals."""
    try:
        fits = claim.decimals >= 0 and claim.value == round(claim.value, claim.decimals)
    except ArithmeticError:  # NaN, infinity, or too many digits to round
        fits = False
    if not fits:
        problems.append(f"{where}: value {claim.value} does not fit {claim.decimals} decimals")
        return None
    return claim


# ---- multiple choice -------------------------------------------------------------------------


def _multiple_choice(q: MultipleChoice, base: FactBase, problems: list[str]) -> tuple[int, ...]:
    count = len(q.options)
    if count < MIN_OPTIONS:
        problems.append(f"{count} options; a multiple choice needs at least {MIN_OPTIONS}")
    if not 0 <= q.answer < count:
        problems.append(f"answer index {q.answer} is out of range for {count} options")
    _distinct(q.options, "options", problems)
    ask = q.ask
    truth: list[Truth] = []
    if isinstance(ask, SpeakerOf):
        if not isinstance(base.by_id.get(ask.quote), Quote):
            problems.append(f"ask: no quote {ask.quote!r} in the fact base")
        speakers = speakers_of(base, ask.quote)
        for i, option in enumerate(q.options):
            entity_id = _named_entity(option, f"options[{i}]", base, problems)
            truth.append(entity_id is not None and entity_id in speakers)
    elif isinstance(ask, FigureHolder):
        _figure_refs(None, ask.given_by, base, problems)
        _fits(ask.amount, "ask.amount", problems)
        for i, option in enumerate(q.options):
            entity_id = _named_entity(option, f"options[{i}]", base, problems)
            truth.append(False if entity_id is None else holder_truth(ask, entity_id, base))
    elif isinstance(ask, FigureValue | FigureGiven):
        _figure_refs(ask.subject, ask.given_by, base, problems)
        amounts = [_amount(o, f"options[{i}]", problems) for i, o in enumerate(q.options)]
        if isinstance(ask, FigureValue):
            truth = [a is not None and value_truth(ask, a, base) for a in amounts]
        else:
            truth = [a is not None and was_given(ask, a, base) for a in amounts]
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
    if any(low >= high for low, high in itertools.pairwise(values)):
        problems.append(f"numeric options are not strictly ascending: {[str(v) for v in values]}")


# ---- matching ----------------------------------------------------------------------------------


def _matching(q: Matching, base: FactBase, problems: list[str]) -> tuple[Pairing, ...]:
    if not isinstance(q.ask, MatchSpeakers):
        problems.append(f"ask {type(q.ask).__name__} does not fit a matching")
        return ()
    k = len(q.left)
    if len(q.right) != k:
        problems.append(f"{k} quotes but {len(q.right)} speakers")
    if k not in MATCH_SIZES:
        problems.append(f"{k} quotes; a matching has {MATCH_SIZES.start} to {MATCH_SIZES.stop - 1}")
    _distinct(q.left, "left items", problems)
    _distinct(q.right, "right items", problems)
    said: list[frozenset[str]] = []
    texts: set[str] = set()
    for i, option in enumerate(q.left):
        quote = base.by_id.get(option.claim.quote) if isinstance(option.claim, QuoteRef) else None
        if not isinstance(quote, Quote):
            problems.append(f"left[{i}]: not a quote of the fact base: {option.claim!r}")
            said.append(frozenset())
        else:
            said.append(speakers_of(base, quote.id))
            texts.add(normalise(quote.text))
    if len(texts) != len(said):
        problems.append("left items: two quotes have the same text, or one is not a quote")
    who = [_named_entity(o, f"right[{i}]", base, problems) for i, o in enumerate(q.right)]
    expected = tuple((i, j) for i, j in enumerate(_permutation_of(q.answer, k)))
    if tuple(q.answer) != expected or len(expected) != k:
        problems.append(f"answer {q.answer!r} is not one right item per left item, by left index")
    if len(q.right) != k or k > MAX_ENUMERATED:
        return ()
    consistent = tuple(
        tuple(enumerate(perm))
        for perm in itertools.permutations(range(k))
        if all(who[j] is not None and who[j] in said[i] for i, j in enumerate(perm))
    )
    if not consistent:
        problems.append("no pairing is consistent with the facts")
    elif len(consistent) > 1:
        problems.append(f"{len(consistent)} pairings are consistent with the facts")
    elif consistent[0] != tuple(q.answer):
        problems.append(
            f"the consistent pairing is {consistent[0]}, but the answer says {q.answer}"
        )
    return consistent


def _permutation_of(answer: Sequence[tuple[int, int]], k: int) -> tuple[int, ...]:
    """The right indices of a well-formed answer, or () when it is not one."""
    try:
        pairs = [(int(i), int(j)) for i, j in answer]
    except (TypeError, ValueError):
        return ()
    rights = [j for _, j in sorted(pairs)]
    if [i for i, _ in sorted(pairs)] != list(range(k)) or sorted(rights) != list(range(k)):
        return ()
    return tuple(rights)


# ---- ordering ----------------------------------------------------------------------------------


def _ordering(q: Ordering, base: FactBase, problems: list[str]) -> tuple[tuple[int, ...], ...]:
    if not isinstance(q.ask, Chronology):
        problems.append(f"ask {type(q.ask).__name__} does not fit an ordering")
        return ()
    k = len(q.items)
    if k not in ORDER_SIZES:
        problems.append(f"{k} items; an ordering has {ORDER_SIZES.start} to {ORDER_SIZES.stop - 1}")
    _distinct(q.items, "items", problems)
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
