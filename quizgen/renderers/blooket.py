"""Blooket's CSV import template: multiple choice with up to four answers."""

from __future__ import annotations

import csv
import io

from quizgen.quiz.questions import Quiz
from quizgen.renderers.base import RenderOptions
from quizgen.renderers.platform import Limits, fit, quiz_choices, sheet_cell, time_limits

LIMITS = Limits(options=4)
TIME_LIMITS = (5, 10, 20, 30, 60, 90, 120, 240, 300)  # Blooket allows up to 300 seconds
TITLE = "Blooket\nImport Template"  # row 1 of Blooket's template, as Blooket writes it
HEADER = (
    "Question #",
    "Question Text",
    "Answer 1",
    "Answer 2",
    "Answer 3\n(Optional)",
    "Answer 4\n(Optional)",
    "Time Limit (sec)\n(Max: 300 seconds)",
    "Correct Answer(s)\n(Only include Answer #)",
)


def render_text(quiz: Quiz) -> str:
    """The template's two header rows, then one row per multiple choice (matchings split)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([TITLE, *[""] * (len(HEADER) - 1)])
    writer.writerow(HEADER)
    choices = [fit(c, LIMITS) for c in quiz_choices(quiz, max_options=LIMITS.options,
                                                     ends_only=True)]
    limits = time_limits(choices, TIME_LIMITS)  # one per source question
    for number, (choice, limit) in enumerate(zip(choices, limits, strict=True), start=1):
        answers = [*choice.options, *[""] * (4 - len(choice.options))]
        writer.writerow([number, sheet_cell(choice.prompt), *map(sheet_cell, answers), limit,
                         choice.answer + 1])
    return buffer.getvalue()


def render(quiz: Quiz, *, options: RenderOptions) -> dict[str, bytes]:
    """Render the quiz as `<name>-blooket.csv`, for Blooket's "CSV Upload"."""
    return {f"{options.name}-blooket.csv": render_text(quiz).encode("utf-8")}
