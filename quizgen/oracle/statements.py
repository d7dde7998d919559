"""True or false: a statement about who said a quote or a claim, where something happened, what
a figure was or which of two events came first, decided by the oracle's rules for that kind of
fact."""

from __future__ import annotations

import re
from dataclasses import replace

from quizgen.factbase.model import Entity, Event, FactBase, Place, Quote, ReportedClaim
from quizgen.oracle.asks import entity_truth, unfaithful
from quizgen.oracle.figure_truth import Truth, value_truth
from quizgen.oracle.places import place_truth
from quizgen.oracle.read import amount_text_problem, mentions, names_of
from quizgen.oracle.timeline import Timeline
from quizgen.quiz.questions import (
    TRUE_FALSE,
    ClaimantOf,
    ClaimStatement,
    EntityRef,
    FigureStatement,
    FigureValue,
    MultipleChoice,
    Option,
    OrderStatement,
    PlaceOf,
    PlaceRef,
    PlaceStatement,
    SaidStatement,
    SpeakerOf,
    Statement,
)


def _spaced(text: str) -> str:
    return " ".join(text.split()).casefold()


def statement_truth(q: MultipleChoice, base: FactBase, problems: list[str]) -> list[Truth]:
    """Truth of the options True and False: the statement must be certainly true or certainly
    false by the facts (an open one is refused), and must say what its ask says: the name of the
    speaker, claimant or place it states and the quote's or claim's words or the event's
    description; the figure's measure, subject, sources and the amount as a student reads it;
    both events, in the order the statement gives them."""
    ask = q.ask
    assert isinstance(ask, Statement)
    if q.options != TRUE_FALSE:
        problems.append(f"options {[o.text for o in q.options]}; a statement has True, False")
        return [False] * len(q.options)
    if isinstance(ask, FigureStatement):
        said = _figure(q, ask, base, problems)
    elif isinstance(ask, OrderStatement):
        said = _order(q, ask, base, problems)
    else:
        said = _statement(q, ask, base, problems)
    if said is None:
        return [None, None]
    return [said, not said]


def _statement(q: MultipleChoice, ask: SaidStatement | ClaimStatement | PlaceStatement,
               base: FactBase, problems: list[str]) -> Truth:
    if isinstance(ask, ClaimStatement):
        claim, subject = base.by_id.get(ask.claim), base.by_id.get(ask.claimant)
        if not isinstance(claim, ReportedClaim) or not isinstance(subject, Entity):
            problems.append(f"ask: no claim {ask.claim!r} or no entity {ask.claimant!r}")
            return None
        what, words, name = claim.id, claim.text, subject.name
        one = replace(q, ask=ClaimantOf(claim.id), prompt=f"Who said that {words}?", answer=0,
                      options=(Option(name, EntityRef(subject.id)),))
        truth = entity_truth(one, base, problems)
    elif isinstance(ask, SaidStatement):
        fact, subject = base.by_id.get(ask.quote), base.by_id.get(ask.speaker)
        if not isinstance(fact, Quote) or not isinstance(subject, Entity):
            problems.append(f"ask: no quote {ask.quote!r} or no entity {ask.speaker!r}")
            return None
        what, words, name = fact.id, fact.text, subject.name
        one = replace(q, ask=SpeakerOf(fact.id), prompt=fact.text, answer=0,
                      options=(Option(name, EntityRef(subject.id)),))
        truth = entity_truth(one, base, problems)
    else:
        fact, subject = base.by_id.get(ask.fact), base.by_id.get(ask.place)
        if not isinstance(fact, Event | Quote) or not isinstance(subject, Place):
            problems.append(f"ask: no event or quote {ask.fact!r} or no place {ask.place!r}")
            return None
        words = fact.description if isinstance(fact, Event) else fact.text
        what, name = fact.id, subject.name
        one = replace(q, ask=PlaceOf(fact.id), prompt=words, answer=0,
                      options=(Option(name, PlaceRef(subject.id)),))
        truth = place_truth(one, base, problems)
    shown = _spaced(q.prompt)
    if _spaced(name) not in shown or _spaced(words).rstrip(".") not in shown:
        problems.append(f"the statement does not say {name!r} and the words of {what!r}")
    return truth[0] if truth else None


_VERB = re.compile(r" (?:was|were|is|are) ")
_SCALES = frozenset({"hundred", "thousand", "million", "billion", "trillion"})
_ARTICLE = re.compile(r"^(?:the|a|an) ", re.IGNORECASE)


def _figure(q: MultipleChoice, ask: FigureStatement, base: FactBase,
            problems: list[str]) -> Truth:
    """True when the figures asked about make the amount true, false when they rule it out
    (its qualifier read as a student reads it: "over 800" is true of "over 1,000", "over 1,200"
    is open and refused); the statement shows the measure, the subject, the sources, and ends
    with the amount ("… was 41 light-years"; a count may leave out the words of its unit that
    the measure shows, "the number of users was 30 million", and a one-word unit, "the number
    of deaths was 97", but never a scale)."""
    value = FigureValue(ask.measure, ask.subject, ask.given_by)
    shown = _spaced(q.prompt).rstrip(".")
    cut = list(_VERB.finditer(shown))
    head, tail = (shown[:cut[-1].start()], shown[cut[-1].end():]) if cut else (shown, "")
    measure = _ARTICLE.sub("", " ".join(ask.measure.split()))
    if measure.casefold() == "age" and tail.endswith(" old"):  # "Tomasz Orel was 61 years old"
        tail, head = tail.removesuffix(" old"), f"{head} age"
    units = ask.amount.unit.split()
    readings = [ask.amount,  # the unit less the words the measure shows: "arrests was 25",
                replace(ask.amount, unit=" ".join(  # "the death toll was 11" (deaths)
                    w for w in units if not mentions(head, (w, w[:-1] if w.endswith("s") else w))
                ))]
    if "number of " in head.casefold() and len(units) == 1 and (
            units[0].casefold() not in _SCALES):  # "the number of deaths was 97" (people)
        readings.append(replace(ask.amount, unit=""))
    if all(amount_text_problem(tail, reading) is not None for reading in readings):
        problems.append(f"the statement does not end with the amount {ask.amount!r}: {tail!r}")
    if not all(mentions(head, (word,)) for word in measure.split()):  # "Maduro's share of …"
        problems.append(f"the statement does not name the measure {ask.measure!r}")
    named = [ask.subject] if ask.subject is not None else []
    for entity_id in [*named, *(ask.given_by or ())]:
        entity = base.by_id.get(entity_id)
        if not isinstance(entity, Entity):
            problems.append(f"ask: no entity {entity_id!r}")
            return None
        if not mentions(head, names_of(entity)):
            problems.append(f"the statement does not name {entity.name!r}")
    if ask.subject is not None and unfaithful(value, ask.subject, q.explanation, base):
        problems.append(f"the excerpt shows a source speaking, but does not name {ask.subject!r}")
    return value_truth(value, ask.amount, base)


def _order(q: MultipleChoice, ask: OrderStatement, base: FactBase,
           problems: list[str]) -> Truth:
    """True when the facts (dates at their precision, before and after, chained) put `first`
    before `then`, false when they put it after; a pair they leave open, or order both ways, is
    refused. The statement shows both descriptions, `first`'s before `then`'s."""
    first, then = base.by_id.get(ask.first), base.by_id.get(ask.then)
    if not isinstance(first, Event) or not isinstance(then, Event) or first is then:
        problems.append(f"ask: {ask.first!r} and {ask.then!r} are not two events")
        return None
    shown = _spaced(q.prompt).casefold()
    at = [shown.find(_spaced(e.description).rstrip(".").casefold()) for e in (first, then)]
    if min(at) < 0 or at[0] >= at[1]:
        problems.append(f"the statement does not tell {first.id!r} and then {then.id!r}")
    timeline = Timeline(base.events)
    after, before = then.id in timeline.later_than(first.id), first.id in timeline.later_than(
        then.id)
    if after and before:
        problems.append(f"the facts put {first.id!r} both before and after {then.id!r}")
        return None
    if not after and not before:
        problems.append(f"the facts do not order {first.id!r} and {then.id!r}")
        return None
    return after
