"""Poor items found in review: small sums, a total's span, ranks as counts, general words."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from factbases import figure, make_base, org, person, reasons, run
from test_figure_review import _made
from test_sheets import SWEEPS, Sweep
from test_truth_rules import BASES

from quizgen.factbase.model import Figure, Term
from quizgen.quiz.questions import MultipleChoice, TermFor, TermMeaning
from quizgen.quiz.select import build_quiz

# money as a student reads it: a currency's name or sign; a scale word makes a large sum
MONEY = {"dollars", "euros", "pounds", "yen", "rupees", "yuan", "pesos", "francs"}
SCALE = {"thousand", "million", "billion", "trillion", "bn", "m", "k"}


def _figures_asked(path: Path) -> list[Figure]:
    """The figures of a base that some figure-choice item (seeds 1–20) asks about."""
    found = []
    for base, q in _made(path):
        measure = getattr(q.ask, "measure", None)
        found += [f for f in base.figures if f.measure == measure]
    return found


def _small_sum(f: Figure) -> bool:
    unit = f.unit.lower().split()
    money = bool(unit) and unit[-1] in MONEY and not SCALE & set(unit)
    if unit[-1:] == ["pounds"]:
        money = money and "£" in f.excerpt
    return money and len(unit) <= 2 and f.value < 50 and (f.to is None or f.to < 50)


@pytest.mark.parametrize("path", BASES, ids=lambda p: p.stem)
def test_no_figure_item_asks_a_small_sum(path: Path) -> None:
    """No figure item asks a sum under 50 of a plain currency ('$34 for a class')."""
    assert not [f.measure for f in _figures_asked(path) if _small_sum(f)]


def _one(f: Figure, excerpt: str) -> Figure:
    return replace(f, excerpt=excerpt)


def test_a_small_sum_is_skipped_but_a_rate_a_scaled_sum_and_a_weight_are_asked() -> None:
    """A £7.50 payment is the price of a scene; £7.50 an hour, £8.6m and 7 pounds of fish are
    not."""
    base = make_base(
        org("paper", "the paper"),
        _one(figure("pay", "payment each participant received", "7.50", "pounds", "paper"),
             "They were each paid £7.50 for their participation"),
        _one(figure("wage", "minimum wage", "7.50", "pounds an hour", "paper"),
             "the minimum wage of £7.50 an hour"),
        _one(figure("tax", "corporation tax paid", "8.6", "million pounds", "paper"),
             "the company had paid only £8.6m in corporation tax"),
        _one(figure("catch", "weight of the largest fish", "7", "pounds", "paper"),
             "the largest fish weighed 7 pounds"),
    )  # fmt: skip
    result = run("figure-choice", base)
    asked = {getattr(q.ask, "measure", None) for q in result.questions}
    assert "payment each participant received" not in asked
    assert {"minimum wage", "corporation tax paid", "weight of the largest fish"} <= asked
    assert "price of an everyday thing" in reasons(result)


SPANS = {"minutes", "hours", "days", "weeks", "months", "years", "decades"}
AHEAD = re.compile(r"\b(next|coming|expected|forecast|predicted|projected|likely|will|would|"
                   r"could)\b", re.IGNORECASE)


def _span_of_a_total(f: Figure) -> bool:
    """A span whose measure states another number on its own (not in a name, not a year)."""
    if f.unit.lower().rstrip("s") + "s" not in SPANS or f.value >= 1000:
        return False
    if AHEAD.search(f.measure) or AHEAD.search(f.excerpt):
        return False
    for word_before, number in re.findall(r"(\S*)\s+(£?\d[\d,.]*\w*|half|two|three|four|five|"
                                          r"six|seven|eight|nine|ten|twenty)(?![\w-])", f.measure):
        if not word_before[:1].isupper() and not re.fullmatch(r"(1[5-9]|20)\d\d", number):
            return True
    return False


@pytest.mark.parametrize("path", BASES, ids=lambda p: p.stem)
def test_no_figure_item_asks_the_span_of_a_reported_total(path: Path) -> None:
    """No item asks the period of a total its prompt gives ('in what period … paid £160m?')."""
    assert not [f.measure for f in _figures_asked(path) if _span_of_a_total(f)]


def test_a_total_s_span_is_skipped_but_a_forecast_s_horizon_is_asked() -> None:
    """'Paid more than £160m over the last three years' gives no span to ask; a forecast's does."""
    base = make_base(
        org("firm", "the firm"),
        _one(figure("span", "period in which the firm paid more than £160m in taxes", "3", "years",
                    "firm"), "Over the last three years alone, the firm has paid more than £160m"),
        _one(figure("horizon", "period over which demand is expected to rise by 60%", "30", "years",
                    "firm"), "demand is expected to rise by 60% over the next 30 years"),
        _one(figure("contract", "length of the contract with Clermont Foot 63", "2", "years",
                    "firm"), "a two-year contract with Clermont Foot 63"),
    )  # fmt: skip
    result = run("figure-choice", base)
    asked = {getattr(q.ask, "measure", None) for q in result.questions}
    assert not any("£160m" in str(m) for m in asked)
    assert {"period over which demand is expected to rise by 60%",
            "length of the contract with Clermont Foot 63"} <= asked


def test_a_count_told_only_as_a_rank_is_not_asked() -> None:
    """'Maduro's third term' gives a rank: no item asks how many terms; 'three terms' is a count."""
    base = make_base(
        person("maduro", "Nicolás Maduro"), org("paper", "the paper"),
        _one(figure("terms", "number of terms Maduro will have served", "3", "terms", "paper"),
             "ensuring Maduro's third term in office"),
        _one(figure("wins", "number of terms the mayor has won", "3", "terms", "paper"),
             "the mayor has won three terms, the third by a landslide"),
    )  # fmt: skip
    result = run("figure-choice", base)
    asked = {getattr(q.ask, "measure", None) for q in result.questions}
    assert "number of terms Maduro will have served" not in asked
    assert "number of terms the mayor has won" in asked


@pytest.mark.parametrize("sweep", SWEEPS)
def test_no_sheet_asks_a_general_word(sweep: Sweep) -> None:
    """No term item on a sheet asks a term written in lower case ('cosmic rays')."""
    for label, base, quiz in sweep():
        for item in quiz.questions:
            if isinstance(item, MultipleChoice) and isinstance(item.ask, TermMeaning | TermFor):
                term = base.by_id.get(item.ask.term)
                if isinstance(term, Term):
                    name = re.sub(r"^(the|a|an)\s+", "", term.term, flags=re.IGNORECASE)
                    assert not name[:1].islower(), (label, term.term)


def test_a_general_word_stays_off_the_sheet_and_a_name_stays_on() -> None:
    """Of terms the article explains, a lower-case word is left out and a name the article
    introduces is asked."""
    meanings = {"the solbrann": "a festival of bonfires lit on the longest night",
                "Solvarr": "a festival held at midwinter on the island",
                "Matariki": "a festival of the Māori New Year",
                "Diwali": "a festival of lights held in the autumn"}
    terms = [Term(id=f"t{i}", term=name, meaning=meaning, excerpt=f"{name}, {meaning}")
             for i, (name, meaning) in enumerate(meanings.items())]
    base = replace(make_base(), terms=tuple(terms))
    for seed in range(1, 11):
        quiz = build_quiz(base, seed=seed, count=20)
        asked = {item.ask.term for item in quiz.questions if isinstance(item, MultipleChoice)
                 and isinstance(item.ask, TermMeaning | TermFor)}
        assert asked and "t0" not in asked, (seed, asked)
        assert any("general word" in s.reason for s in quiz.skipped)


def test_a_constant_of_a_general_word_stays_off_the_sheet() -> None:
    """'The length of a light-year', a term explained in lower case, is no figure of the news;
    the distance to a star is."""
    light_year = Term(id="ly", term="a light-year", meaning="the distance light travels in a year",
                      excerpt="A light-year, the distance light travels in one year")
    base = replace(make_base(
        org("team", "the team"),
        _one(figure("ly-length", "length of a light-year", "9.5", "trillion kilometres", "team"),
             "A light-year is about 9.5 trillion kilometres"),
        _one(figure("star", "distance of the star from Earth", "31", "light-years", "team"),
             "the star lies 31 light-years from Earth"),
    ), terms=(light_year,))  # fmt: skip
    for seed in range(1, 6):
        quiz = build_quiz(base, seed=seed, count=20)
        asked = {getattr(q.ask, "measure", None) for q in quiz.questions}
        assert "distance of the star from Earth" in asked
        assert "length of a light-year" not in asked


def test_a_superlative_s_scope_is_not_asked() -> None:
    """'The highest two divisions' tells how far a claim reaches: no item asks it; 'two goals'
    in a match is a count and is asked."""
    base = make_base(
        org("paper", "the paper"),
        _one(figure("scope", "number of top divisions in which no woman had managed", "2",
                    "divisions", "paper"),
             "the first woman to be appointed in the highest two divisions of any league"),
        _one(figure("goals", "number of goals the club scored in the final", "2", "goals",
                    "paper"), "the club scored two goals in the final"),
    )  # fmt: skip
    result = run("figure-choice", base)
    asked = {getattr(q.ask, "measure", None) for q in result.questions}
    assert "number of top divisions in which no woman had managed" not in asked
    assert "number of goals the club scored in the final" in asked
    assert "scope of a superlative" in reasons(result)
