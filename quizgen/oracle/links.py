"""The oracle's reading of links between facts: the same thing under two names (same_as), places
inside places (within), claims that agree (agrees_with). Written independently of the generators."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from quizgen.factbase.inside import written_within
from quizgen.factbase.model import FactBase, Quote, ReportedClaim


def _closure(edges: Mapping[str, Iterable[str]], start: Iterable[str]) -> frozenset[str]:
    """Every id reachable from `start` along `edges` (the start included)."""
    seen = set(start)
    stack = list(seen)
    while stack:
        for nxt in edges.get(stack.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return frozenset(seen)


def _both_ways(pairs: Iterable[tuple[str, Iterable[str]]]) -> dict[str, set[str]]:
    edges: dict[str, set[str]] = defaultdict(set)
    for one, others in pairs:
        for other in others:
            edges[one].add(other)
            edges[other].add(one)
    return edges


def same_entities(base: FactBase, ids: Iterable[str]) -> frozenset[str]:
    """The entities and every entry that is one of them under another name (same_as, both
    ways, followed on)."""
    return _closure(_both_ways((e.id, e.same_as) for e in base.entities), ids)


def same_places(base: FactBase, ids: Iterable[str]) -> frozenset[str]:
    """The places and every place that is one of them under another name."""
    return _closure(_both_ways((p.id, p.same_as) for p in base.places), ids)


def same_terms(base: FactBase, ids: Iterable[str]) -> frozenset[str]:
    """The terms and every term naming the same thing."""
    return _closure(_both_ways((t.id, t.same_as) for t in base.terms), ids)


def containers(base: FactBase, place_id: str) -> frozenset[str]:
    """Every place this one lies in, followed on up (a town, its province, the island), with
    their other names; the place itself and its other names are not included."""
    up: dict[str, set[str]] = defaultdict(set)
    written = written_within(base)  # the article's address ("Dubuque, Iowa") says it too
    for place in base.places:
        for other in same_places(base, [place.id]):
            up[other].update(place.within)
            up[other].update(written.get(place.id, ()))
    itself = same_places(base, [place_id])
    found = _closure(up, itself) - itself
    return same_places(base, found) - itself


def nested(base: FactBase, one: str, other: str) -> bool:
    """Whether either place lies in the other, or both are one place under two names."""
    return (
        other in same_places(base, [one])
        or other in containers(base, one)
        or one in containers(base, other)
    )


def agreeing_voices(base: FactBase, claim: ReportedClaim) -> frozenset[str]:
    """Everyone who said as much as the claim: the claimants of the claims and the speakers of
    the quotes it agrees with (both ways, followed on), its own claimants included."""
    return voices_of(base, [claim.id])


def voices_of(base: FactBase, start: Iterable[str]) -> frozenset[str]:
    """Everyone who said as much as the statements `start` (claims or quotes): their claimants
    and speakers and those of every claim or quote joined to them by agrees_with (both ways,
    followed on)."""
    statements = _closure(_both_ways((c.id, c.agrees_with) for c in base.claims), start)
    voices: set[str] = set()
    for statement in statements:
        fact = base.by_id.get(statement)
        if isinstance(fact, ReportedClaim):
            voices.update(fact.claimants)
        elif isinstance(fact, Quote):
            voices.update(fact.speakers)
    return frozenset(voices)
