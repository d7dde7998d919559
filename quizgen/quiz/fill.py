"""Filling a sheet to its length: every item that fits is taken, and one kept item gives way to
two or more that only it kept out."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import zip_longest

from quizgen.factbase.model import FactBase
from quizgen.quiz.balance import over_ration
from quizgen.quiz.checker import Checker
from quizgen.quiz.leaks import EVENT_USES, asked, marks, piled
from quizgen.quiz.questions import Ordering, Question
from quizgen.quiz.sheet_rules import TermBlocks, term_item
from quizgen.quiz.spread import SheetSpread
from quizgen.quiz.verdicts import Verdicts

SWAP_ROUNDS = 8  # times one kept item may give way to several before the sheet is taken as is
KIND_GAIN = 2  # a kind's last item on the sheet gives way only to this many more items


class Fit:
    """Whether items may stand together on one sheet: each alone (its own words, the title),
    each pair (giveaways, term blocks, shared events) and the speaker spread of the whole;
    `verdicts` keeps what the rules said for the rest of the selection."""

    def __init__(self, bases: Iterable[FactBase], *, title: str,
                 verdicts: Verdicts | None = None,
                 rationed: frozenset[str] = frozenset(),
                 sheet_spread: SheetSpread | None = None) -> None:
        self.bases = tuple(bases)
        self.sheet_spread = sheet_spread  # one sheet's speaker spread, read once (left_out)
        self.rationed = rationed  # kinds with one item per article (quizgen.quiz.balance)
        self.title = title
        self.verdicts = Verdicts() if verdicts is None else verdicts
        self._by_id = {base.id: base for base in self.bases}
        self._alone: dict[str, bool] = {}
        self._pairs: dict[tuple[str, str], bool] = {}

    def alone(self, question: Question) -> bool:
        """Whether the item may stand on a sheet at all."""
        known = self._alone.get(question.id)
        if known is None:
            checker = Checker(self.bases, title=self.title, verdicts=self.verdicts)
            known = self._alone[question.id] = checker.offer(question)
        return known

    def pair(self, a: Question, b: Question) -> bool:
        """Whether two items (each fit alone) may stand on one sheet, in either order: neither
        gives the other away or asks its fact, they make no term block, and two orderings
        share no event (what Checker refuses of a pair, without its checks of each alone)."""
        key = (a.id, b.id) if a.id < b.id else (b.id, a.id)
        known = self._pairs.get(key)
        if known is None:
            known = self._pairs[key] = self._pair(a, b)
        return known

    def clear(self, a: Question, b: Question) -> bool:
        """Whether two items of one base may stand on one sheet, proved from what each needs of
        the other and carries (leaks.marks) without reading the pair: a term item, or an item
        meeting what the other needs, is not proved (False: ask `pair`)."""
        base = self._by_id.get(a.factbase)
        if base is None or a.factbase != b.factbase or term_item(a) or term_item(b):
            return False
        needs_a, carries_a = marks(a, base)
        needs_b, carries_b = marks(b, base)
        return not needs_a.met(carries_b) and not needs_b.met(carries_a)

    def _pair(self, a: Question, b: Question) -> bool:
        blocks = TermBlocks()
        blocks.add(a)
        if blocks.clash(b) is not None:
            return False
        base = self._by_id.get(a.factbase)
        if a.factbase != b.factbase or base is None:
            return True
        if EVENT_USES == 1 and isinstance(a, Ordering) and isinstance(b, Ordering) and (
                asked(a, base) & asked(b, base)):
            return False  # an event in one ordering only: a shared one is a clash of the pair
        said = self.verdicts
        return said.gives_away(a, b, base) is None and said.gives_away(b, a, base) is None

    def spread(self, questions: Sequence[Question]) -> bool:
        """Whether "always the main speaker" beats chance by no more than the margin."""
        return not piled(questions, self.bases)

    def joins(self, question: Question, kept: Sequence[Question]) -> bool:
        """Whether the item may join the kept ones."""
        return (self.alone(question) and not over_ration(question, kept, self.rationed)
                and all(self.pair(k, question) for k in kept)
                and not self._worn(question, kept) and self.spread([*kept, question]))

    def _worn(self, question: Question, kept: Sequence[Question]) -> bool:
        """Whether an ordering shows an event EVENT_USES kept orderings show already."""
        base = self._by_id.get(question.factbase)
        if not isinstance(question, Ordering) or base is None:
            return False
        uses = [e for k in kept if isinstance(k, Ordering) and k.factbase == question.factbase
                for e in asked(k, base)]
        return any(uses.count(e) >= EVENT_USES for e in asked(question, base))


def fill_kinds(
    picked: dict[str, list[Question]],
    pools: dict[str, list[Question]],
    bases: Sequence[FactBase],
    *,
    title: str,
    count: int,
    verdicts: Verdicts | None = None,
    rationed: frozenset[str] = frozenset(),
) -> dict[str, list[Question]]:
    """The picked items topped up towards `count` (see fill), the kinds taking turns (what the
    rules said kept in `verdicts`, the selection's)."""
    chosen = [q for kind in picked for q in picked[kind]]
    if len(chosen) >= count:
        return picked
    turns = [q for row in zip_longest(*pools.values()) for q in row if q is not None]
    fit = Fit(bases, title=title, verdicts=verdicts, rationed=rationed)
    filled = fill(chosen, turns, fit=fit, length=count)
    return {kind: [q for q in filled if q.kind == kind] for kind in picked}


def fill(
    kept: Sequence[Question], pool: Sequence[Question], *, fit: Fit, length: int,
) -> list[Question]:
    """The kept items, topped up towards `length` from the pool (in its order): first every
    item that fits, then, while the sheet is short, a kept item gives way to the two or more
    items that only it kept out (taken in pool order), as long as the speaker spread holds; a
    kind leaves the sheet only for KIND_GAIN more items."""
    sheet = list(kept)
    _top_up(sheet, pool, fit=fit, length=length)
    for _ in range(SWAP_ROUNDS):
        if len(sheet) >= length or not _swap(sheet, pool, fit=fit, length=length):
            break
        _top_up(sheet, pool, fit=fit, length=length)
    return sheet


def _top_up(sheet: list[Question], pool: Sequence[Question], *, fit: Fit, length: int) -> None:
    """Add every item that fits, in pool order, going over the pool again while items were
    added: one added may spread the speaker keys enough for one passed over."""
    taken = {q.id for q in sheet}
    grew = True
    while grew and len(sheet) < length:
        grew = False
        for question in pool:
            if len(sheet) >= length:
                return
            if question.id not in taken and fit.joins(question, sheet):
                sheet.append(question)
                taken.add(question.id)
                grew = True


def _swap(sheet: list[Question], pool: Sequence[Question], *, fit: Fit, length: int) -> bool:
    """Replace one kept item by more items than it; whether one was replaced."""
    taken = {q.id for q in sheet}
    blocked_by: dict[int, list[Question]] = {}  # kept index -> items only it keeps out
    for question in pool:
        if question.id in taken or not fit.alone(question):
            continue
        blockers = [i for i, k in enumerate(sheet) if not fit.pair(k, question)]
        if len(blockers) == 1:
            blocked_by.setdefault(blockers[0], []).append(question)
    best: tuple[int, int, list[Question]] | None = None  # (gain, index, new items)
    for index, waiting in sorted(blocked_by.items()):
        rest = sheet[:index] + sheet[index + 1 :]
        added: list[Question] = []
        for question in waiting:
            if len(rest) + len(added) < length and all(fit.pair(a, question) for a in added) \
                    and not over_ration(question, rest + added, fit.rationed):
                added.append(question)
        gain = len(added) - 1
        last_of_kind = all(q.kind != sheet[index].kind for q in rest + added)
        if gain >= (KIND_GAIN if last_of_kind else 1) and fit.spread(rest + added) and (
                best is None or gain > best[0]):
            best = (gain, index, added)
    if best is None:
        return False
    _, index, added = best
    sheet[index : index + 1] = []
    sheet.extend(added)
    return True
