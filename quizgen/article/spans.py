"""Spans of a text already taken, asked whether a range overlaps any in log time."""

from __future__ import annotations

from collections.abc import Iterable


class Spans:
    """(start, end) spans of a text (offsets from 0), asked `overlaps(start, end)`: whether any
    span has s < end and start < e, the answer of `any(s < end and start < e for s, e in spans)`
    without reading every span (a draft asked it of every match against every name found:
    quadratic).

    A tree of running maxima over start offsets (a Fenwick tree) holds, for the spans starting
    before any offset, the largest end among them; a span is added and a range asked in log time,
    in whatever order the spans come (a draft adds the mentions of one name after another's,
    so not in text order). The tree doubles when a span starts beyond it.
    """

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._spans: list[tuple[int, int]] = []
        self._tree: list[int] = [-1] * 16  # 1-based; entry i covers starts (i - low bit of i, i]
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        """Take one more span."""
        if start < 0:
            raise ValueError(f"a span starts at an offset of the text, not at {start}")
        self._spans.append((start, end))
        if start + 1 >= len(self._tree):
            self._grow(start + 1)
            return
        self._raise(start, end)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some span has s < end and start < e."""
        tree = self._tree
        i = min(end, len(tree) - 1)  # the spans starting at offsets 0 to end - 1
        while i > 0:
            if tree[i] > start:
                return True
            i -= i & -i
        return False

    def _raise(self, start: int, end: int) -> None:
        tree = self._tree
        i = start + 1
        while i < len(tree):
            if tree[i] < end:
                tree[i] = end
            i += i & -i

    def _grow(self, needed: int) -> None:
        size = len(self._tree)
        while size <= needed:
            size *= 2
        self._tree = [-1] * size
        for start, end in self._spans:
            self._raise(start, end)
