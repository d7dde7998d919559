"""Two causes of poor items on class sheets, each rule written again here from the facts: a term
the article tells only by names its story never involves (a thing of the wider world), and a
claim told in one paragraph with its claimant's quoted words (a summary asking the quote again)."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import ROOT
from sheet_check import base_at
from test_headless_quotes import opens_mid_sentence
from test_sheets import SWEEPS, Sweep

from quizgen.factbase.model import Entity, FactBase, Quote, Term
from quizgen.quiz.questions import ClaimantOf, MultipleChoice, Question, TermFor, TermMeaning
from quizgen.quiz.said import summary_claim
from quizgen.quiz.worldly import worldly_term

pytestmark = pytest.mark.sweep  # every seed of every base under `make fuzz` (sweep.py)

CORPUS = ROOT / "tests" / "corpus"


def _spaced(text: str) -> str:
    return " " + " ".join(re.findall(r"[^\W\d_]+", text.replace("’", "'").casefold())) + " "


def _said(name: str, text: str) -> bool:
    return any(len(w) > 2 for w in _spaced(name).split()) and _spaced(name) in _spaced(text)


def _takes_part(base: FactBase) -> set[str]:
    """Who speaks, claims, acts, gives or holds a figure, is spoken for, or is where it happens."""
    found = {s for q in base.quotes for s in q.speakers}
    found |= {c for claim in base.claims for c in claim.claimants}
    found |= {p for e in base.events for p in e.people} | {
        e.place for e in base.events if e.place}
    found |= {g for f in base.figures for g in f.given_by} | {
        f.subject for f in base.figures if f.subject}
    found |= {e.speaks_for for e in base.entities if e.speaks_for and e.id in found}
    return found


def _of_the_wider_world(term: Term, base: FactBase) -> bool:
    """Whether the term's meaning names someone or somewhere, each of them outside the story and
    named once in the article (and none the term itself under another name)."""
    part = _takes_part(base)
    article = _spaced(base.article or "")
    named = 0
    for fact_id, names in [(e.id, (e.name, *e.aliases)) for e in base.entities] + [
            (p.id, (p.name, *p.aliases)) for p in base.places]:
        if not any(_said(n, term.meaning) for n in names):
            continue
        if {_spaced(n) for n in names} & {_spaced(n) for n in (term.term, *term.aliases)}:
            continue
        if fact_id in part or max(article.count(_spaced(n)) for n in names) > 1:
            return False
        named += 1
    return named > 0


def _term(item: Question, base: FactBase) -> Term | None:
    if isinstance(item, MultipleChoice) and isinstance(item.ask, TermMeaning | TermFor):
        found = base.by_id.get(item.ask.term)
        return found if isinstance(found, Term) else None
    return None


@pytest.mark.parametrize("sweep", SWEEPS)
def test_no_sheet_asks_a_term_of_the_wider_world(sweep: Sweep) -> None:
    """No term item on a sheet asks a term whose meaning names only people or places the
    story never involves and the article names once (a maker's product, a festival abroad)."""
    for label, base, quiz in sweep():
        for item in quiz.questions:
            term = _term(item, base)
            assert term is None or not _of_the_wider_world(term, base), (label, item.prompt)


def _item(base: FactBase, term_id: str) -> MultipleChoice:
    return MultipleChoice(id="t", factbase=base.id, kind="term-meaning", prompt="What is it?",
                          options=(), answer=0, ask=TermMeaning(term=term_id), explanation=())


def _worldly_base() -> tuple[FactBase, Term, Entity]:
    """A corpus base with a term its meaning tells by a maker named once, and that maker."""
    base = base_at(CORPUS / "dev" / "lie-detector.yaml")
    term = next(t for t in base.terms if _of_the_wider_world(t, base))
    maker = next(e for e in base.entities if _said(e.name, term.meaning))
    return base, term, maker


def test_a_term_told_by_the_wider_world_is_guessed_and_one_of_the_story_is_not() -> None:
    """The rule flags the term told by a maker named once; once the maker acts in an event of the
    story, or the article names it again, the same term is the article's to teach."""
    base, term, maker = _worldly_base()
    assert worldly_term(_item(base, term.id), base) is not None
    acting = replace(base, events=(replace(base.events[0],
                                           people=(*base.events[0].people, maker.id)),
                                   *base.events[1:]))
    assert worldly_term(_item(acting, term.id), acting) is None
    again = replace(base, article=(base.article or "") + f"\n{maker.name} said nothing more.")
    assert worldly_term(_item(again, term.id), again) is None


def _paragraph(base: FactBase, excerpt: str) -> int | None:
    """Which line of the article holds an excerpt's first part, or None."""
    first = excerpt.split("…")[0].strip()
    for number, line in enumerate((base.article or "").split("\n")):
        if first and first in line:
            return number
    return None


def _worth_asking(quote: Quote) -> bool:
    """Distinctive, of three words or more, and not opening mid-sentence on its verb."""
    return (quote.distinctive and len([w for w in quote.text.split() if re.search(r"\w", w)]) >= 3
            and not opens_mid_sentence(quote.text))


def _summed_up(claim_id: str, base: FactBase) -> bool:
    """Whether a claim stands in one paragraph with a quote worth asking of its claimant or of
    one who speaks for the same body."""
    claim = next(c for c in base.claims if c.id == claim_id)
    at = _paragraph(base, claim.excerpt)
    voices = set(claim.claimants)
    for quote in base.quotes:
        if not _worth_asking(quote) or at is None or _paragraph(base, quote.excerpt) != at:
            continue
        if any(voices & (base.speaker_equivalents(s) | {s}) for s in quote.speakers):
            return True
    return False


@pytest.mark.parametrize("sweep", SWEEPS)
def test_no_sheet_asks_who_made_a_claim_its_claimant_is_quoted_saying_beside(
        sweep: Sweep) -> None:
    """No who-claimed-it item on a sheet asks a claim told in one paragraph with a quote worth
    asking of its claimant (the reporter's summary of words the article quotes)."""
    for label, base, quiz in sweep():
        for item in quiz.questions:
            if isinstance(item, MultipleChoice) and isinstance(item.ask, ClaimantOf):
                assert not _summed_up(item.ask.claim, base), (label, item.prompt)


def _claim_item(base: FactBase, claim_id: str) -> MultipleChoice:
    return MultipleChoice(id="c", factbase=base.id, kind="who-claimed-it", prompt="Who said?",
                          options=(), answer=0, ask=ClaimantOf(claim=claim_id), explanation=())


def _summary_base(path: Path) -> tuple[FactBase, str]:
    """A corpus base and a claim of it that a quote beside it sums up."""
    base = base_at(path)
    return base, next(c.id for c in base.claims if _summed_up(c.id, base))


def test_a_summary_claim_is_guessed_until_its_quote_is_someone_elses() -> None:
    """The rule flags a claim told beside its claimant's quoted words; given to another speaker
    (or left a fragment), the quote no longer sums it up and the claim is asked again."""
    base, claim_id = _summary_base(CORPUS / "heldout" / "who-can-stop-trump.yaml")
    assert summary_claim(_claim_item(base, claim_id), base) is not None
    claim = next(c for c in base.claims if c.id == claim_id)
    at = _paragraph(base, claim.excerpt)
    beside = {q.id for q in base.quotes if _paragraph(base, q.excerpt) == at}
    stranger = next(e.id for e in base.entities if e.kind == "person"
                    and e.id not in claim.claimants and e.speaks_for is None)
    moved = replace(base, quotes=tuple(replace(q, speakers=(stranger,)) if q.id in beside else q
                                       for q in base.quotes))
    assert summary_claim(_claim_item(moved, claim_id), moved) is None
    fragments = replace(base, quotes=tuple(replace(q, distinctive=False) if q.id in beside else q
                                           for q in base.quotes))
    assert summary_claim(_claim_item(fragments, claim_id), fragments) is None
