"""A drop-in reportlab Paragraph that parses each markup once and breaks its lines once a width."""

from __future__ import annotations

from collections.abc import Iterable
from copy import copy
from functools import lru_cache
from typing import Any

from reportlab.platypus import paragraph as _rl
from reportlab.platypus.paraparser import ParaFrag

__all__ = ["Paragraph", "forget_lines"]


@lru_cache(maxsize=4096)
def _parsed(text: str, style: Any) -> tuple[str, Any, tuple[Any, ...], Any]:
    """The cleaned text, style, fragments and bullet fragments reportlab's parser makes.

    Keyed by the style object itself (held, so its identity cannot be reused), this skips the
    HTML parser for the many repeated texts of a worksheet: letters, numbers, "1 point", and
    every option again in each version. The fragments are copied per paragraph (`Paragraph`).
    Styles must not be changed once paragraphs use them (quizgen never changes them).
    """
    if "<" not in text and "&" not in text:  # plain text: no tag, no entity
        cleaned = _rl.cleanBlockQuotedText(text)
        plain = _plain(style) if cleaned else None
        if plain is not None:  # what the parser makes of any plain text, but its words
            parsed_style, frag, bullet = plain
            made = _fresh(frag)
            made.text = cleaned
            return cleaned, parsed_style, (made,), bullet
    probe = _rl.Paragraph(text, style)  # raises ValueError for bad markup, as before
    return probe.text, probe.style, tuple(probe.frags), probe.bulletText


_PROBE = "xX"  # a plain text that any of reportlab's text transforms would change


@lru_cache(maxsize=64)
def _plain(style: Any) -> tuple[Any, Any, Any] | None:
    """The style, the one fragment and the bullet reportlab's parser makes of a plain text in
    this style (a text without tags or entities, its spaces already folded), the fragment
    holding that text; None when the style changes the text (a textTransform): then each text
    is parsed. A plain text's fragment depends only on the style, so the many plain texts of a
    sheet (options, "1 point", headings) take a copy of it rather than each a parse."""
    probe = _rl.Paragraph(_PROBE, style)
    frags = probe.frags
    if (probe.text != _PROBE or len(frags) != 1 or type(frags[0]) is not ParaFrag
            or frags[0].text != _PROBE):
        return None
    return probe.style, frags[0], probe.bulletText


class Paragraph(_rl.Paragraph):  # type: ignore[misc]  # reportlab ships no type hints
    """reportlab's Paragraph, with its markup parse cached and its line breaking memoised.

    reportlab wraps a paragraph inside a Table each time the table is measured: once for the
    KeepTogether around a question, once when the frame places it and once when the cell is
    drawn, always at the same width. `wrap` depends only on the width and the paragraph's own
    fragments, so the second and later calls at the same width return the first result. The
    memo is dropped when `split` discards the line breaks (`del self.blPara`). Paragraphs of
    the same markup and style share their line breaks at a width (`_BROKEN`): the versions of a
    worksheet print every question again. The PDF bytes are the same as with reportlab's class
    (tests/test_worksheet_perf.py checks that).
    """

    def __init__(self, text: str | None, style: Any = None, bulletText: Any = None,
                 frags: Any = None, caseSensitive: int = 1, encoding: str = "utf8") -> None:
        if frags is not None or text is None or style is None or bulletText is not None \
                or caseSensitive != 1:
            super().__init__(text, style, bulletText, frags, caseSensitive, encoding)
            return
        cleaned, parsed_style, parsed, bullet = _parsed(text, style)
        super().__init__(cleaned, parsed_style, bullet, [_fresh(frag) for frag in parsed],
                         caseSensitive, encoding)
        self._quizgen_source = (text, style)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        memo = self.__dict__.get("_quizgen_wrap")
        if memo is not None and memo[0] == availWidth and memo[1] is self.__dict__.get("blPara"):
            self.width, self.height = memo[2]
            return memo[2]  # type: ignore[no-any-return]  # reportlab is untyped
        source = self.__dict__.get("_quizgen_source")
        if source is None or availWidth < _rl._FUZZ:  # narrower: reportlab breaks no lines
            return self._wrapped(availWidth, availHeight)
        key = (*source, availWidth)
        broken = _BROKEN.get(key)
        if broken is None:
            size = self._wrapped(availWidth, availHeight)
            broken = _BROKEN[key] = ({name: self.__dict__[name] for name in _BREAK_STATE
                                       if name in self.__dict__}, size)
            if len(_BROKEN) > _BROKEN_KEPT:
                del _BROKEN[next(iter(_BROKEN))]  # the oldest: versions repeat texts near by
            return size
        self.__dict__.update(broken[0])
        self._quizgen_wrap = (availWidth, self.blPara, broken[1])
        return broken[1]

    def _wrapped(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        if availWidth >= _rl._FUZZ:
            self._quizgen_wrap = (availWidth, self.__dict__["blPara"], size)
        return size


# What reportlab's wrap leaves on a paragraph (breakLines' line breaks and its counts): the same
# for the same markup, style and width, so a paragraph made from the same text and style as an
# earlier one takes the earlier one's, and its words are not measured and broken again. The
# line breaks are only read afterwards (drawing, splitting and the key's forget_lines make new
# ones or drop them), so paragraphs may share them.
_BREAK_STATE = ("width", "height", "_wrapWidths", "blPara", "_width_max",
                "_splitLongWordCount", "_hyphenations")
_BROKEN: dict[tuple[str, Any, float], tuple[dict[str, Any], tuple[float, float]]] = {}
_BROKEN_KEPT = 1024  # line breaks kept, the oldest dropped first: a bound on memory


def _fresh(frag: Any) -> Any:
    """A shallow copy of a parsed fragment, as copy.copy makes it; a parser's ParaFrag (a plain
    attribute bag) without copy's protocol lookups, a third of the time."""
    if type(frag) is ParaFrag:
        made = object.__new__(ParaFrag)
        made.__dict__.update(frag.__dict__)
        return made
    return copy(frag)


def forget_lines(cells: Iterable[object]) -> None:
    """Drop the line breaks that wrap() keeps in these table cells' paragraphs.

    They are made again when the paragraphs are next wrapped. For a long table measured row by
    row well before its rows are laid out (the answer key), so that the line breaks of every
    row are not all held at once: at 10,000 facts that is about 85 MB.
    """
    for cell in cells:
        for item in cell if isinstance(cell, (list, tuple)) else (cell,):
            if isinstance(item, _rl.Paragraph):
                item.__dict__.pop("blPara", None)
                item.__dict__.pop("_quizgen_wrap", None)
