"""The printable worksheet and key: content, key vs oracle, fonts, escaping, layout, bytes."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import re
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pypdf
import pytest

from quizgen.errors import QuizgenError
from quizgen.model import Entity, Event, FactBase, Figure, PartialDate, Quote, Source
from quizgen.oracle import check_question, correct_options
from quizgen.questions import (
    Amount,
    Chronology,
    EntityRef,
    EventRef,
    FigureValue,
    Matching,
    MatchSpeakers,
    MultipleChoice,
    Option,
    Ordering,
    Question,
    Quiz,
    QuoteRef,
    SpeakerOf,
)
from quizgen.renderers.base import RenderOptions
from quizgen.renderers.worksheet import render
from quizgen.renderers.worksheet_styles import load_style
from quizgen.select import make_versions

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "content" / "venezuela-post-election.yaml"
SENTINEL = "quizgen-sentinel-image"
OPENED: list[str] = []


def _audit(event: str, args: tuple[object, ...]) -> None:
    """Record any attempt to open a file whose name carries the sentinel."""
    if event == "open" and args and SENTINEL in str(args[0]):
        OPENED.append(str(args[0]))


sys.addaudithook(_audit)


# ---- a small hand-made fact base and questions the oracle accepts ------------------------------


def make_base(*, names: Sequence[str] = ("Luis Almagro", "Nicolás Maduro",
                                          "María Corina Machado", "Edmundo González Urrutia"),
              quote_texts: Sequence[str] = (
                  "The president promised a bloodbath and is carrying it out.",
                  "Ms. Machado, you have blood on your hands.",
                  "73% of the votes"),
              title: str = "OAS Secretary General recommends his arrest") -> FactBase:
    """Four people, the CNE, three quotes, one figure and four dated events."""
    ids = ("almagro", "maduro", "machado", "gonzalez")
    entities = tuple(Entity(i, n, "role") for i, n in zip(ids, names, strict=True))
    return FactBase(
        id="demo",
        source=Source(title=title, about="Reactions to the election.", outlet="Example News"),
        entities=(*entities, Entity("cne", "the CNE", "electoral council", kind="organisation")),
        quotes=tuple(Quote(f"q{i}", text, (speaker,))
                     for i, (text, speaker) in enumerate(zip(quote_texts, ids, strict=False))),
        figures=(Figure("share", "share of the vote", Decimal("51.2"), "percent", ("cne",),
                        subject="maduro"),),
        events=(
            Event("power", "Maduro came to power", PartialDate(2013)),
            Event("vote", "Venezuela held a presidential election", PartialDate(2024, 7, 28)),
            Event("peru", "Venezuela cut diplomatic ties with Peru", PartialDate(2024, 7, 29)),
            Event("icc", "Almagro asked the ICC to charge Maduro", PartialDate(2024, 7, 31)),
        ),
    )


def make_questions(base: FactBase) -> tuple[Question, ...]:
    """One question of each of the four kinds, every one of them correct by the oracle."""
    people = base.entities[:4]
    names = [Option(e.name, EntityRef(e.id)) for e in people]
    quotes = base.quotes
    who = MultipleChoice(
        id="who", kind="who-said-it", factbase=base.id,
        prompt=f"Who said: “{quotes[0].text}”?", ask=SpeakerOf(quotes[0].id),
        options=tuple(names), answer=0, explanation=("He stated the bloodbath line.",))
    figure = MultipleChoice(
        id="fig", kind="figure-choice", factbase=base.id,
        prompt="According to the CNE, what share of the vote did Maduro get?",
        ask=FigureValue("share of the vote", "maduro", ("cne",)),
        options=tuple(Option(f"{v}%", Amount(Decimal(v), "percent", 1))
                      for v in ("44.2", "51.2", "67.0", "73.0")),
        answer=1, explanation=("securing 51.2% of the vote",))
    match = Matching(
        id="match", kind="quote-match", factbase=base.id, prompt="Match each quote to its speaker.",
        ask=MatchSpeakers(),
        left=tuple(Option(f"“{q.text}”", QuoteRef(q.id)) for q in quotes),
        right=(names[1], names[2], names[0]), answer=((0, 2), (1, 0), (2, 1)),
        explanation=("the three quotes",))
    order = Ordering(
        id="order", kind="event-order", factbase=base.id,
        prompt="Put these events in chronological order, earliest first.", ask=Chronology(),
        items=tuple(Option(e.description, EventRef(e.id)) for e in
                    (base.events[2], base.events[0], base.events[3], base.events[1])),
        answer=(1, 3, 0, 2), explanation=("since 2013",))
    return (figure, who, match, order)


def make_quiz(base: FactBase | None = None) -> Quiz:
    """A quiz of the four hand-made questions."""
    base = base or make_base()
    return Quiz(title="Venezuela after the vote", bases=(base,), questions=make_questions(base))


# ---- reading PDFs -------------------------------------------------------------------------------


def norm(text: str) -> str:
    """Whitespace runs collapsed to one space."""
    return " ".join(text.split())


def pages_of(pdf: bytes) -> list[str]:
    """The normalised text of each page."""
    return [norm(page.extract_text()) for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


FOOTER = re.compile(r"Version ([A-Z]+) · Page (\d+) of (\d+)")


def by_version(pages: Sequence[str]) -> dict[str, str]:
    """Text of all pages of each version, found through the page footers."""
    texts: dict[str, list[str]] = {}
    for page in pages:
        found = FOOTER.search(page)
        assert found, f"no version footer on a page: {page[-120:]!r}"
        texts.setdefault(found.group(1), []).append(page)
    return {label: " ".join(parts) for label, parts in texts.items()}


def letter(index: int) -> str:
    """A, B, C... (test-side, for at most 26)."""
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[index]


def expected_answer(question: Question, base: FactBase) -> str:
    """The key entry the oracle implies, formatted as the issue asks (letter, 1-C, box numbers)."""
    verdict = check_question(question, base)
    assert verdict.ok, verdict.problems
    (answer,) = correct_options(question, base)
    if isinstance(question, MultipleChoice):
        assert isinstance(answer, int)
        return letter(answer)
    assert isinstance(answer, tuple)
    if isinstance(question, Matching):
        pairs = [(int(i), int(j)) for i, j in answer]  # type: ignore[misc]
        return ", ".join(f"{i + 1}-{letter(j)}" for i, j in sorted(pairs))
    place = {item: position + 1 for position, item in enumerate(answer)}
    return ", ".join(f"{letter(i)}-{place[i]}" for i in range(len(place)))


def question_pattern(question: Question) -> re.Pattern[str]:
    """The question as printed: number, prompt, points, then each option after its label.

    MC options and speakers are lettered A, B, ...; matching quotes numbered 1., 2., ...;
    ordering events lettered. Matching on one page's text means the question is not split.
    """
    if isinstance(question, MultipleChoice):
        parts = [f"{letter(i)} {o.text}" for i, o in enumerate(question.options)]
    elif isinstance(question, Matching):
        parts = [f"{j + 1}. {o.text}" for j, o in enumerate(question.left)]
        parts += [f"{letter(i)} {o.text}" for i, o in enumerate(question.right)]
    else:
        parts = [f"{letter(i)} {o.text}" for i, o in enumerate(question.items)]
    body = " ".join(re.escape(norm(part)) for part in parts)
    prompt = re.escape(norm(question.prompt))
    return re.compile(rf"(?:^| )(\d+)\. {prompt} \d+ points? {body}(?: |$)")


def locate(pages: Sequence[str], version: str, question: Question) -> tuple[int, int]:
    """(page index, printed number) of the one place a version's question is printed whole."""
    pattern = question_pattern(question)
    hits = [(i, int(found.group(1))) for i, page in enumerate(pages)
            if (footer := FOOTER.search(page)) and footer.group(1) == version
            for found in pattern.finditer(page)]
    assert len(hits) == 1, (version, question.id, hits)
    return hits[0]


def options(**changes: object) -> RenderOptions:
    """Render options named "demo", with changes."""
    return replace(RenderOptions(name="demo"), **changes)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def three() -> dict[str, bytes]:
    """The hand-made quiz in three versions on A4, with explanations."""
    return render(make_quiz(), options=options(versions=3, seed=5, explain=True))


# ---- content and key ----------------------------------------------------------------------------


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
    """The sheet shows points per question and a total of 1+1+3 (matching pairs)+2 = 7."""
    sheet = by_version(pages_of(three["demo-worksheet.pdf"]))["A"]
    assert "/ 7 points" in sheet
    assert sheet.count("1 point") >= 2 and "3 points" in sheet and "2 points" in sheet


def test_each_version_starts_a_new_page_with_its_own_numbering(three: dict[str, bytes]) -> None:
    """Every page has "Version X · Page i of n"; each version's pages count 1..n by themselves."""
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
    plain = render(quiz, options=options(sheet=False))
    explained = render(quiz, options=options(sheet=False, explain=True))
    assert "securing 51.2% of the vote" not in " ".join(pages_of(plain["demo-answer-key.pdf"]))
    assert "securing 51.2% of the vote" in " ".join(pages_of(explained["demo-answer-key.pdf"]))


def test_title_and_instructions_overrides() -> None:
    """--title and --instructions replace the quiz title and the default instructions."""
    files = render(make_quiz(), options=options(title="Quiz Friday", instructions="No phones."))
    text = " ".join(pages_of(files["demo-worksheet.pdf"]))
    assert text.startswith("Quiz Friday") and "No phones." in text
    assert "Venezuela after the vote" not in text


# ---- files --------------------------------------------------------------------------------------


def test_file_names_for_each_option() -> None:
    """Default, no key, key only and split versions name exactly the expected files."""
    quiz = make_quiz()
    assert sorted(render(quiz, options=options())) == [
        "demo-answer-key.pdf", "demo-worksheet.pdf"]
    assert sorted(render(quiz, options=options(key=False))) == ["demo-worksheet.pdf"]
    assert sorted(render(quiz, options=options(sheet=False))) == ["demo-answer-key.pdf"]
    split = render(quiz, options=options(versions=2, split_versions=True))
    assert sorted(split) == ["demo-answer-key-A.pdf", "demo-answer-key-B.pdf",
                             "demo-worksheet-A.pdf", "demo-worksheet-B.pdf"]
    assert set(by_version(pages_of(split["demo-worksheet-B.pdf"]))) == {"B"}


@pytest.mark.parametrize(
    ("changes", "field"),
    [({"paper": "a3"}, "paper"), ({"key": False, "sheet": False}, "key"),
     ({"name": "../x"}, "name"), ({"versions": 0}, "versions"), ({"timestamp": -1}, "timestamp")],
)
def test_bad_options_raise_quizgen_error(changes: dict[str, object], field: str) -> None:
    """Bad render options raise QuizgenError naming the field, never a raw exception."""
    with pytest.raises(QuizgenError) as caught:
        render(make_quiz(), options=options(**changes))
    assert caught.value.problems[0].field == field


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
            fonts = page["/Resources"]["/Font"].get_object()  # type: ignore[index]
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
    files = render(make_quiz(base), options=options(explain=True))
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
    files = render(quiz, options=options(instructions=hostile, explain=True))
    assert OPENED == []
    text = " ".join(pages_of(files["demo-worksheet.pdf"]))
    assert f'<font color=red>red</font> & <img src="{image}"/> <b>bold' in text
    for needle in ("A &amp; B", "<para>x</para>", "]]> <!-- c -->", "two <br/> &lt;"):
        assert needle in text


# ---- layout -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("paper", "size"), [("a4", (595.28, 841.89)), ("letter", (612, 792))])
def test_page_size(paper: str, size: tuple[float, float]) -> None:
    """Every page of sheet and key has the requested paper size."""
    for pdf in render(make_quiz(), options=options(paper=paper, versions=2)).values():
        for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
            assert float(page.mediabox.width) == pytest.approx(size[0], abs=0.5)
            assert float(page.mediabox.height) == pytest.approx(size[1], abs=0.5)


def long_quiz() -> Quiz:
    """Enough long questions of every kind to need many page breaks."""
    base = make_base()
    filler = "and then the speaker went on at some length about the matter at hand " * 3
    questions: list[Question] = []
    for i in range(14):
        questions.append(MultipleChoice(
            id=f"mc{i}", kind="who-said-it", factbase=base.id,
            prompt=f"Question {i} asks who said this: “{filler}number {i}”?",
            ask=SpeakerOf("q0"), answer=0, explanation=(),
            options=tuple(Option(f"Option {i}-{j} {filler[: 40 * j]}end{i}{j}", EntityRef("x"))
                          for j in range(4))))
    for i in range(4):
        questions.append(Matching(
            id=f"m{i}", kind="quote-match", factbase=base.id, prompt=f"Match set {i}.",
            ask=MatchSpeakers(), explanation=(),
            left=tuple(Option(f"“Quote {i}-{j} {filler}”", QuoteRef("q0")) for j in range(4)),
            right=tuple(Option(f"Speaker {i}-{j}", EntityRef("x")) for j in range(4)),
            answer=tuple((j, 3 - j) for j in range(4))))
        questions.append(Ordering(
            id=f"o{i}", kind="event-order", factbase=base.id, prompt=f"Order set {i}.",
            ask=Chronology(), explanation=(), answer=(2, 0, 1, 3),
            items=tuple(Option(f"Event {i}-{j} {filler[:90]}", EventRef("e")) for j in range(4))))
    return Quiz(title="Long", bases=(base,), questions=tuple(questions))


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_no_question_is_split_across_pages(paper: str) -> None:
    """Each question's prompt and all its options are printed on one page, at both paper sizes."""
    quiz = long_quiz()
    files = render(quiz, options=options(paper=paper, versions=2, key=False))
    pages = pages_of(files["demo-worksheet.pdf"])
    assert len(pages) >= 6
    for version in make_versions(quiz, count=2, seed=0):
        for question in version.questions:
            locate(pages, version.version, question)  # whole, in order, on exactly one page


def test_section_heading_never_alone_at_page_foot() -> None:
    """Each section heading shares its page with the first question of that section."""
    quiz = long_quiz()
    pages = pages_of(render(quiz, options=options(key=False))["demo-worksheet.pdf"])
    style = load_style()
    for kind, first_prompt in (("quote-match", "Match set 0."), ("event-order", "Order set 0.")):
        heading = style.kinds[kind].title
        spots = [i for i, page in enumerate(pages) if heading in page]
        assert spots and all(first_prompt in pages[i] for i in spots[:1]), kind


# ---- determinism --------------------------------------------------------------------------------


def digest(files: dict[str, bytes]) -> dict[str, str]:
    """SHA-256 of each file."""
    return {name: hashlib.sha256(data).hexdigest() for name, data in sorted(files.items())}


def test_same_inputs_give_identical_bytes() -> None:
    """Rendering twice in one process gives byte-identical PDFs."""
    first = render(make_quiz(), options=options(versions=3, seed=2))
    second = render(make_quiz(), options=options(versions=3, seed=2))
    assert first == second


def test_identical_bytes_across_processes_and_environments() -> None:
    """Fresh processes with other hash seeds and a SOURCE_DATE_EPOCH give the same bytes."""
    here = digest(render(make_quiz(), options=options(versions=3, seed=2)))
    code = (
        "import json, sys; sys.path.insert(0, sys.argv[1]); import test_worksheet as t; "
        "print(json.dumps(t.digest(t.render(t.make_quiz(), "
        "options=t.options(versions=3, seed=2)))))"
    )
    for env in ({"PYTHONHASHSEED": "1"}, {"PYTHONHASHSEED": "4242", "SOURCE_DATE_EPOCH": "1"}):
        full = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"} | env
        out = subprocess.run([sys.executable, "-c", code, str(Path(__file__).parent)],
                             env=full, capture_output=True, text=True, timeout=240, check=True)
        assert json.loads(out.stdout) == here, env


def test_timestamp_sets_the_pdf_dates() -> None:
    """The PDF creation and modification dates come from options.timestamp, in UTC."""
    stamp = 1_700_000_000
    files = render(make_quiz(), options=options(timestamp=stamp))
    meta = pypdf.PdfReader(io.BytesIO(files["demo-worksheet.pdf"])).metadata
    assert meta is not None
    when = dt.datetime.fromtimestamp(stamp, dt.timezone.utc).strftime("D:%Y%m%d%H%M%S")
    assert str(meta["/CreationDate"]).startswith(when)
    assert str(meta["/ModDate"]).startswith(when)
    assert files != render(make_quiz(), options=options(timestamp=stamp + 1))


# ---- the style file -----------------------------------------------------------------------------


def test_bundled_style_loads() -> None:
    """The bundled style has legible sizes and a heading for every question type."""
    style = load_style()
    assert style.sizes.option >= 9 and style.sizes.question >= 9 and style.sizes.footer >= 7
    assert set(style.types) >= {"multiple_choice", "matching", "ordering"}


def test_bad_style_file_names_every_problem(tmp_path: Path) -> None:
    """A style file with an unknown key, a bad number and a duplicate key is refused with fields."""
    text = (ROOT / "quizgen" / "templates" / "worksheet" / "style.yaml").read_text("utf-8")
    bad = tmp_path / "style.yaml"
    bad.write_text(text.replace("  title: 18\n", "  title: big\n  titel: 18\n"), "utf-8")
    with pytest.raises(QuizgenError) as caught:
        load_style(bad)
    fields = {p.field for p in caught.value.problems}
    assert {"sizes.title", "sizes.titel"} <= fields
    bad.write_text(text + "\nsizes: {}\n", "utf-8")
    with pytest.raises(QuizgenError) as dup:
        load_style(bad)
    assert "duplicate" in str(dup.value)


# ---- the bundled article ------------------------------------------------------------------------


@pytest.mark.skipif(not ARTICLE.exists(), reason="the bundled fact base is not there yet")
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_bundled_article_in_three_versions(paper: str) -> None:
    """The real article: every question whole on one page, the key equal to the oracle."""
    from quizgen.loader import load_factbase
    from quizgen.select import build_quiz

    base = load_factbase(ARTICLE)
    quiz = build_quiz(base, seed=11)
    files = render(quiz, options=options(versions=3, seed=11, paper=paper))
    pages = pages_of(files["demo-worksheet.pdf"])
    keys = by_version(pages_of(files["demo-answer-key.pdf"]))
    for version in make_versions(quiz, count=3, seed=11):
        for question in version.questions:
            _, number = locate(pages, version.version, question)
            answer = re.escape(expected_answer(question, base))
            assert re.search(rf"(?:^| ){number}\. {answer}(?: |$)", keys[version.version])
