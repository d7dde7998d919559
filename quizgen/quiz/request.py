"""What a quiz request asks for, checked: the bases, the counts, the kinds and the filters."""

from __future__ import annotations

from collections.abc import Iterable

from quizgen.errors import Problem, QuizgenError
from quizgen.factbase.model import FactBase
from quizgen.generators import GENERATORS, ON_REQUEST, get_generator
from quizgen.quiz.questions import Question


def check_request(bases: tuple[FactBase, ...], *, per_kind: int | None, count: int | None) -> None:
    """Refuse impossible requests: no bases, clashing base ids, counts below one, both counts."""
    problems: list[Problem] = []
    if not bases:
        problems.append(Problem("no fact bases to make a quiz from", expected="one or more"))
    ids = [b.id for b in bases]
    for base_id in sorted({i for i in ids if ids.count(i) > 1}):
        problems.append(
            Problem(
                "two fact bases share an id",
                field="id",
                found=repr(base_id),
                expected="a different id (file name) for each fact base",
            )
        )
    for name, value in (("per_kind", per_kind), ("count", count)):
        if value is not None and value < 1:
            problems.append(
                Problem(
                    "too few questions asked for",
                    field=name,
                    found=str(value),
                    expected="1 or more",
                )
            )
    if per_kind is not None and count is not None:
        problems.append(
            Problem(
                "per_kind and count both given",
                field="count",
                found=f"per_kind={per_kind}, count={count}",
                expected="one of them",
            )
        )
    if problems:
        raise QuizgenError(problems)


def wanted_kinds(kinds: Iterable[str] | None) -> list[str]:
    """The kinds asked for, validated, without repeats, in registry order."""
    if kinds is None:
        return [kind for kind in GENERATORS if kind not in ON_REQUEST]
    wanted = list(kinds)
    for kind in wanted:
        get_generator(kind)
    if not wanted:
        raise QuizgenError(
            Problem(
                "no question kinds given",
                field="kinds",
                expected="one or more of: " + ", ".join(GENERATORS),
            )
        )
    return [kind for kind in GENERATORS if kind in wanted]


def touches(question: Question, tags: frozenset[str], people: frozenset[str]) -> bool:
    """Whether an item carries one of the tags and names one of the people asked for (each
    filter only when given)."""
    if tags and not tags.intersection(question.tags):
        return False
    return not (people and not people.intersection(question.people))


def filter_reason(tags: frozenset[str], people: frozenset[str]) -> str:
    """Why a selection filtered to nothing, in words: the tags and people asked for."""
    parts = []
    if tags:
        parts.append("tags " + ", ".join(sorted(tags)))
    if people:
        parts.append("people " + ", ".join(sorted(people)))
    return "no questions touch " + " and ".join(parts)
