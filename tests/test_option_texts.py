"""Issue 18's unseen-article causes: every text a student reads counts for giveaways (a wrong
meaning's number, a figure at another threshold), and a term item is not answered by its own
name, a bare name offered as a meaning, its acronym's letters or a textbook unit."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from factbases import figure, make_base, org, person
from sheet_check import base_at, sheet
from sweep import seeds_of
from test_truth_rules import BASES

from quizgen.factbase.model import FactBase, Term
from quizgen.generators import GENERATORS
from quizgen.generators.base import GenOptions
from quizgen.quiz.guessed import guessed, textbook_figure
from quizgen.quiz.leaks import gives_away
from quizgen.quiz.questions import (
    Amount,
    EntityRef,
    FigureGiven,
    FigureValue,
    MultipleChoice,
    PlaceRef,
    Question,
    TermMeaning,
)
from quizgen.quiz.sheet_rules import spelled
from quizgen.quiz.term_kinds import name_says
from quizgen.quiz.thresholds import bound_stated

pytestmark = pytest.mark.sweep  # every seed of every base under `make fuzz` (sweep.py)
# content, the corpus bases and the VOA bases (tests/corpus/voa/dev, …/heldout)
SWEPT = [*BASES, *sorted((Path(__file__).parent / "corpus" / "voa").glob("*/*.yaml"))]


def _with_terms(base: FactBase, *terms: Term) -> FactBase:
    return replace(base, terms=tuple(replace(t, excerpt=f"{t.term} is {t.meaning}")
                                     for t in terms))


def _made(kind: str, base: FactBase, seed: int = 1) -> list[MultipleChoice]:
    made = GENERATORS[kind](base, seed=seed, options=GenOptions()).questions
    return [q for q in made if isinstance(q, MultipleChoice)]


def _planet_base() -> FactBase:
    return _with_terms(
        make_base(person("vale", "Ana Vale"), person("orr", "Tom Orr"),
                  figure("distance", "distance of Zeta-9 b from Earth", "48", "light years",
                         "vale", qualifier="about")),
        Term("zeta", "Zeta-9 b", "a rocky exoplanet about 48 light years from Earth"),
        Term("kite", "the Kite Array", "a radio dish built on a dry lake bed"),
        Term("loom", "Loomfest", "a weaving fair held every spring"),
        Term("gale", "the Gale Fund", "a charity paying for school telescopes"),
    )


def test_a_wrong_meaning_that_states_a_figure_gives_the_figure_item_away() -> None:
    """"What is the Kite Array?" offering "a rocky exoplanet about 48 light years from Earth"
    tells a student the answer to "how far is Zeta-9 b?"."""
    base = _planet_base()
    figures = [q for q in _made("figure-choice", base)
               if isinstance(q.ask, FigureValue | FigureGiven)]
    assert figures
    offering = [q for seed in range(1, 9) for q in _made("term-meaning", base, seed)
                if isinstance(q.ask, TermMeaning) and q.ask.term != "zeta"
                and any("48 light years" in o.text for i, o in enumerate(q.options)
                        if i != q.answer)]
    assert offering
    assert gives_away(figures[0], offering[0], base) is not None


def _described(question: Question) -> list[str]:
    """The option texts that describe something (not an amount, a person or a place): the
    test's own reading of what a student takes as stated."""
    if not isinstance(question, MultipleChoice):
        return []
    return [o.text for o in question.options
            if not isinstance(o.claim, Amount | EntityRef | PlaceRef)]


def _number_text(value: str) -> str:
    return rf"(?<![\d.,]){re.escape(value)}(?![\d.,]*\d)"


@pytest.mark.parametrize("path", SWEPT, ids=lambda p: p.stem)
def test_no_sheet_prints_a_figure_answer_in_another_items_option_texts(path: Path) -> None:
    """No default sheet, swept seeds, prints a figure item's answer, number and unit, inside a
    meaning or role offered by another item."""
    for seed in seeds_of(path):
        questions = sheet(path, seed).questions
        for a in questions:
            if not (isinstance(a, MultipleChoice) and isinstance(a.ask, FigureValue | FigureGiven)):
                continue
            key = a.options[a.answer].claim
            if not isinstance(key, Amount) or not key.unit.split():
                continue
            value = format(key.value.normalize(), "f")
            unit = key.unit.split()[0].casefold()[:4]
            wanted = re.compile(_number_text(value) + r"[\s-]*" + re.escape(unit), re.I)
            for b in questions:
                if b is not a:
                    assert not any(wanted.search(t) for t in _described(b)), (a.prompt, b.prompt)


def _glossary() -> FactBase:
    return _with_terms(
        make_base(org("esa", "the Space Agency")),
        Term("mff", "MFF", "the Medusae Fossae Formation"),
        Term("tracs", "TRACS", "the probe’s thermal radar camera, mounted under its wing"),
        Term("dune", "Dune Belt", "a band of wind-cut ridges near the equator"),
        Term("helio", "Helios Deep Sky Telescope", "an orbiting observatory launched in 2021"),
        Term("marsh", "Brine Marsh", "a salty lowland flooded each winter"),
        Term("crater", "Ring Basin", "a wide crater with a raised rim"),
    )


def test_a_bare_name_is_never_offered_as_a_wrong_meaning() -> None:
    """"the Medusae Fossae Formation" is a name, not a meaning: no "What is X?" item offers it
    as a wrong option (its own item, "What is MFF?", may key it)."""
    base = _glossary()
    items = [q for seed in range(1, 9) for q in _made("term-meaning", base, seed)
             if isinstance(q.ask, TermMeaning)]
    assert any(q.ask == TermMeaning("mff") for q in items)
    for q in items:
        wrong = [o.text for i, o in enumerate(q.options) if i != q.answer]
        assert "the Medusae Fossae Formation" not in wrong, q.prompt


def _bare(text: str) -> bool:
    """Every word but joining words capitalised: the test's own reading of a bare name."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text)
             if w.casefold() not in {"the", "a", "an", "of", "and", "for", "de", "la"}]
    return bool(words) and all(w[0].isupper() for w in words)


@pytest.mark.parametrize("path", SWEPT, ids=lambda p: p.stem)
def test_no_sheet_offers_a_bare_name_as_a_wrong_meaning(path: Path) -> None:
    """No default sheet, swept seeds, offers a bare proper name as a wrong meaning of a term."""
    for seed in seeds_of(path):
        for q in sheet(path, seed).questions:
            if isinstance(q, MultipleChoice) and isinstance(q.ask, TermMeaning):
                assert not any(_bare(o.text) for i, o in enumerate(q.options)
                               if i != q.answer), q.prompt


def test_an_acronym_whose_letters_begin_its_meanings_words_spells_its_answer() -> None:
    """"What is TRACS?" keyed "the probe’s thermal radar camera, …": t, r, c are letters of
    TRACS, and no wrong meaning's opening words are; "What is the Helios … Telescope?" is
    spelled by nothing."""
    base = _glossary()
    items = {q.ask.term: q for q in _made("term-meaning", base) if isinstance(q.ask, TermMeaning)}
    assert spelled(items["tracs"], base) is not None
    assert spelled(items["helio"], base) is None


def test_a_term_whose_name_says_its_meaning_is_guessed() -> None:
    """"What is the Helios Deep Sky Telescope?" keyed "an orbiting observatory …" is read off
    the name (a telescope is an observatory); "What is Dune Belt?" is not."""
    base = _glossary()
    items = {q.ask.term: q for q in _made("term-meaning", base) if isinstance(q.ask, TermMeaning)}
    assert name_says(items["helio"], base) is not None
    assert guessed(items["helio"], base) is not None
    assert name_says(items["dune"], base) is None


def _units_base(excerpt: str) -> FactBase:
    base = make_base(
        person("vale", "Ana Vale"),
        figure("distance", "distance of Zeta-9 b from Earth", "48", "light years", "vale",
               qualifier="about"),
        figure("light", "distance light travels in a year", "9.5", "trillion kilometers",
               "vale", qualifier="about"),
        figure("mass", "mass of Zeta-9 b", "6.6", "Earth masses", "vale", qualifier="about"),
    )
    light = replace(base.figures[1], excerpt=excerpt)
    return replace(base, figures=(base.figures[0], light, base.figures[2]))


def test_a_figure_that_defines_a_unit_of_the_article_is_a_textbook_conversion() -> None:
    """"A light year is the distance light travels in a year – about 9.5 trillion kilometers"
    asks the size of a unit the article counts in; the same figure told as news is asked."""
    defined = _units_base("A light year is the distance light travels in a year – about 9.5 "
                          "trillion kilometers.")
    told = _units_base("Its light travels about 9.5 trillion kilometers in a year.")
    for base, expected in ((defined, True), (told, False)):
        items = [q for q in _made("figure-choice", base)
                 if isinstance(q.ask, FigureValue | FigureGiven)
                 and q.ask.measure == "distance light travels in a year"]
        assert items
        assert (textbook_figure(items[0], base) is not None) is expected


def _survey_base() -> FactBase:
    return make_base(
        org("poll", "the Norland Poll"),
        figure("one", "share of respondents in Norland who have visited at least one other "
               "country", "99", "percent", "poll"),
        figure("ten", "share of respondents in Norland who have visited 10 or more countries",
               "50", "percent", "poll", qualifier="about"),
        figure("close", "share of respondents in Norland who feel close to people abroad", "47",
               "percent", "poll"),
    )


def test_a_figure_at_another_threshold_stated_or_asked_on_the_sheet_bounds_the_item() -> None:
    """"About half visited 10 or more countries" bounds "visited at least one other country";
    a share of another measure bounds nothing."""
    base = _survey_base()
    one, ten, close = base.figures
    said = ("Norland: about half of the respondents have visited 10 or more countries.",)
    assert bound_stated([one], frozenset(), said, base) is not None
    assert bound_stated([one], frozenset({"ten"}), (), base) is not None
    assert bound_stated([close], frozenset({"ten"}), said, base) is None
    items = {q.ask.measure: q for q in _made("figure-choice", base)
             if isinstance(q.ask, FigureValue | FigureGiven)}
    assert gives_away(items[one.measure], items[ten.measure], base) is not None


def test_sweep_fact_base_sheets_build() -> None:
    """The sweep base's default sheet builds with the new rules (a smoke check of the base)."""
    path = Path(__file__).parent / "data" / "sweep" / "orvane-glossary.yaml"
    base_at(path)
    assert sheet(path, 1).questions


def test_a_wrong_meaning_that_holds_another_items_answer_gives_it_away() -> None:
    """"What is Loomfest?" offering "the fund that keeps a radio dish built on a dry lake bed"
    prints the answer of "What is the Kite Array?" on the sheet."""
    base = _with_terms(
        make_base(person("vale", "Ana Vale")),
        Term("kite", "the Kite Array", "a radio dish built on a dry lake bed"),
        Term("loom", "Loomfest", "a weaving fair held every spring"),
        Term("gale", "the Gale Fund", "the fund that keeps a radio dish built on a dry lake bed"),
        Term("mire", "Mirewood", "a peat bog drained for farming"),
    )
    made = [q for seed in range(1, 9) for q in _made("term-meaning", base, seed)
            if isinstance(q.ask, TermMeaning)]
    kite = next(q for q in made if q.ask == TermMeaning("kite"))
    offering = [q for q in made if q.ask == TermMeaning("loom") and any(
        o.text.startswith("the fund") for i, o in enumerate(q.options) if i != q.answer)]
    assert offering
    assert gives_away(kite, offering[0], base) is not None


def _opening(text: str) -> set[str]:
    """The first four words of a meaning, folded and singular (the test's own reading)."""
    words = re.findall(r"[^\W\d_]+", text.casefold())[:4]
    return {w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words}


@pytest.mark.parametrize("path", SWEPT, ids=lambda p: p.stem)
def test_no_sheet_keys_a_term_with_its_own_names_last_word(path: Path) -> None:
    """No default sheet, swept seeds, asks "What is X?" where the last word of X's name opens
    the key and no wrong option ("What is the Y Telescope?" keyed "a telescope that …")."""
    base = base_at(path)
    for seed in seeds_of(path):
        for q in sheet(path, seed).questions:
            if not (isinstance(q, MultipleChoice) and isinstance(q.ask, TermMeaning)):
                continue
            term = base.by_id[q.ask.term]
            assert isinstance(term, Term)
            name = re.findall(r"[^\W\d_]+", term.term)
            if len(name) < 2 or name[-1].isupper():
                continue
            last = name[-1].casefold().removesuffix("s")
            wrong = set().union(*(_opening(o.text) for i, o in enumerate(q.options)
                                  if i != q.answer))
            assert not (last in _opening(q.options[q.answer].text) and last not in wrong), (
                q.prompt)


def _unbounded(measure: str) -> str:
    """A measure without its digits, number words and bound words (the test's own reading)."""
    text = re.sub(r"\b(?:at least|more than|or more|fewer than|less than|one|other|another|"
                  r"\d+)\b", " ", measure.casefold())
    return " ".join(w.removesuffix("ies").removesuffix("y").removesuffix("s")
                    for w in text.split())


@pytest.mark.parametrize("path", SWEPT, ids=lambda p: p.stem)
def test_no_sheet_asks_one_measure_at_two_thresholds(path: Path) -> None:
    """No default sheet, swept seeds, holds two figure items whose measures differ only by a
    threshold ("at least one other country", "10 or more countries")."""
    bound = re.compile(r"\b(?:at least|more than|or more|fewer than|less than)\b")
    for seed in seeds_of(path):
        asked = [(" ".join(q.ask.measure.split()), q.ask.subject)
                 for q in sheet(path, seed).questions
                 if isinstance(q, MultipleChoice) and isinstance(q.ask, FigureValue | FigureGiven)]
        read: dict[tuple[str, str | None], str] = {}
        for measure, subject in asked:
            key = (_unbounded(measure), subject)
            other = read.setdefault(key, measure)
            assert other == measure or not (bound.search(other) or bound.search(measure)), (
                measure, other)
