"""The four generators on small hand-made fact bases: wording, options, answers, skips."""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from factbases import (
    event,
    figure,
    make_base,
    newsroom,
    org,
    people,
    person,
    quote,
    reasons,
    run,
    talk,
)
from shapes import disaster

from quizgen.errors import QuizgenError
from quizgen.factbase.numbers import quantize
from quizgen.generators import GENERATORS, get_generator
from quizgen.generators.base import Generated, GenOptions
from quizgen.quiz.questions import (
    Amount,
    EntityRef,
    FigureGiven,
    FigureHolder,
    FigureValue,
    MultipleChoice,
    SpeakerOf,
)

SEEDS = range(40)
OLD_KINDS = ("figure-choice", "who-said-it", "quote-match", "event-order")
NEWSROOM = newsroom()


def values(question: MultipleChoice) -> list[Decimal]:
    return [o.claim.value for o in question.options if isinstance(o.claim, Amount)]


def value_questions(result: Generated) -> list[MultipleChoice]:
    """The numeric figure questions: 'what was …?' and 'what figure did … give …?'."""
    return [
        q
        for q in result.questions
        if isinstance(q, MultipleChoice) and isinstance(q.ask, FigureValue | FigureGiven)
    ]


# ---- registry and options ------------------------------------------------------------------------


def test_registry_names_and_lookup() -> None:
    """The registry holds the four kinds in order; an unknown name is a QuizgenError naming them."""
    assert list(GENERATORS) == ["figure-choice", "who-said-it", "quote-match", "event-order",
                                "term-meaning", "place", "who-claimed-it", "evidence",
                                "true-false", "gap-fill"]
    assert get_generator("quote-match") is GENERATORS["quote-match"]
    with pytest.raises(QuizgenError, match="event-order") as caught:
        get_generator("word-search")
    assert "word-search" in str(caught.value)


def test_kinds_made_on_request_load_when_first_made() -> None:
    """Each kind made only on request is registered under its module's KIND and made by it;
    a build of the default kinds imports none of those modules (a fresh interpreter)."""
    import importlib
    import subprocess
    import sys

    from quizgen.generators import ON_REQUEST

    modules = {"evidence": "evidence", "true-false": "true_false", "gap-fill": "gap_fill"}
    assert set(modules) == ON_REQUEST
    base = disaster()
    for kind, name in modules.items():
        module = importlib.import_module(f"quizgen.generators.{name}")
        assert kind == module.KIND
        made = GENERATORS[kind](base, seed=3, options=GenOptions())
        assert made == module.generate(base, seed=3, options=GenOptions())
    root = Path(__file__).resolve().parent.parent
    script = (
        "import sys; from quizgen.quiz.select import build_quiz;"
        "from quizgen.factbase.loader import load_factbase;"
        f"build_quiz(load_factbase({str(root / 'content' / 'venezuela-post-election.yaml')!r}),"
        " seed=1, count=20);"
        f"print(sorted(m for m in sys.modules if m.split('.')[-1] in {sorted(modules.values())!r}))"
    )
    loaded = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            check=True, cwd=root).stdout.strip()
    assert loaded == "[]"


@pytest.mark.parametrize(
    "bad", [{"num_options": 2}, {"match_size": 6}, {"match_size": 2}, {"order_size": 7},
            {"order_size": 2}, {"limit": -1}],
)  # fmt: skip
def test_out_of_range_options_are_refused(bad: dict[str, int]) -> None:
    """Options outside their documented ranges raise QuizgenError naming the field."""
    for generate in GENERATORS.values():
        with pytest.raises(QuizgenError, match=next(iter(bad))):
            generate(NEWSROOM, seed=0, options=GenOptions(**bad))  # type: ignore[arg-type]  # a loosely typed test value or a union the test has narrowed


@pytest.mark.parametrize("kind", list(GENERATORS))
def test_limit_caps_the_questions(kind: str) -> None:
    """options.limit keeps only the first questions, in the same order as without a limit."""
    base = NEWSROOM if kind in OLD_KINDS else disaster()  # the newsroom has no terms or places
    if kind == "event-order":  # each event in one ordering of a few: twelve dated events
        base = make_base(*(event(f"e{i}", f"{2000 + i}") for i in range(12)))
    elif kind in ("evidence", "gap-fill"):  # it needs an article's text: a real base has one
        from quizgen.factbase.loader import load_factbase

        name = "rwanda.yaml" if kind == "evidence" else "starbucks.yaml"  # 3 passages
        base = load_factbase(Path(__file__).parent / "corpus" / "dev" / name)
    everything = run(kind, base).questions
    assert len(everything) >= 2
    assert run(kind, base, limit=1).questions == everything[:1]
    assert run(kind, base, limit=0).questions == ()


@pytest.mark.parametrize("kind", list(GENERATORS))
def test_empty_base_is_skipped_with_a_reason(kind: str) -> None:
    """A fact base with nothing in it gives no questions and a reason, not an exception."""
    result = run(kind, make_base())
    assert result.questions == ()
    assert result.skipped and all(s.kind == kind and s.factbase == "test" for s in result.skipped)


@pytest.mark.parametrize("kind", list(GENERATORS))
def test_ids_name_what_is_asked_not_the_seed_or_wording(kind: str) -> None:
    """Ids are the same across seeds for the same ask, and survive rewording an excerpt."""
    first = {q.id: q.ask for q in run(kind, NEWSROOM, seed=1).questions}
    reworded = replace(
        NEWSROOM,
        quotes=tuple(replace(q, excerpt=f"as reported: “{q.text}”") for q in NEWSROOM.quotes),
    )
    for q in run(kind, reworded, seed=2).questions:
        if q.id in first:
            assert first[q.id] == q.ask
    if kind in ("figure-choice", "who-said-it"):  # one question per ask: ids must match exactly
        assert {q.id for q in run(kind, reworded, seed=2).questions} == set(first)


# ---- figure-choice -------------------------------------------------------------------------------


def test_value_prompts_name_source_and_subject() -> None:
    """Value prompts read 'According to X, what was Y's measure?' or, for a count, 'how many …?'."""
    prompts = {q.prompt for q in value_questions(run("figure-choice", NEWSROOM))}
    assert (
        "According to the electoral commission, what was Nicolás Maduro's share of the vote?"
        in prompts
    )
    assert "According to NGOs, how many civilians were killed?" in prompts
    # "more than 1,000 arrests" is a bound: its value is left out (its form would give it away)
    assert not [p for p in prompts if "number of arrests" in p]


def test_disputed_quantity_names_each_source_and_hides_the_other_value() -> None:
    """González's share per the commission (44.2) and per Machado (73) are separate questions."""
    for seed in SEEDS:
        asks = {
            q.ask.given_by: q
            for q in value_questions(run("figure-choice", NEWSROOM, seed))
            if q.ask.subject == "gonzalez"
        }
        assert set(asks) == {("cne",), ("machado",)}
        assert asks[("cne",)].prompt.startswith("According to the electoral commission, ")
        assert asks[("machado",)].prompt.startswith("According to María Corina Machado, ")
        assert all(quantize(v, 0) != 73 for v in values(asks[("cne",)]))
        assert all(quantize(v, 0) != 44 for v in values(asks[("machado",)]))


@pytest.mark.parametrize("num_options", [3, 4, 5])
def test_numeric_options_ascending_distinct_and_right(num_options: int) -> None:
    """Numeric options: as many as asked (a loose figure: as many false ones as plausible, at
    least three), strictly ascending, distinct, one unit, key right."""
    for seed in SEEDS:
        for q in value_questions(run("figure-choice", NEWSROOM, seed, num_options=num_options)):
            vals = values(q)
            made = len(q.options)
            assert made == num_options or (isinstance(q.ask, FigureGiven) and made >= 3)
            assert vals == sorted(vals) and len(set(vals)) == made
            assert len({o.text for o in q.options}) == made
            assert len({o.claim.unit for o in q.options if isinstance(o.claim, Amount)}) == 1
            shown = {f.id: f for f in NEWSROOM.figures}
            facts = [f for f in shown.values() if f.measure == q.ask.measure
                     and f.subject == q.ask.subject and f.given_by == q.ask.given_by]  # fmt: skip
            assert vals[q.answer] == facts[0].value


def test_percent_options_stay_within_bounds_and_rank_adapts() -> None:
    """A 100% answer can only rank last; a 0.4% answer keeps distractors at or above 0."""
    base = make_base(
        *people("a", "b"),
        figure("f-full", "share of the vote", "100", "percent", "a", subject="b"),
        figure("f-tiny", "turnout", "0.4", "percent", "a"),
    )
    ranks: Counter[int] = Counter()
    for seed in SEEDS:
        for q in value_questions(run("figure-choice", base, seed)):
            assert all(0 <= v <= 100 for v in values(q))
            if q.ask.measure == "share of the vote":
                assert q.answer == len(q.options) - 1
            else:
                ranks[q.answer] += 1
    assert set(ranks) == {0, 1, 2, 3}, "a value near 0 still leaves room below it"


def test_a_count_of_zero_is_not_asked() -> None:
    """A count of zero is not asked (its distractors could only lie above it, so the answer
    would always rank first), and the skip report says why."""
    base = make_base(person("a"), figure("f", "number of strikes", "0", "strikes", "a"))
    for seed in SEEDS:
        result = run("figure-choice", base, seed)
        assert not value_questions(result)
        assert "figure of zero" in reasons(result)


def test_years_are_plain_and_near() -> None:
    """Year options print without separators, stay within ten years of the answer, and are
    never one year apart (2012 beside 2013 tests nothing worth knowing)."""
    for seed in SEEDS:
        made = value_questions(run("figure-choice", NEWSROOM, seed))
        (q,) = [q for q in made if q.ask.measure == "first year in power"]
        assert all(o.text.isdigit() and len(o.text) == 4 for o in q.options)
        assert all(abs(v - values(q)[q.answer]) <= 10 for v in values(q))
        assert all(b - a >= 2 for a, b in zip(values(q), values(q)[1:], strict=False))


def test_distractors_come_from_the_group_when_it_has_enough() -> None:
    """With comparable values on both sides, every distractor is another real value of the
    group, among those within a factor of four of the answer (5.1% is no option beside 41.7%)."""
    shares = ["5.1", "12.3", "20.4", "28.8", "35.0", "41.7", "50.2", "58.6", "66.9", "75.3"]
    cast = people(*(f"p{i}" for i in range(10)), "ec")
    figs = [figure(f"s{i}", "share of the vote", v, "percent", "ec", subject=f"p{i}", group="g")
            for i, v in enumerate(shares)]  # fmt: skip
    base = make_base(*cast, *figs)
    real = {Decimal(v) for v in shares}
    for seed in SEEDS:
        for q in value_questions(run("figure-choice", base, seed)):
            vals = values(q)
            answer = vals[q.answer]
            below, above = vals[: q.answer], vals[q.answer + 1 :]
            # each side uses as many real values as it needs and the group has on that side
            near = {v for v in real if answer / 4 <= v <= answer * 4}
            assert len(near & set(below)) == min(len(below), len([v for v in near if v < answer]))
            assert len(near & set(above)) == min(len(above), len([v for v in near if v > answer]))
        inner = [q for q in value_questions(run("figure-choice", base, 0)) if q.ask.subject == "p5"]
        assert set(values(inner[0])) <= real


def test_small_counts_only_lose_the_ranks_their_bound_forbids() -> None:
    """A count of 2 has only 1 below it (never 0 visits), so it ranks 0 or 1 — both seen."""
    base = make_base(person("a"), figure("f", "number of visits", "2", "visits", "a"))
    ranks = set()
    for seed in SEEDS:
        (q,) = value_questions(run("figure-choice", base, seed))
        assert min(values(q)) >= 1
        ranks.add(q.answer)
    assert ranks == {0, 1}


def test_made_up_distractors_are_clearly_apart() -> None:
    """A lone figure gets distractors at round steps: neighbours differ by at least 5% of it."""
    base = make_base(person("a"), figure("f", "arrests", "1200", "arrests", "a"))
    for seed in SEEDS:
        (q,) = value_questions(run("figure-choice", base, seed))
        vals = values(q)
        assert all(b - a >= 60 for a, b in itertools.pairwise(vals))


def test_equal_quantity_from_the_same_source_twice_gives_one_question_hiding_both() -> None:
    """Two figures for one quantity and source make one question that shows neither other value."""
    base = make_base(
        *people("a", "b"),
        figure("f1", "death toll", "16", "deaths", "a", subject="b"),
        figure("f2", "death toll", "20", "deaths", "a", subject="b"),
    )
    for seed in SEEDS:
        qs = value_questions(run("figure-choice", base, seed))
        assert len(qs) == 1
        assert values(qs[0]).count(Decimal(16)) + values(qs[0]).count(Decimal(20)) == 1


def test_holder_question_offers_people_and_one_holder() -> None:
    """'Whose share was 51.2%?' offers people only, not the source, with Maduro the one answer,
    among others the commission gives a share of the vote (anyone else's share is unknown)."""
    base = replace(NEWSROOM, figures=(
        *NEWSROOM.figures,
        figure("f-petro", "share of the vote", "2.1", "percent", "cne", subject="petro"),
        figure("f-borrell", "share of the vote", "1.3", "percent", "cne", subject="borrell"),
    ))
    for seed in SEEDS:
        result = run("figure-choice", base, seed)
        holders = [q for q in result.questions if isinstance(q.ask, FigureHolder)]
        maduro = next(q for q in holders if q.ask.amount.value == Decimal("51.2"))
        assert (
            maduro.prompt
            == "According to the electoral commission, whose share of the vote was 51.2%?"
        )
        ids = [o.claim.entity for o in maduro.options if isinstance(o.claim, EntityRef)]
        assert ids[maduro.answer] == "maduro" and len(ids) == 4
        assert all(base.entity(i).kind == "person" for i in ids)
        assert "cne" not in ids


def test_holder_skipped_when_no_one_else_has_the_measure() -> None:
    """With no other holder of the measure, 'whose…' is skipped: it would be answered by kind."""
    base = make_base(
        *people("a", "b", "c", "d", "e"),
        figure("f", "share of the vote", "40", "percent", "a", subject="b"),
    )
    result = run("figure-choice", base)
    assert not [q for q in result.questions if isinstance(q.ask, FigureHolder)]
    assert "no other person has a figure for share of the vote" in reasons(result)
    assert len(value_questions(result)) == 1


def test_holder_with_too_few_of_the_kind_makes_three_options_or_skips() -> None:
    """Two other holders make a 3-option 'whose…'; one other person alone makes none."""
    figs = [figure(f"f{p}", "share of the vote", v, "percent", "ec", subject=p)
            for p, v in (("a", "40"), ("b", "30"), ("c", "20"))]  # fmt: skip
    base = make_base(*people("a", "b", "c"), org("ec"), *figs)
    holders = [q for q in run("figure-choice", base).questions if isinstance(q.ask, FigureHolder)]
    assert holders and all(len(q.options) == 3 for q in holders)
    small = make_base(*people("a", "b"), org("ec"), *figs[:2])
    result = run("figure-choice", small)
    assert not [q for q in result.questions if isinstance(q.ask, FigureHolder)]
    assert "figure-choice needs 3" in reasons(result) or "only 2 people" in reasons(result)


@pytest.mark.parametrize(
    ("fig", "reason"),
    [(figure("f", "share", "NaN", "percent", "a"), "not a number"),
     (figure("f", "share", "10", "percent", "a", subject="ghost"), "'ghost' is not a known entity"),
     (figure("f", "share", "10", "percent", "ghost"), "source 'ghost'"),
     (figure("f", "  ", "10", "percent", "a"), "no measure")],
)  # fmt: skip
def test_unusable_figures_are_skipped(fig: object, reason: str) -> None:
    """Bad figures (not a number, unknown subject or source, no measure) are skipped with why."""
    result = run("figure-choice", make_base(*people("a", "b", "c", "d"), fig))  # type: ignore[arg-type]  # a loosely typed test value or a union the test has narrowed
    assert result.questions == () and reason in reasons(result)


def test_figure_question_metadata() -> None:
    """Explanation is the figure's excerpt; tags are its tags; people its subject and sources."""
    q = next(
        q for q in value_questions(run("figure-choice", NEWSROOM)) if q.ask.subject == "maduro"
    )
    assert q.explanation == ("excerpt for f-maduro",)
    assert q.tags == ("election",)
    assert q.people == ("cne", "maduro")


# ---- who-said-it ---------------------------------------------------------------------------------


def speaker_options(q: MultipleChoice) -> list[str]:
    return [o.claim.entity for o in q.options if isinstance(o.claim, EntityRef)]


def test_who_said_it_prompt_and_one_true_speaker() -> None:
    """'Who said: “…”?' with four people, exactly one of whom said it; fragments are skipped."""
    said = {q.id: set(q.speakers) for q in NEWSROOM.quotes}
    # "73% of the votes", a figure and its noun, is a phrase and no saying to attribute
    worth = [q for q in NEWSROOM.quotes if len(q.text.split()) >= 3 and q.id != "q-73"]
    for seed in SEEDS:
        result = run("who-said-it", NEWSROOM, seed)
        assert len(result.questions) == len(worth) < len(NEWSROOM.quotes)
        assert "fewer than 3 words" in reasons(result)
        for q in result.questions:
            assert isinstance(q, MultipleChoice) and isinstance(q.ask, SpeakerOf)
            text = next(x.text for x in NEWSROOM.quotes if x.id == q.ask.quote)
            assert q.prompt == f"Who said: “{text}”?"
            ids = speaker_options(q)
            assert len(ids) == 4 and len(set(ids)) == 4
            assert [i in said[q.ask.quote] for i in ids].count(True) == 1
            assert ids[q.answer] in said[q.ask.quote]


def test_who_said_it_uses_the_context() -> None:
    """A quote's context goes into the prompt."""
    base = make_base(*people("a", "b", "c", "d"), quote("q", "Hello to you all.", "a",
                                                       context="at a rally"), *talk("b", "c", "d"))
    q = next(q for q in run("who-said-it", base).questions if q.ask == SpeakerOf("q"))
    assert q.prompt == "Who said, at a rally: “Hello to you all.”?"


def test_two_speakers_and_shared_text_count_as_one_passage() -> None:
    """Words said by a and b (one quote) and by c (other spacing) offer just one of the three."""
    base = make_base(
        *people("a", "b", "c", "d", "e", "g"),
        quote("q1", "We won  the vote.", "a", "b"),
        quote("q2", "We won the vote.", "c"),
        *talk("d", "e", "g"),
    )
    for seed in SEEDS:
        result = run("who-said-it", base, seed)
        (q,) = [q for q in result.questions if q.ask == SpeakerOf("q1")]
        ids = speaker_options(q)  # type: ignore[arg-type]  # a loosely typed test value or a union the test has narrowed
        assert len({"a", "b", "c"} & set(ids)) == 1 and ids[q.answer] in "ab"


def test_distractors_are_of_the_speakers_kind_and_speak_or_act() -> None:
    """Distractors are of the speaker's kind, quoted people first, then people in events; people
    who do nothing in the article and entities of another kind are never offered."""
    base = make_base(
        *people("a", "b", "c", "d", "x1", "x2", "x3", "x4", "x5", "e1"),
        org("o1"), org("o2"), org("o3"),
        *talk("a", "b", "c", "o1", "o2", "o3"),
        event("ev", people=("e1", "x5"), description="E1 signed the decree"),
    )  # fmt: skip
    for seed in SEEDS:
        for q in run("who-said-it", base, seed).questions:
            ids = speaker_options(q)  # type: ignore[arg-type]  # a loosely typed test value or a union the test has narrowed
            if ids[q.answer].startswith("o"):  # type: ignore[union-attr]  # the test knows which kind of question or claim this is
                assert set(ids) == {"o1", "o2", "o3"}  # three organisations: a 3-option item
            else:
                # quoted people, then one who acts (named doing it); x5 is listed but does nothing
                assert set(ids) == {"a", "b", "c", "e1"}


def test_who_said_it_makes_three_options_or_skips_when_too_few_people() -> None:
    """Three people who speak make 3-option items; with two, the item is skipped with the count."""
    base = make_base(*people("a", "b", "c"), *talk("a", "b", "c"))
    result = run("who-said-it", base)
    assert len(result.questions) == 3 and all(len(q.options) == 3 for q in result.questions)  # type: ignore[union-attr]  # the test knows which kind of question or claim this is
    two = run("who-said-it", make_base(*people("a", "b", "c"), *talk("a", "b")))
    assert two.questions == ()
    assert "only 1 other person to offer" in reasons(two)


def test_who_said_it_skips_unknown_speakers_and_namesakes() -> None:
    """A quote by no known entity is skipped; a namesake of the speaker is never a distractor."""
    base = make_base(
        *people("a", "b", "c", "d"),
        person("a2", "A"),
        quote("q-ghost", "Boo to you all.", "ghost"),
        quote("q-a", "Hello to you all.", "a"),
        *talk("b", "c", "d", "a2"),
    )
    result = run("who-said-it", base)
    assert "no speaker who is a known entity" in reasons(result)
    for seed in SEEDS:
        (q,) = [q for q in run("who-said-it", base, seed).questions if q.ask == SpeakerOf("q-a")]
        assert "a2" not in speaker_options(q)  # type: ignore[arg-type]  # a loosely typed test value or a union the test has narrowed


def test_who_said_it_positions_spread() -> None:
    """Across seeds the speaker appears at every position."""
    positions = Counter(
        q.answer for seed in SEEDS for q in run("who-said-it", NEWSROOM, seed).questions
    )
    assert set(positions) == {0, 1, 2, 3}
    assert min(positions.values()) > len(SEEDS)  # 8 quotes × 40 seeds / 4 ≈ 80 each


# ---- the bundled article -------------------------------------------------------------------------

# event-order is left out: the article's events are one story's (all but two dated only within
# 2024 or by before/after), so common sense orders them (see the test below); who-said-it asks
# only the passages that read as sayings: the article's other quotes are labels and noun phrases
# ("blood on their hands", "David against Goliath"), fragments no speaker is known by (issue 18),
# and a matching needs four sayings of four people
MINIMUM = {"figure-choice": 10, "who-said-it": 6, "quote-match": 4}


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_bundled_article_gives_the_minimum_counts(
    seed: int, request: pytest.FixtureRequest
) -> None:
    """The article's fact base yields at least 10/6/4 questions per kind, all oracle-proved."""
    if not request.getfixturevalue("article_path").exists():
        pytest.skip("the bundled fact base is not there yet")
    base = request.getfixturevalue("article_base")
    for kind, least in MINIMUM.items():
        result = run(kind, base, seed)
        assert len(result.questions) >= least, (kind, reasons(result))


def test_the_bundled_articles_story_is_not_asked_in_order(request: pytest.FixtureRequest) -> None:
    """The article's events, dated in different years only twice, make no ordering: the skip
    says common sense orders them (one story's steps, not dated in different years)."""
    if not request.getfixturevalue("article_path").exists():
        pytest.skip("the bundled fact base is not there yet")
    result = run("event-order", request.getfixturevalue("article_base"), 1)
    assert result.questions == ()
    assert "not dated in different years" in reasons(result)


def test_a_quote_about_one_of_its_speakers_is_not_asked() -> None:
    """A quote by two speakers about an entry that is one of them under another name is skipped."""
    base = make_base(
        replace(person("ana", "Ana Ruiz"), same_as=("ruiz",)),
        person("ruiz", "Minister Ruiz"),
        person("ben"),
        person("cleo"),
        person("dan"),
        person("eve"),
        replace(quote("q1", "She promised it and did it.", "ben", "ruiz"), about=("ana",)),
        *talk("cleo", "dan", "eve"),
    )
    for seed in range(10):  # the key is drawn from both speakers
        result = run("who-said-it", base, seed=seed)
        assert not [q for q in result.questions if "She promised" in q.prompt], seed
        assert "about its own speaker" in reasons(result)
