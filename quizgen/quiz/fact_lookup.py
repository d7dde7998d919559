"""Per-fact-base lookups of figures, quotes, claims and events by id or text, built once."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from quizgen.factbase.model import FactBase, Figure, Quote, ReportedClaim


@dataclass(frozen=True)
class FactLookup:
    """Where each fact of a base is: its positions by id, and the events by shown text."""

    figures: dict[str, list[int]]
    quotes: dict[str, list[int]]
    claims: dict[str, list[int]]
    events_by_text: dict[str, set[str]]  # an event's description or excerpt -> event ids


_LOOKUPS: dict[int, tuple[FactBase, FactLookup]] = {}


def lookup(base: FactBase) -> FactLookup:
    """The base's lookup, made on first use and kept while the base is one of the last 64."""
    known = _LOOKUPS.get(id(base))
    if known is not None and known[0] is base:
        return known[1]
    by_text: dict[str, set[str]] = {}
    for event in base.events:
        by_text.setdefault(event.description, set()).add(event.id)
        if event.excerpt:
            by_text.setdefault(event.excerpt, set()).add(event.id)
    found = FactLookup(
        figures=_positions(f.id for f in base.figures),
        quotes=_positions(q.id for q in base.quotes),
        claims=_positions(c.id for c in base.claims),
        events_by_text=by_text,
    )
    if len(_LOOKUPS) > 64:
        _LOOKUPS.clear()
    _LOOKUPS[id(base)] = (base, found)
    return found


def _positions(ids: Iterable[str]) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for i, fact_id in enumerate(ids):
        found.setdefault(fact_id, []).append(i)
    return found


def _in_order(where: dict[str, list[int]], ids: Iterable[str]) -> list[int]:
    return sorted({i for fact_id in ids for i in where.get(fact_id, ())})


def figures_of(base: FactBase, ids: Iterable[str]) -> list[Figure]:
    """The base's figures whose id is among `ids`, in the base's order."""
    return [base.figures[i] for i in _in_order(lookup(base).figures, ids)]


def quotes_of(base: FactBase, ids: Iterable[str]) -> list[Quote]:
    """The base's quotes whose id is among `ids`, in the base's order."""
    return [base.quotes[i] for i in _in_order(lookup(base).quotes, ids)]


def claims_of(base: FactBase, ids: Iterable[str]) -> list[ReportedClaim]:
    """The base's claims whose id is among `ids`, in the base's order."""
    return [base.claims[i] for i in _in_order(lookup(base).claims, ids)]


def events_showing(base: FactBase, texts: Iterable[str]) -> set[str]:
    """The ids of the events whose description or excerpt is one of `texts`."""
    by_text = lookup(base).events_by_text
    return {e for text in texts for e in by_text.get(text, ())}
