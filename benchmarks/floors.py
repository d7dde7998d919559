"""Floors for the benchmark: what the bare libraries take for the same amount of work."""

from __future__ import annotations

import contextlib
import io
import os
import signal
import statistics
import subprocess
import sys
import threading
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
@app.command()
def load(path: str) -> None:
    """Parse a YAML file (libyaml when there) and say how many sections it has."""
    import yaml
    with open(path, encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    typer.echo(f"ok {path}: {len(data)} sections")
app()
'''


@dataclass(frozen=True)
class Run:
    """One finished subprocess: wall seconds, peak RSS in MB, exit code, captured stderr."""

    seconds: float
    peak_mb: float
    code: int
    stderr: str
    timed_out: bool = False  # killed at its time budget: a FAILURE, never a time
    cpu: float = 0.0  # user + system seconds of the process and the children it waited for


def run_process(argv: Sequence[str], *, cwd: Path | None = None,
                env: dict[str, str] | None = None, timeout: float | None = None) -> Run:
    """Run argv, timing it and reading its own peak RSS from os.wait4 (Linux: ru_maxrss in KB).

    With a `timeout`, a run still going after that many seconds is killed (its process group)
    and comes back with `timed_out` set."""
    killed: list[bool] = []
    start = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True)

    def kill() -> None:
        killed.append(True)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)

    timer = threading.Timer(timeout, kill) if timeout is not None else None
    if timer is not None:
        timer.start()
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if timer is not None:
        timer.cancel()
    proc.returncode = os.waitstatus_to_exitcode(status)
    return Run(seconds, usage.ru_maxrss / 1024, proc.returncode, err.decode("utf-8", "replace"),
               timed_out=bool(killed), cpu=usage.ru_utime + usage.ru_stime)


def paired(a: Sequence[str], b: Sequence[str], *, reps: int, cwd: Path | None = None,
           env: dict[str, str] | None = None) -> tuple[float, float, float]:
    """A and B run in turn (A B A B ..., after one warm-up each): the median CPU seconds of each
    and the median of the pair-by-pair ratios A/B, which a machine drifting in speed moves less
    than a ratio of medians taken minutes apart."""
    run_process(a, cwd=cwd, env=env)
    run_process(b, cwd=cwd, env=env)
    ours: list[float] = []
    floor: list[float] = []
    for _ in range(reps):
        for argv, into in ((a, ours), (b, floor)):
            run = run_process(argv, cwd=cwd, env=env)
            if run.code != 0:
                raise RuntimeError(f"{' '.join(argv)} exited {run.code}:\n{run.stderr}")
            into.append(run.cpu)
    ratios = [x / y for x, y in zip(ours, floor, strict=True)]
    return statistics.median(ours), statistics.median(floor), statistics.median(ratios)


IMPORT_FLOOR = [PYTHON, "-c", "import genanki, reportlab.platypus, typer"]


def typer_script(folder: Path) -> Path:
    """The bare typer app (TYPER_APP) written into folder."""
    script = folder / "bare_typer.py"
    script.write_text(TYPER_APP, encoding="utf-8")
    return script


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
