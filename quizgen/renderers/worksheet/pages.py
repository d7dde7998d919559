"""Worksheet pages: paper sizes, version marks, the footer, the layout, reproducible PDFs."""

from __future__ import annotations

import hashlib
import io
from collections import Counter
from collections.abc import Callable
from copy import deepcopy
from functools import partial
from typing import Any, NamedTuple

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
)
from reportlab.platypus.doctemplate import LayoutError

from quizgen.errors import Problem, QuizgenError
from quizgen.registry import lookup
from quizgen.renderers.worksheet.pdfmeta import AUTHOR, Stamp, xmp_packet
from quizgen.renderers.worksheet.styles import (
    FONT,
    WorksheetStyle,
    fill,
    plain_width,
)

PAPERS: dict[str, tuple[float, float]] = {"a4": A4, "letter": LETTER}
LATEST_TIMESTAMP = 253402300799  # 9999-12-31T23:59:59Z, the last date a PDF can hold


# ---- version marks ------------------------------------------------------------------------------


class PageMark(Flowable):  # type: ignore[misc]  # reportlab is untyped (Any base)
    """Invisible: tells the footer which version the pages from here on belong to."""

    def __init__(self, label: str):
        super().__init__()
        self.label = label
        self.width = self.height = 0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv._quizgen_mark = self.label


# ---- the footer canvas --------------------------------------------------------------------------


class Footer(NamedTuple):
    """What the footer of every page says besides the page numbers."""

    left: str  # the title, shortened to fit
    prefix: str  # "Answer key" or ""
    style: WorksheetStyle
    pad: bool = False  # a blank page after each version with an odd number of pages
    pad_also: str = ""  # set: also pad the pages whose mark ends with it (the article's)


_WAITING = frozenset({"_waiting", "_this_page"})


class _FooterCanvas(Canvas):  # type: ignore[misc]  # reportlab is untyped (Any base)
    """Keeps pages until save, then writes "Version A · Page x of y" with per-version counts."""

    def __init__(self, *args: Any, footer: Footer, timestamp: int, xmp: str = "",
                 wait: int = 0, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._quizgen_mark = ""
        self._kept: list[dict[str, Any]] = []
        # Drawing may wait for the first `wait` pages: (flowable, x, y, spare width) of each page
        # laid out, drawn when the PDF is written (never, for a layout a tighter one replaces)
        self._waiting: list[list[Drawn]] | None = [] if wait else None
        self._this_page: list[Drawn] = []
        self._wait = wait
        doc = self._doc  # reportlab reads SOURCE_DATE_EPOCH; a renderer must not depend on it
        doc._timeStamp = Stamp(timestamp)
        doc.signature = hashlib.md5(b"quizgen %d" % timestamp, usedforsecurity=False)
        if xmp:  # the document's XMP metadata stream, as PDF/UA and archive tools read it
            from reportlab.pdfbase.pdfdoc import XMP

            doc.Catalog.Metadata = doc.Reference(XMP(creator=lambda _doc: xmp.encode("utf-8")))

    def showPage(self) -> None:
        if self._waiting is not None:
            self._waiting.append(self._this_page)
            self._this_page = []
        self._kept.append(self._page())
        self._startPage()
        if self._waiting is not None and len(self._waiting) >= self._wait:
            self.draw_waiting()  # a long story: no more than `wait` pages of flowables held

    def _page(self) -> dict[str, Any]:
        # the page's state, without what waits to be drawn (flowables drawn point back here)
        page = {k: v for k, v in self.__dict__.items() if k not in _WAITING}
        if self._code:  # one string per page instead of one per operator: a third of the memory
            page["_code"] = ["\n".join(self._code)]  # reportlab joins the page with "\n" too
        return page

    def waits(self) -> bool:
        """Whether what is laid out now is drawn later (draw_waiting)."""
        return self._waiting is not None

    def wait(self, flowable: Flowable, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        """Keep `flowable.drawOn(canvas, x, y, _sW)`, as a Frame calls it, for later."""
        assert canvas is self
        self._this_page.append((flowable, x, y, _sW))

    def draw_waiting(self) -> None:
        """Draw what waits on each kept page in the order it was laid out, as if drawn then:
        each page starts from the state it was left in (nothing drawn on it yet), and fonts are
        first used in the same order (the subsets' glyph codes follow it), footers only after."""
        if self._waiting is None:
            return
        waiting, self._waiting = self._waiting, None
        now = dict(self.__dict__)
        for index, drawn in enumerate(waiting):
            self.__dict__.update(self._kept[index])
            for flowable, x, y, spare in drawn:
                flowable.drawOn(self, x, y, _sW=spare)
            self._kept[index] = self._page()
        self.__dict__.update(now)

    def save(self) -> None:
        self.draw_waiting()
        totals = Counter(page["_quizgen_mark"] for page in self._kept)
        also = self._footer.pad_also
        padded = {mark for mark, n in totals.items() if n % 2 and (
            self._footer.pad or (also and mark.endswith(also)))}
        for mark in padded:
            totals[mark] += 1
        seen: Counter[str] = Counter()
        for page in self._kept:
            self.__dict__.update(page)
            mark = self._quizgen_mark
            seen[mark] += 1
            self._draw_footer(seen[mark], totals[mark])
            super().showPage()
            if mark in padded and seen[mark] == totals[mark] - 1:
                self._blank_page(mark, totals[mark])
                seen[mark] += 1
        super().save()

    def _blank_page(self, mark: str, pages: int) -> None:
        """A page left blank so that the next version starts on a fresh sheet of paper."""
        style = self._footer.style
        width, height = self._pagesize
        self._quizgen_mark = mark
        self.saveState()
        self.setFont(FONT, style.sizes.footer)
        self.setFillColor(style.color("muted"))
        self.drawCentredString(width / 2, height / 2, style.text.blank_page)
        self.restoreState()
        self._draw_footer(pages, pages)
        super().showPage()

    def _draw_footer(self, page: int, pages: int) -> None:
        footer, style = self._footer, self._footer.style
        width, _ = self._pagesize
        left, right = style.margins_mm.left * mm, width - style.margins_mm.right * mm
        y = style.margins_mm.bottom * mm / 2
        parts = [footer.prefix, self._quizgen_mark, fill(style.text.page, page=page, pages=pages)]
        self.saveState()
        self.setStrokeColor(style.color("rule"))
        self.setLineWidth(0.4)
        self.line(left, y + style.sizes.footer * 1.4, right, y + style.sizes.footer * 1.4)
        self.setFont(FONT, style.sizes.footer)
        self.setFillColor(style.color("muted"))
        label = " · ".join(part for part in parts if part)
        self.drawRightString(right, y, label)
        room = right - left - plain_width(label, style.sizes.footer) - 24
        self.drawString(left, y, shorten(footer.left, room, style.sizes.footer))
        self.restoreState()


def shorten(text: str, width: float, size: float) -> str:
    """Text cut with an ellipsis so that it fits width points in the regular font."""
    text = " ".join(text.split())
    if plain_width(text, size) <= width:
        return text
    # The longest prefix that fits with its ellipsis, by bisection: widths grow with the prefix,
    # and measuring one character shorter each time was quadratic in a long title.
    low, high = 0, len(text)  # text[:low] + "…" fits (or low is 0); text[:high + 1] + "…" not
    while low < high:
        middle = (low + high + 1) // 2
        if plain_width(text[:middle] + "…", size) <= width:
            low = middle
        else:
            high = middle - 1
    text = text[:low]
    return text.rstrip() + "…" if text else ""


# ---- the document -------------------------------------------------------------------------------


class Deferred(Flowable):  # type: ignore[misc]  # reportlab is untyped (Any base)
    """Stands in the story for flowables that are made only when the layout reaches them.

    A worksheet of thousands of questions then never holds all their tables and paragraphs at
    once: each question's flowables are made, laid out, drawn and dropped in turn. Only valid at
    the top level of a story given to build_pdf.
    """

    def __init__(self, make: Callable[[], list[Flowable]]) -> None:
        super().__init__()
        self.make = make

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        raise AssertionError("a Deferred flowable is expanded before layout, never wrapped")


_ATOMS = (int, float, str, bool, type(None))


Drawn = tuple[Flowable, float, float, float]  # a flowable laid out at (x, y), its spare width


class _Frame(Frame):  # type: ignore[misc]  # reportlab is untyped (Any base)
    """reportlab's Frame, deep-copied without copy's generic walk, and placing flowables without
    drawing them while the canvas keeps drawings waiting (_FooterCanvas.wait).

    reportlab deep-copies the current frame each time it measures a KeepTogether (once per
    question); a frame holds numbers, strings and a list or two, so its numbers are shared as
    deepcopy shares them and anything else is deep-copied: the same copy, a fraction of the time.
    """

    def __deepcopy__(self, memo: dict[int, Any]) -> _Frame:
        made: _Frame = self.__class__.__new__(self.__class__)
        memo[id(self)] = made
        made.__dict__.update({key: value if type(value) in _ATOMS else deepcopy(value, memo)
                              for key, value in self.__dict__.items()})
        return made

    def _add(self, flowable: Flowable, canv: Any, trySplit: int = 0) -> int:
        if not (isinstance(canv, _FooterCanvas) and canv.waits()):
            return int(super()._add(flowable, canv, trySplit))
        if isinstance(flowable, PageMark):  # the page's fill is filed under it at once
            canv._quizgen_mark = flowable.label
        flowable.drawOn = partial(canv.wait, flowable)  # reportlab's Frame calls drawOn
        try:
            return int(super()._add(flowable, canv, trySplit))
        finally:
            del flowable.drawOn

    add = _add  # reportlab's Frame.add is its _add


class _Document(BaseDocTemplate):  # type: ignore[misc]  # reportlab is untyped (Any base)
    """The document template, expanding Deferred flowables as they come to the front, and
    recording how full each page is."""

    fills: list[tuple[str, float]]

    def afterPage(self) -> None:
        frame = self.frame
        top = frame._y2 - frame._topPadding
        used = (top - frame._y) / max(top - frame._y1, 1.0)
        self.fills.append((getattr(self.canv, "_quizgen_mark", ""), float(used)))

    def filterFlowables(self, flowables: list[Flowable]) -> None:
        while flowables and isinstance(flowables[0], Deferred):
            made = flowables[0].make()
            if not made:
                raise AssertionError("a Deferred flowable made nothing")
            flowables[0:1] = made


def page_size(paper: str) -> tuple[float, float]:
    """Width and height in points of a paper name ("a4" or "letter")."""
    width, height = lookup(PAPERS, paper, what="paper size", field="paper")
    return float(width), float(height)


def frame_width(paper: str, style: WorksheetStyle) -> float:
    """Width in points of the text area."""
    return page_size(paper)[0] - float((style.margins_mm.left + style.margins_mm.right) * mm)


def frame_height(paper: str, style: WorksheetStyle) -> float:
    """Height in points of the text area."""
    return page_size(paper)[1] - float((style.margins_mm.top + style.margins_mm.bottom) * mm)


LANG = "en"  # the language of the sheets' own wording (and of the articles quizgen reads)


def build_pdf(
    story: list[Flowable], *, paper: str, style: WorksheetStyle, title: str, footer: Footer,
    timestamp: int, fills: list[tuple[str, float]] | None = None, subject: str = "",
) -> bytes:
    """Lay out the story on pages and return the PDF bytes, identical for identical inputs.

    The PDF names its language (/Lang), title, author and subject, in its document
    information and as XMP metadata. `fills`, when given, receives (version mark, share of the
    text area used) for each page.
    """
    return lay_out(story, paper=paper, style=style, title=title, footer=footer,
                   timestamp=timestamp, fills=fills, subject=subject)()


def lay_out(
    story: list[Flowable], *, paper: str, style: WorksheetStyle, title: str, footer: Footer,
    timestamp: int, fills: list[tuple[str, float]] | None = None, subject: str = "",
    wait: int = 0,
) -> Callable[[], bytes]:
    """Lay out the story on pages (as build_pdf does) and return what writes them as the PDF.

    The pages are kept, not yet written (footers, fonts, compression): a layout that a tighter
    one replaces (the sheet's, when a version ends near-empty) is never written. With `wait`,
    the flowables of the first `wait` pages are not drawn either until then (drawing is about
    a third of a layout; the bytes are the same). Call the result once.
    """
    if not 0 <= timestamp <= LATEST_TIMESTAMP:
        raise QuizgenError(Problem("timestamp out of range", field="timestamp",
                                   found=str(timestamp), expected=f"0 to {LATEST_TIMESTAMP}"))
    width, height = page_size(paper)
    margins = style.margins_mm
    body_w, body_h = frame_width(paper, style), frame_height(paper, style)
    if body_w < 200 or body_h < 200:
        raise QuizgenError(Problem("the worksheet margins leave no room for text",
                                   field="margins_mm", found=f"{body_w:.0f} x {body_h:.0f} pt",
                                   expected="at least 200 x 200 pt"))
    buffer = io.BytesIO()
    doc = _Document(
        buffer, pagesize=(width, height), leftMargin=margins.left * mm,
        rightMargin=margins.right * mm, topMargin=margins.top * mm,
        bottomMargin=margins.bottom * mm, title=title, author=AUTHOR, creator=AUTHOR,
        subject=subject, lang=LANG, invariant=1, pageCompression=1, initialFontName=FONT,
        initialFontSize=10,
    )
    doc.fills = fills if fills is not None else []
    frame = _Frame(doc.leftMargin, doc.bottomMargin, body_w, body_h, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc._doSave = 0  # reportlab's own switch (its multiBuild saves after the last pass only)
    try:
        xmp = xmp_packet(title=title, subject=subject, lang=LANG, timestamp=timestamp)
        doc.build(story, canvasmaker=partial(_FooterCanvas, footer=footer, timestamp=timestamp,
                                             xmp=xmp, wait=wait))
    except LayoutError as exc:
        raise QuizgenError(Problem("a question does not fit on a page", found=str(exc)[:200],
                                   expected="shorter quotes or options")) from None
    canvas = doc.canv  # held here alone: the template's own cycles must not hold the pages
    del doc.canv

    def written() -> bytes:
        canvas.save()
        return buffer.getvalue()

    return written
