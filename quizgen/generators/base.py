"""What every question generator takes and returns."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from quizgen.factbase.model import FactBase
from quizgen.quiz.questions import Question, Skip


@dataclass(frozen=True)
class GenOptions:
    """Knobs shared by all generators."""

    num_options: int = 4  # options per multiple-choice question (never fewer than 3)
    match_size: int = 4  # k quotes to match, 3..5
    order_size: int = 4  # k events to order, 3..6
    limit: int | None = None  # at most this many questions (None: every distinct one it can make)


@dataclass(frozen=True)
class Generated:
    """A generator's output: the questions it made and what it skipped, with reasons."""

    questions: tuple[Question, ...]
    skipped: tuple[Skip, ...] = ()


class Generator(Protocol):
    """A pure function of the fact base, a seed and options."""

    def __call__(self, base: FactBase, *, seed: int, options: GenOptions) -> Generated: ...
