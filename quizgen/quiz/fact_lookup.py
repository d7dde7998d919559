"""Per-fact-base lookups of figures, quotes, claims and events by id or text, built once."""

from collections.abc import Iterable
from decimal import Decimal
from typing import NamedTuple

from quizgen.factbase.model import FactBase, Figure, Quote, ReportedClaim


class FactLookup(NamedTuple):
    """Where each fact of a base is: its positions by id, and the events by shown text."""

    figures: dict[str, list[int]]
    quotes: dict[str, list[int]]
    claims: dict[str, list[int]]
    events_by_text: dict[str, set[str]]  # an event's description or excerpt -> event ids
    figures_by_excerpt: dict[str, list[Figure]]  # a figure's excerpt (not empty) -> its figures
    figures_by_measure: dict[str, list[Figure]]  # a measure (as written) -> its figures
    figures_by_subject: dict[tuple[str, str | None], list[Figure]]  # (measure, subject)
    figures_by_value: dict[tuple[str, Decimal], list[Figure]]  # (measure, value), NaN left out
    figures_by_amount: dict[tuple[Decimal, str], list[Figure]]  # (value, unit), NaN left out


def lookup(base: FactBase) -> FactLookup:
    """The base's lookup, made on first use and kept with the base."""
    return base.index(_make_lookup)


def _make_lookup(base: FactBase) -> FactLookup:
    by_text: dict[str, set[str]] = {}
    for event in base.events:
        by_text.setdefault(event.description, set()).add(event.id)
        if event.excerpt:
            by_text.setdefault(event.excerpt, set()).add(event.id)
    by_excerpt: dict[str, list[Figure]] = {}
    by_measure: dict[str, list[Figure]] = {}
    by_subject: dict[tuple[str, str | None], list[Figure]] = {}
    by_value: dict[tuple[str, Decimal], list[Figure]] = {}
    by_amount: dict[tuple[Decimal, str], list[Figure]] = {}
    for figure in base.figures:
        if figure.excerpt:
            by_excerpt.setdefault(figure.excerpt, []).append(figure)
        by_measure.setdefault(figure.measure, []).append(figure)
        by_subject.setdefault((figure.measure, figure.subject), []).append(figure)
        if not figure.value.is_nan():  # NaN equals nothing, so no value finds it
            by_value.setdefault((figure.measure, figure.value), []).append(figure)
            by_amount.setdefault((figure.value, figure.unit), []).append(figure)
    return FactLookup(
        figures=_positions(f.id for f in base.figures),
        quotes=_positions(q.id for q in base.quotes),
        claims=_positions(c.id for c in base.claims),
        events_by_text=by_text,
        figures_by_excerpt=by_excerpt,
        figures_by_measure=by_measure,
        figures_by_subject=by_subject,
        figures_by_value=by_value,
        figures_by_amount=by_amount,
    )


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


def figures_excerpted(base: FactBase, texts: Iterable[str]) -> set[str]:
    """The ids of the figures whose excerpt is one of `texts` (a figure without one: none)."""
    by_excerpt = lookup(base).figures_by_excerpt
    return {f.id for text in texts for f in by_excerpt.get(text, ())}


def figures_measuring(base: FactBase, measure: str) -> list[Figure]:
    """The base's figures of this measure (as written), in the base's order."""
    return lookup(base).figures_by_measure.get(measure, [])


def figures_about(base: FactBase, measure: str, subject: str | None) -> list[Figure]:
    """The base's figures of this measure (as written) about this subject, in the base's order."""
    return lookup(base).figures_by_subject.get((measure, subject), [])


def figures_valued(base: FactBase, measure: str, value: Decimal) -> list[Figure]:
    """The base's figures of this measure (as written) whose value equals `value`."""
    if value.is_nan():
        return []
    return lookup(base).figures_by_value.get((measure, value), [])


def figures_amounting(base: FactBase, value: Decimal, unit: str) -> list[Figure]:
    """The base's figures whose value equals `value` in this unit, in the base's order."""
    if value.is_nan():
        return []
    return lookup(base).figures_by_amount.get((value, unit), [])
