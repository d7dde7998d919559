"""Markup injection end to end: HTML, reportlab markup and Anki syntax in every field stay text."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from quizgen.factbase.model import FactBase
from quizgen.quiz.questions import Quiz
from quizgen.renderers import get_renderer
from quizgen.renderers.base import RenderOptions

# Each piece must survive every renderer as the literal characters written here.
PIECES = (
    "<script>alert(1)</script>",
    "<b>bold</b>",
    "<img src=x onerror=alert(2)>",
    "<font color=red>red</font>",
    '<img src="/etc/passwd"/>',
    "<para>p</para>",
    "Q&A",
    "{{c1::x}}",
)
PAYLOAD = " ".join(PIECES)


def h(label: str) -> str:
    """A field value: a short unique label, then every hostile piece."""
    return f"{label} {PAYLOAD}"


def _q(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def hostile_yaml() -> str:
    """A fact base with the payload in every free-text field, rich enough for every generator."""
    lines = ["id: injection", "source:", f"  title: {_q(h('Title'))}",
             f"  about: {_q(h('About'))}", f"  published: {_q(h('Published'))}",
             f"  outlet: {_q(h('Outlet'))}", "people:"]
    for n in range(6):
        lines.append(f"  - {{id: p{n}, name: {_q(h(f'Name{n}'))}, role: {_q(h(f'Role{n}'))}, "
                     f"aliases: [{_q(h(f'Alias{n}'))}], excerpt: {_q(h(f'PExcerpt{n}'))}}}")
    lines.append("quotes:")
    for n in range(6):
        text = h(f"Quote{n} says")
        phrase = f", key_phrase: {_q(PAYLOAD)}" if n % 2 == 0 else ""
        lines.append(f"  - {{id: q{n}, text: {_q(text)}, speakers: [p{n}], "
                     f"context: {_q(h(f'Context{n}'))}{phrase}, excerpt: {_q(h(f'QEx{n}'))}}}")
    lines.append("figures:")
    for n in range(4):
        lines.append(f"  - {{id: share{n}, measure: {_q(h('Share'))}, subject: p{n}, "
                     f"value: {20 + n}.5, unit: percent, given_by: [p5], group: shares, "
                     f"excerpt: {_q(h(f'FEx{n}'))}}}")
    for n in range(4):
        lines.append(f"  - {{id: count{n}, measure: {_q(h(f'Count{n}'))}, value: {100 * n + 7},"
                     f" unit: {_q(h('Unit'))}, qualifier: over, given_by: [p4], group: counts, "
                     f"excerpt: {_q(h(f'CEx{n}'))}}}")
    lines.append("events:")
    for n in range(5):
        after = f", after: [e{n - 1}]" if n else ""
        lines.append(f"  - {{id: e{n}, description: {_q(h(f'Event{n}'))}, "
                     f"date: \"{2019 + n}-0{n + 1}-1{n}\"{after}, people: [p{n}], "
                     f"excerpt: {_q(h(f'EEx{n}'))}}}")
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def base() -> FactBase:
    """The hostile fact base, loaded through the real loader."""
    from quizgen.factbase.loader import load_text

    return load_text(hostile_yaml(), filename="injection.yaml")


@pytest.fixture(scope="module")
def quiz(base: FactBase) -> Quiz:
    """Every question every generator makes from the hostile base."""
    from quizgen.quiz.select import build_quiz

    return build_quiz([base], seed=1, everything=True)


def squeeze(text: str) -> str:
    """Text without any whitespace, so line wrapping cannot hide or fake a match."""
    return re.sub(r"\s+", "", text)


def test_hostile_base_loads_and_every_generator_uses_it(base: FactBase, quiz: Quiz) -> None:
    """The payload is legal content: the base loads and all four kinds make questions from it."""
    assert base.source.title == h("Title")
    assert base.quotes[0].key_phrase == PAYLOAD
    assert {q.kind for q in quiz.questions} == {
        "figure-choice", "who-said-it", "quote-match", "event-order"}


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def test_json_holds_the_literal_strings(quiz: Quiz) -> None:
    """The JSON export's strings carry the payload unescaped and unaltered."""
    data = get_renderer("json")(quiz, options=RenderOptions(name="inj"))["inj.json"]
    strings = list(_strings(json.loads(data)))
    texts = [s for s in strings if PAYLOAD in s]
    assert len(texts) >= len(quiz.questions)
    for label in ("Name0", "Quote1 says", "Event2", "Share", "Unit"):
        assert any(f"{label} {PAYLOAD}" in s for s in strings), label
    assert not any("&lt;" in s or "&amp;" in s or "&#123;" in s for s in strings)


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def test_worksheet_pdf_shows_the_markup_literally(quiz: Quiz) -> None:
    """Sheet and key PDFs show every piece as typed, with no doubled escaping."""
    options = RenderOptions(name="inj", versions=2,
                            extra={"explain": True, "instructions": h("Do")})
    files = get_renderer("worksheet")(quiz, options=options)
    pdfs = {name: _pdf_text(data) for name, data in files.items() if name.endswith(".pdf")}
    assert len(pdfs) >= 2
    for name, text in pdfs.items():
        flat = squeeze(text)
        for piece in PIECES:
            assert squeeze(piece) in flat, (name, piece)
        for label in ("Title", "Name1"):
            assert squeeze(h(label)) in flat or squeeze(label + PIECES[0]) in flat, (name, label)
        assert "&lt;" not in text and "&amp;" not in text and "&#" not in text, name


class Elements(HTMLParser):
    """Every element with its attributes, and the text of a rendered card side."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.chunks: list[str] = []
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        if self.lasttag not in ("style", "script"):
            self.chunks.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.chunks).split())


def test_anki_cards_render_the_markup_as_text(quiz: Quiz, tmp_path: Path) -> None:
    """In real Anki no card side has a script, font, para or img element; the text is literal."""
    from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

    files = get_renderer("anki")(quiz, options=RenderOptions(name="inj"))
    package = tmp_path / "inj.apkg"
    package.write_bytes(files["inj.apkg"])
    col = Collection(str(tmp_path / "c.anki2"))
    try:
        col.import_anki_package(ImportAnkiPackageRequest(
            package_path=str(package),
            options=ImportAnkiPackageOptions(with_scheduling=False, merge_notetypes=False)))
        cards = [col.get_card(cid) for cid in col.find_cards("")]
        assert len(cards) >= len(quiz.questions)
        shown = 0
        for card in cards:
            output = card.render_output()
            assert not output.question_av_tags and not output.answer_av_tags
            for side in (output.question_text, output.answer_text):
                page = Elements(side)
                tags = [tag for tag, _ in page.elements]
                assert "script" not in tags and "font" not in tags and "para" not in tags
                assert not any("onerror" in attrs for _, attrs in page.elements)
                assert not any(tag == "img" for tag in tags)
                assert "&lt;" not in page.text and "&#123;" not in page.text
                shown += page.text.count(PIECES[0])
            answer = Elements(output.answer_text).text
            assert PAYLOAD in answer or "{{c1::x}}" in answer, answer[:300]
        assert shown >= len(cards)
        quotes = [c for c in cards if c.note_type()["name"] == "quizgen: Quote"]
        gaps = [c for c in quotes if c.ord == 1]
        assert gaps, "the deck has gap cards from the quotes"
        for card in quotes:
            assert len(card.note().cards()) <= 3  # {{c1::x}} made no extra card
        for card in gaps:
            assert PAYLOAD in Elements(card.render_output().answer_text).text
    finally:
        col.close()
