"""Platform files as each platform imports and stores them: Moodle sites without the Ordering
type, raw-text fields without entities, and the quiz games' orderings (issue 23)."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest
from platform_check import (
    entity_problems,
    gift_records,
    moodle_problems,
    moodle_raw_texts,
    need_frictionless,
    need_gift,
    need_lxml,
)
from platform_quizzes import (
    FACTBASES,
    OPTIONS,
    json_records,
    shapes_quiz,
    speakers,
)
from platform_same import game_rows, same_in_game, same_in_moodle

from quizgen.errors import QuizgenError
from quizgen.quiz.questions import Ordering, Quiz
from quizgen.renderers import get_renderer

# content/'s events are each one story's steps (issue 18: only events dated in different years
# are ordered), so the ordering checks read the dev corpus's bases that make orderings too
DEV = Path(__file__).resolve().parent / "corpus" / "dev"
ORDERED = [DEV / f"{stem}.yaml" for stem in ("first-female-coach", "nsa-scandal", "rwanda")]
CHECKED = [*FACTBASES, *ORDERED]
IDS = [path.stem for path in CHECKED]
WITH_ORDERING = replace(OPTIONS, extra={"moodle_ordering": True})
# content/'s one passage with & < > (a placard's slogan) is a verbless fragment, no saying asked
# since sheets18y, so the escaping checks also read a made-up base whose sayings (clauses, by
# people of one sort) hold every character a platform treats specially
SIGNS = (
    ("ana", "We say pensions > profits & bosses' bonuses < nurses' pay."),
    ("ben", 'They call it "reform" & we call it <theft>.'),
    ("cal", "I think a nurse's back is worth more than a banker's bonus."),
    ("dee", "We will march again & again until they listen."),
    ("eve", "You cannot pay a pension with promises < 62 > nothing."),
)


@cache
def every_question(path: Path) -> Quiz:
    """Every question the fact base allows (`--all`): each quote, figure and event asked."""
    from quizgen.factbase.loader import load_factbase
    from quizgen.quiz.select import build_quiz

    return build_quiz(load_factbase(path), seed=0, everything=True)


def moodle(quiz: Quiz, *, ordering: bool = False) -> bytes:
    """The Moodle XML file of the quiz, by default for a site without the Ordering type."""
    (data,) = get_renderer("moodle")(quiz, options=WITH_ORDERING if ordering else OPTIONS
                                     ).values()
    return data


@cache
def signs_quiz() -> Quiz:
    """Every question of a made-up base whose sayings hold & < > ' and \"."""
    from factbases import make_base, person, quote

    from quizgen.quiz.select import build_quiz

    base = make_base(*(person(who) for who, _ in SIGNS),
                     *(quote(f"q-{who}", text, who) for who, text in SIGNS), base_id="signs")
    return build_quiz((base,), seed=0, everything=True)


@pytest.mark.parametrize("path", CHECKED, ids=IDS)
def test_moodle_xml_imports_on_a_site_without_the_ordering_type(path: Path) -> None:
    """By default every content fact base's Moodle XML passes the structure check of a site
    without the Ordering question type (Moodle 4.3 or older without qtype_ordering): its
    orderings are matchings to places, holding the same answers."""
    need_lxml()
    quiz = every_question(path)  # the default quiz leaves out some bases' only ordering
    data = moodle(quiz)
    assert moodle_problems(data, ordering=False) == []
    same_in_moodle(data, json_records(quiz))


@pytest.mark.parametrize("path", CHECKED, ids=IDS)
def test_moodle_ordering_option_writes_the_ordering_type(path: Path) -> None:
    """--moodle-ordering writes each ordering as Moodle's Ordering type, which a site with the
    type imports; a site without it stops at the first one (the check says so)."""
    need_lxml()
    quiz = every_question(path)
    data = moodle(quiz, ordering=True)
    assert moodle_problems(data, ordering=True) == []
    same_in_moodle(data, json_records(quiz), ordering=True)
    if any(isinstance(q, Ordering) for q in quiz.questions):
        assert "Question type ordering is not supported by XML import" in moodle_problems(
            data, ordering=False)


def test_content_has_orderings_for_the_moodle_checks() -> None:
    """The bases the checks above read make orderings, so the checks meet them (all questions;
    the dev corpus's bases, as content/'s events are one story's steps each, issue 18)."""
    with_orderings = [path for path in CHECKED
                      if any(isinstance(q, Ordering) for q in every_question(path).questions)]
    assert len(with_orderings) >= len(ORDERED)


def test_planted_ordering_by_default_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """A renderer that writes the Ordering type by default fails the check of a site without
    it."""
    need_lxml()
    import quizgen.renderers.moodle_xml as moodle_xml

    quiz = every_question(ORDERED[0])  # the default quiz may keep no ordering
    assert moodle_problems(moodle(quiz)) == []
    monkeypatch.setattr(moodle_xml, "ordering_type", lambda options: True)  # the bug
    assert moodle_problems(moodle(quiz)) != []


def test_moodle_ordering_option_refuses_a_value_that_is_not_a_flag() -> None:
    """A library caller passing "yes" for moodle_ordering gets a QuizgenError naming the option."""
    with pytest.raises(QuizgenError, match="--moodle-ordering"):
        get_renderer("moodle")(shapes_quiz(), options=replace(
            OPTIONS, extra={"moodle_ordering": "yes"}))


def test_moodle_names_and_matching_answers_are_stored_raw() -> None:
    """Markup, & and quotes in names and matching answers are stored as the text itself (Moodle
    shows these fields raw), checked against the JSON export's texts."""
    need_lxml()
    quiz = shapes_quiz()
    same_in_moodle(moodle(quiz), json_records(quiz))
    same_in_moodle(moodle(quiz, ordering=True), json_records(quiz), ordering=True)


@pytest.mark.parametrize("path", FACTBASES, ids=[p.stem for p in FACTBASES])
def test_moodle_raw_texts_hold_no_entity(path: Path) -> None:
    """No question name or matching answer of a content fact base holds `&amp;`, `&lt;`,
    `&#x27;` or any other entity (Moodle's edit form would show it as such)."""
    need_lxml()
    texts = moodle_raw_texts(moodle(every_question(path)))
    assert texts
    assert entity_problems(texts, where=path.stem) == []


def test_planted_escaped_moodle_name_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """HTML-escaping the names again (the old bug) puts entities where Moodle shows raw text."""
    need_lxml()
    import quizgen.renderers.moodle_xml as moodle_xml
    from quizgen.renderers.platform import html_text

    quiz = signs_quiz()
    texts = moodle_raw_texts(moodle(quiz))
    assert all(c in " ".join(texts) for c in "&<>'"), "no & < > ' in a Moodle name or answer"
    assert entity_problems(texts, where="signs") == []
    real = moodle_xml.question_name  # a name holds a matching's items (the signs' quotes)
    monkeypatch.setattr(moodle_xml, "question_name", lambda q: html_text(real(q)))  # the bug
    assert entity_problems(moodle_raw_texts(moodle(quiz)), where="x") != []


@pytest.mark.parametrize("path", FACTBASES, ids=[p.stem for p in FACTBASES])
def test_gift_names_and_matching_answers_hold_no_entity(path: Path) -> None:
    """GIFT's `::name::` and a matching's `-> answer` are plain text in Moodle: no content fact
    base's question writes `&amp;`, `&lt;` or `&#x27;` there (gift-pegjs reads them)."""
    need_gift()
    (data,) = get_renderer("gift")(every_question(path), options=OPTIONS).values()
    records = gift_records(data.decode("utf-8"))
    texts = [r["title"] for r in records] + [right for r in records for _, right in
                                             r.get("pairs", [])]
    assert entity_problems(texts, where=path.stem) == []


# ---- Kahoot and Blooket: orderings and time limits ---------------------------------------------


def _game_quizzes() -> list[Quiz]:
    return [shapes_quiz(), *(every_question(path) for path in CHECKED)]  # orderings too


@pytest.mark.parametrize("fmt", ["kahoot", "blooket"])
def test_game_orderings_ask_first_and_last_only_each_question_timed_once(fmt: str) -> None:
    """In Kahoot and Blooket an ordering is asked at most "first" and "last" (never a middle
    place, never a place the others force), and every row a question became has the same time
    limit."""
    need_frictionless()
    orderings = 0
    for quiz in _game_quizzes():
        (data,) = get_renderer(fmt)(quiz, options=OPTIONS).values()
        want = json_records(quiz)
        rows = same_in_game(fmt, data, want, speakers(quiz))
        times: dict[int, set[int | None]] = {}
        for n, items, time in rows:
            times.setdefault(n, set()).add(time)
            if "items" in want[n]:
                count = len(want[n]["items"])
                assert items <= ({0, count - 1} if count > 2 else {0}), (
                    f"{want[n]['id']} asks a place other than first and last: {items}")
        assert all(len(limits) == 1 for limits in times.values()), (
            f"time limits vary inside a question: {times}")
        orderings += sum("items" in want[n] for n in times)
    assert orderings >= 4, "too few orderings asked to check"


def test_planted_every_place_of_an_ordering_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """Asking every place of an ordering again (the last one forced by the others) fails."""
    need_frictionless()
    import quizgen.renderers.platform as platform

    asking = platform._which_choices

    def every_place(question: Ordering, *, max_options: int | None,
                    ends_only: bool) -> tuple[platform.Choice, ...]:
        return asking(question, max_options=None, ends_only=False)  # the bug

    monkeypatch.setattr(platform, "_which_choices", every_place)
    with pytest.raises(AssertionError, match="other than first and last"):
        test_game_orderings_ask_first_and_last_only_each_question_timed_once("kahoot")


def test_planted_time_limit_per_row_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """Timing each row by its own length again (limits varying inside one ordering) fails."""
    need_frictionless()
    import quizgen.renderers.blooket as blooket
    from quizgen.renderers.platform import seconds

    monkeypatch.setattr(blooket, "time_limits",
                        lambda choices, allowed: [seconds(c, allowed) for c in choices])
    with pytest.raises(AssertionError, match="vary inside a question"):
        test_game_orderings_ask_first_and_last_only_each_question_timed_once("blooket")


@pytest.mark.parametrize("fmt", ["kahoot", "blooket", "quizlet"])
def test_game_cells_hold_the_text_itself(fmt: str) -> None:
    """Kahoot, Blooket and Quizlet show every cell as typed: no content fact base's rows hold
    `&amp;`, `&lt;` or `&#x27;`, and the & < > ' " of a made-up base's sayings reach them as
    themselves."""
    need_frictionless()
    texts: list[str] = []
    for quiz in [*(every_question(path) for path in FACTBASES), signs_quiz()]:
        (data,) = get_renderer(fmt)(quiz, options=OPTIONS).values()
        rows = game_rows(fmt, data)
        texts += [text for prompt, shown, _, _ in rows for text in (prompt, *shown)]
    assert entity_problems(texts, where=fmt) == []
    joined = " ".join(texts)
    assert all(c in joined for c in "&<>'\""), [c for c in "&<>'\"" if c not in joined]


def test_planted_escaped_game_text_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """HTML-escaping the games' texts puts entities in the cells, which the check above finds."""
    import html

    import quizgen.renderers.platform as platform

    monkeypatch.setattr(platform, "clean", lambda text: html.escape(" ".join(text.split())))
    with pytest.raises(AssertionError, match="entity"):
        test_game_cells_hold_the_text_itself("blooket")


def test_cli_moodle_ordering_option(project: Path) -> None:
    """`quizgen export moodle` writes orderings as matchings; with --moodle-ordering it writes
    Moodle's Ordering type; `export moodle --help` offers the option."""
    from typer.testing import CliRunner

    from quizgen.cli import app

    runner = CliRunner()
    common = [str(DEV / "nsa-scandal.yaml"), "--kinds", "event-order", "--all",
              "--quiet"]  # content/'s events are one story's each: none ordered
    plain = runner.invoke(app, ["export", "moodle", *common, "--out", "plain.xml"])
    assert plain.exit_code == 0, plain.output
    ordered = runner.invoke(app, ["export", "moodle", *common, "--moodle-ordering",
                                  "--out", "ordered.xml"])
    assert ordered.exit_code == 0, ordered.output
    plain_xml, ordered_xml = Path("plain.xml").read_bytes(), Path("ordered.xml").read_bytes()
    assert b'type="ordering"' not in plain_xml and b'type="matching"' in plain_xml
    assert b'type="ordering"' in ordered_xml and b'type="matching"' not in ordered_xml
    shown = runner.invoke(app, ["export", "moodle", "--help"], terminal_width=200)
    assert "--moodle-ordering" in shown.output
