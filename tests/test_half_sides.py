"""A share's answer never stands alone on its side of half among the options (the loser's 44.2%
among 51.2%, 54.2% and 59.2%): a student who knows who won picks it without the article. Checked
over every base, exact figures as well as loose ones (issue 18, content review)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from conftest import loaded
from factbases import figure, make_base, org, run
from sweep import BASES, seeds_of

from quizgen.generators import GENERATORS
from quizgen.generators.base import GenOptions
from quizgen.quiz.questions import Amount, FigureGiven, FigureValue, MultipleChoice, Question

pytestmark = pytest.mark.sweep  # every seed of every base under `make fuzz` (sweep.py)


def _whole(unit: str) -> Decimal | None:
    """What a share's unit counts out of: 100 for a percentage, N for "out of N"."""
    words = unit.casefold().split()
    if words in (["percent"], ["per", "cent"], ["%"]):
        return Decimal(100)
    if len(words) == 3 and words[:2] == ["out", "of"] and words[2].isdigit():
        return Decimal(words[2])
    return None


def _alone(question: Question) -> bool:
    """Whether a figure item's key is a share and no other option is on its side of half."""
    if not isinstance(question, MultipleChoice) or not isinstance(
            question.ask, FigureValue | FigureGiven):
        return False
    amounts = [o.claim for o in question.options if isinstance(o.claim, Amount)]
    key = question.options[question.answer].claim
    if not isinstance(key, Amount) or len(amounts) != len(question.options):
        return False
    whole = _whole(key.unit)
    if whole is None or key.value * 2 == whole:
        return False
    above = key.value * 2 > whole
    return all((a.value * 2 > whole) != above or a.value * 2 == whole
               for a in amounts if a is not key)


@pytest.mark.parametrize("path", BASES, ids=[p.stem for p in BASES])
def test_no_share_is_alone_on_its_side_of_half(path: Path) -> None:
    """No figure item of any base (the sweep's seeds) has a share for an answer with every
    other option on the other side of half."""
    base = loaded(path)
    for seed in seeds_of(path):
        made = GENERATORS["figure-choice"](base, seed=seed, options=GenOptions()).questions
        alone = [q.prompt for q in made if _alone(q)]
        assert not alone, (seed, alone)


def test_the_losers_exact_share_is_asked_beside_another_minority() -> None:
    """The loser's 44.2% (the winner's 51.2% beside it) is asked on every seed, each time with
    another option under half; a share of exactly half is left to the other rules."""
    base = make_base(
        org("cne", "the electoral commission"),
        figure("winner", "share of the vote of the winner", "51.2", "percent", "cne",
               group="shares"),
        figure("loser", "share of the vote of the loser", "44.2", "percent", "cne",
               group="shares"),
    )  # fmt: skip
    asked = 0
    for seed in range(20):
        for question in run("figure-choice", base, seed).questions:
            assert not _alone(question), [o.text for o in question.options]  # type: ignore[union-attr]
            asked += "loser" in question.prompt
    assert asked >= 10
