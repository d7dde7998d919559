"""Platform formats (GIFT, Moodle XML, Canvas QTI, Kahoot, Quizlet, Blooket) by their parsers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from platform_check import (
    blooket_table,
    gift_problems,
    gift_records,
    kahoot_table,
    moodle_problems,
    moodle_records,
    need_frictionless,
    need_gift,
    need_lxml,
    need_qti,
    qti_problems,
    qti_records,
    quizlet_table,
)
from platform_quizzes import (
    FACTBASES,
    FORMATS,
    OPTIONS,
    content_quiz,
    json_records,
    norm,
    one_file,
    rendered,
    shapes_quiz,
    speakers,
)

from quizgen.questions import Quiz
from quizgen.renderers import RENDERERS, get_renderer

ORDINALS = ["1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th"]
IDS = [path.stem for path in FACTBASES]


def problems(fmt: str, data: bytes) -> list[str]:
    """The validator of the format, run on one exported file."""
    if fmt == "gift":
        need_gift()
        return gift_problems(data.decode("utf-8"))
    if fmt == "moodle":
        need_lxml()
        return moodle_problems(data)
    if fmt == "qti":
        need_qti()
        return qti_problems(data)
    need_frictionless()
    table = {"kahoot": kahoot_table, "blooket": blooket_table, "quizlet": quizlet_table}[fmt]
    return table(data)[0]


def test_a_missing_validator_fails_on_ci_and_skips_locally(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """With CI=true a missing validator fails the test; without, the test skips, saying why."""
    from platform_check import need

    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="on CI every validator must run"):
        need("a validator", False, "install it")
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception, match="a validator is not installed: install it"):
        need("a validator", False, "install it")
    need("a validator", True, "install it")


def test_every_platform_format_is_registered() -> None:
    """Each platform format is one registry entry whose renderer makes one named file."""
    assert set(FORMATS) <= set(RENDERERS)
    names = {fmt: sorted(get_renderer(fmt)(shapes_quiz(), options=OPTIONS)) for fmt in FORMATS}
    assert names == {"gift": ["quiz-gift.txt"], "moodle": ["quiz-moodle.xml"],
                     "qti": ["quiz-canvas-qti.zip"], "kahoot": ["quiz-kahoot.xlsx"],
                     "quizlet": ["quiz-quizlet.txt"], "blooket": ["quiz-blooket.csv"]}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("path", FACTBASES, ids=IDS)
def test_export_of_every_content_factbase_passes_its_validator(path: Path, fmt: str) -> None:
    """Every question of every bundled fact base exports with 0 validator problems."""
    assert content_quiz(path).questions, f"{path.name} makes no questions"
    assert problems(fmt, rendered(path, fmt)) == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_hostile_text_and_every_shape_pass_the_validator(fmt: str) -> None:
    """Markup and every format's special characters in all texts, an unknown multiple-choice
    ask, six options, a speaker used twice and an ordering still give a valid file."""
    assert problems(fmt, one_file(shapes_quiz(), fmt)) == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_rebuild_is_byte_identical(fmt: str) -> None:
    """The same quiz and options give the same bytes; a new quiz object changes nothing."""
    assert one_file(shapes_quiz(), fmt) == one_file(shapes_quiz(), fmt)
    if FACTBASES:
        path = FACTBASES[0]
        assert rendered(path, fmt) == one_file(content_quiz(path), fmt)


def test_rebuild_in_another_process_is_byte_identical() -> None:
    """Another interpreter with another hash seed writes the same bytes for every format."""
    import hashlib
    import subprocess
    import sys

    script = ("import hashlib, sys; sys.path.insert(0, 'tests')\n"
              "from platform_quizzes import FORMATS, one_file, shapes_quiz\n"
              "for fmt in FORMATS: print(hashlib.sha256(one_file(shapes_quiz(), fmt)).hexdigest())")
    root = Path(__file__).resolve().parent.parent
    run = subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True,
                         text=True, check=True, env={"PYTHONHASHSEED": "12345", "PATH": ""})
    here = [hashlib.sha256(one_file(shapes_quiz(), fmt)).hexdigest() for fmt in FORMATS]
    assert run.stdout.split() == here


# ---- Same questions, same variant ------------------------------------------------------------


def _pairs(record: dict[str, Any]) -> list[tuple[str, str]]:
    """A JSON matching or ordering as (left, right) pairs, an ordering matched to positions."""
    if "items" in record:
        place = {item: rank for rank, item in enumerate(record["answer"])}
        return [(norm(text), ORDINALS[place[i]]) for i, text in enumerate(record["items"])]
    pairs = [(norm(record["left"][i]), norm(record["right"][j])) for i, j in record["answer"]]
    used = {j for _, j in record["answer"]}
    return pairs + [("", norm(t)) for j, t in enumerate(record["right"]) if j not in used]


def _quizzes() -> list[Quiz]:
    return [shapes_quiz(), *(content_quiz(path) for path in FACTBASES)]


def test_gift_carries_the_same_questions_and_variant() -> None:
    """gift-pegjs reads back every question: id, prompt, options in order and the answer."""
    need_gift()
    for quiz in _quizzes():
        got = gift_records(one_file(quiz, "gift").decode("utf-8"))
        want = json_records(quiz)
        assert [g["id"] for g in got] == [w["id"] for w in want]
        for g, w in zip(got, want, strict=True):
            assert g["tags"] == [w["kind"], *w["tags"]]
            if "options" in w:
                assert (g["prompt"], g["options"], g["answer"]) == (
                    norm(w["prompt"]), [norm(o) for o in w["options"]], w["answer"])
            else:
                assert g["prompt"].startswith(norm(w["prompt"]))
                assert g["pairs"] == _pairs(w)


def test_moodle_carries_the_same_questions_and_variant() -> None:
    """Moodle XML holds every question: multichoice in order, matching pairs, ordering order."""
    need_lxml()
    for quiz in _quizzes():
        got = moodle_records(one_file(quiz, "moodle"))
        want = json_records(quiz)
        assert [g["id"] for g in got] == [w["id"] for w in want]
        for g, w in zip(got, want, strict=True):
            assert g["prompt"] == norm(w["prompt"])
            assert g["tags"][:2] == [w["kind"], w["factbase"]]
            if "options" in w:
                assert (g["type"], g["options"], g["answer"]) == (
                    "multichoice", [norm(o) for o in w["options"]], w["answer"])
            elif "left" in w:
                assert (g["type"], g["pairs"]) == ("matching", _pairs(w))
            else:
                assert (g["type"], g["order"]) == (
                    "ordering", [norm(w["items"][i]) for i in w["answer"]])


def test_qti_carries_the_same_questions_and_variant() -> None:
    """Each QTI item is its question: choices and the scored one, or the scored pairs."""
    need_qti()
    for quiz in _quizzes():
        got = qti_records(one_file(quiz, "qti"))
        want = json_records(quiz)
        assert [g["id"] for g in got] == [w["id"] for w in want]
        for g, w in zip(got, want, strict=True):
            if "options" in w:
                assert (g["type"], g["prompt"], g["options"], g["answer"]) == (
                    "multiple_choice_question", norm(w["prompt"]),
                    [norm(o) for o in w["options"]], w["answer"])
            else:
                assert g["type"] == "matching_question"
                assert g["prompt"].startswith(norm(w["prompt"]))
                assert g["pairs"] == [p for p in _pairs(w) if p[0]]


def _agrees(short: str, full: str) -> bool:
    """Whether `short` is `full`, or `full` shortened with … (every piece in order)."""
    if short == full:
        return True
    at = 0
    for piece in short.split("…"):
        at = full.find(piece.rstrip(" ,;:.-–—"), at)
        if at < 0:
            return False
    return "…" in short


def _game_rows(fmt: str, data: bytes) -> list[tuple[str, list[str], int]]:
    """Each row of a quiz-game file as (prompt, options shown, correct index)."""
    table = {"kahoot": kahoot_table, "blooket": blooket_table, "quizlet": quizlet_table}[fmt]
    found, rows = table(data)
    assert found == []
    if fmt == "quizlet":
        return [(term, [definition], 0) for term, definition in rows]
    return [(row[1], [a for a in row[2:6] if a], row[7] - 1) for row in rows]


def _asks(fmt: str, row: tuple[str, list[str], int], record: dict[str, Any],
          said: dict[str, set[str]]) -> set[int]:
    """Which items of the JSON question the row asks with that item's answer (a multiple
    choice has item 0, a matching one per quote, an ordering one per place); fails when
    another option shown is right too."""
    prompt, shown, answer = row
    if "options" in record:
        options = [norm(o) for o in record["options"]]
        if not (_agrees(prompt, norm(record["prompt"]))
                and _agrees(shown[answer], options[record["answer"]])):
            return set()
        if fmt != "quizlet":  # the options kept are the question's, in its order
            at = 0
            for text in shown:
                at = next(n for n in range(at, len(options)) if _agrees(text, options[n])) + 1
        return {0}
    if "left" in record:
        found = set()
        for i, j in record["answer"]:
            quote = norm(record["left"][i])
            if (prompt.startswith("Who said: ") and _agrees(prompt[10:-1], quote)
                    and _agrees(shown[answer], norm(record["right"][j]))):
                others = [t for n, t in enumerate(shown) if n != answer
                          and any(_agrees(t, name) for name in said.get(quote, ()))]
                assert others == [], f"{prompt}: {others} also said it"
                found.add(i)
        return found
    items = [norm(t) for t in record["items"]]
    ranked = [items[k] for k in record["answer"]]
    if "which came " not in prompt or not all(
            any(_agrees(t, item) for item in items) for t in shown):
        return set()
    if fmt == "quizlet" and not all(item in prompt for item in items):
        return set()
    word = prompt.split("which came ")[1].split()[0].strip(",?")
    ranks = {"first": 0, "last": len(items) - 1}
    rank = ranks[word] if word in ranks else ORDINALS.index(word)
    return {rank} if rank < len(items) and _agrees(shown[answer], ranked[rank]) else set()


@pytest.mark.parametrize("fmt", ["kahoot", "blooket", "quizlet"])
def test_quiz_games_carry_the_same_questions(fmt: str) -> None:
    """Every row asks a question of the quiz with its answer and no other right option shown (a
    split quote checked against the fact base's speakers), in quiz order; every multiple choice
    and every quote is asked, every ordering at least first and last; Kahoot's shortened
    texts are the originals cut with …."""
    need_frictionless()
    for quiz in _quizzes():
        _check_game(fmt, quiz)


def _check_game(fmt: str, quiz: Quiz) -> None:
    """The checks of test_quiz_games_carry_the_same_questions, for one quiz."""
    want = json_records(quiz)
    said = speakers(quiz)
    covered: dict[int, set[int]] = {n: set() for n in range(len(want))}
    at = 0  # rows follow the quiz: each asks a question at or after the previous row's
    for row in _game_rows(fmt, one_file(quiz, fmt)):
        hits = {n: items for n, r in enumerate(want) if (items := _asks(fmt, row, r, said))}
        assert hits, f"row {row} asks no question of the quiz"
        later = [n for n in sorted(hits) if n >= at]
        assert later, f"row {row} comes after question {at} but asks only {sorted(hits)}"
        at = later[0]
        for n, items in hits.items():
            covered[n] |= items
    for n, record in enumerate(want):
        if "options" in record:
            assert covered[n] == {0}, record["prompt"]
        elif "left" in record:
            assert covered[n] == set(range(len(record["left"]))), record["left"]
        else:
            assert {0, len(record["items"]) - 1} <= covered[n], record["items"]


# ---- Planted faults: the same validators catch them ------------------------------------------


def test_planted_split_quote_with_two_right_speakers_is_caught(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Splitting a matching without asking the oracle leaves a second speaker of a quote among
    its options (quote q3 has two); the quiz-game check finds it."""
    need_frictionless()
    import quizgen.oracle

    _check_game("kahoot", shapes_quiz())
    monkeypatch.setattr(quizgen.oracle, "correct_options", lambda q, base: (q.answer,))
    with pytest.raises(AssertionError, match="also said it"):
        _check_game("kahoot", shapes_quiz())


def test_planted_unescaped_brace_is_caught_by_gift_pegjs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A GIFT renderer that forgets to escape braces makes a file gift-pegjs refuses."""
    need_gift()
    import quizgen.renderers.gift as gift
    from quizgen.renderers.platform import html_text

    assert gift_problems(one_file(shapes_quiz("a {brace}"), "gift").decode()) == []
    monkeypatch.setattr(gift, "escape", html_text)  # the bug: no backslash escapes
    assert gift_problems(one_file(shapes_quiz("a {brace}"), "gift").decode()) != []


def test_planted_wrong_ident_is_caught_by_the_qti_check() -> None:
    """A manifest naming another assessment, or a condition naming no label, is reported."""
    need_qti()
    import io
    import zipfile

    data = one_file(shapes_quiz(), "qti")
    files = {n: zipfile.ZipFile(io.BytesIO(data)).read(n)
             for n in zipfile.ZipFile(io.BytesIO(data)).namelist()}
    ident = next(n for n in files if n != "imsmanifest.xml").split("/")[0]

    def rezip(changed: dict[str, bytes]) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            for name, content in {**files, **changed}.items():
                archive.writestr(name, content)
        return buffer.getvalue()

    test = f"{ident}/{ident}.xml"
    wrong_test = files[test].replace(f'ident="{ident}"'.encode(), b'ident="g0"', 1)
    assert any("assessment's ident" in p for p in qti_problems(rezip({test: wrong_test})))
    wrong_label = files[test].replace(b">a3</varequal>", b">a9</varequal>", 1)
    assert wrong_label != files[test]
    assert any("names no response label" in p for p in qti_problems(rezip({test: wrong_label})))
    not_dtd = files[test].replace(b"<presentation>", b"<presentation><bogus/>", 1)
    assert any(p.startswith("DTD") for p in qti_problems(rezip({test: not_dtd})))


def test_planted_overlong_kahoot_answer_is_caught_by_frictionless(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A Kahoot renderer that forgets the 75-character limit makes a sheet frictionless refuses."""
    need_frictionless()
    import quizgen.renderers.kahoot as kahoot
    from quizgen.renderers.platform import Limits

    assert kahoot_table(one_file(shapes_quiz(), "kahoot"))[0] == []
    monkeypatch.setattr(kahoot, "LIMITS", Limits(options=4, prompt_chars=120))  # the bug
    found = kahoot_table(one_file(shapes_quiz(), "kahoot"))[0]
    assert found and all("constraint-error" in p and "maxLength" in p for p in found), found


def test_planted_faults_in_moodle_and_game_files_are_caught() -> None:
    """Broken XML, a lost selecttype, a bad Blooket answer number and a stray tab are reported."""
    need_lxml()
    need_frictionless()
    moodle = one_file(shapes_quiz(), "moodle")
    assert moodle_problems(moodle.replace(b"</quiz>", b"")) != []
    assert any("selecttype" in p
               for p in moodle_problems(moodle.replace(b">ALL<", b">RANDOM<")))
    assert any("markup" in p for p in moodle_problems(moodle.replace(b"&amp;lt;b&amp;gt;",
                                                                     b"&lt;b&gt;", 1)))
    blooket = one_file(shapes_quiz(), "blooket").decode().split("\r\n")
    blooket[2] = blooket[2].rsplit(",", 1)[0] + ",7"
    assert blooket_table("\r\n".join(blooket).encode())[0] != []
    quizlet = one_file(shapes_quiz(), "quizlet").replace(b"\t", b"\t\t", 1)
    assert quizlet_table(quizlet)[0] != []
