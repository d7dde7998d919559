"""The figure readings of the draft do work linear in the article (issue 22): counted, not timed."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from types import FrameType, SimpleNamespace
from typing import Any

import pytest

from quizgen.draft import draft_factbase, figure_reads

_SENTENCE = ("Researchers followed 3,000 adults, up 5% on the year before. Sales rose to "
             "£4.2bn, a figure expected to rise to £5bn by 2030, said Ana Ruiz. ")


def _prose(size: int) -> str:
    """News prose of about `size` bytes with figures the readings of figure_reads look back from."""
    return "Adults in the study\n" + _SENTENCE * (size // len(_SENTENCE))


def _work(size: int, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int]:
    """Lines run in figure_reads (each step of a loop counts) and characters of text it hands
    to `re`'s functions, for a draft of `size` bytes."""
    handed = [0]

    def counted(name: str) -> Callable[..., Any]:
        def call(pattern: Any, string: str, *args: Any, **kwargs: Any) -> Any:
            handed[0] += len(string)
            return getattr(re, name)(pattern, string, *args, **kwargs)
        return call

    monkeypatch.setattr(figure_reads, "re", SimpleNamespace(**{
        name: counted(name) for name in ("search", "match", "fullmatch", "sub", "findall",
                                         "finditer", "split")}))
    lines = [0]

    def line(frame: FrameType, event: str, arg: object) -> Any:
        lines[0] += event == "line"
        return line

    def call(frame: FrameType, event: str, arg: object) -> Any:
        return line if frame.f_code.co_filename == figure_reads.__file__ else None

    sys.settrace(call)
    try:
        draft_factbase(_prose(size), name="x")
    finally:
        sys.settrace(None)
    monkeypatch.undo()
    return lines[0], handed[0]


def test_the_figure_readings_work_linearly(monkeypatch: pytest.MonkeyPatch) -> None:
    """Twenty times the prose makes at most 1.25 times twenty times the lines run and the text
    searched in figure_reads: no reading searches the whole article or every figure done so
    far for each figure."""
    draft_factbase(_prose(5_000), name="x")  # the word lists and caches loaded first
    small, large = _work(5_000, monkeypatch), _work(100_000, monkeypatch)
    assert small[0] > 0 and small[1] > 0, small  # the readings ran and searched
    assert large[0] <= 1.25 * 20 * small[0], ("lines", small, large, large[0] / small[0])
    assert large[1] <= 1.25 * 20 * small[1], ("characters", small, large, large[1] / small[1])
