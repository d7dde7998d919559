"""term-meaning: what a term the article explains means ("What is Matariki?"), and the reverse
("Which term means the Māori New Year?"); distractors are the other terms' meanings (for a term
naming a body, then roles of other bodies of its kind) and the other terms."""

from __future__ import annotations

import random
import re

from quizgen.factbase.model import Entity, FactBase, Term
from quizgen.generators.base import Generated, GenOptions
from quizgen.generators.common import (
    BODY_KINDS,
    Skips,
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
from quizgen.generators.textindex import has_word
from quizgen.quiz.question_ids import stable_id
from quizgen.quiz.questions import (
    MIN_OPTIONS,
    MultipleChoice,
    Option,
    Question,
    RoleRef,
    TermFor,
    TermMeaning,
    TermRef,
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
        has_word(folded, norm(bare(n).replace("’", "'")))
        for n in (term.term, *term.aliases)
        if n.strip()
    )


def _spoken(names: tuple[str, ...]) -> set[str]:
    """The names folded, each with and without a leading article."""
    kept = [n.replace("’", "'") for n in names if n.strip()]
    return {norm(n) for n in kept} | {norm(bare(n)) for n in kept}


def bodies(term: Term, entities: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """The organisations and groups the term names: one of its names (article or not) is a name
    or alias of theirs ("CNE", "the Stonecutters"). A term naming none names no body."""
    names = _spoken((term.term, *term.aliases))
    return tuple(
        e for e in entities
        if e.kind in BODY_KINDS and names & _spoken((e.name, *e.aliases))
    )  # fmt: skip


# a role opening with a relative word is a clause ("who get the most sleep"), not a noun phrase
_CLAUSE = re.compile(r"^(?:who|whom|whose|which|that|where|when)\b", re.IGNORECASE)


def reads_as_meaning(role: str) -> bool:
    """Whether a body's role reads as an answer to "What is …?": a noun phrase ("the club's
    supporters' association"), not a relative clause ("who get the most sleep in America")."""
    return bool(role.strip()) and _CLAUSE.match(role.strip()) is None


def _counted(term: Term) -> bool:
    """Whether the excerpt shows the term as a countable noun: after 'a', 'an' or 'the' ("a
    lahar", "the spillway"), not bare ("a technique known as radial velocity"). A term without
    an excerpt, or one the excerpt does not name, is taken as countable."""
    folded = norm(term.excerpt.replace("’", "'"))
    name = re.escape(norm(bare(term.term).replace("’", "'")))
    found = list(re.finditer(rf"(?<!\w)(?:(a|an|the) )?{name}(?!\w)", folded))
    return not found or any(m[1] for m in found)


def _after_the(term: Term) -> bool:
    """Whether a name without an article reads with "the": capitalised, and the excerpt shows
    it only after "the" ("the Pleiades", "the Belgian Empire"; never "the Matariki")."""
    name = " ".join(term.term.split())
    if not name[:1].isupper() or bare(name) != name or name.isupper():
        return False
    folded = norm(term.excerpt.replace("’", "'"))
    found = list(re.finditer(rf"(?<!\w)(?:(the) )?{re.escape(norm(name.replace('’', chr(39))))}"
                             r"(?!\w)", folded))
    return bool(found) and all(m[1] for m in found)


def what_is(term: Term) -> str:
    """'What is Matariki?', 'What are NGOs?' (a plural-looking term), 'What is a lahar?' (a
    common noun whose meaning opens with 'a' or 'an', and which the excerpt shows after an
    article: never 'What is a radial velocity?')."""
    name = " ".join(term.term.split())
    if _after_the(term):
        name = f"the {name}"  # "What are the Pleiades?", "What is the Belgian Empire?"
    last = name.split()[-1] if name.split() else ""
    plural = last.endswith("s") and not last.endswith(("ss", "us", "is")) and len(last) > 2
    if plural:
        return f"What are {name}?"
    first = term.meaning.split()[0].casefold() if term.meaning.split() else ""
    has_article = bare(name) != name
    if len(name.split()) >= 3 and not has_article and not name[:1].isupper():
        return f"What is “{name}”?"  # a phrase or slogan reads as one in quotation marks
    if name[:1].islower() and first in ("a", "an") and not has_article and _counted(term):
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
        e for e in facts.entities.values()
        if e.kind in BODY_KINDS and reads_as_meaning(e.role) and facts.offerable(e)
    ]  # fmt: skip
    named = {t.id: bodies(t, base.entities) for t in terms}
    questions: list[Question] = []
    for term in terms:
        if full(questions, options):
            break
        if term.excerpt.strip() and not _named(term.excerpt, term):
            skips.add(f"term {term.id}: its excerpt does not name {term.term!r}")
            continue
        rng = seeded(seed, KIND, base.id, term.id)
        same = linked([(t.id, t.same_as) for t in base.terms], [term.id])  # one thing, two names
        names = [t for t in terms if t.id in same]  # what any of them means, this one means
        others = [t for t in terms
                  if t.id not in same and all(_apart(t, s, named) for s in names)]  # fmt: skip
        made = _meaning(base, term, others, roles, named, rng, options)
        if isinstance(made, str):
            skips.add(made)
        else:
            questions.append(made)
        if full(questions, options):
            break
        made = _reverse(base, term, others, named, rng, options)
        if isinstance(made, str):
            skips.add(made)
        else:
            questions.append(made)
    return Generated(questions=tuple(questions), skipped=skips.result())


def _apart(other: Term, term: Term, named: dict[str, tuple[Entity, ...]]) -> bool:
    """Whether another term can stand beside this one: neither names, meanings nor the bodies
    they name coincide (two names of one body mean the same)."""
    names = {norm(n) for n in (term.term, *term.aliases)}
    same_body = {e.id for e in named[term.id]} & {e.id for e in named[other.id]}
    return (
        norm(other.meaning) != norm(term.meaning)
        and not names & {norm(n) for n in (other.term, *other.aliases)}
        and not same_body
        and not _nested(term, other)
    )


def _nested(term: Term, other: Term) -> bool:
    """Whether one term's name is part of the other's, or of the other's meaning, word for word
    ("cloud nine" in "on cloud nine"; "Sweet Dreams" in "Sweet Dreams, the name of the shop"):
    the phrase built on a name is read as that name, so its meaning is defensible for the name
    and may not stand beside it as a wrong option."""
    def words(t: Term) -> list[str]:
        return [f" {_plain(bare(n))} " for n in (t.term, *t.aliases) if n.strip()]

    def meaning(t: Term) -> str:
        return f" {_plain(t.meaning)} "

    return any(a in b or b in a for a in words(term) for b in words(other)) or any(
        a in meaning(other) for a in words(term)) or any(b in meaning(term) for b in words(other))


def _plain(text: str) -> str:
    """Lower-case words separated by single spaces, punctuation dropped."""
    return " ".join(re.findall(r"\w+", norm(text.replace("’", "'"))))


def _alike(
    rng: random.Random, term: Term, others: list[Term], named: dict[str, tuple[Entity, ...]]
) -> tuple[list[Term], list[Term]]:
    """The other terms in random order: those that, like this one, name a body (or name none),
    whose meanings are of the answer's kind; and the rest."""
    drawn = rng.sample(others, len(others))
    alike = [t for t in drawn if bool(named[t.id]) == bool(named[term.id])]
    return alike, [t for t in drawn if t not in alike]


_NAME_GLUE = frozenset({"the", "a", "an", "of", "and", "for", "in", "on", "at", "de", "la", "del",
                        "du", "von", "van"})


def names_only(text: str) -> bool:
    """Whether a text is a bare proper name ("the Medusae Fossae Formation"): each word but the
    little words that join a name starts with a capital. Offered for "What is X?", it says no
    meaning, only another name (of a thing a student may tell apart by its letters alone)."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if w.casefold() not in _NAME_GLUE]
    return bool(words) and all(w[:1].isupper() for w in words)


def _explanation(term: Term) -> tuple[str, ...]:
    return (" ".join(term.excerpt.split()) or f"{term.term}: {term.meaning}",)


def _meaning(
    base: FactBase,
    term: Term,
    others: list[Term],
    roles: list[Entity],
    named: dict[str, tuple[Entity, ...]],
    rng: random.Random,
    options: GenOptions,
) -> MultipleChoice | str:
    want = options.num_options - 1
    mine = named[term.id]
    # the named body's own role is a second right answer: never offered, nor its words
    seen = {norm(term.meaning), *(norm(e.role) for e in mine)}
    picks: list[Option] = []
    covered = {e.id for e in mine}  # bodies already on show, as the answer or another meaning

    def offer(text: str, claim: TermRef | RoleRef, names: set[str]) -> None:
        if norm(text) not in seen and not names & covered and not names_only(text):
            seen.add(norm(text))
            covered.update(names)
            picks.append(Option(text=" ".join(text.split()), claim=claim))

    alike, unlike = _alike(rng, term, others, named)
    for other in alike:  # meanings of the answer's kind
        if len(picks) < want:
            offer(other.meaning, TermRef(other.id), {e.id for e in named[other.id]})
    kinds = {e.kind for e in mine}  # a term naming no body takes no role: it is no meaning
    for entity in rng.sample(roles, len(roles)):  # only to make up the smallest item
        if len(picks) < MIN_OPTIONS - 1 and entity.kind in kinds:
            offer(entity.role, RoleRef(entity.id), {entity.id})
    for other in unlike:  # the other kind of term, likewise
        if len(picks) < MIN_OPTIONS - 1:
            offer(other.meaning, TermRef(other.id), {e.id for e in named[other.id]})
    if len(picks) < MIN_OPTIONS - 1:
        return _too_few(term, len(picks), mine)
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


def _too_few(term: Term, picked: int, mine: tuple[Entity, ...]) -> str:
    """Why 'what is …?' is not asked: how many meanings (and roles) there were, and why no other
    role may be offered."""
    if not mine:
        few = only(picked, "other meaning", "other meanings")
        return (
            f"term {term.id}: {few} to offer; a role of a person or body is no meaning "
            f"for a term that names no body; 'what is …?' needs {MIN_OPTIONS - 1}"
        )
    kinds = " or ".join(sorted({f"{e.kind}s" for e in mine}))
    few = only(picked, "other meaning or role", "other meanings and roles")
    return (
        f"term {term.id}: {few} to offer; it names {', '.join(sorted(e.id for e in mine))}, "
        f"so only roles of other {kinds} may be; 'what is …?' needs {MIN_OPTIONS - 1}"
    )


def _reverse(
    base: FactBase,
    term: Term,
    others: list[Term],
    named: dict[str, tuple[Entity, ...]],
    rng: random.Random,
    options: GenOptions,
) -> MultipleChoice | str:
    want = options.num_options - 1
    taken = {norm(term.term)}
    picks: list[Option] = []
    alike, unlike = _alike(rng, term, others, named)
    for other in (*alike, *unlike):
        if len(picks) == want:
            break
        if norm(other.term) not in taken:
            taken.add(norm(other.term))
            picks.append(Option(text=" ".join(other.term.split()), claim=TermRef(other.id)))
    if len(picks) < MIN_OPTIONS - 1:
        few = only(len(picks), "other term", "other terms")
        return f"term {term.id}: {few} to offer; 'which term means …?' needs {MIN_OPTIONS - 1}"
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
