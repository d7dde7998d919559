"""Term items about the wider world: a term the article explains only by names its story never
involves (a maker's product, a festival abroad), which a student knows or not from outside."""

from __future__ import annotations

from collections.abc import Iterator

from quizgen.factbase.model import FactBase, Term
from quizgen.quiz.folding import folded_words, spaced
from quizgen.quiz.questions import MultipleChoice, Question, TermFor, TermMeaning


def _named(base: FactBase) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Every entity and place of the base: its id and its names (name and aliases)."""
    for entity in base.entities:
        yield entity.id, (entity.name, *entity.aliases)
    for place in base.places:
        yield place.id, (place.name, *place.aliases)


def _in_story(base: FactBase) -> frozenset[str]:
    """Who takes part in the story: speaks, claims, acts in an event, gives or holds a figure,
    is spoken for by one who does, or is where an event happened."""
    found: set[str] = set()
    for quote in base.quotes:
        found.update(quote.speakers)
    for claim in base.claims:
        found.update(claim.claimants)
    for event in base.events:
        found.update(event.people)
        if event.place is not None:
            found.add(event.place)
    for figure in base.figures:
        found.update(figure.given_by)
        if figure.subject is not None:
            found.add(figure.subject)
    found.update(e.speaks_for for e in base.entities if e.speaks_for and e.id in found)
    return frozenset(found)


def _mentions(article: str, names: tuple[str, ...]) -> int:
    """How often the article says the most said of the names, as whole words."""
    text = spaced(article)
    return max((text.count(spaced(n)) for n in names if any(len(w) > 2 for w in folded_words(n))),
               default=0)


def worldly_term(question: Question, base: FactBase) -> str | None:
    """Why a term item asks a thing of the wider world, or None: the term's meaning names
    someone or somewhere ("developed by Microsoft", "in the Black Rock Desert of Nevada") and
    every one it names takes no part in the story and is said by the article only once, in
    the term's own passage. The article tells the term in passing, by where it stands in the
    world (a maker's product, a festival abroad): what a student knows or not from outside, not
    what the article teaches."""
    if not isinstance(question, MultipleChoice) or not isinstance(question.ask,
                                                                   TermMeaning | TermFor):
        return None
    term = base.by_id.get(question.ask.term)
    if not isinstance(term, Term) or not base.article:
        return None
    meaning = spaced(term.meaning)
    own = {spaced(n) for n in (term.term, *term.aliases)}
    story = base.index(_in_story)
    shown: list[str] = []
    for fact_id, names in _named(base):
        said = [n for n in names if any(len(w) > 2 for w in folded_words(n))
                and spaced(n) in meaning]
        if not said or own & {spaced(n) for n in names}:  # none, or the term's own body
            continue
        if fact_id in story or _mentions(base.article, names) > 1:
            return None
        shown.append(said[0])
    if not shown:
        return None
    return (f"“{term.term}” is told by {', '.join(shown)}, named nowhere else in the article: a "
            "thing of the wider world, known or not from outside")
