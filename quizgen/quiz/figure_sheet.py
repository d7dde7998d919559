"""Two figure items on one sheet: one never offers the other's answer (solved by elimination)."""

from __future__ import annotations

from quizgen.factbase.numbers import format_amount
from quizgen.quiz.questions import Amount, FigureGiven, FigureValue, MultipleChoice, Question


def _key(question: Question) -> Amount | None:
    """The answer of a figure's value item ('what was the share …?'), or None."""
    if not isinstance(question, MultipleChoice) or not isinstance(
        question.ask, FigureValue | FigureGiven
    ):
        return None
    claim = question.options[question.answer].claim
    return claim if isinstance(claim, Amount) else None


def _same(a: Amount, b: Amount) -> bool:
    """Whether two amounts show one number of one unit (whatever their qualifiers)."""
    return (a.unit.casefold() == b.unit.casefold() and a.value == b.value
            and a.to == b.to)  # fmt: skip


def figures_cross(a: Question, b: Question) -> str | None:
    """Why figure item b gives away figure item a, or None: b offers a's answer as one of its
    own wrong options (a poll's shares asked one by one, each offering the others': a student
    matches them up by elimination), or both have one answer (the number in both option lists
    is the guess)."""
    key = _key(a)
    if key is None or not isinstance(b, MultipleChoice) or _key(b) is None:
        return None
    for i, option in enumerate(b.options):
        if isinstance(option.claim, Amount) and _same(option.claim, key):
            if i == b.answer:
                return f"both figure items have the answer {format_amount(key)}"
            return (f"offers {option.text}, the answer to another figure item on the sheet: "
                    "one is solved by elimination")
    return None
