"""Term questions offer only meanings of the term's kind: other terms' meanings, and roles of
other bodies only for a term that names an organisation or group; the flashcards stay regardless."""

from __future__ import annotations

from dataclasses import replace

from conftest import CONTENT
from factbases import make_base, org, person, reasons, run
from hypothesis import given
from shapes import group
from strategies import gen_options, load_profiles, seeds, term_bases
from term_check import assert_term_options
from test_properties import assert_sound

from quizgen.factbase.loader import load_factbase
from quizgen.factbase.model import Entity, FactBase, Term
from quizgen.generators import GENERATORS
from quizgen.generators.base import GenOptions
from quizgen.generators.term_meaning import what_is
from quizgen.oracle import check_question
from quizgen.quiz.questions import MultipleChoice, Option, Quiz, RoleRef, TermMeaning, TermRef
from quizgen.renderers.anki.notes import build_notes

load_profiles()
SEEDS = range(20)


def _role(entity: Entity, role: str) -> Entity:
    return replace(entity, role=role)


def cup() -> FactBase:
    """A cup report: a club with a nickname, its opponents, their fans, a referee system."""
    harbour = replace(org("harbour", "Harbour City"), aliases=("the Stonecutters",))
    return replace(make_base(
        _role(harbour, "football club that reached the cup final"),
        _role(org("redmoor", "Redmoor Athletic"), "football club beaten in the semi-final"),
        _role(org("rovers", "Castleford Rovers"), "the cup holders"),
        _role(group("fans", "Redmoor fans"), "supporters who travelled to the match"),
        _role(person("okonjo", "Samuel Okonjo"), "Harbour City's captain"),
    ), terms=(
        Term("stonecutters", "the Stonecutters", "Harbour City's nickname",
             excerpt="supporters call the team the Stonecutters"),
        Term("var", "VAR", "the video assistant referee",
             excerpt="VAR, the video assistant referee"),
    ))  # fmt: skip


def weather(*more: Term) -> FactBase:
    """A flood report: one weather term (and any more), and bodies with roles beside it."""
    return replace(make_base(
        _role(org("agency", "the civil protection agency"), "publishes the death toll"),
        _role(group("meteorologists", "meteorologists"), "weather scientists"),
    ), terms=(Term("cut-off-low", "a cut-off low", "a pocket of cold air",
                   excerpt="a cut-off low, a pocket of cold air"), *more))  # fmt: skip


def _meaning_of(base: FactBase, term_id: str, seed: int) -> MultipleChoice | None:
    made = run("term-meaning", base, seed).questions
    found = [q for q in made if isinstance(q, MultipleChoice) and q.ask == TermMeaning(term_id)]
    return found[0] if found else None


def test_a_nickname_of_a_club_is_offered_other_clubs_roles_never_its_own() -> None:
    """'What are the Stonecutters?' offers roles of other organisations only, never Harbour
    City's own (a second right answer) nor the fans' (a group: another kind)."""
    base = cup()
    for seed in SEEDS:
        q = _meaning_of(base, "stonecutters", seed)
        assert q is not None and q.prompt == "What are the Stonecutters?"
        roles = {o.claim.entity for o in q.options if isinstance(o.claim, RoleRef)}
        assert roles and roles <= {"redmoor", "rovers"}, q.options
        assert len(q.options) == 3
        assert_term_options(q, base)


def test_a_term_naming_no_body_with_too_few_meanings_is_skipped_saying_why() -> None:
    """'What is VAR?' beside one other term is skipped: no role is a meaning of VAR."""
    result = run("term-meaning", cup())
    assert _meaning_of(cup(), "var", 0) is None
    assert ("term var: only 1 other meaning to offer; a role of a person or body is no meaning "
            "for a term that names no body") in reasons(result)  # fmt: skip
    alone = run("term-meaning", weather())
    assert not alone.questions
    assert "term cut-off-low: no other meanings to offer" in reasons(alone)


def test_a_term_naming_no_body_with_two_others_is_a_three_option_item_of_meanings() -> None:
    """With two other terms a weather term gets three options, all meanings, no role."""
    base = weather(Term("jet", "the jet stream", "a fast wind high up", excerpt="the jet stream"),
                   Term("front", "a cold front", "the edge of a cold air mass",
                        excerpt="a cold front, the edge of a cold air mass"))  # fmt: skip
    for seed in SEEDS:
        q = _meaning_of(base, "cut-off-low", seed)
        assert q is not None and len(q.options) == 3
        assert all(isinstance(o.claim, TermRef) for o in q.options)


def test_the_oracle_refuses_the_named_bodys_role_and_a_role_for_a_bodyless_term() -> None:
    """A term question showing the named club's role has two right answers; one showing a role
    for a term that names no body offers something of another kind."""
    base = cup()
    q = _meaning_of(base, "stonecutters", 0)
    assert q is not None
    wrong = (q.answer + 1) % len(q.options)
    own = Option("football club that reached the cup final", RoleRef("harbour"))
    planted = replace(q, options=tuple(own if i == wrong else o for i, o in enumerate(q.options)))
    assert not check_question(planted, base).ok
    bodiless = weather(Term("jet", "the jet stream", "a fast wind", excerpt="the jet stream"),
                       Term("front", "a cold front", "a cold edge", excerpt="a cold front"))
    q = _meaning_of(bodiless, "cut-off-low", 0)
    assert q is not None
    wrong = (q.answer + 1) % len(q.options)
    role = Option("publishes the death toll", RoleRef("agency"))
    planted = replace(q, options=tuple(role if i == wrong else o for i, o in enumerate(q.options)))
    problems = check_question(planted, bodiless).problems
    assert any("names no organisation or group" in p for p in problems), problems


def test_term_flashcards_do_not_depend_on_the_multiple_choice() -> None:
    """The floods article's cut-off low gets no 'what is …?' item, yet its flashcard note, with a
    card each way, is in the deck."""
    base = load_factbase(CONTENT / "sarenia-ribeira-floods.yaml")
    options = GenOptions()
    questions = tuple(q for generate in GENERATORS.values()
                      for q in generate(base, seed=1, options=options).questions)  # fmt: skip
    assert not [q for q in questions if q.kind == "term-meaning"]
    _, notes = build_notes(Quiz(title="Floods", bases=(base,), questions=questions))
    (note,) = [n for n in notes if n.label == f"term {base.id}/cut-off-low"]
    assert note.fields[:2] == ("a cut-off low", base.terms[0].meaning)
    assert len(note.note_type.cards) == 2


def test_a_term_the_excerpt_shows_bare_reads_without_an_article() -> None:
    """'radial velocity' ("a technique known as radial velocity") reads 'What is radial
    velocity?'; 'lahar' ("a lahar, …") still reads 'What is a lahar?'."""
    velocity = Term("rv", "radial velocity", "a technique that measures a star's wobble",
                    excerpt="a technique known as radial velocity")
    lahar = Term("lahar", "lahar", "a flow of mud", excerpt="a lahar, a flow of mud")
    assert what_is(velocity) == "What is radial velocity?"
    assert what_is(lahar) == "What is a lahar?"
    assert what_is(replace(lahar, excerpt="")) == "What is a lahar?"


@given(base=term_bases(), seed=seeds, options=gen_options())
def test_every_term_option_is_a_meaning_of_the_terms_kind(
    base: FactBase, seed: int, options: GenOptions
) -> None:
    """On any base, each term option is another term's meaning or a role of an entity of the
    kind the term names, and never a second right answer (checked from the facts alone)."""
    generated = GENERATORS["term-meaning"](base, seed=seed, options=options)
    assert_sound("term-meaning", generated, base, options)
    for question in generated.questions:
        assert_term_options(question, base)
