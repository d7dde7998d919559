"""Stable ids hash an explicit encoding of what is asked; existing ids (and Anki guids) are kept."""

from __future__ import annotations

import hashlib
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizgen.quiz.question_ids import id_encoding, stable_id
from quizgen.quiz.questions import Amount, FigureHolder, SpeakerOf


def test_the_encoding_of_an_ask_is_spelled_out() -> None:
    """A who-said-it id hashes the documented text of its parts, written here by hand."""
    text = "('who-said-it', 'news', SpeakerOf(quote='q-1'), 'q-1')"
    expected = "who-said-it-" + hashlib.sha256(text.encode()).hexdigest()[:12]
    assert stable_id("who-said-it", "news", SpeakerOf("q-1"), "q-1") == expected


def test_amounts_and_nested_tuples_encode_field_by_field() -> None:
    """Decimals keep their exact text; one-item tuples keep their comma; fields keep their order."""
    ask = FigureHolder("share", Amount(Decimal("51.20"), "percent", 2), ("cne",))
    assert id_encoding(ask) == (
        "FigureHolder(measure='share', amount=Amount(value=Decimal('51.20'), unit='percent', "
        "decimals=2, qualifier='exact'), given_by=('cne',))")
    assert id_encoding(((), (1, None, True))) == "((), (1, None, True))"


@given(st.text())
def test_strings_encode_as_before(text: str) -> None:
    """Any text, quotes, backslashes and control characters included, encodes as ids always did."""
    assert id_encoding(text) == repr(text)  # repr() made every id before; keeping it keeps them


@pytest.mark.parametrize("value", [1.5, {"a"}, {"a": 1}, ["a"], object(), b"x"])
def test_values_without_a_stable_text_are_refused(value: object) -> None:
    """Floats, sets, dicts, lists, bytes and plain objects cannot be hashed into an id."""
    with pytest.raises(TypeError, match="no stable id encoding"):
        stable_id("kind", value)
