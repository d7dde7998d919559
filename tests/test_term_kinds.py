"""A term item's key is never the only option of its kind (a nickname among roles of clubs, a
technique among a light-year and a red dwarf): the meanings are read from the facts here."""

from __future__ import annotations

import pytest
from test_sheets import SWEEPS, Sweep

from quizgen.factbase.model import Entity, FactBase, Term
from quizgen.quiz.questions import MultipleChoice, Option, RoleRef, TermFor, TermMeaning, TermRef
from quizgen.quiz.term_kinds import head, kind_of


@pytest.mark.parametrize(("meaning", "wanted"), [
    ("the old Veskarian word for sun", "word"),
    ("Harbour City's nickname, after the quarries that once employed most of the town",
     "nickname"),
    ("a technique that measures how a planet's gravity makes its star wobble", "technique"),
    ("a kind of event where people have to take away all that they bring", "event"),
    ("the evening hymn sung as the last light fades", "hymn"),
    ("motion-sensing devices developed by Microsoft for the Xbox console", "devices"),
    ("one of the more expensive varieties of teff, eaten by the wealthy", "teff"),
    ("the shortest day of the year", "day"),
])
def test_a_meanings_head_is_what_it_says_the_term_is(meaning: str, wanted: str) -> None:
    """The head of a meaning is the noun that says what the term is, past a possessor, "a kind
    of", an adjective and the words that tell of it."""
    assert head(meaning) == wanted


def test_kinds_group_heads_a_reader_groups() -> None:
    """A nickname and a word are of one kind, a festival and an event of another, a club a
    body; a head of no kind known has none."""
    assert kind_of("a nickname of the team") == kind_of("the word for sun") == "word"
    assert kind_of("a festival in the desert") == kind_of("a kind of event") == "event"
    assert kind_of("the football club beaten in the semi-final") == "body"
    assert kind_of("the shortest day of the year") == "time"
    assert kind_of("the Andean grain") is None


def _meaning(option: Option, item: MultipleChoice, base: FactBase) -> str:
    """What an option shows as a meaning, read from the facts: a term's meaning or a body's
    role (asked what a term is), the meaning of the term it names (asked which term means)."""
    claim = option.claim
    if isinstance(claim, RoleRef):
        entity = base.by_id[claim.entity]
        assert isinstance(entity, Entity)
        return entity.role
    assert isinstance(claim, TermRef)
    term = base.by_id[claim.term]
    assert isinstance(term, Term)
    return term.meaning


@pytest.mark.parametrize("sweep", SWEEPS)
def test_no_term_key_is_the_only_option_of_its_kind(sweep: Sweep) -> None:
    """On every sheet, a term item whose key's meaning is of a kind known (a word, a body, a
    time, a method, …) offers at least one wrong option of that kind."""
    known = 0
    for label, base, quiz in sweep():
        for item in quiz.questions:
            if not (isinstance(item, MultipleChoice)
                    and isinstance(item.ask, TermMeaning | TermFor)):
                continue
            kinds = [kind_of(_meaning(o, item, base)) for o in item.options]
            key = kinds[item.answer]
            if key is None:
                continue
            known += 1
            wrong = [k for i, k in enumerate(kinds) if i != item.answer]
            assert key in wrong, (label, item.prompt, [o.text for o in item.options])
    assert known, "no term item of a kind known on any sheet: the rule is never exercised"


def odd_kinds(item: MultipleChoice, base: FactBase) -> list[str]:
    """The test's own reading: the kinds known of the wrong options that differ from the key's
    (the key's kind known or not: an unknown kind is none of those known)."""
    kinds = [kind_of(_meaning(o, item, base)) for o in item.options]
    key = kinds[item.answer]
    return [k for i, k in enumerate(kinds) if i != item.answer and k is not None and k != key]


@pytest.mark.parametrize("sweep", SWEEPS)
def test_no_term_item_offers_mostly_options_plainly_of_another_kind(sweep: Sweep) -> None:
    """On every sheet, no term item offers two or more wrong options plainly of another kind
    than its key (asked for a bonfire: a day, a word and a hymn), a guess among the rest."""
    terms = 0
    for label, base, quiz in sweep():
        for item in quiz.questions:
            if not (isinstance(item, MultipleChoice)
                    and isinstance(item.ask, TermMeaning | TermFor)):
                continue
            terms += 1
            odd = odd_kinds(item, base)
            assert len(odd) < 2, (label, item.prompt, [o.text for o in item.options], odd)
    assert terms, "no term item on any sheet: the rule is never exercised"
