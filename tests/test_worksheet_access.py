"""The worksheet and key PDFs as assistive and text tools read them: language, title, author
and subject (document information and XMP), and each question's number with its prompt."""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

import pypdf
import pytest
from platform_check import need
from worksheet_support import norm, options, render

from quizgen.quiz.questions import Quiz
from quizgen.renderers.wording import typographic

CONTENT = Path(__file__).resolve().parent.parent / "content"
FACTBASES = sorted(CONTENT.glob("*.yaml"))
IDS = [path.stem for path in FACTBASES]


@cache
def sheet_quiz(path: Path, *, everything: bool = False) -> Quiz:
    """The class-length quiz `quizgen worksheet` prints for a fact base (seed 0), or with
    `everything` every item the fact base makes (a longer sheet: two-digit numbers)."""
    from quizgen.factbase.loader import load_factbase
    from quizgen.quiz.select import build_quiz

    return build_quiz(load_factbase(path), seed=0, everything=everything)


def files_of(quiz: Quiz) -> dict[str, bytes]:
    return render(quiz, options=options())


def pdftotext(pdf: bytes) -> str:
    """poppler's pdftotext in its default (reading order) mode."""
    need("pdftotext", shutil.which("pdftotext") is not None, "apt-get install -y poppler-utils")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "sheet.pdf"
        path.write_bytes(pdf)
        run = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"],
                             capture_output=True, check=True)
    return run.stdout.decode("utf-8")


def pypdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def separated(text: str, quiz: Quiz) -> list[str]:
    """The questions whose number and prompt do not come out together, "N. prompt", in the text
    (a "1 point" or another question's number spliced in breaks it)."""
    flat = norm(text)
    return [f"{n}. {question.prompt[:60]}" for n, question in enumerate(quiz.questions, start=1)
            if f"{n}. {norm(typographic(question.prompt))}" not in flat]


def _numbers_apart(quiz: Quiz) -> tuple[list[str], list[str]]:
    """The questions of the quiz's sheet whose number and prompt come apart in pypdf's text and
    in pdftotext's reading order."""
    sheet = files_of(quiz)["demo-worksheet.pdf"]
    return separated(pypdf_text(sheet), quiz), separated(pdftotext(sheet), quiz)


@pytest.mark.parametrize("path", FACTBASES, ids=IDS)
def test_every_number_comes_out_with_its_prompt(path: Path) -> None:
    """In pdftotext's reading order and in pypdf's text, every question of the sheet reads
    "N. prompt" in one run: number first, the whole prompt after it, nothing spliced in."""
    quiz = sheet_quiz(path)
    assert len(quiz.questions) >= 5
    assert _numbers_apart(quiz) == ([], [])


@pytest.mark.parametrize("path", FACTBASES, ids=IDS)
def test_every_two_digit_number_comes_out_with_its_prompt(path: Path) -> None:
    """The same on a sheet of every item the fact base makes, long enough (ten items or more)
    that two-digit numbers are read too, whatever the class-length sheet's length."""
    quiz = sheet_quiz(path, everything=True)
    assert len(quiz.questions) >= 10
    assert _numbers_apart(quiz) == ([], [])


def test_planted_number_column_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """The number in a column of its own and the points beside the first line (the old layout)
    part numbers from prompts in pdftotext; the check above reports them."""
    from quizgen.renderers.worksheet import student
    from quizgen.renderers.worksheet.bodies import question_body
    from quizgen.renderers.worksheet.common import table
    from quizgen.renderers.worksheet.para import Paragraph
    from quizgen.renderers.worksheet.styles import safe

    def old_question(item: Any, sheet: Any, indent: float) -> list[Any]:  # the bug
        paras, width = sheet.paras, sheet.width
        head = table([[Paragraph(f"{item.number}.", paras.number),
                       Paragraph(safe(typographic(item.question.prompt)), paras.prompt),
                       Paragraph("1 point", paras.points)]], [indent, width - indent - 40, 40])
        return [head, question_body(item.question, sheet, width - indent)]

    monkeypatch.setattr(student, "_question", old_question)
    quiz = sheet_quiz(FACTBASES[0])
    assert separated(pdftotext(files_of(quiz)["demo-worksheet.pdf"]), quiz) != []


def metadata_problems(pdf: bytes) -> list[str]:
    """What a screen reader or a library catalogue misses: /Lang, title, author, subject in
    the document information, and the same title and language in the XMP metadata."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    problems = []
    lang = reader.trailer["/Root"].get("/Lang")
    if not lang or not str(lang).startswith("en"):
        problems.append(f"/Lang is {lang!r}")
    info = reader.metadata or {}
    problems += [f"no {key}" for key in ("/Title", "/Author", "/Subject")
                 if not str(info.get(key, "")).strip()]
    xmp = reader.xmp_metadata
    if xmp is None:
        return [*problems, "no XMP metadata"]
    if (xmp.dc_title or {}).get("x-default") != info.get("/Title"):
        problems.append("XMP dc:title is not the title")
    if [str(x) for x in xmp.dc_language or []] != [str(lang)]:
        problems.append("XMP dc:language is not /Lang")
    return problems


@pytest.mark.parametrize("path", FACTBASES, ids=IDS)
def test_sheet_and_key_name_their_language_title_author_and_subject(path: Path) -> None:
    """Both PDFs of every content fact base carry /Lang, a title, an author and a subject,
    also as XMP metadata."""
    files = files_of(sheet_quiz(path))
    assert sorted(files) == ["demo-answer-key.pdf", "demo-worksheet.pdf"]
    for name, pdf in files.items():
        assert metadata_problems(pdf) == [], name


def test_planted_missing_language_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a language (reportlab's default) the metadata check reports /Lang."""
    from quizgen.renderers.worksheet import pages

    monkeypatch.setattr(pages, "LANG", "")  # the bug
    found = metadata_problems(files_of(sheet_quiz(FACTBASES[0]))["demo-worksheet.pdf"])
    assert any("/Lang" in p for p in found), found
