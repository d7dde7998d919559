"""The quiz page: the quiz `quizgen build` selects, oracle verdicts, and each format's files."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quizgen.errors import Problem, QuizgenError

if TYPE_CHECKING:
    from quizgen.factbase.model import FactBase
    from quizgen.quiz.questions import Question, Quiz

PAPERS = ("a4", "letter")
MAX_COUNT = 200
MAX_VERSIONS = 26


@dataclass(frozen=True)
class QuizRequest:
    """The quiz page's choices, as `quizgen build` options: --seed, --count, --kinds,
    --versions, --paper (count None: the class length, as build's default)."""

    seed: int = 0
    count: int | None = None
    kinds: tuple[str, ...] = ()
    versions: int = 1
    paper: str = "a4"


def _int(value: str | None, *, field: str, default: int | None, low: int, high: int
         ) -> int | None:
    if value is None or value.strip() == "":
        return default
    if not value.strip().isdigit() or not low <= int(value) <= high:
        raise QuizgenError(Problem("a number out of range", field=field, found=repr(value[:20]),
                                   expected=f"a whole number from {low} to {high}"))
    return int(value)


def parse_request(query: dict[str, str]) -> QuizRequest:
    """The request from the page's query string; a QuizgenError naming a bad value."""
    from quizgen.generators import GENERATORS

    kinds = tuple(k for k in (query.get("kinds") or "").split(",") if k)
    for kind in kinds:
        if kind not in GENERATORS:
            raise QuizgenError(Problem("no such kind of question", field="kinds",
                                       found=repr(kind[:40]), expected=", ".join(GENERATORS)))
    paper = query.get("paper") or "a4"
    if paper not in PAPERS:
        raise QuizgenError(Problem("no such paper size", field="paper", found=repr(paper[:20]),
                                   expected=" or ".join(PAPERS)))
    seed = _int(query.get("seed"), field="seed", default=0, low=0, high=2**31)
    versions = _int(query.get("versions"), field="versions", default=1, low=1, high=MAX_VERSIONS)
    return QuizRequest(seed=seed or 0, kinds=kinds, paper=paper, versions=versions or 1,
                       count=_int(query.get("count"), field="count", default=None, low=1,
                                  high=MAX_COUNT))


def select(path: Path, request: QuizRequest, *, everything: bool = False
           ) -> tuple[tuple[FactBase, ...], Quiz]:
    """The fact base and the quiz `quizgen build FILE` selects with the same options."""
    from quizgen.pipeline import load_all
    from quizgen.quiz.select import CLASS_LENGTH, build_quiz

    bases = load_all([path])
    count = None if everything else (request.count or CLASS_LENGTH)
    quiz = build_quiz(bases, seed=request.seed, kinds=request.kinds or None, count=count,
                      everything=everything)
    return bases, quiz


def quiz_json(path: Path, request: QuizRequest) -> dict[str, Any]:
    """The quiz as the page shows it: each question with its answer, verdict and excerpts."""
    from quizgen.generators import GENERATORS
    from quizgen.oracle import check_question

    bases, quiz = select(path, request)
    base = bases[0]
    return {"title": quiz.title, "kinds": list(GENERATORS),
            "questions": [_question(q, base, check_question(q, base)) for q in quiz.questions],
            "skipped": [{"kind": s.kind, "reason": s.reason} for s in quiz.skipped]}


def _question(question: Question, base: FactBase, verdict: Any) -> dict[str, Any]:
    from quizgen.quiz.questions import GapFill, Matching, MultipleChoice, Ordering, assert_never

    lines: list[str]
    match question:
        case MultipleChoice():
            lines = [("✓ " if i == question.answer else "   ") + option.text
                     for i, option in enumerate(question.options)]
        case Matching():
            lines = [f"{question.left[left].text} → {question.right[right].text}"
                     for left, right in question.answer]
        case Ordering():
            lines = [f"{n}. {question.items[i].text}" for n, i in enumerate(question.answer, 1)]
        case GapFill():
            lines = [f"({n}) {question.bank[i].text}" for n, i in enumerate(question.answer, 1)]
            lines += [f"   box: {option.text}" for i, option in enumerate(question.bank)
                      if i not in question.answer]
        case _:
            assert_never(question)
    return {"id": question.id, "kind": question.kind, "prompt": question.prompt,
            "answers": lines, "explanation": list(question.explanation),
            "ok": verdict.ok, "problems": list(verdict.problems)}


def formats() -> list[dict[str, str]]:
    """Every output format: name and one-line description."""
    from quizgen.renderers import RENDERERS, get_format

    return [{"name": name, "description": get_format(name).description} for name in RENDERERS]


def build_files(path: Path, request: QuizRequest, fmt: str, *, timestamp: int
                ) -> dict[str, bytes]:
    """One format's files, made by `quizgen.pipeline.build` as `quizgen build FILE --to FMT`
    with the same options does (into a scratch folder, then read back)."""
    from quizgen.pipeline import build
    from quizgen.renderers import RENDERERS, get_format
    from quizgen.renderers.base import RenderOptions

    if fmt not in RENDERERS:
        raise QuizgenError(Problem("no such output format", field="format",
                                   found=repr(fmt[:40]), expected=", ".join(RENDERERS)))
    bases, quiz = select(path, request)
    quizzes = {}
    if get_format(fmt).every_question and request.count is None:
        quizzes[fmt] = select(path, request, everything=True)[1]
    fields = {option.field for option in get_format(fmt).options}
    extra: dict[str, Any] = {"paper": request.paper} if "paper" in fields else {}
    versions = request.versions if "versions" in fields else 1
    options = RenderOptions(name="", seed=request.seed, title=None, extra=extra,
                            versions=versions)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        written = build(quiz, bases, formats=[fmt], folder=folder, options=options,
                        timestamp=timestamp, quizzes=quizzes).written
        return {p.name: p.read_bytes() for p in sorted(written)}
