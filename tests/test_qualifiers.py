"""Every figure qualifier round-trips: fact base → prompt → options → oracle; a wrong reading of
it ("under 200,000" for "up to 200,000") is refused, in the text or in the claim."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from factbases import figure, make_base, org, person, run

from quizgen.factbase.model import Qualifier
from quizgen.factbase.numbers import format_amount
from quizgen.oracle import check_question
from quizgen.quiz.questions import Amount, FigureGiven, FigureValue, MultipleChoice, Option

QUALIFIERS: tuple[Qualifier, ...] = (
    "exact", "about", "nearly", "at least", "at most", "up to", "more than", "fewer than",
)  # fmt: skip
# how each qualifier reads on the correct option, and a wrong reading a student could be shown
READS = {
    "exact": ("200,000 people", "about 200,000 people"),
    "about": ("about 200,000 people", "200,000 people"),
    "nearly": ("nearly 200,000 people", "about 200,000 people"),
    "at least": ("at least 200,000 people", "more than 200,000 people"),
    "at most": ("at most 200,000 people", "fewer than 200,000 people"),
    "up to": ("up to 200,000 people", "under 200,000 people"),
    "more than": ("more than 200,000 people", "over 200,000 people"),
    "fewer than": ("fewer than 200,000 people", "at most 200,000 people"),
}
OTHER = {"exact": "about", "about": "nearly", "nearly": "about", "at least": "more than",
         "at most": "up to", "up to": "at most", "more than": "at least",
         "fewer than": "at most"}  # fmt: skip


def base_with(**fields: object) -> object:
    """A small base whose one figure, given by the UN, has these fields."""
    fig = replace(figure("f", "number of people displaced", "200000", "people", "un"), **fields)  # type: ignore[arg-type]  # a loosely typed test value or a union the test has narrowed
    return make_base(org("un", "the United Nations"), person("a"), fig)


def the_question(base: object) -> MultipleChoice:
    (q,) = run("figure-choice", base).questions  # type: ignore[arg-type]  # a loosely typed test value or a union the test has narrowed
    assert isinstance(q, MultipleChoice)
    return q


ONE_SIDED = ("at least", "at most", "up to", "more than", "fewer than")


def bound_question(base: object, qualifier: Qualifier) -> MultipleChoice:
    """A bound ("more than 200,000") is left out of figure-choice (its form would give it away):
    the question a teacher could still write by hand, exact values on the side it rules out."""
    made = run("figure-choice", base)  # type: ignore[arg-type]  # a loosely typed test value or a union the test has narrowed
    assert not made.questions and any(qualifier in s.reason for s in made.skipped), made.skipped
    q = the_question(base_with())
    sign = -1 if qualifier in ("at least", "more than") else 1
    values = [Decimal(200000 + sign * k * 50000) for k in (3, 2, 1)]
    claims = [Amount(v, "people", 0, "exact") for v in sorted(values)]
    key = Amount(Decimal(200000), "people", 0, qualifier)
    claims = [*claims, key] if sign < 0 else [key, *claims]
    ask = FigureGiven(measure=q.ask.measure, subject=None, given_by=("un",))  # type: ignore[union-attr]  # a figure's value question
    options = tuple(Option(format_amount(c), c) for c in claims)
    return replace(q, ask=ask, options=options, answer=claims.index(key))


@pytest.mark.parametrize("qualifier", QUALIFIERS)
def test_each_qualifier_round_trips_and_a_wrong_reading_is_refused(qualifier: Qualifier) -> None:
    """The key reads as the fact base says; another wording or another qualifier is refused."""
    base = base_with(qualifier=qualifier)
    q = bound_question(base, qualifier) if qualifier in ONE_SIDED else the_question(base)
    right, wrong = READS[qualifier]
    assert q.options[q.answer].text == right
    assert isinstance(q.ask, FigureValue if qualifier == "exact" else FigureGiven)
    claims = [o.claim for o in q.options]
    assert all(isinstance(c, Amount) for c in claims)
    if qualifier in ("exact", "about", "nearly"):
        assert all(c.qualifier == qualifier for c in claims)  # type: ignore[union-attr]  # all amounts, checked above
    else:  # one-sided: exact values on the side it rules out, the farthest read as a bound
        others = [c for i, c in enumerate(claims) if i != q.answer]
        assert {c.qualifier for c in others[1:-1]} <= {"exact"}, claims  # type: ignore[union-attr]  # all amounts, checked above
    assert check_question(q, base).ok  # type: ignore[arg-type]  # a loosely typed test value or a union the test has narrowed
    options = list(q.options)
    options[q.answer] = Option(wrong, options[q.answer].claim)
    misread = check_question(replace(q, options=tuple(options)), base)  # type: ignore[arg-type]  # a loosely typed test value or a union the test has narrowed
    assert not misread.ok and any("text" in p for p in misread.problems), misread.problems
    claim = replace(q.options[q.answer].claim, qualifier=OTHER[qualifier])  # type: ignore[type-var]  # the test knows which kind of question or claim this is
    options[q.answer] = Option(format_amount(claim), claim)
    assert not check_question(replace(q, options=tuple(options)), base).ok  # type: ignore[arg-type]  # a loosely typed test value or a union the test has narrowed


@pytest.mark.parametrize(("qualifier", "right", "wrong"), [
    ("exact", "between 40 and 60 millimetres", "between 40 and 61 millimetres"),
    ("about", "about 40 to 60 millimetres", "between 40 and 60 millimetres"),
])  # fmt: skip
def test_ranges_round_trip(qualifier: Qualifier, right: str, wrong: str) -> None:
    """'between 40 and 60' is asked as the range given; a misread end or qualifier is refused."""
    fig = replace(figure("f", "rainfall", "40", "millimetres", "un"), to=Decimal(60),
                  qualifier=qualifier)  # fmt: skip
    base = make_base(org("un", "the United Nations"), fig)
    (q,) = run("figure-choice", base).questions
    assert isinstance(q, MultipleChoice) and q.prompt.startswith("What range did")
    assert q.options[q.answer].text == right
    options = list(q.options)
    options[q.answer] = Option(wrong, options[q.answer].claim)
    assert not check_question(replace(q, options=tuple(options)), base).ok
    shifted = replace(q.options[q.answer].claim, to=Decimal(61))  # type: ignore[type-var]  # the test knows which kind of question or claim this is
    options[q.answer] = Option(format_amount(shifted), shifted)
    assert not check_question(replace(q, options=tuple(options)), base).ok


@pytest.mark.parametrize(("qualifier", "right", "wrong"), [
    ("exact", "14:30", "2:30"),
    ("more than", "after 14:30", "more than 14:30"),
    ("fewer than", "before 14:30", "fewer than 14:30"),
    ("at least", "14:30 or later", "14:30 or earlier"),
])  # fmt: skip
def test_times_of_day_round_trip(qualifier: Qualifier, right: str, wrong: str) -> None:
    """A time of day reads HH:MM with its qualifier; another reading is refused."""
    fig = replace(figure("f", "time the dam broke", "870", "time of day", "un"),
                  qualifier=qualifier)  # fmt: skip
    base = make_base(org("un", "the United Nations"), fig)
    if qualifier == "exact":
        (q,) = run("figure-choice", base).questions
    else:  # a bound is left out of figure-choice: the oracle reads it in a hand-made question
        assert not run("figure-choice", base).questions
        (q,) = run("figure-choice", make_base(org("un", "the United Nations"),
                                              replace(fig, qualifier="exact"))).questions
        assert isinstance(q, MultipleChoice)
        side = -1 if qualifier in ("more than", "at least") else 1
        others = [replace(o.claim, value=o.claim.value + side * 300)  # type: ignore[type-var]  # numeric options
                  for i, o in enumerate(q.options) if i != q.answer]
        key = replace(q.options[q.answer].claim, qualifier=qualifier)  # type: ignore[type-var]  # numeric options
        claims = [*others, key] if side < 0 else [key, *others]
        options = tuple(Option(format_amount(c), c) for c in claims)  # type: ignore[arg-type]  # numeric options
        q = replace(q, ask=FigureGiven(measure=fig.measure, subject=None, given_by=("un",)),
                    options=options, answer=claims.index(key))
        assert check_question(q, base).ok, check_question(q, base).problems
    assert isinstance(q, MultipleChoice)
    assert q.options[q.answer].text == right
    assert all(0 <= o.claim.value < 24 * 60 for o in q.options if isinstance(o.claim, Amount))
    options = list(q.options)
    options[q.answer] = Option(wrong, options[q.answer].claim)
    assert not check_question(replace(q, options=tuple(options)), base).ok


def test_a_numbers_text_must_show_its_value_and_precision() -> None:
    """'51.3%' or '51%' for a 51.2 claim, a bare '51.2' or '51.2 percent': refused."""
    fig = figure("f", "share of the vote", "51.2", "percent", "un")
    base = make_base(org("un", "the United Nations"), fig)
    (q,) = run("figure-choice", base).questions
    assert isinstance(q, MultipleChoice)
    claim = q.options[q.answer].claim
    for text in ("51.3%", "51%", "51.2", "51.2 percent", "about 51.2%"):
        options = list(q.options)
        options[q.answer] = Option(text, claim)
        assert not check_question(replace(q, options=tuple(options)), base).ok, text


def test_the_ask_override_replaces_the_prompt() -> None:
    """A figure's `ask:` sentence is its value question's prompt, word for word."""
    base = base_with(ask="How many people did the floods drive from their homes?")
    assert the_question(base).prompt == "How many people did the floods drive from their homes?"


def test_time_prompts_do_not_say_time_twice() -> None:
    """'at what time was the march's start?', but 'what was the kick-off time of the final?'."""
    lead = "According to the United Nations, "
    for measure, prompt in (
        ("start of the march", f"{lead}at what time was the start of the march?"),
        ("kick-off time of the final", f"{lead}what was the kick-off time of the final?"),
    ):
        fig = figure("f", measure, "1050", "time of day", "un")
        (q,) = run("figure-choice", make_base(org("un", "the United Nations"), fig)).questions
        assert q.prompt == prompt


def test_one_of_a_unit_reads_in_its_singular_however_it_is_spelled() -> None:
    """The oracle reads '1 global food crisis' and '1 flash' as one of their plural units (the
    text the generators write), and still refuses a misspelt noun."""
    from quizgen.oracle.read import amount_text_problem

    for text, unit in (("1 global food crisis", "global food crises"), ("1 flash", "flashes"),
                       ("1 analysis of the data", "analyses of the data"),
                       ("1 arrest", "arrests")):
        claim = Amount(Decimal(1), unit, 0, "exact")
        assert amount_text_problem(text, claim) is None, text
        assert format_amount(claim) == text
    assert amount_text_problem("1 global food crisises", Amount(Decimal(1), "global food crises", 0,
                                                             "exact")) is not None
