"""A test-only output format with no options, defining nothing but `render`: the question ids."""

from __future__ import annotations

from quizgen.quiz.questions import Quiz
from quizgen.renderers.base import RenderOptions


def render(quiz: Quiz, *, options: RenderOptions) -> dict[str, bytes]:
    """`<name>.ids`: the question ids."""
    return {f"{options.name}.ids": "".join(f"{q.id}\n" for q in quiz.questions).encode()}
