"""The worksheet format as the registry sees it: its options; reportlab loads only to render."""

from __future__ import annotations

from collections.abc import Sequence

from quizgen.quiz.questions import Quiz
from quizgen.renderers.base import FormatOption, RenderOptions

DESCRIPTION = "Printable PDF worksheet and its answer key, in per-student versions."

OPTIONS = (
    FormatOption("versions", "--versions", "Per-student versions A, B, C, ...", kind="int",
                 default=1, minimum=1, maximum=26),
    FormatOption("paper", "--paper", "Paper size.", kind="choice", default="a4",
                 choices=("a4", "letter")),
    FormatOption("instructions", "--instructions", "Instructions printed under the header."),
    FormatOption("no_key", "--no-key", "Skip the answer key.", kind="flag", default=False,
                 conflicts="key_only"),
    FormatOption("key_only", "--key-only", "Write only the key.", kind="flag", default=False),
    FormatOption("explain", "--explain", "Print the source excerpt under each answer.",
                 kind="flag", default=False),
    FormatOption("split_versions", "--split-versions", "One PDF per version.", kind="flag",
                 default=False),
    FormatOption("no_pad", "--no-pad", "Do not pad each version to an even number of pages"
                 " (padding keeps double-sided copies from starting a version on the back of"
                 " another).", kind="flag", default=False),
)


def render(quiz: Quiz, *, options: RenderOptions) -> dict[str, bytes]:
    """One version's worksheet and key; `render_versions` when the pipeline made several."""
    return render_versions((quiz,), options=options)


def render_versions(versions: Sequence[Quiz], *, options: RenderOptions) -> dict[str, bytes]:
    """The worksheet and key PDFs of versions already made (reportlab is imported only now)."""
    from dataclasses import replace

    from quizgen.renderers.worksheet.sheet import render_versions as render_pdfs

    no_key, key_only = options.option("no_key", False), options.option("key_only", False)
    options = replace(options, key=options.key and not no_key, sheet=options.sheet and not key_only,
                      pad=options.pad and not options.option("no_pad", False))
    return render_pdfs(versions, options=options)
