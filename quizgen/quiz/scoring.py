"""How a quiz is marked, defined once: the points of each question and what an answer earns."""

from collections.abc import Sequence
from typing import NamedTuple

from quizgen.quiz.questions import (
    GapFill,
    Matching,
    MultipleChoice,
    Ordering,
    Question,
    assert_never,
)


class Rule(NamedTuple):
    """Marks for one type of question: `full` when every part is right, `partial` when at most
    `slips` parts are wrong (pairs of a matching, events out of place), otherwise nothing; with
    `per_part`, `full` for each part that is right (the gaps of a gap-fill)."""

    full: int
    partial: int = 0
    slips: int = 0
    per_part: bool = False


RULES: dict[str, Rule] = {
    "choice": Rule(full=1),
    "matching": Rule(full=2, partial=1, slips=2),
    "ordering": Rule(full=2, partial=1, slips=2),
    "gap-fill": Rule(full=1, per_part=True),
}

_NUMBERS = {1: "one", 2: "two", 3: "three"}


def _marks(n: int) -> str:
    return f"{n} point{'s' * (n != 1)}"


def describe() -> str:
    """The rule in words, as a platform's description states it beside its own."""
    choice, matching, ordering = RULES["choice"], RULES["matching"], RULES["ordering"]
    parts = [f"{_marks(choice.full)} per multiple choice"]
    for name, rule in (("matching", matching), ("ordering", ordering)):
        parts.append(f"{_marks(rule.full)} per {name} ({_marks(rule.partial)} when at most"
                     f" {_NUMBERS.get(rule.slips, str(rule.slips))} parts are wrong)")
    parts.append(f"{_marks(RULES['gap-fill'].full)} per gap of a gap-fill")
    return "; ".join(parts)


def question_type(question: Question) -> str:
    """"choice", "matching", "ordering" or "gap-fill": what decides how a question is marked."""
    match question:
        case MultipleChoice():
            return "choice"
        case Matching():
            return "matching"
        case Ordering():
            return "ordering"
        case GapFill():
            return "gap-fill"
        case _:
            assert_never(question)


def rule_of(question: Question) -> Rule:
    """The marking rule of a question."""
    return RULES[question_type(question)]


def parts(question: Question) -> int:
    """How many parts a question is marked in: its gaps for a gap-fill, otherwise one."""
    return len(question.answer) if isinstance(question, GapFill) else 1


def points(question: Question) -> int:
    """The marks a question is worth."""
    rule = rule_of(question)
    return rule.full * (parts(question) if rule.per_part else 1)


def total(questions: Sequence[Question]) -> int:
    """The marks a quiz is worth."""
    return sum(points(question) for question in questions)


def slips(question: Question, answer: Sequence[int] | int) -> int:
    """How many parts of an answer are wrong: 1 or 0 for a choice (the option index), pairs
    whose right item is not the key's for a matching (right indices by left index), items not
    in their place for an ordering (item indices, first first), gaps not filled with the key's
    bank word for a gap-fill (bank indices by gap)."""
    match question:
        case MultipleChoice():
            return int(answer != question.answer)
        case Matching():
            key = dict(question.answer)
            given = list(answer) if not isinstance(answer, int) else []
            return sum(1 for left in key if left >= len(given) or given[left] != key[left])
        case Ordering():
            given = list(answer) if not isinstance(answer, int) else []
            return sum(1 for place, item in enumerate(question.answer)
                       if place >= len(given) or given[place] != item)
        case GapFill():
            given = list(answer) if not isinstance(answer, int) else []
            return sum(1 for gap, word in enumerate(question.answer)
                       if gap >= len(given) or given[gap] != word)
        case _:
            assert_never(question)


def earned(question: Question, answer: Sequence[int] | int) -> int:
    """The marks an answer earns under the question's rule."""
    rule = rule_of(question)
    wrong = slips(question, answer)
    if rule.per_part:
        return rule.full * (parts(question) - wrong)
    if wrong == 0:
        return rule.full
    return rule.partial if wrong <= rule.slips else 0
