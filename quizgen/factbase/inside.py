"""Places the article writes inside others, in the form of an address: "Dubuque, Iowa"."""

from __future__ import annotations

import re
from itertools import pairwise

from quizgen.factbase.model import FactBase

_KEPT: dict[int, tuple[FactBase, dict[str, frozenset[str]]]] = {}
_COMMA = re.compile(r",\s+")
_LIST_WORD = re.compile(r"\s+(?:and|or|&)\s")


def written_within(base: FactBase) -> dict[str, frozenset[str]]:
    """For each place, the places the article writes it in as an address does: its name, a
    comma and another place's name ("Sandra Murray of Dubuque, Iowa"; "Butare, Rwanda"), never
    a list's names ("Paris, London, Rome"; "Paris, London and Rome": a third name beside them,
    or "and"/"or" after the second). The base's own `within:` is read beside this, never
    replaced. One pass over the article, whatever the number of places."""
    kept = _KEPT.get(id(base))
    if kept is not None and kept[0] is base:
        return kept[1]
    article = base.article or ""
    names = {" ".join(name.split()): place.id for place in base.places
             for name in (place.name, *place.aliases) if name.strip()}
    found: dict[str, set[str]] = {}
    if names and article:
        pattern = "|".join(_name(n) for n in sorted(names, key=len, reverse=True))
        spots = [(m.start(), m.end(), names[" ".join(m.group(0).split())])
                 for m in re.finditer(rf"(?<!\w)(?:{pattern})(?!\w)", article)]
        joined = [_COMMA.fullmatch(article, first[1], second[0]) is not None
                  for first, second in pairwise(spots)]
        for i, (first, second) in enumerate(pairwise(spots)):
            listed = (i > 0 and joined[i - 1]) or (i + 1 < len(joined) and joined[i + 1])
            if (joined[i] and not listed and first[2] != second[2]
                    and not _LIST_WORD.match(article, second[1])):
                found.setdefault(first[2], set()).add(second[2])
    result = {k: frozenset(v) for k, v in found.items()}
    if len(_KEPT) > 64:
        _KEPT.clear()
    _KEPT[id(base)] = (base, result)
    return result


def _name(name: str) -> str:
    """A place's name as a pattern: its words with any spacing between."""
    return r"\s+".join(re.escape(w) for w in name.split())
