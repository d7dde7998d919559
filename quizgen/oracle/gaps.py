"""Gap-fill passages: which bank words fit each gap, read from the article and the facts alone.

A bank word fits a gap when it is of the gap's word class (a person's name where the article
names a person, a place where it names a place, a term, a figure in the same unit) and the
facts do not rule it out there: it names the very thing the article names in the gap (under any
of its names), or, for a figure, its values overlap the figure the article gives, read with the
words before the gap ("about", "more than"), so a number the facts leave open fits too.
Written independently of the generators; shares no code with them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizgen.article.text import paragraphs
from quizgen.factbase.model import Entity, FactBase, Place, Qualifier, Term
from quizgen.oracle.figure_truth import Interval, amount_interval
from quizgen.oracle.figure_truth import _disjoint as disjoint  # one reading of ranges
from quizgen.oracle.read import amount_text_problem, collapse, distinct
from quizgen.quiz.questions import (
    GAP_SIZES,
    SPARE_WORDS,
    Amount,
    EntityRef,
    FillGaps,
    GapFill,
    Option,
    PlaceRef,
    TermRef,
)

# what a phrase just before a number makes of it; a word not here that qualifies a figure
# ("over", "almost", "some") leaves the figure open on that side, read below as unbounded
_QUALIFIERS: dict[str, Qualifier] = {
    "about": "about", "around": "about", "roughly": "about", "approximately": "about",
    "some": "about", "nearly": "nearly", "almost": "nearly", "at least": "at least",
    "at most": "at most", "up to": "up to", "more than": "more than", "over": "more than",
    "fewer than": "fewer than", "less than": "fewer than", "under": "fewer than",
}  # fmt: skip
_OPEN_WORDS = frozenset({"just", "well", "as many as", "as much as", "close to", "an estimated"})


@dataclass(frozen=True)
class _Word:
    """A bank word as the oracle reads it: its word class and what it names."""

    cls: tuple[str, ...]  # ("entity", kind), ("place",), ("term",), ("amount", unit)
    same: frozenset[str]  # ids of the thing and of the things that are it under another name
    amount: Amount | None = None


def _linked(base_items: tuple[Entity, ...] | tuple[Place, ...] | tuple[Term, ...],
            start: str) -> frozenset[str]:
    """The id and every id joined to it by same_as, either way, transitively."""
    edges: dict[str, set[str]] = {}
    for item in base_items:
        for other in item.same_as:
            edges.setdefault(item.id, set()).add(other)
            edges.setdefault(other, set()).add(item.id)
    seen, stack = {start}, [start]
    while stack:
        for other in edges.get(stack.pop(), ()):
            if other not in seen:
                seen.add(other)
                stack.append(other)
    return frozenset(seen)


def _word(option: Option, where: str, base: FactBase, problems: list[str]) -> _Word | None:
    """The class and referent of a bank word; a problem when its text does not show it."""
    claim, text = option.claim, collapse(option.text).casefold()
    names: tuple[str, ...]
    if isinstance(claim, EntityRef):
        found = base.by_id.get(claim.entity)
        if not isinstance(found, Entity):
            problems.append(f"{where}: no entity {claim.entity!r}")
            return None
        word = _Word(("entity", found.kind), _linked(base.entities, found.id))
        names = (found.name, *found.aliases)
    elif isinstance(claim, PlaceRef):
        place = base.by_id.get(claim.place)
        if not isinstance(place, Place):
            problems.append(f"{where}: no place {claim.place!r}")
            return None
        word = _Word(("place",), _linked(base.places, place.id))
        names = (place.name, *place.aliases)
    elif isinstance(claim, TermRef):
        term = base.by_id.get(claim.term)
        if not isinstance(term, Term):
            problems.append(f"{where}: no term {claim.term!r}")
            return None
        word, names = _Word(("term",), _linked(base.terms, term.id)), (term.term, *term.aliases)
    elif isinstance(claim, Amount):
        if problem := amount_text_problem(option.text, claim):
            problems.append(f"{where}: {problem}")
        return _Word(("amount", claim.unit), frozenset(), claim)
    else:
        problems.append(f"{where}: a {type(claim).__name__} is no word for a gap")
        return None
    if text not in {collapse(n).casefold() for n in names}:
        problems.append(f"{where}: text {option.text!r} is not a name of {sorted(word.same)}")
    return word


def _named_by(text: str, base: FactBase) -> frozenset[str]:
    """Ids of every entity, place and term one of whose names is exactly this text."""
    wanted = collapse(text).casefold()
    things: tuple[Entity | Place | Term, ...] = (*base.entities, *base.places, *base.terms)
    return frozenset(
        t.id for t in things
        if any(collapse(n).casefold() == wanted
               for n in ((t.term, *t.aliases) if isinstance(t, Term) else (t.name, *t.aliases)))
    )


def _qualified(before: str, amount: Amount) -> Interval | str | None:
    """The values the article allows in a figure gap, read with the words just before it; "open"
    when a word there loosens the figure in a way the oracle does not bound."""
    words = collapse(before).casefold().rstrip(" ")
    for phrase in sorted(_QUALIFIERS, key=len, reverse=True):
        if re.search(rf"(?<!\w){re.escape(phrase)}$", words):
            return amount_interval(Amount(amount.value, amount.unit, amount.decimals,
                                          _QUALIFIERS[phrase], amount.to))
    if any(re.search(rf"(?<!\w){re.escape(w)}$", words) for w in _OPEN_WORDS):
        return "open"
    return amount_interval(amount)


def _fits(word: _Word, gap: _Word, gap_text: str, before: str, base: FactBase) -> bool:
    """Whether a bank word fits a gap whose article word is `gap_text`, as the module says."""
    if word.cls != gap.cls:
        return False
    if word.amount is None:
        return bool(word.same & _named_by(gap_text, base))
    assert gap.amount is not None
    stated = _qualified(before, gap.amount)
    claimed = _qualified(before, word.amount)
    if stated == "open" or claimed == "open" or stated is None or claimed is None:
        return True  # the facts do not bound it: the word is not ruled out
    assert not isinstance(stated, str) and not isinstance(claimed, str)
    return not disjoint(stated, claimed)


def gap_fill(q: GapFill, base: FactBase, problems: list[str]) -> tuple[tuple[int, ...], ...]:
    """The one filling of the gaps the facts allow (the bank index per gap), or none."""
    if not isinstance(q.ask, FillGaps):
        problems.append(f"ask {type(q.ask).__name__} does not fit a gap-fill")
        return ()
    gaps, bank = len(q.answer), len(q.bank)
    if gaps not in GAP_SIZES:
        problems.append(f"{gaps} gaps; a gap-fill has {GAP_SIZES.start} to {GAP_SIZES.stop - 1}")
    if len(q.passage) != gaps + 1 or sorted(set(q.answer)) != sorted(q.answer) \
            or any(not 0 <= i < bank for i in q.answer):
        problems.append("the answer does not give one distinct bank word to each gap")
        return ()
    if bank - gaps not in SPARE_WORDS:
        problems.append(f"{bank - gaps} spare words; a bank has {SPARE_WORDS.start} to"
                        f" {SPARE_WORDS.stop - 1} words that fit no gap")
    distinct(q.bank, "bank", problems)
    words = [_word(o, f"bank[{i}]", base, problems) for i, o in enumerate(q.bank)]
    _in_article(q, base, problems)
    filling: list[int] = []
    for g, key in enumerate(q.answer):
        gap, gap_text, before = words[key], q.bank[key].text, q.passage[g]
        if gap is None:
            return ()
        if gap.amount is None and not gap.same & _named_by(gap_text, base):
            problems.append(f"gap {g + 1}: {gap_text!r} names nothing of the fact base")
        fitting = [i for i, w in enumerate(words)
                   if w is not None and _fits(w, gap, gap_text, before, base)]
        if fitting != [key]:
            shown = [q.bank[i].text for i in fitting]
            problems.append(f"gap {g + 1}: the bank words {shown} fit it; exactly one must")
        filling.append(key)
        if gap.amount is None and _shown_elsewhere(q, g, gap, base):
            problems.append(f"gap {g + 1}: the passage names its answer outside the gap")
    return (tuple(filling),) if not problems else ()


def _shown_elsewhere(q: GapFill, g: int, gap: _Word, base: FactBase) -> bool:
    """Whether a name of the gap's thing stands in the passage text outside the gaps."""
    things: tuple[Entity | Place | Term, ...] = (*base.entities, *base.places, *base.terms)
    names = {collapse(n).casefold() for t in things if t.id in gap.same
             for n in ((t.term, *t.aliases) if isinstance(t, Term) else (t.name, *t.aliases))}
    text = " _ ".join(q.passage).casefold()
    return any(n and re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text) for n in names)


def _in_article(q: GapFill, base: FactBase, problems: list[str]) -> None:
    """The passage with its key words stands in the article from the paragraph the ask names,
    each gap a whole word or words, never part of one."""
    if base.article is None:
        problems.append("no article text to find the passage in")
        return
    spans = paragraphs(base.article)
    if not 1 <= q.ask.paragraph <= len(spans):
        problems.append(f"ask.paragraph {q.ask.paragraph} is not a paragraph of the article")
        return
    filled = q.passage[0]
    for g, key in enumerate(q.answer):
        word, after = q.bank[key].text, q.passage[g + 1]
        if (filled and _wordy(filled[-1])) or (after and _wordy(after[0])):
            problems.append(f"gap {g + 1}: it cuts a word")
        filled += word + after
    passage = collapse(filled)
    rest = collapse(base.article[spans[q.ask.paragraph - 1][0]:])
    if not passage or not rest.startswith(passage):
        problems.append(f"the passage with its answers does not stand in the article at"
                        f" paragraph {q.ask.paragraph}")


def _wordy(char: str) -> bool:
    return char.isalnum() or char == "_"
