"""Keys spread across speakers: how well "always the main speaker" scores on a sheet's items
that ask who said or claimed something, against guessing."""

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from quizgen.factbase.model import FactBase
from quizgen.generators.speakers import main_speaker
from quizgen.quiz.questions import (
    ClaimantOf,
    EntityRef,
    GapFill,
    Matching,
    MultipleChoice,
    Option,
    Ordering,
    Question,
    SpeakerOf,
    assert_never,
)

SPREAD_MARGIN = 0.10  # "always the same speaker" may beat chance by at most ten points


class Spread(NamedTuple):
    """How a student who always picks `entity` scores on a sheet's speaker items of one base."""

    factbase: str
    entity: str
    items: int
    score: float  # expected share of points
    chance: float  # expected share when guessing

    @property
    def over(self) -> bool:
        """Whether picking always this one beats chance by more than the margin."""
        return self.score > self.chance + SPREAD_MARGIN + 1e-9


def _entities(options: Sequence[Option]) -> list[str | None]:
    return [o.claim.entity if isinstance(o.claim, EntityRef) else None for o in options]


def speaker_items(questions: Iterable[Question]) -> list[Question]:
    """The items that ask who said or claimed something."""
    return [q for q in questions
            if (isinstance(q, MultipleChoice) and isinstance(q.ask, SpeakerOf | ClaimantOf))
            or isinstance(q, Matching)]


def key_entity(question: Question) -> str | None:
    """The entity a speaker multiple choice is keyed to."""
    if (isinstance(question, MultipleChoice) and isinstance(question.ask, SpeakerOf | ClaimantOf)
            and 0 <= question.answer < len(question.options)):
        return _entities(question.options)[question.answer]
    return None


def spreads(questions: Iterable[Question], bases: Iterable[FactBase]) -> list[Spread]:
    """For each fact base with speaker items, the score of always picking its main speaker
    (where not offered: a guess) against the score of guessing."""
    mains = {base.id: main_speaker(base) for base in bases}
    by_base: dict[str, list[Question]] = {}
    for question in speaker_items(questions):
        by_base.setdefault(question.factbase, []).append(question)
    found: list[Spread] = []
    for base, items in sorted(by_base.items()):
        chance = sum(1 / len(_column(i)) for i in items) / len(items)
        entity = mains.get(base)
        if entity is not None:
            score = sum(_always(item, entity) for item in items) / len(items)
            found.append(Spread(base, entity, len(items), score, chance))
    return found


class SheetSpread:
    """spreads of one sheet with one item more, what each of the sheet's items adds read once
    (left_out asks it of every item made): the same sums of the same terms, in the same order."""

    def __init__(self, sheet: Sequence[Question], bases: Iterable[FactBase]) -> None:
        self.sheet = sheet  # the sheet read (its items taken as they are now)
        self._mains = {base.id: main_speaker(base) for base in bases}
        self._terms: dict[str, tuple[list[float], list[float]]] = {}  # base -> chances, scores
        for item in speaker_items(sheet):
            self._add(self._terms, item)

    def _add(self, terms: dict[str, tuple[list[float], list[float]]], item: Question) -> None:
        chances, scores = terms.setdefault(item.factbase, ([], []))
        chances.append(1 / len(_column(item)))
        entity = self._mains.get(item.factbase)
        scores.append(_always(item, entity) if entity is not None else 0.0)

    def piled(self, question: Question) -> bool:
        """Whether a main speaker is piled on the sheet with the item added (spreads' over)."""
        terms = self._terms
        if speaker_items([question]):
            terms = {base: (list(c), list(s)) for base, (c, s) in terms.items()}
            self._add(terms, question)
        for base, (chances, scores) in sorted(terms.items()):
            entity = self._mains.get(base)
            if entity is not None and Spread(base, entity, len(chances), sum(scores) / len(
                    scores), sum(chances) / len(chances)).over:
                return True
        return False


def _column(item: Question) -> tuple[Option, ...]:
    """What a student picks from: options, a matching's right column, an ordering's items."""
    match item:
        case Matching():
            return item.right
        case MultipleChoice():
            return item.options
        case Ordering():
            return item.items
        case GapFill():
            return item.bank
        case _:
            assert_never(item)


def _always(item: Question, entity: str) -> float:
    """The expected score of an item answered "always `entity`" (a guess where not offered)."""
    column = _entities(_column(item))
    if entity not in column:
        return 1 / len(column)
    if isinstance(item, Matching):
        right = column.index(entity)
        return sum(r == right for _, r in item.answer) / len(item.answer)
    return float(key_entity(item) == entity)


def favour(question: Question, entity: str) -> float:
    """How much an item rewards answering "always `entity`" beyond a guess (0 for others)."""
    if question not in speaker_items([question]):
        return 0.0
    return _always(question, entity) - 1 / len(_column(question))
