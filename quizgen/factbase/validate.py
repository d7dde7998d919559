"""Semantic checks of a fact base: ids, references, key phrases, units, and the order of events."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal

from quizgen.errors import Problem
from quizgen.factbase.event_order import cycles, date_conflicts
from quizgen.factbase.model import (
    Entity,
    Event,
    Fact,
    FactBase,
    Figure,
    Place,
    Quote,
    ReportedClaim,
    Term,
)
from quizgen.factbase.schema import (
    EARLIEST_YEAR,
    PERCENT_UNIT,
    RANGE_QUALIFIERS,
    SECTIONS,
    SLUG_PATTERN,
    YEAR_UNIT,
)

Locations = Mapping[str, tuple[int, int]]

_SLUG = re.compile(SLUG_PATTERN)
_SECTION_OF: dict[type, str] = {
    Entity: "people", Quote: "quotes", Figure: "figures", Event: "events", Place: "places",
    Term: "terms", ReportedClaim: "claims"}
_KIND_NAME: dict[type, str] = {
    Entity: "a person or organisation", Quote: "a quote", Figure: "a figure", Event: "an event",
    Place: "a place", Term: "a term", ReportedClaim: "a claim"}
_WHAT = {"people": "people", "events": "event", "places": "place", "figures": "figure",
         "terms": "term", "statements": "claim or quote"}
_MAX_LISTED = 20


class _Checker:
    """Collects problems, locating each at its field when the loader recorded where it was."""

    def __init__(self, base: FactBase, locations: Locations | None) -> None:
        self.base = base
        self.locations: Locations = locations or {}
        self.problems: list[Problem] = []
        self.index: dict[int, int] = {}
        for facts in _sections(base):
            for position, fact in enumerate(facts):
                self.index[id(fact)] = position

    def path(self, fact: Fact, field: str | None = None) -> str:
        where = f"{_SECTION_OF[type(fact)]}[{self.index[id(fact)]}]"
        return f"{where}.{field}" if field else where

    def report(self, fact: Fact, field: str | None, message: str, *, found: str | None = None,
               expected: str | None = None) -> None:
        path = self.path(fact, field)
        spot = self.locations.get(path) or self.locations.get(self.path(fact))
        span = fact.span
        line, column = spot if spot else (span.line, span.column) if span else (None, None)
        self.problems.append(Problem(
            message, file=span.file if span else self.base.path, line=line, column=column,
            field=path, found=found, expected=expected,
        ))


def _sections(base: FactBase) -> tuple[Sequence[Fact], ...]:
    return (base.entities, base.quotes, base.figures, base.events, base.places, base.terms,
            base.claims)


def validate_factbase(base: FactBase, *, locations: Locations | None = None) -> list[Problem]:
    """Every semantic problem of a fact base; `locations` maps field paths to (line, column)."""
    check = _Checker(base, locations)
    facts: list[Fact] = [fact for section in _sections(base) for fact in section]
    _check_texts_and_slugs(check, facts)
    _check_duplicate_ids(check, facts)
    _check_references(check, base)
    _check_speaks_for(check, base.entities)
    _check_quotes(check, base.quotes)
    _check_figures(check, base.figures)
    _check_claims(check, base)
    _check_names_once(check, base)
    _check_events(check, base.events)
    _check_about(check, base)
    _check_unsaid(check, base.quotes)
    _check_links(check, base)
    return check.problems


_LINKS = (("people", "same_as"), ("places", "same_as"), ("places", "within"),
          ("terms", "same_as"), ("claims", "agrees_with"))


def _check_links(check: _Checker, base: FactBase) -> None:
    """same_as, within and agrees_with never name the fact itself, and within never goes
    round in a circle (a town in a province in the town)."""
    sections: dict[str, Sequence[Fact]] = {
        "people": base.entities, "places": base.places, "terms": base.terms,
        "claims": base.claims}
    for section, field in _LINKS:
        for fact in sections[section]:
            for position, other in enumerate(getattr(fact, field)):
                if other == fact.id:
                    check.report(fact, f"{field}[{position}]", f"{field} names the fact itself",
                                 found=repr(other), expected=f"the id of another {section[:-1]}"
                                 if section != "people" else "the id of another person")
    ids = {place.id: place for place in reversed(base.places)}
    edges = {place.id: [w for w in place.within if w in ids and w != place.id]
             for place in base.places}
    for cycle in cycles(edges):
        position = next(i for i, w in enumerate(ids[cycle[0]].within) if w in cycle)
        check.report(ids[cycle[0]], f"within[{position}]", "places lie within each other in a"
                     " circle", found=" → ".join([*cycle, cycle[0]]),
                     expected="each place within larger ones only (a town in its province)")


def _check_unsaid(check: _Checker, quotes: Sequence[Quote]) -> None:
    """Quoted words nobody says (no speakers) are never asked about: distinctive: false."""
    for quote in quotes:
        if not quote.speakers and quote.distinctive:
            check.report(quote, "speakers", "gives nobody as the speaker of words that would be"
                         " asked about", found="[]", expected="a speaker's id, or"
                         " distinctive: false for words nobody says in the article")


def _check_about(check: _Checker, base: FactBase) -> None:
    """Whom words are about is not among those who said them (they would never be offered)."""
    said: list[tuple[Quote | ReportedClaim, tuple[str, ...]]] = [
        (q, q.speakers) for q in base.quotes]
    said += [(c, c.claimants) for c in base.claims]
    for fact, speakers in said:
        same = {e for s in speakers for e in base.speaker_equivalents(s)} | set(speakers)
        for position, entity_id in enumerate(fact.about):
            if entity_id in same:
                check.report(fact, f"about[{position}]", "says the words are about one who said"
                             " them (or speaks for them, or is spoken for)", found=entity_id,
                             expected="people the words are aimed at, other than their speakers")


def _check_texts_and_slugs(check: _Checker, facts: Sequence[Fact]) -> None:
    for fact in facts:
        for name, spec in SECTIONS[_SECTION_OF[type(fact)]].items():
            value = getattr(fact, name)
            if spec.kind == "text" and spec.required and not str(value).strip():
                check.report(fact, name, "empty text", found="nothing",
                             expected=spec.description)
            elif spec.kind in ("slug", "tags"):
                values = value if isinstance(value, tuple) else (value,)
                for position, item in enumerate(values):
                    if item is None or _SLUG.fullmatch(item):
                        continue
                    field = f"{name}[{position}]" if isinstance(value, tuple) else name
                    check.report(fact, field, "not a valid " + ("tag" if name == "tags" else
                                 "id"), found=repr(item),
                                 expected="lower-case letters, digits and hyphens, e.g. "
                                 + ("human-rights" if name == "tags" else "maduro-quote-1"))


def _check_duplicate_ids(check: _Checker, facts: Sequence[Fact]) -> None:
    first: dict[str, Fact] = {}
    for fact in facts:
        if fact.id in first:
            other = first[fact.id]
            at = f" at line {other.span.line}" if other.span else ""
            check.report(fact, "id", "duplicate id", found=repr(fact.id),
                         expected=f"an id not used elsewhere; {check.path(other)}{at} has it")
        else:
            first[fact.id] = fact


def _known(wanted: str, ids: Sequence[str], what: str, *, suggest: bool) -> str:
    """The known ids to offer for a dangling reference: all of them when few, close ones else."""
    if not ids:
        return f"a {what} id, but the file defines none"
    if len(ids) <= _MAX_LISTED:
        return f"one of the {what} ids: " + ", ".join(ids)
    close = difflib.get_close_matches(wanted, list(ids), n=5) if suggest else []
    listed = ", ".join(close) if close else ", ".join(ids[:_MAX_LISTED]) + ", ..."
    return f"one of the {len(ids)} {what} ids, such as: {listed}"


def _check_references(check: _Checker, base: FactBase) -> None:
    targets = {"people": [e.id for e in base.entities], "events": [e.id for e in base.events],
               "places": [p.id for p in base.places], "figures": [f.id for f in base.figures],
               "terms": [t.id for t in base.terms],
               "statements": [c.id for c in base.claims] + [q.id for q in base.quotes]}
    known = {what: set(ids) for what, ids in targets.items()}
    dangling = 0
    referring: list[Fact] = [*base.entities, *base.quotes, *base.figures, *base.events,
                             *base.places, *base.terms, *base.claims]
    for fact in referring:
        for name, spec in SECTIONS[_SECTION_OF[type(fact)]].items():
            if spec.refers_to is None:
                continue
            value = getattr(fact, name)
            refs: tuple[str, ...] = value if isinstance(value, tuple) else (
                () if value is None else (value,))
            if len(refs) < spec.min_items:
                check.report(fact, name, "needs at least one id", found="an empty list",
                             expected=f"{spec.description}")
            seen: set[str] = set()
            for position, ref in enumerate(refs):
                field = f"{name}[{position}]" if isinstance(value, tuple) else name
                if ref in seen:
                    check.report(fact, field, "the same id is listed twice", found=repr(ref),
                                 expected="each id once")
                seen.add(ref)
                if ref in known[spec.refers_to]:
                    continue
                other = base.by_id.get(ref)
                found = repr(ref) + (f", which is {_KIND_NAME[type(other)]}" if other else "")
                what = _WHAT[spec.refers_to]
                dangling += 1  # close matches cost a scan of all ids: offer them a few times
                check.report(fact, field, "reference to an unknown id", found=found,
                             expected=_known(ref, targets[spec.refers_to], what,
                                             suggest=dangling <= _MAX_LISTED))


def _check_speaks_for(check: _Checker, entities: Sequence[Entity]) -> None:
    """No one speaks for himself, and `speaks_for` links never go round in a circle."""
    up = {entity.id: entity.speaks_for for entity in reversed(entities)}
    reported: set[str] = set()
    for entity in entities:
        if entity.speaks_for is None:
            continue
        if entity.speaks_for == entity.id:
            check.report(entity, "speaks_for", "an entity cannot speak for itself",
                         found=repr(entity.id), expected="the id of the body it speaks for")
            continue
        chain = [entity.id]
        while (nxt := up.get(chain[-1])) is not None and nxt not in chain:
            chain.append(nxt)
        if nxt == entity.id and entity.id not in reported:
            reported.update(chain)
            check.report(entity, "speaks_for", "speaks_for links go round in a circle",
                         found=" → ".join([*chain, entity.id]),
                         expected="a spokesman speaking for a body that speaks for no one"
                         " in the circle")


def _check_quotes(check: _Checker, quotes: Sequence[Quote]) -> None:
    for quote in quotes:
        phrase = quote.key_phrase
        if phrase is not None and (not phrase.strip() or phrase not in quote.text):
            check.report(quote, "key_phrase", "key phrase is not part of the quote's text",
                         found=repr(phrase), expected="words copied exactly from text:")


QUESTION_WORDS = frozenset({"how", "what", "when", "where", "which", "who", "whom", "why",
                            "whether"})  # a measure starting so reads "the how much …" in prompts


def _check_figures(check: _Checker, figures: Sequence[Figure]) -> None:
    group_unit: dict[str, Figure] = {}
    for figure in figures:
        for name in ("value", "to"):
            number = getattr(figure, name)
            if figure.unit == PERCENT_UNIT and number is not None and \
                    not Decimal(0) <= number <= Decimal(100):
                check.report(figure, name, "a percentage outside 0..100", found=str(number),
                             expected="a value from 0 to 100")
        _check_range(check, figure)
        _check_calendar_year(check, figure)
        first_word = figure.measure.split()[0].casefold() if figure.measure.split() else ""
        if first_word in QUESTION_WORDS:
            check.report(figure, "measure", "a measure is a noun phrase, not a question",
                         found=repr(figure.measure),
                         expected="what is measured, e.g. 'dimming of the star during each"
                         " transit' (prompts are built from it; or write the question in ask:)")
        if figure.ask is not None and not figure.ask.rstrip().endswith("?"):
            check.report(figure, "ask", "ask: is not a question", found=repr(figure.ask),
                         expected="a full question sentence ending with ?, e.g. How many"
                         " people died in the floods?")
        if figure.group is None:
            continue
        first = group_unit.setdefault(figure.group, figure)
        if first.unit != figure.unit:
            check.report(figure, "unit", f"figures of group {figure.group!r} differ in unit",
                         found=repr(figure.unit),
                         expected=f"{first.unit!r}, the unit of {first.id!r} in the same group")


# A measure opening so is a span or a count, never a calendar year ("time Ibrahim spent in …").
_SPAN_HEADS = frozenset({"time", "length", "age", "duration", "period", "number"})


def _check_calendar_year(check: _Checker, figure: Figure) -> None:
    """`year` is a calendar year (2013): a span (a year spent somewhere) is `years`."""
    if figure.unit != YEAR_UNIT:
        return
    head = figure.measure.split()[0].casefold() if figure.measure.split() else ""
    low = [n for n in (figure.value, figure.to) if n is not None and n < EARLIEST_YEAR]
    if head in _SPAN_HEADS or low:
        found = f"value {low[0]}" if low else f"measure {figure.measure!r}"
        check.report(figure, "value" if low else "unit",
                     "unit year is a calendar year; this figure is a span of time",
                     found=f"{found} with unit year",
                     expected="unit years for a span (1 year is written value 1, unit years),"
                     f" or a calendar year from {EARLIEST_YEAR} on")


def _check_range(check: _Checker, figure: Figure) -> None:
    """`to` closes a range above `value`, stated exactly or about."""
    if figure.to is None:
        return
    if figure.to <= figure.value:
        shown = (_clock(figure.value), _clock(figure.to)) if figure.is_time_of_day else (
            str(figure.value), str(figure.to))
        check.report(figure, "to", "the end of a range must be greater than its start",
                     found=f"value {shown[0]}, to {shown[1]}",
                     expected="to: greater than value (between 40 and 60: value 40, to 60)")
    if figure.qualifier not in RANGE_QUALIFIERS:
        check.report(figure, "qualifier", f"a range cannot be {figure.qualifier!r}",
                     found=f"qualifier {figure.qualifier!r} with to: {figure.to}",
                     expected="qualifier exact or about with a range, or no to:")


def _clock(minutes: Decimal) -> str:
    whole = int(minutes)
    return f"{whole // 60:02d}:{whole % 60:02d}"


def _check_claims(check: _Checker, base: FactBase) -> None:
    """A claim's figure is given by its claimants (or those they speak for or who speak for
    them): the claim and the figure must not name different sources."""
    figures = {figure.id: figure for figure in reversed(base.figures)}
    for claim in base.claims:
        figure = figures.get(claim.figure) if claim.figure is not None else None
        if figure is None:
            continue
        people = {entity.id for entity in base.entities}
        missing = [who for who in claim.claimants if who in people
                   and not base.speaker_equivalents(who) & set(figure.given_by)]
        if missing:
            check.report(claim, "figure", "the claim's figure is given by someone else",
                         found=f"claimant {missing[0]!r}, but figure {figure.id!r} is given by "
                         + ", ".join(figure.given_by),
                         expected="a figure whose given_by lists the claimants")


def _check_names_once(check: _Checker, base: FactBase) -> None:
    """A term is explained once and a place described once: "What is X?" has one answer."""
    for facts, field in ((base.terms, "term"), (base.places, "name")):
        first: dict[str, Place | Term] = {}
        for fact in facts:
            key = " ".join(str(getattr(fact, field)).split()).casefold()
            other = first.setdefault(key, fact)
            if other is not fact:
                check.report(fact, field, f"the same {field} is given twice",
                             found=repr(getattr(fact, field)),
                             expected=f"one entry per {field}; {check.path(other)} has it")


def _check_events(check: _Checker, events: Sequence[Event]) -> None:
    ids = {event.id: event for event in reversed(events)}  # the first of duplicated ids wins
    edges: dict[str, list[str]] = {event.id: [] for event in events}
    for event in events:
        for name in ("after", "before"):
            for position, other in enumerate(getattr(event, name)):
                if other == event.id:
                    check.report(event, f"{name}[{position}]", f"an event cannot be {name}"
                                 " itself", found=repr(other), expected="another event's id")
                elif other in ids:
                    earlier, later = (other, event.id) if name == "after" else (event.id, other)
                    if later not in edges[earlier]:
                        edges[earlier].append(later)
    loops = cycles(edges)
    for cycle in loops:
        check.report(ids[cycle[0]], None, "events are ordered in a circle",
                     found=" → ".join([*cycle, cycle[0]]),
                     expected="after/before relations without a loop")
    if loops:
        return
    for name, chain in date_conflicts(ids, edges):
        origin = ids[chain[-1]]
        check.report(ids[name], "date", "the date contradicts the before/after relations",
                     found=f"{ids[name].date}, but {' → '.join(reversed(chain))} puts it no"
                     f" earlier than {origin.date}",
                     expected="dates and relations that agree (or no date here)")
