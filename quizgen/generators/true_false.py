"""true-false: statements of who said a quote, where something happened, what a figure was, and
which of two events came first; as many true as false, and a false one changes one thing (the
speaker, the place, a figure beyond its range, the order of two events) for one the facts rule out.

Each statement is made of a question another generator asks of the same fact, so the change is
that question's wrong option: a speaker or place of the right kind, a figure-choice distractor
(plausible, and false by the facts given its qualifier), or two events of an event-order item
(ordered by the facts, never by common sense alone) told the other way round."""

from __future__ import annotations

import random
import re
from itertools import zip_longest

from quizgen.factbase.model import Event, FactBase, Figure, Quote
from quizgen.generators import event_order, figure_choice, place, who_said_it
from quizgen.generators.base import Generated, GenOptions
from quizgen.generators.common import Skips, check_options, full, index_facts, seeded
from quizgen.generators.figure_wording import statement_prompt
from quizgen.quiz.question_ids import stable_id
from quizgen.quiz.questions import (
    TRUE_FALSE,
    Amount,
    EntityRef,
    EventRef,
    FigureGiven,
    FigureStatement,
    FigureValue,
    MultipleChoice,
    Ordering,
    OrderStatement,
    PlaceOf,
    PlaceRef,
    PlaceStatement,
    Question,
    SaidStatement,
    SpeakerOf,
    Statement,
)

KIND = "true-false"
Made = tuple[Statement, str, tuple[str, ...]]  # the ask, the sentence, the excerpts behind it


def _spaced(text: str) -> str:
    return " ".join(text.split())


def _said(base: FactBase, question: MultipleChoice, option: int) -> Made | None:
    """'Maduro said: “…”' or 'In Caracas: protesters marched.' from a who-said-it or place
    question and one of its options."""
    ask, chosen = question.ask, question.options[option]
    claim = chosen.claim
    if isinstance(ask, SpeakerOf) and isinstance(claim, EntityRef):
        quote = base.by_id[ask.quote]
        assert isinstance(quote, Quote)
        return (SaidStatement(ask.quote, claim.entity),
                f"{chosen.text} said: “{_spaced(quote.text)}”", question.explanation)
    if isinstance(ask, PlaceOf) and isinstance(claim, PlaceRef):
        fact = base.by_id[ask.fact]
        if isinstance(fact, Event):
            words = _spaced(fact.description).rstrip(".")
            return (PlaceStatement(ask.fact, claim.place), f"In {chosen.text}: {words}.",
                    question.explanation)
        assert isinstance(fact, Quote)
        names = [e.name for e in base.entities if e.id in fact.speakers]
        who = names[0] if len(names) == 1 else "Someone"
        return (PlaceStatement(ask.fact, claim.place),
                f"In {chosen.text}, {who} said: “{_spaced(fact.text)}”", question.explanation)
    return None


def _figure(base: FactBase, question: MultipleChoice, option: int) -> Made | None:
    """'According to X, the number of arrests was over 1,000.' from a figure-choice question
    asking a figure's value, with its answer or one of its distractors."""
    ask, claim = question.ask, question.options[option].claim
    if not isinstance(ask, FigureValue | FigureGiven) or not isinstance(claim, Amount):
        return None
    figures = [f for f in base.figures if f.measure == ask.measure and f.subject == ask.subject
               and (ask.given_by is None or set(f.given_by) == set(ask.given_by))]
    if not figures:
        return None
    figure: Figure = next((f for f in figures if f.excerpt in question.explanation), figures[0])
    said = statement_prompt(figure, claim, index_facts(base), ask.given_by)
    if said is None:
        return None
    return (FigureStatement(ask.measure, ask.subject, ask.given_by, claim), said,
            question.explanation)


def _order(base: FactBase, question: Ordering, *, true: bool, seed: int) -> Made | None:
    """'The march set off before police arrested 23 people.' from two events of an event-order
    item (the facts order them, common sense alone does not), or the two the other way round."""
    refs = [question.items[i].claim for i in question.answer]  # earliest first
    ids = [e.event for e in refs if isinstance(e, EventRef)]
    if len(ids) < 2:
        return None
    events = [e for e in (base.by_id[i] for i in ids) if isinstance(e, Event)
              and not _CLAUSES.search(e.description)]  # "A, according to B, before C": unclear
    if len(events) < 2:
        return None
    rng = seeded(seed, KIND, base.id, question.id)
    first, then = sorted(rng.sample(range(len(events)), 2))
    a, b = events[first], events[then]
    if not true:
        a, b = b, a
    head = _spaced(a.description).rstrip(".")
    tail = _mid_sentence(_spaced(b.description).rstrip("."), base)
    said = f"{head[:1].upper()}{head[1:]} before {tail}."
    excerpts = tuple(dict.fromkeys(e.excerpt for e in (a, b) if e.excerpt))
    return OrderStatement(a.id, b.id), said, excerpts


_CLAUSES = re.compile(r"[,;:—–(]|\b(?:while|when|after|before|until|since)\b", re.IGNORECASE)


def _mid_sentence(text: str, base: FactBase) -> str:
    """A description as it reads inside a sentence: its first word in lower case when that word
    is a common one (the fact base's own texts write it so) and the description does not open
    with a name ("The Common Front", "Parliament")."""
    first = text.split(maxsplit=1)[0] if text.split() else ""
    if not first[:1].isupper() or not first[1:].islower():
        return text  # "VAR", "iPhone", a number: as written
    common, names = base.index(_common_words)
    if first.casefold() not in common or any(text.startswith(n) for n in names):
        return text
    return text[:1].lower() + text[1:]


def _common_words(base: FactBase) -> tuple[frozenset[str], tuple[str, ...]]:
    """Words the fact base's texts write in lower case, and the names of its entities and
    places (with their aliases) that a description may open with."""
    texts: list[str] = [base.article or "", *(e.description for e in base.events)]
    texts += [q.excerpt for q in base.quotes] + [f.excerpt for f in base.figures]
    texts += [e.excerpt for e in base.events]
    found = {w for text in texts for w in re.findall(r"\b[a-z][a-z'’-]*\b", text)}
    names = [*(e.name for e in base.entities), *(a for e in base.entities for a in e.aliases),
             *(p.name for p in base.places), *(a for p in base.places for a in p.aliases)]
    return frozenset(found), tuple(n for n in names if n[:1].isupper())


def _pattern(seed: int, base: FactBase, count: int) -> list[bool]:
    """Whether each statement is true: each pair one true and one false, in a seeded order, so
    that any run from the first holds as many true as false, give or take one, and no kind of
    statement is always true or always false."""
    rng = seeded(seed, KIND, base.id, "pattern")
    keys: list[bool] = []
    while len(keys) < count:
        keys += [True, False] if rng.random() < 0.5 else [False, True]
    return keys[:count]


FEW_FIGURES = 6  # figure statements made however few statements of other sorts there are


def _some_figures(questions: list[Question], others: int, rng: random.Random) -> list[Question]:
    """The figure questions to state, in their order: no more than the statements of the other
    sorts (or FEW_FIGURES), so that a sheet of statements is not mostly figures, a seeded
    choice among them."""
    values: list[Question] = [q for q in questions
              if isinstance(q, MultipleChoice) and isinstance(q.ask, FigureValue | FigureGiven)]
    keep = max(others, FEW_FIGURES)
    if len(values) <= keep:
        return values
    chosen = set(rng.sample(range(len(values)), keep))
    return [q for i, q in enumerate(values) if i in chosen]


def generate(base: FactBase, *, seed: int, options: GenOptions) -> Generated:
    """One statement per who-said-it, place, figure-choice and event-order item (the kinds taken
    in turn), true and false in seeded pairs: any run of them from the first holds as many true
    as false statements, give or take one."""
    check_options(options)
    skips = Skips(KIND, base.id)
    wide = GenOptions(num_options=options.num_options, match_size=options.match_size,
                      order_size=options.order_size)
    made = [list(gen.generate(base, seed=seed, options=wide).questions)
            for gen in (who_said_it, place, figure_choice, event_order)]
    made[2] = _some_figures(made[2], len(made[0]) + len(made[1]) + len(made[3]),
                            seeded(seed, KIND, base.id, "figures"))
    sources = [q for row in zip_longest(*made) for q in row if q is not None]
    if not sources:
        skips.add("no quote with plausible other speakers, no located fact, no figure and no"
                  " two ordered events to state")
        return Generated(questions=(), skipped=skips.result())
    keys = _pattern(seed, base, len(sources))
    questions: list[Question] = []
    seen: set[object] = set()
    for source in sources:
        if full(questions, options):
            break
        true = keys[len(questions)]
        statement = _statement(base, source, true=true, seed=seed)
        if statement is None:
            continue
        ask, said, explanation = statement
        key = frozenset((ask.first, ask.then)) if isinstance(ask, OrderStatement) else ask
        if key in seen:
            continue
        seen.add(key)
        questions.append(MultipleChoice(
            id=stable_id(KIND, base.id, ask), kind=KIND, factbase=base.id,
            prompt=said[:1].upper() + said[1:],  # "The G7 said: …" at the start of a sentence
            ask=ask, options=TRUE_FALSE, answer=0 if true else 1,
            explanation=explanation, tags=source.tags,
            people=source.people,
        ))
    return Generated(questions=tuple(questions), skipped=skips.result())


def _statement(base: FactBase, source: Question, *, true: bool, seed: int) -> Made | None:
    """The statement made of one item of another kind: its answer, or one wrong option."""
    if isinstance(source, Ordering):
        return _order(base, source, true=true, seed=seed)
    if not isinstance(source, MultipleChoice):
        return None
    rng = seeded(seed, KIND, base.id, source.id)
    wrong = [i for i in range(len(source.options)) if i != source.answer]
    option = source.answer if true or not wrong else rng.choice(wrong)
    if not true and not wrong:
        return None
    if isinstance(source.ask, FigureValue | FigureGiven):
        return _figure(base, source, option)
    return _said(base, source, option)
