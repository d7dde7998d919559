"""Places the article writes inside others, in the form of an address: "Dubuque, Iowa"."""

from __future__ import annotations

import re

from quizgen.factbase.model import FactBase

_WORD = re.compile(r"\w+")
_COMMA = re.compile(r",\s+")
_LIST_WORD = re.compile(r"\s+(?:and|or|&)\s")


def written_within(base: FactBase) -> dict[str, frozenset[str]]:
    """For each place, the places the article writes it in as an address does: its name, a
    comma and another place's name ("Sandra Murray of Dubuque, Iowa"; "Butare, Rwanda"), never
    a list's names ("Paris, London, Rome"; "Paris, London and Rome": a third name beside them,
    or "and"/"or" after the second). The base's own `within:` is read beside this, never
    replaced. The article's words are read once per base (FactBase.index), looked up by the
    names' words at each comma."""
    return base.index(_written)


def _written(base: FactBase) -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in _addresses(base).items()}


def _addresses(base: FactBase) -> dict[str, set[str]]:
    article = base.article or ""
    names: dict[tuple[str, ...], str] = {}
    for place in base.places:
        for name in (place.name, *place.aliases):
            spelled = tuple(_WORD.findall(name))
            if spelled:
                names.setdefault(spelled, place.id)
    found: dict[str, set[str]] = {}
    if not names or not article:
        return found
    longest = max(len(words) for words in names)
    runs = list(_WORD.finditer(article))
    words = [run.group(0) for run in runs]

    def joined(k: int) -> bool:  # a comma and spaces only between word k and word k + 1
        return k + 1 < len(runs) and _COMMA.fullmatch(article, runs[k].end(),
                                                      runs[k + 1].start()) is not None

    def ending(k: int) -> list[tuple[int, str]]:  # (first word, place) of names ending at k
        return [(k - size + 1, names[key]) for size in range(1, longest + 1)
                if k - size + 1 >= 0 and (key := tuple(words[k - size + 1:k + 1])) in names]

    def starting(k: int) -> list[tuple[int, str]]:  # (last word, place) of names starting at k
        return [(k + size - 1, names[key]) for size in range(1, longest + 1)
                if (key := tuple(words[k:k + size])) in names]

    for k in range(len(runs) - 1):
        if not joined(k):
            continue
        for first, inner in ending(k):
            if first > 0 and joined(first - 1) and ending(first - 1):
                continue  # "Paris, London, …": a list
            for last, outer in starting(k + 1):
                listed = (joined(last) and starting(last + 1)) or _LIST_WORD.match(
                    article, runs[last].end())
                if inner != outer and not listed:
                    found.setdefault(inner, set()).add(outer)
    return found
