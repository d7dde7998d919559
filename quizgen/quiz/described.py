"""People an article describes instead of naming ('one user'), beside someone they may be."""

from __future__ import annotations

import re

from quizgen.factbase.model import Entity, FactBase
from quizgen.quiz.questions import EntityRef, MultipleChoice, Question

# Words that open a description rather than a name: 'one user', 'a third fan', 'another guard'.
_OPENERS = frozenset({"one", "a", "an", "another", "second", "third", "fourth", "fifth"})
# Words after which a description goes on to say where or what: 'a guard patrolling outside …'.
_ENDS = frozenset({"on", "in", "at", "of", "from", "outside", "inside", "near", "by", "with",
                   "who", "whom", "whose", "which", "that", "for", "to", "after", "before"})


def head(entity: Entity) -> str | None:
    """The common noun a described person is known by ('one security guard working on the avenue'
    -> 'security guard'), or None when the entity has a name of its own."""
    words = entity.name.split()
    if not words or words[0] not in _OPENERS:  # a name, or 'The Guardian': capitalised
        return None
    while words and words[0].casefold() in _OPENERS:
        words = words[1:]
    kept: list[str] = []
    for word in words:
        folded = word.casefold().strip(",;:")
        if folded in _ENDS or (folded.endswith("ing") and kept):
            break
        kept.append(folded)
    return " ".join(kept) or None


def described_alike(question: Question, base: FactBase) -> str | None:
    """Why an item cannot be asked on a sheet: one option is a person the article only describes
    ('one user') and another option fits that description by its name or role ('Adonis Ortiz, a
    young user of the free wi-fi'), so the facts never make either false. None when no such pair."""
    if not isinstance(question, MultipleChoice):
        return None
    shown = [base.by_id.get(o.claim.entity) for o in question.options
             if isinstance(o.claim, EntityRef)]
    people = [e for e in shown if isinstance(e, Entity)]
    for described in people:
        noun = head(described)
        if noun is None:
            continue
        pattern = re.compile(rf"(?<!\w){re.escape(noun)}s?(?!\w)", re.IGNORECASE)
        for other in people:
            if other.id != described.id and pattern.search(f"{other.name} {other.role}"):
                return (f"“{described.name}” may be {other.name} ({other.role}): the article does"
                        " not tell them apart")
    return None
