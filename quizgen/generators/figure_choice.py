"""figure-choice: what was a figure (numeric options), and whose figure was it (entity options)."""

from __future__ import annotations

import random

from quizgen.factbase.model import Entity, FactBase, Figure
from quizgen.factbase.numbers import format_amount
from quizgen.generators.amounts import NumericChoice, numeric_options
from quizgen.generators.base import Generated, GenOptions
from quizgen.generators.common import (
    KIND_WORDS,
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
    noun_phrase,
    seeded,
    tags_of,
)
from quizgen.generators.false_amounts import false_options
from quizgen.generators.figure_asks import KIND as KIND  # the kind's name, where it is read
from quizgen.generators.figure_asks import holder_reading, value_reading
from quizgen.generators.figure_index import Figures
from quizgen.generators.figure_usable import unusable_figures
from quizgen.generators.figure_wording import (
    holder_prompt,
)
from quizgen.generators.speaker_sorts import same_sort
from quizgen.quiz.questions import (
    MIN_OPTIONS,
    EntityRef,
    FigureGiven,
    FigureHolder,
    FigureValue,
    MultipleChoice,
    Option,
    Question,
)

COMPARABLE_TIERS = 2  # holders of the same measure or group: a holder question needs one of them
POOL_SAMPLE = 16  # comparable figures per list looked at for distractors: big groups stay cheap


def _figures_of(base: FactBase) -> Figures:
    """The base's figures indexed, once per base: per-student versions ask figures again under
    twenty seeds, and only the seed and the options change what is made of them."""
    return Figures(base, index_facts(base))


def generate(base: FactBase, *, seed: int, options: GenOptions) -> Generated:
    """Every figure asked both ways, once per distinct question, in fact-base order."""
    return _generate(base, seed=seed, options=options)


def generate_measure(
    base: FactBase, measure: str, *, seed: int, options: GenOptions
) -> tuple[Question, ...]:
    """The questions `generate` makes about the figures of one measure (as `norm` gives it),
    the very same, without making the others (per-student versions ask a figure again).

    The same because each figure's questions draw on a generator of their own (seeded by the
    figure), and a question is left out as a repeat only of one with the same `_key`, whose
    measure is its own; with a limit, which counts every figure's, all are made.
    """
    if options.limit is not None:
        return tuple(q for q in generate(base, seed=seed, options=options).questions
                     if norm(getattr(q.ask, "measure", "")) == measure)
    return _generate(base, seed=seed, options=options, measure=measure).questions


def _generate(
    base: FactBase, *, seed: int, options: GenOptions, measure: str | None = None
) -> Generated:
    """generate(), or only its questions about figures of `measure`."""
    check_options(options)
    facts = index_facts(base)
    figures = base.index(_figures_of)
    skips = Skips(KIND, base.id)
    questions: list[Question] = []
    seen: set[object] = set()
    if not base.figures:
        skips.add("no figures in the fact base")
    for figure in facts.figures:
        if full(questions, options):
            break
        if measure is not None and norm(figure.measure) != measure:
            continue
        problem = base.index(unusable_figures)[id(figure)]
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
    if isinstance(ask, FigureValue | FigureGiven):
        kind = "value" if isinstance(ask, FigureValue) else "given"
        return (kind, norm(ask.measure), ask.subject, frozenset(ask.given_by or ()))
    if isinstance(ask, FigureHolder):
        amount = ask.amount
        shown = (amount.value, amount.unit, amount.decimals, amount.qualifier)
        return ("holder", norm(ask.measure), shown, frozenset(ask.given_by or ()))
    return ("other", ask)



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
    figures: Figures,
    seed: int,
    options: GenOptions,
) -> MultipleChoice | str | None:
    """What was the figure? Numeric options, ascending, none showing another value of it (a
    figure stated loosely asked as the figure given: _value_reading)."""
    read = value_reading(base, figure, facts=facts, figures=figures)
    rng = seeded(seed, KIND, base.id, figure.id, "value")
    merged = {
        id(f): f
        for f in (*_sample(rng, read.group), *_sample(rng, read.alike))
        if f is not figure and f.sense != "rhetorical"
    }
    comparable = list(merged.values())
    correct = read.correct
    if read.stuck:
        return f"figure {figure.id}: {read.stuck}"
    limits = read.limits
    choice: NumericChoice | str
    if read.loose:  # read as statements, the wrong options must be false by what was given
        choice = false_options(
            correct,
            stated=read.stated,
            rng=rng,
            count=options.num_options,
            pool=[f.value for f in comparable],
            taken=read.taken,
            measure=figure.measure,
            limits=limits,
            avoid=figures.values_by_unit.get(norm(figure.unit), frozenset()),
        )
    else:
        choice = numeric_options(
            correct,
            rng=rng,
            count=options.num_options,
            pool=[f.value for f in comparable],
            taken=read.taken,
            width=None if correct.to is None else correct.to - correct.value,
            measure=figure.measure,
            limits=limits,
        )
    if isinstance(choice, str):
        return f"figure {figure.id}: {choice}"
    return MultipleChoice(
        id=read.id,
        kind=KIND,
        factbase=base.id,
        prompt=read.prompt,
        ask=read.ask,
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


def _holder_question(
    base: FactBase,
    figure: Figure,
    *,
    facts: FactIndex,
    figures: Figures,
    seed: int,
    options: GenOptions,
) -> MultipleChoice | str | None:
    """Whose figure was it? Entities like the holder; exactly one holds this value.

    Not asked when the holder is the figure's own source: "According to X, whose …?" would
    name the answer.
    """
    read = holder_reading(base, figure, facts=facts, figures=figures)
    if read is None:
        return None
    amount, given_by, ask, holder, tiers = read.amount, read.given_by, read.ask, read.holder, \
        read.tiers
    barred, names = set(read.barred), {norm(holder.name)}
    rng = seeded(seed, KIND, base.id, figure.id, "holder")
    need = options.num_options - 1
    chosen: list[Entity] = []

    def accept(entity: Entity) -> bool:
        if entity.id in barred or norm(entity.name) in names or not same_sort(holder, entity):
            return False
        names.add(norm(entity.name))
        barred.add(entity.id)
        return True

    for n, tier in enumerate(tiers):
        chosen += draw(rng, tier, need - len(chosen), accept, slack=len(barred) + 8)
        if n == COMPARABLE_TIERS - 1 and not chosen:
            return (
                f"figure {figure.id}: no other {KIND_WORDS[holder.kind][0]} has a figure for "
                f"{noun_phrase(figure.measure)}; 'whose …?' would be answered by kind alone"
            )
        if len(chosen) == need:
            break
    if len(chosen) < MIN_OPTIONS - 1:
        what = (
            count_of(len(chosen) + 1, "person", "people")
            if holder.kind == "person"
            else count_of(len(chosen) + 1, "organisation, country or group",
                          "organisations, countries or groups")
        )  # fmt: skip
        return (
            f"figure {figure.id}: only {what} to offer for whose "
            f"{noun_phrase(figure.measure)} it was; figure-choice needs {options.num_options}"
        )
    entities, answer = insert_uniform(rng, holder, chosen)
    prompt = holder_prompt(
        figure, amount, facts, given_by=given_by, kinds=[e.kind for e in entities]
    )
    return MultipleChoice(
        id=read.id,
        kind=KIND,
        factbase=base.id,
        prompt=prompt,
        ask=ask,
        options=tuple(Option(text=e.name, claim=EntityRef(e.id)) for e in entities),
        answer=answer,
        explanation=excerpts([figure]),
        tags=tags_of([figure]),
        people=_people(figure),
    )


def figure_prompts(base: FactBase, *, seed: int = 0) -> list[tuple[str, tuple[str, ...]]]:
    """Per figure, the prompts its questions get (or why none), so an author sees a garbled one
    before printing: what `quizgen stats` shows."""
    facts = index_facts(base)
    figures = Figures(base, facts)
    options = GenOptions()
    shown: list[tuple[str, tuple[str, ...]]] = []
    for figure in facts.figures:
        problem = base.index(unusable_figures)[id(figure)]
        if problem:
            shown.append((figure.id, (f"(not asked: {problem.split(': ', 1)[-1]})",)))
            continue
        lines: list[str] = []
        for make in (_value_question, _holder_question):
            made = make(base, figure, facts=facts, figures=figures, seed=seed, options=options)
            if isinstance(made, str):
                lines.append(f"(not asked: {made.split(': ', 1)[-1]})")
            elif made is not None:
                lines.append(made.prompt)
        shown.append((figure.id, tuple(lines)))
    return shown
