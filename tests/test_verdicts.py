"""A selection asks each sheet rule once per item and once per pair, and texts are folded once
(quizgen.quiz.verdicts, quizgen.quiz.folding): counted, not timed, and the same sheets as
asking every time."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import pytest
from conftest import loaded
from hypothesis import given

from quizgen.factbase.loader import load_factbase
from quizgen.factbase.model import FactBase
from quizgen.generators.base import Generated
from quizgen.quiz import checker as checker_module
from quizgen.quiz import figure_sheet, folding, guessed, left_out
from quizgen.quiz import select as select_module
from quizgen.quiz import verdicts as verdicts_module
from quizgen.quiz.questions import Question, Quiz
from quizgen.quiz.select import CLASS_LENGTH, build_quiz
from quizgen.quiz.verdicts import Rule, TitleRule, Verdicts
from tests.strategies import load_profiles, needles_and_text

load_profiles()
ROOT = Path(__file__).resolve().parent.parent
CONTENT = sorted((ROOT / "content").glob("*.yaml"))
CORPUS = sorted((ROOT / "tests" / "corpus").glob("*/*.yaml"))


class _Forgetful(Verdicts):
    """Verdicts that ask the rule every time: the selection as it was before they were kept."""

    def alone(self, rule: Rule, question: Question, base: FactBase) -> str | None:
        return rule(question, base)

    def titled(self, rule: TitleRule, question: Question, title: str,
               base: FactBase) -> str | None:
        return rule(question, title, base)

    def gives_away(self, a: Question, b: Question, base: FactBase) -> str | None:
        return verdicts_module.gives_away(a, b, base)


def _select(base: FactBase, generated: dict[tuple[str, int], Generated], *, seed: int,
            count: int | None) -> Quiz:
    return build_quiz([base], seed=seed, count=count, generated=generated)


@pytest.mark.parametrize("path", CONTENT + CORPUS, ids=lambda p: p.stem)
def test_kept_verdicts_pick_what_asking_every_time_picks(
    path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every article's class sheet (two seeds) and its every-item quiz keep the same items and
    give the same reasons for those left out whether verdicts are kept or asked again."""
    base = loaded(path)
    for seed, count in ((1, CLASS_LENGTH), (2, CLASS_LENGTH), (1, None)):
        generated: dict[tuple[str, int], Generated] = {}
        kept = _select(base, generated, seed=seed, count=count)
        with monkeypatch.context() as patch:
            patch.setattr(select_module, "Verdicts", _Forgetful)
            asked = _select(base, generated, seed=seed, count=count)
        assert [q.id for q in kept.questions] == [q.id for q in asked.questions]
        assert kept == asked


def _counting(counts: Counter[object], rule: Rule) -> Rule:
    def counted(question: Question, base: FactBase) -> str | None:
        counts[rule.__name__, id(question)] += 1
        return rule(question, base)
    counted.__name__ = rule.__name__
    return counted


@pytest.mark.parametrize("path", CONTENT, ids=lambda p: p.stem)
def test_a_selection_asks_each_rule_once_per_item_and_pair(
    path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Picking, re-picking to spread the speakers, filling the sheet and telling why items were
    left out ask gives_away once per ordered pair and each rule of an item alone once per item."""
    pairs: Counter[tuple[int, int]] = Counter()
    real = verdicts_module.gives_away

    def counting(a: Question, b: Question, base: FactBase) -> str | None:
        pairs[id(a), id(b)] += 1
        return real(a, b, base)

    alone: Counter[object] = Counter()
    monkeypatch.setattr(verdicts_module, "gives_away", counting)
    for name in ("gives_itself_away", "described_alike"):  # one rule object for both modules
        rule = _counting(alone, getattr(checker_module, name))
        monkeypatch.setattr(checker_module, name, rule)
        monkeypatch.setattr(left_out, name, rule)
    monkeypatch.setattr(checker_module, "guessed", _counting(alone, checker_module.guessed))
    build_quiz([load_factbase(path)], seed=1, count=CLASS_LENGTH)
    assert len(pairs) >= 100  # the count is of real work: many pairs were compared
    assert max(pairs.values()) == 1
    assert max(alone.values()) == 1


def test_a_text_is_folded_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A selection folds each text it reads (prompts, options, names) once, though the rules
    read most of them for every pair."""
    folds: Counter[str] = Counter()
    real = folding._LETTERS

    class Counting:
        def findall(self, text: str) -> list[str]:
            folds[text] += 1
            return real.findall(text)

    monkeypatch.setattr(folding, "_LETTERS", Counting())
    folding.folded_words.cache_clear()
    folding.spaced.cache_clear()
    build_quiz([load_factbase(CONTENT[0])], seed=1, count=CLASS_LENGTH)
    folding.folded_words.cache_clear()  # nothing folded by the counter stays for other tests
    folding.spaced.cache_clear()
    assert len(folds) >= 100
    assert max(folds.values()) == 1


def _named_by_regex(text: str, names: Iterable[str]) -> str | None:
    """The whole-word rule of guessed._named, folding every text afresh."""
    def fold(t: str) -> list[str]:
        return re.findall(r"[^\W\d_]+", t.replace("’", "'").casefold())
    said = f" {' '.join(fold(text))} "
    return next((n for n in names if any(len(w) > 2 for w in fold(n))
                 and f" {' '.join(fold(n))} " in said), None)


@given(needles_and_text())
def test_named_with_folding_kept_finds_what_folding_afresh_finds(
    case: tuple[list[str], str],
) -> None:
    """The first name a text says as whole folded words is the same with the folds kept."""
    names, text = case
    assert guessed._named(text, names) == _named_by_regex(text, names)
    assert guessed._named(text.upper(), names) == _named_by_regex(text.upper(), names)


def test_an_item_s_words_are_read_once_for_the_figure_checks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A selection folds the texts of each item once for figures_cross (share_in_words reads
    the other item's words for every pair with a figure item)."""
    folds: Counter[str] = Counter()

    class Counting:
        def sub(self, pattern: str, repl: str, text: str) -> str:
            folds[text] += 1
            return re.sub(pattern, repl, text)

    monkeypatch.setattr(figure_sheet, "re", Counting())
    figure_sheet._spaced_words.cache_clear()
    build_quiz([load_factbase(CONTENT[-2])], seed=1, count=CLASS_LENGTH)  # venezuela: figures
    figure_sheet._spaced_words.cache_clear()  # nothing folded by the counter stays
    assert len(folds) >= 20
    assert max(folds.values()) == 1


def test_left_out_keeps_nothing_of_one_item_for_the_next(monkeypatch: pytest.MonkeyPatch) -> None:
    """Telling why items stayed off the sheet reads the selection's verdicts but keeps what it
    asks of each item only while that item is told (thousands of items at 10,000 facts)."""
    sizes: list[tuple[int, int, int]] = []
    asked = 0
    real_left_out, real_gives_away = select_module.left_out, verdicts_module.gives_away

    def counting(a: Question, b: Question, base: FactBase) -> str | None:
        nonlocal asked
        asked += 1
        return real_gives_away(a, b, base)

    def spying(sheet: list[Question], made: list[Question], bases: list[FactBase], *,
               title: str, verdicts: Verdicts,
               rationed: frozenset[str] = frozenset()) -> list[object]:
        nonlocal asked
        before = (len(verdicts._pairs), len(verdicts._alone), len(verdicts._titled))
        asked = 0
        told = real_left_out(sheet, made, bases, title=title, verdicts=verdicts,
                             rationed=rationed)
        sizes.append((*before, asked))
        assert (len(verdicts._pairs), len(verdicts._alone), len(verdicts._titled)) == before
        return told  # type: ignore[return-value]  # what left_out returned

    monkeypatch.setattr(verdicts_module, "gives_away", counting)
    monkeypatch.setattr(select_module, "left_out", spying)
    for path in CONTENT:  # a short quiz: items the selection never set beside the sheet's
        build_quiz([load_factbase(path)], seed=1, count=6)
    assert len(sizes) == len(CONTENT)
    assert sum(size[3] for size in sizes) > 0  # left_out asked pairs of its own, and kept none
