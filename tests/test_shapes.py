"""Question shapes: limits defined once, structure checks, and dispatch that mypy holds complete."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from factbases import newsroom

from quizgen.generators import common
from quizgen.quiz import questions
from quizgen.quiz.questions import Matching, MultipleChoice, Ordering, shape_problem
from quizgen.quiz.select import build_quiz

ROOT = Path(__file__).resolve().parent.parent
PLANTED = '''

@dataclass(frozen=True)
class Planted:
    """A shape no module knows."""

    id: str
    kind: str
    factbase: str
    prompt: str
    explanation: tuple[str, ...]
    tags: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
'''
# Every module that dispatches on the question's shape.
DISPATCHERS = {
    "quizgen/quiz/questions.py", "quizgen/oracle/__init__.py", "quizgen/cli/preview.py",
    "quizgen/quiz/profile.py", "quizgen/quiz/asked.py", "quizgen/quiz/versions.py",
    "quizgen/quiz/spread.py",
    "quizgen/renderers/json_out.py", "quizgen/renderers/html_quiz.py",
    "quizgen/renderers/worksheet/bodies.py", "quizgen/renderers/worksheet/key.py",
    "quizgen/renderers/anki/notes.py",
    "quizgen/renderers/gift.py", "quizgen/renderers/moodle_xml.py", "quizgen/renderers/qti.py",
    "quizgen/renderers/platform.py", "quizgen/quiz/scoring.py", "quizgen/quiz/unchecked.py",
    "quizgen/studio/quizview.py",
}


def test_shape_limits_are_defined_once_in_questions() -> None:
    """Generators and the oracle use the limits of questions.py, not copies of their own."""
    from quizgen import oracle
    from quizgen.oracle import match

    for module in (common, oracle):
        assert module.MIN_OPTIONS is questions.MIN_OPTIONS
        assert module.ORDER_SIZES is questions.ORDER_SIZES
    for module in (common, match):
        assert module.MATCH_SIZES is questions.MATCH_SIZES


def test_generated_questions_have_sound_shapes() -> None:
    """Every generated question's answers index its own options."""
    quiz = build_quiz([newsroom()], seed=2)
    assert quiz.questions
    assert [shape_problem(q) for q in quiz.questions] == [None] * len(quiz.questions)


def test_broken_shapes_are_named() -> None:
    """An answer outside the options, an unpaired quote, or a partial order is reported."""
    from dataclasses import replace

    quiz = build_quiz([newsroom()], seed=2, everything=True)  # a sheet may keep no ordering
    by_type = {type(q): q for q in quiz.questions}
    mc, match, order = by_type[MultipleChoice], by_type[Matching], by_type[Ordering]
    assert isinstance(mc, MultipleChoice) and isinstance(match, Matching)
    assert isinstance(order, Ordering)
    assert "not one of" in str(shape_problem(replace(mc, answer=len(mc.options))))
    assert "exactly once" in str(shape_problem(replace(match, answer=match.answer[1:])))
    assert "not an order" in str(shape_problem(replace(order, answer=order.answer[1:])))


@pytest.mark.slow
def test_a_new_shape_fails_type_checking_wherever_it_is_not_handled(tmp_path: Path) -> None:
    """Planting a fourth shape in Question makes mypy report every dispatch that ignores it."""
    if shutil.which("mypy", path=str(Path(sys.executable).parent)) is None:
        pytest.skip("mypy is not installed in this environment")
    source = (ROOT / "quizgen" / "quiz" / "questions.py").read_text(encoding="utf-8")
    union = "Question = MultipleChoice | Matching | Ordering"
    planted = source.replace(union, f"{PLANTED}\n\n{union} | Planted")
    assert planted != source
    shadow = tmp_path / "questions.py"
    shadow.write_text(planted, encoding="utf-8")
    # mypy reads the planted questions.py in place of the real one (the rest of the package as
    # it is), starting from a copy of the checkout's cache when `make test`'s mypy left one:
    # every module whose source or dependencies differ from the cached ones is checked again
    mypy = Path(sys.executable).parent / "mypy"

    def check(cache: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(mypy), "--config-file", str(ROOT / "pyproject.toml"), "--cache-dir", str(cache),
             "--shadow-file", str(ROOT / "quizgen" / "quiz" / "questions.py"), str(shadow),
             "-p", "quizgen"],
            cwd=ROOT, capture_output=True, text=True, timeout=600,
        )

    result = None
    if (ROOT / ".mypy_cache").is_dir():
        shutil.copytree(ROOT / ".mypy_cache", tmp_path / "warm")
        result = check(tmp_path / "warm")
    if result is None or result.returncode not in (0, 1):  # no cache, or one copied mid-write
        result = check(tmp_path / "cold")
    assert result.returncode == 1, result.stdout + result.stderr
    flagged = {line.split(":")[0] for line in result.stdout.splitlines()
               if re.search(r'"assert_never" has incompatible type "Planted"', line)}
    assert flagged == DISPATCHERS, result.stdout
