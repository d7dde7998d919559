"""One scoring rule in every format, and a preview that shows exactly the printed quiz."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from quizgen.cli import app
from quizgen.quiz.questions import Matching, Option, Ordering, QuoteRef
from quizgen.quiz.scoring import earned, points

ROOT = Path(__file__).resolve().parent.parent
BASES = sorted((ROOT / "content").glob("*.yaml"))
runner = CliRunner()


def _matching(n: int) -> Matching:
    """A matching of n quotes to n speakers whose key pairs left i with right i."""
    left = tuple(Option(f"q{i}", QuoteRef(f"q{i}")) for i in range(n))
    return Matching(id="m", kind="quote-match", factbase="b", prompt="Match.", ask=None,  # type: ignore[arg-type]  # the ask plays no part in marking
                    left=left, right=left, answer=tuple((i, i) for i in range(n)),
                    explanation=())


def _ordering(n: int) -> Ordering:
    """An ordering of n items whose key is the order shown."""
    items = tuple(Option(f"e{i}", QuoteRef(f"e{i}")) for i in range(n))
    return Ordering(id="o", kind="event-order", factbase="b", prompt="Order.", ask=None,  # type: ignore[arg-type]  # the ask plays no part in marking
                    items=items, answer=tuple(range(n)), explanation=())


@pytest.mark.parametrize(
    ("answer", "marks"),
    [((0, 1, 2, 3), 2), ((1, 0, 2, 3), 1), ((1, 2, 0, 3), 0), ((3, 2, 1, 0), 0),
     ((0, 1, 3, 2), 1)],
)
def test_matching_and_ordering_marks_follow_the_printed_rule(answer: tuple[int, ...],
                                                            marks: int) -> None:
    """2 when all four are right, 1 when one swap puts two wrong, 0 with three or more wrong."""
    assert earned(_matching(4), answer) == marks
    assert earned(_ordering(4), answer) == marks
    assert points(_matching(4)) == points(_ordering(4)) == 2


def _build(base: Path, folder: Path) -> dict[str, bytes]:
    """Every format of the default class quiz of a base, by file suffix."""
    result = runner.invoke(app, ["build", str(base), "--to",
                                 "json,worksheet,html,moodle,qti,gift", "--out", str(folder),
                                 "--quiet"])
    assert result.exit_code == 0, result.output
    return {path.name.removeprefix(base.stem): path.read_bytes() for path in folder.iterdir()}


@pytest.mark.parametrize("base", BASES, ids=lambda p: p.stem)
def test_every_format_totals_the_same_points(base: Path, tmp_path: Path) -> None:
    """The sheet, its key, the web quiz, Moodle, Canvas and the JSON export (each question's
    points, the total, the rule in words) give one quiz the same total: one point per multiple
    choice and two per matching or ordering, counted from the JSON's shapes. GIFT,
    which cannot carry points, holds the same questions and states that rule in its header."""
    files = _build(base, tmp_path)
    document = json.loads(files[".json"])
    questions = document["questions"]
    expected = sum(1 if "options" in q else 2 for q in questions)
    # the JSON export counts as the others: each question's points, the total and the rule
    assert [q["points"] for q in questions] == [1 if "options" in q else 2 for q in questions]
    assert document["points"] == expected
    for stated in ("1 point per multiple choice", "2 points per matching",
                   "2 points per ordering"):
        assert stated in document["scoring"], document["scoring"]
    sheet = " ".join(" ".join(page.extract_text().split())
                     for page in PdfReader(io.BytesIO(files["-worksheet.pdf"])).pages)
    assert f"/ {expected} points" in sheet
    key = " ".join(" ".join(page.extract_text().split())
                   for page in PdfReader(io.BytesIO(files["-answer-key.pdf"])).pages)
    assert f"Total: {expected} points" in key
    gift = files["-gift.txt"].decode("utf-8")
    assert re.findall(r"^// \[id:([^\]]+)\]", gift, re.MULTILINE) == [q["id"] for q in questions]
    header = " ".join(line for line in gift.splitlines()[:3] if line.startswith("//"))
    for stated in ("1 point per multiple choice", "2 points per matching",
                   "2 points per ordering"):
        assert stated in header, header
    assert f"{expected} points" in files[".html"].decode("utf-8").split("</p>")[0] or \
        f", {expected} points." in files[".html"].decode("utf-8")
    moodle = ET.fromstring(files["-moodle.xml"])
    assert sum(int(q.findtext("defaultgrade") or 0) for q in moodle.iter("question")
               if q.get("type") != "category") == expected
    with zipfile.ZipFile(io.BytesIO(files["-canvas-qti.zip"])) as archive:
        texts = {name: archive.read(name).decode("utf-8") for name in archive.namelist()}
    meta = next(text for name, text in texts.items() if name.endswith("assessment_meta.xml"))
    assert f"<points_possible>{expected}.0</points_possible>" in meta
    items = next(text for name, text in texts.items()
                 if name.endswith(".xml") and "questestinterop" in text)
    worth = re.findall(r"<fieldlabel>points_possible</fieldlabel>\s*<fieldentry>([\d.]+)<", items)
    assert sum(float(w) for w in worth) == expected


@pytest.mark.parametrize("base", BASES, ids=lambda p: p.stem)
def test_preview_shows_the_printed_quiz(base: Path, tmp_path: Path) -> None:
    """`preview` (and `preview --answers`) lists the questions of the default sheet, in its
    order, no more and no fewer."""
    result = runner.invoke(app, ["build", str(base), "--to", "json", "--out", str(tmp_path),
                                 "--quiet"])
    assert result.exit_code == 0, result.output
    printed = [" ".join(q["prompt"].split()) for q in
               json.loads(next(tmp_path.glob("*.json")).read_text("utf-8"))["questions"]]
    for answers in ([], ["--answers"]):
        shown = runner.invoke(app, ["preview", str(base), *answers], env={"COLUMNS": "2000"})
        assert shown.exit_code == 0, shown.output
        prompts = [" ".join(line.split(") ", 1)[1].split()) for line in shown.output.splitlines()
                   if re.match(r"\d+\. \(", line)]
        assert prompts == printed, answers
