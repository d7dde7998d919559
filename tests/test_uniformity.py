"""Over 1,000 seeds the correct option's position (or rank) is uniform: chi-square, p > 0.01."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from decimal import Decimal

import pytest

from quizgen.factbase.model import Entity, FactBase, Figure, Quote, Source
from quizgen.generators import GENERATORS
from quizgen.generators.base import GenOptions
from quizgen.oracle import Verdict, check_question
from quizgen.quiz.questions import (
    Amount,
    FigureHolder,
    FigureValue,
    MultipleChoice,
    Question,
    SpeakerOf,
)

SEEDS = range(1000)
K = 4  # options per question
ALPHA = 0.01

NAMES = ("Ana Pérez", "Boris Ng", "Chen Li", "Dara Obi", "Eva Kim", "Femi Ade", "Gil Roth",
         "Hana Sato", "Ivo Dias", "Electoral Council")  # fmt: skip
SHARES = ("10.5", "20.1", "30.7", "40.2", "50.9", "60.3")  # p0 holds the group's smallest


def _base() -> FactBase:
    """Ten people, six single-speaker quotes, a group of vote shares and two lone figures."""
    people = tuple(Entity(id=f"p{i}", name=n, role="r", excerpt=n) for i, n in enumerate(NAMES))
    quotes = tuple(
        Quote(id=f"q{i}", text=f"Sentence number {i} was said.", speakers=(f"p{i}",),
              excerpt=f"said “Sentence number {i} was said.”")
        for i in range(6)
    )
    shares = tuple(
        Figure(
            id=f"share-{i}",
            measure="share of the vote",
            subject=f"p{i}",
            value=Decimal(v),
            unit="percent",
            given_by=("p9",),
            group="vote",
            excerpt=f"{v}%",
        )
        for i, v in enumerate(SHARES)
    )
    lone = (
        Figure(
            id="arrests",
            measure="arrests",
            value=Decimal(1200),
            unit="arrests",
            given_by=("p8",),
            excerpt="1,200 arrests",
        ),
        Figure(
            id="oil",
            measure="oil production",
            value=Decimal("0.75"),
            unit="million barrels",
            given_by=("p7",),
            excerpt="0.75 million barrels",
        ),
    )
    return FactBase(
        id="uniform",
        source=Source(title="Uniformity", about="A base with ample candidates"),
        entities=people,
        quotes=quotes,
        figures=shares + lone,
    )


BASE = _base()


# keyed by the base's id(); the base is kept in the value so that the id stays its own
_GENERATED: dict[tuple[str, int], tuple[FactBase, tuple[tuple[Question, ...], ...]]] = {}
_VERDICTS: dict[tuple[int, Question], Verdict] = {}


def generated(name: str, base: FactBase) -> tuple[tuple[Question, ...], ...]:
    """Each seed's questions from one generator with K options, generated once per module for a
    base (several tests count positions of other asks in the same output)."""
    key = (name, id(base))
    if key not in _GENERATED:
        options = GenOptions(num_options=K)
        _GENERATED[key] = base, tuple(GENERATORS[name](base, seed=seed, options=options).questions
                                      for seed in SEEDS)  # fmt: skip
    kept, questions = _GENERATED[key]
    assert kept is base
    return questions


def verdict(question: Question, base: FactBase) -> Verdict:
    """The oracle's verdict, worked out once for each distinct question (seeds repeat many)."""
    key = (id(base), question)
    if key not in _VERDICTS:
        _VERDICTS[key] = check_question(question, base)
    return _VERDICTS[key]


def positions_by_ask(
    name: str, base: FactBase, keep: Callable[[MultipleChoice], bool], *, ample: bool = True
) -> dict[object, Counter[int]]:
    """Per ask, how often the correct option sat at each index over all seeds (kept questions).

    With `ample` candidates every kept question must have K options; otherwise shorter ones are
    left out of the count.
    """
    counts: dict[object, Counter[int]] = defaultdict(Counter)
    for questions in generated(name, base):
        for question in questions:
            if not isinstance(question, MultipleChoice) or not keep(question):
                continue
            if len(question.options) != K:
                assert not ample, f"{len(question.options)} options: {question}"
                continue
            result = verdict(question, base)
            assert result.ok, result.problems
            counts[question.ask][question.answer] += 1
    return dict(counts)


def positions(
    name: str, base: FactBase, keep: Callable[[MultipleChoice], bool], *, ample: bool = True
) -> Counter[int]:
    """How often the correct option sat at each index, over all seeds and kept questions."""
    return sum(positions_by_ask(name, base, keep, ample=ample).values(), Counter())


def chi_square_p(observed: list[int]) -> float:
    """The chi-square goodness-of-fit p-value of counts against uniform (scipy is imported here,
    when a test first asks, not while pytest collects: 3 CPU seconds in every xdist worker)."""
    from scipy.stats import chisquare

    return float(chisquare(observed).pvalue)


def assert_uniform(counts: Counter[int], *, at_least: int = len(SEEDS)) -> None:
    """Chi-square goodness of fit against uniform over the K positions, with p > ALPHA."""
    observed = [counts[i] for i in range(K)]
    assert sum(observed) >= at_least, f"too few questions to test: {observed}"
    pvalue = chi_square_p(observed)
    assert pvalue > ALPHA, f"not uniform: {observed}, p = {pvalue:.2g}"


def _speaker(q: MultipleChoice) -> bool:
    return isinstance(q.ask, SpeakerOf)


def _value(q: MultipleChoice) -> bool:
    return isinstance(q.ask, FigureValue)


def test_chi_square_detects_a_biased_position() -> None:
    """The uniformity check itself fails for a position that favours the first slot."""
    biased = Counter({0: 300, 1: 240, 2: 230, 3: 230})
    with pytest.raises(AssertionError, match="not uniform"):
        assert_uniform(biased)
    assert_uniform(Counter({0: 250, 1: 248, 2: 255, 3: 247}))


def test_who_said_it_position_uniform() -> None:
    """Who-said-it puts the speaker at each of the four positions equally often."""
    assert_uniform(positions("who-said-it", BASE, _speaker))


def test_who_said_it_position_uniform_for_one_quote() -> None:
    """For one fixed quote, its speaker's position is uniform across seeds."""
    one = positions("who-said-it", BASE, lambda q: q.ask == SpeakerOf("q0"))
    assert_uniform(one)


def _beside_half(q: MultipleChoice) -> bool:
    """A vote share less than one point from half (50.9%): above half, the top place would
    leave it the only value on its side of half (no round value between 50% and it), which a
    student who knows the winner picks; below half, the bottom place likewise."""
    key = q.options[q.answer].claim
    return isinstance(key, Amount) and key.unit == "percent" and 0 < abs(key.value - 50) < 1


def test_figure_choice_rank_uniform() -> None:
    """Among ascending numeric options the correct value's rank is uniform (shares beside half
    apart: the next test)."""
    assert_uniform(positions("figure-choice", BASE, lambda q: _value(q) and not _beside_half(q)))


def test_a_share_beside_half_takes_every_rank_but_the_far_one() -> None:
    """A share beside half is never offered where it would stand alone on its side of half (for
    50.9%, the top), and takes each other rank equally often (planted: the rank moved to the
    nearest that gives it company, as first written, piles it on the rank next to the top)."""
    counts = positions("figure-choice", BASE, lambda q: _value(q) and _beside_half(q))
    assert counts, "the base has a share beside half"
    assert counts[K - 1] == 0, counts
    observed = [counts[i] for i in range(K - 1)]
    assert sum(observed) >= len(SEEDS) // 2, observed
    assert chi_square_p(observed) > ALPHA, f"not uniform: {observed}"


@pytest.mark.parametrize("subject", ["p0", "p5", None])
def test_figure_choice_rank_uniform_at_the_extremes(subject: str | None) -> None:
    """Even the smallest and largest of a group, and a lone figure, get every rank equally."""

    def keep(q: MultipleChoice) -> bool:
        return isinstance(q.ask, FigureValue) and q.ask.subject == subject and (
            subject is not None or q.ask.measure == "arrests"
        )  # fmt: skip

    assert_uniform(positions("figure-choice", BASE, keep))


def test_figure_holder_position_uniform() -> None:
    """'Whose share was x?' puts the holder at each position equally often."""
    counts = positions("figure-choice", BASE, lambda q: isinstance(q.ask, FigureHolder))
    if not counts:
        pytest.skip("figure-choice makes no holder questions from this base")
    assert_uniform(counts)


@pytest.mark.parametrize(("name", "keep"), [("who-said-it", _speaker), ("figure-choice", _value)])
def test_bundled_article_positions_uniform(
    name: str, keep: Callable[[MultipleChoice], bool], request: pytest.FixtureRequest
) -> None:
    """On the bundled article, correct positions pooled over its questions are uniform.

    A figure at the edge of what is plausible (100 percent; "under 1" million barrels shown in
    whole numbers) cannot take every rank, so only asks seen at every rank are pooled; the
    hand-made base above checks that extremes inside a group still get every rank.
    """
    if not request.getfixturevalue("article_path").exists():
        pytest.skip("the bundled fact base is not there yet")
    base = request.getfixturevalue("article_base")
    by_ask = positions_by_ask(name, base, keep, ample=False)
    pooled = sum((c for c in by_ask.values() if len(c) == K), Counter())
    assert_uniform(pooled, at_least=len(SEEDS) * max(1, len(by_ask) // 2))
