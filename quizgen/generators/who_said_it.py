"""who-said-it: one quote, several people, exactly one of whom said it."""

from __future__ import annotations

from collections import defaultdict

from quizgen.generators.base import Generated, GenOptions
from quizgen.generators.common import (
    FactIndex,
    Skips,
    check_options,
    count_of,
    draw,
    excerpts,
    full,
    index_facts,
    insert_uniform,
    norm,
    seeded,
    tags_of,
)
from quizgen.model import Entity, FactBase, Quote
from quizgen.questions import EntityRef, MultipleChoice, Option, Question, SpeakerOf, stable_id

KIND = "who-said-it"


def passages(base: FactBase) -> dict[str, list[Quote]]:
    """Every quote grouped by its text (spacing and case ignored): one passage per group."""
    groups: dict[str, list[Quote]] = defaultdict(list)
    for quote in base.quotes:
        groups[norm(quote.text)].append(quote)
    return groups


def speakers_of(quotes: list[Quote], base: FactBase) -> set[str]:
    """Everyone credited with any of these quotes, known entity or not, and those who count as
    the same speaker through `speaks_for` (a spokesman's body, a body's spokesman)."""
    return {same for quote in quotes for speaker in quote.speakers
            for same in base.speaker_equivalents(speaker)}


class _Pools:
    """Distractor pools per speaker kind, best first: same kind, same broad kind, anyone.

    Within each, people who are quoted somewhere come before people who are not. Entities that
    only give figures (such as one standing for the article itself) are never offered.
    """

    def __init__(self, facts: FactIndex, quoted: set[str]) -> None:
        table: dict[tuple[str, bool], list[Entity]] = defaultdict(list)
        for entity in facts.entities.values():
            if facts.offerable(entity):
                table[(entity.kind, entity.id in quoted)].append(entity)
        kinds = sorted({kind for kind, _ in table})
        self.tiers: dict[str, list[list[Entity]]] = {}
        for kind in kinds:
            broad = [k for k in kinds if k != kind and (k == "person") == (kind == "person")]
            rest = [k for k in kinds if k != kind and k not in broad]
            self.tiers[kind] = [
                [e for k in group for e in table.get((k, has_quotes), [])]
                for group in ([kind], broad, rest)
                for has_quotes in (True, False)
            ]

    def for_kind(self, kind: str) -> list[list[Entity]]:
        """The pools to draw distractors from for a speaker of this kind."""
        return self.tiers.get(kind, [])


def generate(base: FactBase, *, seed: int, options: GenOptions) -> Generated:
    """One question per distinct passage that has a known speaker and enough other people."""
    check_options(options)
    facts = index_facts(base)
    skips = Skips(KIND, base.id)
    count = options.num_options
    if not facts.quotes:
        skips.add("no quotes in the fact base")
        return Generated(questions=(), skipped=skips.result())
    offerable = sum(1 for entity in facts.entities.values() if facts.offerable(entity))
    if offerable < count:
        people = count_of(offerable, "person", "people")
        skips.add(f"only {people} in the fact base; who-said-it needs {count} options")
        return Generated(questions=(), skipped=skips.result())
    groups = passages(base)
    quoted = {s for quote in base.quotes for s in quote.speakers}
    pools = _Pools(facts, quoted)
    questions: list[Question] = []
    done: set[str] = set()
    for quote in facts.quotes:
        if full(questions, options):
            break
        key = norm(quote.text)
        if key in done:
            continue
        if not key:
            skips.add("a quote has no text")
            continue
        speakers = facts.known(quote.speakers)
        if not speakers:
            skips.add("a quote has no speaker who is a known entity")
            continue
        done.add(key)
        made = _question(
            base, quote, groups[key], speakers, facts=facts, pools=pools, seed=seed, count=count
        )
        if isinstance(made, str):
            skips.add(made)
        else:
            questions.append(made)
    return Generated(questions=tuple(questions), skipped=skips.result())


def _question(
    base: FactBase,
    quote: Quote,
    passage: list[Quote],
    speakers: tuple[str, ...],
    *,
    facts: FactIndex,
    pools: _Pools,
    seed: int,
    count: int,
) -> MultipleChoice | str:
    rng = seeded(seed, KIND, base.id, quote.id)
    everyone = speakers_of(passage, base)
    correct = facts.entities[rng.choice(speakers)]
    barred = set(everyone)
    names = {norm(facts.name(s)) for s in everyone if s in facts.entities}

    def accept(entity: Entity) -> bool:
        if entity.id in barred or norm(entity.name) in names:
            return False
        barred.add(entity.id)
        names.add(norm(entity.name))
        return True

    chosen: list[Entity] = []
    for tier in pools.for_kind(correct.kind):
        chosen += draw(rng, tier, count - 1 - len(chosen), accept, slack=len(barred) + 8)
        if len(chosen) == count - 1:
            break
    if len(chosen) < count - 1:
        return (
            f"a quote can offer only {count_of(len(chosen) + 1, 'person', 'people')} (the others "
            f"said it or share a name); who-said-it needs {count} options"
        )
    people, answer = insert_uniform(rng, correct, chosen)
    ask = SpeakerOf(quote.id)
    return MultipleChoice(
        id=stable_id(KIND, base.id, ask, quote.id),
        kind=KIND,
        factbase=base.id,
        prompt=_prompt(quote),
        ask=ask,
        options=tuple(Option(text=p.name, claim=EntityRef(p.id)) for p in people),
        answer=answer,
        explanation=excerpts(passage),
        tags=tags_of(passage),
        people=tuple(sorted(facts.known(everyone))),
    )


def _prompt(quote: Quote) -> str:
    """'Who said: “…”?', with the quote's context when it has one."""
    text = " ".join(quote.text.split())
    context = " ".join(quote.context.split())
    if context:
        return f"Who said, {context}: “{text}”?"
    return f"Who said: “{text}”?"
