"""Printable PDF worksheet and answer key: per-student versions, A4 or Letter, bundled font."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.platypus import Flowable, PageBreak

from quizgen.errors import Problem, QuizgenError
from quizgen.factbase.model import FactBase
from quizgen.quiz.questions import Quiz
from quizgen.renderers.base import RenderOptions
from quizgen.renderers.reading import citations, printed_articles
from quizgen.renderers.worksheet.article import ARTICLE_MARK, article_story, cite_lines
from quizgen.renderers.worksheet.common import Sheet, footer_mark
from quizgen.renderers.worksheet.fit import Cannot, version_fills
from quizgen.renderers.worksheet.key import key_story
from quizgen.renderers.worksheet.options import WorksheetOptions, worksheet_options
from quizgen.renderers.worksheet.pages import (
    Footer,
    frame_height,
    frame_width,
    lay_out,
    page_size,
)
from quizgen.renderers.worksheet.plan import letter, plan
from quizgen.renderers.worksheet.student import sheet_story
from quizgen.renderers.worksheet.styles import (
    WorksheetStyle,
    load_style,
    paragraph_styles,
    safe,
)


def render(quiz: Quiz, *, options: RenderOptions) -> dict[str, bytes]:
    """The worksheet and answer-key PDFs of one quiz; the pipeline makes per-student versions."""
    return render_versions((quiz,), options=options, title=quiz.title)


def render_versions(
    versions: Sequence[Quiz], *, options: RenderOptions, title: str | None = None
) -> dict[str, bytes]:
    """Files for versions already made: all in one PDF each (sheet, key) or one PDF per version."""
    layout = worksheet_options(options)
    _check_request(versions, name=options.name, layout=layout)
    style = load_style()
    page_size(layout.paper)  # a QuizgenError for an unknown paper before any layout
    labels = _labels(versions)
    sheet = Sheet(
        style=style, paras=paragraph_styles(style), width=frame_width(layout.paper, style),
        title=_title(versions[0], options.title or title),
        instructions=layout.instructions or style.text.default_instructions,
        sources=_source_line(versions[0], style),
    )
    articles = printed_articles(versions[0]) if layout.with_article else ()
    if layout.cite:
        sheet = sheet._replace(cites=citations(versions[0]) if len(versions) == 1 else {
            key: value for version in versions for key, value in citations(version).items()})
    pairs = list(zip(labels, versions, strict=True))
    groups = [[pair] for pair in pairs] if layout.split_versions else [pairs]
    files: dict[str, bytes] = {}
    for group in groups:
        suffix = f"-{group[0][0]}" if layout.split_versions and group[0][0] else ""
        pad = layout.pad and len(group) > 1
        if layout.sheet:
            files[f"{options.name}-worksheet{suffix}.pdf"] = _filled_sheet(
                group, sheet, layout, timestamp=options.timestamp, pad=pad, articles=articles)
        if layout.key:
            story: list[Flowable] = []
            lines = article_story(articles, sheet=sheet, mark="")[1] if articles else None
            for label, version in group:
                story += key_story(
                    plan(version.questions, style=style), version_text=sheet.version_text(label),
                    mark=footer_mark(sheet.version_text(label), version),
                    title=sheet.title, style=style, paras=sheet.paras, width=sheet.width,
                    explain=layout.explain, first=not story,
                    cites=cite_lines(version, lines),
                )
            files[f"{options.name}-answer-key{suffix}.pdf"] = _pdf(  # a key is not handed out:
                story, sheet, layout, style.text.key_title,  # no blank pages
                timestamp=options.timestamp, pad=False)()
    return files


def _check_request(versions: Sequence[Quiz], *, name: str, layout: WorksheetOptions) -> None:
    if not name or name in {".", ".."} or any(c in name for c in "/\\\0"):
        raise QuizgenError(Problem("bad output name", field="name", found=repr(name),
                                   expected="a file name without folders"))
    if not layout.sheet and not layout.key:
        raise QuizgenError(Problem("nothing to write", field="key",
                                   expected="the worksheet, the answer key or both"))
    if not versions or not all(version.questions for version in versions):
        raise QuizgenError(Problem("no questions for the worksheet", field="questions",
                                   found="an empty quiz", expected="at least one question"))


def _title(first: Quiz, given: str | None) -> str:
    """The override, else the quiz title, else the first article's title."""
    article = first.bases[0].source.title if first.bases else ""
    for candidate in (given, first.title, article):
        if candidate and candidate.strip():
            return candidate
    return "Quiz"


def _labels(versions: Sequence[Quiz]) -> list[str]:
    """Each version's letter; letters by position if versions carry none, repeat or odd ones."""
    labels = [version.version for version in versions]
    fine = all(label.isascii() and label.isalnum() and len(label) <= 8 for label in labels if label)
    if fine and len(set(labels)) == len(labels) and (all(labels) or len(labels) == 1):
        return labels  # safe in a file name: "-worksheet-B.pdf"
    return [letter(i) for i in range(len(versions))]


def _pdf(story: list[Flowable], sheet: Sheet, layout: WorksheetOptions, prefix: str, *,
         timestamp: int, pad: bool, fills: list[tuple[str, float]] | None = None,
         wait: int = 0) -> Callable[[], bytes]:
    """The story laid out; calling the result writes the PDF (see pages.lay_out)."""
    what = prefix or "Worksheet"  # the key's prefix is its title; the sheet has none
    # the article's pages are padded too, so that the questions start on a fresh sheet
    pad_also = ARTICLE_MARK if layout.with_article and layout.pad and not prefix else ""
    return lay_out(
        story, paper=layout.paper, style=sheet.style, title=sheet.title,
        footer=Footer(left=sheet.title, prefix=prefix, style=sheet.style, pad=pad,
                      pad_also=pad_also),
        timestamp=timestamp, fills=fills, subject=f"{what}: questions on {sheet.title}",
        wait=wait,
    )


NEAR_EMPTY = 0.25  # a version's last page filled less than this is worth tightening the layout for
BLANK_TAIL = 0.04  # the layout's fill counts the gap under the last question, which prints
# nothing: a page looks up to this much emptier on paper than the fill says
TIGHTER = (0.6, 0.4, 0.25)  # spacing factors tried, in turn, to pull such a page's questions back
WAIT_PAGES = 200  # a sheet's pages drawn only once its layout is kept (a class set of versions);
# a longer sheet draws the rest as it goes, holding no more than these pages' flowables


def _filled_sheet(group: Sequence[tuple[str, Quiz]], sheet: Sheet, layout: WorksheetOptions, *,
                  timestamp: int, pad: bool,
                  articles: Sequence[tuple[FactBase, tuple[str, ...]]] = ()) -> bytes:
    """The student sheet, laid out once: with tighter gaps between questions when, as the
    questions' heights tell beforehand, a version would otherwise end on a near-empty page that
    has other pages before it, and the tighter gaps save pages."""
    factor, measured = spacing_factor(group, sheet, layout)
    tight = spaced(sheet, factor)
    return _pdf(sheet_pages(group, tight, articles, measured=measured), tight, layout, "",
                timestamp=timestamp, pad=pad, wait=WAIT_PAGES)()


def spaced(sheet: Sheet, factor: float) -> Sheet:
    """The sheet with its gaps scaled by factor (1: as designed, the same sheet)."""
    return sheet if factor == 1.0 else sheet._replace(style=_tighter(sheet.style, factor))


def sheet_pages(group: Sequence[tuple[str, Quiz]], sheet: Sheet,
                articles: Sequence[tuple[FactBase, tuple[str, ...]]] = (), *,
                measured: Sequence[list[Flowable]] | None = None) -> list[Flowable]:
    """The story of the student sheet: each version's article (if printed), then its questions
    (the flowables measured for them at this spacing, when given: made and wrapped once)."""
    story: list[Flowable] = []
    for index, (label, version) in enumerate(group):
        if articles:  # the article first, on its own pages
            story += article_story(articles, sheet=sheet, first=not story, mark=footer_mark(
                sheet.version_text(label), version))[0]
        if measured is None:
            story += sheet_story(version, label=label, sheet=sheet, first=not story)
        else:
            story += [PageBreak(), *measured[index]] if story else measured[index]
    return story


KEEP_MEASURED = 600  # questions (all versions) up to which the measured flowables are laid out;
# a longer sheet makes its questions again as the layout reaches them, never holding them all


def spacing_factor(group: Sequence[tuple[str, Quiz]], sheet: Sheet, layout: WorksheetOptions,
                   ) -> tuple[float, list[list[Flowable]] | None]:
    """The spacing a sheet is laid out with: as designed (1), unless some version would end
    on a near-empty page after other pages; then the first of TIGHTER that leaves no such page,
    else the one giving fewest pages (the first of those). Where the heights cannot tell (a
    question taller than a page), the sheet keeps the spacing found so far. With the factor,
    the flowables measured for it (per version), if the sheet is short enough to keep them."""
    keep = sum(len(version.questions) for _, version in group) <= KEEP_MEASURED
    best: tuple[float, list[list[Flowable]] | None] = (1.0, None)
    best_pages = 0
    for factor in (1.0, *TIGHTER):
        measured: list[list[Flowable]] | None = [] if keep else None
        fills = question_fills(group, spaced(sheet, factor), layout, measured=measured)
        if fills is None:
            break
        if factor == 1.0 or len(fills) < best_pages:
            best, best_pages = (factor, measured), len(fills)
        if not _near_empty_end(fills):
            break
    return best


def question_fills(group: Sequence[tuple[str, Quiz]], sheet: Sheet, layout: WorksheetOptions,
                   *, measured: list[list[Flowable]] | None = None,
                   ) -> list[tuple[str, float]] | None:
    """(version label, share used) for each page of each version's questions, as the layout
    will find them, worked out from the questions' heights alone (quizgen.renderers.worksheet
    .fit); None where the heights cannot tell. `measured`, when given, receives each version's
    question flowables."""
    height = frame_height(layout.paper, sheet.style)
    fills: list[tuple[str, float]] = []
    for index, (label, version) in enumerate(group):
        story = sheet_story(version, label=label, sheet=sheet, first=True)
        made: list[Flowable] = []
        try:
            fills += [(f"{index}:{label}", used) for used in version_fills(
                story, width=sheet.width, height=height,
                made=None if measured is None else made)]
        except Cannot:
            return None
        if measured is not None:
            measured.append(made)
    return fills


def _near_empty_end(fills: Sequence[tuple[str, float]]) -> bool:
    """Whether some version of several pages ends on a page used less than NEAR_EMPTY."""
    for index, (mark, used) in enumerate(fills):
        last = index + 1 == len(fills) or fills[index + 1][0] != mark
        first = index == 0 or fills[index - 1][0] != mark
        if last and not first and used < NEAR_EMPTY + BLANK_TAIL:
            return True
    return False


def _tighter(style: WorksheetStyle, factor: float) -> WorksheetStyle:
    """The style with its vertical gaps scaled down by factor (1: as designed). The padding of
    option rows, repeated on every row, gives most; the gaps that separate questions and
    sections give less, so headings and questions stay apart however tight the page."""
    gaps = style.spacing

    def scaled(value: float, keep: float) -> float:  # keep: the share never taken away
        return value * (keep + (1 - keep) * factor)

    return style._replace(spacing=gaps._replace(
        after_question=scaled(gaps.after_question, 0.4),
        before_section=scaled(gaps.before_section, 0.6),
        after_section_note=scaled(gaps.after_section_note, 0.5),
        after_prompt=scaled(gaps.after_prompt, 0.5),
        option_gap=max(gaps.option_gap * factor, min(gaps.option_gap, 0.8)),
    ))


def _source_line(quiz: Quiz, style: WorksheetStyle) -> str:
    """"Source: “Title” (Outlet, 2024-08)" for every fact base, escaped."""
    parts = []
    for base in quiz.bases:
        extra = ", ".join(x for x in (base.source.outlet, base.source.published) if x)
        parts.append(f"“{safe(base.source.title)}”" + (f" ({safe(extra)})" if extra else ""))
    if not parts:
        return ""
    label = style.text.source_one if len(parts) == 1 else style.text.source_many
    return f"{safe(label)} " + "; ".join(parts)
