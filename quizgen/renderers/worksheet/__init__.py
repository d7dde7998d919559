"""The worksheet format's functions: a quiz or its versions as PDFs (reportlab loads to render)."""

from __future__ import annotations

from collections.abc import Sequence

from quizgen.quiz.questions import Quiz
from quizgen.renderers.base import RenderOptions


def render(quiz: Quiz, *, options: RenderOptions) -> dict[str, bytes]:
    """One version's worksheet and key; `render_versions` when the pipeline made several."""
    return render_versions((quiz,), options=options)


def render_versions(versions: Sequence[Quiz], *, options: RenderOptions) -> dict[str, bytes]:
    """The worksheet and key PDFs of versions already made (reportlab is imported only now)."""
    from quizgen.renderers.worksheet.sheet import render_versions as render_pdfs

    return render_pdfs(versions, options=options)
