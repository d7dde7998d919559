"""What the sheet's modules share: the render's `Sheet`, plain tables, a version's footer mark,
the version badge."""

import hashlib
from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

from reportlab.platypus import Table as _Table
from reportlab.platypus import TableStyle

from quizgen.quiz.questions import Quiz
from quizgen.renderers.worksheet.para import Paragraph
from quizgen.renderers.worksheet.styles import (
    FONT,
    Paras,
    WorksheetStyle,
    fill,
    plain_width,
    safe,
)


class Sheet(NamedTuple):
    """Everything shared by the pages of one render: style, text width and wording."""

    style: WorksheetStyle
    paras: Paras
    width: float  # of the text area, in points
    title: str
    instructions: str
    sources: str  # the source line, already escaped markup
    cites: Mapping[str, str] = MappingProxyType({})  # "¶4" by question id (--cite)

    def version_text(self, label: str) -> str:
        """"Version A", or "" when there is a single unlabelled version."""
        return fill(self.style.text.version, version=label) if label else ""


def version_code(version: Quiz) -> str:
    """Four characters naming a version's questions, order and keys: a sheet and its key show
    the same code, a sheet and a key from another build (or seed) almost never do."""
    from quizgen.quiz.select import answer_key

    payload = repr([(q.id, answer_key(q)) for q in version.questions]).encode("utf-8")
    return hashlib.sha256(payload).hexdigest()[:4].upper()


def footer_mark(version_text: str, version: Quiz) -> str:
    """What the footer of every page of a version says before the page number."""
    return " · ".join(part for part in (version_text, f"code {version_code(version)}") if part)


class Table(_Table):  # type: ignore[misc]  # reportlab ships no type hints
    """reportlab's Table, measured once per width: its rows' heights depend only on its cells
    and the width, and reportlab measures a question's tables again and again (the sheet's
    fit, the KeepTogether, the frame). Only for tables whose cells keep their line breaks
    (not the key's, whose rows drop them: para.forget_lines); a split makes new tables."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        memo = self.__dict__.get("_quizgen_size")
        if memo is not None and memo[0] == availWidth and not self._longTableOptimize:
            self.availWidth = availWidth
            return memo[1]  # type: ignore[no-any-return]  # reportlab is untyped
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        self._quizgen_size = (availWidth, size)
        return size


def table(rows: list[list[object]], widths: list[float], *commands: tuple[object, ...],
          pad: float = 0, valign: str = "TOP") -> Table:
    """A borderless table in the sheet's font, cells unpadded but for `pad`, then `commands`."""
    grid = Table(rows, colWidths=widths, splitInRow=1, hAlign="RIGHT")
    grid.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), valign),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), pad), ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
        *commands,
    ]))
    return grid


def badge(text: str, paras: Paras, style: WorksheetStyle) -> tuple[Table, float]:
    """A boxed, shaded label such as "Version A" (a one-cell table) and its width."""
    width = plain_width(text, style.sizes.section, bold=True) + 16
    table = Table([[Paragraph(safe(text), paras.badge)]], colWidths=[width])
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("BOX", (0, 0), (0, 0), style.boxes.line_width, style.color("box")),
        ("BACKGROUND", (0, 0), (0, 0), style.color("shade")),
        ("LEFTPADDING", (0, 0), (0, 0), 7), ("RIGHTPADDING", (0, 0), (0, 0), 7),
        ("TOPPADDING", (0, 0), (0, 0), 3), ("BOTTOMPADDING", (0, 0), (0, 0), 5),
    ]))
    return table, width
