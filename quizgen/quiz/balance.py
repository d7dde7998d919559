"""Kinds a mixed class sheet rations to one item per article: the kinds rated poor most often."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from quizgen.quiz.questions import Question

# Kinds whose items strict readers of the content/ and dev sheets rated good least often, even
# after the sheet rules (docs/review.md, issue 18: of the term-meaning items the rules let stand,
# 6 of 11 were good, against 244 of 266 figure-choice, 52 of 63 who-said-it and 12 of 15
# who-claimed-it items; before the rules 10 of 45). Most poor term items are known outside the
# article (a product, an idiom, a science's word) or answer one another in a block, which no
# rule reads on an article it was not written on: one such item is a fair part of a sheet.
RATIONED = frozenset({"term-meaning"})
RATION = 1  # items of a rationed kind per article on a mixed sheet


def rationed_kinds(kinds: Sequence[str], *, count: int | None) -> frozenset[str]:
    """The kinds rationed on a sheet of these kinds: on a mixed sheet of a length (a class sheet),
    RATIONED; none when one kind is asked for or every item (a teacher asking for terms gets
    terms)."""
    if count is None or len(set(kinds)) < 2:
        return frozenset()
    return RATIONED & frozenset(kinds)


def over_ration(question: Question, kept: Iterable[Question], rationed: frozenset[str]) -> bool:
    """Whether the item's kind is rationed and the kept items of its article hold its share."""
    if question.kind not in rationed:
        return False
    same = sum(1 for k in kept if k.kind == question.kind and k.factbase == question.factbase
               and k.id != question.id)
    return same >= RATION
