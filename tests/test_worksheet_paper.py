"""Worksheet PDFs read back with pypdf: even pages per version, the version on each page, fill."""

from __future__ import annotations

import functools
import io
import re
from pathlib import Path

import pypdf
import pytest
from conftest import loaded
from sweep import FULL
from worksheet_support import render

from quizgen.quiz.questions import Quiz
from quizgen.quiz.select import CLASS_LENGTH, build_quiz
from quizgen.renderers.base import RenderOptions
from quizgen.renderers.worksheet.options import Paper
from quizgen.renderers.worksheet.styles import load_style

CONTENT = Path(__file__).resolve().parent.parent / "content"
FACTBASES = sorted(CONTENT.glob("*.yaml"))
FOOTER = re.compile(r"Version (\w+) · code [0-9A-F]{4} · Page (\d+) of (\d+)")
MM = 72 / 25.4


def _read(page: pypdf.PageObject) -> tuple[str, float]:
    """A page's text and the share of the text area its body text reaches down to."""
    style = load_style()
    height = float(page.mediabox.height)
    bottom = style.margins_mm.bottom * MM
    top = height - style.margins_mm.top * MM
    ys: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        y = tm[5] * cm[3] + cm[5]
        if text.strip() and y > bottom:
            ys.append(y)

    text = page.extract_text(visitor_text=visit)
    used = (top - min(ys)) / (top - bottom) if ys else 0.0
    return text, used


def pages(pdf: bytes) -> list[tuple[str, float]]:
    """Each page's text and the share of the text area its body text reaches down to."""
    return list(_pages(pdf))


@functools.lru_cache(maxsize=32)
def _pages(pdf: bytes) -> tuple[tuple[str, float], ...]:
    """pages(), read once per PDF (a test reads a sheet for its checks and again for its codes)."""
    return tuple(_read(page) for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def last_page(pdf: bytes) -> tuple[int, float]:
    """The number of pages and how full the last one is (only that page is read)."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return len(reader.pages), _read(reader.pages[-1])[1]


def check_sheet(pdf: bytes, versions: int) -> list[str]:
    """Problems a teacher would meet printing this sheet double-sided."""
    problems = []
    read = pages(pdf)
    by_version: dict[str, list[tuple[int, int, str, float]]] = {}
    for index, (text, used) in enumerate(read):
        found = FOOTER.search(text)
        if found is None:
            problems.append(f"page {index + 1}: no version in the footer")
            continue
        label, page, total = found.group(1), int(found.group(2)), int(found.group(3))
        by_version.setdefault(label, []).append((page, total, text, used))
    if len(by_version) != versions:
        problems.append(f"{len(by_version)} versions found, {versions} expected")
    for label, rows in by_version.items():
        total = rows[0][1]
        if [row[0] for row in rows] != list(range(1, total + 1)):
            problems.append(f"version {label}: pages {[row[0] for row in rows]} of {total}")
        if total % 2:
            problems.append(f"version {label}: {total} pages, an odd number")
        for page, _, text, used in rows:
            last = page == total or (page == total - 1 and "left blank" in rows[-1][2])
            if "left blank" in text or last:
                continue
            if used < 0.25:
                problems.append(f"version {label} page {page}: only {used:.0%} full")
    return problems


@pytest.mark.parametrize("path", FACTBASES, ids=[p.stem for p in FACTBASES])
@pytest.mark.parametrize(("paper", "count", "versions"), [("a4", CLASS_LENGTH, 3),
                                                          ("letter", 11, 2)])
def test_every_version_prints_double_sided(path: Path, paper: Paper, count: int,
                                           versions: int) -> None:
    """Every page names its version; each version has an even page count; no page but a
    version's last is under a quarter full."""
    quiz = build_quiz(loaded(path), seed=3, count=count)
    files = render(quiz, options=RenderOptions(name="t", seed=3, versions=versions,
                                             extra={"paper": paper}))
    assert check_sheet(files["t-worksheet.pdf"], versions) == []
    key = pages(files["t-answer-key.pdf"])
    assert all(FOOTER.search(text) for text, _ in key)
    codes = {label: set() for label in "ABC"[:versions]}
    for text, _ in [*pages(files["t-worksheet.pdf"]), *key]:
        found = re.search(r"Version (\w) · code ([0-9A-F]{4})", text)
        assert found
        codes[found.group(1)].add(found.group(2))
    assert all(len(c) == 1 for c in codes.values())  # sheet and key agree on each code
    assert len({c for cs in codes.values() for c in cs}) == versions


@functools.cache
def _first_quiz(count: int) -> Quiz:
    """The first fact base's quiz of count questions (seed 1), built once for the tests below."""
    return build_quiz(loaded(FACTBASES[0]), seed=1, count=count)


@functools.cache
def _unpadded(count: int) -> bytes:
    """That quiz's two-version worksheet with padding off, rendered once for the tests below."""
    options = RenderOptions(name="t", versions=2, extra={"no_pad": True})
    return render(_first_quiz(count), options=options)["t-worksheet.pdf"]


def test_padding_adds_a_blank_page_only_to_odd_versions_and_can_be_turned_off() -> None:
    """With pad off, versions may end on odd pages; with pad on, each odd one gets a blank page."""
    for count in (6, 9, 14, 20):
        quiz = _first_quiz(count)
        plain = pages(_unpadded(count))
        padded = pages(render(quiz, options=RenderOptions(name="t", versions=2))["t-worksheet.pdf"])
        totals = {}
        for text, _ in plain:
            found = FOOTER.search(text)
            assert found
            totals[found.group(1)] = int(found.group(3))
        assert len(padded) == sum(n + n % 2 for n in totals.values())
        blanks = sum("left blank" in text for text, _ in padded)
        assert blanks == sum(n % 2 for n in totals.values())


def test_a_single_version_prints_no_version_box() -> None:
    """One version: no "Version" on the sheet or the key, and no blank page added."""
    base = loaded(next(p for p in FACTBASES if p.stem == "venezuela-post-election"))
    # seed 1: a matching item and a who-said-it item (seed 2 now draws two who-said-it)
    quiz = build_quiz(base, seed=1, count=6, kinds=("quote-match", "who-said-it"))
    assert {q.kind for q in quiz.questions} == {"quote-match", "who-said-it"}
    files = render(quiz, options=RenderOptions(name="t"))
    for name in ("t-worksheet.pdf", "t-answer-key.pdf"):
        texts = [text for text, _ in pages(files[name])]
        assert texts and not any("Version" in text for text in texts)
        assert not any("left blank" in text for text in texts)


def test_scoring_rule_is_printed_on_sheet_and_key() -> None:
    """The matching and ordering rule (2 points, 1 with at most two wrong) is on both PDFs."""
    # a dev corpus article: content/'s events are one story's each, so none is ordered
    base = loaded(CONTENT.parent / "tests" / "corpus" / "dev" / "nsa-scandal.yaml")
    quiz = build_quiz(base, seed=2, count=6, kinds=("quote-match", "event-order"),
                      everything=True)
    assert {q.kind for q in quiz.questions} == {"quote-match", "event-order"}
    files = render(quiz, options=RenderOptions(name="t"))
    for name in ("t-worksheet.pdf", "t-answer-key.pdf"):
        text = " ".join(" ".join(t.split()) for t, _ in pages(files[name]))
        assert "when every pair is right, 1 point when at most two are wrong" in text
        assert "at most two are out of place" in text


def test_planted_odd_pages_and_missing_versions_are_caught() -> None:
    """The page check itself fails on an unpadded sheet with an odd version and on one version."""
    for count in (6, 9, 14, 20):
        if any("odd number" in p for p in check_sheet(_unpadded(count), 2)):
            break
    else:
        pytest.fail("no count gave an odd version to plant")
    single = render(_first_quiz(6), options=RenderOptions(name="t"))
    assert check_sheet(single["t-worksheet.pdf"], 1)


# the lengths tried: every fourth from 5 to 25 in make test, every other under make fuzz
COUNTS = range(5, 26, 2) if FULL else range(5, 26, 4)


@pytest.mark.sweep
def test_a_near_empty_last_page_is_pulled_back(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where the plain layout ends a sheet on a page under a quarter full, the rendered sheet has
    fewer pages and a fuller last page, unless the sheet laid out with tight but readable gaps
    keeps as many pages (nothing fits back); and some sheet is pulled back (planted: without
    tightening, none is)."""
    from quizgen.renderers.worksheet import sheet as worksheet

    style = load_style()
    # tight but readable, set here and not taken from the renderer: questions 7 pt apart,
    # headings 9 pt below the question before, option rows padded 1 pt
    tightest = style._replace(spacing=style.spacing._replace(
        before_section=9, after_section_note=4, after_prompt=2.5, option_gap=1,
        after_question=7))
    cases = pulled = 0
    for path in FACTBASES:
        base = loaded(path)
        for count in COUNTS:  # enough lengths end near-empty (asserted below)
            quiz = build_quiz(base, seed=1, count=count)
            options = RenderOptions(name="t", extra={"no_pad": True, "no_key": True})
            with monkeypatch.context() as plant:
                plant.setattr(worksheet, "TIGHTER", ())
                plain = last_page(render(quiz, options=options)["t-worksheet.pdf"])
                if plain[0] < 2 or plain[1] >= 0.25:
                    continue
                plant.setattr(worksheet, "load_style", lambda: tightest)
                limit = len(pypdf.PdfReader(io.BytesIO(
                    render(quiz, options=options)["t-worksheet.pdf"])).pages)
            cases += 1
            fitted = last_page(render(quiz, options=options)["t-worksheet.pdf"])
            if fitted[0] < plain[0] and fitted[1] >= 0.25:
                pulled += 1
            else:  # nothing fits back: not even tight does the sheet lose a page
                assert limit >= fitted[0], (path.stem, count, fitted[0], limit)
    assert cases, "no sheet ended on a near-empty page to pull back: widen the counts"
    assert pulled, "no near-empty last page was pulled back"
