"""A year's measure: the clause around its preposition ("year in which the law was passed")."""

from __future__ import annotations

import re

from quizgen.article.numbers import NumberHit
from quizgen.draft.measures import AUXILIARIES as _AUXILIARIES
from quizgen.draft.measures import FALL as _FALL
from quizgen.draft.measures import MONTHS as _MONTHS
from quizgen.draft.measures import PAST_VERBS as _PAST_VERBS
from quizgen.draft.measures import RISE as _RISE
from quizgen.draft.measures import TAIL_STOP as _TAIL_STOP
from quizgen.draft.measures import clean as _clean
from quizgen.draft.measures import relative_owner
from quizgen.draft.measures import reported as _reported
from quizgen.draft.measures import without_amounts as _without_amounts


def year_measure(text: str, start: int, hit: NumberHit, masked: str) -> str:
    """ "year in which the Pentagon published a report", "year by which the pension system
    would run out of money": the year's clause around its preposition."""
    before = masked[start:hit.start]
    prep = re.search(rf"\b(in|by|since|until|before|after|from|on)\s+(?:about\s+|around\s+)?"
                     rf"(?:(?:\d{{1,2}}\s+)?(?:{_MONTHS})\s+(?:\d{{1,2}},?\s+)?)?$", before,
                     re.IGNORECASE)  # "on 21 December 2027", "by March 3, 2030"
    word = prep.group(1).lower() if prep else "in"
    parts = re.split(r"(?:,(?!\d)|[;:—–(])", before[:prep.start() if prep else len(before)])
    found = _reported(re.findall(r"[\w’'-]+", parts[-1]))
    if found[1:] and found[0] in ("who", "which") and found[1].islower() and len(parts) > 1:
        owner = parts[-3] if len(parts) > 2 and parts[-2].strip().isdigit() else parts[-2]
        found = [*relative_owner(owner, found[0]), *found[1:]]  # "X, who took office in";
        # "Jorge Vela, 71, who left the island in": past the age
    elif len(found) == 1 and found[0].islower() and found[0].endswith(("ed", "born", "built",
                                                                       "up")) and len(parts) > 1:
        owner = relative_owner(parts[-2], "which" if parts[-2].strip()[:1].islower() or
                               parts[-2].strip().startswith("The ") else "who")
        found = [*owner, "was", found[0]] if owner not in (["who"], ["which"]) else found
        # "The company, founded in 1982, …": year in which the company was founded
    born = re.match(r"\s*,\s+((?:[A-Z][\w’'-]+\s+){0,2}[A-Z][\w’'-]+)\s+[a-z]",
                    masked[hit.end:hit.end + 60]) if [w.lower() for w in found] == ["born"] \
        else None
    if born is not None:  # "Born in 1965, Ana Ruiz grew up …": the year she was born
        return f"year in which {born.group(1)} was born"
    period = re.search(r"\s+at\s+the\s+(?:end|start|beginning|middle|turn)\s+of\s+$", before)
    if period is not None and len(found) > 5:  # "The deal expires at the end of 2025"
        found = found[:-4] if [w.lower() for w in found[-4:-2]] == ["at", "the"] else found
        return f"year in which {_clean(found)}" if len(_clean(found).split()) >= 2 and not any(
            c.isdigit() for c in _clean(found)) else "year"
    joined = max((i for i, w in enumerate(found) if w == "and" and 1 < i < len(found) - 1
                  and (found[i + 1].endswith("ed") or found[i + 1] in _PAST_VERBS)), default=0)
    verb = next((i for i, w in enumerate(found) if w.lower() in _AUXILIARIES or (
        w.endswith("ed") and w.islower()) or w.lower() in _PAST_VERBS), 0)
    if joined and 0 < verb < joined:  # "The law was passed in 1998 and changed in 2004"
        helpers = [w for w in found[verb:joined] if w.lower() in _AUXILIARIES]
        found = [*found[:verb], *helpers[:1], *found[joined + 1:]]
    found = found if len(found) <= 14 else found[-9:]  # the whole clause, its subject kept
    if len(found) < 2:  # "In 2008, the Pentagon published …": the words after the year
        after = re.split(r"[.;:—–(]", masked[hit.end:hit.end + 120])[0].strip(" ,")
        found = re.findall(r"[\w’'-]+", after)[:9]
    while found and found[0].lower() in _TAIL_STOP | {"then"}:
        found.pop(0)
    if found and found[0] in ("The", "A", "An", "Its", "Their", "His", "Her"):
        found[0] = found[0].lower()  # "The law was passed in 2019": the law
    shown = _clean(_without_amounts(found))
    if len(shown.split()) < 2 or any(c.isdigit() for c in shown):
        return "year"
    noun_only = (found[0][:1].isupper() or found[0] in ("the", "a", "an", "its", "their")) and \
        "to" not in found and not any(w.lower() in _AUXILIARIES | _PAST_VERBS or (
            w.endswith("ed") and w.islower()) or w.lower() in _RISE + _FALL for w in found[1:])
    if word == "in" and noun_only:  # "The election in 2019", "Food shortages in 2008 led …"
        return "year of " + ("" if shown.split()[0] in ("the", "a", "an", "its", "their")
                             else "the ") + shown
    return f"year {'by' if word == 'by' else 'since' if word == 'since' else 'in'} which {shown}"
