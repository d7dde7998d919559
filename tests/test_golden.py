"""Golden files: each renderer's output for a fixed quiz, compared as readable text."""

from __future__ import annotations

import io
import json
import sqlite3
import tempfile
import zipfile
from pathlib import Path

import pypdf
import pytest
from factbases import newsroom
from platform_quizzes import GOLDEN_NAMES, golden_texts

from quizgen.pipeline import render_format
from quizgen.quiz.questions import Quiz
from quizgen.quiz.select import build_quiz
from quizgen.renderers.base import RenderOptions

GOLDEN = Path(__file__).parent / "golden"
OPTIONS = RenderOptions(name="newsroom", seed=1, timestamp=1_700_000_000, versions=2)


def _quiz() -> Quiz:
    """Two questions of every kind from the newsroom test base, seed 1."""
    return build_quiz(newsroom(), seed=1, per_kind=2)


def _pdf_text(data: bytes) -> str:
    """The text of every page, each under a '--- page N ---' line."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    return "".join(f"--- page {n} ---\n{page.extract_text()}\n"
                   for n, page in enumerate(reader.pages, start=1))


def _anki_text(data: bytes) -> str:
    """Decks, note types, and every note's guid, type, tags and fields, sorted by guid."""
    with tempfile.TemporaryDirectory() as folder:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            archive.extract("collection.anki2", folder)
        db = sqlite3.connect(Path(folder) / "collection.anki2")
        try:
            models_json, decks_json = db.execute("SELECT models, decks FROM col").fetchone()
            models = {int(k): v["name"] for k, v in json.loads(models_json).items()}
            decks = sorted(d["name"] for d in json.loads(decks_json).values())
            notes = db.execute("SELECT guid, mid, tags, flds FROM notes ORDER BY guid").fetchall()
        finally:
            db.close()
    lines = ["decks:", *(f"  {d}" for d in decks), ""]
    for guid, mid, tags, fields in notes:
        lines += [f"note {guid} [{models[mid]}] tags:{tags.strip()}"]
        lines += [f"  | {field}" for field in fields.split("\x1f")]
    return "\n".join(lines) + "\n"


def _rendered() -> dict[str, str]:
    """Every golden file's name and its current text."""
    quiz = _quiz()
    files: dict[str, str] = {}
    files.update({name: data.decode("utf-8")
                  for name, data in render_format("json", quiz, options=OPTIONS).items()})
    files.update({name: data.decode("utf-8")
                  for name, data in render_format("html", quiz, options=OPTIONS).items()})
    anki = render_format("anki", quiz, options=OPTIONS)
    files["newsroom.apkg.txt"] = _anki_text(anki["newsroom.apkg"])
    for name, data in render_format("worksheet", quiz, options=OPTIONS).items():
        files[f"{name}.txt"] = _pdf_text(data)
    files.update(golden_texts(quiz, OPTIONS))
    return files


RENDERED = sorted(["newsroom.json", "newsroom.html", "newsroom.apkg.txt",
                   "newsroom-worksheet.pdf.txt", "newsroom-answer-key.pdf.txt",
                   *(f"newsroom{end}" for end in GOLDEN_NAMES)])


@pytest.fixture(scope="module")
def rendered() -> dict[str, str]:
    """Every golden file's current text, rendered once for all the golden files."""
    return _rendered()


@pytest.mark.parametrize("name", RENDERED)
def test_renderer_output_matches_its_golden_file(
    name: str, update_golden: bool, rendered: dict[str, str]
) -> None:
    """Each renderer's output equals its reviewed golden file (rewrite with --update-golden)."""
    files = rendered
    assert sorted(files) == RENDERED
    path = GOLDEN / name
    if update_golden:
        path.write_text(files[name], encoding="utf-8")
        pytest.skip(f"rewrote {path}")
    assert path.exists(), f"{path} is missing: run pytest --update-golden and review it"
    assert files[name] == path.read_text(encoding="utf-8"), (
        f"{name} differs from its golden file; if the change is intended, run "
        "`pytest tests/test_golden.py --update-golden` and review the diff")
