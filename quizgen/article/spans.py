"""Spans of a text already taken, asked whether a range overlaps any in log time."""

from __future__ import annotations

import bisect
from collections.abc import Iterable


class Spans:
    """(start, end) spans, asked `overlaps(start, end)`: whether any span has s < end and
    start < e, the answer of `any(s < end and start < e for s, e in spans)` without reading
    every span (a draft asked it of every match against every name found: quadratic).

    The spans are kept sorted by start with the largest end up to each; a span added at or
    after the last start (a text read in order) is appended, any other is inserted and the ends
    after it worked out again.
    """

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._starts: list[int] = []
        self._reach: list[int] = []  # the largest end among the spans up to each
        self._ends: list[int] = []
        for start, end in sorted(spans):
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        """Take one more span."""
        if not self._starts or start >= self._starts[-1]:
            self._starts.append(start)
            self._ends.append(end)
            self._reach.append(max(end, self._reach[-1]) if self._reach else end)
            return
        at = bisect.bisect_right(self._starts, start)
        self._starts.insert(at, start)
        self._ends.insert(at, end)
        self._reach.insert(at, end)
        for i in range(at, len(self._reach)):
            self._reach[i] = max(self._ends[i], self._reach[i - 1]) if i else self._ends[i]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some span has s < end and start < e."""
        below = bisect.bisect_left(self._starts, end)  # the spans starting before `end`
        return below > 0 and self._reach[below - 1] > start
