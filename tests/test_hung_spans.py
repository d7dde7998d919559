"""Figures of the strict review's content/ and dev sheets told only beside the point: how long a
step took, in a past clause hung on a noun ("which they played for seven minutes"), and how
many players a side finished a match with (one step from eleven), a number said as a fragment
("“Twenty-two handshakes,” he explains"); each rule written here again from what a student
reads."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from factbases import figure, make_base, org, reasons, run
from sheet_check import base_at, sheet
from sweep import seeds_of
from test_truth_rules import BASES

from quizgen.factbase.model import Figure
from quizgen.quiz.leaks import asked

pytestmark = pytest.mark.sweep  # every seed of every base under `make fuzz` (sweep.py)

TIME_WORDS = ("second", "minute", "hour", "day", "week", "month", "year", "decade")
# the test's own reading: a relative word, a clause with a past verb, then for / lasted / since
# and the number within four words
HUNG = re.compile(r"\b(?:which|who|that)\s+((?:[^\W\d_]+\s+){0,8}?)(?:for|lasted|since)\s+"
                  r"(?:[^\W\d_]+\s+){0,3}"
                  r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\b",
                  re.IGNORECASE)


def _hung(excerpt: str) -> bool:
    """Whether a span's number stands in a past clause hung on a noun (the test's reading)."""
    for found in HUNG.finditer(excerpt):
        clause = found.group(0).casefold().split()
        if "lasted" in clause or any(w.endswith("ed") or w in {"had", "was", "were", "said"}
                                     for w in found.group(1).casefold().split()):
            return True
    return False


def _span(figure_id: str, excerpt: str, value: str, unit: str, qualifier: str = "exact") -> Figure:
    made = figure(figure_id, f"time of {figure_id}", value, unit, "paper",
                  qualifier=qualifier)  # type: ignore[arg-type]
    return replace(made, excerpt=excerpt)


def _asked_measures(*figures: Figure) -> tuple[set[str], str]:
    result = run("figure-choice", make_base(org("paper", "the paper"), *figures))
    return {str(getattr(q.ask, "measure", "")) for q in result.questions}, reasons(result)


def test_a_span_told_in_a_past_clause_on_a_noun_is_skipped_but_a_point_is_asked() -> None:
    """"which they played for seven minutes" and "a review that lasted nearly three minutes"
    tell how long a step took; "lets users swim underwater for two minutes" (what a device does),
    "the 70-minute experiment" and "over the coming 30 years" are asked."""
    passing = (_span("game", "the game Never End, which they played for seven minutes", "7",
                     "minutes"),
               _span("review", "after a review that lasted nearly three minutes", "3", "minutes",
                     "nearly"),
               _span("start", "who said he had been driving since he was 19", "19", "years"))
    point = (_span("device", "a device, held in the mouth, that lets users swim underwater for"
                   " two minutes", "2", "minutes"),
             _span("test", "the 70-minute experiment, involving two tests", "70", "minutes"),
             _span("rise", "which is expected to rise by 60% over the coming 30 years", "30",
                   "years"))
    assert all(_hung(f.excerpt) for f in passing) and not any(_hung(f.excerpt) for f in point)
    measures, told = _asked_measures(*passing, *point)
    assert not {f.measure for f in passing} & measures, measures
    assert {f.measure for f in point} <= measures, told
    assert "past clause" in told


def test_players_a_side_finished_a_match_with_are_one_step_from_eleven() -> None:
    """"finished the match with ten players" is eleven less a sending-off; 30 players in a squad
    is asked."""
    ten = figure("left", "number of players Redmoor finished the match with", "10", "players",
                 "paper")
    squad = figure("squad", "number of players in the squad", "30", "players", "paper")
    measures, told = _asked_measures(ten, squad)
    assert ten.measure not in measures and squad.measure in measures, told


@pytest.mark.parametrize("path", BASES, ids=lambda p: p.stem)
def test_no_sheet_asks_a_span_hung_on_a_noun(path: Path) -> None:
    """No default sheet, swept seeds, asks a figure of time whose every own number stands in a
    past relative clause ending "for", "lasted" or "since", by the test's own reading."""
    base = base_at(path)
    for seed in seeds_of(path):
        for q in sheet(path, seed).questions:
            if q.kind != "figure-choice":
                continue
            for fact in asked(q, base):
                found = base.by_id.get(fact)
                if isinstance(found, Figure) and any(w in found.unit.casefold()
                                                     for w in TIME_WORDS):
                    assert not _hung(found.excerpt), (seed, q.prompt)


def test_a_number_said_as_a_fragment_is_skipped_but_a_sentence_with_one_is_asked() -> None:
    """"“Twenty-two handshakes,” he explains" is a remark's colour; "“I've given this city forty
    years of my back,”" says something, and is asked."""
    fragment = replace(figure("shakes", "number of handshakes after a smooth game", "22",
                              "handshakes", "paper"),
                       excerpt="“Twenty-two handshakes,” he explains afterwards, proudly.")
    sentence = replace(figure("back", "years the driver has given the city", "40", "years",
                              "paper"),
                       excerpt="“I've given this city forty years of my back,”")
    measures, told = _asked_measures(fragment, sentence)
    assert fragment.measure not in measures and sentence.measure in measures, told
    assert "fragment" in told


FRAGMENT = re.compile(r"^\s*[“\"]\s*(?:\S+\s+){0,2}\S+?[,.!?]?\s*[”\"]")


@pytest.mark.parametrize("path", BASES, ids=lambda p: p.stem)
def test_no_sheet_asks_a_number_said_as_a_fragment(path: Path) -> None:
    """No default sheet, swept seeds, asks a figure whose excerpt opens with a quotation of three
    words or fewer (the test's own reading)."""
    base = base_at(path)
    for seed in seeds_of(path):
        for q in sheet(path, seed).questions:
            for fact in asked(q, base) if q.kind == "figure-choice" else ():
                found = base.by_id.get(fact)
                if isinstance(found, Figure):
                    assert not FRAGMENT.match(found.excerpt), (seed, q.prompt)
