"""True or false: a statement about who said a quote or where something happened, read as the
one-option question it makes and decided by the oracle's rules for that question."""

from __future__ import annotations

from dataclasses import replace

from quizgen.factbase.model import Entity, Event, FactBase, Place, Quote
from quizgen.oracle.asks import entity_truth, place_truth
from quizgen.oracle.figure_truth import Truth
from quizgen.quiz.questions import (
    TRUE_FALSE,
    EntityRef,
    MultipleChoice,
    Option,
    PlaceOf,
    PlaceRef,
    PlaceStatement,
    SaidStatement,
    SpeakerOf,
)


def _spaced(text: str) -> str:
    return " ".join(text.split()).casefold()


def statement_truth(q: MultipleChoice, base: FactBase, problems: list[str]) -> list[Truth]:
    """Truth of the options True and False: the statement must be certainly true or certainly
    false by the facts (an open one is refused), and must say what its ask says: the name of the
    speaker or place it states, and the quote's words or the event's description."""
    ask = q.ask
    assert isinstance(ask, SaidStatement | PlaceStatement)
    if q.options != TRUE_FALSE:
        problems.append(f"options {[o.text for o in q.options]}; a statement has True, False")
        return [False] * len(q.options)
    said = _statement(q, ask, base, problems)
    if said is None:
        return [None, None]
    return [said, not said]


def _statement(q: MultipleChoice, ask: SaidStatement | PlaceStatement, base: FactBase,
               problems: list[str]) -> Truth:
    if isinstance(ask, SaidStatement):
        fact, subject = base.by_id.get(ask.quote), base.by_id.get(ask.speaker)
        if not isinstance(fact, Quote) or not isinstance(subject, Entity):
            problems.append(f"ask: no quote {ask.quote!r} or no entity {ask.speaker!r}")
            return None
        words, name = fact.text, subject.name
        one = replace(q, ask=SpeakerOf(fact.id), prompt=fact.text, answer=0,
                      options=(Option(name, EntityRef(subject.id)),))
        truth = entity_truth(one, base, problems)
    else:
        fact, subject = base.by_id.get(ask.fact), base.by_id.get(ask.place)
        if not isinstance(fact, Event | Quote) or not isinstance(subject, Place):
            problems.append(f"ask: no event or quote {ask.fact!r} or no place {ask.place!r}")
            return None
        words = fact.description if isinstance(fact, Event) else fact.text
        name = subject.name
        one = replace(q, ask=PlaceOf(fact.id), prompt=words, answer=0,
                      options=(Option(name, PlaceRef(subject.id)),))
        truth = place_truth(one, base, problems)
    shown = _spaced(q.prompt)
    if _spaced(name) not in shown or _spaced(words).rstrip(".") not in shown:
        problems.append(f"the statement does not say {name!r} and the words of {fact.id!r}")
    return truth[0] if truth else None
