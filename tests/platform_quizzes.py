"""Quizzes for the platform-format tests: every content/ fact base, and hand-made shapes."""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from quizgen.factbase.model import Entity, FactBase, Quote
from quizgen.quiz.questions import (
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
    """Every question the fact base allows, seed 0 (what `quizgen build` makes), of conftest's
    shared load of the base."""
    from conftest import loaded

    from quizgen.quiz.select import build_quiz

    return build_quiz(loaded(path), seed=0)


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


NAMES = ("Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta")
# quote id -> its speakers (indices into NAMES); q3 has two speakers, both in its matching.
SAID = {"q0": (1,), "q1": (0,), "q2": (1,), "q3": (0, 2), "q4": (0,), "q5": (1,)}


def shapes_base(payload: str = PAYLOAD) -> FactBase:
    """People and quotes with `payload` in every text, for the matchings of shapes_quiz."""
    from factbases import make_base, person, quote

    people = [person(f"p{n}", f"{name} {payload}") for n, name in enumerate(NAMES)]
    quotes = [quote(q, f"quote {q} {payload}", *(f"p{n}" for n in said))
              for q, said in SAID.items()]
    return make_base(*people, *quotes, base_id="hostile", title=f"Title {payload}")


def _speaker(n: int, base: FactBase) -> Option:
    entity = base.by_id[f"p{n}"]
    assert isinstance(entity, Entity)
    return Option(text=entity.name, claim=EntityRef(entity.id))


def _quote(quote_id: str, base: FactBase) -> Option:
    fact = base.by_id[quote_id]
    assert isinstance(fact, Quote)
    return Option(text=f"“{fact.text}”", claim=QuoteRef(quote_id))


@dataclass(frozen=True)
class UnknownAsk:
    """An ask no renderer knows: renderers must treat any multiple choice alike."""

    term: str


def shapes_quiz(payload: str = PAYLOAD) -> Quiz:
    """One of each shape with `payload` in every text: a multiple choice on an ask no renderer
    knows, one with six long options, a matching whose right column is shorter than its left (a
    speaker used twice) plus a distractor, a matching where one quote has two speakers shown
    (unique only as a whole), an ordering of four and one of six."""
    base = shapes_base(payload)
    # stands for any ask a generator may add later (a dataclass, as every ask is, so the
    # lossless JSON export writes it like the others)
    unknown_ask: Any = UnknownAsk(term=f"term {payload}")
    odd = MultipleChoice(
        id="term-meaning-0001", kind="term-meaning", factbase="hostile",
        prompt=f"What does {payload} mean?", ask=unknown_ask,
        options=(Option(f"%50% of {payload}", EntityRef("x0")),  # a GIFT weight, unless escaped
                 *(Option(f"meaning {n} {payload}", EntityRef(f"x{n}")) for n in range(1, 4))),
        answer=2, explanation=(f"excerpt {payload}",), tags=("terms", "a tag with spaces"))
    six = MultipleChoice(
        id="who-said-it-0002", kind="who-said-it", factbase="hostile",
        prompt=f"Who said: “{payload} and a long quotation that goes on well past what a "
               f"Kahoot question may hold, so it must be shortened”?",
        ask=SpeakerOf("q1"),
        options=tuple(Option(f"Speaker {n} with a very long name and title {payload}",
                             EntityRef(f"x{n}")) for n in range(6)),
        answer=5, explanation=(f"said {payload}", "second excerpt"))
    reuse = Matching(
        id="quote-match-0003", kind="quote-match", factbase="hostile",
        prompt="Match each quote to its speaker. A speaker may be used more than once.",
        ask=MatchSpeakers(), left=tuple(_quote(q, base) for q in ("q0", "q1", "q2")),
        right=tuple(_speaker(n, base) for n in (0, 1, 2)),
        answer=((0, 1), (1, 0), (2, 1)), explanation=(f"excerpt {payload}",),
        tags=("quotes",))
    shared = Matching(
        id="quote-match-0004", kind="quote-match", factbase="hostile",
        prompt="Match each quote to its speaker.", ask=MatchSpeakers(),
        left=tuple(_quote(q, base) for q in ("q3", "q4", "q5")),
        right=tuple(_speaker(n, base) for n in (0, 1, 2)),
        answer=((0, 2), (1, 0), (2, 1)), explanation=())
    orderings = [Ordering(
        id=f"event-order-000{k}", kind="event-order", factbase="hostile",
        prompt="Put these events in chronological order, earliest first.", ask=Chronology(),
        items=tuple(Option(text=f"event {k}.{n} {payload}", claim=EventRef(f"e{k}.{n}"))
                    for n in range(len(order))),
        answer=order, explanation=(f"excerpt {payload}",))
        for k, order in ((5, (2, 0, 3, 1)), (6, (4, 0, 5, 1, 3, 2)))]
    figure = MultipleChoice(
        id="figure-choice-0007", kind="figure-choice", factbase="hostile",
        prompt=f"What share of the vote did {payload} win?",
        ask=SpeakerOf("unused"),
        options=tuple(Option(text=f"{v}%", claim=Amount(Decimal(v), "percent", 1))
                      for v in ("31.2", "44.2", "51.2", "73.0")),
        answer=2, explanation=())
    return Quiz(title=f"Title {payload}", bases=(base,),
                questions=(odd, six, reuse, shared, *orderings, figure))


def _chain(up: dict[str, str | None], entity: str | None) -> list[str]:
    """The entity and those it speaks for, up the `speaks_for` chain."""
    seen: list[str] = []
    while entity is not None and entity not in seen:
        seen.append(entity)
        entity = up.get(entity)
    return seen


def speakers(quiz: Quiz) -> dict[str, set[str]]:
    """Quote text (as shown, in quotation marks, one line) -> the names of everyone who said it,
    read from the fact bases themselves; a spokesman and whom he speaks for count alike."""
    said: dict[str, set[str]] = {}
    for base in quiz.bases:
        names = {e.id: {e.name, *e.aliases} for e in base.entities}
        up = {e.id: e.speaks_for for e in base.entities}
        alike = {e: set(_chain(up, e)) | {d for d in up if e in _chain(up, d)} for e in up}
        for fact in base.quotes:
            said.setdefault(norm(f"“{fact.text}”"), set()).update(
                n for s in fact.speakers for a in alike.get(s, {s}) for n in names.get(a, ()))
    return said


def golden_texts(quiz: Quiz, options: RenderOptions) -> dict[str, str]:
    """Each platform file as readable text for tests/golden: text formats as they are, the QTI
    zip as its members, the Kahoot sheet as its cells read back by openpyxl, CSV rows as lines."""
    import io
    import zipfile

    from openpyxl import load_workbook

    texts: dict[str, str] = {}
    for fmt in FORMATS:
        for name, data in get_renderer(fmt)(quiz, options=options).items():
            if name.endswith(".zip"):
                with zipfile.ZipFile(io.BytesIO(data)) as archive:
                    texts[f"{name}.txt"] = "".join(
                        f"--- {member} ---\n{archive.read(member).decode('utf-8')}"
                        for member in archive.namelist())
            elif name.endswith(".xlsx"):
                sheet = load_workbook(io.BytesIO(data)).active
                assert sheet is not None
                texts[f"{name}.txt"] = "".join(
                    f"{row[0].row}: " + " | ".join("" if c.value is None else str(c.value)
                                                   for c in row) + "\n"
                    for row in sheet.iter_rows())
            elif name.endswith(".csv"):  # rows end in CRLF; the golden file reads them as lines
                texts[f"{name}.txt"] = data.decode("utf-8").replace("\r\n", "\n")
            else:
                texts[name] = data.decode("utf-8")
    return texts


GOLDEN_NAMES = ("-gift.txt", "-moodle.xml", "-canvas-qti.zip.txt", "-kahoot.xlsx.txt",
                "-quizlet.txt", "-blooket.csv.txt")
