"""The article pages of a reading sheet: paragraphs numbered ¶1, ¶2 …, lines every five in the
margin, and the lines each question's evidence stands on, for the key."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from reportlab.platypus import Flowable, PageBreak, Table, TableStyle

from quizgen.factbase.model import FactBase
from quizgen.quiz.questions import Quiz
from quizgen.renderers.reading import evidence, paragraph_mark
from quizgen.renderers.worksheet.common import Sheet
from quizgen.renderers.worksheet.pages import PageMark
from quizgen.renderers.worksheet.para import Paragraph
from quizgen.renderers.worksheet.styles import FONT, FONT_BOLD, plain_width, safe

ARTICLE_MARK = "Article"  # the footer of the article's pages says so after the version
HEADING = "Read the article. Paragraphs are numbered ¶1, ¶2 …; every fifth line is numbered" \
    " in the margin."
EVERY = 5  # a line number in the margin every this many lines
_WORD = re.compile(r"\S+")


class Lines(NamedTuple):
    """The article as laid out: for each (article, paragraph), its lines as (number, start, end)
    with offsets into the paragraph's text."""

    spans: dict[tuple[int, int], tuple[tuple[int, int, int], ...]]

    def lines_of(self, article: int, paragraph: int, start: int, end: int) -> tuple[int, int]:
        """The first and last line numbers holding text[start:end] of a paragraph."""
        numbers = [number for number, a, b in self.spans[(article, paragraph)]
                   if a < end and b > start]
        return numbers[0], numbers[-1]


def wrap(text: str, width: float, size: float) -> list[tuple[int, int]]:
    """(start, end) of each line when text is set in lines of `width` points, word by word; a
    word longer than a line is cut where the line is full."""
    lines: list[tuple[int, int]] = []
    start: int | None = None
    end = 0
    for word in _WORD.finditer(text):
        if start is not None and plain_width(text[start:word.end()], size) <= width:
            end = word.end()
            continue
        if start is not None:
            lines.append((start, end))
        start, end = word.start(), word.end()
        while plain_width(text[start:end], size) > width and end - start > 1:
            cut = end - 1
            while cut - start > 1 and plain_width(text[start:cut], size) > width:
                cut -= 1
            lines.append((start, cut))
            start = cut
    if start is not None:
        lines.append((start, end))
    return lines


def article_story(articles: Sequence[tuple[FactBase, tuple[str, ...]]], *, sheet: Sheet,
                  mark: str, first: bool = True) -> tuple[list[Flowable], Lines]:
    """The article pages (on a new page unless first) and where their lines are."""
    style, paras = sheet.style, sheet.paras
    size = style.sizes.option
    lead = size * style.spacing.leading
    number_w = plain_width("000", size) + 6
    label_w = plain_width("¶00", size, bold=True) + 8
    text_w = sheet.width - number_w - label_w
    story: list[Flowable] = [] if first else [PageBreak()]
    story.append(PageMark(article_mark(mark)))
    title = Paragraph(safe(sheet.title), paras.title)
    title.spaceAfter = 4
    note = Paragraph(safe(HEADING), paras.section_note)
    note.spaceAfter = 8
    story += [title, note]
    spans: dict[tuple[int, int], tuple[tuple[int, int, int], ...]] = {}
    for index, (base, texts) in enumerate(articles, start=1):
        if len(articles) > 1 or base.source.title != sheet.title:
            head = Paragraph(safe(f"{index}. " * (len(articles) > 1) + base.source.title),
                             paras.section)
            head.spaceBefore, head.spaceAfter = 6, 4
            story.append(head)
        rows: list[list[object]] = []
        commands: list[tuple[object, ...]] = []
        line = 0
        for number, text in enumerate(texts, start=1):
            laid = []
            for at, (start, end) in enumerate(wrap(text, text_w, size)):
                line += 1
                laid.append((line, start, end))
                if at == 0 and rows:
                    commands.append(("TOPPADDING", (0, len(rows)), (-1, len(rows)), lead * 0.5))
                rows.append([str(line) if line % EVERY == 0 else "",
                             f"¶{number}" if at == 0 else "", text[start:end]])
            spans[(index, number)] = tuple(laid)
        grid = Table(rows, colWidths=[number_w, label_w, text_w], hAlign="LEFT")
        grid.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), FONT), ("FONTSIZE", (0, 0), (-1, -1), size),
            ("LEADING", (0, 0), (-1, -1), lead), ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), lead - size),
            ("RIGHTPADDING", (0, 0), (0, -1), 6), ("ALIGN", (0, 0), (0, -1), "RIGHT"),
            ("TEXTCOLOR", (0, 0), (1, -1), style.color("muted")),
            ("FONTNAME", (1, 0), (1, -1), FONT_BOLD),
            *commands,
        ]))
        story.append(grid)
    return story, Lines(spans)


def article_mark(mark: str) -> str:
    """What the footer of a version's article pages says before the page number."""
    return " · ".join(part for part in (mark, ARTICLE_MARK) if part)


def cite_lines(version: Quiz, lines: Lines | None) -> dict[str, str]:
    """Each question's evidence for the key: "¶4, lines 12–14" (or "¶4" without the article
    printed); with several articles "article 2, ¶4, …". Questions without evidence have none."""
    numbered = len(version.bases) > 1
    out: dict[str, str] = {}
    index_of = {base.id: index for index, base in enumerate(version.bases, start=1)}
    from quizgen.renderers.reading import article_paragraphs

    paras_of = {base.id: article_paragraphs(base) for base in version.bases}
    for question in version.questions:
        index = index_of.get(question.factbase)
        if index is None:
            continue
        spots = evidence(question, paras_of[question.factbase])
        if not spots:
            continue
        if lines is None:
            out[question.id] = paragraph_mark(tuple(s.paragraph for s in spots),
                                              article=index if numbered else None)
            continue
        parts = []
        for spot in spots:
            first, last = lines.lines_of(index, spot.paragraph, spot.start, spot.end)
            where = f"line {first}" if first == last else f"lines {first}–{last}"
            parts.append(f"{paragraph_mark((spot.paragraph,))}, {where}")
        text = "; ".join(dict.fromkeys(parts))
        out[question.id] = f"article {index}, {text}" if numbered else text
    return out
