"""Time quizgen's refusal of each hostile file: the corpus, a 5 MB file and 10,000 people."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from synth import crowd_text, oversized_text  # run as a script: benchmarks/ is sys.path[0]

from quizgen.errors import QuizgenError
from quizgen.loader import load_factbase

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "hostile"
LIMIT_SECONDS = 0.5  # "refused in well under a second"


def _extra_files(folder: Path) -> list[Path]:
    """The two cases too big to keep in the repository, written as the tests write them."""
    huge = folder / "over-5mb.yaml"
    huge.write_text(oversized_text(5 * 1024 * 1024), encoding="utf-8")
    crowd = folder / "10000-people.yaml"
    crowd.write_text(crowd_text(10_000), encoding="utf-8")
    return [huge, crowd]


def _once(path: Path) -> tuple[float, bool]:
    """Seconds to load or refuse the file, and whether it was refused."""
    started = time.perf_counter()
    try:
        load_factbase(path)
    except QuizgenError:
        return time.perf_counter() - started, True
    return time.perf_counter() - started, False


def hostile_times(folder: Path, *, reps: int) -> dict[str, tuple[float, bool]]:
    """Median seconds to load or refuse each hostile file, and whether it was refused."""
    paths = sorted(CORPUS.glob("*.yaml")) + _extra_files(folder)
    times: dict[str, tuple[float, bool]] = {}
    for path in paths:
        runs = [_once(path) for _ in range(reps)]
        times[path.name] = (statistics.median(t for t, _ in runs), runs[0][1])
    return times


def hostile_report(times: dict[str, tuple[float, bool]]) -> tuple[list[str], tuple[str, bool]]:
    """The five slowest files as a Markdown table, and the target check on refusals."""
    slowest = sorted(times.items(), key=lambda item: -item[1][0])[:5]
    rows = [f"| `{name}` | {'refused' if refused else 'loaded'} | {seconds * 1000:,.0f} ms |"
            for name, (seconds, refused) in slowest]
    lines = [f"Hostile input: the five slowest of {len(times)} files (median)", "",
             "| file | outcome | median |", "|---|---|---|", *rows, ""]
    name, (worst, _) = max(((n, v) for n, v in times.items() if v[1]), key=lambda i: i[1][0])
    check = (f"every refused hostile file refused in ≤ {LIMIT_SECONDS * 1000:.0f} ms "
             f"(slowest {worst * 1000:,.0f} ms, {name})", worst <= LIMIT_SECONDS)
    return lines, check
