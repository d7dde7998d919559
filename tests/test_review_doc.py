"""docs/review.md's kind × article table is the generators' own count, so the review never goes
stale: the table is rebuilt from content/ here, and `--update-golden` rewrites it."""

from __future__ import annotations

from collections import Counter

from conftest import CONTENT, ROOT, loaded
from doc_tables import check_table

from quizgen.generators import GENERATORS
from quizgen.generators.base import GenOptions
from quizgen.quiz.select import CLASS_LENGTH, build_quiz

REVIEW = ROOT / "docs" / "review.md"
BEGIN = "<!-- table: made by tests/test_review_doc.py; rewrite with --update-golden -->"
END = "<!-- end of table -->"
SHEET_SEED = 1


def _reasons(reasons: list[str]) -> str:
    """The distinct reasons, most frequent first, counted, the first three of them."""
    counted = Counter(reasons).most_common()
    shown = [f"{reason} ({n}×)" if n > 1 else reason for reason, n in counted[:3]]
    more = len(counted) - 3
    text = "; ".join(shown) + (f"; and {more} more reasons" if more > 0 else "")
    return text.replace("|", "\\|") or "—"


def review_table() -> str:
    """The table as it stands: per article and kind, the items made (seed 0, default options),
    how many the default class-length sheet keeps (seed 1), and the skip reasons."""
    rows = [
        "| article | kind | made | on a class sheet | skipped (reason) |",
        "| --- | --- | ---: | ---: | --- |",
    ]
    for path in sorted(CONTENT.glob("*.yaml")):
        base = loaded(path)
        sheet = Counter(q.kind for q in build_quiz(base, seed=SHEET_SEED,
                                                   count=CLASS_LENGTH).questions)
        for kind, generate in GENERATORS.items():
            made = generate(base, seed=0, options=GenOptions())
            reasons = _reasons([skip.reason for skip in made.skipped])
            rows.append(f"| {base.id} | {kind} | {len(made.questions)} | {sheet[kind]} |"
                        f" {reasons} |")
    return "\n".join(rows)


def test_review_table_is_current(update_golden: bool) -> None:
    """The made/kept/skipped table in docs/review.md equals what the generators make today."""
    check_table(REVIEW, BEGIN, END, review_table(), update=update_golden,
                stale="docs/review.md's table is stale: rerun with `pytest tests/test_review_doc.py"
                " --update-golden`, then reread the exports and the notes below the table")

