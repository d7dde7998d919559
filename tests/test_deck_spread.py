"""Issue 18's keys spread across speakers in the whole deck (`--all`, the Anki deck), not only on
class sheets: "always the main speaker" scores at most chance plus ten points, every quote and
claim the deck asked before is still asked, re-formed items are proved by the oracle, and the
teacher is told what was left out or asked otherwise."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

import pytest
from factbases import make_base, person, quote
from sheet_check import BASES, MADE_UP, SEEDS, always_main_score, base_at, unspread
from sweep import seeds_of

from quizgen.factbase.model import FactBase, ReportedClaim
from quizgen.generators import GENERATORS, ON_REQUEST
from quizgen.oracle import check_question
from quizgen.quiz.questions import (
    TRUE_FALSE,
    ClaimantOf,
    ClaimStatement,
    GapFill,
    Matching,
    MultipleChoice,
    Question,
    Quiz,
    QuoteRef,
    SaidStatement,
    SpeakerOf,
)
from quizgen.quiz.select import build_quiz

pytestmark = pytest.mark.sweep  # every seed of every base under `make fuzz` (sweep.py)

MARGIN = 0.10  # the "chance plus ten points", written again here


@cache
def deck(path: Path, seed: int) -> Quiz:
    """The deck of a base for a seed: every question (`--all`, what the Anki deck holds)."""
    return build_quiz(base_at(path), seed=seed, everything=True)


def default_decks() -> Iterator[tuple[str, FactBase, Quiz]]:
    """The sweep's seeds of every base (seed 1 and two rotating in `make test`, 1-20 under
    `make fuzz`), the made-up bases included."""
    for path in [*BASES, *MADE_UP]:
        for seed in seeds_of(path):
            yield f"{path.stem} seed {seed}", base_at(path), deck(path, seed)


def every_deck() -> Iterator[tuple[str, FactBase, Quiz]]:
    """Every base, seeds 1-20."""
    for path in [*BASES, *MADE_UP]:
        for seed in SEEDS:
            yield f"{path.stem} seed {seed}", base_at(path), deck(path, seed)


Sweep = Callable[[], Iterator[tuple[str, FactBase, Quiz]]]
SWEEPS = [pytest.param(default_decks, id="default"),
          pytest.param(every_deck, id="full", marks=pytest.mark.fuzz)]


@pytest.mark.parametrize("sweep", SWEEPS)
def test_always_the_main_speaker_scores_at_most_chance_plus_ten_in_the_deck(sweep: Sweep) -> None:
    """In every base's deck, answering every who-said-it, who-claimed-it and matching with the
    main speaker (where not offered: a guess) scores at most ten points above guessing."""
    over = []
    checked = 0
    for label, base, quiz in sweep():
        score, chance, items = always_main_score(quiz, base)
        if items:
            checked += 1
            if score > chance + MARGIN + 1e-9:
                over.append((label, round(score, 3), round(chance, 3), items))
    assert checked
    assert over == [], over[:8]


def taught(question: Question, base: FactBase) -> set[tuple[str, str]]:
    """The quotes (by their words) and claims an item asks who said, as a teacher reads it: the
    quote or claim asked, a matching's quotes, a statement's, those a gap-fill passage shows."""
    quotes = {q.id: " ".join(q.text.split()).casefold() for q in base.quotes}
    ask = getattr(question, "ask", None)
    if isinstance(question, Matching):
        return {("quote", quotes[o.claim.quote]) for o in question.left
                if isinstance(o.claim, QuoteRef)}
    if isinstance(question, GapFill):
        shown = " ".join(" ".join(question.explanation).split()).casefold()
        return ({("quote", quotes[q.id]) for q in base.quotes
                 if q.excerpt and " ".join(q.excerpt.split()).casefold() in shown}
                | {("claim", c.id) for c in base.claims
                   if c.excerpt and " ".join(c.excerpt.split()).casefold() in shown})
    if isinstance(ask, SpeakerOf | SaidStatement):
        return {("quote", quotes[ask.quote])}
    if isinstance(ask, ClaimantOf | ClaimStatement):
        return {("claim", ask.claim)}
    return set()


@pytest.mark.parametrize("path", [*BASES, *MADE_UP], ids=[p.stem for p in [*BASES, *MADE_UP]])
def test_the_spread_deck_still_asks_every_quote_and_claim(path: Path) -> None:
    """Every quote and claim the deck asked who said before spreading is still asked by an item
    of the spread deck, and every item the spreading made (a statement) is ruled right by the
    oracle; the items it kept keep their ids (the Anki notes of unchanged items stay theirs)."""
    base = base_at(path)
    for seed in seeds_of(path):
        before = unspread(base, seed)
        after = deck(path, seed)
        wanted = set().union(*(taught(q, base) for q in before.questions))
        kept = set().union(*(taught(q, base) for q in after.questions))
        assert wanted <= kept, (path.stem, seed, sorted(wanted - kept)[:4])
        old = {q.id: q for q in before.questions}
        for question in after.questions:
            if question.id in old:
                assert question == old[question.id], (path.stem, seed, question.id)
            else:
                assert isinstance(question, MultipleChoice) and question.kind == "true-false"
                verdict = check_question(question, base)
                assert verdict.ok, (path.stem, seed, question.prompt, verdict.problems)


# ---- a made-up article whose main speaker says most things --------------------------------


def _chatty() -> FactBase:
    """Ana Ruiz says six quotes and eight claims; four others one quote each, Bo one claim."""
    cast = [person(p, f"{p.title()} {s}") for p, s in
            (("ana", "Ruiz"), ("bo", "Lind"), ("cy", "Moss"), ("di", "Park"), ("ed", "Hale"))]
    said = [quote(f"a{i}", f"Our harbour plan number {w} will open the quays to everyone.", "ana")
            for i, w in enumerate(("one", "two", "three", "four", "five", "six"))]
    said += [quote(f"o{p}", f"The council has ignored the {w} for far too long.", p)
             for p, w in (("bo", "fishermen"), ("cy", "ferries"), ("di", "tenants"),
                          ("ed", "dockers"))]
    claims = [ReportedClaim(f"c{i}", ("ana",), f"the harbour would hire {n} people",
                            excerpt=f"Ana Ruiz said the harbour would hire {n} people")
              for i, n in enumerate(("forty", "fifty", "sixty", "seventy", "eighty", "ninety",
                                     "a hundred", "two hundred"))]
    claims.append(ReportedClaim("cb", ("bo",), "the quays flood every winter",
                                excerpt="Bo Lind said the quays flood every winter"))
    return dataclasses.replace(make_base(*cast, *said), claims=tuple(claims))


def test_a_deck_piled_on_one_speaker_is_spread_and_told() -> None:
    """A deck where Ana Ruiz keys most items is spread: her score is at most chance plus ten,
    the items left out and those asked as statements are told in a teacher's words naming her,
    and every quote and claim is still asked."""
    base = _chatty()
    before = unspread(base, 1)
    score, chance, _ = always_main_score(before, base)
    assert score > chance + MARGIN, "the made-up deck is not piled: nothing is exercised"
    quiz = build_quiz(base, seed=1, everything=True)
    score, chance, _ = always_main_score(quiz, base)
    assert score <= chance + MARGIN + 1e-9, (score, chance)
    told = [s.reason for s in quiz.skipped]
    left = [r for r in told if r.startswith("left out") and "Ana Ruiz" in r]
    asked = [r for r in told if "as true-or-false statements instead" in r and "Ana Ruiz" in r]
    assert left and "already teaches its quote or claim" in left[0], told
    assert asked and "who-claimed-it" in asked[0], told
    wanted = set().union(*(taught(q, base) for q in before.questions))
    assert wanted <= set().union(*(taught(q, base) for q in quiz.questions))
    statements = [q for q in quiz.questions if isinstance(q, MultipleChoice)
                  and isinstance(q.ask, ClaimStatement)]
    assert {q.answer for q in statements} == {0, 1}, "re-formed statements all one way"
    for q in statements:
        assert check_question(q, base).ok, (q.prompt, check_question(q, base).problems)


def test_a_counted_selection_of_every_question_takes_other_items_first() -> None:
    """`--all` with a count (clashes allowed, two of each kind): where the pool holds items
    keyed on others, they take the place of those keyed on the main speaker, so the kind keeps
    its two and the main speaker scores at most chance plus ten."""
    base = _chatty()
    for seed in SEEDS:
        quiz = build_quiz(base, seed=seed, per_kind=2, everything=True)
        score, chance, _ = always_main_score(quiz, base)
        assert score <= chance + MARGIN + 1e-9, (seed, score, chance)
        assert sum(q.kind == "who-said-it" for q in quiz.questions) == 2, seed


def test_a_deck_with_statements_keeps_as_many_true_as_false() -> None:
    """A deck asked for statements too (true-false beside the default kinds), its statements
    re-formed from speaker items included, holds as many true as false, give or take one."""
    kinds = (*(k for k in GENERATORS if k not in ON_REQUEST), "true-false")
    for label, base in [("chatty", _chatty()), *((p.stem, base_at(p)) for p in BASES)]:
        quiz = build_quiz(base, seed=1, kinds=kinds, everything=True)
        keys = [q.answer for q in quiz.questions
                if isinstance(q, MultipleChoice) and q.options == TRUE_FALSE]
        assert abs(keys.count(0) - keys.count(1)) <= 1, (label, keys.count(0), keys.count(1))


def test_the_summary_line_tells_statements_apart_from_questions_not_asked(
        capsys: pytest.CaptureFixture[str]) -> None:
    """Without --verbose, items asked as true-or-false statements instead are told as asked in
    another form, never counted among the questions that were not asked."""
    from quizgen.cli.console import print_skips
    from quizgen.quiz.questions import Skip

    quiz = build_quiz(_chatty(), seed=1, everything=True)
    assert any("as true-or-false statements instead" in s.reason for s in quiz.skipped)
    print_skips(quiz, verbose=False)
    lines = capsys.readouterr().out.splitlines()
    assert any("asked as true-or-false statements instead" in line for line in lines), lines
    not_asked = " ".join(line for line in lines if "were not asked" in line)
    left = [s for s in quiz.skipped if s.reason.startswith("left out")]
    assert left and "main speaker would be a safe guess" in not_asked, lines
    alone = dataclasses.replace(quiz, skipped=tuple(
        s for s in quiz.skipped if "as true-or-false statements instead" in s.reason))
    print_skips(alone, verbose=False)
    assert "were not asked" not in capsys.readouterr().out, "statements counted as not asked"
    fewer = Skip("who-said-it", "chatty", "asked for 6 questions; only 2 of those made can stand"
                 " together on one sheet")
    print_skips(dataclasses.replace(quiz, skipped=(fewer,)), verbose=False)
    told = capsys.readouterr().out
    assert "true-or-false" not in told and "fewer questions than asked for" in told, told
