"""Why a made question stays off a sheet is told by its real cause, in a teacher's words: the
speaker spread is never called a giveaway; the default build prints one summary line and
`--verbose` one line per cause."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import cache

import pytest
from conftest import CONTENT, ROOT
from factbases import make_base, person
from sheet_check import always_main_score, amount_key, base_at, events_shown, made
from sheet_check import sheet as cached_sheet
from sweep import seeds_of
from typer.testing import CliRunner

from quizgen.cli import app
from quizgen.factbase.model import Term
from quizgen.factbase.numbers import TIME_UNIT
from quizgen.quiz import left_out as left_out_module
from quizgen.quiz.described import described_alike
from quizgen.quiz.fill import Fit
from quizgen.quiz.leaks import find_leaks
from quizgen.quiz.left_out import CAUSES, GUESSED, cause, left_out
from quizgen.quiz.questions import Question, Quiz
from quizgen.quiz.select import CLASS_LENGTH, build_quiz
from quizgen.quiz.sheet_rules import indistinct

PATHS = sorted(CONTENT.glob("*.yaml")) + sorted((ROOT / "tests" / "corpus" / "dev").glob("*.yaml"))
RATIONED = frozenset({"term-meaning"})  # the class sheet's ration, as test_term_ration reads it
PAIR_CAUSES = {"repeat", "giveaway", "terms"}  # what one item does to another, told apart by asks
Tell = Callable[..., str | None]
# its sheets ration John Brooks's keys (Obama's, once rationed, now go with the title naming him)
BROOKS = ROOT / "tests" / "corpus" / "dev" / "men-in-black.yaml"


def _expected(item: Question, sheet: Quiz) -> set[str] | None:
    """The causes the test itself finds for an item left off a sheet (None: it fits)."""
    base = sheet.base(item.factbase)
    amount = amount_key(item)
    if amount is not None and amount.unit.casefold() == TIME_UNIT:
        return {"trivia"}
    if find_leaks(Quiz(title="", bases=sheet.bases, questions=(item,))):
        return {"own words"}
    # an item both alike and given away by the title may be told by either (both are true)
    alone = set()
    if indistinct(item) or described_alike(item, base):  # proved in test_described, not here
        alone.add("alike")
    if find_leaks(Quiz(title=sheet.title, bases=sheet.bases, questions=(item,))):
        alone.add("title")
    if alone:
        return alone
    for key, rule in GUESSED:  # proved in test_guessed, not here
        if rule(item, base):
            return {key}
    for kept in sheet.questions:
        if find_leaks(Quiz(title=sheet.title, bases=sheet.bases, questions=(kept, item))):
            return PAIR_CAUSES
        if set(events_shown(kept)) & set(events_shown(item)):
            return {"event"}
    if item.kind == "term-meaning" and any(q.kind == item.kind and q.factbase == item.factbase
                                           for q in sheet.questions):
        return {"ration"}  # a class sheet keeps one term item per article
    grown = Quiz(title=sheet.title, bases=sheet.bases, questions=(*sheet.questions, item))
    score, chance, items = always_main_score(grown, base)
    if items and score > chance + 0.10 + 1e-9:
        return {"speaker"}
    return None


@cache
def _left_off() -> tuple[tuple[str, set[str] | None, Quiz, Question], ...]:
    """(label, cause found by the test, sheet, item) for every item left off a sheet, worked out
    once per session: the sheets are sheet_check's cached ones and the causes the test finds
    use none of the code a test plants a bug in (the planted test calls this first)."""
    found = []
    for path in PATHS:
        for seed in seeds_of(path):
            sheet = cached_sheet(path, seed)
            on = {q.id for q in sheet.questions}
            found += [(f"{path.stem} {seed}", _expected(item, sheet), sheet, item)
                      for item in made(path, seed) if item.id not in on]
    return tuple(found)


def _found(tell: Tell) -> Iterator[tuple[str, str | None, set[str] | None, Quiz, Question]]:
    """(label, cause told, cause found by the test, sheet, item) for every item left off."""
    fits: dict[int, Fit] = {}
    for label, expected, sheet, item in _left_off():
        fit = fits.setdefault(id(sheet), Fit(sheet.bases, title=sheet.title, rationed=RATIONED))
        yield label, tell(item, sheet.questions, fit=fit), expected, sheet, item


def _wrong_causes(tell: Tell = cause) -> tuple[list[str], set[str]]:
    """Items whose cause told is not the one found, and the causes seen."""
    wrong, seen = [], set()
    for label, told, expected, sheet, item in _found(tell):
        if expected is None:
            continue  # fits: only not needed on a full sheet
        seen |= {told} if told else set()
        if told not in expected:
            wrong.append(f"{label}: “{item.prompt[:50]}” told {told}, found {sorted(expected)}")
            continue
        assert told is not None
        skips = left_out(sheet.questions, [item], sheet.bases, title=sheet.title,
                         rationed=RATIONED)
        if len(skips) != 1 or CAUSES[told].split("{")[0] not in skips[0].reason:
            wrong.append(f"{label}: {told} reads {[s.reason for s in skips]}")
    return wrong, seen


def test_each_cause_is_told_with_its_own_message() -> None:
    """Every item left off a sheet is told by the cause the test finds itself, with that
    cause's own words, and every cause but one ordering reusing an event is seen."""
    wrong, seen = _wrong_causes()
    assert not wrong, wrong[:5]
    # alike and terms: their own tests (no dev or content sheet leaves a term block out since
    # the acronym a meaning spells inside its words is told as the item's own words)
    # ration: its own test (test_term_ration; here a second term item is told by a pair cause)
    # story: the event-order generator keeps to the rule itself (sequence.dated_apart), so no
    # ordering made is left out for it (tests/test_sheets.py's deck tests prove the generator)
    # name says: its own test (test_option_texts); no content or dev term is named by the head
    # noun of its meaning
    assert seen >= set(CAUSES) - {"event", "alike", "terms", "ration", "story", "name says"}, (
        sorted(seen))


def test_a_term_item_answering_another_by_elimination_is_told_as_a_term_block() -> None:
    """Of two "What is …?" items over one base's terms, one offering the other's answer is
    left out as a term block, in its own words."""
    terms = tuple(Term(t, t.title(), m, excerpt=f"{t.title()} is {m}") for t, m in (
        ("lahar", "a flow of mud and rock down a volcano"),
        ("spillway", "a channel that carries surplus water past a dam"),
        ("levee", "an embankment built to stop a river overflowing"),
        ("caldera", "a large hollow left after a volcano erupts"),
    ))
    base = replace(make_base(person("expert", "Dr Ana Ruiz")), terms=terms)
    made_terms = build_quiz(base, seed=1, kinds=["term-meaning"], everything=True).questions
    fit = Fit([base], title="Floods and volcanoes")
    told = [(kept, other) for kept in made_terms for other in made_terms
            if kept is not other and cause(other, [kept], fit=fit) == "terms"]
    assert told
    kept, other = told[0]
    skips = left_out([kept], [other], [base], title="Floods and volcanoes")
    assert len(skips) == 1 and CAUSES["terms"].split("{")[0] in skips[0].reason


def test_the_messages_name_their_causes() -> None:
    """Each cause reads differently; only the giveaway says "give away"; the speaker spread
    names the speaker."""
    assert len(set(CAUSES.values())) == len(CAUSES)
    assert [k for k, text in CAUSES.items() if "give away" in text] == ["giveaway"]
    sheet = build_quiz(base_at(BROOKS), seed=1, count=CLASS_LENGTH)
    spread = [s.reason for s in sheet.skipped if "ten points above guessing" in s.reason]
    assert spread and "John Brooks" in spread[0] and "give" not in spread[0], spread


def test_the_cause_test_goes_red_when_every_cause_is_called_a_giveaway(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Planted bug: every item left out is told as a giveaway (the old message)."""
    real = left_out_module.cause

    def all_giveaways(question: Question, sheet: list[Question], *, fit: Fit) -> str | None:
        return "giveaway" if real(question, sheet, fit=fit) else None

    _left_off()  # the sheets and causes found, made before the plant (as the real test's)
    monkeypatch.setattr(left_out_module, "cause", all_giveaways)
    wrong, _ = _wrong_causes(all_giveaways)
    assert wrong


def test_the_build_prints_one_summary_line_and_verbose_the_causes() -> None:
    """`preview` prints one line on questions not asked; `--verbose` a line per cause, the
    speaker spread in its own words."""
    runner = CliRunner()
    plain = runner.invoke(app, ["preview", "--seed", "1", str(BROOKS)])
    assert plain.exit_code == 0, plain.output
    lines = [line for line in plain.output.splitlines() if "not asked" in line]
    assert len(lines) == 1 and "the main speaker would be a safe guess" in lines[0], lines
    assert "skipped" not in plain.output
    verbose = runner.invoke(app, ["preview", "--seed", "1", "--verbose", str(BROOKS)])
    said = [line for line in verbose.output.splitlines() if line.startswith("skipped")]
    assert any("John Brooks score more than ten points" in line for line in said), said
    assert any("asks again what a question on the sheet asks" in line for line in said), said
    assert not [line for line in said if "ten points" in line and "give away" in line]



def test_an_item_s_own_verdicts_read_the_selection_s_and_write_none_into_them() -> None:
    """Verdicts made apart (one left-out item's) read back what the selection worked out and
    keep what they work out themselves, leaving the selection's as they were."""
    from quizgen.quiz.verdicts import Verdicts

    base = base_at(CONTENT / "venezuela-post-election.yaml")
    first, second = build_quiz([base], count=2).questions[:2]
    selection = Verdicts()
    selection.gives_away(first, second, base)
    own = selection.apart()
    own.gives_away(first, second, base)
    assert own.made == 0  # read back from the selection's
    own.gives_away(second, first, base)
    assert own.made == 1
    assert len(selection._pairs) == 1  # what the item's verdicts worked out stayed with them
