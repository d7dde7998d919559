"""Quizlet's import text: one card a line, the question and its answer separated by a tab."""

from __future__ import annotations

from quizgen.quiz.questions import Quiz
from quizgen.renderers.base import RenderOptions
from quizgen.renderers.platform import Choice, quiz_choices, sheet_cell

TERM_SEPARATOR = "\t"  # Quizlet's default "between term and definition"
CARD_SEPARATOR = "\n"  # Quizlet's default "between rows"


def _term(choice: Choice) -> str:
    """The card's question; one that asks "of these" lists them, since Quizlet shows no options."""
    if not choice.needs_options:
        return choice.prompt
    return f"{choice.prompt} ({'; '.join(choice.options)})"


def render_text(quiz: Quiz) -> str:
    """Every question as a card: the prompt as the term, the correct answer as the definition.

    Quizlet makes its own multiple choice from the cards; matchings become one card per quote
    and orderings one card per place, its events listed in the term. Texts are on one line, so
    no tab or newline is left in; a text that a spreadsheet opening the file would take for a
    formula (`=…`, `+…`, `-…`, `@…`) starts with a single quote (`sheet_cell`).
    """
    cards = [f"{sheet_cell(_term(choice))}{TERM_SEPARATOR}"
             f"{sheet_cell(choice.options[choice.answer])}" for choice in quiz_choices(quiz)]
    return "".join(card + CARD_SEPARATOR for card in cards)


def render(quiz: Quiz, *, options: RenderOptions) -> dict[str, bytes]:
    """Render the quiz as `<name>-quizlet.txt`, to paste into Quizlet's "Import" box."""
    return {f"{options.name}-quizlet.txt": render_text(quiz).encode("utf-8")}
