"""The answer key: one compact grid per version, question number → answer, with optional sources."""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.platypus import Flowable, PageBreak, Paragraph, Table, TableStyle

from quizgen.questions import Matching, MultipleChoice, Ordering, Question
from quizgen.renderers.worksheet_pages import PageMark, badge
from quizgen.renderers.worksheet_plan import (
    Numbered,
    Section,
    letter,
    matching_answer,
    ordering_answer,
)
from quizgen.renderers.worksheet_styles import (
    FONT,
    Paras,
    WorksheetStyle,
    fill,
    plain_width,
    safe,
)

TWO_COLUMNS_FROM = 9  # questions; fewer fit in one column without wasting the page


def key_story(
    sections: Sequence[Section], *, version_text: str, title: str, style: WorksheetStyle,
    paras: Paras, width: float, explain: bool, first: bool,
) -> list[Flowable]:
    """One version's answer key, starting on a new page unless it is the first."""
    story: list[Flowable] = [] if first else [PageBreak()]
    story.append(PageMark(version_text))
    story.append(_heading(version_text, title=title, style=style, paras=paras, width=width))
    items = [item for section in sections for item in section.items]
    total = sum(item.points for item in items)
    total_para = Paragraph(safe(fill(style.text.key_total, n=total)), paras.key_answer)
    total_para.spaceBefore, total_para.spaceAfter = 4, 10
    story.append(total_para)
    story.append(_grid(items, style=style, paras=paras, width=width, explain=explain))
    for note in _notes(items, style):
        para = Paragraph(safe(note), paras.key_note)
        para.spaceBefore = 6
        story.append(para)
    return story


def _heading(version_text: str, *, title: str, style: WorksheetStyle, paras: Paras,
             width: float) -> Table:
    """"Answer key" and the quiz title on the left, the version badge on the right."""
    left = [Paragraph(safe(style.text.key_title), paras.key_title),
            Paragraph(safe(title), paras.source)]
    row: list[object] = [left]
    widths = [width]
    commands: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, style.color("rule")),
        ("BOTTOMPADDING", (0, 0), (-1, 0), 6),
    ]
    if version_text:
        box, box_w = badge(version_text, paras, style)
        row.append(box)
        widths = [width - box_w, box_w]
    table = Table([row], colWidths=widths)
    table.setStyle(TableStyle(commands))
    return table


def answer_markup(question: Question, style: WorksheetStyle) -> str:
    """The answer as Paragraph markup: the letter(s) or numbers in bold, a hint in grey."""
    muted = str(style.colors.muted)
    if isinstance(question, MultipleChoice):
        text = safe(question.options[question.answer].text)
        return f'<b>{letter(question.answer)}</b>&nbsp;&nbsp;<font color="{muted}">{text}</font>'
    if isinstance(question, Matching):
        return f"<b>{matching_answer(question)}</b>"
    assert isinstance(question, Ordering)
    boxes, order = ordering_answer(question)
    small = style.sizes.key_note
    return f'<b>{boxes}</b>&nbsp;&nbsp;<font color="{muted}" size="{small}">({order})</font>'


def _cell(item: Numbered, style: WorksheetStyle, paras: Paras, explain: bool) -> list[Paragraph]:
    cell = [Paragraph(answer_markup(item.question, style), paras.key_answer)]
    if explain:
        for excerpt in item.question.explanation:
            note = Paragraph(f"{safe(style.text.key_source)} “{safe(excerpt)}”", paras.key_note)
            note.spaceBefore = 2
            cell.append(note)
    return cell


def _grid(items: Sequence[Numbered], *, style: WorksheetStyle, paras: Paras, width: float,
          explain: bool) -> Table:
    """No. | Answer | Pts, in two column groups when there are many questions and no sources."""
    groups = 2 if len(items) >= TWO_COLUMNS_FROM and not explain else 1
    gap = 18.0
    size = style.sizes.key_answer
    number_w = plain_width("000.", size, bold=True) + 6
    points_w = max(plain_width(style.text.key_points, style.sizes.key_note, bold=True),
                   plain_width("00", size)) + 12
    group_w = (width - gap * (groups - 1)) / groups
    answer_w = group_w - number_w - points_w
    per_group = math.ceil(len(items) / groups)
    head: list[object] = []
    widths: list[float] = []
    for g in range(groups):
        if g:
            head.append("")
            widths.append(gap)
        head += [Paragraph(safe(text), paras.key_head) for text in
                 (style.text.key_number, style.text.key_answer, style.text.key_points)]
        widths += [number_w, answer_w, points_w]
    rows: list[list[object]] = [head]
    for r in range(per_group):
        row: list[object] = []
        for g in range(groups):
            if g:
                row.append("")
            index = g * per_group + r
            if index < len(items):
                item = items[index]
                row += [Paragraph(f"<b>{item.number}.</b>", paras.key_answer),
                        _cell(item, style, paras, explain),
                        Paragraph(str(item.points), paras.key_answer)]
            else:
                row += ["", "", ""]
        rows.append(row)
    pad = style.spacing.key_row_padding
    commands: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), pad), ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    for g in range(groups):
        first = g * 4
        last = first + 2
        commands += [
            ("BACKGROUND", (first, 0), (last, 0), style.color("shade")),
            ("LINEBELOW", (first, 0), (last, -1), 0.4, style.color("rule")),
        ]
    table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1, hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    return table


def _notes(items: Sequence[Numbered], style: WorksheetStyle) -> list[str]:
    """How matching and ordering are marked, when the key has such questions."""
    notes = []
    if any(isinstance(item.question, Matching) for item in items):
        notes.append(fill(style.text.key_matching_note, n=style.text.points(
            style.points.matching_per_pair)))
    if any(isinstance(item.question, Ordering) for item in items):
        notes.append(style.text.key_ordering_note)
    return notes
