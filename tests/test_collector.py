"""A build and a draft run with the cycle collector paused, and leave almost nothing for it."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizgen import pipeline
from quizgen.cli.app import app
from quizgen.collector import collector_paused
from quizgen.draft import draft_factbase

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "content" / "venezuela-post-election.yaml"


def test_a_build_pauses_the_collector_while_it_renders_and_restores_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`quizgen build` renders with the cycle collector off and turns it back on after."""
    seen: list[bool] = []
    real = pipeline.build

    def watched(*args: object, **kwargs: object) -> pipeline.Built:
        seen.append(gc.isenabled())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "build", watched)
    assert gc.isenabled()
    result = CliRunner().invoke(app, ["build", str(ARTICLE), "--to", "json", "--quiet",
                                      "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert seen == [False]
    assert gc.isenabled()


def test_the_pause_ends_when_its_step_fails() -> None:
    """An error inside the paused step still turns the collector back on."""
    with pytest.raises(ValueError), collector_paused():
        assert not gc.isenabled()
        raise ValueError("stop")
    assert gc.isenabled()


def test_a_build_and_a_draft_leave_almost_no_cycles(tmp_path: Path) -> None:
    """With the collector off, a whole build of a 1,000-fact base leaves fewer unreachable
    objects than two per fact (no cycle per question: it makes ~2,800), and twenty drafts of the
    bundled article leave fewer than a thousand, so pausing the collector costs no memory."""
    from benchmarks.synth import synth_factbase_text

    facts = 1_000
    base_text, article = synth_factbase_text(facts, seed=1)
    path = tmp_path / f"synth-{facts}-1.yaml"
    path.write_text(base_text, encoding="utf-8")
    (tmp_path / f"synth-{facts}-1.txt").write_text(article, encoding="utf-8")
    runner = CliRunner()
    runner.invoke(app, ["validate", str(ARTICLE)])  # imports and caches made before counting
    text = (ROOT / "content" / "sources" / "venezuela-post-election.txt").read_text("utf-8")
    draft_factbase(text, name="venezuela")
    gc.collect()
    gc.disable()
    try:
        result = runner.invoke(app, ["build", str(path), "--quiet", "--out", str(tmp_path / "o")])
        assert result.exit_code == 0, result.output
        assert gc.collect() < 2 * facts
        for _ in range(20):
            draft_factbase(text, name="venezuela")
        assert gc.collect() < 1_000
    finally:
        gc.enable()
