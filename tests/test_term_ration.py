"""Term items on a class sheet, the kind strict readers rated good least often: one per article
on a mixed sheet, and none asking a phrase of the language the article also writes in lower
case ("Cloud nine" beside "on cloud nine"); each rule written here again from what is printed."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import ROOT
from factbases import make_base, person
from sheet_check import base_at, sheet
from sweep import seeds_of
from test_truth_rules import BASES

from quizgen.factbase.model import FactBase, Term
from quizgen.generators import GENERATORS
from quizgen.generators.base import GenOptions
from quizgen.quiz.fill import Fit
from quizgen.quiz.guessed import common_term
from quizgen.quiz.left_out import CAUSES, cause, left_out
from quizgen.quiz.questions import MultipleChoice, TermFor, TermMeaning
from quizgen.quiz.select import build_quiz

DEV = ROOT / "tests" / "corpus" / "dev"
pytestmark = pytest.mark.sweep  # every seed of every base under `make fuzz` (sweep.py)

TERMS = (("nine", "Cloud nine", "the vast, towering cumulonimbus"),
         ("lag", "jet lag", "what the difference between local time and your body’s causes"),
         ("rays", "cosmic rays", "natural radiation from space"),
         ("suit", "Xenon Suit", "the motion-capture suit used in the study"),
         ("troupe", "Ingoma Nshya", "Rwanda’s first female drumming troupe"))


def _terms_base(*, idiom_in_lower_case: bool) -> FactBase:
    terms = [Term(t, name, meaning, excerpt=f"{name} is {meaning}") for t, name, meaning in TERMS]
    if idiom_in_lower_case:  # the article also writes the idiom as words of a sentence
        terms.append(Term("on-nine", "on cloud nine", "being on top of the world",
                          excerpt="so to be “on cloud nine” implies being on top of the world"))
    return replace(make_base(person("pilot", "Ann Pilot")), terms=tuple(terms))


def _term_items(base: FactBase, term: str) -> list[MultipleChoice]:
    made = GENERATORS["term-meaning"](base, seed=1, options=GenOptions()).questions
    return [q for q in made if isinstance(q, MultipleChoice)
            and q.ask in (TermMeaning(term), TermFor(term))]


def test_a_capitalised_term_the_article_writes_in_lower_case_is_a_general_phrase() -> None:
    """"Cloud nine" is a phrase of the language when the article also writes "on cloud nine";
    alone it is taken as a name, and a name the article never lowers ("Xenon Suit") stays one."""
    for lowered, flagged in ((True, True), (False, False)):
        base = _terms_base(idiom_in_lower_case=lowered)
        items = _term_items(base, "nine")
        assert items
        assert all((common_term(q, base) is not None) is flagged for q in items), lowered
        assert all(common_term(q, base) is None for q in _term_items(base, "suit"))


@pytest.mark.parametrize("path", BASES, ids=lambda p: p.stem)
def test_no_sheet_asks_a_term_its_article_writes_in_lower_case(path: Path) -> None:
    """No default sheet, swept seeds, asks about a capitalised term whose words, first letter
    lowered, stand in any text of its base (an excerpt, a meaning, another term)."""
    base = base_at(path)
    texts = [getattr(f, a) for f in base.by_id.values()
             for a in ("excerpt", "term", "meaning", "text", "description")
             if isinstance(getattr(f, a, None), str)]
    for seed in seeds_of(path):
        for q in sheet(path, seed).questions:
            if not (isinstance(q, MultipleChoice) and isinstance(q.ask, TermFor | TermMeaning)):
                continue
            term = base.by_id[q.ask.term]
            if not isinstance(term, Term):
                continue
            name = re.sub(r"^(?:the|a|an)\s+", "", term.term.strip(), flags=re.IGNORECASE)
            lower = name[:1].lower() + name[1:]
            if lower != name:
                pattern = rf"(?<![\w-]){re.escape(lower)}(?![\w-])"
                assert not any(re.search(pattern, t) for t in texts), q.prompt


@pytest.mark.parametrize("path", BASES, ids=lambda p: p.stem)
def test_a_class_sheet_holds_one_term_item_per_article(path: Path) -> None:
    """Every default sheet, swept seeds, holds at most one term item (what is …? / which term
    means …?) of its article."""
    for seed in seeds_of(path):
        terms = Counter(q.factbase for q in sheet(path, seed).questions
                        if q.kind == "term-meaning")
        assert all(n <= 1 for n in terms.values()), (seed, terms)


def test_terms_asked_for_alone_are_not_rationed() -> None:
    """A teacher asking for term items only gets every term item that fits (two on the sleep
    article's seed-2 sheet); the mixed class sheet keeps one."""
    base = base_at(DEV / "a-good-night-sleep.yaml")
    alone = build_quiz(base, seed=2, kinds=["term-meaning"], count=20)
    assert sum(q.kind == "term-meaning" for q in alone.questions) >= 2
    mixed = build_quiz(base, seed=2, count=20)
    assert sum(q.kind == "term-meaning" for q in mixed.questions) == 1


def test_a_second_term_item_that_fits_is_told_as_rationed() -> None:
    """Of two term items of one article that stand together, the second is left off a class
    sheet and told as the ration, in its own words; without the ration it is not left out."""
    base = base_at(DEV / "a-good-night-sleep.yaml")
    made = [q for q in build_quiz(base, seed=2, kinds=["term-meaning"], count=20).questions]
    assert len(made) >= 2
    kept, other = made[0], made[1]
    rationed = frozenset({"term-meaning"})
    assert cause(other, [kept], fit=Fit([base], title="", rationed=rationed)) == "ration"
    assert cause(other, [kept], fit=Fit([base], title="")) is None
    skips = left_out([kept], [other], [base], title="", rationed=rationed)
    assert len(skips) == 1 and CAUSES["ration"] in skips[0].reason
