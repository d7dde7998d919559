"""Quizzes for the platform-format tests: every content/ fact base, and hand-made shapes."""

from __future__ import annotations

import json
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from quizgen.questions import (
    Amount,
    Chronology,
    EntityRef,
    EventRef,
    Matching,
    MatchSpeakers,
    MultipleChoice,
    Option,
    Ordering,
    Quiz,
    QuoteRef,
    SpeakerOf,
)
from quizgen.renderers import get_renderer
from quizgen.renderers.base import RenderOptions

CONTENT = Path(__file__).resolve().parent.parent / "content"
FACTBASES = sorted(CONTENT.glob("*.yaml"))
FORMATS = ("gift", "moodle", "qti", "kahoot", "quizlet", "blooket")
OPTIONS = RenderOptions(name="quiz", seed=0, timestamp=1_700_000_000)

# Every character GIFT, HTML, CSV, tab-separated text and XML treat specially, and a newline.
PAYLOAD = ("~ = # { } : \\ -> <b>bold</b> <script>alert(1)</script> & &amp; \"q\" 'a', "
           "[html] // $CATEGORY: {T} #### %50% a\tb\nc")


def norm(text: str) -> str:
    """Text as every platform shows it: one line, single spaces."""
    return " ".join(text.split())


@cache
def content_quiz(path: Path) -> Quiz:
    """Every question the fact base allows, seed 0 (what `quizgen build` makes)."""
    from quizgen.loader import load_factbase
    from quizgen.select import build_quiz

    return build_quiz(load_factbase(path), seed=0)


@cache
def rendered(path: Path, fmt: str) -> bytes:
    """The one file a platform renderer makes for a content fact base."""
    (data,) = get_renderer(fmt)(content_quiz(path), options=OPTIONS).values()
    return data


def one_file(quiz: Quiz, fmt: str) -> bytes:
    """The one file a platform renderer makes for the quiz."""
    (data,) = get_renderer(fmt)(quiz, options=OPTIONS).values()
    return data


def json_records(quiz: Quiz) -> list[dict[str, Any]]:
    """The quiz as the JSON export shows it: the reference every format is compared with."""
    (data,) = get_renderer("json")(quiz, options=OPTIONS).values()
    records: list[dict[str, Any]] = json.loads(data)["questions"]
    return records


def _option(text: str, n: int) -> Option:
    return Option(text=text, claim=EntityRef(f"p{n}"))


def shapes_quiz(payload: str = PAYLOAD) -> Quiz:
    """One of each shape with `payload` in every text: a multiple choice on an ask no renderer
    knows, one with six options, a matching whose right column is shorter than its left (a
    speaker used twice) with a distractor, and an ordering."""
    unknown_ask: Any = object()  # stands for any ask a generator may add later
    odd = MultipleChoice(
        id="term-meaning-0001", kind="term-meaning", factbase="hostile",
        prompt=f"What does {payload} mean?", ask=unknown_ask,
        options=(_option(f"%50% of {payload}", 0),  # a GIFT weight, unless escaped
                 *(_option(f"meaning {n} {payload}", n) for n in range(1, 4))), answer=2,
        explanation=(f"excerpt {payload}",), tags=("terms", "a tag with spaces"))
    six = MultipleChoice(
        id="who-said-it-0002", kind="who-said-it", factbase="hostile",
        prompt=f"Who said: “{payload} and a long quotation that goes on well past what a "
               f"Kahoot question may hold, so it must be shortened”?",
        ask=SpeakerOf("q1"),
        options=tuple(_option(f"Speaker {n} with a very long name and title {payload}", n)
                      for n in range(6)),
        answer=5, explanation=(f"said {payload}", "second excerpt"))
    matching = Matching(
        id="quote-match-0003", kind="quote-match", factbase="hostile",
        prompt="Match each quote to its speaker. A speaker may be used more than once.",
        ask=MatchSpeakers(),
        left=tuple(Option(text=f"“quote {n} {payload}”", claim=QuoteRef(f"q{n}"))
                   for n in range(3)),
        right=(_option(f"Alpha {payload}", 0), _option("Beta", 1), _option("Gamma", 2)),
        answer=((0, 1), (1, 0), (2, 1)), explanation=(f"excerpt {payload}",),
        tags=("quotes",))
    ordering = Ordering(
        id="event-order-0004", kind="event-order", factbase="hostile",
        prompt="Put these events in chronological order, earliest first.", ask=Chronology(),
        items=tuple(Option(text=f"event {n} {payload}", claim=EventRef(f"e{n}"))
                    for n in range(4)),
        answer=(2, 0, 3, 1), explanation=(f"excerpt {payload}",))
    figure = MultipleChoice(
        id="figure-choice-0005", kind="figure-choice", factbase="hostile",
        prompt=f"What share of the vote did {payload} win?",
        ask=SpeakerOf("unused"),
        options=tuple(Option(text=f"{v}%", claim=Amount(Decimal(v), "percent", 1))
                      for v in ("31.2", "44.2", "51.2", "73.0")),
        answer=2, explanation=())
    return Quiz(title=f"Title {payload}", bases=(),
                questions=(odd, six, matching, ordering, figure))
