"""Quiz assembly over every fact base in content/: no item gives another away; versions differ."""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from pathlib import Path

import pytest
from strategies import speaking_side
from sweep import seeds_of

from quizgen.factbase.loader import load_factbase
from quizgen.factbase.model import Event, FactBase, Figure, Quote, ReportedClaim
from quizgen.oracle import check_question
from quizgen.quiz import leaks, passages, select, verdicts, versions
from quizgen.quiz.questions import (
    Amount,
    ClaimantOf,
    EntityRef,
    EventRef,
    FigureGiven,
    Matching,
    MultipleChoice,
    Ordering,
    PlaceOf,
    Question,
    Quiz,
    QuoteRef,
    SpeakerOf,
    TermFor,
    TermMeaning,
)
from quizgen.quiz.select import build_quiz, make_versions

pytestmark = pytest.mark.sweep  # every seed of every base under `make fuzz` (sweep.py)

CONTENT = Path(__file__).resolve().parent.parent / "content"
FACTBASES = sorted(CONTENT.glob("*.yaml"))
SEEDS = range(1, 21)  # issue 9: every fact base, seeds 1–20 (all of them under `make fuzz`)
WORDS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty",
]  # fmt: skip
_LOADED: dict[Path, FactBase] = {}


def base_of(path: Path) -> FactBase:
    if path not in _LOADED:
        _LOADED[path] = load_factbase(path)
    return _LOADED[path]


# ---- an independent reading of "gives away", from the facts, not from quizgen.quiz.leaks ----


def facts_asked(question: Question, base: FactBase) -> set[str]:
    """Quote, figure, event, place, term or claim ids an item asks about, read from its claims,
    its ask and its excerpts."""
    if isinstance(question, Matching):
        return {o.claim.quote for o in question.left if isinstance(o.claim, QuoteRef)}
    if isinstance(question, Ordering):
        return {o.claim.event for o in question.items if isinstance(o.claim, EventRef)}
    if isinstance(question.ask, SpeakerOf):
        return {question.ask.quote}
    if isinstance(question.ask, PlaceOf):  # the place where the event or quote was
        fact = base.by_id[question.ask.fact]
        assert isinstance(fact, (Event, Quote)) and fact.place is not None
        return {fact.place}
    if isinstance(question.ask, (TermMeaning, TermFor)):
        return {question.ask.term}
    shown = {f.id for f in base.figures if f.excerpt in question.explanation}
    if isinstance(question.ask, ClaimantOf):  # the claim, and the figure it carries
        claim = base.by_id[question.ask.claim]
        assert isinstance(claim, ReportedClaim)
        return {question.ask.claim, *shown, *([claim.figure] if claim.figure else [])}
    return shown


def shown_statements(question: Question) -> list[str]:
    texts = [question.prompt, *question.explanation]
    if isinstance(question, Ordering):
        texts += [o.text for o in question.items]
    return texts


def states_number(text: str, value: object) -> bool:
    number = str(value)
    if re.search(rf"(?<![\w.,]){re.escape(number)}(?![\d]|[.,]\d)", text):
        return True
    word = WORDS[int(number)] if number.isdigit() and int(number) < len(WORDS) else None
    return word is not None and re.search(rf"\b{word}\b", text, re.IGNORECASE) is not None


def states_figure(text: str, figure: Figure) -> bool:
    """Whether a text showing a figure's number states that figure: a telling number (62, 51.2,
    a year) wherever it stands; a small or round one (three, 70) only with a word of the unit
    next to it or in the figure's own words (six words in a row of its excerpt)."""
    value = figure.value
    if figure.unit in ("year", "time of day") or value != value.to_integral_value() or (
            value >= 13 and value % 10):
        return True
    tokens = re.findall(r"\d[\d,.]*|[a-z]+|%", text.casefold())
    unit = {w[:4] for w in re.findall(r"[a-z]+", figure.unit.casefold()) if len(w) > 2}
    unit |= {"%"} if figure.unit == "percent" else set()
    for i, token in enumerate(tokens):
        near = tokens[max(0, i - 2) : i + 4]
        if states_number(token, value) and any(w[:4] in unit or w in unit for w in near):
            return True
    own = re.findall(r"\w+", figure.excerpt.casefold())
    runs = {tuple(own[i : i + 6]) for i in range(len(own) - 5)}
    said = re.findall(r"\w+", text.casefold())
    return any(tuple(said[i : i + 6]) in runs for i in range(len(said) - 5))


def independent_leaks(quiz: Quiz) -> list[str]:
    """Pairs where one item asks a fact another asks, or states a figure another asks for."""
    found = []
    for a, b in itertools.permutations(quiz.questions, 2):
        if a.factbase != b.factbase:
            continue
        base = quiz.base(a.factbase)
        shared = facts_asked(a, base) & facts_asked(b, base)
        both = {type(a), type(b)}
        limit = 2 if both == {Ordering} else 1 if both == {Matching} else 0
        if len(shared) > limit:
            found.append(f"{a.id} and {b.id} both ask {sorted(shared)}")
        for fact in facts_asked(a, base):
            figure = base.by_id.get(fact)
            if isinstance(figure, Figure) and any(
                states_number(text, figure.value) and states_figure(text, figure)
                for text in shown_statements(b)
            ):
                found.append(f"{b.id} states {fact} = {figure.value}, asked by {a.id}")
    return found


def selections(base: FactBase, seed: int) -> list[Quiz]:
    return [
        build_quiz(base, seed=seed, count=select.CLASS_LENGTH),
        build_quiz(base, seed=seed),
        build_quiz(base, seed=seed, per_kind=3),
    ]


_CLASS_QUIZZES: dict[tuple[Path, int], Quiz] = {}


def class_quiz(path: Path, seed: int) -> Quiz:
    """The class-length quiz of a content fact base, built once for the tests that read it
    unpatched (the planted tests build their own)."""
    if (path, seed) not in _CLASS_QUIZZES:
        _CLASS_QUIZZES[path, seed] = build_quiz(base_of(path), seed=seed,
                                                count=select.CLASS_LENGTH)  # fmt: skip
    return _CLASS_QUIZZES[path, seed]


@pytest.mark.parametrize("path", FACTBASES, ids=[p.stem for p in FACTBASES])
def test_no_item_gives_another_away(path: Path) -> None:
    """For every fact base and the sweep's seeds, chosen quizzes hold no leak, by both readings."""
    base = base_of(path)
    for seed in seeds_of(path):
        quizzes = [class_quiz(path, seed), build_quiz(base, seed=seed),
                   build_quiz(base, seed=seed, per_kind=3)]  # as selections() makes them
        for quiz in quizzes:
            assert quiz.questions
            assert leaks.find_leaks(quiz) == []
            assert independent_leaks(quiz) == []
            events = Counter(e for q in quiz.questions if isinstance(q, Ordering)
                             for e in facts_asked(q, base))
            assert not events or max(events.values()) <= leaks.EVENT_USES


def test_everything_keeps_the_leaks_the_check_removes() -> None:
    """everything=True keeps clashing items, which both readings then find (the check is live)."""
    base = base_of(FACTBASES[0])
    quiz = build_quiz(base, seed=1, everything=True)
    assert leaks.find_leaks(quiz) and independent_leaks(quiz)


def test_planted_leak_check_that_passes_everything_is_caught(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With gives_away planted to find nothing, a class-length quiz leaks: the property sees it."""
    for module in (leaks, verdicts):  # every module that asks whether one gives another away
        monkeypatch.setattr(module, "gives_away", lambda a, b, base: None)
    base = base_of(FACTBASES[0])
    assert any(independent_leaks(quiz) for seed in SEEDS for quiz in selections(base, seed)[:1])


@pytest.mark.parametrize(("stem", "kind", "reason", "kept"), [
    # two quotes said in one square, one answer (veskaria's places are left out now: Port Aldren
    # has one other town to stand beside it)
    ("calderia-pension-protest", "place", "both ask liberty-square", True),
    # a term and its reverse; every acronym of the article spells its meaning (CNE in Spanish
    # order), so a chosen quiz keeps none of them
    ("venezuela-post-election", "term-meaning", "both ask term-icc", False),
    # a claim stating a figure a figure item asks (venezuela's case was the fragment “11 enforced
    # disappearances”, no longer asked as a saying)
    ("sarenia-ribeira-floods", "who-claimed-it", "states governor-toll's value 97", True),
])
def test_new_asks_clash_when_kept_together(stem: str, kind: str, reason: str, kept: bool) -> None:
    """Place, term and claim items that ask one fact, or state a claim's figure, clash by both
    readings when everything is kept, and never stand together in a chosen quiz."""
    base = base_of(CONTENT / f"{stem}.yaml")
    quiz = build_quiz(base, seed=1, everything=True)
    found = [str(leak) for leak in leaks.find_leaks(quiz) if kind in str(leak)]
    assert any(reason in text for text in found), found
    assert any(kind in text for text in independent_leaks(quiz))
    chosen = build_quiz(base, seed=1)
    assert any(q.kind == kind for q in chosen.questions) == kept
    assert not [leak for leak in leaks.find_leaks(chosen) if kind in str(leak)]


def test_leak_reasons_name_the_fact() -> None:
    """A figure stated by an event, and a quote asked twice, are both found with their reason."""
    base = base_of(FACTBASES[0])
    quiz = build_quiz(base, seed=1, everything=True)
    reasons = " ".join(str(leak) for leak in leaks.find_leaks(quiz))
    assert "states" in reasons and "both ask" in reasons


def test_numbers_are_read_as_a_student_reads_them() -> None:
    """Digits, thousands separators, scales and number words are all numbers."""
    found = passages.numbers_in("Nine countries, 1,000 arrests, 51.2% and 7.7 million barrels")
    assert {9, 1000, 51.2, 7.7, 7_700_000} <= {float(x) for x in found}
    assert not passages.numbers_in("no numbers here")
    assert 870 in {int(x) for x in passages.numbers_in("the march began at 14:30")}


# ---- versions --------------------------------------------------------------------------------


def key_of(question: Question) -> object:
    """The letters a student writes, by position (what a neighbour could copy)."""
    if isinstance(question, MultipleChoice):
        return question.answer
    if isinstance(question, Matching):
        return tuple(sorted(question.answer))
    return tuple(question.answer)


def version_problems(quiz: Quiz, versions: tuple[Quiz, ...]) -> list[str]:
    problems = []
    originals = {q.id: q for q in quiz.questions}
    for version in versions:
        for question in version.questions:
            base = version.base(question.factbase)
            if not check_question(question, base).ok:
                problems.append(f"{version.version} {question.id}: oracle refuses it")
            if isinstance(question, MultipleChoice) and all(
                isinstance(o.claim, Amount) for o in question.options
            ):
                values = [o.claim.value for o in question.options]  # type: ignore[union-attr]  # all Amounts
                if values not in (sorted(values), sorted(values, reverse=True)):
                    problems.append(f"{question.id}: numeric options neither up nor down")
        if [q.kind for q in version.questions] != [q.kind for q in quiz.questions]:
            problems.append(f"{version.version}: sections differ")
        if sorted(q.id for q in version.questions) != sorted(originals):
            problems.append(f"{version.version}: other questions")
    # a figure given loosely has only wrong options false by it: "more than 1,000" has every one
    # below it (its key is first or last, options up or down), "nearly 4 km" only one below, so
    # three versions cannot always put the key on three letters there (they flip it at least)
    ends = {q.id for q in quiz.questions if isinstance(q.ask, FigureGiven)}
    for x, y in itertools.combinations(versions, 2):
        kx = {q.id: key_of(q) for q in x.questions if q.id not in ends}
        ky = {q.id: key_of(q) for q in y.questions if q.id not in ends}
        differ = sum(kx[i] != ky[i] for i in kx)
        if differ * 3 < 2 * len(kx):
            problems.append(f"{x.version}/{y.version}: only {differ} of {len(kx)} keys differ")
        if len(x.questions) > len({q.kind for q in x.questions}) and [
            q.id for q in x.questions
        ] == [q.id for q in y.questions]:
            problems.append(f"{x.version}/{y.version}: same question order")
        lefts_x = {q.id: [o.claim for o in q.left] for q in x.questions if isinstance(q, Matching)}
        lefts_y = {q.id: [o.claim for o in q.left] for q in y.questions if isinstance(q, Matching)}
        if lefts_x and lefts_x == lefts_y:
            problems.append(f"{x.version}/{y.version}: matching quotes in the same order")
    return problems


@pytest.mark.parametrize("path", FACTBASES, ids=[p.stem for p in FACTBASES])
def test_versions_really_differ(path: Path) -> None:
    """Three versions: letters differ for two thirds of the questions between any two, orders
    differ, numeric options stay ascending, and the oracle accepts every rearranged question."""
    for seed in seeds_of(path):
        quiz = class_quiz(path, seed)
        versions = make_versions(quiz, count=3, seed=seed)
        assert [v.version for v in versions] == ["A", "B", "C"]
        assert version_problems(quiz, versions) == []
        assert all(leaks.find_leaks(v) == [] for v in versions)


def matching_orders(quiz: Quiz, versions: tuple[Quiz, ...]) -> list[str]:
    """Matchings whose quotes come in an order an earlier version used while another was left."""
    problems = []
    for question in quiz.questions:
        if not isinstance(question, Matching):
            continue
        orders = [tuple(o.claim for o in q.left)
                  for v in versions for q in v.questions if q.id == question.id]
        room = math.factorial(len(question.left))
        if len(set(orders)) < min(room, len(orders)):
            problems.append(f"{question.id}: {len(set(orders))} orders in {len(orders)} versions")
    return problems


def test_each_version_gives_a_matching_a_new_order_of_quotes() -> None:
    """Over six versions, every matching's quotes take a new order in each while one is left."""
    matchings = 0
    for path, seed in ((p, s) for p in FACTBASES for s in seeds_of(p)):
        quiz = build_quiz(base_of(path), seed=seed, kinds=["quote-match"], count=4)
        matchings += sum(isinstance(q, Matching) for q in quiz.questions)
        assert matching_orders(quiz, make_versions(quiz, count=6, seed=seed)) == [], path.stem
    assert matchings  # articles with matchings: the check had something to check


def test_planted_repeated_matching_orders_are_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """With the orders already used no longer avoided, some matching repeats an order."""
    shuffle = versions.shuffle_options
    monkeypatch.setattr(versions, "shuffle_options",
                        lambda question, rng, **_: shuffle(question, rng))
    found = []
    for path in FACTBASES:
        quiz = build_quiz(base_of(path), seed=1, kinds=["quote-match"], count=4)
        found += matching_orders(quiz, make_versions(quiz, count=6, seed=1))
    assert found


def same_speakers(base: FactBase, speakers: tuple[str, ...]) -> set[str]:
    """The speakers and whom they speak for or who speaks for them."""
    return speaking_side({e.id: e.speaks_for for e in base.entities}, speakers)


@pytest.mark.parametrize("path", FACTBASES, ids=[p.stem for p in FACTBASES])
def test_no_quote_is_offered_with_two_of_its_speakers(path: Path) -> None:
    """No who-said-it or matching shows a quote beside both its speaker and the body that
    speaker speaks for (or its other spokesman's body): each would be a right answer."""
    base = base_of(path)
    quotes = {q.id: q for q in base.quotes}
    for seed in SEEDS:
        for question in build_quiz(base, seed=seed, everything=True).questions:
            if isinstance(question, Matching):
                offered = [o.claim.entity for o in question.right if isinstance(o.claim, EntityRef)]
                asked = [o.claim.quote for o in question.left if isinstance(o.claim, QuoteRef)]
            elif isinstance(question.ask, SpeakerOf):
                offered = [o.claim.entity for o in question.options
                           if isinstance(o.claim, EntityRef)]
                asked = [question.ask.quote]
            else:
                continue
            for quote in asked:
                right = same_speakers(base, quotes[quote].speakers)
                assert sum(e in right for e in offered) == 1, (question.id, quote)


def test_planted_versions_that_only_reorder_questions_are_caught(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With option shuffling and numeric re-asking planted away, the version property fails."""
    monkeypatch.setattr(versions, "shuffle_options", lambda question, rng, **_: question)
    monkeypatch.setattr(versions._Remade, "get", lambda self, question, attempt: None)
    base = base_of(FACTBASES[0])
    quiz = build_quiz(base, seed=1, count=select.CLASS_LENGTH)
    assert version_problems(quiz, make_versions(quiz, count=3, seed=1))


def test_planted_numeric_letters_that_never_move_are_caught(
    monkeypatch: pytest.MonkeyPatch,
) -> None:

    """Numeric questions alone keeping their letter leave fewer keys differing on a figure quiz."""
    monkeypatch.setattr(versions._Remade, "get", lambda self, question, attempt: None)
    base = base_of(FACTBASES[0])
    quiz = build_quiz(base, seed=1, kinds=["figure-choice"], count=12)
    numeric = [q for q in quiz.questions if isinstance(q, MultipleChoice)
               and all(isinstance(o.claim, Amount) for o in q.options)]
    assert len(numeric) * 3 > len(quiz.questions)  # enough numeric ones for the plant to show
    assert version_problems(quiz, make_versions(quiz, count=3, seed=1))
