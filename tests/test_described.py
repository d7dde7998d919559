"""A person the article only describes ('one user') is never offered beside someone who fits it."""

from __future__ import annotations

from dataclasses import replace

from factbases import make_base, person, quote

from quizgen.quiz.described import described_alike, head
from quizgen.quiz.left_out import left_out
from quizgen.quiz.questions import EntityRef, MultipleChoice
from quizgen.quiz.select import build_quiz


def _base():  # type: ignore[no-untyped-def]
    """Two wi-fi users, one named, one only described, and three other speakers."""
    return make_base(
        replace(person("night", "one user"), role="a user of the wi-fi"),
        replace(person("ortiz", "Adonis Ortiz"), role="a young user of the free wi-fi"),
        replace(person("kcho", "Kcho"), role="an artist"),
        replace(person("eva", "Eva Diaz"), role="a minister"),
        replace(person("ben", "Ben Ruiz"), role="a teacher"),
        quote("q1", "It is unbelievably quick then.", "night"),
        quote("q2", "My father lives far away.", "ortiz"),
        quote("q3", "Art should be shared with everyone.", "kcho"),
        quote("q4", "The prices will come down next year.", "eva"),
        quote("q5", "My pupils love the new lessons.", "ben"),
    )


def test_head_is_the_noun_a_description_names() -> None:
    """'one security guard working on the avenue' is known as a security guard; names have none."""
    assert head(person("g", "one security guard working on the avenue")) == "security guard"
    assert head(person("u", "a third fan")) == "fan"
    assert head(person("o", "Adonis Ortiz")) is None
    assert head(person("o", "One Direction")) is None  # capitalised: a name


def test_a_described_person_beside_one_who_fits_is_left_off_the_sheet() -> None:
    """No sheet offers 'one user' beside Adonis Ortiz, a user; the left-out line says why."""
    base = _base()
    for seed in range(1, 11):
        sheet = build_quiz(base, seed=seed, count=20)
        for item in sheet.questions:
            assert described_alike(item, base) is None, item.prompt
            if isinstance(item, MultipleChoice):
                shown = {o.claim.entity for o in item.options if isinstance(o.claim, EntityRef)}
                assert not {"night", "ortiz"} <= shown, (seed, item.prompt)
    made = build_quiz(base, seed=1, everything=True).questions
    alike = [q for q in made if isinstance(q, MultipleChoice)
             and {"night", "ortiz"} <= {o.claim.entity for o in q.options
                                        if isinstance(o.claim, EntityRef)}]
    assert alike, "the base makes at least one item offering both"
    sheet = build_quiz(base, seed=1, count=20)
    reasons = " ".join(s.reason for s in left_out(sheet.questions, alike, sheet.bases,
                                                   title=sheet.title))
    assert "does not tell apart" in reasons or "not tell apart" in reasons, reasons
