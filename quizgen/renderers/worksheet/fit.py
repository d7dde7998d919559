"""How full each page of a version's questions will be, worked out from heights before layout."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import NamedTuple

from reportlab.platypus import Flowable, KeepTogether, PageBreak

from quizgen.renderers.worksheet.pages import Deferred, PageMark

HUGE = 0xFFFFFFF  # the height reportlab measures a KeepTogether's content in
FUZZ = 1e-6  # reportlab's _FUZZ: a flowable fits if it overshoots the frame by no more


class Item(NamedTuple):
    """A flowable as a frame places it: its height and the space asked before and after."""

    height: float
    before: float
    after: float


class Cannot(Exception):
    """The heights do not tell the layout (a question taller than a page): lay it out."""


def items(flowable: Flowable, width: float) -> tuple[bool, tuple[Item, ...]]:
    """Whether the flowable is kept together, and its parts as a frame places them."""
    if isinstance(flowable, KeepTogether):
        return True, tuple(_item(part, width) for part in flowable._content)
    return False, (_item(flowable, width),)


def _item(flowable: Flowable, width: float) -> Item:
    _, height = flowable.wrap(width, HUGE)
    return Item(float(height), float(flowable.getSpaceBefore()),
                float(flowable.getSpaceAfter()))


class Pages:
    """reportlab's frame filling (Frame._add, KeepTogether.split and the document's page ends,
    with attached spaces overlapping as rl_config sets by default), on heights alone."""

    def __init__(self, height: float) -> None:
        self.height = height
        self.fills: list[float] = []
        self._y, self._top, self._after = height, True, 0.0

    def page_end(self) -> None:
        """Close the page being filled (a PageBreak, a FrameBreak or the end of the story)."""
        self.fills.append((self.height - self._y) / max(self.height, 1.0))
        self._y, self._top, self._after = self.height, True, 0.0

    def _gap(self, before: float) -> float:
        return 0.0 if self._top else max(before - self._after, 0.0)

    def _place(self, item: Item) -> bool:
        """Frame._add: place the item if it fits below what the page holds."""
        gap = self._gap(item.before)
        if self._y - gap <= 0:
            return False
        y = self._y - item.height - gap
        if y < -FUZZ:
            return False
        y -= item.after
        self._after = item.after
        if y != self._y:
            self._top = False
        self._y = y
        return True

    def add(self, kept: bool, parts: tuple[Item, ...]) -> None:
        """A top-level flowable: one part alone, or the parts of a KeepTogether."""
        if not kept:
            if not self._place(parts[0]):
                if self._top:
                    raise Cannot("a flowable taller than the page")
                self.page_end()  # nothing of ours splits: it goes to the next page whole
                if not self._place(parts[0]):
                    raise Cannot("a flowable taller than the page")
            return
        room = self._y - self._gap(parts[0].before)  # KeepTogether: whole here, or on the next
        if room <= 0 or _together(parts) > room:
            if self._top:
                raise Cannot("a question taller than the page")
            self.page_end()
        for part in parts:
            if not self._place(part):
                raise Cannot("a kept-together part that does not fit")


def _together(parts: tuple[Item, ...]) -> float:
    """_listWrapOn's height: parts with a size, spaces between them merged, none at the ends."""
    total, after, first = 0.0, 0.0, True
    for part in parts:
        if part.height <= FUZZ:
            continue
        if not first:
            total += max(part.before - after, 0.0)
        first = False
        total += part.height + part.after
        after = part.after
    return total - after


def version_fills(story: Iterable[Flowable], *, width: float, height: float,
                  made: list[Flowable] | None = None) -> list[float]:
    """How full each page of one version's story is, as the layout would find (Cannot when the
    heights do not tell). The story holds no other version: a PageBreak may only open it.
    `made`, when given, receives the story's flowables, Deferred ones made, already measured."""
    pages = Pages(height)
    for flowable in _expanded(story):
        if made is not None:
            made.append(flowable)
        if isinstance(flowable, PageBreak):
            continue  # the break before a version: its pages start fresh here anyway
        if isinstance(flowable, PageMark):
            continue  # no size, no space
        pages.add(*items(flowable, width))
    pages.page_end()
    return pages.fills


def _expanded(story: Iterable[Flowable]) -> Iterator[Flowable]:
    """The story's flowables, each Deferred made only when reached (and dropped after)."""
    for flowable in story:
        if isinstance(flowable, Deferred):
            yield from flowable.make()
        else:
            yield flowable
