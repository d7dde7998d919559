"""Time quizgen's refusal of each hostile file: the corpus, a 5 MB file, 10,000 people, issue 13."""

from __future__ import annotations

import contextlib
import os
import signal
import statistics
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import hostile_cases as hc  # run as a script: benchmarks/ is sys.path[0]
from floors import VENV_BIN
from synth import crowd_text, oversized_text, synth_factbase_text

from quizgen.errors import QuizgenError
from quizgen.factbase.loader import load_factbase

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


# ---- round two (issue 13): articles outside the folder, escapes, many problems, signals ----------

def _refusal(step: Callable[[], object]) -> Callable[[], bool]:
    """A step made into `refused?`: True when it raised a QuizgenError or reported problems."""
    def run() -> bool:
        try:
            result = step()
        except QuizgenError:
            return True
        return bool(result) if isinstance(result, list) else False

    return run


def _quietly(step: Callable[[], object]) -> Callable[[], object]:
    """The step with its terminal output sent to /dev/null (what is timed is producing it)."""
    def run() -> object:
        with open(os.devnull, "w", encoding="utf-8") as sink, \
                contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
            return step()

    return run


def _printed_error(path: Path) -> Callable[[], object]:
    """Load the file and print its error as `quizgen validate` would."""
    from quizgen.cli.console import print_error

    def run() -> object:
        try:
            load_factbase(path)
        except QuizgenError as error:
            print_error(error)
            raise
        return None

    return _quietly(run)


def _signal_cleanup(folder: Path, yaml_path: Path, signum: int) -> tuple[float, bool]:
    """Seconds from SIGTERM/SIGHUP to the build's exit; whether it left no temporary file."""
    out = folder / f"signal-{signum}"
    process = subprocess.Popen([str(VENV_BIN / "quizgen"), "build", str(yaml_path), "--quiet",
                                "--versions", "26", "--out", str(out)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while not (out.is_dir() and list(out.glob(".*.tmp"))) and process.poll() is None:
        time.sleep(0.002)
    started = time.perf_counter()
    process.send_signal(signum)
    code = process.wait(timeout=120)
    return time.perf_counter() - started, code == 128 + signum and not list(out.glob(".*.tmp"))


def round_two_times(folder: Path, *, reps: int) -> dict[str, tuple[float, bool]]:
    """Median seconds for quizgen to refuse (or, for long words, build) each issue-13 input."""
    from quizgen.cli.preview import print_quiz
    from quizgen.factbase.provenance import check_provenance
    from quizgen.output import Batch, write_atomic
    from quizgen.quiz.select import build_quiz
    from quizgen.renderers import get_renderer
    from quizgen.renderers.base import RenderOptions

    work = folder / "round-two"
    work.mkdir()
    yaml_text, article = synth_factbase_text(16, seed=1)
    yaml_text = "".join(line + "\n" for line in yaml_text.splitlines()
                        if not line.startswith("id:"))
    yaml_text = hc.with_text_file(yaml_text, "small.txt")
    (work / "small.txt").write_text(article, encoding="utf-8")
    (work / "small.yaml").write_text(yaml_text, encoding="utf-8")
    steps: dict[str, Callable[[], bool]] = {}
    for name, path in hc.outside_paths(work, yaml_text, article).items():
        steps[f"1. text_file {name}"] = _refusal(
            lambda path=path: check_provenance(load_factbase(path)))
    huge = hc.sparse_article(work, yaml_text)
    steps["2. article of 1.5 GB (sparse)"] = _refusal(lambda: check_provenance(load_factbase(huge)))
    bad, good = hc.escapes_in_content(work, yaml_text)
    steps["3. escapes in a key, error printed"] = _refusal(_printed_error(bad))
    escaped = load_factbase(good)
    def preview() -> bool:
        _quietly(lambda: print_quiz(build_quiz([escaped]), answers=True))()
        return True

    steps["3. escapes in quotes, preview printed"] = preview
    many = hc.unknown_speakers(work)
    steps["4. 60,000 unknown speakers: load + validate"] = _refusal(lambda: load_factbase(many))
    try:
        load_factbase(many)
    except QuizgenError as error:
        many_problems = error
    from quizgen.cli.console import print_error

    def print_many() -> bool:
        _quietly(lambda: print_error(many_problems))()
        return True

    steps["4. 60,000 unknown speakers: print the error"] = print_many
    digits = hc.figure_digits(work, yaml_text, 41)
    steps["5. figure of 41 digits"] = _refusal(lambda: load_factbase(digits))
    utf16 = hc.utf16_without_bom(work, yaml_text)
    steps["6. UTF-16LE without BOM"] = _refusal(lambda: load_factbase(utf16))
    long_base = load_factbase(hc.long_words(work, yaml_text))
    long_quiz = build_quiz([long_base])
    def long_render() -> bool:
        return all(get_renderer(fmt)(long_quiz, options=RenderOptions(name="long"))
                   for fmt in ("anki", "worksheet"))

    steps["7. 3,000-character words: render deck + worksheet"] = long_render
    stale = work / "stale"
    setups: dict[str, Callable[[], object]] = {}

    def sweep() -> bool:
        write_atomic(stale / "deck.apkg", b"deck")
        return not list(stale.glob(".*.tmp"))

    name = "8. write beside 1,000 stale temp files (swept)"
    steps[name] = sweep
    setups[name] = lambda: hc.stale_temp_files(stale, "deck.apkg", count=1000)
    link, _ = hc.out_symlink(work)

    def to_link() -> object:
        with Batch() as batch:
            batch.add(link, b"deck")
        return None

    steps["9. --out to a symlink"] = _refusal(to_link)
    names = hc.bad_file_names(work, yaml_text)
    steps["11. file name `..yaml`"] = _refusal(lambda: load_factbase(names[0]))
    steps["11. file name `My Tópic.yaml`"] = _refusal(lambda: load_factbase(names[1]))
    times: dict[str, tuple[float, bool]] = {}
    for name, step in steps.items():
        runs = []
        for _ in range(reps if "60,000" not in name and "words" not in name else min(reps, 3)):
            if name in setups:
                setups[name]()  # not timed: what an earlier, killed build left
            started = time.perf_counter()
            outcome = step()
            runs.append((time.perf_counter() - started, outcome))
        times[name] = (statistics.median(t for t, _ in runs), runs[0][1])
    for signum in (signal.SIGTERM, signal.SIGHUP):
        label = f"8. {signal.Signals(signum).name} mid-build: exit and clean up"
        times[label] = _signal_cleanup(work, work / "small.yaml", signum)
    return times


def _outcome(name: str, ok: bool) -> str:
    """How a round-two row reads: refused, or (for builds, sweeps and signals) done as meant."""
    if "words" in name or "preview" in name or "print the error" in name:
        return "done" if ok else "FAILED"
    if "stale" in name or "mid-build" in name:
        return "cleaned" if ok else "LEFT FILES"
    return "refused" if ok else "NOT refused"


def round_two_report(times: dict[str, tuple[float, bool]]) -> tuple[list[str], tuple[str, bool]]:
    """The issue-13 inputs as a Markdown table, and the target check on their refusals."""
    rows = [f"| {name} | {_outcome(name, ok)} | {seconds * 1000:,.0f} ms |"
            for name, (seconds, ok) in times.items()]
    lines = ["Hostile input, round two (issue 13): time to refuse each input (median)", "",
             "| input | outcome | median |", "|---|---|---|", *rows, ""]
    refusals = {n: v for n, v in times.items() if "words" not in n and "preview" not in n
                and "mid-build" not in n and "load + validate" not in n}
    name, (worst, _) = max(refusals.items(), key=lambda item: item[1][0])
    every = all(ok for n, (_, ok) in refusals.items())
    check = (f"every issue-13 input refused (or cleaned) in ≤ {LIMIT_SECONDS * 1000:.0f} ms "
             f"(slowest {worst * 1000:,.0f} ms, {name})", every and worst <= LIMIT_SECONDS)
    return lines, check
