"""Items kept on a sheet one by one: each refused when it clashes with those already kept."""

from __future__ import annotations

from collections.abc import Iterable

from quizgen.factbase.model import FactBase
from quizgen.quiz.balance import over_ration
from quizgen.quiz.described import described_alike
from quizgen.quiz.guessed import guessed
from quizgen.quiz.leaks import EVENT_USES, asked, title_gives_away
from quizgen.quiz.questions import Ordering, Question
from quizgen.quiz.sheet_rules import TermBlocks, gives_itself_away, indistinct, trivia
from quizgen.quiz.verdicts import Verdicts


def _plain(question: Question, base: FactBase) -> str | None:
    """Trivia, or two people told apart only by their order (the rules that read the item
    alone, without its base), as one rule the selection's verdicts keep."""
    return trivia(question) or indistinct(question)


class Checker:
    """Conflicts of items against those already kept, remembering what each item asks.

    Besides pairs that give each other away, it refuses an item its own words answer, one the
    printed `title` answers, a term item that would make a block with a kept one, and a speaker
    item whose id is `left_out` (one that would pile keys on the main speaker). `verdicts`, when
    given, keeps what the rules said of each item and pair for the next Checker of the same
    selection (a selection picks again after leaving one out, then fills the sheet). A kind in
    `rationed` keeps one item per article (quizgen.quiz.balance).
    """

    def __init__(
        self, bases: Iterable[FactBase], *, title: str = "",
        left_out: set[str] | frozenset[str] = frozenset(),
        verdicts: Verdicts | None = None,
        rationed: frozenset[str] = frozenset(),
    ) -> None:
        self.bases = {base.id: base for base in bases}
        self.title = title
        self.left_out = left_out
        self.verdicts = Verdicts() if verdicts is None else verdicts
        self.rationed = rationed  # kinds with one item per article (quizgen.quiz.balance)
        self.kept: list[Question] = []
        self.uses: dict[tuple[str, str], int] = {}  # (fact base, event) -> orderings showing it
        self.terms = TermBlocks()

    def clash(self, question: Question) -> str | None:
        """Why the item cannot join the kept ones (the first clash found), or None."""
        base = self.bases.get(question.factbase)
        if base is None:
            return None
        said = self.verdicts
        alone = (said.alone(_plain, question, base)
                 or said.alone(described_alike, question, base)
                 or said.alone(guessed, question, base)
                 or said.alone(gives_itself_away, question, base)
                 or said.titled(title_gives_away, question, self.title, base))
        if alone:
            return alone
        blocked = self.terms.clash(question)
        if blocked:
            return blocked
        for other in self.kept:
            if other.factbase == question.factbase:
                reason = (said.gives_away(other, question, base)
                          or said.gives_away(question, other, base))
                if reason:
                    return f"{other.id}: {reason}"
        return None

    def offer(self, question: Question) -> bool:
        """Keep the item if it clashes with none kept; whether it was kept."""
        if question.id in self.left_out:
            return False
        if over_ration(question, self.kept, self.rationed):
            return False
        if self.clash(question) is not None or self._worn(question):
            return False
        self.kept.append(question)
        self.terms.add(question)
        if isinstance(question, Ordering):
            for fact in asked(question, self.bases[question.factbase]):
                key_ = (question.factbase, fact)
                self.uses[key_] = self.uses.get(key_, 0) + 1
        return True

    def _worn(self, question: Question) -> bool:
        """Whether an ordering shows an event that EVENT_USES kept orderings show already."""
        if not isinstance(question, Ordering) or question.factbase not in self.bases:
            return False
        base = self.bases[question.factbase]
        return any(self.uses.get((question.factbase, fact), 0) >= EVENT_USES
                   for fact in asked(question, base))
