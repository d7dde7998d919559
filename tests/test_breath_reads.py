"""The one-breath and summary rules find excerpts in one reading of the article, as `find` would."""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise
from pathlib import Path

import pytest
from conftest import loaded

from quizgen.factbase.loader import load_text
from quizgen.factbase.model import FactBase
from quizgen.generators.textindex import WordFinder
from quizgen.quiz import breath

ROOT = Path(__file__).resolve().parent.parent
BASES = sorted(ROOT.glob("content/*.yaml")) + sorted((ROOT / "tests" / "corpus").glob("*/*.yaml"))


def _found(article: str, excerpt: str) -> tuple[int, int] | None:
    """Where an excerpt stands in the article by `str.find` (the plain reading)."""
    text = excerpt.strip()
    start = article.find(text) if text and "…" not in text else -1
    return (start, start + len(text)) if start >= 0 else None


def _breaths_by_find(base: FactBase) -> dict[str, frozenset[str]]:
    """The one-breath pairs worked out by looking for each excerpt with `str.find`."""
    article = base.article or ""
    claims = {c.id for c in base.claims}
    said = [(q.id, q.excerpt, q.speakers) for q in base.quotes]
    said += [(c.id, c.excerpt, c.claimants) for c in base.claims]
    placed = sorted((*where, fact_id, frozenset(who)) for fact_id, excerpt, who in said
                    if who and (where := _found(article, excerpt)) is not None)
    pairs: dict[str, set[str]] = {}
    for (_, end, first, who), (start, _, second, whom) in pairwise(placed):
        if ((first in claims) != (second in claims) and who & whom and end <= start
                and set(article[end:start]) <= set(" \t\r\n”\"’'")):
            pairs.setdefault(first, set()).add(second)
            pairs.setdefault(second, set()).add(first)
    return {k: frozenset(v) for k, v in pairs.items()}


@pytest.mark.parametrize("path", BASES, ids=lambda p: p.stem)
def test_breaths_are_those_str_find_gives(path: Path) -> None:
    """Every bundled and corpus base: the pairs said in one breath are those found by `find`."""
    base = loaded(path)
    breath.forget_breaths()
    assert breath.breaths(base) == _breaths_by_find(base)


def test_the_article_is_read_once_whatever_the_number_of_quotes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A base of 200 quotes and claims: each rule reads its article once, not once a quote."""
    lines = ["id: many", "source: {title: Many voices, about: One speaker's many points.}",
             "people:", "  - {id: ana, name: Ana Ruiz, kind: person, role: campaigner,"
             " excerpt: said Ana Ruiz}", "quotes:"]
    text = []
    for i in range(100):
        text.append(f"“Point number {i} stands,” said Ana Ruiz. She argued that case {i} holds.")
        lines.append(f"  - {{id: q{i}, text: \"Point number {i} stands\", speakers: [ana],"
                     f" excerpt: \"“Point number {i} stands,” said Ana Ruiz.\"}}")
    text.append("“Point number 0 stands,” said Ana Ruiz. Nobody argued.")  # the first time counts
    lines.append("claims:")
    lines += [f"  - {{id: c{i}, text: \"case {i} holds\", claimants: [ana],"
              f" excerpt: \"She argued that case {i} holds.\"}}" for i in range(100)]
    base = replace(load_text("\n".join(lines) + "\n", filename="many.yaml"),
                   article="\n\n".join(text))
    reads: list[int] = []
    real = WordFinder.starts

    def counted(self: WordFinder[str], article: str) -> list[tuple[int, str]]:
        reads.append(len(article))
        return real(self, article)

    monkeypatch.setattr(WordFinder, "starts", counted)
    breath.forget_breaths()
    paired = breath.breaths(base)
    assert paired == _breaths_by_find(base) and len(paired) == 200  # each quote beside its claim
    breath.summaries(base)
    assert len(reads) == 2, reads
