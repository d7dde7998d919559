"""The student sheet of one version: header, name fields, section headings, numbered questions."""

from __future__ import annotations

from functools import partial

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, HRFlowable, KeepTogether, PageBreak, Table, TableStyle

from quizgen.quiz.questions import Quiz
from quizgen.renderers.wording import typographic
from quizgen.renderers.worksheet.bodies import question_body
from quizgen.renderers.worksheet.common import Sheet, badge, footer_mark, table
from quizgen.renderers.worksheet.key import scoring_rule
from quizgen.renderers.worksheet.pages import Deferred, PageMark
from quizgen.renderers.worksheet.para import Paragraph
from quizgen.renderers.worksheet.plan import Numbered, Section, plan, question_type
from quizgen.renderers.worksheet.styles import FONT, fill, plain_width, safe


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


def _header(sheet: Sheet, label: str, *, total: int) -> list[Flowable]:
    style, paras, width = sheet.style, sheet.paras, sheet.width
    title = Paragraph(safe(sheet.title), paras.title)
    badge_text = sheet.version_text(label)
    if badge_text:
        box, box_w = badge(badge_text, paras, style)
        top = table([[title, box]], [width - box_w, box_w],
                     ("RIGHTPADDING", (0, 0), (0, 0), 12))  # the title never touches it
    else:
        top = table([[title]], [width])
    story: list[Flowable] = [top]
    if sheet.sources:
        story.append(table([[Paragraph(sheet.sources, paras.source)]], [width],
                            ("TOPPADDING", (0, 0), (-1, -1), 3)))
    story.append(_fields(sheet))
    total_text = fill(style.text.total, n=total)
    total_w = plain_width(total_text, style.sizes.instructions, bold=True) + 12
    total_para = Paragraph(safe(total_text), paras.total)
    story.append(table([[Paragraph(safe(sheet.instructions), paras.instructions), total_para]],
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
    grid = Table([row], colWidths=widths, rowHeights=[style.spacing.field_height])
    grid.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1), ("TOPPADDING", (0, 0), (-1, -1), 0), *lines,
    ]))
    return grid


def _section_heading(section: Section, sheet: Sheet) -> list[Flowable]:
    style, paras, width = sheet.style, sheet.paras, sheet.width
    points = style.text.points(section.points)
    points_w = plain_width(points, style.sizes.points) + 6
    head = table(
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
    """How far in the options start: where a two-digit question's prompt does."""
    size = sheet.style.sizes.question
    widest = "0" * max(2, len(str(count))) + "."
    return plain_width(widest, size, bold=True) + plain_width(" ", size)


def numbered(prompt: ParagraphStyle, number: int, size: float) -> ParagraphStyle:
    """The prompt's style hanging from its number: the first line starts at the margin with the
    number and one space (a wider gap reads as a column of its own to text extraction, which
    then parts numbers from prompts), the others where the first line's words start."""
    hang = plain_width(f"{number}.", size, bold=True) + plain_width(" ", size)
    return ParagraphStyle(f"{prompt.name}-{number}", parent=prompt, leftIndent=hang,
                          firstLineIndent=-hang)


def _question(item: Numbered, sheet: Sheet, indent: float) -> list[Flowable]:
    """One numbered question: its prompt line and its options (the caller keeps them together)."""
    style, paras, width = sheet.style, sheet.paras, sheet.width
    points = style.text.points(item.points)
    points_w = plain_width(points, style.sizes.points) + 8
    question = item.question
    # the number is the prompt paragraph's bullet, on its first line: text extraction and
    # screen readers get "3. What ..." as one run; the points sit level with the prompt's last
    # line, so a wrapped prompt is never split by them
    cite = sheet.cites.get(question.id)
    shown = typographic(question.prompt) + (f" ({cite})" if cite else "")
    prompt = Paragraph(f"<b>{item.number}.</b> {safe(shown)}",
                       numbered(paras.prompt, item.number, style.sizes.question))
    head = table(
        [[prompt, Paragraph(safe(points), paras.points)]],
        [width - points_w, points_w],
        ("BOTTOMPADDING", (0, 0), (-1, -1), style.spacing.after_prompt),
        ("VALIGN", (1, 0), (1, 0), "BOTTOM"),
    )
    body = question_body(question, sheet, width - indent)
    body.spaceAfter = style.spacing.after_question
    return [head, body]
