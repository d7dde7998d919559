"""Self-grading HTML quiz: one offline file (placeholder until the renderer lands)."""

from __future__ import annotations

from quizgen.questions import Quiz
from quizgen.renderers.base import RenderOptions


def render(quiz: Quiz, *, options: RenderOptions) -> dict[str, bytes]:
    """Render the quiz as `<name>.html`."""
    return {f"{options.name}.html": b""}
