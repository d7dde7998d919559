"""Figures of one measure at two thresholds ("visited at least one other country", "visited 10
or more countries"): one stated on a sheet bounds the other's options, so it gives it away."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from quizgen.factbase.model import FactBase, Figure
from quizgen.factbase.numbers import unit_kind
from quizgen.quiz.figure_sheet import SHARE_WORDS
from quizgen.quiz.passages import states_number

# the words that make a count in a measure a bound ("at least one", "10 or more")
_BOUNDS = (r"\b(?:at least|at most|more than|fewer than|less than|or more|or fewer|or less"
           r"|and over|and above|and under|or older|or younger|over|under|above|below|up to)\b")
_BOUND_WORDS = re.compile(_BOUNDS)
# a threshold in a measure's words: its bound, its count and the words that count one
_BOUND = re.compile(
    _BOUNDS + r"|\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|twelve"
    r"|twenty|fifty|hundred)\b|\b(?:other|another|a|an|the)\b")


def _words(measure: str) -> tuple[str, ...]:
    """A measure's words without its threshold, singular: 'share … who have visited 10 or more
    countries' and '… who have visited at least one other country' read alike."""
    text = _BOUND.sub(" ", measure.casefold().replace("-", " "))
    return tuple(_singular(w) for w in re.findall(r"[^\W_]+", text))


def _singular(word: str) -> str:
    """A noun without its plural ending: 'countries': 'country', 'people' as it is."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _bounded(figure: Figure) -> bool:
    """Whether a figure's measure counts from a threshold (not two years of one count)."""
    return _BOUND_WORDS.search(figure.measure.casefold()) is not None


def _kind(figure: Figure) -> str:
    return unit_kind(figure.unit) or " ".join(figure.unit.casefold().split())


_SIBLINGS: dict[int, tuple[FactBase, dict[str, tuple[Figure, ...]]]] = {}  # by the base's id()


def siblings(base: FactBase) -> dict[str, tuple[Figure, ...]]:
    """For each figure, the base's figures of its measure at another threshold (kept per base)."""
    known = _SIBLINGS.get(id(base))
    if known is not None and known[0] is base:
        return known[1]
    by_words: dict[tuple[object, ...], list[Figure]] = {}
    for figure in base.figures:
        words = _words(figure.measure)
        if words:
            by_words.setdefault((words, figure.subject, _kind(figure)), []).append(figure)
    found: dict[str, tuple[Figure, ...]] = {}
    for group in by_words.values():
        for figure in group:
            others = tuple(g for g in group if g.id != figure.id
                           and " ".join(g.measure.split()) != " ".join(figure.measure.split())
                           and (_bounded(g) or _bounded(figure)))
            if others:
                found[figure.id] = others
    if len(_SIBLINGS) > 64:
        _SIBLINGS.clear()
    _SIBLINGS[id(base)] = (base, found)
    return found


def sibling_marks(figures: Iterable[Figure], base: FactBase) -> list[object]:
    """What bound_stated must find in another item's carries: a sibling's value, the words a
    share is said in, or a sibling asked."""
    marks: list[object] = []
    table = siblings(base)
    for figure in figures:
        for other in table.get(figure.id, ()):
            marks.append(other.id)
            for value in (other.value, other.to):
                if value is not None:
                    marks.append(value.normalize())
            marks.extend(w for share, words in SHARE_WORDS if abs(other.value - share) <= 1
                         for w in words.split() if w not in {"a", "one"})
    return marks


def bound_stated(figures: Iterable[Figure], asked: frozenset[str], shown: tuple[str, ...],
                 base: FactBase) -> str | None:
    """Why an item asking `figures` is bounded by another that asks, or states in `shown`, a
    figure of the same measure at another threshold ("about half visited 10 or more countries"
    rules out low shares for "visited at least one"), or None."""
    table = siblings(base)
    said = " " + " ".join(re.sub(r"[^\w%]+", " ", " ".join(shown).casefold()).split()) + " "
    for figure in figures:
        for other in table.get(figure.id, ()):
            if other.id in asked:
                return f"asks {other.id}, {figure.id}'s measure at another threshold: a bound"
            value = other.value.normalize()
            in_words = unit_kind(other.unit) == "percent" and any(
                abs(other.value - share) <= 1 and f" {words} " in said
                for share, words in SHARE_WORDS)
            stated = in_words or states_number(value, shown, unit=other.unit,
                                               excerpt=other.excerpt)
            if stated:
                return (f"states {other.id} ({_value(other.value)}), {figure.id}'s measure at"
                        " another threshold: it bounds the answer")
    return None


def _value(value: Decimal) -> str:
    return format(value.normalize(), "f")


def forget() -> None:
    """Drop the siblings kept per base (leaks.forget)."""
    _SIBLINGS.clear()
