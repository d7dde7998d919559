"""article.spans.Spans answers what reading every span answers, and the draft asks it linearly."""

from __future__ import annotations

import cProfile
import pstats

from hypothesis import given
from hypothesis import strategies as st

from quizgen.article.spans import Spans
from quizgen.draft import draft_factbase

_SPAN = st.tuples(st.integers(0, 60), st.integers(0, 12)).map(lambda p: (p[0], p[0] + p[1]))


@given(st.lists(_SPAN, max_size=12), st.lists(_SPAN, max_size=12),
       st.lists(_SPAN, min_size=1, max_size=12))
def test_overlaps_is_any_span_overlapping(first: list[tuple[int, int]],
                                          added: list[tuple[int, int]],
                                          probes: list[tuple[int, int]]) -> None:
    """Spans given at once and added one by one (in or out of order), asked of any range,
    answer as `any(s < end and start < e)` over every span does."""
    spans = Spans(first)
    held = list(first)
    for start, end in added:
        spans.add(start, end)
        held.append((start, end))
        for lo, hi in probes:
            assert spans.overlaps(lo, hi) == any(s < hi and lo < e for s, e in held)
    for lo, hi in probes:
        assert spans.overlaps(lo, hi) == any(s < hi and lo < e for s, e in held)


def _calls(size: int) -> int:
    """Python calls (generator steps too) a draft of `size` bytes of news prose makes."""
    sentence = ("“We will not stop,” one protester said. A spokeswoman for the Harbour Union"
                " said 3,000 people marched, twice as many as in May, said Ana Ruiz. ")
    text = "Protest in the capital\n" + sentence * (size // len(sentence))
    profiler = cProfile.Profile()
    profiler.enable()
    draft_factbase(text, name="x")
    profiler.disable()
    return sum(stat[1] for stat in pstats.Stats(profiler).stats.values())  # type: ignore[attr-defined]  # pstats keeps them untyped


def test_a_draft_makes_calls_linear_in_the_text() -> None:
    """Twenty times the prose makes at most 1.25 times twenty times the calls: no loop asks
    every name or span found so far for each match (overlaps, first mention after an offset)."""
    _calls(5_000)  # once first, so both counts find the word lists and caches loaded
    small, large = _calls(5_000), _calls(100_000)
    assert large <= 1.25 * 20 * small, (small, large, large / small)
