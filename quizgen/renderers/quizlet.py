"""Quizlet's import text: one card a line, the question and its answer separated by a tab."""

from __future__ import annotations

from quizgen.questions import Quiz
from quizgen.renderers.base import RenderOptions
from quizgen.renderers.platform import as_choices

TERM_SEPARATOR = "\t"  # Quizlet's default "between term and definition"
CARD_SEPARATOR = "\n"  # Quizlet's default "between rows"


def render_text(quiz: Quiz) -> str:
    """Every question as a card: the prompt as the term, the correct answer as the definition.

    Quizlet makes its own multiple choice from the cards; matchings become one card per quote
    and orderings one card per event. Texts are on one line, so no tab or newline is left in.
    """
    cards = [f"{choice.prompt}{TERM_SEPARATOR}{choice.options[choice.answer]}"
             for question in quiz.questions for choice in as_choices(question)]
    return "".join(card + CARD_SEPARATOR for card in cards)


def render(quiz: Quiz, *, options: RenderOptions) -> dict[str, bytes]:
    """Render the quiz as `<name>-quizlet.txt`, to paste into Quizlet's "Import" box."""
    return {f"{options.name}-quizlet.txt": render_text(quiz).encode("utf-8")}
