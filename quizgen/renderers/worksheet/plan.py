"""What goes where on a worksheet: sections per kind, continuous numbers, points and key answers."""

from collections.abc import Sequence
from typing import NamedTuple

from quizgen.errors import Problem, QuizgenError
from quizgen.quiz.questions import (
    Matching,
    Ordering,
    Question,
    shape_problem,
)
from quizgen.quiz.scoring import points
from quizgen.quiz.scoring import question_type as scoring_type
from quizgen.renderers.worksheet.styles import WorksheetStyle


class Numbered(NamedTuple):
    """A question with its number on the sheet and its points."""

    number: int
    question: Question
    points: int


class Section(NamedTuple):
    """Consecutive questions of one kind under one heading."""

    kind: str
    title: str
    instruction: str
    items: tuple[Numbered, ...]

    @property
    def points(self) -> int:
        """Points of all the section's questions."""
        return sum(item.points for item in self.items)


def letter(index: int) -> str:
    """A, B, ..., Z, AA, AB, ... for a 0-based index."""
    text = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        text = chr(ord("A") + rest) + text
    return text


def question_type(question: Question) -> str:
    """"multiple_choice", "matching", "ordering" or "gap_fill": the style file's names of the
    types the scoring rule tells apart (quiz.scoring)."""
    kind = scoring_type(question)
    return "multiple_choice" if kind == "choice" else kind.replace("-", "_")


def points_of(question: Question, style: WorksheetStyle) -> int:
    """Marks a question is worth, by the one scoring rule of every format (quiz.scoring)."""
    return points(question)


def plan(questions: Sequence[Question], *, style: WorksheetStyle) -> tuple[Section, ...]:
    """Sections per kind, in the order the kinds first appear, numbered 1..n across sections.

    Within a section the questions keep their order in the version. Versions reorder questions
    only within each kind, so every version shows the same sections in the same order.
    """
    for index, question in enumerate(questions):
        check_question_shape(question, index)
    kinds: dict[str, list[Question]] = {}
    for question in questions:
        kinds.setdefault(question.kind, []).append(question)
    sections: list[Section] = []
    number = 1
    for kind, members in kinds.items():
        heading = style.section(kind, question_type(members[0]))
        items = []
        for question in members:
            items.append(Numbered(number, question, points_of(question, style)))
            number += 1
        sections.append(Section(kind, heading.title, heading.instruction, tuple(items)))
    return tuple(sections)


def check_question_shape(question: Question, index: int) -> None:
    """Refuse a question whose answer does not index its own options (it cannot be printed)."""
    problem = shape_problem(question)
    if problem is not None:
        raise QuizgenError(Problem("malformed question", field=f"questions[{index}]",
                                   found=f"{question.id}: {problem}",
                                   expected="an answer that indexes the question's own options"))


def matching_answer(question: Matching) -> str:
    """"1-C, 2-A, ...": each quote's number with its speaker's letter."""
    return ", ".join(f"{left + 1}-{letter(right)}" for left, right in sorted(question.answer))


def ordering_answer(question: Ordering) -> tuple[str, str]:
    """What to write in each box ("A-2, B-4, C-1, D-3") and the order itself ("C, A, D, B")."""
    rank = {item: position + 1 for position, item in enumerate(question.answer)}
    boxes = ", ".join(f"{letter(i)}-{rank[i]}" for i in range(len(question.items)))
    return boxes, ", ".join(letter(i) for i in question.answer)
