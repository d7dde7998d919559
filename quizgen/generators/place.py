"""place: where an event happened or a quote was said, with the article's other places as
options ("Where did this happen: supporters of Maduro marched to the palace?")."""

from __future__ import annotations

import re

from quizgen.factbase.inside import written_within
from quizgen.factbase.model import Event, FactBase, Place, Quote
from quizgen.generators.base import Generated, GenOptions
from quizgen.generators.common import (
    Skips,
    ask,
    check_options,
    full,
    id_counts,
    index_facts,
    insert_uniform,
    linked,
    norm,
    only,
    seeded,
)
from quizgen.generators.place_levels import LEVEL_WORDS, level, same_level
from quizgen.generators.speakers import unworthy
from quizgen.generators.textindex import has_word
from quizgen.quiz.question_ids import stable_id
from quizgen.quiz.questions import (
    MIN_OPTIONS,
    MultipleChoice,
    Option,
    PlaceOf,
    PlaceRef,
    Question,
)

KIND = "place"


def _names(place: Place) -> list[str]:
    return [n for n in (place.name, *place.aliases) if n.strip()]


def _mentions(text: str, place: Place) -> bool:
    folded = norm(text.replace("’", "'"))
    return any(
        has_word(folded, norm(n.replace("’", "'")))
        for n in _names(place)
    )


MINOR = frozenset({"the", "of", "and", "in", "at", "on", "for", "a", "an", "to", "de", "la"})


def _hints(text: str, place: Place) -> str | None:
    """A word of the place's name (three letters or more, not a minor word) that the text uses
    as a whole word: "dinner with … the US ambassador" points at "the ambassador's residence"
    as surely as its full name would, and "a young Sikh Londoner" at London."""
    folded = norm(text.replace("’", "'"))
    for name in _names(place):
        words: list[str] = re.findall(r"\w+", norm(name.replace("’", "'")))
        for word in words:
            # a word built on it points as well: "Londoner" at London
            tail = r"\w*" if len(word) >= 5 else r"(?:'s|s)?(?!\w)"
            if len(word) >= 3 and word not in MINOR and re.search(
                rf"(?<!\w){re.escape(word)}{tail}", folded
            ):
                return word
    return None


def _around(base: FactBase, place_id: str) -> set[str]:
    """The place under all its names, and every place it lies in (within, followed on up)."""
    same = [(p.id, p.same_as) for p in base.places]
    written = written_within(base)  # "Dubuque, Iowa": the article's address says it
    up = {p.id: (*p.within, *sorted(written.get(p.id, ()))) for p in base.places}
    found = linked(same, [place_id])
    stack = list(found)
    while stack:
        for outer in up.get(stack.pop(), ()):
            for name in linked(same, [outer]) - found:
                found.add(name)
                stack.append(name)
    return found


def _nested(base: FactBase, one: str, other: str) -> bool:
    """Whether the two are one place, or one lies in the other: never offered together (a
    town beside its province would be a second answer, or one not known to be wrong)."""
    return other in _around(base, one) or one in _around(base, other)


def _people(fact: Event | Quote, base: FactBase) -> tuple[str, ...]:
    ids = fact.people if isinstance(fact, Event) else fact.speakers
    known = {e.id for e in base.entities}
    return tuple(sorted(set(ids) & known))


def prompt_for(fact: Event | Quote, base: FactBase) -> str:
    """'Where did this happen: …?' for an event; 'Where did X say: “…”?' for a quote."""
    if isinstance(fact, Event):
        words = " ".join(fact.description.split()).rstrip(".")
        first = words.split()[0] if words.split() else ""
        if first in ("The", "A", "An"):  # an article, not a name: lower case mid-sentence
            words = first.lower() + words[len(first) :]
        return f"Where did this happen: {words}?"
    known = {e.id: e for e in base.entities}
    names = [known[s].name for s in fact.speakers if s in known]
    text = " ".join(fact.text.split())
    if len(names) == 1:
        return ask(f"Where did {names[0]} say: “{text}”")
    return ask(f"Where was this said: “{text}”")


def generate(base: FactBase, *, seed: int, options: GenOptions) -> Generated:
    """One question per event or quote that names a place, when enough other places exist."""
    check_options(options)
    index_facts(base)
    skips = Skips(KIND, base.id)
    counts = id_counts(base)
    places = {p.id: p for p in base.places if counts[p.id] == 1 and p.name.strip()}
    candidates: tuple[Event | Quote, ...] = (*base.events, *base.quotes)
    located = [f for f in candidates if f.place is not None and counts[f.id] == 1]
    if not located:
        skips.add("no event or quote names a place")
        return Generated(questions=(), skipped=skips.result())
    questions: list[Question] = []
    for fact in located:
        if full(questions, options):
            break
        where = places.get(fact.place or "")
        if where is None:
            skips.add(f"{fact.id}: its place {fact.place!r} is not a known place")
            continue
        if isinstance(fact, Quote) and (why := unworthy(fact)):
            skips.add(why)
            continue
        if _mentions(prompt_for(fact, base), where):
            skips.add(f"{fact.id}: its words name its place, {where.name}: a giveaway")
            continue
        if hint := _hints(prompt_for(fact, base), where):
            skips.add(f"{fact.id}: its words say “{hint}”, which points at {where.name}: a "
                      "giveaway")
            continue
        rng = seeded(seed, KIND, base.id, fact.id)
        taken = {norm(n) for n in _names(where)}
        others: list[Place] = []
        for other in rng.sample(list(places.values()), len(places)):
            if len(others) == options.num_options - 1:
                break
            apart = not any(_nested(base, other.id, o.id) for o in (where, *others))
            if (other.id != where.id and apart
                    and all(same_level(other, o) for o in (where, *others))
                    and not taken & {norm(n) for n in _names(other)}):
                taken |= {norm(n) for n in _names(other)}
                others.append(other)
        if len(others) < MIN_OPTIONS - 1:
            one, many = LEVEL_WORDS[level(where)]
            skips.add(
                f"{fact.id}: {only(len(others), f'other {one}', f'other {many}')} to offer "
                f"beside {where.name} (a place is offered among places of its own kind, towns "
                f"with towns, countries with countries); 'where …?' needs {MIN_OPTIONS - 1}"
            )
            continue
        shown, answer = insert_uniform(rng, where, others)
        explanation = [" ".join(fact.excerpt.split())] if fact.excerpt.strip() else []
        if not any(_mentions(e, where) for e in explanation):
            own = " ".join(where.excerpt.split())
            explanation.append(
                own if _mentions(own, where) else f"{where.name}: {where.description}"
            )
        ask = PlaceOf(fact.id)
        questions.append(
            MultipleChoice(
                id=stable_id(KIND, base.id, ask, fact.id),
                kind=KIND,
                factbase=base.id,
                prompt=prompt_for(fact, base),
                ask=ask,
                options=tuple(Option(text=p.name, claim=PlaceRef(p.id)) for p in shown),
                answer=answer,
                explanation=tuple(dict.fromkeys(explanation)),
                tags=tuple(sorted({*fact.tags, *where.tags})),
                people=_people(fact, base),
            )
        )
    return Generated(questions=tuple(questions), skipped=skips.result())
