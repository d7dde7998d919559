"""Causes found by the strict review of the default sheets (docs/review.md), each a rule over
every fact base in content/ and tests/corpus/*/, swept seeds, worked out here from the facts."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from sheet_check import base_at, sheet
from sweep import seeds_of
from test_truth_rules import BASES, made

from quizgen.factbase.model import FactBase, Term
from quizgen.oracle import check_question
from quizgen.quiz.questions import (
    EntityRef,
    FigureGiven,
    FigureHolder,
    FigureValue,
    Matching,
    MultipleChoice,
    Option,
    TermFor,
    TermMeaning,
    TermRef,
)

pytestmark = pytest.mark.sweep  # every seed of every base under `make fuzz` (sweep.py)



def _measure(text: str) -> str:
    return " ".join(text.split()).casefold()


def _figure_holders(base: FactBase, ask: FigureHolder) -> set[str]:
    """Entities the facts give a figure of this measure, from the sources the question names."""
    return {
        f.subject for f in base.figures
        if f.subject and _measure(f.measure) == _measure(ask.measure)
        and (ask.given_by is None or set(f.given_by) == set(ask.given_by))
    }  # fmt: skip


@pytest.mark.parametrize("path", BASES, ids=lambda p: p.stem)
def test_whose_figure_offers_only_holders_of_the_measure(path: Path) -> None:
    """'Whose age was 36?' offers only people whose age the facts give: anyone else may be 36."""
    for base, question in made(path, "figure-choice"):
        if not isinstance(question.ask, FigureHolder):
            continue
        known = _figure_holders(base, question.ask)
        for option in question.options:
            assert isinstance(option.claim, EntityRef)
            assert option.claim.entity in known, (question.prompt, option.text)


def test_oracle_leaves_an_unknown_holder_open() -> None:
    """The oracle refuses a 'whose …?' item offering someone with no figure of the measure."""
    base, question = next((b, q) for path in BASES for b, q in made(path, "figure-choice")
                          if isinstance(q.ask, FigureHolder))
    assert isinstance(question, MultipleChoice) and isinstance(question.ask, FigureHolder)
    assert check_question(question, base).ok
    holders = _figure_holders(base, question.ask)
    kind = next(e.kind for e in base.entities if e.id in holders)
    stranger = next(e for e in base.entities if e.id not in holders and e.kind == kind
                    and e.id not in (question.ask.given_by or ()))
    wrong = next(i for i in range(len(question.options)) if i != question.answer)
    options = list(question.options)
    options[wrong] = Option(text=stranger.name, claim=EntityRef(stranger.id))
    assert not check_question(replace(question, options=tuple(options)), base).ok


def _words(term: Term) -> list[str]:
    names = (term.term, *term.aliases)
    found = []
    for name in names:
        words = re.findall(r"\w+", name.casefold())
        if len(words) > 1 and words[0] in ("a", "an", "the"):
            words = words[1:]
        if words:
            found.append(f" {' '.join(words)} ")
    return found


def _meaning(term: Term) -> str:
    words = re.findall(r"\w+", term.meaning.casefold())
    return " " + " ".join(words) + " "


def _nested(a: Term, b: Term) -> bool:
    """One name inside the other, or inside the other's meaning, word for word."""
    return (any(x in y or y in x for x in _words(a) for y in _words(b))
            or any(x in _meaning(b) for x in _words(a))
            or any(y in _meaning(a) for y in _words(b)))


@pytest.mark.parametrize("path", BASES, ids=lambda p: p.stem)
def test_a_term_is_never_offered_beside_a_phrase_built_on_it(path: Path) -> None:
    """'What is Cloud nine?' never offers what 'on cloud nine' means (nor the reverse), nor
    'What are Sweet Dreams?' the shop 'Sweet Dreams': a name read inside another term's name or
    meaning makes that meaning defensible too."""
    for base, question in made(path, "term-meaning"):
        assert isinstance(question, MultipleChoice)
        assert isinstance(question.ask, TermMeaning | TermFor)
        terms = {t.id: t for t in base.terms}
        asked = terms[question.ask.term]
        for index, option in enumerate(question.options):
            if index == question.answer or not isinstance(option.claim, TermRef):
                continue
            other = terms[option.claim.term]
            assert not _nested(asked, other), (question.prompt, option.text)


MINOR_WORDS = {"the", "of", "and", "in", "at", "on", "for", "a", "an", "to", "de", "la"}


@pytest.mark.parametrize("path", BASES, ids=lambda p: p.stem)
def test_a_place_item_never_says_a_word_of_its_answer(path: Path) -> None:
    """'Where did this happen: dinner with … the US ambassador?' is not asked when the answer is
    'the ambassador's residence': a word of the answer's name in the prompt gives it away."""
    for _base, question in made(path, "place"):
        assert isinstance(question, MultipleChoice)
        key = question.options[question.answer].text.casefold().replace("’", "'")
        prompt = question.prompt.casefold().replace("’", "'")
        for word in re.findall(r"\w+", key):
            if len(word) >= 3 and word not in MINOR_WORDS:
                tail = r"\w*" if len(word) >= 5 else r"(?:'s|s)?(?!\w)"  # "Londoner"
                assert not re.search(rf"(?<!\w){re.escape(word)}{tail}", prompt), (
                    question.prompt, key, word)


ORDINAL_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                 "ninth", "tenth")


def _label(unit: str, value: str, excerpt: str) -> bool:
    """The article writes the number as a name or a rank: 'level 5', '14th', 'second-division'."""
    text = " ".join(excerpt.casefold().split())
    word = re.escape(unit.casefold())
    return bool(re.search(rf"\b{word}[\s-]+{re.escape(value)}\b", text)
                or re.search(rf"\b{re.escape(value)}(st|nd|rd|th)\b", text)
                or re.search(rf"\b({'|'.join(ORDINAL_WORDS)})[\s-]+{word}\b", text))


@pytest.mark.parametrize("path", BASES, ids=lambda p: p.stem)
def test_a_rank_or_label_is_never_asked_as_an_amount(path: Path) -> None:
    """'14th place' or 'level 5' is no amount: options '12 place', '3 level' would not read, so
    no figure item asks a figure whose one-word singular unit the article writes as a rank."""
    for base, question in made(path, "figure-choice"):
        ask = question.ask
        if not isinstance(ask, FigureValue | FigureGiven):
            continue
        for figure in base.figures:
            unit = figure.unit.strip()
            if (" ".join(figure.measure.split()) == " ".join(ask.measure.split())
                    and figure.subject == ask.subject and unit.isalpha() and unit.islower()
                    and not unit.endswith("s")):
                assert not _label(unit, f"{figure.value:f}", figure.excerpt), question.prompt


def _initial_letters(text: str) -> Counter[str] | None:
    """The initials of a short phrase's words (a word in capitals gives all its letters), or None
    for a phrase too long to be read as an acronym's expansion."""
    minor = {"a", "an", "the", "of", "and", "for", "in", "on", "at", "to", "by", "'s"}
    kept = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if w.casefold() not in minor]
    if len(kept) > 6:
        return None
    return Counter("".join(w if w.isupper() else w[0].upper() for w in kept))


def _spelled_by(acronym: str, text: str) -> bool:
    letters = _initial_letters(text)
    return letters is not None and not Counter(acronym.upper()) - letters


@pytest.mark.parametrize("path", BASES, ids=lambda p: p.stem)
def test_no_sheet_item_is_solved_by_the_letters_of_an_acronym(path: Path) -> None:
    """'What is CNE?' beside the ICC and the OAS is solved by letters ('national electoral
    council', in Spanish order): no default sheet keeps a term item whose acronym is spelled,
    in any order, by the key alone."""
    base = base_at(path)
    for seed in seeds_of(path):
        for question in sheet(path, seed).questions:
            if not (isinstance(question, MultipleChoice)
                    and isinstance(question.ask, TermMeaning | TermFor)):
                continue
            term = next(t for t in base.terms if t.id == question.ask.term)
            if isinstance(question.ask, TermMeaning):
                acronyms = [n for n in (term.term, *term.aliases) if re.fullmatch(r"[A-Z]{2,7}", n)]
                hits = [i for i, o in enumerate(question.options)
                        if any(_spelled_by(a, o.text) for a in acronyms)]
            else:
                hits = [i for i, o in enumerate(question.options)
                        if re.fullmatch(r"[A-Z]{2,7}", o.text)
                        and _spelled_by(o.text, term.meaning)]
            assert hits != [question.answer], question.prompt


COUNTING = {"one", "another", "other", "a", "an", "the", "second", "third", "fourth", "fifth",
            "sixth", "first", "last"}


def _description(name: str) -> str:
    words = name.casefold().split()
    while len(words) > 1 and words[0] in COUNTING:
        words = words[1:]
    return " ".join(words)


@pytest.mark.parametrize("path", BASES, ids=lambda p: p.stem)
def test_no_sheet_item_offers_two_people_of_one_description(path: Path) -> None:
    """'one fan' and 'a third fan' in one matching are told apart only by the order the article
    met them: no default sheet, the sweep's seeds, offers two such names in one item."""
    for seed in seeds_of(path):
        for question in sheet(path, seed).questions:
            if isinstance(question, Matching):
                names = [o.text for o in question.right]
            elif isinstance(question, MultipleChoice):
                names = [o.text for o in question.options if isinstance(o.claim, EntityRef)]
            else:
                continue
            described = [_description(n) for n in names]
            assert len(set(described)) == len(set(names)), (question.prompt, names)
