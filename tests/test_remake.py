"""Per-student versions ask a figure again from its measure's figures alone (the same
questions), and only while a letter is left for its answer."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import loaded

from quizgen.factbase.loader import load_factbase
from quizgen.generators.base import GenOptions
from quizgen.generators.common import norm
from quizgen.generators.figure_choice import generate, generate_measure
from quizgen.quiz.questions import MultipleChoice

CONTENT = Path(__file__).resolve().parent.parent / "content"
CORPUS = Path(__file__).resolve().parent / "corpus"
BASES = sorted(CONTENT.glob("*.yaml")) + sorted(CORPUS.glob("*/*.yaml"))


@pytest.mark.parametrize("path", BASES, ids=lambda p: p.stem)
def test_a_measure_alone_gives_the_same_questions(path: Path) -> None:
    """For every measure, seeds and option counts, generate_measure gives exactly the questions
    generate makes about that measure's figures, in the same order."""
    base = loaded(path)
    measures = {norm(figure.measure) for figure in base.figures}
    for seed in (0, 1, 977):
        for options in (GenOptions(num_options=3), GenOptions(num_options=4),
                        GenOptions(num_options=4, limit=3)):
            whole = generate(base, seed=seed, options=options).questions
            for measure in measures:
                alone = generate_measure(base, measure, seed=seed, options=options)
                assert alone == tuple(q for q in whole
                                      if norm(getattr(q.ask, "measure", "")) == measure)


def test_a_figure_with_every_letter_taken_is_not_asked_again(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Once the versions have put a figure question's answer on every letter, a later version
    asks its generator for no remake: none could move the answer to a letter not yet used."""
    from quizgen.quiz import versions
    from quizgen.quiz.questions import MultipleChoice
    from quizgen.quiz.select import CLASS_LENGTH, build_quiz

    asked: list[int] = []
    real_get = versions._Remade.get

    def counted_get(self: versions._Remade, question: object, attempt: int) -> object:
        asked.append(attempt)
        return real_get(self, question, attempt)  # type: ignore[arg-type]

    real_arrange = versions._arrange
    full_calls = 0

    def watched(question: versions.Question, *args: object, **kwargs: object) -> object:
        nonlocal full_calls
        used = kwargs["used"]
        before = len(asked)
        arranged = real_arrange(question, *args, **kwargs)  # type: ignore[arg-type]
        if isinstance(question, MultipleChoice) and versions._numeric(question) and \
                set(range(len(question.options))) <= used:  # type: ignore[operator]
            full_calls += 1
            assert len(asked) == before, question.prompt
        return arranged

    monkeypatch.setattr(versions._Remade, "get", counted_get)
    monkeypatch.setattr(versions, "_arrange", watched)
    base = load_factbase(CONTENT / "venezuela-post-election.yaml")
    versions.make_versions(build_quiz([base], count=CLASS_LENGTH), count=26, seed=0)
    assert full_calls > 20  # the case arose: figures whose four letters were all used


@pytest.mark.parametrize("path", sorted(CONTENT.glob("*.yaml")), ids=lambda p: p.stem)
def test_a_statement_has_one_key_under_every_seed(path: Path) -> None:
    """A true-false statement's id names what it states, so every seed that makes it gives it
    the same key (its truth): versions ask no remake of a statement, which could not move it."""
    from quizgen.generators import true_false

    base = loaded(path)
    keys: dict[str, set[int]] = {}
    for seed in range(10):
        for question in true_false.generate(base, seed=seed, options=GenOptions()).questions:
            assert isinstance(question, MultipleChoice)
            keys.setdefault(question.id, set()).add(question.answer)
    assert keys, "the base makes statements"
    assert all(len(found) == 1 for found in keys.values()), keys
