"""Lookup in plain-dict registries, raising QuizgenError for unknown names."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from quizgen.errors import Problem, QuizgenError

T = TypeVar("T")


def lookup(table: Mapping[str, T], name: str, *, what: str, field: str | None = None) -> T:
    """Return table[name], or raise QuizgenError naming the known choices."""
    try:
        return table[name]
    except KeyError:
        known = ", ".join(sorted(table))
        raise QuizgenError(
            Problem(f"unknown {what}", field=field, found=repr(name), expected=f"one of: {known}")
        ) from None
