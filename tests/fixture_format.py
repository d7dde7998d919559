"""A test-only output format with an option of its own: the prompts as text, optionally shouted."""

from __future__ import annotations

from quizgen.quiz.questions import Quiz
from quizgen.renderers.base import RenderOptions


def render(quiz: Quiz, *, options: RenderOptions) -> dict[str, bytes]:
    """`<name>.txt`: one prompt a line."""
    shout = bool(options.option("shout"))
    lines = [q.prompt.upper() if shout else q.prompt for q in quiz.questions]
    return {f"{options.name}.txt": ("\n".join(lines) + "\n").encode("utf-8")}
