"""Every fact base in content/, seeds 1–20: every item passes the oracle and the quality rules
(no option correct-equivalent to the answer, no speaker of another kind, no fragment asked)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CONTENT
from test_properties import assert_sound

from quizgen.generators import GENERATORS
from quizgen.generators.base import GenOptions
from quizgen.loader import load_factbase

BASES = sorted(CONTENT.glob("*.yaml"))
SEEDS = range(1, 21)


@pytest.mark.parametrize("path", BASES, ids=[p.stem for p in BASES])
def test_every_item_on_every_fact_base_is_sound(path: Path) -> None:
    """For seeds 1–20 and every kind, each question is oracle-proved and worth asking."""
    base = load_factbase(path)
    options = GenOptions()
    made = 0
    for seed in SEEDS:
        for name, generate in GENERATORS.items():
            generated = generate(base, seed=seed, options=options)
            assert_sound(name, generated, base, options)
            made += len(generated.questions)
    assert made, f"{path.name} makes no question at all"
