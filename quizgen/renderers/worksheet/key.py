"""The answer key: one compact grid per version, question number → answer, with optional sources."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from reportlab.platypus import Flowable, PageBreak, Table, TableStyle

from quizgen.quiz.questions import (
    GapFill,
    Matching,
    MultipleChoice,
    Ordering,
    Question,
    assert_never,
)
from quizgen.renderers.worksheet.common import badge
from quizgen.renderers.worksheet.pages import PageMark
from quizgen.renderers.worksheet.para import Paragraph, forget_lines
from quizgen.renderers.worksheet.plan import (
    Numbered,
    Section,
    letter,
    matching_answer,
    ordering_answer,
)
from quizgen.renderers.worksheet.styles import (
    FONT,
    Paras,
    WorksheetStyle,
    fill,
    plain_width,
    safe,
)

TWO_COLUMNS_FROM = 9  # questions; fewer fit in one column without wasting the page
COLUMN_GAP = 18.0  # points between the key's columns


def key_story(
    sections: Sequence[Section], *, version_text: str, title: str, style: WorksheetStyle,
    paras: Paras, width: float, explain: bool, first: bool, mark: str = "",
    cites: Mapping[str, str] | None = None,
) -> list[Flowable]:
    """One version's answer key, starting on a new page unless it is the first; `mark` is what
    the footer says (the version and its code)."""
    story: list[Flowable] = [] if first else [PageBreak()]
    story.append(PageMark(mark or version_text))
    story.append(_heading(version_text, title=title, style=style, paras=paras, width=width))
    items = [item for section in sections for item in section.items]
    total = sum(item.points for item in items)
    total_para = Paragraph(safe(fill(style.text.key_total, n=total)), paras.key_answer)
    total_para.spaceBefore, total_para.spaceAfter = 4, 10
    story.append(total_para)
    story.append(_grid(items, style=style, paras=paras, width=width, explain=explain,
                       cites=cites or {}))
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
    match question:
        case MultipleChoice():
            text = safe(question.options[question.answer].text)
            return (f"<b>{letter(question.answer)}</b>&nbsp;&nbsp;"
                    f'<font color="{muted}">{text}</font>')
        case Matching():
            return f"<b>{matching_answer(question)}</b>"
        case Ordering():
            boxes, order = ordering_answer(question)
            small = style.sizes.key_note
            return (f"<b>{boxes}</b>&nbsp;&nbsp;"
                    f'<font color="{muted}" size="{small}">({order})</font>')
        case GapFill():  # each gap's number and its word
            return "&nbsp;&nbsp; ".join(
                f"<b>({n})</b>&nbsp;{safe(question.bank[key].text)}"
                for n, key in enumerate(question.answer, start=1))
        case _:
            assert_never(question)


def quoted(excerpt: str) -> str:
    """An excerpt in “double” quotes, or in ‘single’ ones when it quotes someone itself."""
    if any(mark in excerpt for mark in '“”"'):
        return f"‘{excerpt}’"
    return f"“{excerpt}”"


def _cell(item: Numbered, style: WorksheetStyle, paras: Paras, explain: bool,
          cite: str | None = None) -> list[Paragraph]:
    cell = [Paragraph(answer_markup(item.question, style), paras.key_answer)]
    if cite:  # where the evidence stands: "¶4, lines 12–14"
        cell.append(Paragraph(safe(cite), paras.key_note))
    if explain:
        for excerpt in item.question.explanation:
            note = Paragraph(f"{safe(style.text.key_source)} {safe(quoted(excerpt))}",
                             paras.key_note)
            note.spaceBefore = 2
            cell.append(note)
    return cell


def _grid(items: Sequence[Numbered], *, style: WorksheetStyle, paras: Paras, width: float,
          explain: bool, cites: Mapping[str, str]) -> Flowable:
    """No. | Answer | Pts, in two columns when there are many questions and no sources."""
    columns = 2 if len(items) >= TWO_COLUMNS_FROM and not explain else 1
    size = style.sizes.key_answer
    number_w = plain_width("000.", size, bold=True) + 6
    points_w = max(plain_width(style.text.key_points, style.sizes.key_note, bold=True),
                   plain_width("00", size)) + 12
    column_w = (width - COLUMN_GAP * (columns - 1)) / columns
    widths = [number_w, column_w - number_w - points_w, points_w]
    head: list[object] = [Paragraph(safe(text), paras.key_head) for text in
                          (style.text.key_number, style.text.key_answer, style.text.key_points)]
    rows: list[list[object]] = [
        [Paragraph(f"<b>{item.number}.</b>", paras.key_answer), _cell(item, style, paras, explain,
                                                          cites.get(item.question.id)),
         Paragraph(str(item.points), paras.key_answer)]
        for item in items
    ]
    pad = style.spacing.key_row_padding
    commands: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), pad), ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("BACKGROUND", (0, 0), (-1, 0), style.color("shade")),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, style.color("rule")),
    ]
    return KeyColumns(rows, head=head, widths=widths, columns=columns, commands=commands)


def _column_table(rows: list[list[object]], widths: Sequence[float],
                  commands: Sequence[tuple[object, ...]]) -> Table:
    """One column of the key: a header row that repeats after a page break, then answer rows."""
    table = Table(rows, colWidths=list(widths), repeatRows=1, splitInRow=1, hAlign="LEFT")
    table.setStyle(TableStyle(list(commands)))
    return table


class KeyColumns(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    """Key rows down the first column of a page, then the next; rows split only if over a page.

    A plain table split into side-by-side groups reads 1-27 | 58-84 on page one and 28-57 on
    page two; this fills each page column by column and balances the columns of the last page.
    """

    def __init__(self, rows: Sequence[list[object]], *, head: list[object],
                 widths: Sequence[float], columns: int, commands: Sequence[tuple[object, ...]],
                 heights: Sequence[float] = ()) -> None:
        super().__init__()
        self.rows, self.head, self.widths = list(rows), head, list(widths)
        self.columns, self.commands = columns, list(commands)
        self._heights = list(heights)  # of each row, measured once
        self._head_h = 0.0
        self._layout: Table | None = None

    def _measure(self) -> None:
        if self._head_h:
            return
        column_w = sum(self.widths)
        self._head_h = float(_column_table([self.head], self.widths, self.commands)
                             .wrap(column_w, 1e9)[1])
        if len(self._heights) != len(self.rows):
            self._heights = []
            for row in self.rows:
                table = _column_table([row], self.widths, self.commands)
                self._heights.append(float(table.wrap(column_w, 1e9)[1]))
                forget_lines(row)  # laid out pages later: hold one row's line breaks at a time

    def _fill(self, height: float) -> tuple[list[int], int]:
        """Column starts when columns are filled in turn up to height, and the rows that fit."""
        room = height - self._head_h + 1e-6
        starts, used = [0], 0.0
        for index, row_h in enumerate(self._heights):
            if used + row_h > room:
                if len(starts) == self.columns or row_h > room:
                    return starts, index
                starts.append(index)
                used = 0.0
            used += row_h
        return starts, len(self.rows)

    def _balanced(self) -> list[int]:
        """Column starts giving the shortest columns that hold every row, earlier ones fuller."""
        heights = self._heights
        if self.columns == 1:
            return [0]
        sums = sorted({sum(heights[a:b]) for a in range(len(heights))
                       for b in range(a + 1, len(heights) + 1)})
        low, high = 0, len(sums) - 1  # the fill is monotone in the height: bisect the sums
        while low < high:
            middle = (low + high) // 2
            if self._fill(sums[middle] + self._head_h)[1] == len(heights):
                high = middle
            else:
                low = middle + 1
        return self._fill(sums[low] + self._head_h)[0] if sums else [0]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._measure()
        if self._fill(avail_height)[1] < len(self.rows):
            self._layout = None
            return avail_width, avail_height + sum(self._heights)  # too tall: split me
        starts = [*self._balanced(), len(self.rows)]
        gap = (avail_width - self.columns * sum(self.widths)) / max(self.columns - 1, 1)
        cells: list[object] = []
        widths: list[float] = []
        for column in range(self.columns):
            part = self.rows[starts[column]:starts[column + 1]] if column + 1 < len(starts) else []
            if column:
                cells.append("")
                widths.append(gap)
            cells.append(_column_table([self.head, *part], self.widths, self.commands)
                         if part else "")
            widths.append(sum(self.widths))
        self._layout = Table([cells], colWidths=widths, hAlign="LEFT")
        self._layout.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ]))
        self.width, self.height = self._layout.wrap(avail_width, avail_height)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self._measure()
        count = self._fill(avail_height)[1]
        if count == len(self.rows):
            return [self]
        rest = self._part(count, len(self.rows))
        if count:
            return [self._part(0, count), rest]
        if getattr(self, "_postponed", False):  # a single row taller than a page: let it split
            first = _column_table([self.head, self.rows[0]], self.widths, self.commands)
            return [*first.split(sum(self.widths), avail_height), self._part(1, len(self.rows))]
        return []  # try again on the next page

    def _part(self, start: int, end: int) -> KeyColumns:
        return KeyColumns(self.rows[start:end], head=self.head, widths=self.widths,
                          columns=self.columns, commands=self.commands,
                          heights=self._heights[start:end])

    def draw(self) -> None:
        if self._layout is not None:
            self._layout.drawOn(self.canv, 0, 0)


def scoring_rule(question_type: str, style: WorksheetStyle) -> str:
    """How a matching or an ordering is marked, as printed on the sheet and in the key."""
    from quizgen.quiz.scoring import RULES

    rule = RULES[question_type]
    template = style.text.scoring_matching if question_type == "matching" else \
        style.text.scoring_ordering
    words = {1: "one", 2: "two", 3: "three"}
    return fill(template, n=style.text.points(rule.full), partial=style.text.points(rule.partial),
                slips=words.get(rule.slips, str(rule.slips)))


def _notes(items: Sequence[Numbered], style: WorksheetStyle) -> list[str]:
    """How matching and ordering are marked, when the key has such questions."""
    notes = []
    if any(isinstance(item.question, Matching) for item in items):
        notes.append("Matching: " + scoring_rule("matching", style))
    if any(isinstance(item.question, Ordering) for item in items):
        notes.append("Ordering: " + scoring_rule("ordering", style))
        notes.append(style.text.key_ordering_note)
    if any(isinstance(item.question, GapFill) for item in items):
        notes.append(f"Gap-fill: {style.text.points(1)} for each gap with its word.")
    return notes
