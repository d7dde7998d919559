"""Figure items on one sheet: none offers or states another's answer (solved by elimination)."""

from __future__ import annotations

import re
from decimal import Decimal

from quizgen.factbase.numbers import format_amount, out_of, unit_kind
from quizgen.quiz.questions import Amount, FigureGiven, FigureValue, MultipleChoice, Question


def _key(question: Question) -> Amount | None:
    """The answer of a figure's value item ('what was the share …?'), or None."""
    if not isinstance(question, MultipleChoice) or not isinstance(
        question.ask, FigureValue | FigureGiven
    ):
        return None
    claim = question.options[question.answer].claim
    return claim if isinstance(claim, Amount) else None


def _reading(amount: Amount) -> tuple[str, Decimal, Decimal | None]:
    """What a student compares: a share as a percentage ('60 out of 100' is '60%'), any other
    amount as its unit and numbers."""
    whole = out_of(amount.unit) or (Decimal(100) if unit_kind(amount.unit) == "percent" else None)
    if whole is None:
        return " ".join(amount.unit.casefold().split()), amount.value, amount.to
    scale = Decimal(100) / whole
    to = None if amount.to is None else amount.to * scale
    return "share", amount.value * scale, to


def _same(a: Amount, b: Amount) -> bool:
    """Whether two amounts show one number of one unit (whatever their qualifiers)."""
    return _reading(a) == _reading(b)


# shares a prompt may state in words: "coal met nearly half of the rise" answers "what share?"
SHARE_WORDS = ((Decimal(50), "half"), (Decimal(25), "a quarter"), (Decimal(25), "one quarter"),
               (Decimal(75), "three quarters"), (Decimal("33.3"), "a third"),
               (Decimal("33.3"), "one third"), (Decimal("66.7"), "two thirds"))  # fmt: skip


def _words_of(question: Question) -> str:
    """The prompt and every text a student reads of an item, folded, spaced by single spaces."""
    if isinstance(question, MultipleChoice):
        texts = [question.prompt, *(o.text for o in question.options)]
    else:
        texts = [question.prompt]
    return " " + " ".join(re.sub(r"[^\w%]+", " ", " ".join(texts).casefold()).split()) + " "


def share_in_words(a: Question, b: Question) -> str | None:
    """Why item b states in words the share that figure item a asks ('nearly half of the
    rise' beside 'what share … nearly 50%?'), or None."""
    key = _key(a)
    if key is None or b is a:
        return None
    kind, value, to = _reading(key)
    if kind != "share" or to is not None:
        return None
    said = _words_of(b)
    for share, words in SHARE_WORDS:
        if abs(value - share) <= 1 and f" {words} " in said:
            return f"says “{words}”, the answer to a figure item on the sheet"
    return None


def figures_cross(a: Question, b: Question) -> str | None:
    """Why figure item b gives away figure item a, or None: b offers a's answer as one of its
    own wrong options (a poll's shares asked one by one, each offering the others': a student
    matches them up by elimination), or both have one answer (the number in both option lists
    is the guess)."""
    key = _key(a)
    if key is None:
        return None
    if (said := share_in_words(a, b)) is not None:
        return said
    if not isinstance(b, MultipleChoice) or _key(b) is None:
        return None
    for i, option in enumerate(b.options):
        if isinstance(option.claim, Amount) and _same(option.claim, key):
            if i == b.answer:
                return f"both figure items have the answer {format_amount(key)}"
            return (f"offers {option.text}, the answer to another figure item on the sheet: "
                    "one is solved by elimination")
    return None
