"""Every fact base in content/, swept seeds: every item passes the oracle and the quality rules
(no option correct-equivalent to the answer, no speaker of another kind, no fragment asked)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CONTENT, loaded
from sweep import seeds_of
from term_check import assert_term_options
from test_properties import assert_sound

from quizgen.generators import GENERATORS
from quizgen.generators.base import GenOptions
from quizgen.quiz.questions import MultipleChoice, RoleRef

pytestmark = pytest.mark.sweep  # every seed of every base under `make fuzz` (sweep.py)


BASES = sorted(CONTENT.glob("*.yaml"))


@pytest.mark.parametrize("path", BASES, ids=[p.stem for p in BASES])
def test_every_item_on_every_fact_base_is_sound(path: Path) -> None:
    """For the sweep's seeds and every kind, each question is oracle-proved and worth asking."""
    base = loaded(path)
    options = GenOptions()
    made = 0
    for seed in seeds_of(path):
        for name, generate in GENERATORS.items():
            generated = generate(base, seed=seed, options=options)
            assert_sound(name, generated, base, options)
            made += len(generated.questions)
    assert made, f"{path.name} makes no question at all"


def test_term_questions_on_every_fact_base_offer_meanings_of_the_terms_kind() -> None:
    """For swept seeds, each term option in content/ is another term's meaning or a role of a body
    of the kind the term names, never a second right answer; roles appear only for such terms."""
    roles = 0
    for path in BASES:
        base = loaded(path)
        for seed in seeds_of(path):
            made = GENERATORS["term-meaning"](base, seed=seed, options=GenOptions())
            for question in made.questions:
                assert_term_options(question, base)
                if isinstance(question, MultipleChoice):
                    roles += sum(isinstance(o.claim, RoleRef) for o in question.options)
    assert roles, "no content term names a body: the role rule is never exercised"
