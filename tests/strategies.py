"""Hypothesis strategies for valid, often adversarial fact bases, seeds and generator options."""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from decimal import Decimal
from typing import TypeVar

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from quizgen.factbase.model import (
    Entity,
    EntityKind,
    Event,
    FactBase,
    Figure,
    PartialDate,
    Place,
    Quote,
    ReportedClaim,
    Source,
    Term,
)
from quizgen.generators.base import GenOptions
from quizgen.quiz.questions import Amount
from quizgen.renderers.anki.manifest import Manifest, Stamp

_PROFILES_LOADED = False


def load_profiles() -> None:
    """Register the "ci", "dev" and "fuzz" profiles once and load $HYPOTHESIS_PROFILE (ci)."""
    global _PROFILES_LOADED
    if _PROFILES_LOADED:
        return
    slow = [HealthCheck.too_slow, HealthCheck.data_too_large]
    # ci draws the same examples every run, so a red run can be rerun and a green one stays
    # green; fuzz (make fuzz) draws new ones, many more, to find what ci's draws miss
    settings.register_profile("ci", max_examples=100, deadline=None, suppress_health_check=slow,
                              derandomize=True, database=None)
    settings.register_profile("dev", max_examples=25, deadline=None, suppress_health_check=slow)
    settings.register_profile("fuzz", max_examples=3000, deadline=None, suppress_health_check=slow)
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
    _PROFILES_LOADED = True


# ---- pools ---------------------------------------------------------------------------------------

NAMES = (
    "Nicolás Maduro",
    "Edmundo González Urrutia",
    "María Corina Machado",
    "Luis Almagro",
    "Tarek William Saab",
    "Foro Penal",
    "National Electoral Council",
    "Peru",
    "Peru's Foreign Ministry",  # contains another name
    "Жанна Ñúñez",
    "O'Brien & <b>Sons</b>",  # markup in a name
    "Carter Center",
)
KINDS: tuple[EntityKind, ...] = ("person", "organisation", "country", "group")
TAGS = ("election", "protests", "diplomacy", "economy")
QUOTE_TEXTS = (
    "The president promised a bloodbath and is carrying it out.",
    "We will not recognise these results.",
    "Venezuela deserves peace, not repression.",
    "The count was transparent and complete.",
    "Those arrested will face the full weight of the law.",
    "We have the tally sheets and they prove it.",
    "The election was stolen in broad daylight.",
    "Dialogue is the only way forward.",
    "Ya basta: «¡Libertad!» — now.",
    "It is {not} a <i>cloze</i> {{c1::trap}}.",
)
FRAGMENTS = ("clearly", "16 murders", "regime’s", "legitimate")  # scare quotes, never asked
TERMS = (
    ("Matariki", "the Māori New Year"),
    ("lahar", "a flow of mud and rock down a volcano"),
    ("NGO", "a non-governmental organisation"),
    ("recount", "a second count of the votes"),
    ("sanctions", "penalties one country puts on another"),
    ("dollarization", "the use of the US dollar in place of a national currency"),
)
PLACES = (
    ("Miraflores", "the presidential palace in Caracas"),
    ("Caracas", "the capital of Venezuela"),
    ("the Poliedro", "an arena in Caracas"),
    ("Lima", "the capital of Peru"),
    ("The Hague", "the seat of the International Criminal Court"),
)
CLAIM_TEXTS = (
    "97 people had died in the floods",
    "the count was complete",
    "the opposition had won clearly",
    "Nicolás Maduro would never leave office",
    "she had received 73% of the votes",  # words that call the claimant "her" or "his"
    "his side had been fortunate",
)
# measure -> (unit, smallest unscaled value, largest unscaled value, allowed decimals)
MEASURES: dict[str, tuple[str, int, int, tuple[int, ...]]] = {
    "share of the vote": ("percent", 0, 100, (0, 1, 2, 3)),
    "turnout": ("percent", 0, 100, (0, 1)),
    "change in GDP": ("percentage points", -80, 20, (0, 1)),
    "arrests": ("arrests", 0, 5000, (0,)),
    "deaths": ("people", 0, 100, (0,)),
    "oil production": ("barrels per day", 0, 3_000_000, (0, 1, 2, 3)),
    "year of the first election": ("year", 1950, 2030, (0,)),
    "number of terms in office": ("terms", 0, 5, (0,)),
    "readiness": ("percent", 0, 100, (0,)),  # always rhetorical: never asked about
    "time of the march": ("time of day", 0, 1439, (0,)),
}
RHETORICAL = "readiness"
QUALIFIERS = ("exact", "exact", "about", "nearly", "at least", "at most", "up to", "more than",
              "fewer than")  # fmt: skip
ARTICLE_ID = "article"  # an entity that only gives figures, standing for the article itself
EPOCH = dt.date(2023, 11, 15)  # random event days straddle two year boundaries


# ---- strategies built once -----------------------------------------------------------------------
# Building a strategy inside a composite on every draw costs more than drawing from it (hypothesis
# looks it up, validates it, works out its label); these give back the same strategy each time.

T = TypeVar("T")


@functools.cache
def _ints(low: int, high: int) -> st.SearchStrategy[int]:
    """st.integers(low, high), built once."""
    return st.integers(low, high)


@functools.cache
def _pick(options: tuple[T, ...]) -> st.SearchStrategy[T]:
    """st.sampled_from(options), built once per tuple of options."""
    return st.sampled_from(options)


@functools.cache
def _maybe(options: tuple[T, ...]) -> st.SearchStrategy[T | None]:
    """st.none() | st.sampled_from(options), built once per tuple of options."""
    return st.none() | st.sampled_from(options)


@functools.cache
def _some(options: tuple[T, ...], min_size: int = 0, max_size: int | None = None
          ) -> st.SearchStrategy[list[T]]:
    """st.lists(st.sampled_from(options), unique=True, ...), built once per arguments."""
    return st.lists(_pick(options), unique=True, min_size=min_size, max_size=max_size)


@functools.cache
def _raw_amounts(low: int, high: int) -> st.SearchStrategy[int]:
    """Whole numbers from low to high, often at either edge."""
    return st.sampled_from((low, low + 1, high - 1, high)) | st.integers(low, high)


@functools.cache
def _sources(everyone: tuple[str, ...]) -> st.SearchStrategy[tuple[str, ...]]:
    """One or two of `everyone`, as a tuple."""
    return st.lists(st.sampled_from(everyone), min_size=1, max_size=2, unique=True).map(tuple)


_BOOLEANS = st.booleans()
_NONE = st.none()
_LIMITS = st.none() | st.integers(1, 6)


# ---- the validity helper (independent of quizgen.factbase.validate) ----------------------------

_SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")


def base_problems(base: FactBase) -> list[str]:
    """What would make a loader refuse this fact base; empty when it is valid."""
    problems: list[str] = []
    facts: tuple[Entity | Quote | Figure | Event | Place | Term | ReportedClaim, ...] = (
        *base.entities,
        *base.quotes,
        *base.figures,
        *base.events,
        *base.places,
        *base.terms,
        *base.claims,
    )
    ids = [f.id for f in facts]
    if len(set(ids)) != len(ids):
        problems.append("duplicate ids")
    problems += [f"bad id {i!r}" for i in ids if not _SLUG.fullmatch(i)]
    people = {e.id for e in base.entities}
    events = {e.id for e in base.events}
    places = {p.id for p in base.places}
    for e in base.entities:
        if e.speaks_for is not None and (e.speaks_for not in people or e.speaks_for == e.id):
            problems.append(f"{e.id}: speaks_for {e.speaks_for}")
    for c in base.claims:
        if not c.claimants or not set(c.claimants) <= people:
            problems.append(f"{c.id}: claimants {c.claimants}")
    for located in (*base.events, *base.quotes):
        if located.place is not None and located.place not in places:
            problems.append(f"{located.id}: place {located.place}")
    for q in base.quotes:
        if not q.speakers or not set(q.speakers) <= people:
            problems.append(f"{q.id}: speakers {q.speakers}")
        if q.key_phrase is not None and q.key_phrase not in q.text:
            problems.append(f"{q.id}: key phrase not in text")
    units: dict[str, str] = {}
    for f in base.figures:
        if not f.given_by or not set(f.given_by) <= people:
            problems.append(f"{f.id}: given_by {f.given_by}")
        if f.subject is not None and f.subject not in people:
            problems.append(f"{f.id}: subject {f.subject}")
        if f.group is not None and units.setdefault(f.group, f.unit) != f.unit:
            problems.append(f"{f.id}: group {f.group} mixes units")
        if f.to is not None and (f.to <= f.value or f.qualifier not in ("exact", "about")):
            problems.append(f"{f.id}: range to {f.to}")
    for e in base.events:
        if not set(e.after) | set(e.before) <= events or not set(e.people) <= people:
            problems.append(f"{e.id}: dangling reference")
    if not problems:
        closure = certainly_before(base.events)
        if any(closure[i][i] for i in range(len(base.events))):
            problems.append("relations and dates contradict each other")
    for fact in facts:
        if not fact.excerpt:
            problems.append(f"{fact.id}: no excerpt")
    return problems


def certainly_before(events: tuple[Event, ...]) -> list[list[bool]]:
    """[i][j]: event i is certainly before event j, by dates, relations and transitivity."""
    index = {e.id: i for i, e in enumerate(events)}
    n = len(events)
    before = [[False] * n for _ in range(n)]
    for i, a in enumerate(events):
        for j, b in enumerate(events):
            if a.date and b.date and a.date.bounds()[1] < b.date.bounds()[0]:
                before[i][j] = True
        for later in a.before:
            before[i][index[later]] = True
        for earlier in a.after:
            before[index[earlier]][i] = True
    for k in range(n):  # Floyd–Warshall closure
        for i in range(n):
            if before[i][k]:
                for j in range(n):
                    before[i][j] = before[i][j] or before[k][j]
    return before


# ---- fact bases ----------------------------------------------------------------------------------


# a pronoun now and then; unknown most often, as in a fact base written without them
PRONOUNS = (None, None, "she", "he", "they")
# contexts a student reads beside the quote: some call the speaker "her" or "his"
CONTEXTS = ("", "at a press conference", "after her side's defeat", "defending his figure",
            "telling him and her")


@st.composite
def entities(draw: st.DrawFn, *, min_size: int = 0, max_size: int = 8) -> tuple[Entity, ...]:
    """Entities, some sharing an alias and, rarely, two sharing a name (the loader allows it)."""
    names = draw(
        _some(NAMES, min_size, max_size)
    )
    if names and draw(_ints(0, 9)) == 0:
        names.append(draw(_pick(tuple(names))))
    out = []
    for i, name in enumerate(names):
        alias_pool = (name.split()[-1], "González", "the ministry")
        aliases = draw(_some(alias_pool, 0, 2))
        out.append(
            Entity(
                id=f"p{i}",
                name=name,
                role=draw(_pick(("President", "NGO", "Country", "Attorney General"))),
                kind=draw(_pick(KINDS)),
                aliases=tuple(a for a in aliases if a != name),
                tags=tuple(draw(_some(TAGS, 0, 2))),
                excerpt=f"{name}, who",
                # a spokesman for an earlier entity, now and then (never a cycle)
                speaks_for=f"p{draw(_ints(0, i - 1))}"
                if i and draw(_ints(0, 4)) == 0
                else None,
                pronoun=draw(_pick(PRONOUNS)),
            )
        )
    return tuple(out)


def speaking_side(up: dict[str, str | None], speakers: Iterable[str]) -> set[str]:
    """The speakers and, read from speaks_for links (`up`) both ways, whom they speak for or who
    speaks for them (a chain followed upwards)."""
    def chain(entity: str) -> list[str]:
        found = [entity]
        while (nxt := up.get(found[-1])) is not None and nxt not in found:
            found.append(nxt)
        return found

    speakers = set(speakers)
    result = {x for s in speakers for x in chain(s)}
    return result | {e for e in up if set(chain(e)) & speakers}


@st.composite
def quotes(
    draw: st.DrawFn, people: tuple[str, ...], *, min_size: int = 0, max_size: int = 8
) -> tuple[Quote, ...]:
    """Quotes with one to three speakers; some repeat an earlier text with other speakers."""
    if not people:
        return ()
    out: list[Quote] = []
    for i in range(draw(_ints(min_size, max_size))):
        if out and draw(_ints(0, 3)) == 0:  # the same words, said by others too
            text = draw(st.sampled_from(out)).text
        elif draw(_ints(0, 4)) == 0:  # a scare-quoted word: never a quote to ask about
            text = draw(_pick(FRAGMENTS))
        else:
            text = draw(_pick(QUOTE_TEXTS))
            if draw(_BOOLEANS):
                text = f"{text} That is point {i}."
        count = min(len(people), draw(_pick((1, 1, 1, 2, 3))))
        speakers = draw(
            _some(people, count, count)
        )
        words = text.split()
        key = draw(_maybe(tuple(words)))
        others = [p for p in people if p not in speakers]
        about = draw(_some(tuple(others), 0, 1)) if others else []
        out.append(
            Quote(
                id=f"q{i}",
                text=text,
                speakers=tuple(speakers),
                context=draw(_pick(CONTEXTS)),
                key_phrase=key,
                tags=tuple(draw(_some(TAGS, 0, 2))),
                excerpt=f"said “{text}”",
                distinctive=draw(_ints(0, 5)) != 0,
                about=tuple(about),  # whom the words are aimed at without naming them
            )
        )
    return tuple(out)


@st.composite
def amounts(draw: st.DrawFn, measure: str) -> Decimal:
    """A value for `measure` at 0..3 decimals, often at the edges of its range."""
    _unit, low, high, decimals = MEASURES[measure]
    places = draw(_pick(decimals))
    scale = 10**places
    lo, hi = low * scale, high * scale
    raw = draw(_raw_amounts(lo, hi))
    return Decimal(raw).scaleb(-places)


@st.composite
def figures(
    draw: st.DrawFn,
    people: tuple[str, ...],
    *,
    min_size: int = 0,
    max_size: int = 10,
    extra_sources: tuple[str, ...] = (),
) -> tuple[Figure, ...]:
    """Figures of a few measures: disagreeing sources, equal values in different facts, groups,
    rhetorical figures; `extra_sources` may give figures but never hold one."""
    if not people:
        return ()
    out: list[Figure] = []
    everyone = people + extra_sources
    sources = _sources(everyone)
    for i in range(draw(_ints(min_size, max_size))):
        fid = f"f{i}"
        trick = draw(_ints(0, 5)) if out else 0
        if trick == 1:  # another source, another value, same quantity
            base = draw(st.sampled_from(out))
            fig = replace(base, id=fid, given_by=draw(sources), value=draw(amounts(base.measure)))
        elif trick == 2:  # the same value for someone else
            base = draw(st.sampled_from(out))
            fig = replace(base, id=fid, subject=draw(_maybe(people)))
        elif trick == 3:  # another source agreeing
            fig = replace(draw(st.sampled_from(out)), id=fid, given_by=draw(sources))
        else:
            measure = draw(_pick(tuple(sorted(MEASURES))))
            fig = Figure(
                id=fid,
                measure=measure,
                value=draw(amounts(measure)),
                unit=MEASURES[measure][0],
                given_by=draw(sources),
                subject=draw(_maybe(people)),
                qualifier=draw(_pick(QUALIFIERS)),
                sense="rhetorical" if measure == RHETORICAL else "literal",
                tags=tuple(draw(_some(TAGS, 0, 2))),
            )
        fig = replace(fig, to=None)
        if fig.qualifier in ("exact", "about") and draw(_ints(0, 4)) == 0:
            _unit, _low, high, _ = MEASURES[fig.measure]
            width = Decimal(draw(_pick((1, 5, 20))))
            if fig.value + width <= high:  # a range: "between 40 and 60"
                fig = replace(fig, to=fig.value + width)
        group = draw(_pick((None, f"{fig.unit.replace(' ', '-')}-group")))
        out.append(replace(fig, group=group, excerpt=f"{fig.measure}: {fig.value}"))
    return tuple(out)


@st.composite
def events(
    draw: st.DrawFn, people: tuple[str, ...], *, min_size: int = 0, max_size: int = 8
) -> tuple[Event, ...]:
    """Events on a hidden timeline: ties, dates at every precision, relations, unknowns."""
    n = draw(_ints(min_size, max_size))
    days: list[int] = []
    for _ in range(n):
        if days and draw(_ints(0, 3)) == 0:
            days.append(draw(_pick(tuple(days))))  # a tie
        else:
            days.append(draw(_ints(0, 800)))
    key = [(day, i) for i, day in enumerate(days)]  # the hidden true order
    index = _ints(0, max(n - 1, 0))
    pairs = draw(st.lists(st.tuples(index, index), max_size=2 * n))
    before: list[set[int]] = [set() for _ in range(n)]
    after: list[set[int]] = [set() for _ in range(n)]
    for a, b in pairs:
        if key[a] >= key[b]:
            continue  # only relations the hidden timeline makes true
        if draw(_BOOLEANS):
            before[a].add(b)
        else:
            after[b].add(a)
    out = []
    for i in range(n):
        when = EPOCH + dt.timedelta(days=days[i])
        same = i and draw(_ints(0, 29)) == 0  # rarely, the words of an earlier event
        description = f"event number {draw(_ints(0, i - 1)) if same else i} happened"
        precision = draw(_pick((None, "year", "month", "day", "day")))
        date = None
        if precision == "year":
            date = PartialDate(when.year)
        elif precision == "month":
            date = PartialDate(when.year, when.month)
        elif precision == "day":
            date = PartialDate(when.year, when.month, when.day)
        out.append(
            Event(
                id=f"e{i}",
                description=description,
                date=date,
                people=tuple(draw(_some(people, 0, 2)))
                if people
                else (),
                tags=tuple(draw(_some(TAGS, 0, 2))),
                excerpt=f"event {i}",
            )
        )
    return _with_relations(out, before, after)


def _with_relations(
    out: list[Event], before: list[set[int]], after: list[set[int]]
) -> tuple[Event, ...]:
    """Attach relations: before[i] holds j with i→j; after[j] holds i with i→j."""
    return tuple(
        replace(
            e,
            before=tuple(f"e{j}" for j in sorted(before[i])),
            after=tuple(f"e{j}" for j in sorted(after[i])),
        )
        for i, e in enumerate(out)
    )


@st.composite
def fact_bases(draw: st.DrawFn, *, rich: bool | None = None) -> FactBase:
    """A valid, adversarial fact base: shared quotes, ties, disputes; rich, or with few candidates.

    A rich base has enough facts for every kind of question; a poor one has 0..4 of each fact.
    """
    if rich is None:
        rich = draw(_BOOLEANS)
    low, high = (5, 10) if rich else (0, 4)
    people = draw(entities(min_size=low + 1 if rich else 0, max_size=len(NAMES) if rich else high))
    ids = tuple(p.id for p in people)
    article: tuple[Entity, ...] = ()
    with_article = draw(_BOOLEANS)
    if people and with_article:  # the article itself as a source, of another kind at times
        kind = draw(_pick(KINDS))
        article = (Entity(id=ARTICLE_ID, name="the article", role="the report", kind=kind,
                          excerpt="the article"),)  # fmt: skip
    sources = tuple(a.id for a in article)
    base = FactBase(
        id=draw(_pick(("random-base", "b2"))),
        source=Source(title="A random article", about="Whatever hypothesis drew"),
        entities=people + article,
        quotes=draw(quotes(ids, min_size=low, max_size=high)),
        figures=draw(figures(ids, min_size=low, max_size=high + 2, extra_sources=sources)),
        events=draw(events(ids, min_size=low, max_size=high)),
    )
    base = draw(extras(base, low=0 if not rich else 2, high=high))
    speakers = {s for q in base.quotes for s in q.speakers}
    twins = [(a, b) for a in people for b in people if a.id < b.id and a.kind == b.kind
             and a.pronoun == b.pronoun and {a.id, b.id} & speakers]  # fmt: skip
    if twins and draw(_ints(0, 2)) == 0:  # one entity entered twice, under two names
        one, other = draw(st.sampled_from(twins))
        base = replace(base, entities=tuple(
            replace(e, same_as=(other.id,)) if e.id == one.id else e for e in base.entities))
    up = {e.id: e.speaks_for for e in base.entities}
    base = replace(base, quotes=tuple(
        replace(q, about=tuple(a for a in q.about if a not in speaking_side(up, q.speakers)))
        for q in base.quotes))  # the words are never about their own side
    problems = base_problems(base)
    assert not problems, problems  # the strategy builds valid bases by construction
    return base


BODY_MEANINGS = (
    "the national electoral council",
    "a coalition of eleven trade unions",
    "the home club's nickname",
)


@st.composite
def naming_terms(draw: st.DrawFn, people: tuple[Entity, ...]) -> list[Term]:
    """Terms that name an entity (a body when it is an organisation or group): its name or an
    alias, with 'the' before it or not, or an acronym whose alias is the name. The meaning is
    made up or, at times, the entity's own role (its role is then the very same answer)."""
    out: list[Term] = []
    if not people:
        return out
    chosen = draw(st.lists(st.sampled_from(people), unique_by=lambda e: e.id, max_size=3))
    for i, entity in enumerate(chosen):
        name = draw(st.sampled_from((entity.name, *entity.aliases)))
        form = draw(_pick(("as named", "with the", "acronym")))
        aliases: tuple[str, ...] = ()
        if form == "with the" and not name.casefold().startswith("the "):
            name = f"the {name}"
        elif form == "acronym":
            initials = "".join(w[0] for w in name.split() if w[0].isalnum()).upper()
            aliases, name = (name,), initials or "X"
        meaning = draw(st.sampled_from((*BODY_MEANINGS, entity.role)))
        out.append(Term(f"tb{i}", name, meaning, aliases=aliases, excerpt=f"{name}, {meaning}"))
    return out


@st.composite
def term_bases(draw: st.DrawFn) -> FactBase:
    """Entities of every kind and few terms, some naming an entity: the bases where a term
    question must choose between other meanings and roles of bodies."""
    people = draw(entities(max_size=8))
    plain = draw(_some(TERMS, 0, 4))
    terms = [Term(f"t{i}", term, meaning, excerpt=f"{term}, {meaning}")
             for i, (term, meaning) in enumerate(plain)]  # fmt: skip
    base = FactBase(
        id="terms-base",
        source=Source(title="A random article", about="Terms and the bodies they name"),
        entities=people,
        terms=(*terms, *draw(naming_terms(people))),
    )
    problems = base_problems(base)
    assert not problems, problems
    return base


@st.composite
def extras(draw: st.DrawFn, base: FactBase, *, low: int, high: int) -> FactBase:
    """Terms (some sharing a meaning or an alias), places named by events and quotes, and
    reported claims by the base's people."""
    terms = []
    for i, (term, meaning) in enumerate(draw(_some(TERMS, low, high))):  # fmt: skip
        if terms and draw(_ints(0, 5)) == 0:
            meaning = terms[0].meaning  # two terms for one thing
        aliases = ("Puanga",) if draw(_ints(0, 5)) == 0 else ()
        same = (f"t{draw(_ints(0, i - 1))}",) if i and draw(_ints(0, 3)) == 0 else ()  # two names
        terms.append(Term(f"t{i}", term, meaning, aliases=aliases, excerpt=f"{term}, {meaning}",
                          same_as=same))  # fmt: skip
    terms += draw(naming_terms(base.entities))
    places = []
    for i, (name, description) in enumerate(draw(_some(PLACES, low, high))):
        link = f"l{draw(_ints(0, i - 1))}" if i and draw(_ints(0, 2)) == 0 else None
        field = draw(_pick(("within", "within", "same_as"))) if link else None
        places.append(Place(f"l{i}", name, description, excerpt=f"at {name}",
                            within=(link,) if link and field == "within" else (),
                            same_as=(link,) if link and field == "same_as" else ()))
    where = _maybe(tuple(p.id for p in places)) if places else _NONE
    events = tuple(replace(e, place=draw(where)) for e in base.events)
    quotes = tuple(replace(q, place=draw(where)) for q in base.quotes)
    people = [e.id for e in base.entities if e.id != ARTICLE_ID]
    claims = []
    if people:
        for i in range(draw(_ints(0, high))):
            text = draw(_pick(CLAIM_TEXTS))
            who = tuple(draw(_some(tuple(people), 1, 2)))  # fmt: skip
            up = {e.id: e.speaks_for for e in base.entities}
            rest = [p for p in people if p not in speaking_side(up, who)]
            about = tuple(draw(_some(tuple(rest), 0, 1))) if rest else ()
            statements = [f"c{j}" for j in range(i)] + [q.id for q in base.quotes]
            agree = tuple(draw(_some(tuple(statements), 1, 3))) if statements and draw(
                _BOOLEANS) else ()  # fmt: skip
            claims.append(ReportedClaim(f"c{i}", who, text, excerpt=f"it was said that {text}",
                                        about=about, agrees_with=agree))
    return replace(base, terms=tuple(terms), places=tuple(places), events=events, quotes=quotes,
                   claims=tuple(claims))  # fmt: skip


seeds = st.integers(min_value=0, max_value=2**32)


@st.composite
def gen_options(draw: st.DrawFn) -> GenOptions:
    """Generator options within their documented ranges."""
    return GenOptions(
        num_options=draw(_ints(3, 5)),
        match_size=draw(_ints(3, 5)),
        order_size=draw(_ints(3, 6)),
        limit=draw(_LIMITS),
    )


# ---- article texts (for `quizgen draft`) ---------------------------------------------------------

_ARTICLE_PIECES = (
    "Ana Ruiz", "said", "“", "”", '"', "‘", "’", "'", "don’t", "the", "Ministry of Health",
    "U.S.", "Mr.", "Dr", "he", "she", "She said", "according to", "at least", "over", "nearly",
    "1,000", "51.2%", "$4.5bn", "three million", "twelfth", "2024", "14:30", "-20", "between",
    "and", "on Monday", "In response", ",", ".", ":", ";", "—", "(", ")", "\n", "  ", "…", "?",
    "!", "Venezuela’s", "police", "a spokesman", "“Yes,” he said.", "NO", "yes", "#", "&",
    "\u2028", "\t", "é", "Ω", "[", "]", "{", "}", "*", "-", "'s", "’s", "bn", "G7",
)


@st.composite
def article_texts(draw: st.DrawFn) -> str:
    """Article-like text: a headline line, then words, names, numbers, marks and odd characters
    joined by spaces or nothing (unbalanced quotes, stray marks and line breaks included)."""
    headline = draw(st.sampled_from(("Headline here\n", "", "A title: with colon\n")))
    pieces = draw(st.lists(st.one_of(st.sampled_from(_ARTICLE_PIECES),
                                     st.text(min_size=1, max_size=6)), min_size=1, max_size=60))
    joins = draw(st.lists(st.sampled_from((" ", "", " ", "\n")), min_size=len(pieces),
                          max_size=len(pieces)))
    return headline + "".join(p + j for p, j in zip(pieces, joins, strict=True))


@st.composite
def speaks_for_graphs(draw: st.DrawFn) -> tuple[Entity, ...]:
    """Entities linked by speaks_for in any shape: chains, cycles, self-links, links to ids no
    entity has, and now and then two entities sharing an id."""
    ids = [f"e{i}" for i in range(draw(_ints(0, 9)))]
    out = []
    for i in ids:
        entity_id = draw(_pick(tuple(ids))) if draw(_ints(0, 9)) == 0 else i
        target = draw(st.one_of(st.none(), _pick((*ids, "ghost")))) if ids else None
        out.append(Entity(id=entity_id, name=i, role="r", speaks_for=target))
    return tuple(out)


_NAME_ALPHABET = "a' é.’_"  # word characters (é, _) and others: apostrophes, dot, space


@st.composite
def needles_and_text(draw: st.DrawFn) -> tuple[list[str], str]:
    """Short names (some without any word character) and a text drawn from the same few
    characters, so that names occur in it, at word boundaries and inside words."""
    alphabet = st.sampled_from(_NAME_ALPHABET)
    needles = draw(st.lists(st.text(alphabet, min_size=1, max_size=4), max_size=6))
    pieces = st.sampled_from([*needles, *_NAME_ALPHABET])  # the names themselves, in contexts
    text = "".join(draw(st.lists(pieces, max_size=12)))
    return needles, text


@st.composite
def namesake_claims(draw: st.DrawFn) -> FactBase:
    """A rich base where a newcomer of a quoted person's name and kind claims something about
    that person, agreeing (at times) with that person's own quote: the who-claimed-it fuzz case."""
    base = draw(fact_bases(rich=True))
    quoted = [q for q in base.quotes if q.speakers and q.speakers[0] != ARTICLE_ID]
    if not quoted:
        return base
    quote = draw(_pick(tuple(quoted)))
    person = next(e for e in base.entities if e.id == quote.speakers[0])
    twin = replace(person, id="namesake", aliases=(), speaks_for=None, same_as=())
    text = draw(_pick(CLAIM_TEXTS))
    claim = ReportedClaim("c-namesake", ("namesake",), text, excerpt=f"it was said that {text}",
                          about=(person.id,),
                          agrees_with=(quote.id,) if draw(_BOOLEANS) else ())
    return replace(base, entities=(*base.entities, twin), claims=(*base.claims, claim))


@st.composite
def agreeing_claims(draw: st.DrawFn) -> FactBase:
    """A rich base whose people share one kind and pronoun, where a claim agrees with the quote
    of someone not its claimant: the voices who said as much, which who-claimed-it must never
    offer as wrong (one kind makes every claim askable, with such a voice to plant)."""
    base = draw(fact_bases(rich=True))
    kind, pronoun = draw(_pick(KINDS)), draw(_pick(PRONOUNS))
    base = replace(base, entities=tuple(
        e if e.id == ARTICLE_ID else replace(e, kind=kind, pronoun=pronoun)
        for e in base.entities))
    kinds = {e.id: (e.kind, e.pronoun) for e in base.entities}
    pairs = [(c, q) for c in base.claims for q in base.quotes
             if c.claimants and q.speakers and q.speakers[0] not in c.claimants
             and q.speakers[0] != ARTICLE_ID
             and kinds.get(q.speakers[0]) == kinds.get(c.claimants[0])]
    chosen: dict[str, str] = {}
    for claim, quote in pairs:  # every claim that can agrees with one such quote
        if claim.id not in chosen or draw(_BOOLEANS):
            chosen[claim.id] = quote.id
    return replace(base, claims=tuple(
        replace(c, agrees_with=(*c.agrees_with, chosen[c.id])) if c.id in chosen else c
        for c in base.claims))


@st.composite
def speaking_bases(draw: st.DrawFn) -> FactBase:
    """A rich base where most people are of one kind (an entry and its other entry alike), so
    that who-said-it has options for most quotes; a few keep a kind of their own."""
    base = draw(fact_bases(rich=True))
    common = draw(_pick(KINDS))
    kinds = {e.id: e.kind if e.id == ARTICLE_ID or draw(_ints(0, 3)) == 0 else common
             for e in base.entities}
    for entity in base.entities:  # an entity entered twice keeps one kind under both names
        for other in entity.same_as:
            kinds[other] = kinds[entity.id]
    return replace(base, entities=tuple(replace(e, kind=kinds[e.id]) for e in base.entities))


# ---- command-line values, as a shell hands them over (tests/test_coerce.py) ----------------------
_CLI_PIECES = st.sampled_from(["0", "1", "7", "26", "27", "-", "+", " ", "_", "00", "٣", "1e3",
                               ".", "a4", "A4", "letter", "LETTER", "a5", "/", "./", "x", "",
                               "\t", "99999999999999999999"])
cli_values = st.lists(_CLI_PIECES, max_size=4).map("".join) | st.text(max_size=8)


# ---- console markup, as quizgen's messages make it (tests/test_plain_console.py) -----------------
# Text near rich's markup syntax: brackets, backslashes, words a tag could start with.
_MARKUP_PIECES = st.sampled_from(["[", "]", "\\", "\\\\", "[bold]", "[/]", "[red]", "[/red]",
                                  "[a", "b]", "[#f00]", "[@click]", "[1]", "[ x]", " ", "x", "é",
                                  ":x:", "\t", "\r", "\x1b", "\n", "[dim]source"])
markup_text = st.lists(_MARKUP_PIECES, max_size=8).map("".join) | st.text(max_size=12)
_STYLES = st.sampled_from(["bold", "red", "green", "yellow", "dim", "bold red"])


@st.composite
def console_markup(draw: st.DrawFn) -> str:
    """Balanced markup as quizgen's console writes it: its own tags (closed by name or by
    `[/]`) around text from content, escaped as every such text is (terminal.escape)."""
    from quizgen.cli.terminal import escape

    parts: list[str] = []
    for _ in range(draw(st.integers(0, 4))):
        content = escape(draw(markup_text))
        if draw(_BOOLEANS):
            style = draw(_STYLES)
            close = draw(st.sampled_from(["[/]", f"[/{style}]"]))
            content = f"[{style}]{content}{close}"
        parts.append(content)
    return "".join(parts)


@st.composite
def told_events(draw: st.DrawFn) -> tuple[Event, ...]:
    """Events whose descriptions share topic words, tell of stages of an undertaking ("announced",
    "began", "ended") and are told in the past or as still to come ("will vote")."""
    topics = ("march", "strike", "talks", "trial", "budget")
    verbs = ("announced", "began", "continued", "ended", "will vote on", "launches", "held",
             "met about")
    count = draw(_ints(0, 9))
    return tuple(
        Event(id=f"e{i}", description=f"{draw(_pick(('Unions', 'The court', 'Ministers')))} "
              f"{draw(_pick(verbs))} the {' and the '.join(draw(_some(topics, 1, 2)))}")
        for i in range(count)
    )


@st.composite
def masks_and_ranks(draw: st.DrawFn) -> tuple[int, int]:
    """A non-zero bit mask (dense or sparse, short or hundreds of bits) and a rank below its
    count of set bits."""
    width = draw(st.sampled_from((1, 7, 9, 64, 65, 130, 700)))
    if draw(_BOOLEANS):  # dense
        mask = draw(st.integers(min_value=1, max_value=(1 << width) - 1))
    else:  # a few bits anywhere
        mask = sum(1 << p for p in draw(st.sets(_ints(0, width - 1), min_size=1, max_size=6)))
    return mask, draw(_ints(0, mask.bit_count() - 1))


@st.composite
def manifests(draw: st.DrawFn) -> Manifest:
    """Anki build manifests: stamps with any text (quotes, newlines, non-ASCII), some empty."""
    text = st.text(max_size=12)
    stamp = st.builds(Stamp, label=text, hash=text, mod=st.integers(0, 2**31 - 1), content=text,
                      kind=text, fields=st.lists(text, max_size=3).map(tuple))
    tables = st.dictionaries(text, stamp, max_size=5)
    return Manifest(notes=draw(tables), models=draw(tables))


VAGUE_UNITS = ("people", "percent", "kilometres", "million dollars", "tonnes", "days")


@st.composite
def vague_amounts(draw: st.DrawFn) -> Amount:
    """A figure stated loosely ("about 3", "about 9.5", "nearly 70%"), shown with one to four
    significant digits at 0..2 decimals, in a unit of counts, shares, lengths, money, weights
    or days."""
    places = draw(_ints(0, 2))
    digits = draw(_ints(1, 9999))
    return Amount(Decimal(digits).scaleb(-places), draw(_pick(VAGUE_UNITS)), places,
                  draw(_pick(("about", "nearly"))))


@st.composite
def vague_shares(draw: st.DrawFn) -> Amount:
    """A share given loosely whose ladder has room on both sides of it within 0-90% (a share
    offered stays at or below 90: "nearly 58%": 41 below, 81 above; "about 30%": 17 below, 54
    above), never half itself."""
    qualifier = draw(_pick(("about", "nearly")))
    low, high = (28, 49) if qualifier == "about" else (34, 58)
    value = draw(_ints(low, high).filter(lambda v: v != 50))
    return Amount(Decimal(value), "percent", 0, qualifier)


def picks(items: Sequence[tuple[str, str]], *, most: int = 12
          ) -> st.SearchStrategy[list[tuple[str, str]]]:
    """Some of the items, in any order, repeats allowed: the facts a teacher ticks at once."""
    return st.lists(st.sampled_from(items), min_size=1, max_size=most)


@functools.cache
def asides_texts() -> st.SearchStrategy[list[str]]:
    """A fact base's texts, some with bracketed asides, from a few letters, digits and signs."""
    return st.lists(st.text(st.sampled_from("ab1 2%.()"), max_size=14), max_size=5)
