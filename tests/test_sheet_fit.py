"""A sheet is laid out once: the pages its questions fill are worked out beforehand from their
heights, exactly as reportlab's layout then fills them, at every spacing the sheet may take."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest
from sheet_check import BASES, base_at
from sheet_check import sheet as cached_sheet

from quizgen.quiz.questions import Quiz
from quizgen.quiz.select import build_quiz
from quizgen.renderers.base import RenderOptions
from quizgen.renderers.worksheet import fit
from quizgen.renderers.worksheet import sheet as worksheet
from quizgen.renderers.worksheet.article import ARTICLE_MARK
from quizgen.renderers.worksheet.common import Sheet
from quizgen.renderers.worksheet.options import WorksheetOptions

FACTORS = (1.0, *worksheet.TIGHTER)
Inputs = tuple[Sequence[tuple[str, Quiz]], Sheet, WorksheetOptions, Any]


def _inputs(quiz: Quiz, monkeypatch: pytest.MonkeyPatch, **extra: Any) -> Inputs:
    """What the renderer hands to its choice of spacing (the versions, the sheet, the layout
    options and the printed articles) when it renders the quiz with these options."""
    seen: list[Inputs] = []
    choose, pages = worksheet.spacing_factor, worksheet.sheet_pages

    def spy_choose(group: Any, sheet: Sheet, layout: WorksheetOptions) -> Any:
        seen.append((group, sheet, layout, None))
        return choose(group, sheet, layout)

    def spy_pages(group: Any, sheet: Sheet, articles: Any = (), **measured: Any) -> Any:
        seen[-1] = (*seen[-1][:3], articles)
        return pages(group, sheet, articles, **measured)

    with monkeypatch.context() as patch:
        patch.setattr(worksheet, "spacing_factor", spy_choose)
        patch.setattr(worksheet, "sheet_pages", spy_pages)
        worksheet.render_versions((quiz,) if "versions" not in extra else extra.pop("versions"),
                                  options=RenderOptions(name="t", timestamp=0, extra=extra))
    assert len(seen) == 1
    return seen[0]


def _laid_out(inputs: Inputs, factor: float) -> list[tuple[str, float]]:
    """The fills reportlab's layout finds for the questions' pages (article pages left out),
    each version's pages under its position and label, as question_fills names them."""
    group, sheet, layout, articles = inputs
    tight = worksheet.spaced(sheet, factor)
    fills: list[tuple[str, float]] = []
    worksheet._pdf(worksheet.sheet_pages(group, tight, articles), tight, layout, "",
                   timestamp=0, pad=False, fills=fills)  # laid out, never written
    marks = {mark: index for index, mark in enumerate(
        dict.fromkeys(m for m, _ in fills if not m.endswith(ARTICLE_MARK)))}
    labels = [label for label, _ in group]
    return [(f"{marks[m]}:{labels[marks[m]]}", used) for m, used in fills
            if not m.endswith(ARTICLE_MARK)]


def _same(inputs: Inputs) -> None:
    """At every spacing, the pages worked out are the pages laid out."""
    group, sheet, layout, _ = inputs
    for factor in FACTORS:
        told = worksheet.question_fills(group, worksheet.spaced(sheet, factor), layout)
        found = _laid_out(inputs, factor)
        assert told is not None, factor
        assert [m for m, _ in told] == [m for m, _ in found], factor
        assert [round(used, 9) for _, used in told] == [round(used, 9) for _, used in found], \
            factor


@pytest.mark.parametrize("path", BASES, ids=[p.stem for p in BASES])
def test_worked_out_pages_are_the_laid_out_pages(path: Any,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """For the default sheet of every fact base (content/ and the corpus), the share of each
    question page used, worked out from heights, equals what the layout finds, at the designed
    spacing and at each tighter one."""
    _same(_inputs(cached_sheet(path, 1), monkeypatch))


@pytest.mark.parametrize("extra", [
    {"paper": "letter"},
    {"with_article": True},
    {"cite": True, "explain": True},
], ids=["letter", "article", "cite"])
def test_worked_out_pages_hold_for_every_layout_option(extra: dict[str, Any],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Letter paper, the article printed first and cited paragraphs change the pages; the
    worked-out pages still equal the laid-out ones, for lengths from 4 to 28 items."""
    base = base_at(BASES[0])
    for count in (4, 9, 16, 28):
        _same(_inputs(build_quiz(base, seed=2, count=count), monkeypatch, **extra))


def test_worked_out_pages_hold_for_a_class_set_of_versions(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Six versions of one sheet, each starting on a fresh page, are worked out version by
    version as the layout fills them."""
    from quizgen.quiz.versions import make_versions

    quiz = cached_sheet(BASES[1], 1)
    versions = make_versions(quiz, count=6, seed=3)
    _same(_inputs(quiz, monkeypatch, versions=tuple(versions)))


def test_a_question_taller_than_a_page_cannot_be_worked_out() -> None:
    """Heights that do not tell the layout (a kept-together question taller than the page)
    raise Cannot, and the sheet then keeps the spacing found so far."""
    pages = fit.Pages(100.0)
    pages.add(False, (fit.Item(30.0, 0.0, 5.0),))
    with pytest.raises(fit.Cannot):
        pages.add(True, (fit.Item(80.0, 4.0, 2.0), fit.Item(30.0, 0.0, 3.0)))


def test_a_kept_block_that_does_not_fit_starts_the_next_page() -> None:
    """A kept-together block that does not fit below what a page holds starts the next page
    whole, its space before dropped there; the spaces between its parts overlap (the larger
    counts), and the last part's space after counts on the page."""
    pages = fit.Pages(100.0)
    pages.add(False, (fit.Item(50.0, 0.0, 6.0),))
    pages.add(True, (fit.Item(20.0, 10.0, 3.0), fit.Item(15.0, 8.0, 4.0)))  # 43 high, 40 left
    pages.page_end()
    assert pages.fills == [pytest.approx(0.56), pytest.approx((20 + 8 + 15 + 4) / 100)]
