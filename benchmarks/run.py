"""`make bench`: time each pipeline stage at 100, 1,000 and 10,000 facts beside bare floors."""

from __future__ import annotations

import argparse
import functools
import json
import os
import shutil
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from floors import (  # run as a script: benchmarks/ is sys.path[0]
    ROOT,
    VENV_BIN,
    apkg_notes,
    bare_genanki,
    bare_import,
    bare_reportlab,
    bare_typer_command,
    bare_typer_help,
    count_paragraphs,
    median_run,
    median_time,
    pdf_pages,
)
from hostile import hostile_report, hostile_times, round_two_report, round_two_times
from synth import synth_factbase_text

QUIZGEN = str(VENV_BIN / "quizgen")
ARTICLE = ROOT / "content" / "venezuela-post-election.yaml"
EPOCH = "946684800"
VERSIONS, WORKSHEET_COUNT = 30, 20


@dataclass(frozen=True)
class Row:
    """One fact-base size: stage times (seconds), the matching floors, and the build's peak RSS."""

    size: int
    facts: int
    questions: int
    load: float
    generate: float
    anki: float
    anki_notes: int
    genanki_floor: float
    worksheet: float
    paragraphs: int
    pages: int
    reportlab_floor: float
    build: float
    peak_mb: float


def _env() -> dict[str, str]:
    return {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_COLOR": "1"}


def measure_size(size: int, folder: Path, *, reps: int, build_reps: int) -> Row:
    """Time each stage in this process, and the whole build as a subprocess, for one size."""
    from quizgen.factbase.loader import load_factbase
    from quizgen.output import write_files
    from quizgen.pipeline import render_format
    from quizgen.quiz.select import build_quiz
    from quizgen.renderers import get_renderer
    from quizgen.renderers.base import RenderOptions

    work = folder / f"size-{size}"
    work.mkdir()
    yaml_text, article = synth_factbase_text(size, seed=1)
    path = work / f"synth-{size}-1.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    (work / f"synth-{size}-1.txt").write_text(article, encoding="utf-8")

    load, base = median_time(lambda: load_factbase(path), reps=reps)
    generate, quiz = median_time(lambda: build_quiz([base], everything=True), reps=reps)
    options = RenderOptions(name=base.id, timestamp=int(EPOCH))
    anki_render = get_renderer("anki")
    anki, _ = median_time(
        lambda: write_files(work / "anki", anki_render(quiz, options=options)), reps=reps)
    notes = apkg_notes((work / "anki" / f"{base.id}.apkg").read_bytes())

    small = build_quiz([base], count=WORKSHEET_COUNT)
    ws_options = RenderOptions(name=base.id, timestamp=int(EPOCH), versions=VERSIONS)
    ws_render = functools.partial(render_format, "worksheet")  # versions made as in a build
    worksheet, ws_files = median_time(
        lambda: ws_render(small, options=ws_options), reps=max(1, min(reps, 3)))
    write_files(work / "worksheet", ws_files)
    texts = count_paragraphs(lambda: ws_render(small, options=ws_options))
    pages = sum(pdf_pages(data) for name, data in ws_files.items() if name.endswith(".pdf"))

    run = median_run([QUIZGEN, "build", str(path), "--quiet", "--out", str(work / "out")],
                     reps=build_reps, warmup=0 if build_reps == 1 else 1, cwd=work, env=_env())
    facts = len(base.entities) + len(base.quotes) + len(base.figures) + len(base.events)
    return Row(size, facts, len(quiz.questions), load, generate, anki, notes,
               bare_genanki(notes, work), worksheet, len(texts), pages,
               bare_reportlab(texts, pages), run.seconds, run.peak_mb)


def _article(folder: Path) -> tuple[Path, str]:
    """The bundled article, or a 100-fact synthetic stand-in while it is not written yet."""
    if ARTICLE.is_file():
        return ARTICLE, "bundled article"
    yaml_text, article = synth_factbase_text(100, seed=1)
    path = folder / "synth-100-1.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    (folder / "synth-100-1.txt").write_text(article, encoding="utf-8")
    return path, "synthetic 100 facts (bundled article missing)"


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms" if seconds < 10 else f"{seconds:,.1f} s"


def _table(head: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(head[i]), *(len(r[i]) for r in rows)) for i in range(len(head))]
    lines = ["| " + " | ".join(h.ljust(w) for h, w in zip(head, widths, strict=True)) + " |",
             "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    lines += ["| " + " | ".join(c.rjust(w) for c, w in zip(r, widths, strict=True)) + " |"
              for r in rows]
    return "\n".join(lines)


def report(rows: list[Row], cli: dict[str, float], label: str,
           hostile: dict[str, tuple[float, bool]] | None = None,
           round_two: dict[str, tuple[float, bool]] | None = None) -> tuple[str, bool]:
    """The tables and the target checks, as Markdown; and whether every target holds."""
    stage_rows = [[f"{r.size:,}", f"{r.facts:,}", f"{r.questions:,}", _ms(r.load),
                   _ms(r.generate), _ms(r.anki), _ms(r.worksheet), _ms(r.build),
                   f"{r.peak_mb:,.0f} MB"] for r in rows]
    out = [_table(["facts asked", "facts", "questions", "load+validate", "generate",
                   "write .apkg", f"{VERSIONS}-version worksheet", "whole build",
                   "build peak RSS"], stage_rows), ""] if rows else []
    floor_rows = [[f"{r.size:,}", f"{r.anki_notes:,}", _ms(r.genanki_floor),
                   f"{r.anki / r.genanki_floor:.1f}×", f"{r.paragraphs:,} / {r.pages}",
                   _ms(r.reportlab_floor), f"{r.worksheet / r.reportlab_floor:.2f}×"]
                  for r in rows]
    if rows:
        out += [_table(["facts asked", "anki notes", "bare genanki", ".apkg ÷ floor",
                        "paragraphs / pages", "bare reportlab", "worksheet ÷ floor"],
                       floor_rows), ""]
    out += [_table(["command", "median"], [
        ["bare `python -c 'import genanki, reportlab.platypus, typer'`", _ms(cli["import"])],
        ["bare typer app `--help`", _ms(cli["typer"])],
        ["bare typer app running a command", _ms(cli["typer_command"])],
        ["`quizgen --help`", _ms(cli["help"])],
        [f"`quizgen validate` ({label})", _ms(cli["validate"])],
        [f"`quizgen build` ({label})", _ms(cli["build"])]]), ""]
    checks = [
        (f"quizgen build on the article ≤ 2× bare import ({cli['build'] / cli['import']:.2f}×)",
         cli["build"] <= 2 * cli["import"]),
        (f"quizgen --help ≤ 1.2× bare typer --help ({cli['help'] / cli['typer']:.2f}×)",
         cli["help"] <= 1.2 * cli["typer"]),
        (f"quizgen validate ≤ 1.2× bare typer --help ({cli['validate'] / cli['typer']:.2f}×)",
         cli["validate"] <= 1.2 * cli["typer"]),
        (f"(context) quizgen validate ≤ 1.2× a bare typer command "
         f"({cli['validate'] / cli['typer_command']:.2f}×)",
         cli["validate"] <= 1.2 * cli["typer_command"]),
    ]
    by_size = {r.size: r for r in rows}
    if 1000 in by_size and 10000 in by_size:
        ratio = by_size[10000].build / by_size[1000].build
        checks.append((f"whole build time(10k) / time(1k) ≤ 12 ({ratio:.1f})", ratio <= 12))
    if 10000 in by_size:
        peak = by_size[10000].peak_mb
        checks.append((f"peak RSS at 10k facts ≤ 300 MB ({peak:,.0f} MB)", peak <= 300))
    if rows:
        worst = max(rows, key=lambda r: r.worksheet / r.reportlab_floor)
        checks.append((f"{VERSIONS} versions ≤ 1.5× bare reportlab (worst "
                       f"{worst.worksheet / worst.reportlab_floor:.2f}× at {worst.size:,})",
                       worst.worksheet <= 1.5 * worst.reportlab_floor))
    if hostile:
        lines, check = hostile_report(hostile)
        out += lines
        checks.append(check)
    if round_two:
        lines, check = round_two_report(round_two)
        out += lines
        checks.append(check)
    out += [f"- {'HOLDS' if ok else 'MISSED'}: {text}" for text, ok in checks]
    return "\n".join(out), all(ok for _, ok in checks)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its tables; exit 0 even when a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="100 and 1,000 facts, fewer runs")
    parser.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",")],
                        help="comma-separated fact counts, e.g. 100,1000")
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    parser.add_argument("--cli-only", action="store_true",
                        help="only the command timings against their floors (no fact-base sizes)")
    args = parser.parse_args(argv)
    sizes = [] if args.cli_only else (args.sizes or ([100, 1000] if args.quick else
                                                     [100, 1000, 10000]))
    reps = 3 if args.quick else 7
    # Imported now so that stage timings do not include first-import costs.
    import genanki  # noqa: F401 - imported only to warm the import cache
    import reportlab.platypus  # noqa: F401 - imported only to warm the import cache

    import quizgen.renderers.anki.deck
    import quizgen.renderers.worksheet.sheet  # noqa: F401 - imported only to warm the import cache

    folder = Path(tempfile.mkdtemp(prefix="quizgen-bench-"))
    try:
        article, label = _article(folder)
        out = str(folder / "article-out")
        cli = {
            "import": bare_import(reps=reps),
            "typer": bare_typer_help(folder, reps=reps),
            "typer_command": bare_typer_command(folder, reps=reps),
            "help": median_run([QUIZGEN, "--help"], reps=reps).seconds,
            "validate": median_run([QUIZGEN, "validate", str(article)], reps=reps).seconds,
            "build": median_run([QUIZGEN, "build", str(article), "--quiet", "--out", out],
                                reps=reps, env=_env()).seconds,
        }
        hostile = hostile_times(folder, reps=reps)
        round_two = round_two_times(folder, reps=reps)
        rows = []
        for size in sizes:
            stage_reps = max(1, min(reps, 10_000 // size)) if size > 1000 else reps
            build_reps = 1 if size >= 10_000 else (3 if size >= 1000 else reps)
            rows.append(measure_size(size, folder, reps=stage_reps, build_reps=build_reps))
            print(f"measured {size:,} facts", file=sys.stderr, flush=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    text, _ = report(rows, cli, label, hostile, round_two)
    print(text)
    if args.json:
        args.json.write_text(json.dumps({"cli": cli, "rows": [asdict(r) for r in rows]},
                                        indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
