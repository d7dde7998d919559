"""What the sheet rules said of each item and each pair, kept for the rest of one selection."""

from __future__ import annotations

from collections.abc import Callable

from quizgen.factbase.model import FactBase
from quizgen.quiz.leaks import gives_away
from quizgen.quiz.questions import Question

Rule = Callable[[Question, FactBase], str | None]
TitleRule = Callable[[Question, str, FactBase], str | None]


class Verdicts:
    """The verdicts of one selection: a rule's on an item alone, the title's on an item, and
    whether one item gives another away, each worked out the first time it is asked and read
    back after (the picks, the re-picks, the fill and the reasons for what was left out ask the
    same of the same items again and again).

    Kept by identity: the items and bases are held here, so an id stands for one object as long
    as its verdict is kept. A selection makes its own and drops it at the end, so a rule changed
    between selections (a test planting a bug) is always asked afresh.
    """

    def __init__(self, *, back: Verdicts | None = None) -> None:
        self._alone: dict[tuple[Rule, int, int], tuple[Question, FactBase, str | None]] = {}
        self._titled: dict[tuple[TitleRule, str, int, int],
                           tuple[Question, FactBase, str | None]] = {}
        self._pairs: dict[tuple[int, int, int],
                          tuple[Question, Question, FactBase, str | None]] = {}
        # verdicts read (never written) behind these: the selection's, for left_out's items;
        # two plain dicts looked up in turn (a ChainMap's Python-level lookups were a tenth of
        # left_out at 10,000 facts)
        self._back = back
        self.made = 0  # verdicts worked out rather than read back (counted by tests)

    def apart(self) -> Verdicts:
        """Verdicts that read these and keep what they work out themselves apart, dropped with
        them: left_out explains each item made once, so what it asks of one item (its rules,
        its pairs with the sheet) is kept only while that item is explained, not for the
        thousands of items of a large base at once."""
        return Verdicts(back=self)

    def alone(self, rule: Rule, question: Question, base: FactBase) -> str | None:
        """What `rule(question, base)` says, asked once."""
        key = (rule, id(question), id(base))
        known = self._alone.get(key) or (self._back and self._back._alone.get(key))
        if not known:
            self.made += 1
            known = self._alone[key] = (question, base, rule(question, base))
        return known[2]

    def titled(self, rule: TitleRule, question: Question, title: str,
               base: FactBase) -> str | None:
        """What `rule(question, title, base)` says (the printed title against an item), asked
        once per title: one selection prints one."""
        key = (rule, title, id(question), id(base))
        known = self._titled.get(key) or (self._back and self._back._titled.get(key))
        if not known:
            self.made += 1
            known = self._titled[key] = (question, base, rule(question, title, base))
        return known[2]

    def gives_away(self, a: Question, b: Question, base: FactBase) -> str | None:
        """Why item b answers item a or asks what a asks (quizgen.quiz.leaks.gives_away), asked
        once per ordered pair."""
        key = (id(a), id(b), id(base))
        known = self._pairs.get(key) or (self._back and self._back._pairs.get(key))
        if not known:
            self.made += 1
            known = self._pairs[key] = (a, b, base, gives_away(a, b, base))
        return known[3]
