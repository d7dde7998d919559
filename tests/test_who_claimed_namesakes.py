"""who-claimed-it with namesakes: a claim about one of two people of the same name, made by the
other, is never asked, even when it agrees with the words of the one it is about (make fuzz found
it: the agreeing voice was taken out of whom the claim is about before the name check)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from factbases import make_base, person, quote, talk
from hypothesis import given, settings
from strategies import load_profiles, namesake_claims, seeds

from quizgen.factbase.model import FactBase, ReportedClaim
from quizgen.generators import GENERATORS
from quizgen.generators.base import GenOptions
from quizgen.oracle import check_question

load_profiles()


def _base(*, agrees: bool) -> FactBase:
    """Sam Reed (a) claims something about Sam Reed (b); with `agrees`, the claim agrees with
    b's own quote; three other people speak."""
    others = ("lee", "kim", "ray")
    base = make_base(
        person("a", "Sam Reed"), person("b", "Sam Reed"), *(person(o) for o in others),
        quote("b-words", "I did everything the law asked of me.", "b"), *talk(*others),
    )
    claim = ReportedClaim("c", ("a",), "the rules had been broken", excerpt="it was said that the"
                          " rules had been broken", about=("b",),
                          agrees_with=("b-words",) if agrees else ())
    return replace(base, claims=(claim,))


def test_a_claim_about_a_namesake_is_not_asked_even_when_it_agrees() -> None:
    """The claim is skipped with or without the agreement, for every seed; whatever is made
    passes the oracle."""
    for agrees in (False, True):
        base = _base(agrees=agrees)
        for seed in range(20):
            made = GENERATORS["who-claimed-it"](base, seed=seed, options=GenOptions())
            assert not made.questions, (agrees, seed, made.questions)
            assert any("shares a name" in s.reason for s in made.skipped), made.skipped


def test_the_oracle_refuses_the_namesake_item(monkeypatch: pytest.MonkeyPatch) -> None:
    """Had the item been made (keyed to a), the oracle would refuse it: its key names b too."""
    from quizgen.generators import who_claimed_it

    base = _base(agrees=True)
    monkeypatch.setattr(who_claimed_it, "clashes", lambda entity, names: False)
    made = GENERATORS["who-claimed-it"](base, seed=1, options=GenOptions()).questions
    assert made and not check_question(made[0], base).ok


@pytest.mark.search  # the profile's examples: 100 in make test, 3,000 in make fuzz
@settings(deadline=None)
@given(base=namesake_claims(), seed=seeds)
def test_namesake_claims_on_random_bases_pass_the_oracle(base: FactBase, seed: int) -> None:
    """On random bases with a namesake claiming something about a quoted person (agreeing with
    that person's quote at times), every who-claimed-it item passes the oracle."""
    for question in GENERATORS["who-claimed-it"](base, seed=seed, options=GenOptions()).questions:
        verdict = check_question(question, base)
        assert verdict.ok, (verdict.problems, question)
