"""Event-order generation does work linear in the number of events (counted, not timed)."""

from __future__ import annotations

import pytest

from benchmarks.synth import synth_factbase_text
from quizgen.factbase.loader import load_text
from quizgen.generators import event_order
from quizgen.generators.base import GenOptions


def _chains_tried(monkeypatch: pytest.MonkeyPatch, facts: int) -> tuple[int, int]:
    """(events in a synthetic base of about `facts` facts, chains event-order tried on it)."""
    base = load_text(synth_factbase_text(facts, seed=1)[0], filename=f"synth-{facts}.yaml")
    calls = 0
    real = event_order._chain

    def counted(*args: object, **kwargs: object) -> list[int] | None:
        nonlocal calls
        calls += 1
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(event_order, "_chain", counted)
    for seed in (1, 2, 3):  # several seeds, so one lucky or unlucky shuffle does not decide
        made = event_order.generate(base, seed=seed, options=GenOptions())
        assert len(made.questions) >= len(base.events) // 2  # the count is of real work
    return len(base.events), calls


def test_chains_tried_grow_linearly_with_events(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ten times the events (100 to 1,000) costs at most twice ten times the chains tried.

    The allowances tried grow slowly with the base (5 at 100 events, about 8 at 1,000), so the
    work is n log n at most; retrying every allowance up to a third of the orderings was 100 times.
    """
    small_events, small = _chains_tried(monkeypatch, 400)
    large_events, large = _chains_tried(monkeypatch, 4000)
    assert large_events >= 9 * small_events
    assert large <= 2 * small * large_events / small_events, (small, large)
