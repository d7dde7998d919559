"""The printable worksheet's layout, reproducible bytes, style file and the bundled article."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pypdf
import pytest
from worksheet_support import (
    by_version,
    digest,
    expected_answer,
    locate,
    long_quiz,
    make_quiz,
    options,
    pages_of,
    render,
)

from quizgen.errors import QuizgenError
from quizgen.quiz.questions import Quiz
from quizgen.quiz.select import make_versions
from quizgen.renderers.worksheet.styles import load_style

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "content" / "venezuela-post-election.yaml"


# ---- layout -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("paper", "size"), [("a4", (595.28, 841.89)), ("letter", (612, 792))])
def test_page_size(paper: str, size: tuple[float, float]) -> None:
    """Every page of sheet and key has the requested paper size."""
    for pdf in render(make_quiz(), options=options(versions=2, extra={"paper": paper})).values():
        for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
            assert float(page.mediabox.width) == pytest.approx(size[0], abs=0.5)
            assert float(page.mediabox.height) == pytest.approx(size[1], abs=0.5)


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_no_question_is_split_across_pages(paper: str) -> None:
    """Each question's prompt and all its options are printed on one page, at both paper sizes."""
    quiz = long_quiz()
    files = render(quiz, options=options(versions=2, extra={"paper": paper, "no_key": True}))
    pages = pages_of(files["demo-worksheet.pdf"])
    assert len(pages) >= 6
    for version in make_versions(quiz, count=2, seed=0):
        for question in version.questions:
            locate(pages, version.version, question)  # whole, in order, on exactly one page


def test_section_heading_never_alone_at_page_foot() -> None:
    """Each section heading shares its page with the first question of that section."""
    quiz = long_quiz()
    pages = pages_of(render(quiz, options=options(extra={"no_key": True}))["demo-worksheet.pdf"])
    style = load_style()
    for kind, first_prompt in (("quote-match", "Match set 0."), ("event-order", "Order set 0.")):
        heading = style.kinds[kind].title
        spots = [i for i, page in enumerate(pages) if heading in page]
        assert spots and all(first_prompt in pages[i] for i in spots[:1]), kind



def _many_choices(count: int, *, excerpts: tuple[str, ...] = ()) -> Quiz:
    """count copies of the hand-made who-said-it question, with their own ids and excerpts."""
    quiz = make_quiz()
    (who,) = [q for q in quiz.questions if q.kind == "who-said-it"]
    questions = tuple(replace(who, id=f"who{i}", explanation=tuple(
        f"{text} (excerpt {i}-{j})" for j, text in enumerate(excerpts))) for i in range(count))
    return replace(quiz, questions=questions)


KEY_ROW = re.compile(r"(?:^| )(\d+)\. [A-D] ")


def test_key_numbers_read_down_each_page_in_order() -> None:
    """A key over several pages lists question numbers 1..n in reading order, page by page."""
    files = render(_many_choices(130), options=options(extra={"key_only": True}))
    pages = pages_of(files["demo-answer-key.pdf"])
    assert len(pages) >= 2
    numbers = [int(n) for page in pages for n in KEY_ROW.findall(page)]
    assert numbers == list(range(1, 131))


def test_explained_key_never_splits_an_answer_from_its_sources() -> None:
    """With --explain, each answer's number and all its source excerpts share one page."""
    long = "the speaker went on at some length about the matter at hand " * 4
    quiz = _many_choices(24, excerpts=(long, long, long))
    files = render(quiz, options=options(extra={"key_only": True, "explain": True}))
    pages = pages_of(files["demo-answer-key.pdf"])
    assert len(pages) >= 3
    for i in range(24):
        (page,) = [page for page in pages if re.search(rf"(?:^| ){i + 1}\. [A-D] ", page)]
        for j in range(3):
            assert f"(excerpt {i}-{j})" in page, (i, j)

# ---- determinism --------------------------------------------------------------------------------


def test_same_inputs_give_identical_bytes() -> None:
    """Rendering twice in one process gives byte-identical PDFs."""
    first = render(make_quiz(), options=options(versions=3, seed=2))
    second = render(make_quiz(), options=options(versions=3, seed=2))
    assert first == second


def test_identical_bytes_across_processes_and_environments() -> None:
    """Fresh processes with other hash seeds and a SOURCE_DATE_EPOCH give the same bytes."""
    here = digest(render(make_quiz(), options=options(versions=3, seed=2)))
    code = (
        "import json, sys; sys.path.insert(0, sys.argv[1]); import worksheet_support as t; "
        "print(json.dumps(t.digest(t.render(t.make_quiz(), "
        "options=t.options(versions=3, seed=2)))))"
    )
    for env in ({"PYTHONHASHSEED": "1"}, {"PYTHONHASHSEED": "4242", "SOURCE_DATE_EPOCH": "1"}):
        full = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"} | env
        out = subprocess.run([sys.executable, "-c", code, str(Path(__file__).parent)],
                             env=full, capture_output=True, text=True, timeout=240, check=True)
        assert json.loads(out.stdout) == here, env


def test_timestamp_sets_the_pdf_dates() -> None:
    """The PDF creation and modification dates come from options.timestamp, in UTC."""
    stamp = 1_700_000_000
    files = render(make_quiz(), options=options(timestamp=stamp))
    meta = pypdf.PdfReader(io.BytesIO(files["demo-worksheet.pdf"])).metadata
    assert meta is not None
    when = dt.datetime.fromtimestamp(stamp, dt.timezone.utc).strftime("D:%Y%m%d%H%M%S")
    assert str(meta["/CreationDate"]).startswith(when)
    assert str(meta["/ModDate"]).startswith(when)
    assert files != render(make_quiz(), options=options(timestamp=stamp + 1))


# ---- the style file -----------------------------------------------------------------------------


def test_bundled_style_loads() -> None:
    """The bundled style has legible sizes and a heading for every question type."""
    style = load_style()
    assert style.sizes.option >= 9 and style.sizes.question >= 9 and style.sizes.footer >= 7
    assert set(style.types) >= {"multiple_choice", "matching", "ordering"}


def test_bad_style_file_names_every_problem(tmp_path: Path) -> None:
    """A style file with an unknown key, a bad number and a duplicate key is refused with fields."""
    text = (ROOT / "quizgen" / "templates" / "worksheet" / "style.yaml").read_text("utf-8")
    bad = tmp_path / "style.yaml"
    bad.write_text(text.replace("  title: 18\n", "  title: big\n  titel: 18\n"), "utf-8")
    with pytest.raises(QuizgenError) as caught:
        load_style(bad)
    fields = {p.field for p in caught.value.problems}
    assert {"sizes.title", "sizes.titel"} <= fields
    bad.write_text(text + "\nsizes: {}\n", "utf-8")
    with pytest.raises(QuizgenError) as dup:
        load_style(bad)
    assert "duplicate" in str(dup.value)


# ---- the bundled article ------------------------------------------------------------------------


@pytest.mark.skipif(not ARTICLE.exists(), reason="the bundled fact base is not there yet")
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_bundled_article_in_three_versions(paper: str) -> None:
    """The real article: every question whole on one page, the key equal to the oracle."""
    from quizgen.factbase.loader import load_factbase
    from quizgen.quiz.select import build_quiz

    base = load_factbase(ARTICLE)
    quiz = build_quiz(base, seed=11)
    files = render(quiz, options=options(versions=3, seed=11, extra={"paper": paper}))
    pages = pages_of(files["demo-worksheet.pdf"])
    keys = by_version(pages_of(files["demo-answer-key.pdf"]))
    for version in make_versions(quiz, count=3, seed=11):
        for question in version.questions:
            _, number = locate(pages, version.version, question)
            answer = re.escape(expected_answer(question, base))
            assert re.search(rf"(?:^| ){number}\. {answer}(?: |$)", keys[version.version])
