"""The evidence kind: over every real base and swept seeds, one paragraph holds each answer."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from conftest import loaded
from sweep import seeds_of

from quizgen.factbase.model import FactBase
from quizgen.generators import GENERATORS, Generated, GenOptions
from quizgen.oracle import check_question
from quizgen.quiz.leaks import find_leaks
from quizgen.quiz.questions import MultipleChoice, ParagraphOf, ParagraphRef
from quizgen.quiz.select import build_quiz
from quizgen.quiz.versions import make_versions

pytestmark = pytest.mark.sweep  # every seed of every base under `make fuzz` (sweep.py)


ROOT = Path(__file__).resolve().parent.parent
FILES = sorted([*ROOT.glob("content/*.yaml"), *ROOT.glob("tests/corpus/*/*.yaml")])


@cache
def base_of(path: Path) -> FactBase:
    """A fact base, loaded once per test process (conftest.loaded: shared with the other sweeps)."""
    return loaded(path)


def paragraph_texts(article: str) -> list[str]:
    """The article's paragraphs as a reader sees them: non-blank lines, spaces collapsed
    (written here, apart from the article module, as the test's own reading)."""
    return [" ".join(line.split()) for line in article.split("\n") if line.strip()]


def assert_evidence_sound(generated: Generated, base: FactBase) -> int:
    """Each item is passed by the oracle and, by the test's own reading, its answer is the only
    paragraph holding its fact's excerpt, once; the options are distinct paragraphs in order.
    The number of items checked."""
    assert base.article is not None
    paras = paragraph_texts(base.article)
    for question in generated.questions:
        assert isinstance(question, MultipleChoice) and isinstance(question.ask, ParagraphOf)
        verdict = check_question(question, base)
        assert verdict.ok, f"evidence: {question.id}: {verdict.problems}"
        excerpt = " ".join(base.by_id[question.ask.fact].excerpt.split())  # type: ignore[union-attr]
        holding = [n for n, text in enumerate(paras, start=1) for _ in range(text.count(excerpt))]
        assert len(holding) == 1, f"evidence: {question.id}: excerpt in paragraphs {holding}"
        numbers = [o.claim.paragraph for o in question.options
                   if isinstance(o.claim, ParagraphRef)]
        assert numbers == sorted(set(numbers)) and len(numbers) == len(question.options)
        assert numbers[question.answer] == holding[0], f"evidence: {question.id}: wrong answer"
        assert f"¶{holding[0]}" not in question.prompt
    return len(generated.questions)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_evidence_item_has_exactly_one_paragraph(path: Path) -> None:
    """On every real fact base, the sweep's seeds, every evidence item names the one paragraph that
    holds its excerpt, and the oracle passes it."""
    base = base_of(path)
    made = sum(assert_evidence_sound(GENERATORS["evidence"](
        base, seed=seed, options=GenOptions()), base) for seed in seeds_of(path))
    assert made > 0


def _shifted(question: MultipleChoice) -> MultipleChoice:
    return dataclasses.replace(question, answer=(question.answer + 1) % len(question.options))


def _excerpt(base: FactBase, question: object) -> str:
    ask = getattr(question, "ask", None)
    assert isinstance(ask, ParagraphOf)
    return " ".join(base.by_id[ask.fact].excerpt.split())  # type: ignore[union-attr]


def _twice(base: FactBase, excerpt: str) -> FactBase:
    """The base with the article's paragraph that holds the excerpt written again at its end."""
    assert base.article is not None
    lines = base.article.split("\n")
    holding = next(line for line in lines if excerpt in " ".join(line.split()))
    return dataclasses.replace(base, article="\n".join([*lines, holding]))


def _answer_off_by_one(made: Generated, base: FactBase) -> tuple[Generated, FactBase]:
    """The answer one option off: the oracle must see it."""
    return dataclasses.replace(made, questions=tuple(
        _shifted(q) for q in made.questions if isinstance(q, MultipleChoice))), base


def _repeated_paragraph(made: Generated, base: FactBase) -> tuple[Generated, FactBase]:
    """A question asked of a fact whose paragraph stands twice in the article."""
    first = made.questions[0]
    return dataclasses.replace(made, questions=(first,)), _twice(base, _excerpt(base, first))


PLANTS: dict[str, Callable[[Generated, FactBase], tuple[Generated, FactBase]]] = {
    "answer off by one": _answer_off_by_one,
    "fact in two paragraphs": _repeated_paragraph,
}


@pytest.mark.parametrize("plant", sorted(PLANTS))
def test_the_property_goes_red_on_a_planted_bug(plant: str) -> None:
    """With the bug planted, the property check fails on every real base it is tried on."""
    for path in FILES[:4]:
        base = base_of(path)
        made, seen = PLANTS[plant](GENERATORS["evidence"](base, seed=1, options=GenOptions()),
                                   base)
        with pytest.raises(AssertionError, match=r"^evidence: "):
            assert_evidence_sound(made, seen)


def test_a_fact_in_two_paragraphs_is_never_asked() -> None:
    """The generator skips a fact whose excerpt stands in two paragraphs, saying why."""
    base = base_of(FILES[0])
    first = GENERATORS["evidence"](base, seed=1, options=GenOptions()).questions[0]
    twice = _twice(base, _excerpt(base, first))
    made = GENERATORS["evidence"](twice, seed=1, options=GenOptions())
    assert first.id not in {q.id for q in made.questions}
    assert any("2 times" in skip.reason for skip in made.skipped)


def test_evidence_is_asked_by_name_and_takes_part_in_selection_and_versions() -> None:
    """The kind is left out of the default kinds (it needs the article beside the questions),
    is selected when asked for, passes the leak check beside other kinds, and versions shuffle
    its items while keeping their answers right."""
    base = base_of(ROOT / "tests" / "corpus" / "dev" / "rwanda.yaml")
    assert all(q.kind != "evidence" for q in build_quiz([base], seed=1).questions)
    quiz = build_quiz([base], seed=1, kinds=["evidence", "who-said-it", "place"])
    kinds = {q.kind for q in quiz.questions}
    assert "evidence" in kinds and len(kinds) > 1
    assert find_leaks(quiz) == []
    versions = make_versions(quiz, count=3, seed=1)
    orders = {tuple(q.id for q in v.questions if q.kind == "evidence") for v in versions}
    assert len(orders) > 1
    for version in versions:
        for question in version.questions:
            assert check_question(question, base).ok
            if isinstance(question.ask, ParagraphOf):  # paragraph numbers stay in order
                shown = [o.text for o in question.options]
                assert shown == sorted(shown, key=lambda text: int(text[1:]))
