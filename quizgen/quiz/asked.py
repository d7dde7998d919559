"""The facts whose answer a quiz item asks for: a quote's speaker, a figure, events' order, ..."""

from __future__ import annotations

import dataclasses

from quizgen.factbase.model import Event, FactBase, Quote, ReportedClaim
from quizgen.quiz.fact_lookup import (
    figures_about,
    figures_amounting,
    figures_excerpted,
    figures_valued,
)
from quizgen.quiz.questions import (
    Amount,
    ClaimantOf,
    FigureGiven,
    FigureHolder,
    FigureStatement,
    FigureValue,
    GapFill,
    Matching,
    MultipleChoice,
    Ordering,
    ParagraphOf,
    PlaceOf,
    Question,
    SpeakerOf,
    TermFor,
    TermMeaning,
    assert_never,
)


def _fact_ids(value: object, base: FactBase) -> set[str]:
    """Fact ids named anywhere in a (nested) ask or claim dataclass."""
    found: set[str] = set()
    if isinstance(value, str):
        if value in base.by_id:
            found.add(value)
    elif isinstance(value, (tuple, list, frozenset, set)):
        for part in value:
            found |= _fact_ids(part, base)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            found |= _fact_ids(getattr(value, field.name), base)
    return found


def _figures_asked(question: MultipleChoice, base: FactBase) -> set[str]:
    """The figures a figure item asks: those its explanation quotes, and those of its measure
    whose value it asks (of its subject, from its sources) or whose holder it asks (its value).
    Looked up in the base's figure lookup, not by reading every figure."""
    ask = question.ask
    found = figures_excerpted(base, question.explanation)
    if isinstance(ask, (FigureValue, FigureGiven, FigureStatement)):  # a statement: its value
        sources = None if ask.given_by is None else set(ask.given_by)
        found.update(f.id for f in figures_about(base, ask.measure, ask.subject)
                     if sources is None or sources == set(f.given_by))
    elif isinstance(ask, FigureHolder):
        found.update(f.id for f in figures_valued(base, ask.measure, ask.amount.value))
    return found


def _gaps_asked(question: GapFill, base: FactBase) -> frozenset[str]:
    """What a gap-fill asks: the people, places and terms its gaps hide, and the figures of the
    passage whose number and unit a gap hides."""
    keys = [question.bank[i].claim for i in question.answer if 0 <= i < len(question.bank)]
    found = _fact_ids([k for k in keys if not isinstance(k, Amount)], base)
    passage = " ".join(" ".join(question.explanation).split())
    for key in keys:
        if isinstance(key, Amount):
            found.update(f.id for f in figures_amounting(base, key.value, key.unit)
                         if " ".join(f.excerpt.split()) in passage)
    return frozenset(found)


def asked(question: Question, base: FactBase) -> frozenset[str]:
    """The facts whose answer an item asks for (see _asked), remembered per item and base."""
    key = (question.id, question.factbase, id(base))
    entry = _ASKED.get(key)
    if entry is None or not same(entry, base, question):
        if len(_ASKED) > 100_000:
            _ASKED.clear()
        entry = _ASKED[key] = (base, question, _asked(question, base))
    return entry[2]


def same(entry: tuple[FactBase, Question, object], base: FactBase, question: Question) -> bool:
    """A remembered entry is for this base and this question: it holds both, so the id of a
    base that was freed is never taken for another, and a question of the same id but other
    wording is looked at anew."""
    return entry[0] is base and (entry[1] is question or entry[1] == question)


_ASKED: dict[tuple[str, str, int], tuple[FactBase, Question, frozenset[str]]] = {}


def forget() -> None:
    """Drop what `asked` remembers (the quiz is selected: its bases need not stay in memory)."""
    _ASKED.clear()


def _asked(question: Question, base: FactBase) -> frozenset[str]:
    """The facts whose answer an item asks for: a quote's speaker, a figure, events' order, ..."""
    match question:
        case Matching():
            return frozenset(_fact_ids([o.claim for o in question.left], base))
        case Ordering():
            return frozenset(_fact_ids([o.claim for o in question.items], base))
        case GapFill():
            return _gaps_asked(question, base)
        case MultipleChoice():
            pass
        case _:
            assert_never(question)
    if isinstance(question.ask, (FigureValue, FigureGiven, FigureHolder, FigureStatement)):
        return frozenset(_figures_asked(question, base))
    ask = question.ask
    if isinstance(ask, SpeakerOf):
        return frozenset({ask.quote})
    if isinstance(ask, PlaceOf):  # where an event happened or a quote was said: its place
        fact = base.by_id.get(ask.fact)
        place = fact.place if isinstance(fact, (Event, Quote)) else None
        return frozenset({place} if place is not None else _fact_ids(ask, base))
    if isinstance(ask, ClaimantOf):  # who claimed it: the claim, and the figures it carries
        claim = base.by_id.get(ask.claim)
        carried = figures_excerpted(base, question.explanation)
        if isinstance(claim, ReportedClaim) and claim.figure is not None:
            carried.add(claim.figure)
        return frozenset({ask.claim} | carried)
    if isinstance(ask, (TermMeaning, TermFor)):  # what a term means, or which term means it
        return frozenset({ask.term})
    if isinstance(ask, ParagraphOf):  # where the article says it: no fact's answer, only a
        return frozenset()  # place on the page, which no other item states
    # an ask this module does not know: the facts it names, but not the options' entities
    named = _fact_ids(question.ask, base)
    return frozenset(named - {e.id for e in base.entities} or named)
