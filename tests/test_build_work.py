"""Work a build does once that it did many times, done the faster way with the same answers."""

from __future__ import annotations

import re
from pathlib import Path

from quizgen.factbase.loader import load_factbase
from quizgen.generators import sequence

ROOT = Path(__file__).resolve().parent.parent
BASES = [*sorted((ROOT / "content").glob("*.yaml")),
         *sorted((ROOT / "tests" / "corpus").glob("*/*.yaml"))]


def _stage_by_each_stem(description: str) -> int | None:
    """The latest stage one of whose stems starts a word of the folded description, searching
    for every stem on its own (how sequence.stage read it before its stems were joined)."""
    folded = " " + " ".join(sequence._words(description)) + " "
    found = None
    for number, stems in enumerate(sequence._STAGES):
        if any(re.search(rf"(?<![\w-]){re.escape(stem)}", folded) for stem in stems):
            found = number
    return found


def _descriptions() -> list[str]:
    """Every event description of the bundled and corpus articles, and every stem of every
    stage at a word's start, inside a word, after a hyphen and beside another stage's stem."""
    texts = [e.description for path in BASES for e in load_factbase(path).events]
    stems = [stem for stems in sequence._STAGES for stem in stems]
    for stem in stems:
        texts += [stem, f"the {stem}ed", f"un{stem}", f"pre-{stem}", f"x{stem} y",
                  f"{stem.upper()} later", f"re-{stem}"]
    texts += [f"{a} {b}" for a, b in zip(stems, reversed(stems), strict=True)]
    return texts


def test_stage_reads_each_description_as_searching_every_stem_does() -> None:
    """sequence.stage, its stems joined into one pattern a stage, gives the stage that
    searching for each stem alone gives, for hundreds of real and made-up descriptions."""
    texts = _descriptions()
    assert len(texts) > 500
    found = [sequence.stage(text) for text in texts]
    assert found == [_stage_by_each_stem(text) for text in texts]
    assert len(set(found)) == 5  # every stage and None are met: the comparison covers them
