"""The reading sheet: the article with numbered paragraphs and lines, and citations that agree."""

from __future__ import annotations

import functools
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdf
import pytest
from conftest import loaded

from quizgen.article.text import paragraphs
from quizgen.errors import QuizgenError
from quizgen.factbase.loader import load_factbase
from quizgen.quiz.questions import Quiz
from quizgen.quiz.select import build_quiz
from quizgen.renderers import html_quiz, json_out, worksheet
from quizgen.renderers.base import RenderOptions
from quizgen.renderers.worksheet.plan import plan
from quizgen.renderers.worksheet.styles import load_style

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ("barack-obama", "rwanda", "coal-to-challenge-oil")
CITATION = re.compile(r"¶(\d+), lines? (\d+)(?:–(\d+))?")


@dataclass
class Row:
    """One printed line of the article: margin number (if any), paragraph label (if any), text."""

    number: int | None
    label: int | None
    text: str


def norm(text: str) -> str:
    """Whitespace runs collapsed to one space."""
    return " ".join(text.split())


def article_rows(pdf: bytes) -> list[Row]:
    """The article's printed lines, read by position from the pages whose footer says Article."""
    rows: list[Row] = []
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        bits: list[tuple[float, float, str]] = []

        def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
            if text.strip():
                bits.append((cm[4] + tm[4], round(cm[5] + tm[5], 1), text.strip()))  # noqa: B023

        if "· Article · Page" not in page.extract_text(visitor_text=visit):  # read once
            continue
        labels = [(x, y) for x, y, t in bits if re.fullmatch(r"¶\d+", t)]
        if not labels:
            continue
        label_x = labels[0][0]
        text_x = min(x for x, y, t in bits if x > label_x + 1 and y == labels[0][1])
        by_y: dict[float, Row] = {}
        for x, y, text in bits:
            row = by_y.setdefault(y, Row(None, None, ""))
            if abs(x - text_x) < 1:
                row.text = text
            elif abs(x - label_x) < 1:
                row.label = int(text[1:])
            elif x < label_x and text.isdigit():
                row.number = int(text)
        rows += [by_y[y] for y in sorted(by_y, reverse=True) if by_y[y].text]
    return rows


@functools.cache
def quiz_of(name: str) -> Quiz:
    """The class-length quiz of a corpus article, seed 1 (built once per test process)."""
    return build_quiz([loaded(ROOT / "tests" / "corpus" / "dev" / f"{name}.yaml")], seed=1)


def sheet(quiz: Quiz, **extra: bool) -> dict[str, bytes]:
    """The worksheet and key PDFs of a quiz with the given reading options."""
    return worksheet.render(quiz, options=RenderOptions(name="r", extra=extra))


@functools.cache
def cited_sheet(name: str) -> dict[str, bytes]:
    """sheet(quiz_of(name), with_article=True, cite=True), rendered once per test process."""
    return sheet(quiz_of(name), with_article=True, cite=True)


def key_citations(key: bytes) -> dict[int, list[tuple[int, int, int]]]:
    """(paragraph, first line, last line) the key gives for each question number."""
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(key)).pages)
    found: dict[int, list[tuple[int, int, int]]] = {}
    parts = re.split(r"^\s*(\d+)\.$", text, flags=re.M)  # the number cells, each on a line
    for number, body in zip(parts[1::2], map(norm, parts[2::2]), strict=True):
        found[int(number)] = [(int(p), int(a), int(b or a)) for p, a, b in CITATION.findall(body)]
    return found


@pytest.mark.parametrize("name", ARTICLES)
def test_margin_numbers_and_key_citations_agree(name: str) -> None:
    """The margin shows every fifth line's number, ¶ labels count the paragraphs, and every line
    range the key cites holds that question's excerpt in the cited paragraph, tightly."""
    quiz = quiz_of(name)
    files = cited_sheet(name)
    rows = article_rows(files["r-worksheet.pdf"])
    base = quiz.bases[0]
    assert base.article is not None
    count = len(paragraphs(base.article))
    assert [row.label for row in rows if row.label is not None] == list(range(1, count + 1))
    for index, row in enumerate(rows, start=1):
        assert row.number == (index if index % 5 == 0 else None), (index, row)
    para_of, current = {}, 0
    for index, row in enumerate(rows, start=1):
        current = row.label or current
        para_of[index] = current
    cited = key_citations(files["r-answer-key.pdf"])
    numbered = [item for section in plan(quiz.questions, style=load_style())
                for item in section.items]
    assert set(cited) == {item.number for item in numbered}
    checked = 0
    for item in numbered:
        excerpts = [norm(x) for x in item.question.explanation]
        for paragraph, first, last in cited[item.number]:
            assert {para_of[i] for i in range(first, last + 1)} == {paragraph}
            lines = " ".join(rows[i - 1].text for i in range(first, last + 1))
            inner = [" ".join(rows[i - 1].text for i in range(a, b + 1))
                     for a, b in ((first + 1, last), (first, last - 1))]
            assert any(x in lines and not any(x in part for part in inner) for x in excerpts), (
                item.number, paragraph, first, last)
            checked += 1
        article = norm(base.article)
        if any(x in article for x in excerpts):
            assert cited[item.number], item.number
    assert checked >= len(numbered) // 2


def test_cited_prompts_agree_with_the_key() -> None:
    """With --cite each prompt ends with the paragraphs the key gives for it, in order."""
    files = cited_sheet("barack-obama")
    texts = [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(files["r-worksheet.pdf"])).pages]
    pages = [norm(text) for text in texts if "· Article ·" not in text]
    marks = re.findall(r"\((¶\d+(?:, ¶\d+)*)\)", " ".join(pages))
    cited = key_citations(files["r-answer-key.pdf"])
    expected = [", ".join(f"¶{p}" for p in sorted({c[0] for c in cited[n]}))
                for n in sorted(cited) if cited[n]]
    assert marks == expected


def test_without_cite_no_marks_and_key_gives_paragraphs_only() -> None:
    """Without the article the key still gives each paragraph, without lines; no prompt marks."""
    quiz = quiz_of("rwanda")
    files = sheet(quiz)
    text = norm(pypdf.PdfReader(io.BytesIO(files["r-worksheet.pdf"])).pages[0].extract_text())
    assert "¶" not in text
    key = norm(" ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(
        files["r-answer-key.pdf"])).pages))
    assert re.search(r"¶\d+", key) and "lines" not in key and "line " not in key


@pytest.mark.parametrize("versions", [1, 2])
def test_questions_start_on_a_fresh_sheet(versions: int) -> None:
    """Each version's article takes an even number of pages, so its questions start on the front
    of a sheet printed double-sided; --no-pad leaves the padding out."""
    from quizgen.quiz.versions import make_versions

    quiz = quiz_of("in-flight")  # its article takes three pages unpadded
    made = make_versions(quiz, count=versions, seed=1) if versions > 1 else (quiz,)
    pdf = worksheet.render_versions(made, options=RenderOptions(
        name="r", extra={"with_article": True}))["r-worksheet.pdf"]
    texts = [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages]
    starts = [i for i, t in enumerate(texts) if "Name:" in t]
    assert len(starts) == versions
    assert all(start % 2 == 0 for start in starts)
    article_pages = [i for i, t in enumerate(texts) if "· Article ·" in t]
    assert len(article_pages) % 2 == 0 and len(article_pages) >= 2 * versions
    unpadded = worksheet.render_versions(made, options=RenderOptions(
        name="r", extra={"with_article": True, "no_pad": True}))["r-worksheet.pdf"]
    assert "left blank" not in " ".join(
        p.extract_text() for p in pypdf.PdfReader(io.BytesIO(unpadded)).pages)


def test_with_article_needs_the_article_text(tmp_path: Path) -> None:
    """A fact base without a readable text_file cannot print its article: a QuizgenError says so
    for the worksheet, the web quiz and JSON."""
    yaml = (ROOT / "tests" / "corpus" / "dev" / "rwanda.yaml").read_text(encoding="utf-8")
    (tmp_path / "r.yaml").write_text(yaml, encoding="utf-8")  # text_file not beside it
    quiz = build_quiz([load_factbase(tmp_path / "r.yaml")], seed=1)
    for module in (worksheet, html_quiz, json_out):
        with pytest.raises(QuizgenError) as caught:
            module.render(quiz, options=RenderOptions(name="r", extra={"with_article": True}))
        assert caught.value.problems[0].field == "source.text_file"


def test_web_quiz_and_json_point_at_the_evidence_paragraph() -> None:
    """The web quiz's paragraphs are numbered and each question names the paragraphs holding
    its excerpt; JSON gives the same paragraphs and still reads back."""
    quiz = quiz_of("rwanda")
    base = quiz.bases[0]
    assert base.article is not None
    texts = [norm(base.article[a:b]) for a, b in paragraphs(base.article)]
    page = html_quiz.render(quiz, options=RenderOptions(
        name="r", extra={"with_article": True, "cite": True}))["r.html"].decode()
    shown = re.findall(r'<p class="para" id="a1-p(\d+)"><span class="pnum">¶(\d+)</span>', page)
    assert [(int(a), int(b)) for a, b in shown] == [(i, i) for i in range(1, len(texts) + 1)]
    data = json.loads(json_out.render(quiz, options=RenderOptions(
        name="r", extra={"with_article": True}))["r.json"])
    assert data["articles"][0]["paragraphs"] == texts
    for number, (question, record) in enumerate(zip(quiz.questions, data["questions"],
                                                    strict=True), start=1):
        want = [i for i, text in enumerate(texts, start=1)
                if any(norm(x) in text for x in question.explanation)]
        assert record["evidence"] == want
        section = re.search(rf'<section class="question" id="q{number}"[^>]*>', page)
        assert section is not None
        ids = re.findall(r"a1-p(\d+)", section.group())
        assert [int(i) for i in ids] == want
        if want:
            assert f"({', '.join(f'¶{i}' for i in want)})</legend>" in page
            whole = page[section.start():page.index("</section>", section.start())]
            links = re.findall(r'<a href="#a1-p(\d+)">¶(\d+)</a>', whole)
            assert [(int(a), int(b)) for a, b in links] == [(i, i) for i in want]
    assert json_out.read_questions(json.dumps(data)) == quiz.questions


def test_web_quiz_highlights_the_evidence_after_an_answer(browser: Any, tmp_path: Path) -> None:
    """In a browser, checking an answer highlights the paragraph its evidence stands in, and
    only that question's; trying again clears it."""
    quiz = quiz_of("rwanda")
    path = tmp_path / "q.html"
    path.write_bytes(html_quiz.render(quiz, options=RenderOptions(
        name="q", extra={"with_article": True}))["q.html"])
    page = browser.new_page()
    page.goto(path.as_uri())
    assert page.locator(".para.evidence").count() == 0
    for number in (1, 2):
        section = page.locator(f"#q{number}")
        want = sorted((section.get_attribute("data-evidence") or "").split())
        section.locator("label.choice").first.click()
        section.locator("button.check").click()
        lit = sorted(page.locator(".para.evidence").evaluate_all(
            "els => els.map(e => e.id)"))
        assert lit == want and want
    page.evaluate("document.getElementById('again').click()")
    assert page.locator(".para.evidence").count() == 0
    page.close()


def test_cli_writes_the_reading_sheet(tmp_path: Path) -> None:
    """`quizgen worksheet --with-article --cite` and `export html/json --with-article` work from
    the command line; `--cite` is refused by a format that does not offer it."""
    from typer.testing import CliRunner

    from quizgen.cli.app import make_app

    source = str(ROOT / "tests" / "corpus" / "dev" / "scientist.yaml")
    runner = CliRunner()
    done = runner.invoke(make_app(), ["worksheet", source, "--with-article", "--cite", "-q",
                                      "--out", str(tmp_path / "ws")])
    assert done.exit_code == 0, done.output
    key = pypdf.PdfReader(tmp_path / "ws" / "scientist-answer-key.pdf")
    assert re.search(r"¶\d+, lines? \d+", norm(" ".join(p.extract_text() for p in key.pages)))
    for fmt in ("html", "json"):
        done = runner.invoke(make_app(), ["export", fmt, source, "--with-article", "-q",
                                          "--out", str(tmp_path / f"q.{fmt}")])
        assert done.exit_code == 0, done.output
    assert 'class="para" id="a1-p1"' in (tmp_path / "q.html").read_text(encoding="utf-8")
    assert json.loads((tmp_path / "q.json").read_text(encoding="utf-8"))["articles"]
    refused = runner.invoke(make_app(), ["export", "gift", source, "--cite"])
    assert refused.exit_code != 0


def test_article_text_is_text_never_markup(tmp_path: Path) -> None:
    """Markup in the article prints literally on the sheet and is escaped in the web quiz."""
    yaml = (ROOT / "tests" / "corpus" / "dev" / "scientist.yaml").read_text(encoding="utf-8")
    base = load_factbase(ROOT / "tests" / "corpus" / "dev" / "scientist.yaml")
    assert base.article is not None
    hostile = base.article + "\n<script>alert(1)</script> & <b>bold</b> <para>p</para>\n"
    (tmp_path / "sources").mkdir()
    text_file = base.source.text_file or ""
    (tmp_path / text_file).write_text(hostile, encoding="utf-8")
    (tmp_path / "s.yaml").write_text(yaml, encoding="utf-8")
    quiz = build_quiz([load_factbase(tmp_path / "s.yaml")], seed=1)
    page = html_quiz.render(quiz, options=RenderOptions(
        name="s", extra={"with_article": True}))["s.html"].decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in page
    assert "<script>alert(1)" not in page
    rows = article_rows(sheet(quiz, with_article=True)["r-worksheet.pdf"])
    assert rows[-1].text == "<script>alert(1)</script> & <b>bold</b> <para>p</para>"


def test_two_articles_number_their_own_paragraphs() -> None:
    """With two fact bases, each article is printed with its own paragraph and line numbers, and
    the key says which article a citation is in."""
    bases = [loaded(ROOT / "tests" / "corpus" / "dev" / f"{n}.yaml")
             for n in ("scientist", "experience")]
    quiz = build_quiz(bases, seed=1)
    files = sheet(quiz, with_article=True)
    labels = [row.label for row in article_rows(files["r-worksheet.pdf"]) if row.label]
    counts = [len(paragraphs(base.article or "")) for base in bases]
    assert labels == [*range(1, counts[0] + 1), *range(1, counts[1] + 1)]
    key = norm(" ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(
        files["r-answer-key.pdf"])).pages))
    assert "article 1, ¶" in key and "article 2, ¶" in key
