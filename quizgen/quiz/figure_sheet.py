"""Figure items on one sheet: none offers or states another's answer (solved by elimination),
nor has another's large number for an answer, nor asks a measure of a thing asked already; no
"whose …?" item offers the answer of another of its measure."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from functools import cached_property, lru_cache

from quizgen.factbase.model import Figure
from quizgen.factbase.numbers import format_amount, out_of, unit_kind
from quizgen.quiz.questions import (
    Amount,
    EntityRef,
    FigureGiven,
    FigureHolder,
    FigureValue,
    MultipleChoice,
    Question,
)


def _key(question: Question) -> Amount | None:
    """The answer of a figure's value item ('what was the share …?'), or None."""
    if not isinstance(question, MultipleChoice) or not isinstance(
        question.ask, FigureValue | FigureGiven
    ):
        return None
    claim = question.options[question.answer].claim
    return claim if isinstance(claim, Amount) else None


@lru_cache(maxsize=1 << 18)  # asked again for every pair of items while versions are made
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
        return _spaced_words((question.prompt, *(o.text for o in question.options)))
    return _spaced_words((question.prompt,))


@lru_cache(maxsize=1 << 18)  # every pair with a figure item reads the other item's words
def _spaced_words(texts: tuple[str, ...]) -> str:
    return " " + " ".join(re.sub(r"[^\w%]+", " ", " ".join(texts).casefold()).split()) + " "


def forget_readings() -> None:
    """Drop the amounts' readings and items' words kept (leaks.forget, after a selection)."""
    _reading.cache_clear()
    _spaced_words.cache_clear()


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


_Read = tuple[str, Decimal, Decimal | None]

Measured = tuple[str, str | None]  # a measure, folded, and the thing it is of (its subject)


def measured(figure: Figure) -> Measured:
    """What a figure measures: its measure as words, folded, and its subject. Two figures of one
    such are one quantity given by other sources or at other moments (three death tolls)."""
    return " ".join(figure.measure.casefold().split()), figure.subject


def measured_again(a: Iterable[Figure], b: Iterable[Figure]) -> str | None:
    """Why items asking figures a and figures b ask one quantity twice (a figure of b measures
    what another figure of a measures), or None. Asked beside each other, one toll's options
    bound the other's key (the only option above every option of the other), and a sheet asks
    one thing three times."""
    mine: dict[Measured, Figure] | None = None  # read only when b asks a figure (most do not)
    for figure in b:
        if mine is None:
            mine = {measured(f): f for f in a}
        other = mine.get(measured(figure))
        if other is not None and other.id != figure.id:
            return (f"both ask the {other.measure} ({other.id} and {figure.id}): one quantity "
                    "asked twice, each item's options against the other's answer")
    return None


# a measure read off one running clock: "time after which the craft began its descent", "time by
# which it was back on the ground", "time at which the doors opened" (a moment, not a span)
_CLOCK = re.compile(r"^(?:time|moment|minute|second|hour)s? (?:after|by|at|before|until) which\b")


def clock(figure: Figure) -> str | None:
    """The unit of a figure that is a moment on a story's running clock (its measure "time after
    which …", "time by which …"; a time of day), or None: the moments of one story are in an
    order a student knows (a descent begins before the craft is back on the ground)."""
    if figure.is_time_of_day:
        return "time of day"
    if _CLOCK.match(" ".join(figure.measure.casefold().split())):
        return " ".join(figure.unit.casefold().split())
    return None


def one_clock(a: Iterable[Figure], b: Iterable[Figure]) -> str | None:
    """Why items asking figures a and figures b ask two moments of one clock, or None: the
    later moment bounds the earlier's options (a landing "by 32 seconds" rules out a descent
    begun "after 34 seconds"), so one answers part of the other."""
    mine = {unit: f for f in a if (unit := clock(f)) is not None}
    if not mine:
        return None
    for figure in b:
        other = mine.get(clock(figure) or "")
        if other is not None and other.id != figure.id:
            return (f"asks {figure.id}, a moment on the clock of {other.id}: the order of the "
                    "two moments bounds one item's options by the other's answer")
    return None


def figures_cross(a: Question, b: Question) -> str | None:
    """Why figure item b gives away figure item a, or None: b offers a's answer as one of its
    own wrong options (a poll's shares asked one by one, each offering the others': a student
    matches them up by elimination), or both have one answer (the number in both option lists
    is the guess, and one large number is one quantity asked twice)."""
    key = _key(a)
    if key is None:
        return None
    if (said := share_in_words(a, b)) is not None:
        return said
    if not isinstance(b, MultipleChoice) or (other := _key(b)) is None:
        return None
    for i, option in enumerate(b.options):
        if isinstance(option.claim, Amount) and _same(option.claim, key):
            if i == b.answer:
                return f"both figure items have the answer {format_amount(key)}"
            return (f"offers {option.text}, the answer to another figure item on the sheet: "
                    "one is solved by elimination")
    if _one_large_number(_reading(key), _reading(other)):
        return (f"both figure items have the number of {format_amount(key)} for an answer: one "
                "quantity asked twice, the number in both lists picked twice")
    return None


def _holder(question: Question) -> tuple[str, str | None, tuple[str, ...]] | None:
    """A "whose …?" item's measure (folded), key entity and wrong options' entities, or None."""
    if not isinstance(question, MultipleChoice) or not isinstance(question.ask, FigureHolder):
        return None
    entities = [o.claim.entity if isinstance(o.claim, EntityRef) else None
                for o in question.options]
    wrong = tuple(e for i, e in enumerate(entities) if i != question.answer and e is not None)
    return " ".join(question.ask.measure.casefold().split()), entities[question.answer], wrong


def holders_cross(a: Question, b: Question) -> str | None:
    """Why "whose …?" item b gives away "whose …?" item a, or None: both ask whose one measure
    was a figure ("whose age was 84?", "whose age was 89?"), each holder has one figure of a
    measure, so the key of a answers a alone, and b offers it as a wrong option: a student who
    knows a rules it out of b, and who knows b's key rules it out of a (solved by elimination)."""
    mine, theirs = _holder(a), _holder(b)
    if mine is None or theirs is None or mine[1] is None or mine[0] != theirs[0]:
        return None
    if mine[1] in theirs[2]:
        return (f"offers the answer of another “whose {mine[0]}” item on the sheet: each holder"
                " has one, so one is solved by elimination")
    return None


def holder_needs(question: Question) -> list[object]:
    """What holders_cross(question, b) must find in b's holder_carries: its measure and key."""
    mine = _holder(question)
    return [] if mine is None or mine[1] is None else [("holder", mine[0], mine[1])]


def holder_carries(question: Question) -> list[object]:
    """What a "whose …?" item offers holders_cross: its measure with each wrong option."""
    mine = _holder(question)
    return [] if mine is None else [("holder", mine[0], e) for e in mine[2]]


# a number this large is seen twice by no chance: "5 months" beside "5 days" is a small count
# two facts may share, "140,000 ticket-holders" beside "the litter of 140,000 people" is one
# crowd asked twice (whoever knows one knows the other, whatever other numbers both lists print)
STRIKING = Decimal(100)


def _number(reading: _Read) -> tuple[Decimal, Decimal | None]:
    return reading[1], reading[2]


def _one_large_number(a: _Read | None, b: _Read | None) -> bool:
    """Whether two figure items of different measures have one number of STRIKING size or more
    for an answer: one quantity asked twice (a student who knows one knows the other), and the
    number printed in both lists is the guess."""
    if a is None or b is None:
        return False
    return _number(a) == _number(b) and a[1] >= STRIKING




class _Profile:
    """What figures_cross reads of one item, read once: its key's reading, its shares said in
    words, the readings of its options (a figure item's only)."""

    def __init__(self, question: Question) -> None:
        key = _key(question)
        self.question = question
        self.key: _Read | None = None if key is None else _reading(key)
        self.share = self.key is not None and self.key[0] == "share" and self.key[2] is None
        self.options: frozenset[_Read] | None = None
        if isinstance(question, MultipleChoice) and key is not None:
            self.options = frozenset(_reading(o.claim) for o in question.options
                                     if isinstance(o.claim, Amount))

    @cached_property
    def words(self) -> str:
        """Every text a student reads of the item (read only when a share is looked for)."""
        return _words_of(self.question)

    @cached_property
    def shares_said(self) -> tuple[Decimal, ...]:
        """The shares its texts state in words ("half", "a third": SHARE_WORDS)."""
        return tuple(share for share, said in SHARE_WORDS if f" {said} " in self.words)


Profiles = dict[int, _Profile]  # what Crossings read of each item, by the item's id


def _near(value: Decimal, shares: Iterable[Decimal]) -> bool:
    """Whether a share is one of the shares said, give or take a point (share_in_words)."""
    return any(abs(value - share) <= 1 for share in shares)


class Crossings:
    """figures_cross between a sheet's items and any item offered beside them, each item read
    once (versions try many remade figure items against the same sheet): `profiles` may be
    shared by the calls of one run, keyed by the items' ids (the items outlive it). The sheet's
    items are read into sets (the answers, the shares asked, the options offered), so that an
    item offered is compared with all of them at once."""

    def __init__(self, others: Iterable[Question], *,
                 profiles: Profiles | None = None) -> None:
        self._profiles = {} if profiles is None else profiles
        self._all = [self._profile(o) for o in others]
        keyed = [(o, o.key) for o in self._all if o.key is not None]
        self._keys = frozenset(key for _, key in keyed)  # the figure items' answers
        self._shares = tuple(key[1] for o, key in keyed if o.share)  # the shares they ask
        self._offered: frozenset[_Read] = frozenset().union(
            *(o.options for o in self._all if o.options is not None))
        self._by_number: dict[tuple[Decimal, Decimal | None], list[_Profile]] = {}
        for o, key in keyed:
            self._by_number.setdefault(_number(key), []).append(o)

    def _profile(self, question: Question) -> _Profile:
        found = self._profiles.get(id(question))
        if found is None or found.question is not question:
            found = self._profiles[id(question)] = _Profile(question)
        return found

    @cached_property
    def _said(self) -> frozenset[Decimal]:
        """Every share an item of the sheet states in words (read when a share is offered)."""
        return frozenset(share for o in self._all for share in o.shares_said)

    def any(self, question: Question) -> bool:
        """Whether figures_cross(o, item) or figures_cross(item, o) holds for an item o of the
        sheet: the item gives one of them away, or one of them gives it away."""
        mine = self._profile(question)
        # figures_cross(o, item): the item says a share o asks, or offers o's answer
        if self._shares and mine.shares_said and any(
                _near(share, mine.shares_said) for share in self._shares):
            return True
        if mine.options is not None and not mine.options.isdisjoint(self._keys):
            return True
        if mine.key is None:  # figures_cross(item, o): o says its share, or offers its answer
            return False
        return ((mine.share and _near(mine.key[1], self._said)) or mine.key in self._offered
                or any(_one_large_number(mine.key, o.key)
                       for o in self._by_number.get(_number(mine.key), ())))


_SHARE_SAID = "\x03share"  # an item whose texts say a share in words (SHARE_WORDS: half …)


def cross_needs(question: Question) -> list[object]:
    """What figures_cross(question, b) must find in b's cross_carries to hold: the key's
    reading among b's options, its number as b's key (a large one), or a share said in words;
    for a "whose …?" item, holder_needs."""
    profile = _Profile(question)
    if profile.key is None:
        return holder_needs(question)
    marks: list[object] = [("option", profile.key), ("number", _number(profile.key))]
    if profile.share:
        marks.append(_SHARE_SAID)
    return marks


def cross_carries(question: Question) -> list[object]:
    """What a figure item offers figures_cross (the readings of its options, its key's number),
    and whether an item says a share in words (share_in_words); holder_carries."""
    profile = _Profile(question)
    marks: list[object] = []
    if profile.key is not None and profile.options is not None:
        marks += [("option", o) for o in profile.options]
        marks.append(("number", _number(profile.key)))
    said = _words_of(question)  # what share_in_words reads of it, folded once
    if any(f" {words} " in said for _, words in SHARE_WORDS):
        marks.append(_SHARE_SAID)
    return marks + holder_carries(question)
