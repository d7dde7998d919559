"""The JSON export is versioned and lossless: reading it back gives the very same questions."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from factbases import newsroom

from quizgen.errors import QuizgenError
from quizgen.factbase.model import FactBase
from quizgen.quiz.questions import Amount
from quizgen.quiz.select import build_quiz
from quizgen.renderers import json_out


def test_every_question_round_trips_exactly(article_base: FactBase) -> None:
    """Every question of the bundled article and newsroom base reads back equal in every field."""
    for base in (article_base, newsroom()):
        quiz = build_quiz([base], seed=3)
        assert json_out.read_questions(json_out.render_text(quiz)) == quiz.questions


def test_document_names_its_format_version_and_variant(article_base: FactBase) -> None:
    """The document says what it is and which version of the format, quiz title and fact bases."""
    quiz = build_quiz([article_base], seed=3, per_kind=1)
    loaded = json.loads(json_out.render_text(quiz))
    assert (loaded["format"], loaded["version"]) == ("quizgen-quiz", 2)
    assert loaded["factbases"] == [article_base.id]
    assert loaded["title"] == quiz.title
    first = loaded["questions"][0]
    assert first["excerpts"] == list(quiz.questions[0].explanation)
    assert first["ask"]["type"] == type(quiz.questions[0].ask).__name__


def test_amounts_keep_their_exact_decimal_value() -> None:
    """An amount's value is written as its decimal text, never as a rounded float."""
    assert json_out.data(Amount(Decimal("0.1000"), "percent", 4)) == {
        "type": "Amount", "value": "0.1000", "unit": "percent", "decimals": 4,
        "qualifier": "exact", "to": None}


def test_a_range_reads_back_with_both_ends_as_decimals() -> None:
    """A range's upper end (`to`, typed Decimal | None) reads back as a Decimal, not as text."""
    amount = Amount(Decimal("3.5"), "times the mass of Earth", 1, to=Decimal("4.1"))
    claim = json_out._value(json_out.data(amount), "Claim")
    assert claim == amount and isinstance(claim.to, Decimal)


def test_planted_float_amounts_lose_the_round_trip(monkeypatch: pytest.MonkeyPatch) -> None:
    """Planted bug: writing decimals as floats makes the round-trip test above fail."""
    real = json_out.data

    def lossy(value: object) -> object:
        return float(value) if isinstance(value, Decimal) else real(value)

    monkeypatch.setattr(json_out, "data", lossy)
    quiz = build_quiz([newsroom()], seed=3, kinds=["figure-choice"])
    assert json_out.read_questions(json_out.render_text(quiz)) != quiz.questions


def test_other_documents_are_refused_with_a_clear_error() -> None:
    """A document of another format or version is a QuizgenError naming what was found."""
    for text in ('{"questions": []}', '{"format": "quizgen-quiz", "version": 1}', "[]"):
        with pytest.raises(QuizgenError, match="not a quizgen JSON export"):
            json_out.read_questions(text)
