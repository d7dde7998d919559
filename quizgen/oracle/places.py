"""The oracle's rule for 'Where …?': the place an event or quote names, or one it lies within."""

from __future__ import annotations

import itertools

from quizgen.factbase.model import Event, FactBase, Place, Quote
from quizgen.oracle.figure_truth import Truth
from quizgen.oracle.links import containers, nested, same_places
from quizgen.oracle.read import collapse, mentions
from quizgen.quiz.questions import MultipleChoice, PlaceOf, PlaceRef


def place_truth(q: MultipleChoice, base: FactBase, problems: list[str]) -> list[Truth]:
    """Truth of each option of 'Where …?': the place the event or quote names, by id or name."""
    ask = q.ask
    assert isinstance(ask, PlaceOf)
    fact = base.by_id.get(ask.fact)
    if not isinstance(fact, Event | Quote) or fact.place is None:
        problems.append(f"ask: {ask.fact!r} is no event or quote with a place")
        return [False for _ in q.options]
    where = base.by_id.get(fact.place)
    if not isinstance(where, Place):
        problems.append(f"ask: {fact.id!r} names no place of the fact base")
        return [False for _ in q.options]
    names = {collapse(n).casefold() for n in (where.name, *where.aliases) if n.strip()}
    if not any(mentions(t, names) for t in q.explanation):
        problems.append(f"the excerpt shown does not name the place {where.id!r}")
    if mentions(q.prompt, names):
        problems.append(f"the prompt names the answer, {where.id!r}")
    right = same_places(base, [where.id]) | containers(base, where.id)  # in Pidie Jaya: in Aceh
    truth: list[Truth] = []
    offered: list[tuple[int, str]] = []
    for i, option in enumerate(q.options):
        claim = option.claim
        place = base.by_id.get(claim.place) if isinstance(claim, PlaceRef) else None
        if not isinstance(place, Place):
            problems.append(f"options[{i}]: claim {claim!r} is not a place of the fact base")
            truth.append(False)
            continue
        shown = collapse(option.text).casefold()
        if shown not in {collapse(n).casefold() for n in (place.name, *place.aliases)}:
            problems.append(f"options[{i}]: text {option.text!r} does not name {place.id!r}")
        inside = where.id in containers(base, place.id)  # somewhere in the answer: not known
        truth.append(True if place.id in right or shown in names else None if inside else False)
        offered.append((i, place.id))
    for (i, one), (j, other) in itertools.combinations(offered, 2):
        if nested(base, one, other):
            problems.append(
                f"options[{i}] and options[{j}]: {one!r} and {other!r} lie one within the other"
            )
    return truth
