"""Shared by the worksheet tests: a small fact base the oracle accepts, and PDF reading helpers."""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

import pypdf

from quizgen.factbase.model import Entity, Event, FactBase, Figure, PartialDate, Quote, Source
from quizgen.oracle import check_question, correct_options
from quizgen.pipeline import render_format
from quizgen.quiz.questions import (
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
from quizgen.renderers.wording import typographic

__all__ = ["render"]


def render(quiz: Quiz, *, options: RenderOptions) -> dict[str, bytes]:
    """The worksheet files as a build makes them: the pipeline makes options.versions versions."""
    return render_format("worksheet", quiz, options=options)


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
        options=tuple(names), answer=0, explanation=(f"He stated: “{quotes[0].text}”",))
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


FOOTER = re.compile(r"Version ([A-Z]+) · code [0-9A-F]{4} · Page (\d+) of (\d+)")


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
        pairs = [(int(i), int(j)) for i, j in answer]  # type: ignore[misc]  # reportlab and pypdf are untyped
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
    prompt = re.escape(norm(typographic(question.prompt)))
    return re.compile(rf"(?:^| )(\d+)\. {prompt} \d+ points? {body}(?: |$)")


def locate(pages: Sequence[str], version: str, question: Question) -> tuple[int, int]:
    """(page index, printed number) of the one place a version's question is printed whole
    (version "": a single version, whose pages carry no version)."""
    pattern = question_pattern(question)
    hits = [(i, int(found.group(1))) for i, page in enumerate(pages)
            if ((footer := FOOTER.search(page)) and footer.group(1) == version)
            or (not version and not footer)
            for found in pattern.finditer(page)]
    assert len(hits) == 1, (version, question.id, hits)
    return hits[0]


def options(**changes: object) -> RenderOptions:
    """Render options named "demo", with changes."""
    return replace(RenderOptions(name="demo"), **changes)  # type: ignore[arg-type]  # a loosely typed test value or a union the test has narrowed


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


def digest(files: dict[str, bytes]) -> dict[str, str]:
    """SHA-256 of each file."""
    return {name: hashlib.sha256(data).hexdigest() for name, data in sorted(files.items())}
