"""The JSON export: every question with its options and answer, as plain data."""

from __future__ import annotations

import json
from typing import Any

from quizgen.questions import Matching, MultipleChoice, Ordering, Question, Quiz
from quizgen.renderers.base import RenderOptions

DESCRIPTION = 'The questions as JSON: {"questions": [...]}, with options and answers.'
STDOUT = True  # `quizgen export json` prints it when no --out is given


def question_record(question: Question) -> dict[str, Any]:
    """One question as a JSON-ready dict in the documented shape."""
    record: dict[str, Any] = {
        "id": question.id,
        "kind": question.kind,
        "factbase": question.factbase,
        "prompt": question.prompt,
        "explanation": "\n".join(question.explanation),
    }
    if isinstance(question, MultipleChoice):
        record["options"] = [option.text for option in question.options]
        record["answer"] = question.answer
    elif isinstance(question, Matching):
        record["left"] = [option.text for option in question.left]
        record["right"] = [option.text for option in question.right]
        record["answer"] = [[left, right] for left, right in question.answer]
    elif isinstance(question, Ordering):
        record["items"] = [option.text for option in question.items]
        record["answer"] = list(question.answer)
    record["tags"] = list(question.tags)
    record["people"] = list(question.people)
    return record


def render_text(quiz: Quiz) -> str:
    """The whole quiz as a JSON document with a trailing newline."""
    document = {"questions": [question_record(q) for q in quiz.questions]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def render(quiz: Quiz, *, options: RenderOptions) -> dict[str, bytes]:
    """Render the quiz as `<name>.json`."""
    return {f"{options.name}.json": render_text(quiz).encode("utf-8")}
