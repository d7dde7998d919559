"""The term-meaning rule checked from the facts alone: what a term names, and which options fit."""

from __future__ import annotations

from quizgen.factbase.model import Entity, FactBase, Term
from quizgen.quiz.questions import MultipleChoice, Question, RoleRef, TermFor, TermMeaning, TermRef

BODIES = ("organisation", "group")


def _fold(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).casefold()


def _forms(names: tuple[str, ...]) -> set[str]:
    """Each name folded, as written and with a leading 'a', 'an' or 'the' taken off."""
    forms = set()
    for name in map(_fold, names):
        first, _, rest = name.partition(" ")
        forms |= {name, rest} if rest and first in ("a", "an", "the") else {name}
    return forms - {""}


def named_bodies(term: Term, base: FactBase) -> list[Entity]:
    """The organisations and groups one of the term's names (article or not) is a name of."""
    names = _forms((term.term, *term.aliases))
    return [e for e in base.entities
            if e.kind in BODIES and names & _forms((e.name, *e.aliases))]  # fmt: skip


def assert_term_options(question: Question, base: FactBase) -> None:
    """A 'what is …?' item offers other terms' meanings (never one naming the same body) and, only
    for a term naming a body, roles of other entities of that body's kind (never its own role
    nor the same words); exactly the key means the term. 'Which term means …?' offers terms."""
    if not isinstance(question, MultipleChoice):
        return
    ask = question.ask
    if not isinstance(ask, TermMeaning | TermFor):
        return
    terms = {t.id: t for t in base.terms}
    entities = {e.id: e for e in base.entities}
    asked = terms[ask.term]
    mine = named_bodies(asked, base)
    mine_ids = {e.id for e in mine}
    rights = {_fold(asked.meaning), *(_fold(e.role) for e in mine)}
    key = question.options[question.answer]
    assert isinstance(key.claim, TermRef) and key.claim.term == asked.id, question
    for i, option in enumerate(question.options):
        claim = option.claim
        if isinstance(ask, TermFor):
            assert isinstance(claim, TermRef), f"a term option that is no term: {question}"
            other = terms[claim.term]
            if i != question.answer:
                assert _fold(other.meaning) != _fold(asked.meaning), question
                assert not mine_ids & {e.id for e in named_bodies(other, base)}, question
            continue
        if i == question.answer:
            assert _fold(option.text) == _fold(asked.meaning), question
            continue
        assert _fold(option.text) not in rights, f"a second right answer: {question}"
        if isinstance(claim, TermRef):
            other = terms[claim.term]
            assert _fold(option.text) == _fold(other.meaning), question
            shared = mine_ids & {e.id for e in named_bodies(other, base)}
            assert not shared, f"another name of {shared} offered as wrong: {question}"
        else:
            assert isinstance(claim, RoleRef), f"an option that is no meaning: {question}"
            entity = entities[claim.entity]
            assert mine, f"a role offered for {asked.id!r}, which names no body: {question}"
            assert entity.kind in {e.kind for e in mine}, f"a role of another kind: {question}"
            assert entity.id not in mine_ids, f"the named body's own role: {question}"
            assert _fold(option.text) == _fold(entity.role), question
