"""Per-student versions ask a figure again from its measure's figures alone: the same questions."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgen.factbase.loader import load_factbase
from quizgen.generators.base import GenOptions
from quizgen.generators.common import norm
from quizgen.generators.figure_choice import generate, generate_measure

CONTENT = Path(__file__).resolve().parent.parent / "content"
CORPUS = Path(__file__).resolve().parent / "corpus"
BASES = sorted(CONTENT.glob("*.yaml")) + sorted(CORPUS.glob("*/*.yaml"))


@pytest.mark.parametrize("path", BASES, ids=lambda p: p.stem)
def test_a_measure_alone_gives_the_same_questions(path: Path) -> None:
    """For every measure, seeds and option counts, generate_measure gives exactly the questions
    generate makes about that measure's figures, in the same order."""
    base = load_factbase(path)
    measures = {norm(figure.measure) for figure in base.figures}
    for seed in (0, 1, 977):
        for options in (GenOptions(num_options=3), GenOptions(num_options=4),
                        GenOptions(num_options=4, limit=3)):
            whole = generate(base, seed=seed, options=options).questions
            for measure in measures:
                alone = generate_measure(base, measure, seed=seed, options=options)
                assert alone == tuple(q for q in whole
                                      if norm(getattr(q.ask, "measure", "")) == measure)
