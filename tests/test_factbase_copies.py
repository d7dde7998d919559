"""A fact base copied or pickled after stages have read it works like the original."""

from __future__ import annotations

import copy
import pickle
from pathlib import Path

import pytest

from quizgen.factbase.loader import load_factbase
from quizgen.quiz.select import build_quiz
from quizgen.quiz.versions import make_versions

ARTICLE = Path(__file__).resolve().parent.parent / "content" / "venezuela-post-election.yaml"


@pytest.mark.parametrize("duplicate", [lambda q: pickle.loads(pickle.dumps(q)), copy.deepcopy],
                         ids=["pickle", "deepcopy"])
def test_a_copied_quiz_makes_the_same_versions(duplicate: object) -> None:
    """A quiz whose bases were indexed (by the identity of their facts) and then copied makes
    the same versions as the original: the copy's indexes are made again, not carried over
    with identities that no longer hold (they raised KeyError in figure items)."""
    quiz = build_quiz(load_factbase(ARTICLE), seed=1, count=20)
    assert quiz.bases[0].__dict__.get("_indexes"), "the selection indexed the base"
    copied = duplicate(quiz)  # type: ignore[operator]  # one of the two callables above
    assert "_indexes" not in copied.bases[0].__dict__
    assert make_versions(copied, count=3, seed=3) == make_versions(quiz, count=3, seed=3)
