"""How many times each PDF of a worksheet is laid out: once, a sheet pulled tighter included."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from quizgen.factbase.loader import load_factbase
from quizgen.pipeline import render_format
from quizgen.quiz.select import CLASS_LENGTH, build_quiz
from quizgen.renderers.base import RenderOptions
from quizgen.renderers.worksheet import pages

CONTENT = Path(__file__).resolve().parent.parent / "content"


def _layouts(monkeypatch: pytest.MonkeyPatch, article: str, *, versions: int = 1,
             seed: int = 1, count: int = CLASS_LENGTH) -> tuple[list[str], list[str]]:
    """What each reportlab layout (doc.build) run lays out ("Worksheet" or "Answer key") while
    the quiz of `count` items (the class length unless told) and `seed` (the CLI's default: 1)
    of an article is rendered as a worksheet of `versions`, and the PDFs written."""
    subjects: list[str] = []
    build = pages._Document.build

    def counted(doc: Any, *args: Any, **kwargs: Any) -> Any:
        subjects.append(doc.subject.split(":")[0])
        return build(doc, *args, **kwargs)

    monkeypatch.setattr(pages._Document, "build", counted)
    quiz = build_quiz([load_factbase(CONTENT / f"{article}.yaml")], count=count, seed=seed)
    files = render_format("worksheet", quiz, options=RenderOptions(
        name="sheet", timestamp=946684800, versions=versions, seed=seed))
    return subjects, sorted(files)


@pytest.mark.parametrize("article", sorted(p.stem for p in CONTENT.glob("*.yaml")))
def test_each_bundled_articles_build_lays_each_pdf_out_once(
    monkeypatch: pytest.MonkeyPatch, article: str,
) -> None:
    """The worksheet `quizgen build` writes for each bundled article: the sheet and the key,
    each laid out once (a sheet that would end near-empty is laid out once, tighter: below)."""
    subjects, files = _layouts(monkeypatch, article)
    assert files == ["sheet-answer-key.pdf", "sheet-worksheet.pdf"]
    assert subjects == ["Worksheet", "Answer key"]


def test_a_class_set_of_versions_is_laid_out_once_per_pdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """26 versions of an article in one sheet and one key: each laid out once."""
    subjects, files = _layouts(monkeypatch, "calderia-pension-protest", versions=26)
    assert files == ["sheet-answer-key.pdf", "sheet-worksheet.pdf"]
    assert subjects == ["Worksheet", "Answer key"]


def _pages(pdf: bytes) -> int:
    import io

    import pypdf

    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


def test_a_sheet_ending_near_empty_is_laid_out_once_tighter(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A sheet that would end on a near-empty page (the pension protest's 11 items, `--count
    11`: one question alone on a third page) is laid out once, with the tighter gaps chosen
    beforehand: it has fewer pages than the same sheet laid out with the designed gaps
    (planted: without TIGHTER it keeps them all)."""
    from quizgen.renderers.worksheet import sheet as worksheet

    subjects, _ = _layouts(monkeypatch, "calderia-pension-protest", count=11)
    assert subjects == ["Worksheet", "Answer key"]
    quiz = build_quiz([load_factbase(CONTENT / "calderia-pension-protest.yaml")], count=11,
                      seed=1)
    options = RenderOptions(name="t", timestamp=946684800, extra={"no_pad": True})
    fitted = _pages(render_format("worksheet", quiz, options=options)["t-worksheet.pdf"])
    monkeypatch.setattr(worksheet, "TIGHTER", ())
    plain = _pages(render_format("worksheet", quiz, options=options)["t-worksheet.pdf"])
    assert fitted < plain
