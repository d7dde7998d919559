"""docs/review.md's verdict table is counted from docs/review/verdicts.tsv over today's sheets,
so a changed item shows as unread until it is read again; `--update-golden` rewrites the table."""

from __future__ import annotations

import re

from conftest import ARTICLE, ROOT
from doc_tables import check_table
from review_sheets import GROUPS, fingerprint, load_verdicts, review_table, sheet_items
from typer.testing import CliRunner

from quizgen.cli.app import app
from quizgen.factbase.loader import load_factbase
from quizgen.quiz.select import CLASS_LENGTH, build_quiz

REVIEW = ROOT / "docs" / "review.md"
BEGIN = "<!-- verdicts: made by tests/test_review_sheets.py; rewrite with --update-golden -->"
END = "<!-- end of verdicts -->"


def test_verdict_table_is_current(update_golden: bool) -> None:
    """The verdict table in docs/review.md counts the recorded verdicts on today's sheets."""
    check_table(REVIEW, BEGIN, END, review_table(), update=update_golden,
                stale="docs/review.md's verdict table is stale: read the UNREAD items"
                " (`python tests/review_sheets.py --unread`), record them in"
                " docs/review/verdicts.tsv, then rerun with"
                " `pytest tests/test_review_sheets.py --update-golden`")


def test_unread_items_count_as_unread() -> None:
    """With no verdict recorded, every item of every base is counted unread and none good."""
    table = review_table({})
    for line in table.splitlines()[2:]:
        cells = [c.strip() for c in line.strip("|").split("|")]
        items, good, poor, ambiguous, wrong, unread = (int(c) for c in cells[1:7])
        assert (good, poor, ambiguous, wrong) == (0, 0, 0, 0)
        assert unread == items, line


def test_recorded_verdicts_are_well_formed() -> None:
    """Every row of the verdict file has a known verdict and a reason (load_verdicts checks)."""
    verdicts = load_verdicts()
    assert all(v.reason.strip() for v in verdicts.values())


def test_items_are_what_preview_prints() -> None:
    """The review prints the class sheet preview prints: the same prompts, in the same order."""
    for seed in (1, 2):
        result = CliRunner().invoke(app, ["preview", "--answers", "--seed", str(seed),
                                          str(ARTICLE)])
        assert result.exit_code == 0, result.output
        shown = re.findall(r"^\d+\. (\(\S+\) .*)$", result.output, re.M)
        assert shown == [item.lines[0] for item in sheet_items(ARTICLE, seed)]


def test_fingerprint_follows_what_the_student_reads() -> None:
    """Two different items never share a fingerprint, and a reworded prompt changes it."""
    from dataclasses import replace

    base = load_factbase(ARTICLE)
    questions = build_quiz(base, seed=1, count=CLASS_LENGTH).questions
    assert len({fingerprint(q) for q in questions}) == len(questions)
    changed = replace(questions[0], prompt=questions[0].prompt + " (again)")
    assert fingerprint(changed) != fingerprint(questions[0])
    assert set(GROUPS) == {"content", "dev", "dev2", "heldout", "voa-dev", "voa-heldout"}


def test_dev2_and_heldout_split_the_heldout_folder() -> None:
    """dev2 holds the held-out folder's bases at odd alphabetical positions, heldout the rest."""
    folder = sorted((ROOT / "tests" / "corpus" / "heldout").glob("*.yaml"))
    assert list(GROUPS["dev2"]) == folder[0::2]
    assert list(GROUPS["heldout"]) == folder[1::2]
    assert (len(GROUPS["dev2"]), len(GROUPS["heldout"])) == (8, 7)


def test_voa_dev_holds_the_voa_development_bases() -> None:
    """voa-dev holds the seven VOA development bases, and none of the VOA held-out folder."""
    voa = ROOT / "tests" / "corpus" / "voa"
    assert list(GROUPS["voa-dev"]) == sorted((voa / "dev").glob("*.yaml"))
    assert len(GROUPS["voa-dev"]) == 7
    assert not any(path.parent == voa / "heldout" for path in GROUPS["voa-dev"])


def test_voa_heldout_holds_the_voa_heldout_bases_only() -> None:
    """voa-heldout holds the seven VOA held-out bases, and no other group holds any of them."""
    heldout = ROOT / "tests" / "corpus" / "voa" / "heldout"
    assert list(GROUPS["voa-heldout"]) == sorted(heldout.glob("*.yaml"))
    assert len(GROUPS["voa-heldout"]) == 7
    others = [path for group, paths in GROUPS.items() if group != "voa-heldout" for path in paths]
    assert not any(path.parent == heldout for path in others)
