"""What one item must find in another to be given away by it, and what an item carries, each
folded into the bits of one number: two items whose bits meet nowhere cannot clash.

leaks.gives_away(a, b) reads what b shows and asks (its facts, numbers, words, events, key,
figures) for something of a (a fact it asks, a value, a word of its answer, a name of its key).
Each rule it runs holds only when b carries one of a short list of marks of a: `needs(a)` lists
them, `carries(b)` everything b offers any rule, each hashed to one bit of MARK_BITS. So when
`needs(a) & carries(b)` is 0, no rule can hold and the pair need not be read in full; a shared
bit runs every rule as before (two marks may share a bit by chance: that only costs the reading).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from typing import NamedTuple

from quizgen.factbase.model import Entity, FactBase, Figure, Quote
from quizgen.quiz.breath import breaths
from quizgen.quiz.figure_sheet import clock, cross_carries, cross_needs, measured
from quizgen.quiz.folding import folded_words
from quizgen.quiz.guessed import PLAIN_WORDS, key_place, shown_texts, term_name
from quizgen.quiz.passages import words
from quizgen.quiz.questions import Ordering, Question
from quizgen.quiz.spread import key_entity
from quizgen.quiz.thresholds import sibling_marks
from quizgen.quiz.ties import tie_names

MARK_BITS = 4096  # bits of a mark number: a few hundred marks an item fill a few of them
ALWAYS = 1  # bit 0: in every item's carries; an item needing it is read against every item
_WORD = re.compile(r"[^\W_]+")  # passages.words' runs of a text
_PREFIX = "\x01"  # a word's first four letters (akin words share them), apart from whole words
_KEY = "\x02"  # the entity a speaker item keys
_ORDERING = "\x04ordering"  # an ordering (sheet_rules.same_act reads its events for a key's name)


def _bits(marks: Iterable[object], found: int = 0) -> int:
    """The bits of the marks (each to one of MARK_BITS - 1, bit 0 left for ALWAYS) and `found`:
    set in bytes and read as one number once, not a number made anew for each mark."""
    held = bytearray(MARK_BITS // 8)
    for mark in marks:
        bit = _bit(mark)
        held[bit >> 3] |= 1 << (bit & 7)
    return int.from_bytes(held, "little") | found


def _akin_mark(word: str) -> str:
    """What a word akin to `word` carries (sheet_rules.akin: equal under five letters, else
    sharing the first four: five or six, or a doer's stem of four or more)."""
    return _PREFIX + word[:4] if len(word) >= 5 else word


def carries(question: Question, *, asked: frozenset[str], numbers: frozenset[Decimal],
            events: frozenset[str], statements: Iterable[str],
            figures: Iterable[Figure]) -> int:
    """The bits of what an item offers the rules read against it: the facts it asks, the
    numbers and events it shows, the words of its statements and of what a student reads of
    it (whole, and their first four letters), the entity it keys, what its figures measure, and
    its figure marks (figure_sheet.cross_carries)."""
    marks: set[object] = {*asked, *numbers, *events}
    for text in statements:
        marks.update(words(text))
    for text in shown_texts(question):
        for word in folded_words(text):
            marks.add(word)
            if len(word) >= 5:
                marks.add(_PREFIX + word[:4])
    key = key_entity(question)
    if key is not None:
        marks.add(_KEY + key)
    if isinstance(question, Ordering):
        marks.add(_ORDERING)
    marks.update(("measured", measured(f)) for f in figures)
    marks.update(("clock", unit) for f in figures if (unit := clock(f)) is not None)
    marks.update(cross_carries(question))
    return _bits(marks, ALWAYS)


class Needs(NamedTuple):
    """What an item must find in another's carries to be given away by it: any bit of `any`,
    or both bits of one of `both` (two words of a name or phrase said whole, which has all)."""

    any: int
    both: tuple[tuple[int, int], ...] = ()  # bit positions, not numbers: each a few bytes

    def met(self, carried: int) -> bool:
        """Whether the carries hold what is needed (when not, no rule can hold)."""
        if self.any & carried:
            return True
        for first, second in self.both:  # noqa: SIM110 - a loop, not any(): read for every pair
            if carried >> first & carried >> second & 1:
                return True
        return False


def _bit(mark: object) -> int:
    return 1 + hash(mark) % (MARK_BITS - 1)


def _long(marks: Iterable[str]) -> list[str]:
    """The marks, longest first (a long word is found in fewer texts)."""
    return sorted(set(marks), key=lambda m: (-len(m), m))


class _Marks:
    """Marks being gathered: single ones, and pairs of which both must be found."""

    def __init__(self) -> None:
        self.any: set[object] = set()
        self.both: set[tuple[int, int]] = set()

    def all_of(self, marks: Iterable[str]) -> None:
        """Every one of the marks is found where the rule holds: the two longest are asked."""
        self.pair(*_long(marks)[:2])

    def pair(self, *marks: str) -> None:
        if len(marks) == 1:
            self.any.add(marks[0])
        elif marks:
            first, second = sorted((_bit(marks[0]), _bit(marks[1])))
            self.both.add((first, second))

    def needs(self) -> Needs:
        return Needs(_bits(self.any), tuple(sorted(self.both)))


def needs(question: Question, base: FactBase, *, asked: frozenset[str],
          values: Iterable[Decimal], quotes: Iterable[Quote], claims: Iterable[str],
          carriers: dict[str, frozenset[str]], answer_words: str, gaps: Iterable[str],
          key_names: Iterable[str], passages: tuple[str, ...],
          figures: Iterable[Figure]) -> Needs:
    """What an item given away by another finds in the other's carries: leaks.gives_away's
    rules, each by what it must find (see the module's docstring)."""
    marks = _Marks()
    marks.any.update(asked)  # both ask a fact
    marks.any.update(values)  # a value it asks, stated
    for quote in quotes:  # a quote it asks, shown: its inner words stand whole in the other
        if len(quote.text) >= 12:
            text = quote.text.casefold()
            inner = [m.group() for m in _WORD.finditer(text)
                     if m.start() > 0 and m.end() < len(text)]
            if not inner:
                return Needs(ALWAYS)
            marks.all_of(inner)
        marks.any.update(carriers.get(quote.id, ()))  # an event that says who said it
    claims = tuple(claims)
    for claim in claims:
        marks.any.update(carriers.get(claim, ()))
    marks.all_of(answer_words.split())
    for gap in gaps:
        marks.all_of(gap.split())
    if passages:
        for name in key_names:
            marks.all_of(name.split())
    key = key_entity(question)
    if key is not None:  # sheet_rules.same_act: the same key, or an ordering naming it
        marks.any.add(_KEY + key)
        entity = base.by_id.get(key)
        if isinstance(entity, Entity):
            for name in (entity.name, *entity.aliases):
                if folded_words(name):
                    marks.pair(_ORDERING, _long(folded_words(name))[0])
    marks.any.update(cross_needs(question))
    marks.any.update(("measured", measured(f)) for f in figures)
    marks.any.update(("clock", unit) for f in figures if (unit := clock(f)) is not None)
    marks.any.update(sibling_marks(figures, base))  # thresholds.bound_stated
    if quotes or claims:  # said in one breath with a fact the other asks
        joined = breaths(base)
        for fact_id in asked:
            marks.any.update(joined.get(fact_id, ()))
    _shown_needs(question, base, marks)
    return marks.needs()


def _shown_needs(question: Question, base: FactBase, marks: _Marks) -> None:
    """What guessed.term_in_use, ties.context_tied and guessed.place_tied must find among the
    words a student reads of the other item: a word akin to one of the term's name, a name of
    the key and a word the prompt tells of, a name of the key place."""
    name = term_name(question, base)
    if name is not None:
        marks.any.update(_akin_mark(w) for w in folded_words(name)
                         if len(w) > 2 and w not in PLAIN_WORDS)
    names, marked = tie_names(question, base)
    for name in names:
        for mark in marked:
            if name.split() and mark.split():
                marks.pair(_long(name.split())[0], _long(mark.split())[0])
    place = key_place(question, base)
    if place is not None:
        for name in (place.name, *place.aliases):
            if any(len(w) > 2 for w in folded_words(name)):
                marks.all_of(folded_words(name))
