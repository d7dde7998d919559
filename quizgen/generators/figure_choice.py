"""figure-choice: what was a figure (numeric options), and whose figure was it (entity options)."""

from __future__ import annotations

import random
from collections import defaultdict
from decimal import ROUND_FLOOR

from quizgen.generators.amounts import NumericChoice, numeric_options
from quizgen.generators.base import Generated, GenOptions
from quizgen.generators.common import (
    FactIndex,
    Skips,
    check_options,
    coarse_kind,
    draw,
    excerpts,
    full,
    index_facts,
    insert_uniform,
    join_names,
    norm,
    noun_phrase,
    possessive,
    seeded,
    tags_of,
)
from quizgen.model import Entity, FactBase, Figure
from quizgen.numbers import format_amount, quantize, shown_as, supported
from quizgen.questions import (
    Amount,
    EntityRef,
    FigureHolder,
    FigureValue,
    MultipleChoice,
    Option,
    Question,
    stable_id,
)

KIND = "figure-choice"
POOL_SAMPLE = 16  # comparable figures per list looked at for distractors: big groups stay cheap


class _Figures:
    """The fact base's figures indexed by quantity, measure and group, and entities by kind."""

    def __init__(self, base: FactBase, facts: FactIndex) -> None:
        self.by_quantity: dict[tuple[str, str | None], list[Figure]] = defaultdict(list)
        self.by_measure_unit: dict[tuple[str, str], list[Figure]] = defaultdict(list)
        self.by_group_unit: dict[tuple[str, str], list[Figure]] = defaultdict(list)
        self.by_measure_floor: dict[tuple[str, int], list[Figure]] = defaultdict(list)
        self.subjects_by_measure: dict[str, list[str]] = defaultdict(list)
        for figure in base.figures:
            if not supported(figure.value):
                continue
            measure = norm(figure.measure)
            self.by_quantity[(measure, figure.subject)].append(figure)
            self.by_measure_unit[(measure, figure.unit)].append(figure)
            if figure.group is not None:
                self.by_group_unit[(figure.group, figure.unit)].append(figure)
            if figure.subject is not None:
                floor = int(figure.value.to_integral_value(rounding=ROUND_FLOOR))
                self.by_measure_floor[(measure, floor)].append(figure)
                self.subjects_by_measure[measure].append(figure.subject)
        self.facts = facts
        self.by_kind: dict[str, list[Entity]] = defaultdict(list)
        for entity in facts.entities.values():
            self.by_kind[entity.kind].append(entity)
        self.broad: dict[str, list[Entity]] = {
            kind: [
                e
                for other, members in self.by_kind.items()
                if other != kind and (other == "person") == (kind == "person")
                for e in members
            ]
            for kind in self.by_kind
        }
        self.measure_pool: dict[tuple[str, str], list[Entity]] = defaultdict(list)
        for measure, subjects in self.subjects_by_measure.items():
            for subject in dict.fromkeys(subjects):
                if subject in facts.entities:
                    entity = facts.entities[subject]
                    self.measure_pool[(measure, coarse_kind(entity))].append(entity)

    def tiers(self, holder: Entity, measure: str) -> list[list[Entity]]:
        """Distractor pools, best first: subjects of this measure, same kind, same broad kind."""
        return [
            self.measure_pool.get((measure, coarse_kind(holder)), []),
            self.by_kind.get(holder.kind, []),
            self.broad.get(holder.kind, []),
        ]

    def holders(self, measure: str, amount: Amount) -> set[str]:
        """Subjects of any figure of this measure (any source or unit) that the amount may show."""
        floor = int(amount.value.to_integral_value(rounding=ROUND_FLOOR))
        found: set[str] = set()
        for near in (floor - 1, floor, floor + 1):
            for figure in self.by_measure_floor.get((measure, near), ()):
                coarse = min(amount.decimals, figure.decimals)
                if figure.subject is not None and (
                    shown_as(figure.value, amount.value, amount.decimals)
                    or quantize(figure.value, coarse) == quantize(amount.value, coarse)
                ):
                    found.add(figure.subject)
        return found


def generate(base: FactBase, *, seed: int, options: GenOptions) -> Generated:
    """Every figure asked both ways, once per distinct question, in fact-base order."""
    check_options(options)
    facts = index_facts(base)
    figures = _Figures(base, facts)
    skips = Skips(KIND, base.id)
    questions: list[Question] = []
    seen: set[object] = set()
    if not base.figures:
        skips.add("no figures in the fact base")
    for figure in facts.figures:
        if full(questions, options):
            break
        problem = _unusable(figure, facts)
        if problem:
            skips.add(problem)
            continue
        for make in (_value_question, _holder_question):
            if full(questions, options):
                break
            made = make(base, figure, facts=facts, figures=figures, seed=seed, options=options)
            if isinstance(made, str):
                skips.add(made)
            elif made is not None and _key(made.ask) not in seen:
                seen.add(_key(made.ask))
                questions.append(made)
    return Generated(questions=tuple(questions), skipped=skips.result())


def _key(ask: object) -> tuple[object, ...]:
    """What makes two figure questions the same question, whatever the measure's spacing or case."""
    if isinstance(ask, FigureValue):
        return ("value", norm(ask.measure), ask.subject, frozenset(ask.given_by or ()))
    if isinstance(ask, FigureHolder):
        amount = ask.amount
        shown = (amount.value, amount.unit, amount.decimals, amount.qualifier)
        return ("holder", norm(ask.measure), shown, frozenset(ask.given_by or ()))
    return ("other", ask)


def _unusable(figure: Figure, facts: FactIndex) -> str | None:
    """Why a figure cannot be asked about at all, or None."""
    if not supported(figure.value):
        return f"figure {figure.id}: value {figure.value} is not a number that can be quizzed"
    if not figure.measure.strip():
        return f"figure {figure.id}: no measure to ask about"
    if figure.subject is not None and figure.subject not in facts.entities:
        return f"figure {figure.id}: subject {figure.subject!r} is not a known entity"
    unknown = [g for g in figure.given_by if g not in facts.entities]
    if unknown:
        return f"figure {figure.id}: source {unknown[0]!r} is not a known entity"
    return None


def _sources(figure: Figure) -> tuple[str, ...] | None:
    """The sources the question names: the figure's own, or None when it has none."""
    return tuple(figure.given_by) if figure.given_by else None


def _according(facts: FactIndex, given_by: tuple[str, ...] | None) -> str:
    """'According to X, ' or '' when no source is named."""
    if not given_by:
        return ""
    return f"According to {join_names([facts.name(g) for g in dict.fromkeys(given_by)])}, "


def _people(figure: Figure) -> tuple[str, ...]:
    ids = set(figure.given_by)
    if figure.subject is not None:
        ids.add(figure.subject)
    return tuple(sorted(ids))


def _value_question(
    base: FactBase,
    figure: Figure,
    *,
    facts: FactIndex,
    figures: _Figures,
    seed: int,
    options: GenOptions,
) -> MultipleChoice | str | None:
    """What was the figure? Numeric options, ascending, none showing another value of it."""
    given_by = _sources(figure)
    ask = FigureValue(measure=figure.measure, subject=figure.subject, given_by=given_by)
    measure = norm(figure.measure)
    same = figures.by_quantity[(measure, figure.subject)]
    taken = [(f.value, f.decimals) for f in same if f is not figure]
    rng = seeded(seed, KIND, base.id, figure.id, "value")
    group = figures.by_group_unit.get((figure.group, figure.unit), []) if figure.group else []
    alike = figures.by_measure_unit[(measure, figure.unit)]
    merged = {id(f): f for f in (*_sample(rng, group), *_sample(rng, alike)) if f is not figure}
    comparable = list(merged.values())
    correct = Amount(figure.value, figure.unit, figure.decimals, figure.qualifier)
    choice = numeric_options(
        correct,
        rng=rng,
        count=options.num_options,
        pool=[f.value for f in comparable],
        taken=taken,
    )
    if isinstance(choice, str):
        return f"figure {figure.id}: {choice}"
    return MultipleChoice(
        id=stable_id(KIND, base.id, ask, figure.id),
        kind=KIND,
        factbase=base.id,
        prompt=_value_prompt(figure, facts, given_by),
        ask=ask,
        options=_numeric(choice),
        answer=choice.answer,
        explanation=excerpts([figure]),
        tags=tags_of([figure]),
        people=_people(figure),
    )


def _sample(rng: random.Random, figures: list[Figure]) -> list[Figure]:
    """At most POOL_SAMPLE of the figures, so that huge groups cost no more than small ones."""
    if len(figures) <= POOL_SAMPLE:
        return figures
    return [figures[i] for i in rng.sample(range(len(figures)), POOL_SAMPLE)]


def _numeric(choice: NumericChoice) -> tuple[Option, ...]:
    return tuple(Option(text=format_amount(a), claim=a) for a in choice.options)


def _value_prompt(figure: Figure, facts: FactIndex, given_by: tuple[str, ...] | None) -> str:
    """'According to X, what was Y's measure?' or '... what was the measure?'."""
    phrase = noun_phrase(figure.measure)
    if figure.subject is not None:
        owner = possessive(facts.entities[figure.subject])
        question = f"what was {owner} {phrase}?"
    else:
        question = f"what was the {phrase}?"
    lead = _according(facts, given_by)
    return lead + question if lead else question[0].upper() + question[1:]


def _holder_question(
    base: FactBase,
    figure: Figure,
    *,
    facts: FactIndex,
    figures: _Figures,
    seed: int,
    options: GenOptions,
) -> MultipleChoice | str | None:
    """Whose figure was it? Entities of the holder's kind; exactly one holds this value."""
    if figure.subject is None:
        return None
    amount = Amount(figure.value, figure.unit, figure.decimals, figure.qualifier)
    given_by = _sources(figure)
    ask = FigureHolder(measure=figure.measure, amount=amount, given_by=given_by)
    measure = norm(figure.measure)
    holder = facts.entities[figure.subject]
    barred = figures.holders(measure, amount) | set(figure.given_by) | {holder.id}
    names = {norm(holder.name)}
    rng = seeded(seed, KIND, base.id, figure.id, "holder")
    need = options.num_options - 1
    chosen: list[Entity] = []

    def accept(entity: Entity) -> bool:
        if entity.id in barred or norm(entity.name) in names:
            return False
        names.add(norm(entity.name))
        barred.add(entity.id)
        return True

    for tier in figures.tiers(holder, measure):
        chosen += draw(rng, tier, need - len(chosen), accept, slack=len(barred) + 8)
        if len(chosen) == need:
            break
    if len(chosen) < need:
        what = "people" if holder.kind == "person" else "organisations, countries or groups"
        return (
            f"figure {figure.id}: only {len(chosen) + 1} {what} to offer for whose "
            f"{noun_phrase(figure.measure)} it was; figure-choice needs {options.num_options}"
        )
    entities, answer = insert_uniform(rng, holder, chosen)
    lead = _according(facts, given_by)
    question = f"whose {noun_phrase(figure.measure)} was {format_amount(amount)}?"
    return MultipleChoice(
        id=stable_id(KIND, base.id, ask, figure.id),
        kind=KIND,
        factbase=base.id,
        prompt=lead + question if lead else question[0].upper() + question[1:],
        ask=ask,
        options=tuple(Option(text=e.name, claim=EntityRef(e.id)) for e in entities),
        answer=answer,
        explanation=excerpts([figure]),
        tags=tags_of([figure]),
        people=_people(figure),
    )
