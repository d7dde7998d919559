"""The printable worksheet and key: content, key vs oracle, files, fonts and escaping."""

from __future__ import annotations

import io
import re
import sys
from dataclasses import replace
from pathlib import Path

import pypdf
import pytest
from worksheet_support import (
    FOOTER,
    by_version,
    expected_answer,
    locate,
    make_base,
    make_questions,
    make_quiz,
    options,
    pages_of,
    render,
)

from quizgen.errors import QuizgenError
from quizgen.oracle import check_question
from quizgen.quiz.questions import MultipleChoice
from quizgen.quiz.select import make_versions

SENTINEL = "quizgen-sentinel-image"
OPENED: list[str] = []


def _audit(event: str, args: tuple[object, ...]) -> None:
    """Record any attempt to open a file whose name carries the sentinel."""
    if event == "open" and args and SENTINEL in str(args[0]):
        OPENED.append(str(args[0]))


sys.addaudithook(_audit)


# ---- content and key ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def three() -> dict[str, bytes]:
    """The hand-made quiz in three versions on A4, with explanations."""
    return render(make_quiz(), options=options(versions=3, seed=5, extra={"explain": True}))


def test_hand_made_questions_are_sound() -> None:
    """The fixture's questions are all accepted by the oracle, so the key checks mean something."""
    base = make_base()
    for question in make_questions(base):
        assert check_question(question, base).ok, question.id


def test_every_prompt_and_option_of_each_version_appears(three: dict[str, bytes]) -> None:
    """Each version's pages show every prompt and labelled option of that version's questions."""
    pages = pages_of(three["demo-worksheet.pdf"])
    assert sorted(by_version(pages)) == ["A", "B", "C"]
    for version in make_versions(make_quiz(), count=3, seed=5):
        for question in version.questions:
            locate(pages, version.version, question)


def test_key_answers_equal_the_oracle_for_each_version(three: dict[str, bytes]) -> None:
    """The key gives, per version and question number, the oracle's answer for that order."""
    quiz = make_quiz()
    base = quiz.bases[0]
    pages = pages_of(three["demo-worksheet.pdf"])
    keys = by_version(pages_of(three["demo-answer-key.pdf"]))
    seen: dict[str, set[str]] = {}
    for version in make_versions(quiz, count=3, seed=5):
        for question in version.questions:
            _, number = locate(pages, version.version, question)
            answer = expected_answer(question, base)
            seen.setdefault(question.id, set()).add(answer)
            pattern = rf"(?:^| ){number}\. {re.escape(answer)}(?: |$)"
            assert re.search(pattern, keys[version.version]), (version.version, number, answer)
    assert any(len(answers) > 1 for answers in seen.values()), "versions should differ in keys"


def test_numbers_run_continuously_across_sections(three: dict[str, bytes]) -> None:
    """Questions are numbered 1..n with no gap or repeat across the sections of a version."""
    pages = pages_of(three["demo-worksheet.pdf"])
    for version in make_versions(make_quiz(), count=3, seed=5):
        numbers = sorted(locate(pages, version.version, q)[1] for q in version.questions)
        assert numbers == list(range(1, len(version.questions) + 1))


def test_points_per_question_and_total_are_shown(three: dict[str, bytes]) -> None:
    """The sheet shows points per question and a total of 1+1+2 (matching)+2 (ordering) = 6."""
    sheet = by_version(pages_of(three["demo-worksheet.pdf"]))["A"]
    assert "/ 6 points" in sheet
    assert sheet.count("1 point") >= 2 and "2 points" in sheet


def test_each_version_starts_a_new_page_with_its_own_numbering(three: dict[str, bytes]) -> None:
    """Every page has "Version X · code C · Page i of n"; each version counts its own pages."""
    for name in ("demo-worksheet.pdf", "demo-answer-key.pdf"):
        footers = [FOOTER.search(page) for page in pages_of(three[name])]
        runs: dict[str, list[tuple[int, int]]] = {}
        for found in footers:
            assert found is not None
            runs.setdefault(found.group(1), []).append((int(found.group(2)), int(found.group(3))))
        assert sorted(runs) == ["A", "B", "C"]
        for pages in runs.values():
            assert pages == [(i + 1, len(pages)) for i in range(len(pages))]


def test_header_has_title_source_and_name_class_date(three: dict[str, bytes]) -> None:
    """The first page of each version carries the title, the article title and Name/Class/Date."""
    for label, text in by_version(pages_of(three["demo-worksheet.pdf"])).items():
        assert text.startswith("Venezuela after the vote"), label
        assert "OAS Secretary General recommends his arrest" in text
        for field in ("Name:", "Class:", "Date:"):
            assert field in text


def test_explanations_only_with_explain() -> None:
    """Source excerpts appear in the key with explain and not without."""
    quiz = make_quiz()
    plain = render(quiz, options=options(extra={"key_only": True}))
    explained = render(quiz, options=options(extra={"key_only": True, "explain": True}))
    assert "securing 51.2% of the vote" not in " ".join(pages_of(plain["demo-answer-key.pdf"]))
    assert "securing 51.2% of the vote" in " ".join(pages_of(explained["demo-answer-key.pdf"]))


def test_title_and_instructions_overrides() -> None:
    """--title and --instructions replace the quiz title and the default instructions."""
    files = render(make_quiz(),
                   options=options(title="Quiz Friday", extra={"instructions": "No phones."}))
    text = " ".join(pages_of(files["demo-worksheet.pdf"]))
    assert text.startswith("Quiz Friday") and "No phones." in text
    assert "Venezuela after the vote" not in text


# ---- files --------------------------------------------------------------------------------------


def test_file_names_for_each_option() -> None:
    """Default, no key, key only and split versions name exactly the expected files."""
    quiz = make_quiz()
    assert sorted(render(quiz, options=options())) == [
        "demo-answer-key.pdf", "demo-worksheet.pdf"]
    assert sorted(render(quiz, options=options(extra={"no_key": True}))) == ["demo-worksheet.pdf"]
    key_only = options(extra={"key_only": True})
    assert sorted(render(quiz, options=key_only)) == ["demo-answer-key.pdf"]
    split = render(quiz, options=options(versions=2, extra={"split_versions": True}))
    assert sorted(split) == ["demo-answer-key-A.pdf", "demo-answer-key-B.pdf",
                             "demo-worksheet-A.pdf", "demo-worksheet-B.pdf"]
    assert set(by_version(pages_of(split["demo-worksheet-B.pdf"]))) == {"B"}


@pytest.mark.parametrize(
    ("changes", "field"),
    [({"extra": {"paper": "a3"}}, "paper"), ({"extra": {"no_key": True, "key_only": True}}, "key"),
     ({"name": "../x"}, "name"), ({"versions": 0}, "versions"), ({"timestamp": -1}, "timestamp"),
     ({"extra": {"explain": "yes"}}, "explain"), ({"extra": {"instructions": 3}}, "instructions")],
)
def test_bad_options_raise_quizgen_error(changes: dict[str, object], field: str) -> None:
    """Bad render options raise QuizgenError naming the field, never a raw exception."""
    with pytest.raises(QuizgenError) as caught:
        render(make_quiz(), options=options(**changes))
    assert caught.value.problems[0].field == field


def test_a_bad_worksheet_option_quotes_the_value_and_what_was_expected() -> None:
    """A worksheet value of the wrong choice or type is refused quoting it and what would do."""
    for extra, found, expected in (({"paper": "A3"}, "'A3'", "'a4' or 'letter'"),
                                   ({"no_pad": "no"}, "'no'", "True or False")):
        with pytest.raises(QuizgenError) as caught:
            render(make_quiz(), options=options(extra=extra))
        problem = caught.value.problems[0]
        assert (problem.field, problem.found, problem.expected) == (*extra, found, expected)


def test_worksheet_options_default_to_the_command_line_defaults() -> None:
    """With no values given, the worksheet's options are its dataclass defaults."""
    from quizgen.renderers.worksheet.options import WorksheetOptions, worksheet_options

    assert worksheet_options(options()) == WorksheetOptions()


def test_empty_or_malformed_quiz_raises_quizgen_error() -> None:
    """A quiz without questions, or with an answer outside its options, is refused cleanly."""
    quiz = make_quiz()
    with pytest.raises(QuizgenError):
        render(replace(quiz, questions=()), options=options())
    first = quiz.questions[0]
    assert isinstance(first, MultipleChoice)
    broken = replace(first, answer=9)
    with pytest.raises(QuizgenError) as caught:
        render(replace(quiz, questions=(broken,)), options=options())
    assert "questions[0]" in str(caught.value)


# ---- fonts, text and escaping -------------------------------------------------------------------


def test_only_embedded_bundled_fonts() -> None:
    """Every font of every page is an embedded (FontFile2) DejaVu subset; no base-14 font."""
    files = render(make_quiz(), options=options())
    for pdf in files.values():
        for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
            fonts = page["/Resources"]["/Font"].get_object()  # type: ignore[index]  # pypdf page objects are untyped
            assert fonts
            for font in fonts.values():
                font = font.get_object()
                assert "DejaVuSans" in str(font["/BaseFont"])
                assert "/FontFile2" in font["/FontDescriptor"].get_object()


def test_unicode_round_trips() -> None:
    """Cyrillic, Spanish, German and Greek letters, curly quotes and dashes extract unchanged."""
    names = ("Жанна Петрова", "Begoña Núñez", "Jürgen Müller", "Αλέξης Παππάς")
    quotes = ("Мы победим — “всегда”.", "¡Señor, sí! — dijo.", "Über alles—schön")
    base = make_base(names=names, quote_texts=quotes, title="Ελλάδα — “Новости”")
    files = render(make_quiz(base), options=options(extra={"explain": True}))
    text = " ".join(pages_of(files["demo-worksheet.pdf"]))
    for needle in (*names, *quotes, "Ελλάδα — “Новости”"):
        assert needle in text
    assert "\ufffd" not in text


def test_hostile_markup_prints_literally_and_reads_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Markup in fact-base text, title and instructions is printed as text; no image is opened."""
    monkeypatch.chdir(tmp_path)
    image = f"{SENTINEL}.png"
    (tmp_path / image).write_bytes(b"not an image")
    hostile = f'<font color=red>red</font> & <img src="{image}"/> <b>bold'
    names = (hostile, "A &amp; B", "<para>x</para>", "]]> <!-- c -->")
    base = make_base(names=names, quote_texts=(hostile + " one", "two <br/> &lt;", "three\x07"))
    quiz = replace(make_quiz(base), title=hostile)
    OPENED.clear()
    files = render(quiz, options=options(extra={"instructions": hostile, "explain": True}))
    assert OPENED == []
    text = " ".join(pages_of(files["demo-worksheet.pdf"]))
    assert f'<font color=red>red</font> & <img src="{image}"/> <b>bold' in text
    for needle in ("A &amp; B", "<para>x</para>", "]]> <!-- c -->", "two <br/> &lt;"):
        assert needle in text
