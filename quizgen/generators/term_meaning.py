"""term-meaning: what a term the article explains means ("What is Matariki?"), and the reverse
("Which term means the Māori New Year?"); distractors are the other terms' meanings (then roles
of organisations and groups) and the other terms."""

from __future__ import annotations

import random
import re

from quizgen.generators.base import Generated, GenOptions
from quizgen.generators.common import (
    Skips,
    check_options,
    count_of,
    full,
    id_counts,
    index_facts,
    insert_uniform,
    norm,
    seeded,
)
from quizgen.model import Entity, FactBase, Term
from quizgen.questions import (
    MIN_OPTIONS,
    MultipleChoice,
    Option,
    Question,
    RoleRef,
    TermFor,
    TermMeaning,
    TermRef,
    stable_id,
)

KIND = "term-meaning"


def bare(name: str) -> str:
    """A term without a leading article: 'the solbrann' -> 'solbrann'."""
    words = name.split()
    if len(words) > 1 and words[0].casefold() in ("a", "an", "the"):
        return " ".join(words[1:])
    return " ".join(words)


def _named(text: str, term: Term) -> bool:
    """Whether the term or an alias (article or not) occurs in the text as whole words."""
    folded = norm(text.replace("’", "'"))
    return any(
        re.search(rf"(?<!\w){re.escape(norm(bare(n).replace('’', chr(39))))}(?!\w)", folded)
        for n in (term.term, *term.aliases)
        if n.strip()
    )


def what_is(term: Term) -> str:
    """'What is Matariki?', 'What are NGOs?' (a plural-looking term), 'What is a lahar?' (a
    common noun whose meaning opens with 'a' or 'an')."""
    name = " ".join(term.term.split())
    last = name.split()[-1] if name.split() else ""
    plural = last.endswith("s") and not last.endswith(("ss", "us", "is")) and len(last) > 2
    if plural:
        return f"What are {name}?"
    first = term.meaning.split()[0].casefold() if term.meaning.split() else ""
    has_article = bare(name) != name
    if len(name.split()) >= 3 and not has_article and not name[:1].isupper():
        return f"What is “{name}”?"  # a phrase or slogan reads as one in quotation marks
    if name[:1].islower() and first in ("a", "an") and not has_article:
        article = "an" if name[:1] in "aeiou" else "a"
        return f"What is {article} {name}?"
    return f"What is {name}?"


def generate(base: FactBase, *, seed: int, options: GenOptions) -> Generated:
    """Both questions for every term whose excerpt names it, when enough others exist."""
    check_options(options)
    facts = index_facts(base)
    skips = Skips(KIND, base.id)
    counts = id_counts(base)
    terms = [t for t in base.terms if counts[t.id] == 1 and t.term.strip() and t.meaning.strip()]
    if not terms:
        skips.add("no terms in the fact base")
        return Generated(questions=(), skipped=skips.result())
    roles = [
        e
        for e in facts.entities.values()
        if e.kind in ("organisation", "group") and e.role.strip() and facts.offerable(e)
    ]
    questions: list[Question] = []
    for term in terms:
        if full(questions, options):
            break
        if term.excerpt.strip() and not _named(term.excerpt, term):
            skips.add(f"term {term.id}: its excerpt does not name {term.term!r}")
            continue
        rng = seeded(seed, KIND, base.id, term.id)
        others = [t for t in terms if t is not term and _apart(t, term)]
        made = _meaning(base, term, others, roles, rng, options)
        if isinstance(made, str):
            skips.add(made)
        else:
            questions.append(made)
        if full(questions, options):
            break
        made = _reverse(base, term, others, rng, options)
        if isinstance(made, str):
            skips.add(made)
        else:
            questions.append(made)
    return Generated(questions=tuple(questions), skipped=skips.result())


def _apart(other: Term, term: Term) -> bool:
    """Whether another term can stand beside this one: neither names nor meanings coincide."""
    names = {norm(n) for n in (term.term, *term.aliases)}
    return norm(other.meaning) != norm(term.meaning) and not names & {
        norm(n) for n in (other.term, *other.aliases)
    }


def _explanation(term: Term) -> tuple[str, ...]:
    return (" ".join(term.excerpt.split()) or f"{term.term}: {term.meaning}",)


def _meaning(
    base: FactBase,
    term: Term,
    others: list[Term],
    roles: list[Entity],
    rng: random.Random,
    options: GenOptions,
) -> MultipleChoice | str:
    want = options.num_options - 1
    seen = {norm(term.meaning)}
    picks: list[Option] = []
    for other in rng.sample(others, len(others)):
        if len(picks) == want:
            break
        if norm(other.meaning) not in seen:
            seen.add(norm(other.meaning))
            picks.append(Option(text=" ".join(other.meaning.split()), claim=TermRef(other.id)))
    for entity in rng.sample(roles, len(roles)):
        if len(picks) >= MIN_OPTIONS - 1:  # roles only make up the smallest item
            break
        role = " ".join(entity.role.split())
        if norm(role) not in seen:
            seen.add(norm(role))
            picks.append(Option(text=role, claim=RoleRef(entity.id)))
    if len(picks) < MIN_OPTIONS - 1:
        few = count_of(len(picks), "other meaning", "other meanings")
        return f"term {term.id}: only {few} to offer; 'what is …?' needs {MIN_OPTIONS - 1}"
    correct = Option(text=" ".join(term.meaning.split()), claim=TermRef(term.id))
    shown, answer = insert_uniform(rng, correct, picks)
    ask = TermMeaning(term.id)
    return MultipleChoice(
        id=stable_id(KIND, base.id, ask, term.id),
        kind=KIND,
        factbase=base.id,
        prompt=what_is(term),
        ask=ask,
        options=tuple(shown),
        answer=answer,
        explanation=_explanation(term),
        tags=tuple(sorted(set(term.tags))),
    )


def _reverse(
    base: FactBase, term: Term, others: list[Term], rng: random.Random, options: GenOptions
) -> MultipleChoice | str:
    want = options.num_options - 1
    taken = {norm(term.term)}
    picks: list[Option] = []
    for other in rng.sample(others, len(others)):
        if len(picks) == want:
            break
        if norm(other.term) not in taken:
            taken.add(norm(other.term))
            picks.append(Option(text=" ".join(other.term.split()), claim=TermRef(other.id)))
    if len(picks) < MIN_OPTIONS - 1:
        few = count_of(len(picks), "other term", "other terms")
        return f"term {term.id}: only {few} to offer; 'which term means …?' needs {MIN_OPTIONS - 1}"
    correct = Option(text=" ".join(term.term.split()), claim=TermRef(term.id))
    shown, answer = insert_uniform(rng, correct, picks)
    ask = TermFor(term.id)
    meaning = " ".join(term.meaning.split()).rstrip(".")
    return MultipleChoice(
        id=stable_id(KIND, base.id, ask, term.id),
        kind=KIND,
        factbase=base.id,
        prompt=f"Which term means {meaning}?",
        ask=ask,
        options=tuple(shown),
        answer=answer,
        explanation=_explanation(term),
        tags=tuple(sorted(set(term.tags))),
    )
