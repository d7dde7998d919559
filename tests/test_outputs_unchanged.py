"""Every output of every fact base in content/ keeps its bytes: a digest per file, two seeds."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from conftest import CONTENT
from typer.testing import CliRunner

import quizgen
from quizgen.cli import app
from quizgen.renderers import RENDERERS

GOLDEN = Path(__file__).parent / "golden" / "content-outputs.sha256.json"
BASES = sorted(CONTENT.glob("*.yaml"))
# Two builds per fact base: the default options, and another seed with versions and options set.
RUNS = {
    "seed1": ["--seed", "1"],
    "seed2": ["--seed", "2", "--versions", "3", "--paper", "letter", "--explain"],
}


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _run(*args: str) -> bytes:
    """What a command prints, which must succeed."""
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def _digests(base: Path, args: list[str], folder: Path) -> dict[str, str]:
    """Build every registered format of one fact base into folder; each file's SHA-256, and that
    of what preview prints for it."""
    _run("build", str(base), "--to", ",".join(sorted(RENDERERS)), "--out", str(folder), "--quiet",
         *args)
    digests = {path.name: _sha(path.read_bytes()) for path in sorted(folder.iterdir())}
    digests["preview --answers"] = _sha(_run("preview", str(base), "--answers", *args[:2]))
    return digests


def _unoptioned(base: Path) -> dict[str, str]:
    """The SHA-256 of what stats and the drafter print for a fact base, which take no run's
    options: worked out once and recorded under each run."""
    article = (CONTENT / "sources" / f"{base.stem}.txt").read_text(encoding="utf-8")
    return {"stats": _sha(_run("stats", str(base))),
            "draft": _sha(quizgen.draft_factbase(article, name=base.stem).encode())}


@pytest.fixture(scope="module")
def digests(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, str]]:
    """The digests of every run of every fact base, keyed 'base/run'."""
    out: dict[str, dict[str, str]] = {}
    for base in BASES:
        same = _unoptioned(base)
        for run, args in RUNS.items():
            out[f"{base.stem}/{run}"] = _digests(base, args, tmp_path_factory.mktemp(run)) | same
    return out


def test_every_output_keeps_its_bytes(digests: dict[str, dict[str, str]],
                                      update_golden: bool) -> None:
    """Each file equals, byte for byte, the recorded build (rewrite with --update-golden)."""
    assert len(digests) == 2 * len(BASES) >= 12
    if update_golden:
        GOLDEN.write_text(json.dumps(digests, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        pytest.skip(f"rewrote {GOLDEN}")
    assert GOLDEN.exists(), f"{GOLDEN} is missing: run pytest --update-golden and review it"
    recorded = json.loads(GOLDEN.read_text(encoding="utf-8"))
    changed = [f"{key}: {name}" for key in sorted(recorded.keys() | digests.keys())
               for name in sorted(recorded.get(key, {}).keys() | digests.get(key, {}).keys())
               if recorded.get(key, {}).get(name) != digests.get(key, {}).get(name)]
    assert not changed, ("these outputs changed; if intended, run `pytest "
                         "tests/test_outputs_unchanged.py --update-golden` and review: "
                         + "; ".join(changed))
