"""Places the article writes inside others, in the form of an address: "Dubuque, Iowa"."""

from __future__ import annotations

import re

from quizgen.factbase.model import FactBase

_KEPT: dict[int, tuple[FactBase, dict[str, frozenset[str]]]] = {}


def written_within(base: FactBase) -> dict[str, frozenset[str]]:
    """For each place, the places the article writes it in as an address does: its name, a
    comma and another place's name ("Sandra Murray of Dubuque, Iowa"; "Butare, Rwanda"), never
    a list's names ("Paris, London, Rome"; "Paris, London and Rome": a third name beside them,
    or "and"/"or" after the second). The base's own `within:` is read beside
    this, never replaced."""
    kept = _KEPT.get(id(base))
    if kept is not None and kept[0] is base:
        return kept[1]
    article = base.article or ""
    names = [(name, place.id) for place in base.places
             for name in (place.name, *place.aliases) if name.strip()]
    found: dict[str, set[str]] = {}
    listed = "|".join(_name(name) for name, _ in names)
    for inner, inner_id in names:
        for outer, outer_id in names:
            if inner_id == outer_id:
                continue
            pattern = (rf"(?<!, ){_name(inner)},\s+{_name(outer)}(?!\w)"
                       rf"(?!\s+(?:and|or|&)\s|,\s+(?:{listed})(?!\w))")
            if re.search(pattern, article):
                found.setdefault(inner_id, set()).add(outer_id)
    result = {k: frozenset(v) for k, v in found.items()}
    if len(_KEPT) > 64:
        _KEPT.clear()
    _KEPT[id(base)] = (base, result)
    return result


def _name(name: str) -> str:
    """A place's name as a pattern: its words with any spacing between, never inside a word."""
    return r"(?<!\w)" + r"\s+".join(re.escape(w) for w in name.split())
