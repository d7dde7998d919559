"""The fact-base domain model: frozen dataclasses with no output format in them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING, Literal, TypeVar, cast

if TYPE_CHECKING:
    from collections.abc import Callable

Qualifier = Literal[
    "exact", "about", "nearly", "at least", "at most", "up to", "more than", "fewer than"
]
Sense = Literal["literal", "rhetorical"]
EntityKind = Literal["person", "organisation", "country", "group"]
Pronoun = Literal["she", "he", "they"]
_T = TypeVar("_T")
TIME_OF_DAY = "time of day"  # the unit of a figure whose value is minutes since midnight


@dataclass(frozen=True)
class Span:
    """Where a fact was written: file, 1-based line and column."""

    file: str
    line: int
    column: int


@dataclass(frozen=True)
class Source:
    """The article a fact base is drawn from."""

    title: str
    about: str
    text_file: str | None = None  # path of the article text, relative to the fact base file
    published: str | None = None
    outlet: str | None = None
    span: Span | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Entity:
    """A person, organisation, country or group named in the article."""

    id: str
    name: str
    role: str
    kind: EntityKind = "person"
    aliases: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    excerpt: str = ""
    span: Span | None = field(default=None, compare=False)
    check: str | None = None  # what a guess still waits for; None once checked
    speaks_for: str | None = None  # entity id this one speaks for (a spokesman: his coalition)
    pronoun: Pronoun | None = None  # how the article refers to a person: she, he or they
    same_as: tuple[str, ...] = ()  # ids of people entries that are this one under another name


@dataclass(frozen=True)
class Quote:
    """A passage quoted in the article, verbatim, with its speaker or speakers."""

    id: str
    text: str
    speakers: tuple[str, ...]  # entity ids; more than one when the article says so
    context: str = ""  # when or where it was said, e.g. "at a press conference in Miraflores"
    key_phrase: str | None = None  # substring of text blanked in cloze cards
    tags: tuple[str, ...] = ()
    excerpt: str = ""
    span: Span | None = field(default=None, compare=False)
    check: str | None = None  # what a guess still waits for; None once checked
    distinctive: bool = True  # False: a scare-quoted word or the like, never asked about
    place: str | None = None  # place id where it was said
    about: tuple[str, ...] = ()  # entity ids the words are aimed at without naming them


@dataclass(frozen=True)
class Figure:
    """A number the article gives: what it measures, for whom, according to whom."""

    id: str
    measure: str  # noun phrase, e.g. "share of the vote"
    value: Decimal  # exactly as written; its exponent is the precision shown
    unit: str  # "percent", "year", "people", "barrels per day", ...
    given_by: tuple[str, ...]  # entity ids of who gives the figure
    subject: str | None = None  # entity id the figure belongs to, e.g. "maduro"
    qualifier: Qualifier = "exact"
    group: str | None = None  # comparable figures share a group, e.g. "cne-vote-shares"
    sense: Sense = "literal"  # "rhetorical": a figure of speech ("100% ready"), never quizzed
    tags: tuple[str, ...] = ()
    excerpt: str = ""
    span: Span | None = field(default=None, compare=False)
    check: str | None = None  # what a guess still waits for; None once checked
    to: Decimal | None = None  # upper bound of a range ("between 40 and 60": value 40, to 60)
    ask: str | None = None  # a full question sentence overriding the generated prompt

    @property
    def decimals(self) -> int:
        """Digits after the decimal point of `value` as written (0 for whole numbers)."""
        return decimals_of(self.value)

    @property
    def to_decimals(self) -> int:
        """Digits after the decimal point of `to` as written (0 without a range)."""
        return 0 if self.to is None else decimals_of(self.to)

    @property
    def is_time_of_day(self) -> bool:
        """Whether the value (and `to`) are minutes since midnight, written HH:MM."""
        return self.unit == TIME_OF_DAY


def decimals_of(value: Decimal) -> int:
    """Digits after the decimal point of a number as written (0 for whole numbers)."""
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


@dataclass(frozen=True, order=True)
class PartialDate:
    """A calendar date known to year, month or day precision."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Literal["year", "month", "day"]:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def bounds(self) -> tuple[dt.date, dt.date]:
        """First and last calendar day this date may stand for."""
        if self.month is None:
            return dt.date(self.year, 1, 1), dt.date(self.year, 12, 31)
        if self.day is None:
            nxt = dt.date(self.year + self.month // 12, self.month % 12 + 1, 1)
            return dt.date(self.year, self.month, 1), nxt - dt.timedelta(days=1)
        day = dt.date(self.year, self.month, self.day)
        return day, day

    def __str__(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
        if self.day is not None:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)


@dataclass(frozen=True)
class Event:
    """Something that happened, with what is known of its place in time."""

    id: str
    description: str  # a sentence fragment, e.g. "Venezuela cut ties with Peru"
    date: PartialDate | None = None
    after: tuple[str, ...] = ()  # ids of events this one certainly follows
    before: tuple[str, ...] = ()  # ids of events this one certainly precedes
    people: tuple[str, ...] = ()  # entity ids involved
    tags: tuple[str, ...] = ()
    excerpt: str = ""
    span: Span | None = field(default=None, compare=False)
    check: str | None = None  # what a guess still waits for; None once checked
    place: str | None = None  # place id where it happened


@dataclass(frozen=True)
class Place:
    """A place the article names: a city, a building, a region, a river."""

    id: str
    name: str
    description: str  # what it is, e.g. "the presidential palace in Caracas"
    aliases: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    excerpt: str = ""
    span: Span | None = field(default=None, compare=False)
    check: str | None = None  # what a guess still waits for; None once checked
    within: tuple[str, ...] = ()  # ids of places it lies in (a town in its province)
    same_as: tuple[str, ...] = ()  # ids of places that are this one under another name


@dataclass(frozen=True)
class Term:
    """A word or name the article explains: "Matariki, the Māori New Year"."""

    id: str
    term: str
    meaning: str  # a noun phrase completing "<term> is ...", e.g. "the Māori New Year"
    aliases: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    excerpt: str = ""
    span: Span | None = field(default=None, compare=False)
    check: str | None = None  # what a guess still waits for; None once checked
    same_as: tuple[str, ...] = ()  # ids of terms naming the same thing (Matariki, the Pleiades)


@dataclass(frozen=True)
class ReportedClaim:
    """Reported speech: who said that what ("the ministry said that 52 people had died")."""

    id: str
    claimants: tuple[str, ...]  # entity ids of who made the claim
    text: str  # what was said, as a that-clause without "that": "52 people had died"
    figure: str | None = None  # id of a figure the claim carries
    tags: tuple[str, ...] = ()
    excerpt: str = ""  # the reporting sentence
    span: Span | None = field(default=None, compare=False)
    check: str | None = None  # what a guess still waits for; None once checked
    about: tuple[str, ...] = ()  # entity ids the claim is about without naming them
    agrees_with: tuple[str, ...] = ()  # ids of claims or quotes that say as much


Fact = Entity | Quote | Figure | Event | Place | Term | ReportedClaim


@dataclass(frozen=True)
class SpeakerMap:
    """Every entity's `speaks_for` chain and who speaks for it, directly or through others.

    Built once per fact base in time linear in the entities times the depth of their chains (one
    or two links in an article), instead of a walk of every entity for every speaker asked about.
    """

    chains: dict[str, tuple[str, ...]]  # entity id -> itself, whom it speaks for, ...
    below: dict[str, frozenset[str]]  # id -> entities whose chain passes through it

    def chain(self, entity_id: str) -> tuple[str, ...]:
        """The entity, the one it speaks for, the one that speaks for, ... (no repeats)."""
        return self.chains.get(entity_id, (entity_id,))

    def equivalents(self, entity_id: str) -> frozenset[str]:
        """The chain of this entity and every entity whose chain passes through it."""
        return frozenset(self.chain(entity_id)) | self.below.get(entity_id, frozenset())


def build_speaker_map(entities: tuple[Entity, ...]) -> SpeakerMap:
    """The speaker map of these entities (the last of a repeated id wins, as in `by_id`)."""
    up = {entity.id: entity.speaks_for for entity in entities}
    chains: dict[str, tuple[str, ...]] = {}
    below: dict[str, set[str]] = {}
    for entity_id in up:
        chain = [entity_id]
        seen = {entity_id}
        while (nxt := up.get(chain[-1])) is not None and nxt not in seen:
            chain.append(nxt)
            seen.add(nxt)
        chains[entity_id] = tuple(chain)
        for link in chain:
            below.setdefault(link, set()).add(entity_id)
    return SpeakerMap(chains, {k: frozenset(v) for k, v in below.items()})


@dataclass(frozen=True)
class FactBase:
    """Everything drawn from one article. Ids are unique within one fact base."""

    id: str  # the fact base's own id, by default its file name without .yaml
    source: Source
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()
    events: tuple[Event, ...] = ()
    path: str | None = field(default=None, compare=False)
    places: tuple[Place, ...] = ()
    terms: tuple[Term, ...] = ()
    claims: tuple[ReportedClaim, ...] = ()
    dropped: tuple[str, ...] = ()  # ids of questions the teacher dropped: never selected
    # the article's text (source.text_file), when the loader could read it; None otherwise
    article: str | None = field(default=None, compare=False, repr=False)

    @cached_property
    def by_id(self) -> dict[str, Fact]:
        """Every fact by its id (people, quotes, figures, events, places, terms, claims)."""
        facts: list[Fact] = [
            *self.entities, *self.quotes, *self.figures, *self.events, *self.places,
            *self.terms, *self.claims,
        ]
        return {fact.id: fact for fact in facts}

    @cached_property
    def speaker_map(self) -> SpeakerMap:
        """The `speaks_for` links of every entity, read once per fact base (see SpeakerMap)."""
        return build_speaker_map(self.entities)

    def speaks_for_chain(self, entity_id: str) -> tuple[str, ...]:
        """The entity, the one it speaks for, the one that speaks for, ... (no repeats)."""
        return self.speaker_map.chain(entity_id)

    def speaker_equivalents(self, entity_id: str) -> frozenset[str]:
        """Who counts as the same speaker as this entity through `speaks_for`: the bodies it
        speaks for and those who speak for it (a spokesman's words are his organisation's).
        Two spokesmen of one body are not equivalent to each other."""
        return self.speaker_map.equivalents(entity_id)

    def index(self, make: Callable[[FactBase], _T]) -> _T:
        """What `make(self)` returns, made once per fact base and kept with it.

        A stage keeps its own reading of a base here (names normalised and compiled, excerpts
        indexed) without the model knowing of it: the key is the function itself, so the oracle's
        index and the generators' stay separate even when they read the same fields."""
        memo = self._indexes
        if make not in memo:
            memo[make] = make(self)
        return cast("_T", memo[make])

    @cached_property
    def _indexes(self) -> dict[Callable[[FactBase], object], object]:
        return {}

    def __getstate__(self) -> dict[str, object]:
        """A copy or pickle leaves the stages' indexes behind: they key facts by id(), which
        the copied facts do not keep (each stage indexes the copy again)."""
        state = dict(self.__dict__)
        state.pop("_indexes", None)
        return state

    @cached_property
    def sources_only(self) -> frozenset[str]:
        """Ids of entities that give figures and do nothing else: never speak, hold a figure or
        take part in an event (such as one standing for the article itself)."""
        sources = {source for figure in self.figures for source in figure.given_by}
        active = {speaker for quote in self.quotes for speaker in quote.speakers}
        active |= {figure.subject for figure in self.figures if figure.subject is not None}
        active |= {person for event in self.events for person in event.people}
        return frozenset(sources - active)

    def entity(self, entity_id: str) -> Entity:
        """The entity with this id (KeyError if none)."""
        fact = self.by_id[entity_id]
        if not isinstance(fact, Entity):
            raise KeyError(entity_id)
        return fact
