"""Helpers the generators share: a checked index of facts, wording, seeded choices, skips."""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TypeVar

from quizgen.errors import Problem, QuizgenError
from quizgen.factbase.model import Entity, Event, Fact, FactBase, Figure, Quote
from quizgen.generators.base import GenOptions
from quizgen.generators.textindex import WordFinder
from quizgen.quiz.questions import MATCH_SIZES, MIN_OPTIONS, ORDER_SIZES, Skip  # the shape limits

T = TypeVar("T")

# how a kind of entity is counted in skip reasons: (singular, plural)
KIND_WORDS = {
    "person": ("person", "people"),
    "organisation": ("organisation", "organisations"),
    "country": ("country", "countries"),
    "group": ("group", "groups"),
}
# entities that are bodies: a term may name one (its meaning is then the body), and a body's
# "we …" is said only by another body
BODY_KINDS = frozenset({"organisation", "group"})
# a group named only as the rest of some others ("other supporters", "others"): no one a
# student can tell apart, so never a speaker to offer or to key
_REMAINDER = re.compile(r"(?:the\s+)?(?:some\s+)?others?\b", re.IGNORECASE)


REMAINDER_SKIP = ("a quote of a group named only as the rest of others (“other supporters”) "
                  "is not asked")


def remainder(entity: Entity) -> bool:
    """Whether an entity is named only as the rest of some others ("other supporters")."""
    return _REMAINDER.match(entity.name.strip()) is not None


@dataclass(frozen=True)
class FactIndex:
    """The facts a generator may ask about: those whose id is unique within the fact base."""

    entities: dict[str, Entity]  # entities with a unique id and a name to show
    quotes: tuple[Quote, ...]
    figures: tuple[Figure, ...]
    events: tuple[Event, ...]
    # entities that only ever give figures (never speak, hold a figure or take part in an event),
    # such as one standing for the article itself: never offered as a wrong answer
    sources_only: frozenset[str] = frozenset()

    def offerable(self, entity: Entity) -> bool:
        """Whether the entity may be shown as an option: anyone but a mere source of figures or
        a group named only as the rest of some others ("other supporters")."""
        return entity.id not in self.sources_only and not remainder(entity)

    def name(self, entity_id: str) -> str:
        """The display name of a known entity."""
        return self.entities[entity_id].name

    def known(self, ids: Iterable[str]) -> tuple[str, ...]:
        """The ids among `ids` that are usable entities, in order, without repeats."""
        return tuple(dict.fromkeys(i for i in ids if i in self.entities))

    @cached_property
    def sources_by_quantity(self) -> dict[tuple[str, str | None], set[frozenset[str]]]:
        """The sources (`given_by`, as sets) of the figures of each quantity, by measure
        (spaces collapsed, folded) and subject: read once, not once per figure asked."""
        found: dict[tuple[str, str | None], set[frozenset[str]]] = {}
        for figure in self.figures:
            key = (" ".join(figure.measure.split()).casefold(), figure.subject)
            found.setdefault(key, set()).add(frozenset(figure.given_by))
        return found

    @cached_property
    def name_finder(self) -> WordFinder[str]:
        """Every name and alias of the entities, folded as `name_fold` does, by entity id:
        compiled once, so finding who a text names reads the text, not every name."""
        return WordFinder(
            (name_fold(name), entity.id)
            for entity in self.entities.values()
            for name in (entity.name, *entity.aliases) if name.strip()
        )


def name_fold(text: str) -> str:
    """A name or a text as names are compared in it: curly apostrophes straightened, loosely."""
    return norm(text.replace("’", "'"))


def index_facts(base: FactBase) -> FactIndex:
    """Index the facts, leaving out any whose id is shared with another fact (it is ambiguous);
    made once per fact base and shared by every generator."""
    return base.index(_index_facts)


def _index_facts(base: FactBase) -> FactIndex:
    facts: tuple[Entity | Quote | Figure | Event, ...] = (
        *base.entities,
        *base.quotes,
        *base.figures,
        *base.events,
    )
    counts = Counter(fact.id for fact in facts)

    def unique(fact: Entity | Quote | Figure | Event) -> bool:
        return counts[fact.id] == 1

    entities = {e.id: e for e in base.entities if unique(e) and e.name.strip()}
    return FactIndex(
        entities=entities,
        quotes=tuple(q for q in base.quotes if unique(q)),
        figures=tuple(f for f in base.figures if unique(f)),
        events=tuple(e for e in base.events if unique(e)),
        sources_only=base.sources_only,
    )


def id_counts(base: FactBase) -> Counter[str]:
    """How often each id occurs across every section (a shared id is ambiguous: never asked)."""
    facts: tuple[Fact, ...] = (
        *base.entities, *base.quotes, *base.figures, *base.events, *base.places, *base.terms,
        *base.claims,
    )  # fmt: skip
    return Counter(fact.id for fact in facts)


def count_of(count: int, singular: str, plural: str) -> str:
    """'1 person', '3 people': a count with the noun in the right number."""
    return f"{count} {singular if count == 1 else plural}"


def only(count: int, singular: str, plural: str) -> str:
    """'only 1 other place', 'no other places' (never 'only 0 other places'): how few there
    were, as a teacher would say it."""
    return f"no {plural}" if count == 0 else f"only {count_of(count, singular, plural)}"


def check_options(options: GenOptions) -> None:
    """Refuse options no generator can honour, naming the field and the allowed range."""
    problems: list[Problem] = []
    if options.num_options < MIN_OPTIONS:
        problems.append(_range_problem("num_options", options.num_options, f">= {MIN_OPTIONS}"))
    if options.match_size not in MATCH_SIZES:
        problems.append(_range_problem("match_size", options.match_size, "3 to 5"))
    if options.order_size not in ORDER_SIZES:
        problems.append(_range_problem("order_size", options.order_size, "3 to 6"))
    if options.limit is not None and options.limit < 0:
        problems.append(_range_problem("limit", options.limit, "None or >= 0"))
    if problems:
        raise QuizgenError(problems)


def _range_problem(field: str, found: int, expected: str) -> Problem:
    return Problem(
        "generator option out of range", field=field, found=str(found), expected=expected
    )


def seeded(seed: int, kind: str, base_id: str, *parts: str) -> random.Random:
    """A random generator for one decision, from a string seed (stable across interpreters)."""
    return random.Random(":".join((str(seed), kind, base_id, *parts)))


def ask(sentence: str) -> str:
    """A question from a sentence that may end with quoted words: its question mark, unless the
    quote already ends with one or with "!" ('Who said: “Is it over?”', never '“Is it over?”?')."""
    if re.search(r"[?!][”\"]$", sentence):
        return sentence
    return f"{sentence}?"


def norm(text: str) -> str:
    """Text compared loosely: whitespace collapsed and case folded."""
    return " ".join(text.split()).casefold()


def join_names(names: Sequence[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def possessive(entity: Entity) -> str:
    """'Maduro's', 'Musk's'; a plural-looking organisation name takes a bare apostrophe: 'NGOs''."""
    name = entity.name.strip()
    if entity.kind != "person" and name.endswith("s") and not name.endswith("ss"):
        return name + "'"
    return name + "'s"


def noun_phrase(measure: str) -> str:
    """A measure without a leading article, so that 'the' or a possessive can go before it."""
    words = measure.split()
    if len(words) > 1 and words[0].casefold() in {"the", "a", "an"}:
        words = words[1:]
    return " ".join(words)


def coarse_kind(entity: Entity) -> str:
    """People against everything else (organisations, countries, groups)."""
    return "person" if entity.kind == "person" else "other"


def insert_uniform(rng: random.Random, correct: T, others: Sequence[T]) -> tuple[list[T], int]:
    """The options with `others` shuffled and `correct` at a uniformly drawn position."""
    shuffled = list(others)
    rng.shuffle(shuffled)
    position = rng.randrange(len(shuffled) + 1)
    shuffled.insert(position, correct)
    return shuffled, position


def draw(
    rng: random.Random, pool: Sequence[T], count: int, accept: Callable[[T], bool], *, slack: int
) -> list[T]:
    """Up to `count` items of `pool` that `accept`, in random order, from a bounded sample first.

    `slack` is how many items `accept` may refuse; the search widens to the whole pool only when
    the first sample falls short, so the usual cost does not grow with the pool.
    """
    if count <= 0 or not pool:
        return []
    size = min(len(pool), count + slack + 16)
    first = rng.sample(range(len(pool)), size)
    taken: list[T] = []
    for i in first:
        if accept(pool[i]):
            taken.append(pool[i])
            if len(taken) == count:
                return taken
    if size < len(pool):
        seen = set(first)
        rest = [i for i in range(len(pool)) if i not in seen]
        rng.shuffle(rest)
        for i in rest:
            if accept(pool[i]):
                taken.append(pool[i])
                if len(taken) == count:
                    break
    return taken


def excerpts(facts: Iterable[Quote | Figure | Event]) -> tuple[str, ...]:
    """The facts' source excerpts, in order, without repeats or blanks (never empty: a fact with
    no excerpt is explained by its own words)."""
    facts = list(facts)
    found = tuple(dict.fromkeys(f.excerpt.strip() for f in facts if f.excerpt.strip()))
    return found or tuple(dict.fromkeys(_own_words(f) for f in facts)) or ("",)


def _own_words(fact: Quote | Figure | Event) -> str:
    if isinstance(fact, Quote):
        return " ".join(fact.text.split())
    if isinstance(fact, Event):
        return " ".join(fact.description.split())
    return f"{' '.join(fact.measure.split())}: {fact.value} {fact.unit}"


def tags_of(facts: Iterable[Quote | Figure | Event]) -> tuple[str, ...]:
    """The union of the facts' topic tags, sorted."""
    return tuple(sorted({tag for fact in facts for tag in fact.tags}))


class Skips:
    """Skipped questions of one kind and fact base, counted by reason so reports stay short."""

    def __init__(self, kind: str, factbase: str) -> None:
        self.kind = kind
        self.factbase = factbase
        self._counts: dict[str, int] = {}

    def add(self, reason: str) -> None:
        """Record one thing that could not be made."""
        self._counts[reason] = self._counts.get(reason, 0) + 1

    def result(self) -> tuple[Skip, ...]:
        """One Skip per reason, in the order first seen, with a count when it happened often."""
        return tuple(
            Skip(self.kind, self.factbase, reason if n == 1 else f"{reason} ({n} times)")
            for reason, n in self._counts.items()
        )


def full(questions: Sequence[object], options: GenOptions) -> bool:
    """Whether the generator has made as many questions as options.limit allows."""
    return options.limit is not None and len(questions) >= options.limit


def linked(pairs: Iterable[tuple[str, Iterable[str]]], start: Iterable[str]) -> set[str]:
    """Ids joined to `start` by the links (same_as, agrees_with), taken both ways and followed
    on, the start included."""
    return reach(link_edges(pairs), start)


def link_edges(pairs: Iterable[tuple[str, Iterable[str]]]) -> dict[str, set[str]]:
    """The links as an undirected adjacency map, for `reach`."""
    edges: dict[str, set[str]] = {}
    for one, others in pairs:
        for other in others:
            edges.setdefault(one, set()).add(other)
            edges.setdefault(other, set()).add(one)
    return edges


def reach(edges: dict[str, set[str]], start: Iterable[str]) -> set[str]:
    """Ids joined to `start` through `edges` (from link_edges), the start included."""
    found = set(start)
    stack = list(found)
    while stack:
        for nxt in edges.get(stack.pop(), ()):
            if nxt not in found:
                found.add(nxt)
                stack.append(nxt)
    return found
