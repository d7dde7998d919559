"""Small hand-made fact bases for generator and selection tests, built without the loader."""

from __future__ import annotations

from decimal import Decimal

from quizgen.factbase.model import (
    Entity,
    EntityKind,
    Event,
    FactBase,
    Figure,
    PartialDate,
    Qualifier,
    Quote,
    Source,
)
from quizgen.generators import GENERATORS
from quizgen.generators.base import Generated, GenOptions
from quizgen.oracle import check_question

Fact = Entity | Quote | Figure | Event


def person(entity_id: str, name: str | None = None, *, kind: EntityKind = "person") -> Entity:
    """An entity whose name defaults to its id in title case."""
    return Entity(
        id=entity_id,
        name=name or entity_id.replace("-", " ").title(),
        role="someone in the news",
        kind=kind,
        excerpt=f"excerpt about {entity_id}",
    )


def org(entity_id: str, name: str | None = None) -> Entity:
    """An organisation."""
    return person(entity_id, name, kind="organisation")


def quote(
    quote_id: str, text: str, *speakers: str, tags: tuple[str, ...] = (), context: str = ""
) -> Quote:
    """A quote by one or more speakers."""
    return Quote(
        id=quote_id,
        text=text,
        speakers=speakers,
        context=context,
        tags=tags,
        excerpt=f"said “{text}”",
    )


def figure(
    figure_id: str,
    measure: str,
    value: str,
    unit: str,
    *given_by: str,
    subject: str | None = None,
    group: str | None = None,
    qualifier: Qualifier = "exact",
    tags: tuple[str, ...] = (),
) -> Figure:
    """A figure; the value is a string so that its written precision is kept."""
    return Figure(
        id=figure_id,
        measure=measure,
        value=Decimal(value),
        unit=unit,
        given_by=given_by,
        subject=subject,
        qualifier=qualifier,
        group=group,
        tags=tags,
        excerpt=f"excerpt for {figure_id}",
    )


def date(text: str) -> PartialDate:
    """'2024', '2024-07' or '2024-07-28' as a PartialDate."""
    parts = [int(p) for p in text.split("-")]
    return PartialDate(*parts)


def event(
    event_id: str,
    when: str | None = None,
    *,
    after: tuple[str, ...] = (),
    before: tuple[str, ...] = (),
    description: str | None = None,
    people: tuple[str, ...] = (),
    tags: tuple[str, ...] = (),
) -> Event:
    """An event with an optional date and relations; its description defaults to its id."""
    return Event(
        id=event_id,
        description=description or f"event {event_id}",
        date=date(when) if when else None,
        after=after,
        before=before,
        people=people,
        tags=tags,
        excerpt=f"excerpt for {event_id}",
    )


def talk(*speakers: str) -> tuple[Quote, ...]:
    """One distinctive quote of several words for each speaker, so that each speaks."""
    return tuple(quote(f"talk-{s}", f"Words worth quoting, said by {s}.", s) for s in speakers)


def make_base(*facts: Fact, base_id: str = "test", title: str = "A test article") -> FactBase:
    """A fact base holding the facts, sorted into their kinds in the order given."""
    return FactBase(
        id=base_id,
        source=Source(title=title, about="testing"),
        entities=tuple(f for f in facts if isinstance(f, Entity)),
        quotes=tuple(f for f in facts if isinstance(f, Quote)),
        figures=tuple(f for f in facts if isinstance(f, Figure)),
        events=tuple(f for f in facts if isinstance(f, Event)),
    )


def people(*ids: str) -> tuple[Entity, ...]:
    """Several people at once."""
    return tuple(person(i) for i in ids)


def newsroom(base_id: str = "newsroom") -> FactBase:
    """A small article-like base: seven quoted people, a disputed vote, dated and related events."""
    cast = (
        person("maduro", "Nicolás Maduro"),
        person("gonzalez", "Edmundo González Urrutia"),
        person("machado", "María Corina Machado"),
        person("almagro", "Luis Almagro"),
        person("musk", "Elon Musk"),
        person("borrell", "Josep Borrell"),
        person("petro", "Gustavo Petro"),
        org("cne", "the electoral commission"),
        org("ngos", "NGOs"),
        org("prosecutor", "the prosecutor's office"),
    )
    quotes = (
        quote("q-bloodbath", "The president promised a bloodbath.", "almagro", tags=("icc",)),
        quote("q-coward", "Don't be a coward.", "maduro", tags=("protests",)),
        quote("q-prison", "These people must go to prison.", "maduro"),
        quote("q-fraud", "massive fraud", "machado", "gonzalez", tags=("election",)),
        quote("q-73", "73% of the votes", "machado", tags=("election",)),
        quote("q-shame", "This is a shame on dictator Maduro.", "musk"),
        quote("q-rhetoric", "The violent rhetoric and repression must end.", "borrell",
              tags=("diplomacy",)),
        quote("q-doubts", "serious doubts", "petro", tags=("diplomacy",)),
    )
    figures = (
        figure(
            "f-maduro",
            "share of the vote",
            "51.2",
            "percent",
            "cne",
            subject="maduro",
            group="cne-count",
            tags=("election",),
        ),
        figure(
            "f-gonzalez",
            "share of the vote",
            "44.2",
            "percent",
            "cne",
            subject="gonzalez",
            group="cne-count",
            tags=("election",),
        ),
        figure(
            "f-machado-claim",
            "share of the vote",
            "73",
            "percent",
            "machado",
            subject="gonzalez",
            tags=("election",),
        ),
        figure(
            "f-killed", "number of civilians killed", "11", "people", "ngos", tags=("protests",)
        ),
        figure(
            "f-arrests",
            "number of arrests",
            "1000",
            "arrests",
            "prosecutor",
            qualifier="more than",
            tags=("protests",),
        ),
        figure("f-power", "first year in power", "2013", "year", "cne", subject="maduro"),
    )
    events = (
        event("election", "2024-07-28", description="Venezuela held its presidential election"),
        event("protests", "2024-07-29", description="Protests began"),
        event("chavez", "1999", description="Hugo Chávez took office"),
        event("maduro-power", "2013", description="Maduro came to power"),
        event("lima", "2024-08", after=("election",), description="Lima recognized González"),
        event("cut-ties", "2024-08", after=("lima",), description="Venezuela cut ties with Peru"),
        event("term-ends", "2031", description="Maduro's third term ends"),
        event("rumour", description="A rumour spread"),  # never ordered
    )
    return make_base(
        *cast, *quotes, *figures, *events, base_id=base_id, title="Turmoil after the vote"
    )


# ---- running generators -------------------------------------------------------------------


def run(kind: str, base: FactBase, seed: int = 0, **options: int) -> Generated:
    """Run one generator and check every question it makes with the independent oracle."""
    result = GENERATORS[kind](base, seed=seed, options=GenOptions(**options))
    for question in result.questions:
        verdict = check_question(question, base)
        assert verdict.ok, (verdict.problems, question)
    return result


def reasons(result: Generated) -> str:
    return " | ".join(skip.reason for skip in result.skipped)
