"""evidence: in which paragraph the article states an event, a reported claim or a quote, with
nearby paragraph numbers as the other options ("In which paragraph does the article say that …?").

Asked only of a fact whose excerpt stands in exactly one paragraph of the article, once."""

from __future__ import annotations

import random

from quizgen.article.text import paragraphs
from quizgen.factbase.model import Entity, Event, FactBase, Quote, ReportedClaim
from quizgen.generators.base import Generated, GenOptions
from quizgen.generators.common import Skips, check_options, full, id_counts, seeded
from quizgen.generators.speakers import unworthy
from quizgen.quiz.question_ids import stable_id
from quizgen.quiz.questions import (
    MIN_OPTIONS,
    MultipleChoice,
    Option,
    ParagraphOf,
    ParagraphRef,
    Question,
)

KIND = "evidence"
NEAR = 6  # other options are drawn from paragraphs at most this far from the right one


def _clause(text: str) -> str:
    """A sentence as a that-clause: full stop dropped, a leading The/A/An in lower case."""
    words = " ".join(text.split()).rstrip(".")
    first = words.split()[0] if words else ""
    if first in ("The", "A", "An"):
        words = first.lower() + words[len(first):]
    return words


def prompt_for(fact: Event | ReportedClaim | Quote, base: FactBase) -> str:
    """The question, naming the fact without its paragraph (and a claim without its claimant)."""
    if isinstance(fact, Event):
        # a description may be a clause or a noun phrase: shown after a colon, as it is
        words = " ".join(fact.description.split()).rstrip(".")
        return f"In which paragraph does the article tell of this: {words}?"
    if isinstance(fact, ReportedClaim):
        return f"In which paragraph does the article report that {_clause(fact.text)}?"
    names = [e.name for s in fact.speakers if isinstance(e := base.by_id.get(s), Entity)]
    who = names[0] if len(names) == 1 else "someone"
    return f"In which paragraph does {who} say: “{' '.join(fact.text.split())}”?"


def _homes(excerpt: str, paras: list[str]) -> list[int]:
    """Numbers (1-based) of the paragraphs holding the excerpt, once for each time it stands."""
    found = []
    for number, para in enumerate(paras, start=1):
        found += [number] * para.count(excerpt)
    return found


def _others(rng: random.Random, right: int, count: int, total: int) -> list[int]:
    """`count` other paragraph numbers near `right`, as many before it as a uniform position of
    the right one asks (numbers are shown in order, so its position is their count before)."""
    below = list(range(max(1, right - NEAR), right))
    above = list(range(right + 1, min(total, right + NEAR) + 1))
    position = rng.randrange(count + 1)
    position = max(count - len(above), min(position, len(below)))
    return sorted(rng.sample(below, position) + rng.sample(above, count - position))


def generate(base: FactBase, *, seed: int, options: GenOptions) -> Generated:
    """One question per event, claim or quote whose excerpt stands in one paragraph only."""
    check_options(options)
    skips = Skips(KIND, base.id)
    if base.article is None:
        skips.add("no article text (source.text_file) to number the paragraphs of")
        return Generated(questions=(), skipped=skips.result())
    paras = [" ".join(base.article[a:b].split()) for a, b in paragraphs(base.article)]
    want = min(options.num_options, len(paras)) - 1
    if want < MIN_OPTIONS - 1:
        skips.add(f"the article has {len(paras)} paragraphs; 'in which paragraph' needs"
                  f" {MIN_OPTIONS}")
        return Generated(questions=(), skipped=skips.result())
    counts = id_counts(base)
    facts: tuple[Event | ReportedClaim | Quote, ...] = (*base.events, *base.claims, *base.quotes)
    questions: list[Question] = []
    for fact in facts:
        if full(questions, options):
            break
        excerpt = " ".join(fact.excerpt.split())
        if counts[fact.id] != 1 or not excerpt:
            continue
        if isinstance(fact, Quote) and (why := unworthy(fact)):
            skips.add(why)
            continue
        homes = _homes(excerpt, paras)
        if len(homes) != 1:
            skips.add(f"{fact.id}: its excerpt stands {len(homes)} times in the article;"
                      " 'in which paragraph' needs exactly one")
            continue
        right = homes[0]
        rng = seeded(seed, KIND, base.id, fact.id)
        shown = sorted([right, *_others(rng, right, want, len(paras))])
        ask = ParagraphOf(fact.id)
        people = fact.people if isinstance(fact, Event) else (
            fact.speakers if isinstance(fact, Quote) else fact.claimants)
        questions.append(MultipleChoice(
            id=stable_id(KIND, base.id, ask),
            kind=KIND,
            factbase=base.id,
            prompt=prompt_for(fact, base),
            ask=ask,
            options=tuple(Option(text=f"¶{n}", claim=ParagraphRef(n)) for n in shown),
            answer=shown.index(right),
            explanation=(excerpt,),
            tags=tuple(sorted(fact.tags)),
            people=tuple(sorted(set(people) & {e.id for e in base.entities})),
        ))
    return Generated(questions=tuple(questions), skipped=skips.result())
