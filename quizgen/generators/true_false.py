"""true-false: statements of who said a quote or where something happened, true and false in
turn; a false one changes one thing (the speaker, or the place) for one the facts rule out.

The changed speaker or place is a wrong option of the who-said-it or place question on the same
fact: of the right kind, plausible, and false by the facts."""

from __future__ import annotations

from itertools import zip_longest

from quizgen.factbase.model import Event, FactBase, Quote
from quizgen.generators import place, who_said_it
from quizgen.generators.base import Generated, GenOptions
from quizgen.generators.common import Skips, check_options, full, seeded
from quizgen.quiz.questions import (
    TRUE_FALSE,
    EntityRef,
    MultipleChoice,
    PlaceOf,
    PlaceRef,
    PlaceStatement,
    Question,
    SaidStatement,
    SpeakerOf,
    Statement,
    stable_id,
)

KIND = "true-false"


def _statement(base: FactBase, question: MultipleChoice, *, true: bool,
               seed: int) -> tuple[Statement, str] | None:
    """The statement made of a who-said-it or place question: its answer, or one wrong option."""
    rng = seeded(seed, KIND, base.id, question.id)
    wrong = [i for i in range(len(question.options)) if i != question.answer]
    option = question.options[question.answer if true else rng.choice(wrong)]
    ask, claim = question.ask, option.claim
    if isinstance(ask, SpeakerOf) and isinstance(claim, EntityRef):
        quote = base.by_id[ask.quote]
        assert isinstance(quote, Quote)
        text = " ".join(quote.text.split())
        return SaidStatement(ask.quote, claim.entity), f"{option.text} said: “{text}”"
    if isinstance(ask, PlaceOf) and isinstance(claim, PlaceRef):
        fact = base.by_id[ask.fact]
        if isinstance(fact, Event):
            words = " ".join(fact.description.split()).rstrip(".")
            return PlaceStatement(ask.fact, claim.place), f"In {option.text}: {words}."
        assert isinstance(fact, Quote)
        names = [e.name for e in base.entities if e.id in fact.speakers]
        who = names[0] if len(names) == 1 else "Someone"
        text = " ".join(fact.text.split())
        return PlaceStatement(ask.fact, claim.place), f"In {option.text}, {who} said: “{text}”"
    return None


def generate(base: FactBase, *, seed: int, options: GenOptions) -> Generated:
    """One statement per who-said-it and place question (taken in turn), true and false in turn,
    so that any run of them holds as many true as false statements, give or take one."""
    check_options(options)
    skips = Skips(KIND, base.id)
    wide = GenOptions(num_options=options.num_options, match_size=options.match_size,
                      order_size=options.order_size)
    quoted = who_said_it.generate(base, seed=seed, options=wide).questions
    where = place.generate(base, seed=seed, options=wide).questions
    sources = [q for pair in zip_longest(quoted, where) for q in pair
               if isinstance(q, MultipleChoice)]
    if not sources:
        skips.add("no quote with plausible other speakers and no located fact to state")
        return Generated(questions=(), skipped=skips.result())
    questions: list[Question] = []
    for source in sources:
        if full(questions, options):
            break
        true = len(questions) % 2 == 0
        made = _statement(base, source, true=true, seed=seed)
        if made is None:
            continue
        ask, said = made
        prompt = said[:1].upper() + said[1:]  # "The G7 said: …" at the start of a sentence
        questions.append(MultipleChoice(
            id=stable_id(KIND, base.id, ask), kind=KIND, factbase=base.id, prompt=prompt,
            ask=ask, options=TRUE_FALSE, answer=0 if true else 1,
            explanation=source.explanation, tags=source.tags, people=source.people,
        ))
    return Generated(questions=tuple(questions), skipped=skips.result())
