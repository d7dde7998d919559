"""Floors for the benchmark: what the bare libraries take for the same amount of work."""

from __future__ import annotations

import io
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"
PYTHON = str(VENV_BIN / "python") if (VENV_BIN / "python").exists() else sys.executable
FONT = ROOT / "quizgen" / "fonts" / "DejaVuSans.ttf"

TYPER_APP = '''
import typer
app = typer.Typer(help="A bare typer app with a few commands.", rich_markup_mode=None)
@app.command()
def build(files: list[str] = typer.Argument(None), seed: int = 0, out: str = "output") -> None:
    """Build things."""
@app.command()
def validate(files: list[str] = typer.Argument(None), source: bool = False) -> None:
    """Validate things."""
@app.command()
def preview(count: int = 10, answers: bool = False) -> None:
    """Preview things."""
app()
'''


@dataclass(frozen=True)
class Run:
    """One finished subprocess: wall seconds, peak RSS in MB, exit code, captured stderr."""

    seconds: float
    peak_mb: float
    code: int
    stderr: str


def run_process(argv: Sequence[str], *, cwd: Path | None = None,
                env: dict[str, str] | None = None) -> Run:
    """Run argv, timing it and reading its own peak RSS from os.wait4 (Linux: ru_maxrss in KB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return Run(seconds, usage.ru_maxrss / 1024, proc.returncode, err.decode("utf-8", "replace"))


def median_run(argv: Sequence[str], *, reps: int, cwd: Path | None = None,
               env: dict[str, str] | None = None, warmup: int = 1) -> Run:
    """Hyperfine-style: warm-up runs, then the median time and the largest peak RSS of reps runs."""
    for _ in range(warmup):
        run_process(argv, cwd=cwd, env=env)
    runs = [run_process(argv, cwd=cwd, env=env) for _ in range(reps)]
    failed = [run for run in runs if run.code != 0]
    if failed:
        raise RuntimeError(f"{' '.join(argv)} exited {failed[0].code}:\n{failed[0].stderr}")
    return Run(statistics.median(run.seconds for run in runs), max(run.peak_mb for run in runs),
               0, "")


def median_time(action: Callable[[], object], *, reps: int) -> tuple[float, Any]:
    """Median wall seconds of reps calls, and the last call's result."""
    times = []
    result: Any = None
    for _ in range(reps):
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def bare_import(*, reps: int) -> float:
    """Seconds for `python -c "import genanki, reportlab.platypus, typer"`."""
    argv = [PYTHON, "-c", "import genanki, reportlab.platypus, typer"]
    return median_run(argv, reps=reps).seconds


def bare_typer_help(folder: Path, *, reps: int) -> float:
    """Seconds for a bare typer app's --help."""
    script = folder / "bare_typer.py"
    script.write_text(TYPER_APP, encoding="utf-8")
    return median_run([PYTHON, str(script), "--help"], reps=reps).seconds


def bare_typer_command(folder: Path, *, reps: int) -> float:
    """Seconds for the bare typer app to run a command (typer 0.29 then imports pydantic)."""
    script = folder / "bare_typer.py"
    script.write_text(TYPER_APP, encoding="utf-8")
    return median_run([PYTHON, str(script), "validate", "a.yaml", "--source"], reps=reps).seconds


def bare_genanki(n_notes: int, folder: Path) -> float:
    """Seconds for genanki to write a deck of n_notes two-field notes into an .apkg."""
    import genanki

    model = genanki.Model(1607392319, "bare", fields=[{"name": "Front"}, {"name": "Back"}],
                          templates=[{"name": "Card", "qfmt": "{{Front}}",
                                      "afmt": "{{FrontSide}}<hr>{{Back}}"}])
    start = time.perf_counter()
    deck = genanki.Deck(2059400110, "bare")
    for n in range(n_notes):
        deck.add_note(genanki.Note(model=model, fields=[f"Question {n} front text",
                                                        f"Answer {n} back text"],
                                   guid=f"g{n}"))
    genanki.Package(deck).write_to_file(str(folder / "bare.apkg"), timestamp=946684800.0)
    return time.perf_counter() - start


def count_paragraphs(render: Callable[[], object]) -> list[str]:
    """The markup of every Paragraph the worksheet puts in its story while render() runs.

    Spies on quizgen's Paragraph (worksheet_para), which every story paragraph is made with,
    once each: reportlab's own class would also count the parse cache's probes and the pieces
    of paragraphs split across pages (those have no text of their own).
    """
    from quizgen.renderers.worksheet import para as worksheet_para

    texts: list[str] = []
    cls = worksheet_para.Paragraph
    original = cls.__init__

    def spy(self: Any, text: str | None, *args: Any, **kwargs: Any) -> None:
        if text is not None:
            texts.append(text)
        original(self, text, *args, **kwargs)

    cls.__init__ = spy  # type: ignore[method-assign]  # a spy, put back below
    try:
        render()
    finally:
        cls.__init__ = original  # type: ignore[method-assign]  # undo the spy
    return texts


def bare_reportlab(texts: Sequence[str], pages: int) -> float:
    """Seconds for reportlab to lay out these paragraphs in DejaVu Sans over `pages` pages."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    start = time.perf_counter()
    if "BareDejaVu" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("BareDejaVu", str(FONT)))
    style = ParagraphStyle("bare", fontName="BareDejaVu", fontSize=10, leading=13)
    per_page = max(1, -(-len(texts) // max(1, pages)))
    story: list[Any] = []
    for index, text in enumerate(texts):
        if index and index % per_page == 0:
            story.append(PageBreak())
        story.append(Paragraph(text, style))
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, invariant=1).build(story)
    return time.perf_counter() - start


def pdf_pages(data: bytes) -> int:
    """Pages in a PDF."""
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(data)).pages)


def apkg_notes(data: bytes) -> int:
    """Notes in an .apkg (its collection.anki2 SQLite database)."""
    import sqlite3
    import tempfile
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive, tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "collection.anki2"
        path.write_bytes(archive.read("collection.anki2"))
        connection = sqlite3.connect(path)
        try:
            (count,) = connection.execute("select count(*) from notes").fetchone()
        finally:
            connection.close()
    return int(count)
