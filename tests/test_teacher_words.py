"""Issue 18's wording bullets held by unit tests on made-up bases, not only by the sheet sweeps
(which meet a case only when a base happens to print it): skip reasons in a teacher's words,
"By his/her own account" by the pronoun, and prompts around quotes that point at or end them."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from factbases import figure, make_base, org, person, quote, reasons, run, talk
from sheet_check import BASES, base_at

from quizgen.factbase.model import FactBase, ReportedClaim
from quizgen.generators.common import index_facts
from quizgen.generators.figure_wording import value_prompt
from quizgen.quiz.select import build_quiz

ONLY_NONE = re.compile(r"\bonly 0\b")


def _claim_base(pronoun: str) -> FactBase:
    """One woman or man whose claim calls its claimant by the pronoun, beside three people of
    the other pronoun who speak: no one of the claimant's pronoun to offer."""
    other = "he" if pronoun == "she" else "she"
    cast = [dataclasses.replace(person("ana"), pronoun=pronoun)]  # type: ignore[arg-type]  # a Literal pronoun
    cast += [dataclasses.replace(person(p), pronoun=other)  # type: ignore[arg-type]  # a Literal pronoun
             for p in ("bo", "cy", "di")]
    words = "her" if pronoun == "she" else "his"
    claim = ReportedClaim("c", ("ana",), f"{words} members were working longer shifts",
                          excerpt=f"Ana said {words} members were working longer shifts")
    base = make_base(*cast, *talk("ana", "bo", "cy", "di"))
    return dataclasses.replace(base, claims=(claim,))


@pytest.mark.parametrize(("pronoun", "said"), [("she", "no other women to offer"),
                                                ("he", "no other men to offer")])
def test_a_claim_with_no_one_of_its_pronoun_to_offer_is_skipped_in_plain_words(
        pronoun: str, said: str) -> None:
    """'no other women to offer', never "only 0 other people known as 'she' to offer"."""
    result = run("who-claimed-it", _claim_base(pronoun), 1)
    assert not result.questions
    assert said in reasons(result), reasons(result)
    assert not ONLY_NONE.search(reasons(result)), reasons(result)


def test_a_sparse_base_counts_nothing_as_none() -> None:
    """A base of one quote, one figure and no terms, places or events: every generator's reason
    and the selection's shortfall say 'no …' or 'none', never 'only 0'."""
    base = make_base(org("club", "the club"), quote("q", "We will win the cup this year.", "club"),
                     figure("f", "number of fans", "300", "fans", "club"))
    quiz = build_quiz(base, seed=1, per_kind=2)
    told = "\n".join(skip.reason for skip in quiz.skipped)
    assert "none available" in told and "no other" in told, told
    assert not ONLY_NONE.search(told), told


@pytest.mark.parametrize("path", BASES, ids=[p.stem for p in BASES])
def test_no_skip_reason_of_a_base_says_only_zero(path: Path) -> None:
    """Every reason a base's build gives (every item made, and a sheet of two of each kind)
    counts nothing as 'no …' or 'none'."""
    base = base_at(path)
    for quiz in (build_quiz(base, seed=1, everything=True), build_quiz(base, seed=1, per_kind=2)):
        for skip in quiz.skipped:
            assert not ONLY_NONE.search(skip.reason), (path.stem, skip.kind, skip.reason)


@pytest.mark.parametrize(("pronoun", "own"), [("he", "his"), ("she", "her"), (None, "their")])
def test_a_holders_own_figure_follows_the_pronoun(pronoun: str | None, own: str) -> None:
    """'By his own account' for a man (`pronoun: he`), 'By her own account' for a woman,
    'By their own account' when the base gives no pronoun."""
    orel = dataclasses.replace(person("orel", "Tomasz Orel"), pronoun=pronoun)  # type: ignore[arg-type]  # a Literal pronoun
    base = make_base(orel, figure("f", "age at retirement", "64", "years", "orel", subject="orel"))
    (fig,) = base.figures
    prompt = value_prompt(fig, index_facts(base), fig.given_by)
    assert prompt == f"By {own} own account, how old was Tomasz Orel at retirement?", prompt


def _who_said(text: str, context: str) -> str:
    """The who-said-it prompt of a quote with the given words and context."""
    base = make_base(*(person(p) for p in ("ana", "bo", "cy", "di")),
                     quote("q", text, "ana", context=context), *talk("bo", "cy", "di"))
    (item,) = [q for q in run("who-said-it", base, 1).questions if q.ask.quote == "q"]  # type: ignore[union-attr]  # who-said-it asks a quote
    return item.prompt


def test_a_context_pointing_at_the_quote_asks_who_was_doing_it() -> None:
    """'demanding an end to it' takes the words quoted for its 'it': 'Who was demanding an end
    to “…”?', never 'Who said, demanding an end to it: “…”?'."""
    prompt = _who_said("violent rhetoric and repression against the opposition",
                       "demanding an end to it")
    assert prompt == ("Who was demanding an end to “violent rhetoric and repression against the"
                      " opposition”?"), prompt
    # elsewhere the words are asked as a saying: a clause, not a noun phrase (test_sayings)
    plain = _who_said("violent rhetoric and repression against the opposition must end",
                      "at a rally")
    assert plain == ("Who said, at a rally: “violent rhetoric and repression against the"
                     " opposition must end”?"), plain


@pytest.mark.parametrize("end", ["?", "!"])
def test_a_quote_ending_its_own_sentence_gets_no_second_mark(end: str) -> None:
    """'Who said: “Will she be good enough?”', never '…?”?' or '…!”?'."""
    prompt = _who_said(f"Now the question is whether she will be good enough{end}", "")
    assert prompt.endswith(f"enough{end}”"), prompt


def _as_before(reason: str) -> str:
    """A reason in the wording before 'no …' replaced 'only 0 …'."""
    reason = re.sub(r"\bno other (wo)?men\b", r"only 0 other people", reason)
    reason = re.sub(r"\bno other\b", "only 0 other", reason)
    reason = re.sub(r"(^|: |but )no (events|quotes|people)(?=;| are | with | said )",
                    r"\1only 0 \2", reason)
    return re.sub(r"; none (available|of those)", r"; only 0 \1", reason)


def test_the_summary_sorts_the_plain_words_as_it_sorted_only_zero() -> None:
    """The one summary line puts 'no other women to offer', 'no events; … needs 3' and 'none
    available' under the same heading as 'only 0 …' before ('too few wrong answers …')."""
    from quizgen.cli.console import _skip_kind

    base = make_base(org("club", "the club"), quote("q", "We will win the cup this year.", "club"),
                     figure("f", "number of fans", "300", "fans", "club"))
    told = [s.reason for s in build_quiz(base, seed=1, per_kind=2).skipped]
    told += [s.reason for s in run("who-claimed-it", _claim_base("she"), 1).skipped]
    changed = [r for r in told if _as_before(r) != r]
    assert len(changed) >= 3, told
    for reason in changed:
        assert _skip_kind(reason) == _skip_kind(_as_before(reason)), (reason, _as_before(reason))


def test_one_question_is_counted_in_the_singular(tmp_path: Path) -> None:
    """`build` and `preview` of a one-question quiz say '1 question', never '1 questions'."""
    from typer.testing import CliRunner

    from quizgen.cli import app

    base = str(BASES[0])
    runner = CliRunner()
    built = runner.invoke(app, ["build", base, "--count", "1", "--kinds", "figure-choice",
                                "--to", "json", "--out", str(tmp_path), "--quiet"])
    shown = runner.invoke(app, ["preview", base, "--count", "1", "--kinds", "figure-choice"])
    for result in (built, shown):
        assert result.exit_code == 0, result.output
        assert re.search(r"\b1 question\b", result.output), result.output
        assert "1 questions" not in result.output, result.output
