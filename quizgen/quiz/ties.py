"""Speaker items another item ties to their key: it names the key beside what the prompt tells
of, beside another quote the key said on that occasion, or beside a place the quote speaks of."""

from __future__ import annotations

import re
from collections.abc import Iterable

from quizgen.factbase.model import Entity, FactBase, Quote
from quizgen.quiz.folding import QUOTED, folded_words, spaced
from quizgen.quiz.questions import MultipleChoice, Question, SpeakerOf
from quizgen.quiz.said import SAID_WORDS
from quizgen.quiz.spread import key_entity


def _spaced_names(names: Iterable[str]) -> tuple[str, ...]:
    """The names a reader spots in a text (guessed._named: one with a word of three letters),
    spaced: guessed._named(text, names) is whether one of them is in `spaced(text)`."""
    return tuple(spaced(n) for n in names if any(len(w) > 2 for w in folded_words(n)))


def context_tied(question: Question, texts: Iterable[str], base: FactBase) -> str | None:
    """Why texts shown beside a who-said-it or who-claimed-it item (another item's) answer it,
    or None: the item's own words (outside the quote) name something ("on resigning from
    Viterbese", "Gaucci's demand") and one text names both that and the key ("Carolina Morace
    was named coach of Viterbese"), tying the key to the act the prompt tells of; or one names
    the key beside another quote the key said on the occasion the prompt tells of."""
    tie = _tie(question, base)
    if tie is None:
        return None
    name, names, marks = tie
    for text in texts:
        said = spaced(text)
        if any(n in said for n in names) and any(m in said for m in marks):
            return f"another item ties {name} to what the prompt tells of"
    return None


def tie_names(question: Question, base: FactBase) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The spaced names of an item's key and the spaced marks that tie a text naming it to the
    item (context_tied holds only for a text with one of each); empty for an item keying none."""
    tie = _tie(question, base)
    return ((), ()) if tie is None else (tie[1], tie[2])


_MARK = re.compile(r"(?<!^)(?<![.?!:] )\b([A-Z][^\W\d_]+)")
Tie = tuple[str, tuple[str, ...], tuple[str, ...]]  # a key's name, its names and marks, spaced
_TIES: dict[tuple[int, int], tuple[Question, FactBase, Tie | None]] = {}


def _tie(question: Question, base: FactBase) -> Tie | None:
    """What context_tied reads of an item, read once per item (it is asked of every pair): its
    key's name, the key's names, and what ties a text naming the key to the item (the names its
    own words mark, the key's other quotes of its occasion), each spaced as guessed._named
    reads them; None for an item that keys no person or body."""
    known = _TIES.get((id(question), id(base)))
    if known is not None and known[0] is question and known[1] is base:
        return known[2]
    key = key_entity(question)
    entity = base.by_id.get(key) if key is not None else None
    tie: Tie | None = None
    if isinstance(entity, Entity):
        names = (entity.name, *entity.aliases)
        own = set(folded_words(" ".join(names)))
        found = _MARK.findall(QUOTED.sub(" ", question.prompt))
        marks = {w.casefold() for w in found} - own
        tie = (entity.name, _spaced_names(names),
               _spaced_names([*sorted(marks), *_same_occasion(question, base),
                              *_places_spoken_of(question, base)]))
    if len(_TIES) > 200_000:
        _TIES.clear()
    _TIES[id(question), id(base)] = (question, base, tie)
    return tie


def _places_spoken_of(question: Question, base: FactBase) -> tuple[str, ...]:
    """The names of the base's places a quote asked who said speaks of ("what being Mexican
    means … outside of Mexico"): another item naming the key beside the place ("What figure did
    Jorge Catalan give for the languages spoken in Mexico?") ties the key to the quote."""
    if not isinstance(question, MultipleChoice) or not isinstance(question.ask, SpeakerOf):
        return ()
    quote = base.by_id.get(question.ask.quote)
    if not isinstance(quote, Quote):
        return ()
    said = spaced(quote.text)
    return tuple(name for place in base.places for name in (place.name, *place.aliases)
                 if any(len(w) > 2 for w in folded_words(name)) and spaced(name) in said)


_OCCASIONS: dict[int, tuple[FactBase, dict[tuple[str, str], tuple[Quote, ...]]]] = {}


def forget_tie(question: Question, base: FactBase) -> None:
    """Drop what context_tied read of one item (leaks.forget_item)."""
    known = _TIES.get((id(question), id(base)))
    if known is not None and known[0] is question and known[1] is base:
        del _TIES[id(question), id(base)]


def forget_occasions() -> None:
    """Drop the quotes by occasion kept of the last base and what context_tied read of each
    item (leaks.forget: nothing held after)."""
    _OCCASIONS.clear()
    _TIES.clear()


def _same_occasion(question: Question, base: FactBase) -> tuple[str, ...]:
    """The other quotes a speaker said on the occasion a who-said-it prompt tells of (the same
    context, a shared speaker): shown beside the speaker's name, they say who said this one."""
    if not isinstance(question, MultipleChoice) or not isinstance(question.ask, SpeakerOf):
        return ()
    quote = base.by_id.get(question.ask.quote)
    if not isinstance(quote, Quote) or not quote.context.strip() or (
            spaced(quote.context) not in spaced(question.prompt)):
        return ()
    known = _OCCASIONS.get(id(base))
    if known is None or known[0] is not base:
        occasions: dict[tuple[str, str], list[Quote]] = {}
        for each in base.quotes:
            for speaker in each.speakers if each.context.strip() else ():
                occasions.setdefault((spaced(each.context), speaker), []).append(each)
        if len(_OCCASIONS) > 64:  # a deck's bases, kept until leaks.forget
            _OCCASIONS.clear()
        known = (base, {k: tuple(v) for k, v in occasions.items()})
        _OCCASIONS[id(base)] = known
    return tuple(other.text for speaker in quote.speakers
                 for other in known[1].get((spaced(quote.context), speaker), ())
                 if other.id != quote.id and len(folded_words(other.text)) >= SAID_WORDS)
