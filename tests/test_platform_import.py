"""Platform files as each platform imports and stores them: Moodle sites without the Ordering
type, raw-text fields without entities, and the quiz games' orderings (issue 23)."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest
from platform_check import (
    entity_problems,
    gift_records,
    moodle_problems,
    moodle_raw_texts,
    need_gift,
    need_lxml,
)
from platform_quizzes import FACTBASES, OPTIONS, content_quiz, json_records, shapes_quiz
from platform_same import same_in_moodle

from quizgen.errors import QuizgenError
from quizgen.quiz.questions import Ordering, Quiz
from quizgen.renderers import get_renderer

IDS = [path.stem for path in FACTBASES]
WITH_ORDERING = replace(OPTIONS, extra={"moodle_ordering": True})


@cache
def every_question(path: Path) -> Quiz:
    """Every question the fact base allows (`--all`): each quote, figure and event asked."""
    from quizgen.factbase.loader import load_factbase
    from quizgen.quiz.select import build_quiz

    return build_quiz(load_factbase(path), seed=0, everything=True)


def moodle(quiz: Quiz, *, ordering: bool = False) -> bytes:
    """The Moodle XML file of the quiz, by default for a site without the Ordering type."""
    (data,) = get_renderer("moodle")(quiz, options=WITH_ORDERING if ordering else OPTIONS
                                     ).values()
    return data


@pytest.mark.parametrize("path", FACTBASES, ids=IDS)
def test_moodle_xml_imports_on_a_site_without_the_ordering_type(path: Path) -> None:
    """By default every content fact base's Moodle XML passes the structure check of a site
    without the Ordering question type (Moodle 4.3 or older without qtype_ordering): its
    orderings are matchings to places, holding the same answers."""
    need_lxml()
    quiz = content_quiz(path)
    data = moodle(quiz)
    assert moodle_problems(data, ordering=False) == []
    same_in_moodle(data, json_records(quiz))


@pytest.mark.parametrize("path", FACTBASES, ids=IDS)
def test_moodle_ordering_option_writes_the_ordering_type(path: Path) -> None:
    """--moodle-ordering writes each ordering as Moodle's Ordering type, which a site with the
    type imports; a site without it stops at the first one (the check says so)."""
    need_lxml()
    quiz = content_quiz(path)
    data = moodle(quiz, ordering=True)
    assert moodle_problems(data, ordering=True) == []
    same_in_moodle(data, json_records(quiz), ordering=True)
    if any(isinstance(q, Ordering) for q in quiz.questions):
        assert "Question type ordering is not supported by XML import" in moodle_problems(
            data, ordering=False)


def test_content_has_orderings_for_the_moodle_checks() -> None:
    """Most content fact bases make orderings, so the checks above meet them."""
    with_orderings = [path for path in FACTBASES
                      if any(isinstance(q, Ordering) for q in content_quiz(path).questions)]
    assert len(with_orderings) >= len(FACTBASES) - 1


def test_planted_ordering_by_default_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """A renderer that writes the Ordering type by default fails the check of a site without
    it."""
    need_lxml()
    import quizgen.renderers.moodle_xml as moodle_xml

    quiz = content_quiz(FACTBASES[0])
    assert moodle_problems(moodle(quiz)) == []
    monkeypatch.setattr(moodle_xml, "ordering_type", lambda options: True)  # the bug
    assert moodle_problems(moodle(quiz)) != []


def test_moodle_ordering_option_refuses_a_value_that_is_not_a_flag() -> None:
    """A library caller passing "yes" for moodle_ordering gets a QuizgenError naming the option."""
    with pytest.raises(QuizgenError, match="--moodle-ordering"):
        get_renderer("moodle")(shapes_quiz(), options=replace(
            OPTIONS, extra={"moodle_ordering": "yes"}))


def test_moodle_names_and_matching_answers_are_stored_raw() -> None:
    """Markup, & and quotes in names and matching answers are stored as the text itself (Moodle
    shows these fields raw), checked against the JSON export's texts."""
    need_lxml()
    quiz = shapes_quiz()
    same_in_moodle(moodle(quiz), json_records(quiz))
    same_in_moodle(moodle(quiz, ordering=True), json_records(quiz), ordering=True)


@pytest.mark.parametrize("path", FACTBASES, ids=IDS)
def test_moodle_raw_texts_hold_no_entity(path: Path) -> None:
    """No question name or matching answer of a content fact base holds `&amp;`, `&lt;`,
    `&#x27;` or any other entity (Moodle's edit form would show it as such)."""
    need_lxml()
    texts = moodle_raw_texts(moodle(every_question(path)))
    assert texts
    assert entity_problems(texts, where=path.stem) == []


def test_planted_escaped_moodle_name_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """HTML-escaping the names again (the old bug) puts entities where Moodle shows raw text."""
    need_lxml()
    import quizgen.renderers.moodle_xml as moodle_xml
    from quizgen.renderers.platform import html_text

    raw = [path for path in FACTBASES if all(
        c in " ".join(moodle_raw_texts(moodle(every_question(path)))) for c in "&<>'")]
    assert raw, "no content fact base has & < > ' in a Moodle name or answer"
    monkeypatch.setattr(moodle_xml, "question_name", lambda q: html_text(q.prompt))  # the bug
    assert entity_problems(moodle_raw_texts(moodle(every_question(raw[0]))), where="x") != []


@pytest.mark.parametrize("path", FACTBASES, ids=IDS)
def test_gift_names_and_matching_answers_hold_no_entity(path: Path) -> None:
    """GIFT's `::name::` and a matching's `-> answer` are plain text in Moodle: no content fact
    base's question writes `&amp;`, `&lt;` or `&#x27;` there (gift-pegjs reads them)."""
    need_gift()
    (data,) = get_renderer("gift")(every_question(path), options=OPTIONS).values()
    records = gift_records(data.decode("utf-8"))
    texts = [r["title"] for r in records] + [right for r in records for _, right in
                                             r.get("pairs", [])]
    assert entity_problems(texts, where=path.stem) == []
