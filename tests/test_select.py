"""build_quiz (kinds, counts, filters, titles) and make_versions (orders, remapped keys)."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from factbases import event, make_base, newsroom, people, quote

from quizgen.errors import QuizgenError
from quizgen.factbase.model import FactBase
from quizgen.generators import GENERATORS, ON_REQUEST, GenOptions
from quizgen.oracle import check_question
from quizgen.quiz.questions import Amount, Matching, MultipleChoice, Ordering, Question, Quiz
from quizgen.quiz.select import build_quiz, make_versions, version_label

NEWSROOM = newsroom()
# the kinds the newsroom can make (it has no terms, places or claims)
KINDS = [k for k in GENERATORS if k not in ON_REQUEST  # the default kinds that the newsroom has
         and GENERATORS[k](NEWSROOM, seed=0, options=GenOptions()).questions]


def kinds_of(quiz: Quiz) -> list[str]:
    return [q.kind for q in quiz.questions]


def spoken_newsroom() -> FactBase:
    """The newsroom with its three fragments said as whole sentences, so that all eight quotes are
    asked and no speaker keys enough of them for the deck's spreading to leave one out."""
    said = {"q-fraud": "There was massive fraud.", "q-73": "We won 73% of the votes.",
            "q-doubts": "I have serious doubts."}
    return replace(NEWSROOM, quotes=tuple(replace(q, text=said.get(q.id, q.text))
                                          for q in NEWSROOM.quotes))


def test_all_questions_grouped_by_kind_in_registry_order() -> None:
    """With everything=True, every question of every kind is kept, grouped in registry order."""
    base = spoken_newsroom()
    quiz = build_quiz([base], seed=3, everything=True)
    kinds = kinds_of(quiz)
    assert kinds == sorted(kinds, key=KINDS.index)
    for kind in KINDS:
        made = GENERATORS[kind](base, seed=3, options=GenOptions())
        assert {q.id for q in quiz.questions if q.kind == kind} == {q.id for q in made.questions}


def test_per_kind_picks_that_many_of_each() -> None:
    """per_kind=2 keeps two questions of each kind (clashes allowed, as with everything), or all
    a kind has: the newsroom's five ordered events make one ordering (each event in one)."""
    quiz = build_quiz(NEWSROOM, per_kind=2, everything=True)
    assert Counter(kinds_of(quiz)) == {**dict.fromkeys(KINDS, 2), "event-order": 1}
    assert len(GENERATORS["event-order"](NEWSROOM, seed=0, options=GenOptions()).questions) == 1


def test_count_spreads_evenly_across_kinds() -> None:
    """count=7 over four kinds gives 2, 2, 2, 1 in registry order."""
    quiz = build_quiz(NEWSROOM, count=7, everything=True)
    assert [Counter(kinds_of(quiz))[k] for k in KINDS] == [2, 2, 2, 1]


def test_count_redistributes_when_a_kind_runs_short() -> None:
    """A kind with one question gives its share to the others; the total is still met."""
    base = make_base(
        *people("a", "b", "c", "d", "e"),
        *(quote(f"q{i}", f"These are words number {i}.", s) for i, s in enumerate("abcde")),
        event("e1", "2020"), event("e2", "2021"), event("e3", "2022"), event("e4", "2023"),
    )  # fmt: skip
    quiz = build_quiz(base, count=9, kinds=["who-said-it", "event-order"])
    assert Counter(kinds_of(quiz)) == {"who-said-it": 5, "event-order": 1}  # all there is
    assert any("asked for 9 questions; only 6 available" in s.reason for s in quiz.skipped)
    quiz = build_quiz(base, count=4, kinds=["who-said-it", "event-order"])
    assert Counter(kinds_of(quiz)) == {"who-said-it": 3, "event-order": 1}


def test_kinds_are_validated_and_ordered() -> None:
    """Kinds keep registry order whatever order they are given in; unknown ones are refused."""
    quiz = build_quiz(NEWSROOM, kinds=["who-said-it", "figure-choice"], per_kind=1)
    assert kinds_of(quiz) == ["figure-choice", "who-said-it"]
    with pytest.raises(QuizgenError, match="figure-choice"):
        build_quiz(NEWSROOM, kinds=["essay"])


@pytest.mark.parametrize(
    "bad", [{"count": 0}, {"per_kind": 0}, {"count": -2}, {"count": 3, "per_kind": 1}]
)
def test_impossible_counts_are_refused(bad: dict[str, int]) -> None:
    """Counts below one, or both counts at once, raise QuizgenError naming the field."""
    with pytest.raises(QuizgenError, match=r"count|per_kind"):
        build_quiz(NEWSROOM, **bad)  # type: ignore[arg-type]  # a loosely typed test value or a union the test has narrowed


def test_no_bases_or_clashing_ids_are_refused() -> None:
    """An empty list of bases, or two bases with one id, is a QuizgenError."""
    with pytest.raises(QuizgenError, match="no fact bases"):
        build_quiz([])
    with pytest.raises(QuizgenError, match="share an id"):
        build_quiz([NEWSROOM, newsroom()])


def test_tag_filter_keeps_touching_questions_and_explains_empty_kinds() -> None:
    """tags=diplomacy keeps only questions tagged diplomacy; an emptied kind is reported."""
    quiz = build_quiz(NEWSROOM, tags=["diplomacy"])
    assert quiz.questions and all("diplomacy" in q.tags for q in quiz.questions)
    reasons = {s.kind: s.reason for s in quiz.skipped}
    assert reasons["figure-choice"] == "no questions touch tags diplomacy"


def test_people_filter_keeps_questions_touching_them() -> None:
    """people=musk keeps only questions whose facts involve Musk."""
    quiz = build_quiz(NEWSROOM, people=["musk"])
    assert quiz.questions and all("musk" in q.people for q in quiz.questions)
    both = build_quiz(NEWSROOM, people=["machado"], tags=["election"])
    assert all("machado" in q.people and "election" in q.tags for q in both.questions)


def test_titles() -> None:
    """The title is the single base's article title, 'Quiz on N articles', or the one given."""
    other = newsroom("other")
    assert build_quiz(NEWSROOM).title == "Turmoil after the vote"
    assert build_quiz([NEWSROOM, other]).title == "Quiz on 2 articles"
    assert build_quiz(NEWSROOM, title="Week 3").title == "Week 3"


def test_several_bases_merge_with_distinct_ids() -> None:
    """Two fact bases give questions from both, none sharing an id."""
    quiz = build_quiz([NEWSROOM, newsroom("other")], per_kind=20)
    ids = [q.id for q in quiz.questions]
    assert len(set(ids)) == len(ids)
    assert {q.factbase for q in quiz.questions} == {"newsroom", "other"}


def test_selection_is_seeded() -> None:
    """The same seed picks the same questions; different seeds pick differently."""
    assert build_quiz(NEWSROOM, per_kind=2, seed=5) == build_quiz(NEWSROOM, per_kind=2, seed=5)
    picks = {
        tuple(q.id for q in build_quiz(NEWSROOM, per_kind=2, seed=s).questions) for s in range(6)
    }
    assert len(picks) > 1


def test_selection_prefers_questions_that_do_not_give_each_other_away() -> None:
    """Picking few figure questions avoids asking one figure both ways when it can."""
    for seed in range(20):
        quiz = build_quiz(NEWSROOM, kinds=["figure-choice"], per_kind=4, seed=seed)
        excerpts = [e for q in quiz.questions for e in q.explanation]
        assert len(set(excerpts)) == len(excerpts)


def test_same_quiz_under_any_hash_seed() -> None:
    """Separate interpreters with different PYTHONHASHSEED build identical quizzes and versions."""
    tests = Path(__file__).parent
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from factbases import newsroom; from quizgen.quiz.select import build_quiz, make_versions;"
        "q = build_quiz(newsroom(), per_kind=3, seed=11);"
        "print(repr(make_versions(q, count=3, seed=11)))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code, str(tests)],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": hash_seed, "PATH": ""},
        ).stdout
        for hash_seed in ("0", "1", "4242")
    }
    assert len(outputs) == 1 and len(next(iter(outputs))) > 1000


# ---- versions ------------------------------------------------------------------------------------


def content(question: Question) -> object:
    """What the key says, in claims rather than positions."""
    if isinstance(question, MultipleChoice):
        return question.options[question.answer].claim
    if isinstance(question, Matching):
        return {question.left[i].claim: question.right[j].claim for i, j in question.answer}
    return [question.items[i].claim for i in question.answer]


def test_one_version_is_the_quiz_unlabelled() -> None:
    """count=1 returns the quiz unchanged and without a label (no version box is printed)."""
    quiz = build_quiz(NEWSROOM, per_kind=2)
    (only,) = make_versions(quiz, count=1, seed=9)
    assert only.version == "" and only.questions == quiz.questions


def test_versions_reorder_but_keep_the_same_correct_content() -> None:
    """Each version has the same questions per kind section and keys naming the same answers."""
    quiz = build_quiz(NEWSROOM, per_kind=4, seed=2)
    versions = make_versions(quiz, count=4, seed=2)
    assert [v.version for v in versions] == ["A", "B", "C", "D"]
    original = {q.id: q for q in quiz.questions}
    for version in versions:
        assert kinds_of(version) == kinds_of(quiz)
        assert sorted(q.id for q in version.questions) == sorted(original)
        for q in version.questions:
            assert content(q) == content(original[q.id])
            assert check_question(q, NEWSROOM).ok
            if isinstance(q, MultipleChoice) and isinstance(q.options[0].claim, Amount):
                values = [o.claim.value for o in q.options]  # type: ignore[union-attr]  # all Amounts here
                # numeric stays in order: ascending, or from the top down (versions.py lists
                # amounts from the top down so that "more than 1,000" is not always last)
                assert values in (sorted(values), sorted(values, reverse=True))
            if isinstance(q, Ordering):
                assert list(q.answer) != sorted(q.answer)  # never shown in order
    orders = {tuple(q.id for q in v.questions) for v in versions}
    arrangements = {tuple(str(content_order(q)) for q in v.questions) for v in versions}
    assert len(orders) > 1 and len(arrangements) == len(versions)
    assert versions == make_versions(quiz, count=4, seed=2)
    assert versions != make_versions(quiz, count=4, seed=3)


def content_order(question: Question) -> object:
    if isinstance(question, MultipleChoice):
        return [o.claim for o in question.options]
    if isinstance(question, Matching):
        return [o.claim for o in question.right]
    return [o.claim for o in question.items]


def test_non_numeric_options_move_between_versions() -> None:
    """Speaker options change position across versions while the key follows them."""
    quiz = build_quiz(NEWSROOM, kinds=["who-said-it"], count=1)
    answers = {v.questions[0].answer for v in make_versions(quiz, count=12, seed=0)}  # type: ignore[union-attr]  # the test knows which kind of question or claim this is
    assert len(answers) > 1


def test_version_count_is_checked_and_labels_continue() -> None:
    """Zero versions is refused; labels run A..Z then AA, AB."""
    with pytest.raises(QuizgenError, match="versions"):
        make_versions(build_quiz(NEWSROOM, per_kind=1), count=0, seed=0)
    assert [version_label(i) for i in (0, 25, 26, 27, 51, 52)] == ["A", "Z", "AA", "AB", "AZ", "BA"]
