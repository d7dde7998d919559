"""The one error type quizgen raises at its boundary, with located problems."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input: where, which field, what was found, what was expected."""

    message: str
    file: str | None = None
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based
    field: str | None = None  # a path such as "quotes[3].speakers[0]"
    found: str | None = None
    expected: str | None = None

    def __str__(self) -> str:
        where = ":".join(
            str(part) for part in (self.file, self.line, self.column) if part is not None
        )
        head = f"{where}: " if where else ""
        if self.field:
            head += f"{self.field}: "
        text = head + self.message
        if self.found is not None:
            text += f"; found {self.found}"
        if self.expected is not None:
            text += f"; expected {self.expected}"
        return text


class QuizgenError(Exception):
    """Bad input or an impossible request; carries one or more located problems."""

    def __init__(self, problems: Problem | str | list[Problem] | tuple[Problem, ...]) -> None:
        if isinstance(problems, str):
            problems = [Problem(problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
