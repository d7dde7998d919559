"""Printable PDF worksheet and answer key: per-student versions, A4 or Letter, bundled font."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import partial

from reportlab.platypus import (
    Flowable,
    HRFlowable,
    KeepTogether,
    PageBreak,
    Table,
    TableStyle,
)

from quizgen.errors import Problem, QuizgenError
from quizgen.quiz.questions import Matching, MultipleChoice, Ordering, Question, Quiz, assert_never
from quizgen.renderers.base import RenderOptions
from quizgen.renderers.wording import typographic
from quizgen.renderers.worksheet.key import key_story, scoring_rule
from quizgen.renderers.worksheet.pages import (
    Blank,
    Deferred,
    Footer,
    PageMark,
    TickBox,
    WriteBox,
    badge,
    build_pdf,
    frame_width,
    page_size,
)
from quizgen.renderers.worksheet.para import Paragraph
from quizgen.renderers.worksheet.plan import Numbered, Section, letter, plan, question_type
from quizgen.renderers.worksheet.styles import (
    FONT,
    Paras,
    WorksheetStyle,
    fill,
    load_style,
    paragraph_styles,
    plain_width,
    safe,
)


@dataclass(frozen=True)
class Sheet:
    """Everything shared by the pages of one render: style, text width and wording."""

    style: WorksheetStyle
    paras: Paras
    width: float  # of the text area, in points
    title: str
    instructions: str
    sources: str  # the source line, already escaped markup

    def version_text(self, label: str) -> str:
        """"Version A", or "" when there is a single unlabelled version."""
        return fill(self.style.text.version, version=label) if label else ""


def render(quiz: Quiz, *, options: RenderOptions) -> dict[str, bytes]:
    """The worksheet and answer-key PDFs of one quiz; the pipeline makes per-student versions."""
    return render_versions((quiz,), options=options, title=quiz.title)


def render_versions(
    versions: Sequence[Quiz], *, options: RenderOptions, title: str | None = None
) -> dict[str, bytes]:
    """Files for versions already made: all in one PDF each (sheet, key) or one PDF per version."""
    _check_request(versions, options)
    style = load_style()
    page_size(options.paper)  # a QuizgenError for an unknown paper before any layout
    labels = _labels(versions)
    sheet = Sheet(
        style=style, paras=paragraph_styles(style), width=frame_width(options.paper, style),
        title=_title(versions[0], options.title or title),
        instructions=options.instructions or style.text.default_instructions,
        sources=_source_line(versions[0], style),
    )
    pairs = list(zip(labels, versions, strict=True))
    groups = [[pair] for pair in pairs] if options.split_versions else [pairs]
    files: dict[str, bytes] = {}
    for group in groups:
        suffix = f"-{group[0][0]}" if options.split_versions and group[0][0] else ""
        pad = options.pad and len(group) > 1
        if options.sheet:
            files[f"{options.name}-worksheet{suffix}.pdf"] = _filled_sheet(
                group, sheet, options, pad=pad)
        if options.key:
            story: list[Flowable] = []
            for label, version in group:
                story += key_story(
                    plan(version.questions, style=style), version_text=sheet.version_text(label),
                    mark=footer_mark(sheet.version_text(label), version),
                    title=sheet.title, style=style, paras=sheet.paras, width=sheet.width,
                    explain=options.explain, first=not story,
                )
            files[f"{options.name}-answer-key{suffix}.pdf"] = _pdf(  # a key is not handed out:
                story, sheet, options, style.text.key_title, pad=False)  # no blank pages
    return files


def version_code(version: Quiz) -> str:
    """Four characters naming a version's questions, order and keys: a sheet and its key show
    the same code, a sheet and a key from another build (or seed) almost never do."""
    from quizgen.quiz.select import answer_key

    payload = repr([(q.id, answer_key(q)) for q in version.questions]).encode("utf-8")
    return hashlib.sha256(payload).hexdigest()[:4].upper()


def footer_mark(version_text: str, version: Quiz) -> str:
    """What the footer of every page of a version says before the page number."""
    return " · ".join(part for part in (version_text, f"code {version_code(version)}") if part)


def _check_request(versions: Sequence[Quiz], options: RenderOptions) -> None:
    name = options.name
    if not name or name in {".", ".."} or any(c in name for c in "/\\\0"):
        raise QuizgenError(Problem("bad output name", field="name", found=repr(name),
                                   expected="a file name without folders"))
    if not options.sheet and not options.key:
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


def _pdf(story: list[Flowable], sheet: Sheet, options: RenderOptions, prefix: str, *,
         pad: bool, fills: list[tuple[str, float]] | None = None) -> bytes:
    return build_pdf(
        story, paper=options.paper, style=sheet.style, title=sheet.title,
        footer=Footer(left=sheet.title, prefix=prefix, style=sheet.style, pad=pad),
        timestamp=options.timestamp, fills=fills,
    )


NEAR_EMPTY = 0.25  # a version's last page filled less than this is worth tightening the layout for
BLANK_TAIL = 0.04  # the layout's fill counts the gap under the last question, which prints
# nothing: a page looks up to this much emptier on paper than the fill says
TIGHTER = (0.6, 0.4, 0.25)  # spacing factors tried, in turn, to pull such a page's questions back


def _filled_sheet(group: Sequence[tuple[str, Quiz]], sheet: Sheet, options: RenderOptions, *,
                  pad: bool) -> bytes:
    """The student sheet; when a version ends on a near-empty page that has other pages before
    it, laid out again with tighter gaps between questions while that saves the page."""
    best: bytes | None = None
    best_pages = 0
    for factor in (1.0, *TIGHTER):
        tight = sheet if factor == 1.0 else replace(sheet, style=_tighter(sheet.style, factor))
        story: list[Flowable] = []
        for label, version in group:
            story += sheet_story(version, label=label, sheet=tight, first=not story)
        fills: list[tuple[str, float]] = []
        pdf = _pdf(story, tight, options, "", pad=pad, fills=fills)
        if best is None or len(fills) < best_pages:
            best, best_pages = pdf, len(fills)
        if not _near_empty_end(fills):
            break
    assert best is not None
    return best


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

    return replace(style, spacing=replace(
        gaps, after_question=scaled(gaps.after_question, 0.4),
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


# ---- the student sheet --------------------------------------------------------------------------


def sheet_story(version: Quiz, *, label: str, sheet: Sheet, first: bool) -> list[Flowable]:
    """One version's pages: header, then each section with its questions."""
    sections = plan(version.questions, style=sheet.style)
    story: list[Flowable] = [] if first else [PageBreak()]
    story.append(PageMark(footer_mark(sheet.version_text(label), version)))
    story += _header(sheet, label, total=sum(section.points for section in sections))
    indent = _indent(sheet, len(version.questions))
    for section in sections:
        first_item, *rest = section.items
        # the heading travels with the first question: never alone at the foot of a page.
        # (KeepTogether must not be nested: an inner one reports a huge height to the outer.)
        story.append(KeepTogether([*_section_heading(section, sheet),
                                   *_question(first_item, sheet, indent)]))
        # the rest are made as the layout reaches them, so a long sheet never holds them all
        story += [Deferred(partial(_kept_together, item, sheet, indent)) for item in rest]
    return story


def _kept_together(item: Numbered, sheet: Sheet, indent: float) -> list[Flowable]:
    return [KeepTogether(_question(item, sheet, indent))]


def _table(rows: list[list[object]], widths: list[float], *commands: tuple[object, ...],
           pad: float = 0, valign: str = "TOP") -> Table:
    table = Table(rows, colWidths=widths, splitInRow=1, hAlign="RIGHT")
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), valign),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), pad), ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
        *commands,
    ]))
    return table


def _header(sheet: Sheet, label: str, *, total: int) -> list[Flowable]:
    style, paras, width = sheet.style, sheet.paras, sheet.width
    title = Paragraph(safe(sheet.title), paras.title)
    badge_text = sheet.version_text(label)
    if badge_text:
        box, box_w = badge(badge_text, paras, style)
        top = _table([[title, box]], [width - box_w, box_w],
                     ("RIGHTPADDING", (0, 0), (0, 0), 12))  # the title never touches it
    else:
        top = _table([[title]], [width])
    story: list[Flowable] = [top]
    if sheet.sources:
        story.append(_table([[Paragraph(sheet.sources, paras.source)]], [width],
                            ("TOPPADDING", (0, 0), (-1, -1), 3)))
    story.append(_fields(sheet))
    total_text = fill(style.text.total, n=total)
    total_w = plain_width(total_text, style.sizes.instructions, bold=True) + 12
    total_para = Paragraph(safe(total_text), paras.total)
    story.append(_table([[Paragraph(safe(sheet.instructions), paras.instructions), total_para]],
                        [width - total_w, total_w], ("TOPPADDING", (0, 0), (-1, -1), 10)))
    story.append(HRFlowable(width="100%", thickness=0.8, color=style.color("rule"),
                            spaceBefore=6, spaceAfter=style.spacing.after_header))
    return story


def _fields(sheet: Sheet) -> Table:
    """Name / Class / Date: labels, then writing lines sharing the width as the style says."""
    style, width = sheet.style, sheet.width
    fields = style.header_fields
    shares = sum(f.share for f in fields) or 1.0
    gap = 14.0
    row: list[object] = []
    widths: list[float] = []
    lines: list[tuple[object, ...]] = []
    for i, field in enumerate(fields):
        label = f"{field.label}:"
        label_w = plain_width(label, style.sizes.fields, bold=True) + 5
        room = field.share / shares * width - (gap if i < len(fields) - 1 else 0)
        row += [Paragraph(safe(label), sheet.paras.field), ""]
        widths += [label_w, max(room - label_w, 20)]
        col = len(row) - 1
        lines.append(("LINEBELOW", (col, 0), (col, 0), style.boxes.line_width, style.color("box")))
        if i < len(fields) - 1:
            row.append("")
            widths.append(gap)
    table = Table([row], colWidths=widths, rowHeights=[style.spacing.field_height])
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1), ("TOPPADDING", (0, 0), (-1, -1), 0), *lines,
    ]))
    return table


def _section_heading(section: Section, sheet: Sheet) -> list[Flowable]:
    style, paras, width = sheet.style, sheet.paras, sheet.width
    points = style.text.points(section.points)
    points_w = plain_width(points, style.sizes.points) + 6
    head = _table(
        [[Paragraph(safe(section.title), paras.section), Paragraph(safe(points), paras.points)]],
        [width - points_w, points_w], ("VALIGN", (1, 0), (1, 0), "BOTTOM"),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, style.color("rule")),
    )
    head.spaceBefore = style.spacing.before_section
    instruction = section.instruction
    kind = question_type(section.items[0].question)
    if kind in ("matching", "ordering"):
        instruction += " Scoring: " + scoring_rule(kind, style)
    note = Paragraph(safe(instruction), paras.section_note)
    note.spaceBefore = 3
    note.spaceAfter = style.spacing.after_section_note
    return [head, note]


def _indent(sheet: Sheet, count: int) -> float:
    """Width of the question-number column; options line up with the prompt after it."""
    widest = "0" * max(2, len(str(count))) + "."
    return plain_width(widest, sheet.style.sizes.question, bold=True) + 9


def _question(item: Numbered, sheet: Sheet, indent: float) -> list[Flowable]:
    """One numbered question: its prompt line and its options (the caller keeps them together)."""
    style, paras, width = sheet.style, sheet.paras, sheet.width
    points = style.text.points(item.points)
    points_w = plain_width(points, style.sizes.points) + 8
    question = item.question
    head = _table(
        [[Paragraph(f"{item.number}.", paras.number),
          Paragraph(safe(typographic(question.prompt)), paras.prompt),
          Paragraph(safe(points), paras.points)]],
        [indent, width - indent - points_w, points_w],
        ("BOTTOMPADDING", (0, 0), (-1, -1), style.spacing.after_prompt),
        ("TOPPADDING", (2, 0), (2, 0), style.sizes.question - style.sizes.points),
    )
    body = _body(question, sheet, width - indent)
    body.spaceAfter = style.spacing.after_question
    return [head, body]


def _body(question: Question, sheet: Sheet, width: float) -> Table:
    match question:
        case MultipleChoice():
            return _choices(question, sheet, width)
        case Matching():
            return _matching(question, sheet, width)
        case Ordering():
            return _ordering(question, sheet, width)
        case _:
            assert_never(question)


def _letter_width(count: int, sheet: Sheet) -> float:
    return plain_width(letter(count - 1) + "W", sheet.style.sizes.option, bold=True)


def _choices(question: MultipleChoice, sheet: Sheet, width: float) -> Table:
    """Lettered options, each with a box to tick."""
    style, paras = sheet.style, sheet.paras
    size, lead = style.sizes.option, paras.option.leading
    tick_w = style.boxes.tick + 8
    letter_w = _letter_width(len(question.options), sheet)
    rows: list[list[object]] = [
        [TickBox(style.boxes.tick, font_size=size, leading=lead, style=style),
         Paragraph(letter(i), paras.letter), Paragraph(safe(option.text), paras.option)]
        for i, option in enumerate(question.options)
    ]
    return _table(rows, [tick_w, letter_w, width - tick_w - letter_w], pad=style.spacing.option_gap)


def _matching(question: Matching, sheet: Sheet, width: float) -> Table:
    """Numbered quotes with a blank for the letter on the left; lettered speakers on the right."""
    style, paras = sheet.style, sheet.paras
    size, lead, pad = style.sizes.option, paras.option.leading, style.spacing.option_gap
    gutter = 10.0
    right_w = max(width * 0.34, 120.0)
    left_w = width - right_w - gutter
    blank_w = style.boxes.blank + 6
    number_w = plain_width(f"{len(question.left)}.", size, bold=True) + 6
    left = _table(
        [[Blank(style.boxes.blank, font_size=size, leading=lead, style=style),
          Paragraph(f"{i + 1}.", paras.letter), Paragraph(safe(item.text), paras.option)]
         for i, item in enumerate(question.left)],
        [blank_w, number_w, left_w - blank_w - number_w], pad=pad + 1,
    )
    letter_w = _letter_width(len(question.right), sheet)
    inner_w = right_w - 16
    right = _table(
        [[Paragraph(letter(i), paras.letter), Paragraph(safe(item.text), paras.option)]
         for i, item in enumerate(question.right)],
        [letter_w, inner_w - letter_w], pad=pad + 1,  # rows line up with the quotes' rows
    )
    return _table(
        [[left, "", right]], [left_w, gutter, right_w],
        ("BACKGROUND", (2, 0), (2, 0), style.color("shade")),
        ("LEFTPADDING", (2, 0), (2, 0), 8), ("RIGHTPADDING", (2, 0), (2, 0), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (2, 0), (2, 0), 4),
    )


def _ordering(question: Ordering, sheet: Sheet, width: float) -> Table:
    """Lettered events, each with a box to write its place 1..k."""
    style, paras = sheet.style, sheet.paras
    box_w = style.boxes.order + 10
    letter_w = _letter_width(len(question.items), sheet)
    rows: list[list[object]] = [
        [WriteBox(style.boxes.order, style=style), Paragraph(letter(i), paras.letter),
         Paragraph(safe(item.text), paras.option)]
        for i, item in enumerate(question.items)
    ]
    # the box sits level with the event's first line, also when a long event wraps
    # (and boxes stay apart on a tightened sheet: at least 3 points between two)
    pad, gap = max(style.spacing.option_gap, 1.5), style.boxes.order - paras.option.leading
    return _table(rows, [box_w, letter_w, width - box_w - letter_w],
                  ("TOPPADDING", (0, 0), (0, -1), pad + max(-gap, 0) / 2),
                  ("TOPPADDING", (1, 0), (2, -1), pad + max(gap, 0) / 2), pad=pad)
