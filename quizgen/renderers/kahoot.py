"""Kahoot's quiz spreadsheet (.xlsx): multiple choice within Kahoot's limits."""

from __future__ import annotations

from quizgen.quiz.questions import Quiz
from quizgen.renderers.base import RenderOptions
from quizgen.renderers.platform import Choice, Limits, clean, fit, quiz_choices, time_limits
from quizgen.renderers.xlsx import Cell, workbook

LIMITS = Limits(options=4, prompt_chars=120, option_chars=75)
TIME_LIMITS = (5, 10, 20, 30, 60, 90, 120, 240)  # the only times Kahoot accepts, in seconds
HEADER_ROW = 8  # Kahoot's template: notes above, the header on row 8, questions from row 9
HEADER = (
    "Question - max 120 characters",
    "Answer 1 - max 75 characters",
    "Answer 2 - max 75 characters",
    "Answer 3 - max 75 characters",
    "Answer 4 - max 75 characters",
    "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs",
    "Correct answer(s) - choose at least one",
)


def choices(quiz: Quiz) -> list[Choice]:
    """Every question as Kahoot multiple choice: matchings split per item, orderings asked
    first and last, texts fitted."""
    return [fit(choice, LIMITS)
            for choice in quiz_choices(quiz, max_options=LIMITS.options, ends_only=True)]


def rows(quiz: Quiz, *, title: str) -> list[list[Cell]]:
    """The sheet's rows, top to bottom, as in Kahoot's template."""
    notes: list[list[Cell]] = [
        [None, f"{title}: made by quizgen"],
        [None, "In Kahoot: Create > Add question > Import spreadsheet, then choose this file."],
        [None, "Texts longer than Kahoot allows (120 characters a question, 75 an answer) "
               "were shortened, ending in …; at most 4 answers are kept, always the right one."],
        [None, "Matching questions became one question per quote, orderings two: which came first, "
                "which came last."],
    ]
    while len(notes) < HEADER_ROW - 1:
        notes.append([])
    table: list[list[Cell]] = [[None, *HEADER]]
    fitted = choices(quiz)
    for number, (choice, limit) in enumerate(
            zip(fitted, time_limits(fitted, TIME_LIMITS), strict=True), start=1):
        answers: list[Cell] = [*choice.options, *[None] * (4 - len(choice.options))]
        table.append([number, choice.prompt, *answers, limit, choice.answer + 1])
    return notes + table


def render(quiz: Quiz, *, options: RenderOptions) -> dict[str, bytes]:
    """Render the quiz as `<name>-kahoot.xlsx`, for Kahoot's spreadsheet import."""
    title = clean(options.title or quiz.title) or "quizgen"
    data = workbook(rows(quiz, title=title), sheet="Sheet1", title=title,
                    timestamp=options.timestamp, bold_rows=(1, HEADER_ROW),
                    widths=(6, 60, 30, 30, 30, 30, 14, 14))
    return {f"{options.name}-kahoot.xlsx": data}
