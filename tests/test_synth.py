"""The benchmark's synthetic fact bases: valid, traceable to their article, reproducible."""

from __future__ import annotations

from benchmarks.synth import synth_factbase_text
from quizgen.factbase.loader import load_text
from quizgen.factbase.provenance import check_provenance


def test_hundred_facts_load_and_trace_to_the_article() -> None:
    """A 100-fact synthetic base loads without problems and every excerpt is in its article."""
    yaml_text, article = synth_factbase_text(100, seed=3)
    base = load_text(yaml_text, filename="synth.yaml")
    facts = len(base.entities) + len(base.quotes) + len(base.figures) + len(base.events)
    assert 90 <= facts <= 110
    assert check_provenance(base, source_text=article) == []


def test_hundred_facts_cover_every_shape_the_benchmark_needs() -> None:
    """The base has multi-speaker quotes, percent and count groups, mixed date precision, links."""
    base = load_text(synth_factbase_text(100, seed=3)[0], filename="synth.yaml")
    assert any(len(quote.speakers) > 1 for quote in base.quotes)
    units = {figure.unit for figure in base.figures if figure.group}
    assert "percent" in units and len(units) > 1
    precisions = {event.date.precision if event.date else None for event in base.events}
    assert {"day", "month", "year", None} <= precisions
    assert any(event.after for event in base.events)
    assert any(event.before for event in base.events)


def test_same_seed_gives_same_text_and_another_seed_does_not() -> None:
    """Two calls with one seed return identical texts; a different seed changes them."""
    assert synth_factbase_text(200, seed=7) == synth_factbase_text(200, seed=7)
    assert synth_factbase_text(200, seed=7) != synth_factbase_text(200, seed=8)


def test_size_scales_with_the_request() -> None:
    """Asking for ten times more facts gives about ten times more facts."""
    small = load_text(synth_factbase_text(100, seed=1)[0], filename="a.yaml")
    large = load_text(synth_factbase_text(1000, seed=1)[0], filename="b.yaml")
    count = lambda b: len(b.entities) + len(b.quotes) + len(b.figures) + len(b.events)  # noqa: E731 - a one-line helper reads best inline
    assert 9 <= count(large) / count(small) <= 11
