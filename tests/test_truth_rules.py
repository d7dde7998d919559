"""Every option a student reads is the one right answer or false by the facts: checked over every
fact base in content/ and tests/corpus/*/, the sweep's seeds, with rules worked out here."""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import CONTENT, ROOT, loaded
from sweep import seeds_of

from quizgen.factbase.model import Entity, FactBase, Place, Quote, Source
from quizgen.generators import GENERATORS, figure_choice
from quizgen.generators.amounts import numeric_options
from quizgen.generators.base import GenOptions
from quizgen.oracle.links import containers
from quizgen.quiz.questions import Amount, FigureGiven, FigureValue, MultipleChoice, Question

pytestmark = pytest.mark.sweep  # every seed of every base under `make fuzz` (sweep.py)

# every hand-written base: content/ and the real articles of tests/corpus (dev and held-out)
BASES = sorted(CONTENT.glob("*.yaml")) + sorted((ROOT / "tests" / "corpus").glob("*/*.yaml"))
SEEDS = range(1, 21)
WIDE = Decimal("0.2")  # "about 40,000" is at most a fifth off; years 2, times of day 30 minutes


def made(path: Path, kind: str) -> Iterator[tuple[FactBase, Question]]:
    """Every question of one kind made from the base, for the sweep's seeds."""
    base = loaded(path)
    for seed in seeds_of(path):
        for question in GENERATORS[kind](base, seed=seed, options=GenOptions()).questions:
            yield base, question


# ---- figures: a statement about the world is false when no value the facts allow makes it true --


def _reach(value: Decimal, unit: str) -> Decimal:
    if unit == "year":
        return Decimal(2)
    if unit == "time of day":
        return Decimal(30)
    return abs(value) * WIDE


def holds(
    qualifier: str, value: Decimal, to: Decimal | None, unit: str, half: Decimal
) -> Callable[[Decimal], bool]:
    """What a statement says of a world value w, word by word: '51.2%' holds of 51.15 to 51.25,
    'more than 1,000' of anything above, 'about 40,000' of 32,000 to 48,000 (read widely)."""
    top = value if to is None else to
    low = value - half - _reach(value, unit)
    rules: dict[str, Callable[[Decimal], bool]] = {
        "exact": lambda w: value - half <= w <= top + half,
        "about": lambda w: low <= w <= top + half + _reach(top, unit),
        "nearly": lambda w: low <= w <= value + half,
        "more than": lambda w: w > value,
        "at least": lambda w: w >= value,
        "fewer than": lambda w: w < value,
        "at most": lambda w: w <= value,
        "up to": lambda w: w <= value,
    }
    return rules[qualifier]


def _probes(*numbers: Decimal) -> list[Decimal]:
    """World values to try: every number mentioned, just beside it, and between any two."""
    tiny = Decimal("0.000001")
    found = set()
    for n in numbers:
        found |= {n, n - tiny, n + tiny}
    ordered = sorted(found)
    found |= {(a + b) / 2 for a, b in itertools.pairwise(ordered)}
    return sorted(found)


def false_by(figures: list[tuple[str, Decimal, Decimal | None, str]], option: Amount) -> bool:
    """Whether no world value allowed by any of the figures makes the option true."""
    half = Decimal(5).scaleb(-option.decimals - 1)
    says = holds(option.qualifier, option.value, option.to, option.unit, half)
    marks = [option.value, option.value - half, option.value + half]
    if option.to is not None:
        marks += [option.to - half, option.to + half]
    for _, value, to, unit in figures:
        top = value if to is None else to
        spread = _reach(value, unit) + _reach(top, unit)
        marks += [value, top, value - spread, top + spread, value - 2 * spread, top + 2 * spread]
    for qualifier, value, to, unit in figures:
        if unit != option.unit:
            return False
        allows = holds(qualifier, value, to, unit, Decimal(0))
        if any(allows(w) and says(w) for w in _probes(*marks)):
            return False
    return True


@pytest.mark.parametrize("path", BASES, ids=[p.stem for p in BASES])
def test_every_wrong_figure_option_is_false_as_a_student_reads_it(path: Path) -> None:
    """Each wrong numeric option is false by the figures the question asks about, read as a
    statement about the world ('more than 400 arrests' is true of 'over 1,000': never offered)."""
    assert_figure_options_false(path)


def test_the_figure_rule_goes_red_on_options_merely_other_than_the_figure_given(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With the generator offering 'more than 400 … more than 1,000' again (the options around
    the figure in its own words), the rule fails on content/."""
    old_way = make_old_way()
    monkeypatch.setattr(figure_choice, "false_options", old_way)
    failures = 0
    for path in BASES:
        try:
            assert_figure_options_false(path)
        except AssertionError:
            failures += 1
    assert failures, "the planted bug went unseen"


def make_old_way() -> Callable[..., object]:
    """The generator's former choice for a loose figure: round steps in the figure's own words."""

    def old_way(correct: Amount, *, stated: object, rng: random.Random, count: int,
                pool: list[Decimal], taken: list[tuple[Decimal, int]], measure: str = "",
                limits: tuple[Decimal | None, Decimal | None] = (None, None),
                avoid: object = frozenset()) -> object:
        del stated, measure, avoid
        width = None if correct.to is None else correct.to - correct.value
        return numeric_options(correct, rng=rng, count=count, pool=pool, taken=taken, width=width,
                               limits=limits)

    return old_way


def assert_figure_options_false(path: Path) -> None:
    """The figure rule on one base, the sweep's seeds."""
    checked = 0
    for base, question in made(path, "figure-choice"):
        if not isinstance(question, MultipleChoice):
            continue
        ask = question.ask
        if not isinstance(ask, FigureValue | FigureGiven):
            continue
        figures = [
            (f.qualifier, f.value, f.to, f.unit) for f in base.figures
            if " ".join(f.measure.split()).casefold() == " ".join(ask.measure.split()).casefold()
            and f.subject == ask.subject and f.value.is_finite()
            and (ask.given_by is None or set(f.given_by) == set(ask.given_by))
        ]  # fmt: skip
        for i, option in enumerate(question.options):
            assert isinstance(option.claim, Amount)
            if i != question.answer:
                checked += 1
                assert false_by(figures, option.claim), (
                    f"{option.text!r} is not false by {figures} in {question.prompt!r}: "
                    f"{[o.text for o in question.options]}"
                )
    assert checked or not loaded(path).figures, "no number item was checked"


# ---- links: places inside places, one thing under two names, claims that agree ---------------


def _joined(pairs: list[tuple[str, tuple[str, ...]]], start: set[str]) -> set[str]:
    """Ids reachable from `start` through the links, in either direction."""
    found = set(start)
    changed = True
    while changed:
        changed = False
        for one, others in pairs:
            for other in others:
                if (one in found) != (other in found):
                    found |= {one, other}
                    changed = True
    return found


def _addresses(base: FactBase) -> set[tuple[str, str]]:
    """(inner, outer) for each pair of places the article writes as an address, "Dubuque,
    Iowa": one's name, a comma and the other's, not inside a list ("Paris, London and Rome")."""
    article = " ".join((base.article or "").split())
    names = {name: p.id for p in base.places for name in (p.name, *p.aliases) if name.strip()}
    found = set()
    for inner, outer in itertools.permutations(names, 2):
        at = article.find(f"{inner}, {outer}")
        while at >= 0 and names[inner] != names[outer]:
            after = article[at + len(inner) + 2 + len(outer):]
            before = article[:at]
            listed = after.startswith((" and ", " or ")) or any(
                after.startswith(f", {name}") for name in names)
            if not after[:1].isalnum() and not listed and not before.endswith(", ") and not (
                    before[-1:].isalnum()):
                found.add((names[inner], names[outer]))
            at = article.find(f"{inner}, {outer}", at + 1)
    return found


def _lies_in(base: FactBase, place_id: str) -> set[str]:
    """Every place this one lies in, by within or by the article's address ("Dubuque, Iowa"):
    from it or any of its other names, on up."""
    same = [(p.id, p.same_as) for p in base.places]
    written = _addresses(base)
    found: set[str] = set()
    frontier = _joined(same, {place_id})
    while frontier:
        outer = {w for p in base.places if p.id in frontier for w in p.within}
        outer |= {o for i, o in written if i in frontier}
        frontier = _joined(same, outer) - found
        found |= frontier
    return found


@pytest.mark.parametrize("path", BASES, ids=[p.stem for p in BASES])
def test_no_place_is_offered_beside_one_it_lies_in(path: Path) -> None:
    """No two options of a 'where …?' item lie one within the other or are one place under two
    names: the answer's town beside its province would be a second right answer."""
    for base, question in made(path, "place"):
        assert isinstance(question, MultipleChoice)
        ids = [o.claim.place for o in question.options]  # type: ignore[union-attr]  # place options
        for one, other in itertools.combinations(ids, 2):
            named = _joined([(p.id, p.same_as) for p in base.places], {one})
            assert other not in named | _lies_in(base, one), (one, other, question.prompt)
            assert one not in _lies_in(base, other), (one, other, question.prompt)


def test_the_place_rule_meets_answers_that_lie_in_other_places() -> None:
    """Some item of content/ is keyed to a place that lies in another place of its article, so
    the rule above is put to the test (Liberty Square, in Marenzo)."""
    keyed = 0
    for path in BASES:
        for base, question in made(path, "place"):
            assert isinstance(question, MultipleChoice)
            key = question.options[question.answer].claim
            keyed += bool(_lies_in(base, getattr(key, "place", "")))
    assert keyed


def _terms_of(question: MultipleChoice, base: FactBase) -> list[str | None]:
    """The term id each option stands for (its meaning or its name), None for a role."""
    ids = []
    for option in question.options:
        claim = option.claim
        ids.append(getattr(claim, "term", None))
    return ids


# the real bases and the made-up ones of the sheet sweep (tests/data/sweep/), which hold the
# same_as links no real base has
LINKED = BASES + sorted((ROOT / "tests" / "data" / "sweep").glob("*.yaml"))


@pytest.mark.parametrize("path", LINKED, ids=[p.stem for p in LINKED])
def test_no_term_option_is_the_same_thing_under_another_name(path: Path) -> None:
    """'What is Matariki?' never offers what the Pleiades are when Matariki is the Pleiades'
    other name (same_as), nor the other name in 'Which term means …?'."""
    for base, question in made(path, "term-meaning"):
        if not isinstance(question, MultipleChoice):
            continue
        asked = getattr(question.ask, "term", None)
        same = _joined([(t.id, t.same_as) for t in base.terms], {str(asked)})
        meanings = {" ".join(t.meaning.split()).casefold() for t in base.terms if t.id in same}
        for i, (option, term) in enumerate(zip(question.options, _terms_of(question, base),
                                               strict=True)):  # fmt: skip
            if i == question.answer:
                continue
            assert term not in same, (question.prompt, option.text)
            if type(question.ask).__name__ == "TermMeaning":
                assert " ".join(option.text.split()).casefold() not in meanings, option.text


def _bodies(base: FactBase, entity_id: str) -> set[str]:
    """Those an entity speaks for, on up (speaks_for)."""
    up = {e.id: e.speaks_for for e in base.entities}
    found: set[str] = set()
    while (entity_id := up.get(entity_id) or "") and entity_id not in found:
        found.add(entity_id)
    return found


@pytest.mark.parametrize("path", BASES, ids=[p.stem for p in BASES])
def test_no_one_who_said_as_much_is_offered_as_a_wrong_claimant(path: Path) -> None:
    """'Who said that the opposition clearly won?' never offers Machado or Musk when the claim
    agrees with what they said (agrees_with), nor anyone speaking for them or for whom they
    speak, nor their other entries (same_as)."""
    _agreeing_claims_asked(path)


def test_claims_that_agree_are_asked() -> None:
    """The rule above meets claims that agree with another statement (on some base: a base's
    agreeing claims may all lack other people to offer)."""
    assert sum(_agreeing_claims_asked(path) for path in BASES), (
        "no claim that agrees with another was asked: the rule is untested")


def _agreeing_claims_asked(path: Path) -> int:
    """Check the rule on a base's who-claimed-it items; how many ask a claim that agrees."""
    agreeing = 0
    for base, question in made(path, "who-claimed-it"):
        assert isinstance(question, MultipleChoice)
        claim_id = getattr(question.ask, "claim", "")
        statements = _joined([(c.id, c.agrees_with) for c in base.claims], {claim_id})
        voices = {v for c in base.claims if c.id in statements for v in c.claimants}
        voices |= {v for q in base.quotes if q.id in statements for v in q.speakers}
        said = _joined([(e.id, e.same_as) for e in base.entities], voices)
        side = said | {up for e in base.entities if e.id in said for up in _bodies(base, e.id)}
        side |= {e.id for e in base.entities if said & _bodies(base, e.id)}  # their spokesmen
        # (two spokesmen of one body are not one speaker: a body's other voice may be offered)
        agreeing += len(statements) > 1
        for i, option in enumerate(question.options):
            if i != question.answer:
                assert getattr(option.claim, "entity", None) not in side, (
                    question.prompt, option.text)
    return agreeing


# ---- plausibility: no option a student rules out by common sense ---------------------------------


def _plausible_everywhere() -> None:
    """The plausibility rule (test_properties) on every figure item of every base, swept seeds."""
    from test_properties import _assert_plausible

    for path in BASES:
        for base, question in made(path, "figure-choice"):
            assert isinstance(question, MultipleChoice)
            _assert_plausible(question, base)


def test_every_figure_option_is_within_reach_of_common_sense() -> None:
    """No age of 147 or mean age of 11 beside 40, no 40% beside 3%, no 0.1 times beside 1.6
    times, on every base, the sweep's seeds."""
    _plausible_everywhere()


def test_the_plausibility_rule_goes_red_on_unbounded_distractors(
    monkeypatch: pytest.MonkeyPatch,
) -> None:

    """With the bounds of before (percentages 0–100, any positive amount, ages unbounded), the
    rule fails on content/."""
    from quizgen.factbase.numbers import unit_kind
    from quizgen.generators import amounts, false_amounts

    def loose(value: Decimal, unit: str, *, decimals: int = 0, measure: str = ""
              ) -> tuple[Decimal | None, Decimal | None]:
        del measure
        if unit_kind(unit) == "percent":
            return Decimal(0), Decimal(100)
        if unit_kind(unit) in ("year", "time"):
            return (value - 10, value + 10) if unit_kind(unit) == "year" else (Decimal(0), None)
        return (Decimal(1).scaleb(-decimals), None) if value > 0 else (None, None)

    monkeypatch.setattr(amounts, "bounds", loose)
    monkeypatch.setattr(false_amounts, "bounds", loose)
    with pytest.raises(AssertionError):
        _plausible_everywhere()


def test_an_address_in_the_article_puts_a_town_in_its_state() -> None:
    """"Sandra Murray of Dubuque, Iowa" puts Dubuque in Iowa for the generator and the oracle
    alike, though the base gives no within:; a list ("Ames, Iowa and Ohio") puts nothing in
    anything, and the generator never offers Dubuque beside Iowa."""
    places = (Place("dubuque", "Dubuque", "a town"), Place("iowa", "Iowa", "a state"),
              Place("ohio", "Ohio", "a state"), Place("utah", "Utah", "a state"),
              Place("ames", "Ames", "a town"), Place("ny", "New York", "a city"))
    people = [Entity(i, i.title(), "a voter") for i in ("murray", "smith")]
    quotes = (Quote("q1", "We need to get out of this mess right now.", ("murray",),
                    excerpt="said Sandra Murray of Dubuque, Iowa", place="dubuque"),
              Quote("q2", "He is the man to do it, no doubt about that.", ("smith",),
                    excerpt="Smith said in New York", place="ny"))
    article = ("Sandra Murray of Dubuque, Iowa, spoke. Smith said in New York. Rallies were held"
               " in Ames, Iowa and Ohio, and in Utah.")
    base = FactBase(id="t", source=Source(title="A rally", about="testing"),
                    entities=tuple(people), quotes=quotes, places=places, article=article)
    assert _addresses(base) == {("dubuque", "iowa")}
    assert containers(base, "dubuque") == {"iowa"} and not containers(base, "ames")
    for seed in range(6):
        for question in GENERATORS["place"](base, seed=seed, options=GenOptions()).questions:
            assert isinstance(question, MultipleChoice)
            shown = {getattr(o.claim, "place", None) for o in question.options}
            assert not {"dubuque", "iowa"} <= shown, question.prompt
