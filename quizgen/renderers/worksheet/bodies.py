"""Question bodies on the student sheet: options to tick, matching columns, events to order, a
passage with numbered gaps under its box of words."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Table

from quizgen.quiz.questions import (
    GapFill,
    Matching,
    MultipleChoice,
    Ordering,
    Question,
    assert_never,
)
from quizgen.renderers.worksheet.common import Sheet, table
from quizgen.renderers.worksheet.para import Paragraph
from quizgen.renderers.worksheet.plan import letter
from quizgen.renderers.worksheet.styles import WorksheetStyle, plain_width, safe

# ---- things students write in -------------------------------------------------------------------


class TickBox(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    """An empty square sitting on the first text line of the cell beside it."""

    def __init__(self, side: float, *, font_size: float, leading: float, style: WorksheetStyle):
        super().__init__()
        self.side, self.font_size, self.style = side, font_size, style
        self.width, self.height = side, max(leading, side)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        # a Paragraph puts its first baseline font_size below its top; centre the box on the
        # middle of the lower-case letters of that line
        middle = self.height - self.font_size + 0.36 * self.font_size
        canv = self.canv
        canv.setLineWidth(self.style.boxes.line_width)
        canv.setStrokeColor(self.style.color("box"))
        canv.rect(0, middle - self.side / 2, self.side, self.side, stroke=1, fill=0)


class WriteBox(Flowable):  # type: ignore[misc]  # reportlab is untyped (Any base)
    """A square big enough to write a number in."""

    def __init__(self, side: float, *, style: WorksheetStyle):
        super().__init__()
        self.side, self.style = side, style
        self.width = self.height = side

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        canv.setLineWidth(self.style.boxes.line_width)
        canv.setStrokeColor(self.style.color("box"))
        canv.rect(0, 0, self.side, self.side, stroke=1, fill=0)


class Blank(Flowable):  # type: ignore[misc]  # reportlab is untyped (Any base)
    """A writing line on the baseline of the first text line beside it."""

    def __init__(self, length: float, *, font_size: float, leading: float, style: WorksheetStyle):
        super().__init__()
        self.length, self.font_size, self.style = length, font_size, style
        self.width, self.height = length, leading

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        baseline = self.height - self.font_size
        canv = self.canv
        canv.setLineWidth(self.style.boxes.line_width)
        canv.setStrokeColor(self.style.color("box"))
        canv.line(0, baseline - 1.5, self.length, baseline - 1.5)


# ---- the bodies, by shape -----------------------------------------------------------------------


def question_body(question: Question, sheet: Sheet, width: float) -> Table:
    """The part of a question under its prompt, by its shape."""
    match question:
        case MultipleChoice():
            return _choices(question, sheet, width)
        case Matching():
            return _matching(question, sheet, width)
        case Ordering():
            return _ordering(question, sheet, width)
        case GapFill():
            return _gap_fill(question, sheet, width)
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
    return table(rows, [tick_w, letter_w, width - tick_w - letter_w], pad=style.spacing.option_gap)


def _matching(question: Matching, sheet: Sheet, width: float) -> Table:
    """Numbered quotes with a blank for the letter on the left; lettered speakers on the right."""
    style, paras = sheet.style, sheet.paras
    size, lead, pad = style.sizes.option, paras.option.leading, style.spacing.option_gap
    gutter = 10.0
    right_w = max(width * 0.34, 120.0)
    left_w = width - right_w - gutter
    blank_w = style.boxes.blank + 6
    number_w = plain_width(f"{len(question.left)}.", size, bold=True) + 6
    left = table(
        [[Blank(style.boxes.blank, font_size=size, leading=lead, style=style),
          Paragraph(f"{i + 1}.", paras.letter), Paragraph(safe(item.text), paras.option)]
         for i, item in enumerate(question.left)],
        [blank_w, number_w, left_w - blank_w - number_w], pad=pad + 1,
    )
    letter_w = _letter_width(len(question.right), sheet)
    inner_w = right_w - 16
    right = table(
        [[Paragraph(letter(i), paras.letter), Paragraph(safe(item.text), paras.option)]
         for i, item in enumerate(question.right)],
        [letter_w, inner_w - letter_w], pad=pad + 1,  # rows line up with the quotes' rows
    )
    return table(
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
    return table(rows, [box_w, letter_w, width - box_w - letter_w],
                  ("TOPPADDING", (0, 0), (0, -1), pad + max(-gap, 0) / 2),
                  ("TOPPADDING", (1, 0), (2, -1), pad + max(gap, 0) / 2), pad=pad)


BLANK = "_" * 16  # the line a student writes a gap's word on
BANK_GAP = "&nbsp;&nbsp;&nbsp; "  # between two words of the box: a line may break there


def gap_blank(number: int) -> str:
    """A numbered gap as Paragraph markup: "(3) ________"."""
    return f"<b>({number})</b>&nbsp;{BLANK}"


def _gap_fill(question: GapFill, sheet: Sheet, width: float) -> Table:
    """The box of words, shaded, then the passage with a numbered line for each gap, spaced
    for handwriting."""
    style, paras = sheet.style, sheet.paras
    words = BANK_GAP.join(safe(option.text).replace(" ", "&nbsp;") for option in question.bank)
    box = table([[Paragraph(words, paras.option)]], [width],
                ("BACKGROUND", (0, 0), (-1, -1), style.color("shade")),
                ("BOX", (0, 0), (-1, -1), style.boxes.line_width, style.color("rule")),
                ("LEFTPADDING", (0, 0), (-1, -1), 8), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 6))
    parts = [safe(question.passage[0])]
    for number, piece in enumerate(question.passage[1:], start=1):
        parts += [gap_blank(number), safe(piece)]
    roomy = ParagraphStyle(f"{paras.option.name}-gaps", parent=paras.option,
                           leading=style.sizes.option * 2.1)
    return table([[box], [Paragraph("".join(parts), roomy)]], [width],
                 ("TOPPADDING", (0, 1), (-1, 1), 6), pad=style.spacing.option_gap)
