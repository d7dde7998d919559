"""Quoted words that open mid-sentence on a verb or a joining word in lower case ("have previously
been linked to …": their subject is the reporter's) are no words to attribute: never shown to be
matched or attributed, on a sheet or in the deck, and another quote takes their place."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from conftest import ROOT
from sheet_check import BASES, base_at
from test_sheets import SWEEPS, Sweep

from quizgen.factbase.model import FactBase, Quote
from quizgen.generators import quote_match, who_said_it
from quizgen.generators.base import GenOptions
from quizgen.quiz.questions import Matching, MultipleChoice, Question, QuoteRef, SpeakerOf

pytestmark = pytest.mark.sweep  # every seed of every base under `make fuzz` (sweep.py)

# written again here: auxiliaries and modals wait for a subject; and/or/nor/but/yet join a clause
# before
_WAITING = ("have", "has", "had", "is", "are", "was", "were", "will", "would", "shall", "should",
            "can", "could", "may", "might", "must", "do", "does", "did", "and", "or", "nor",
            "but", "yet")


def opens_mid_sentence(text: str) -> bool:
    """Whether the words' first word, after opening marks only, is one of _WAITING as written."""
    found = re.match(r"[\s“”\"'‘’…(\[—–-]*([A-Za-z]+)", text)
    return found is not None and found.group(1) in _WAITING


def _attributed(item: Question, base: FactBase) -> list[Quote]:
    """The quotes an item shows as words to attribute: a who-said-it's, a matching's left."""
    ids: list[str] = []
    if isinstance(item, MultipleChoice) and isinstance(item.ask, SpeakerOf):
        ids = [item.ask.quote]
    elif isinstance(item, Matching):
        ids = [o.claim.quote for o in item.left if isinstance(o.claim, QuoteRef)]
    return [q for q in base.quotes if q.id in ids]


@pytest.mark.parametrize("sweep", SWEEPS)
def test_no_sheet_attributes_words_opening_mid_sentence(sweep: Sweep) -> None:
    """No who-said-it or matching on a sheet shows quoted words that open on a lower-case verb
    or joining word."""
    for label, base, quiz in sweep():
        for item in quiz.questions:
            for quote in _attributed(item, base):
                assert not opens_mid_sentence(quote.text), (label, quote.text)


def _made(base: FactBase, seed: int) -> list[Question]:
    options = GenOptions()
    return [*who_said_it.generate(base, seed=seed, options=options).questions,
            *quote_match.generate(base, seed=seed, options=options).questions]


def test_no_base_has_such_words_asked_in_any_item() -> None:
    """Over every fact base in content/ and the corpus, seeds 1-3, no who-said-it or matching
    the generators make (before any sheet's choice) attributes such words."""
    for path in BASES:
        base = base_at(path)
        for seed in (1, 2, 3):
            for item in _made(base, seed):
                for quote in _attributed(item, base):
                    assert not opens_mid_sentence(quote.text), (path.stem, seed, quote.text)


def test_a_quote_cut_before_its_verb_gives_way_to_another() -> None:
    """A quote of the bundled article asked by who-said-it, cut so that it opens on its verb
    ("promised a bloodbath …" → "has promised …"), is no longer asked, and the other quotes
    still make their items; written as a sentence again ("He has promised …") it is asked."""
    base = base_at(ROOT / "content" / "venezuela-post-election.yaml")
    asked = {i.ask.quote for i in _made(base, 1)
             if isinstance(i, MultipleChoice) and isinstance(i.ask, SpeakerOf)}
    target = next(q for q in base.quotes if q.id in asked)

    def cut(text: str) -> FactBase:
        quotes = tuple(replace(q, text=text) if q.id == target.id else q for q in base.quotes)
        return replace(base, quotes=quotes)

    headless = cut("has promised a bloodbath and is carrying it out")
    made = _made(headless, 1)
    shown = {q.id for item in made for q in _attributed(item, headless)}
    assert target.id not in shown
    assert len([i for i in made if isinstance(i, MultipleChoice)]) == len(asked) - 1
    whole = cut("He has promised a bloodbath and is carrying it out")
    assert target.id in {q.id for item in _made(whole, 1) for q in _attributed(item, whole)}
