"""Item quality on fact bases of other shapes: distractor kinds, speaks_for, fragments, quote
targets, matchings with a repeated speaker, faithful reading, and the oracle's checks of them."""

from __future__ import annotations

from dataclasses import replace

import pytest
from conftest import CONTENT
from factbases import figure, make_base, person, quote, reasons, run, talk
from shapes import SHAPES, announcement, country, disaster, protest

from quizgen.errors import QuizgenError
from quizgen.factbase.loader import load_factbase, load_text
from quizgen.factbase.model import FactBase, ReportedClaim
from quizgen.factbase.pronouns import pronoun_warnings
from quizgen.generators import GENERATORS
from quizgen.oracle import check_question
from quizgen.quiz.questions import (
    EntityRef,
    Matching,
    MatchSpeakers,
    MultipleChoice,
    Option,
    SpeakerOf,
)

SEEDS = range(20)


def offered(q: MultipleChoice) -> list[str]:
    return [o.claim.entity for o in q.options if isinstance(o.claim, EntityRef)]


def kind_of(base: FactBase, entity_id: str) -> str:
    return next(e.kind for e in base.entities if e.id == entity_id)


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_every_generator_is_sound_on_every_shape(shape: str) -> None:
    """Every kind on every shape, seeds 0–19: each item passes the oracle (run checks it)."""
    base = SHAPES[shape]()
    for kind in GENERATORS:
        for seed in SEEDS:
            result = run(kind, base, seed)
            assert result.questions or result.skipped


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_who_said_it_offers_only_the_speakers_kind(shape: str) -> None:
    """People for people, organisations for organisations, groups for groups."""
    base = SHAPES[shape]()
    for seed in SEEDS:
        for q in run("who-said-it", base, seed).questions:
            assert isinstance(q, MultipleChoice)
            kinds = {kind_of(base, e) for e in offered(q)}
            assert len(kinds) == 1, (q.prompt, offered(q))


def test_a_spokesman_and_his_body_are_never_offered_together() -> None:
    """Neither as who-said-it options nor on the right of a matching."""
    base = protest()
    for seed in SEEDS:
        for kind in ("who-said-it", "quote-match"):
            for q in run(kind, base, seed).questions:
                shown = (
                    offered(q)
                    if isinstance(q, MultipleChoice)
                    else [o.claim.entity for o in q.right if isinstance(o.claim, EntityRef)]  # type: ignore[union-attr]  # the test knows which kind of question or claim this is
                )
                assert not {"spokesman", "coalition"} <= set(shown)


def test_the_oracle_takes_a_spokesman_and_his_body_as_both_correct() -> None:
    """Offering the coalition beside its spokesman for the spokesman's words: two true options."""
    base = replace(protest(), entities=(*protest().entities,))
    (q,) = [q for q in run("who-said-it", base, 0, num_options=3).questions
            if q.ask == SpeakerOf("s1")]  # fmt: skip
    assert isinstance(q, MultipleChoice)
    wrong = next(i for i in range(len(q.options)) if i != q.answer)
    options = list(q.options)
    options[wrong] = Option("the Stop the War Coalition", EntityRef("coalition"))
    verdict = check_question(replace(q, options=tuple(options)), base)
    assert not verdict.ok and any("all true" in p for p in verdict.problems)


def test_an_alias_of_the_speaker_shown_as_another_entity_is_refused() -> None:
    """An option whose text is the speaker's alias counts as the speaker, whatever it claims."""
    base = make_base(
        replace(person("almagro", "Luis Almagro"), aliases=("the Secretary General",)),
        person("sg", "the Secretary General"), *[person(p) for p in ("b", "c")],
        quote("q", "It is time to act now.", "almagro"), *talk("sg", "b", "c"),
    )  # fmt: skip
    for q in run("who-said-it", base).questions:
        assert isinstance(q, MultipleChoice)
        if q.ask == SpeakerOf("q"):
            assert "sg" not in offered(q)
            planted = replace(q, options=(*q.options[:-1], Option("the Secretary General",
                                                                    EntityRef("sg"))))  # fmt: skip
            if q.answer != len(q.options) - 1:
                assert not check_question(planted, base).ok


def test_the_quotes_target_is_never_offered() -> None:
    """'Rishi Sunak must listen…': Sunak is what the words are about, never their speaker; the
    oracle refuses him as an option."""
    base = protest()
    for seed in SEEDS:
        for q in run("who-said-it", base, seed).questions:
            assert isinstance(q, MultipleChoice)
            if q.ask == SpeakerOf("p1"):
                assert "pm" not in offered(q)
    (q,) = [q for q in run("who-said-it", base).questions if q.ask == SpeakerOf("p1")]
    assert isinstance(q, MultipleChoice)
    wrong = next(i for i in range(len(q.options)) if i != q.answer)
    options = list(q.options)
    options[wrong] = Option("Rishi Sunak", EntityRef("pm"))
    verdict = check_question(replace(q, options=tuple(options)), base)
    assert any("what the words are about" in p for p in verdict.problems)


def test_fragments_and_non_distinctive_quotes_are_never_asked() -> None:
    """'reckless' (one word) and a quote marked distinctive: false make no item of either kind."""
    base = announcement()
    for seed in SEEDS:
        for kind in ("who-said-it", "quote-match"):
            result = run(kind, base, seed)
            for q in result.questions:
                quotes = (
                    [q.ask.quote]  # type: ignore[union-attr]  # the test knows which kind of question or claim this is
                    if isinstance(q, MultipleChoice)
                    else [o.claim.quote for o in q.left]  # type: ignore[union-attr]  # the test knows which kind of question or claim this is
                )
                assert not {"frag", "nd"} & set(quotes)
        assert "distinctive: false" in reasons(run("who-said-it", base, seed))


def test_the_oracle_refuses_a_fragment_asked() -> None:
    """A who-said-it on a two-word quote is refused, whatever its options."""
    base = make_base(*[person(p) for p in "abcd"], quote("q", "16 murders", "a"),
                     *talk("a", "b", "c", "d"))  # fmt: skip
    (q,) = run("who-said-it", base, num_options=3).questions[:1]
    assert isinstance(q, MultipleChoice)
    planted = replace(q, ask=SpeakerOf("q"), prompt="Who said: “16 murders”?",
                      explanation=("said “16 murders”",))  # fmt: skip
    assert any("word(s)" in p for p in check_question(planted, base).problems)


def test_two_speakers_get_matchings_with_a_repeated_speaker() -> None:
    """The announcement (two speakers) gets quote-match items: 3–4 quotes, 2 speakers."""
    base = announcement()
    for seed in SEEDS:
        questions = run("quote-match", base, seed).questions
        assert questions
        for q in questions:
            assert isinstance(q, Matching) and q.ask == MatchSpeakers(repeats=True)
            assert len(q.right) == 2 < len(q.left)


def test_the_oracle_proves_a_repeated_speaker_matching() -> None:
    """A swapped key, a missing 'more than once' or an unused speaker is refused."""
    base = announcement()
    (q, *_) = run("quote-match", base, 3).questions
    assert isinstance(q, Matching)
    assert check_question(q, base).ok
    (i, j), *rest = q.answer
    swapped = replace(q, answer=((i, 1 - j), *rest))
    assert not check_question(swapped, base).ok
    assert not check_question(replace(q, prompt="Match each quote to its speaker."), base).ok
    one = replace(q, right=q.right[:1], answer=tuple((n, 0) for n, _ in q.answer))
    assert not check_question(one, base).ok


def test_a_question_does_not_assert_more_than_its_excerpt() -> None:
    """'Machado claimed she received 73%' held as González's share: not asked, and the oracle
    refuses the question that would say 'According to Machado, González's share was 73%'."""
    cast = [replace(person("machado", "María Corina Machado"), aliases=("Machado",)),
            person("gonzalez", "González Urrutia"),
            person("maduro", "Nicolás Maduro"), person("cne", "the commission")]  # fmt: skip
    claimed = replace(figure("f73", "share of the vote", "73", "percent", "machado",
                             subject="gonzalez"),
                      excerpt="Machado claimed she received “73% of the votes”")  # fmt: skip
    honest = replace(figure("f44", "share of the vote", "44.2", "percent", "cne",
                            subject="gonzalez"), excerpt="44.2% for González Urrutia")  # fmt: skip
    base = make_base(*cast, claimed, honest)
    result = run("figure-choice", base)
    assert "does not name González Urrutia" in reasons(result)
    (q,) = [q for q in result.questions if getattr(q.ask, "subject", None) == "gonzalez"]
    planted = replace(q, ask=replace(q.ask, given_by=("machado",)),  # type: ignore[type-var]  # the test knows which kind of question or claim this is
                      explanation=("Machado claimed she received “73% of the votes”",))
    assert any("does not name 'gonzalez'" in p for p in check_question(planted, base).problems)


def test_a_country_quote_is_offered_among_countries_only() -> None:
    """'The results must be complete and detailed' by the United States (a saying, not a
    fragment): countries only, never a person."""
    base = make_base(
        country("us", "the United States"), country("pe", "Peru"), country("co", "Colombia"),
        person("maduro", "Nicolás Maduro"), person("almagro", "Luis Almagro"),
        quote("q", "The results must be complete and detailed.", "us"),
        *talk("pe", "co", "maduro", "almagro"),
    )  # fmt: skip
    for seed in SEEDS:
        (q,) = [q for q in run("who-said-it", base, seed).questions if q.ask == SpeakerOf("q")]
        assert set(offered(q)) == {"us", "pe", "co"}  # type: ignore[arg-type]  # a loosely typed test value or a union the test has narrowed


def test_disaster_gets_claims_terms_and_places() -> None:
    """The disaster report makes who-claimed-it, term-meaning (both ways) and place items."""
    base = disaster()
    for kind in ("who-claimed-it", "term-meaning", "place"):
        assert run(kind, base).questions, (kind, reasons(run(kind, base)))
    prompts = {q.prompt for q in run("who-claimed-it", base).questions}
    assert "Who said that 97 people had died in the floods?" in prompts
    terms = {q.prompt for q in run("term-meaning", base).questions}
    assert {"What is Matariki?", "Which term means the Māori New Year?"} <= terms
    places = {q.prompt for q in run("place", base).questions}
    assert "Where did this happen: the barrier gave way?" in places
    assert "What is a lahar?" in terms
    # "the dam broke" would say a word of its answer, the Tura dam: not asked
    dam = replace(base.events[0], description="The dam broke")
    told = run("place", replace(base, events=(dam, *base.events[1:])))
    assert "Where did this happen: the dam broke?" not in {q.prompt for q in told.questions}
    assert "which points at the Tura dam: a giveaway" in reasons(told)


def test_terms_make_flashcards_both_ways_and_groups_read_who_are() -> None:
    """A term gives 'What is Matariki?' → meaning and 'Which term means …?' → the term; a
    group reads 'Who are the NGOs?', never 'What is NGOs?'."""
    from quizgen.factbase.model import Entity
    from quizgen.renderers.anki.facts import fact_notes, who_is
    from quizgen.renderers.anki.note_types import TYPES

    notes = {(fact_id, kind.name, fields[0], fields[1])
             for fact_id, kind, fields, _ in fact_notes(disaster())}
    # one note, two sibling cards: term → meaning and meaning → term
    assert ("matariki", TYPES["term"].name, "Matariki", "the Māori New Year") in notes
    assert len(TYPES["term"].cards) == 2
    assert who_is(Entity("n", "NGOs", "r", kind="organisation")) == "Who are the NGOs?"
    forces = Entity("s", "security forces", "r", kind="group")
    assert who_is(forces) == "Who are the security forces?"
    assert who_is(Entity("g", "the G7", "r", kind="group")) == "What is the G7?"


def test_stats_shows_the_prompt_each_figure_gets() -> None:
    """`quizgen stats` lists each figure's prompts, and why a question is not asked."""
    from typer.testing import CliRunner

    from quizgen.cli import app
    from quizgen.generators.figure_choice import figure_prompts

    shown = dict(figure_prompts(disaster()))
    assert shown["f-ministry"][0] == "According to the Health Ministry, what was the death toll?"
    result = CliRunner().invoke(app, ["stats", "content/venezuela-post-election.yaml"],
                                terminal_width=200)  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Prompts each figure will get" in result.output
    flat = " ".join(result.output.translate({ord(c): " " for c in "│┃"}).split())  # cells unwrapped
    assert "cne-maduro-share" in flat and "would be answered by kind" in flat


def test_a_place_named_in_the_prompt_is_not_asked() -> None:
    """'Volunteers handed out solkaka outside the Culture Ministry': where? is a giveaway; the
    oracle refuses a 'where …?' whose prompt names the answer."""
    base = disaster()
    named = replace(base.events[-1], description="Aid arrived by ship at Puerto Alto")
    base = replace(base, events=(*base.events[:-1], named))
    result = run("place", base)
    assert "a giveaway" in reasons(result)
    (q,) = [q for q in run("place", disaster()).questions if q.ask.fact == "aid-arrives"]  # type: ignore[union-attr]  # the test knows which kind of question or claim this is
    planted = replace(q, prompt="Where did this happen: aid arrived by ship at Puerto Alto?")
    assert any("names the answer" in p for p in check_question(planted, base).problems)


def _pronoun_base(*, known: bool) -> FactBase:
    """Three women and three men who speak; one claim calls its claimant 'her'."""
    people = [("ana", "she"), ("bea", "she"), ("cleo", "she"), ("carl", "he"), ("dan", "he"),
              ("eli", "he")]
    claim = ReportedClaim("c", ("ana",), "her members were working longer shifts",
                          excerpt="Ana said her members were working longer shifts")
    return replace(
        make_base(*(replace(person(p), pronoun=pr if known else None) for p, pr in people),
                  *talk(*(p for p, _ in people))),
        claims=(claim,),
    )


def test_words_saying_her_offer_only_people_known_as_she() -> None:
    """'Who said that her members …?' never offers a man: the word would pick out the answer."""
    base = _pronoun_base(known=True)
    for seed in SEEDS:
        result = run("who-claimed-it", base, seed)
        (q,) = result.questions
        assert isinstance(q, MultipleChoice)
        assert set(offered(q)) == {"ana", "bea", "cleo"}, q.options


def test_words_saying_her_without_known_pronouns_are_skipped_with_a_reason() -> None:
    """With nobody's pronoun given, the item is skipped and validate's warning says what to add."""
    base = _pronoun_base(known=False)
    result = run("who-claimed-it", base, 1)
    assert not result.questions
    assert "no other women to offer" in reasons(result), reasons(result)
    (warning,) = pronoun_warnings(base)
    assert "claim c" in warning and "ana" in warning and "pronoun" in warning


def test_about_one_who_said_the_words_is_a_located_error() -> None:
    """`about:` naming a speaker of the quote is refused with the file, line, field and id."""
    text = """id: t
source: {title: "T", about: "x"}
people:
  - {id: ann, name: "Ann", role: "r", excerpt: "Ann"}
  - {id: bob, name: "Bob", role: "r", excerpt: "Bob"}
quotes:
  - id: q
    text: "we will not work until it drops"
    speakers: [ann]
    about: [bob, ann]
    excerpt: "we will not work until it drops"
figures: []
events: []
"""
    with pytest.raises(QuizgenError) as caught:
        load_text(text, filename="t.yaml")
    (problem,) = caught.value.problems
    shown = str(problem)
    assert "t.yaml:10" in shown and "quotes[0].about[1]" in shown and "ann" in shown, shown


def test_whom_the_protest_is_against_is_never_offered_for_the_protesters_words() -> None:
    """On the protest article, Hallan is never offered for words whose `about` names him."""
    base = load_factbase(CONTENT / "calderia-pension-protest.yaml")
    aimed = {q.id for q in base.quotes if "hallan" in q.about}
    assert aimed
    seen = 0
    for seed in range(1, 21):
        for q in run("who-said-it", base, seed).questions:
            assert isinstance(q, MultipleChoice) and isinstance(q.ask, SpeakerOf)
            if q.ask.quote in aimed:
                seen += 1
                assert "hallan" not in offered(q), q.prompt
    assert seen
