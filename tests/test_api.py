"""The public API in quizgen/__init__.py: complete, sorted, lazy and usable on its own."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import quizgen

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "content" / "venezuela-post-election.yaml"


def test_every_public_name_resolves() -> None:
    """Each name in `__all__` is importable from the package, and `dir()` lists exactly them."""
    missing = [name for name in quizgen.__all__ if getattr(quizgen, name, None) is None]
    assert missing == []
    assert sorted(dir(quizgen)) == sorted(quizgen.__all__)


def test_unknown_attribute_is_an_attribute_error() -> None:
    """Asking the package for a name it does not export raises AttributeError, not ImportError."""
    try:
        quizgen.no_such_name  # type: ignore[attr-defined]  # noqa: B018 - the access is the test
    except AttributeError as error:
        assert "no_such_name" in str(error)
    else:
        raise AssertionError("expected AttributeError")


def test_importing_the_package_loads_no_renderer_library() -> None:
    """`import quizgen` does not import genanki, reportlab or yaml; they load when first used."""
    code = (
        "import sys, quizgen; "
        "print(sorted(m for m in ('genanki', 'reportlab', 'yaml') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_library_round_trip_from_the_public_api() -> None:
    """Loading, building, checking with the oracle and rendering work through `quizgen.*` alone."""
    base = quizgen.load_factbase(ARTICLE)
    assert quizgen.validate_factbase(base) == []
    quiz = quizgen.build_quiz(base, seed=3, per_kind=2)
    # terms, places and claims are optional sections; the bundled article's orderings are of one
    # story, not dated in different years, so common sense sorts them and no sheet keeps one
    made = {q.kind for q in quiz.questions}
    assert {"figure-choice", "who-said-it", "quote-match"} <= made
    # at most 2 of each kind; fewer only where another would give an answer away (quiz.leaks)
    kinds = [q.kind for q in quiz.questions]
    assert all(1 <= kinds.count(kind) <= 2 for kind in made)
    assert len(quiz.questions) > len(made)
    assert all(quizgen.check_question(q, base).ok for q in quiz.questions)
    files = quizgen.get_renderer("json")(quiz, options=quizgen.RenderOptions(name="demo"))
    assert list(files) == ["demo.json"]
    assert b'"questions"' in files["demo.json"]
