"""The oracle on figures stated loosely ("over 1,000"): what it takes as true, false or open."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from test_oracle import BASE, accepted, mc, pct, rejected, who

from quizgen.factbase.model import Figure
from quizgen.oracle import check_question, correct_options
from quizgen.oracle.figure_truth import claim_truth
from quizgen.quiz.questions import Amount, FigureGiven, FigureHolder, FigureValue, Option

FOROS_ARRESTS = FigureValue("arrests", None, ("foro",))  # Foro Penal: over 1,200; Saab: 2,229


def arrests(value: str, qualifier: str = "exact") -> Option:
    """An option counting arrests."""
    return pct(value, 0, "arrests", qualifier)


def test_figure_value_lower_over_options_are_true_too() -> None:
    """'over 400 … over 1,200' for a figure of over 1,200: over 1,200 is also over 400 and over
    800, so 'what were the arrests?' has three true options (the bug of asking it that way)."""
    question = mc(FOROS_ARRESTS, (arrests("400", "more than"), arrests("800", "more than"),
                                  arrests("1200", "more than")), 2)  # fmt: skip
    rejected(question, "are all true")
    assert correct_options(question, BASE) == (0, 1, 2)


def test_figure_value_higher_over_option_is_undecided() -> None:
    """'over 1,600' may or may not hold when all that is known is 'over 1,200'."""
    question = mc(FOROS_ARRESTS, (arrests("800"), arrests("1200", "more than"),
                                  arrests("1600", "more than")), 1)  # fmt: skip
    rejected(question, "options [2] are neither certainly true nor certainly false")


def test_figure_value_bare_numbers_against_an_over_figure() -> None:
    """Below the bound a bare number is false; at or above it, it is undecided, never true."""
    question = mc(FOROS_ARRESTS, (arrests("600"), arrests("1200"), arrests("1800")), 1)
    rejected(question, "options [1, 2] are neither certainly true")
    rejected(question, "no option is true")


def test_figure_value_under_figure_makes_higher_under_options_true() -> None:
    """'under 1 million' is also 'under 2 million': two true options."""
    ask = FigureValue("oil production", None, ("cne",))
    options = tuple(pct(v, 0, "million barrels", "fewer than") for v in ("1", "2", "3"))
    rejected(mc(ask, options, 0), "are all true")
    assert correct_options(mc(ask, options, 0), BASE) == (0, 1, 2)


def test_figure_value_exact_figure_decides_qualified_options() -> None:
    """An exact 2,229 makes 'over 2,000' true and 'under 1,000' or 1,500 false, but 'about'
    claims are vague: undecided."""
    ask = FigureValue("arrests", None, ("saab",))
    accepted(mc(ask, (arrests("1000", "fewer than"), arrests("1500"),
                      arrests("2000", "more than")), 2))  # fmt: skip
    rejected(mc(ask, (arrests("1000", "fewer than"), arrests("2200", "about"),
                      arrests("2229")), 2), "options [1] are neither")  # fmt: skip


def test_figure_given_accepts_only_the_figure_as_given() -> None:
    """'What figure did Foro Penal give?': only 'over 1,200' was given; 'under 400' and 800 are
    false by it."""
    given = FigureGiven("arrests", None, ("foro",))
    question = mc(given, (arrests("400", "fewer than"), arrests("800"),
                          arrests("1200", "more than")), 2)  # fmt: skip
    accepted(question)
    assert correct_options(question, BASE) == (2,)
    rejected(mc(given, (arrests("600"), arrests("1200"), arrests("1800")), 1), "no option is true")
    rejected(replace(question, answer=0), "the true option is 2")


def test_figure_given_refuses_wrong_options_that_are_true_as_read() -> None:
    """'over 400' and 'over 800' were not the figure given, but a student reads them as true
    of 'over 1,200': refused; 'over 1,600' is only not known, refused too."""
    given = FigureGiven("arrests", None, ("foro",))
    true_too = mc(given, (arrests("400", "more than"), arrests("800", "more than"),
                          arrests("1200", "more than")), 2)  # fmt: skip
    rejected(true_too, "options [0, 1] are not the figure given, but the facts do not make them")
    unknown = mc(given, (arrests("800"), arrests("1200", "more than"),
                         arrests("1600", "more than")), 1)  # fmt: skip
    rejected(unknown, "options [2] are not the figure given")


def test_vague_figures_are_false_only_beyond_their_widest_reading() -> None:
    """'about 40,000' is read as 32,000 to 48,000 at the widest: 'about 20,000' and 25,000 are
    false by it, 'about 35,000' and 45,000 are not known, 'more than 30,000' is true."""
    fig = Figure("f", "crowd", Decimal(40000), "people", ("police",), qualifier="about")

    def truth(value: str, qualifier: str = "exact") -> bool | None:
        claim = pct(value, 0, "people", qualifier).claim
        assert isinstance(claim, Amount)
        return claim_truth(fig, claim)

    assert truth("20000", "about") is False and truth("25000") is False
    assert truth("35000", "about") is None and truth("45000") is None
    assert truth("30000", "more than") is True and truth("40000", "about") is True
    assert truth("70000", "about") is False and truth("49000") is False
    assert truth("60000", "about") is None  # 48,000 is within both widest readings


def test_figure_given_names_the_source() -> None:
    """Saab gave 2,229, not Foro Penal's 'over 1,200'; with no source named, either counts. Foro
    Penal's 'over 1,200' is still true of Saab's 2,229 as read, so it is no wrong option there."""
    options = (arrests("1500"), arrests("2229"), arrests("3000"))
    accepted(mc(FigureGiven("arrests", None, ("saab",)), options, 1))
    foros = (arrests("1200", "more than"), arrests("2229"), arrests("3000"))
    rejected(mc(FigureGiven("arrests", None, ("saab",)), foros, 1), "options [0] are not the")
    rejected(mc(FigureGiven("arrests", None, None), foros, 1), "are all true")


def test_figure_holder_with_a_qualified_amount() -> None:
    """'Whose people held were over 400?': over 500 is; 300 is not; someone the facts give no
    figure of it is open, not false; 'about 700' is over 400 even read as widely as it may be
    (560 to 840): a second answer."""
    amount = pct("400", 0, "people", "more than").claim
    ask = FigureHolder("people held", amount, ("cne",))  # type: ignore[arg-type]  # a loosely typed test value or a union the test has narrowed
    rejected(mc(ask, who("foro", "saab", "maduro"), 0), "options [2] are neither")
    rejected(mc(ask, who("foro", "saab", "marquez"), 0), "options [0, 2] are all true")
    higher = replace(ask, amount=pct("600", 0, "people", "more than").claim)  # type: ignore[arg-type]  # a loosely typed test value or a union the test has narrowed
    rejected(mc(higher, who("foro", "saab", "maduro"), 0), "options [0, 2] are neither")
    rejected(mc(higher, who("foro", "saab", "marquez"), 0), "options [0, 2] are neither")


def test_figure_holder_exact_amount_ignores_a_loose_figure_only_when_disjoint() -> None:
    """An exact 300 is Saab's; 'over 500' rules Foro Penal out, and 'about 700' (560 to 840 at
    the widest) rules Márquez out; an exact 600 does not rule Márquez out."""
    ask = FigureHolder("people held", pct("300", 0, "people").claim, ("cne",))  # type: ignore[arg-type]  # a loosely typed test value or a union the test has narrowed
    accepted(mc(ask, who("foro", "saab", "marquez"), 1))
    near = replace(ask, amount=pct("600", 0, "people").claim)  # type: ignore[arg-type]  # a loosely typed test value or a union the test has narrowed
    rejected(mc(near, who("marquez", "saab", "foro"), 1), "options [0, 2] are neither")


def test_amounts_that_are_not_numbers_are_refused_without_a_crash() -> None:
    """A NaN amount in a holder or value question is reported, not raised."""
    nan = Amount(Decimal("NaN"), "arrests", 0)
    holder = FigureHolder("people held", nan, ("cne",))
    assert not check_question(mc(holder, who("foro", "saab", "maduro"), 0), BASE).ok
    options = (arrests("400"), Option("NaN", nan), arrests("1200", "more than"))
    assert not check_question(mc(FOROS_ARRESTS, options, 2), BASE).ok
