"""When one quiz item gives another away: the facts each item asks, and what its text states."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from quizgen.factbase.model import Entity, Event, FactBase, Quote, ReportedClaim
from quizgen.quiz.questions import (
    Amount,
    ClaimantOf,
    FigureGiven,
    FigureHolder,
    FigureValue,
    Matching,
    MultipleChoice,
    Ordering,
    ParagraphOf,
    PlaceOf,
    Question,
    Quiz,
    SpeakerOf,
    TermFor,
    TermMeaning,
    assert_never,
)

# Orderings may share this many events, matchings this many quotes (issue 9's diversity limits);
# any other fact asked by two items of one quiz is asked twice.
SHARED_EVENTS = 2
SHARED_QUOTES = 1
EVENT_USES = 2  # orderings of one quiz that may show the same event
_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    "dozen": 12,
}  # fmt: skip
_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_TIME = re.compile(r"(?<![\d:])([01]?\d|2[0-3]):([0-5]\d)(?![\d:])")  # 14:30, a time of day
_NUMBER = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:\s*(thousand|million|billion|trillion))?"
    r"|\b(" + "|".join(_WORDS) + r")\b",
    re.IGNORECASE,
)
_WORD_RUN = 6  # an excerpt sharing a run of this many words with another carries the same passage


@dataclass(frozen=True)
class Leak:
    """Item `given_away` is answered or asked again by item `by`, and why."""

    given_away: str  # question id
    by: str  # question id
    reason: str

    def __str__(self) -> str:
        return f"{self.by} gives away {self.given_away}: {self.reason}"


@lru_cache(maxsize=8192)
def numbers_in(text: str) -> frozenset[Decimal]:
    """Every number a reader sees in a text: digits (1,000 / 51.2 / 7.7 million), words, and
    times of day as minutes since midnight (14:30 is 870, as the fact base holds it)."""
    found: set[Decimal] = {Decimal(int(h) * 60 + int(m)) for h, m in _TIME.findall(text)}
    for match in _NUMBER.finditer(text):
        digits, fraction, scale, word = match.groups()
        try:
            if word is not None:
                found.add(Decimal(_WORDS[word.casefold()]))
                continue
            value = Decimal(digits.replace(",", "") + (f".{fraction}" if fraction else ""))
        except (InvalidOperation, KeyError):
            continue
        found.add(value.normalize())
        if scale:
            found.add((value * _SCALES[scale.casefold()]).normalize())
    return frozenset(found)


def _words(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"[^\W_]+", text.casefold()))


@lru_cache(maxsize=4096)
def _runs(text: str) -> frozenset[tuple[str, ...]]:
    words = _words(text)
    if len(words) < _WORD_RUN:
        return frozenset({words}) if words else frozenset()
    return frozenset(words[i : i + _WORD_RUN] for i in range(len(words) - _WORD_RUN + 1))


def same_passage(a: str, b: str) -> bool:
    """Whether two excerpts carry the same words of the article (a shared run of six words)."""
    return bool(a.strip() and b.strip()) and not _runs(a).isdisjoint(_runs(b))


# ---- what an item asks and what it shows ---------------------------------------------------------


def _fact_ids(value: object, base: FactBase) -> set[str]:
    """Fact ids named anywhere in a (nested) ask or claim dataclass."""
    found: set[str] = set()
    if isinstance(value, str):
        if value in base.by_id:
            found.add(value)
    elif isinstance(value, (tuple, list, frozenset, set)):
        for part in value:
            found |= _fact_ids(part, base)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            found |= _fact_ids(getattr(value, field.name), base)
    return found


def _figures_asked(question: MultipleChoice, base: FactBase) -> set[str]:
    ask = question.ask
    found = {f.id for f in base.figures if f.excerpt and f.excerpt in question.explanation}
    for figure in base.figures:
        if not isinstance(ask, (FigureValue, FigureGiven, FigureHolder)) or (
            ask.measure != figure.measure
        ):
            continue
        if isinstance(ask, (FigureValue, FigureGiven)):
            if ask.subject == figure.subject and (
                ask.given_by is None or set(ask.given_by) == set(figure.given_by)
            ):
                found.add(figure.id)
        elif isinstance(ask, FigureHolder) and ask.amount.value == figure.value:
            found.add(figure.id)
    return found


def asked(question: Question, base: FactBase) -> frozenset[str]:
    """The facts whose answer an item asks for (see _asked), remembered per item and base."""
    key = (question.id, question.factbase, id(base))
    entry = _ASKED.get(key)
    if entry is None or not _same(entry, base, question):
        if len(_ASKED) > 100_000:
            _ASKED.clear()
        entry = _ASKED[key] = (base, question, _asked(question, base))
    return entry[2]


def _same(entry: tuple[FactBase, Question, object], base: FactBase, question: Question) -> bool:
    """A remembered entry is for this base and this question: it holds both, so the id of a
    base that was freed is never taken for another, and a question of the same id but other
    wording is looked at anew."""
    return entry[0] is base and (entry[1] is question or entry[1] == question)


_ASKED: dict[tuple[str, str, int], tuple[FactBase, Question, frozenset[str]]] = {}


def _asked(question: Question, base: FactBase) -> frozenset[str]:
    """The facts whose answer an item asks for: a quote's speaker, a figure, events' order, ..."""
    match question:
        case Matching():
            return frozenset(_fact_ids([o.claim for o in question.left], base))
        case Ordering():
            return frozenset(_fact_ids([o.claim for o in question.items], base))
        case MultipleChoice():
            pass
        case _:
            assert_never(question)
    if isinstance(question.ask, (FigureValue, FigureGiven, FigureHolder)):
        return frozenset(_figures_asked(question, base))
    ask = question.ask
    if isinstance(ask, SpeakerOf):
        return frozenset({ask.quote})
    if isinstance(ask, PlaceOf):  # where an event happened or a quote was said: its place
        fact = base.by_id.get(ask.fact)
        place = fact.place if isinstance(fact, (Event, Quote)) else None
        return frozenset({place} if place is not None else _fact_ids(ask, base))
    if isinstance(ask, ClaimantOf):  # who claimed it: the claim, and the figures it carries
        claim = base.by_id.get(ask.claim)
        carried = {f.id for f in base.figures if f.excerpt and f.excerpt in question.explanation}
        if isinstance(claim, ReportedClaim) and claim.figure is not None:
            carried.add(claim.figure)
        return frozenset({ask.claim} | carried)
    if isinstance(ask, (TermMeaning, TermFor)):  # what a term means, or which term means it
        return frozenset({ask.term})
    if isinstance(ask, ParagraphOf):  # where the article says it: no fact's answer, only a place
        return frozenset()  # on the page, which no other item states
    # an ask this module does not know: the facts it names, but not the options' entities
    named = _fact_ids(question.ask, base)
    return frozenset(named - {e.id for e in base.entities} or named)


def statements(question: Question) -> tuple[str, ...]:
    """What an item states as true on the page or card: its prompt, quotes, events and excerpts.

    Options of a multiple-choice item and a matching's right column are candidates, not
    statements; their texts are checked separately against the answers of other items.
    """
    shown: list[str] = [question.prompt, *question.explanation]
    match question:
        case Matching():
            shown += [o.text for o in question.left]
        case Ordering():
            shown += [o.text for o in question.items]
        case MultipleChoice():
            pass
        case _:
            assert_never(question)
    return tuple(shown)


def _answer_text(question: Question) -> str | None:
    """The correct option's text when it is a phrase (a meaning, a claim), not a name or number."""
    if not isinstance(question, MultipleChoice) or not 0 <= question.answer < len(question.options):
        return None
    option = question.options[question.answer]
    if isinstance(option.claim, Amount) or len(_words(option.text)) < 4:
        return None
    return option.text


# ---- one item against another -----------------------------------------------------------------


def _shared_limit(a: Question, b: Question) -> int:
    if isinstance(a, Ordering) and isinstance(b, Ordering):
        return SHARED_EVENTS
    if isinstance(a, Matching) and isinstance(b, Matching):
        return SHARED_QUOTES
    return 0


@dataclass(frozen=True)
class _Profile:
    """What one item asks and shows, worked out once so that pairs compare fast."""

    shape: type
    asked: frozenset[str]
    values: tuple[tuple[Decimal, str], ...]  # (value, figure id) of the figures it asks
    quotes: tuple[Quote, ...]  # the quotes it asks who said
    numbers: frozenset[Decimal]  # every number its statements show
    said: str  # its statements, case-folded, but for quotes it only presents to attribute
    said_all: str  # every statement, case-folded
    events: frozenset[str]  # events it shows (as an item, a description or an excerpt)


_PROFILES: dict[tuple[str, str, int], tuple[FactBase, Question, _Profile]] = {}
_CARRIERS: dict[int, tuple[FactBase, dict[str, frozenset[str]]]] = {}


def _carriers(base: FactBase) -> dict[str, frozenset[str]]:
    """For each quote, the events that carry it: the same passage, naming or involving its
    speaker (shown, they say who said it)."""
    known = _CARRIERS.get(id(base))
    if known is not None and known[0] is base:
        return known[1]
    carriers: dict[str, frozenset[str]] = {}
    for quote in base.quotes:
        names = [n.casefold() for s in quote.speakers
                 if isinstance(e := base.by_id.get(s), Entity) for n in (e.name, *e.aliases)
                 if n.strip()]
        carriers[quote.id] = frozenset(
            event.id for event in base.events
            if quote.excerpt and same_passage(event.excerpt, quote.excerpt)
            and (set(event.people) & set(quote.speakers) or any(
                n in f"{event.description}\n{event.excerpt}".casefold() for n in names))
        )
    if len(_CARRIERS) > 64:
        _CARRIERS.clear()
    _CARRIERS[id(base)] = (base, carriers)
    return carriers


def _profile(question: Question, base: FactBase) -> _Profile:
    key = (question.id, question.factbase, id(base))
    entry = _PROFILES.get(key)
    if entry is not None and _same(entry, base, question):
        return entry[2]
    facts = asked(question, base)
    said = statements(question)
    presented = _presented_quotes(question)
    shown = set(said)
    found = _Profile(
        shape=type(question),
        asked=facts,
        values=tuple(sorted(
            (value.normalize(), f.id) for f in base.figures if f.id in facts
            for value in (f.value, f.to) if value is not None
        )),
        quotes=tuple(q for q in base.quotes if q.id in facts),
        numbers=frozenset(n for text in said for n in numbers_in(text)),
        said="\n".join(t for t in said if t not in presented).casefold(),
        said_all="\n".join(said).casefold(),
        events=frozenset(e.id for e in base.events
                         if e.description in shown or (e.excerpt and e.excerpt in shown))
        | (facts if isinstance(question, Ordering) else frozenset()),
    )
    if len(_PROFILES) > 200_000:
        _PROFILES.clear()
    _PROFILES[key] = (base, question, found)
    return found


def gives_away(a: Question, b: Question, base: FactBase) -> str | None:
    """Why item b answers item a, or asks a fact a asks too (None when it does neither).

    b answers a when its prompt, quotes, events or excerpts state a figure's value a asks for,
    show a quote a asks about (other than as a quote to attribute), show an event that carries
    that quote and its speaker, or state a's answer phrase.
    """
    pa, pb = _profile(a, base), _profile(b, base)
    shared = pa.asked & pb.asked
    if shared and len(shared) > _shared_limit(a, b):
        return "both ask " + ", ".join(sorted(shared))
    for value, figure_id in pa.values:
        if value in pb.numbers:
            return f"states {figure_id}'s value {value}"
    if pa.quotes:
        carriers = _carriers(base)
        for quote in pa.quotes:
            if len(quote.text) >= 12 and quote.text.casefold() in pb.said:
                return f"shows the quote {quote.id}"
            if carriers.get(quote.id, frozenset()) & pb.events:
                return f"says who said {quote.id}"
    answer = _answer_text(a)
    if answer and answer.casefold() in pb.said_all:
        return f"states the answer “{answer}”"
    return None


def _presented_quotes(question: Question) -> frozenset[str]:
    """Texts an item shows as a quote to attribute (a prompt, a matching's left column): they
    show the quote but not who said it."""
    if isinstance(question, Matching):
        return frozenset(o.text for o in question.left)
    if isinstance(question, MultipleChoice) and isinstance(question.ask, SpeakerOf):
        return frozenset({question.prompt})
    return frozenset()


def conflict(a: Question, b: Question, bases: Iterable[FactBase]) -> str | None:
    """Why two items cannot stand in one quiz (either gives the other away), or None."""
    if a.factbase != b.factbase:
        return None
    base = next((x for x in bases if x.id == a.factbase), None)
    if base is None:
        return None
    return gives_away(a, b, base) or gives_away(b, a, base)


class Checker:
    """Conflicts of items against those already kept, remembering what each item asks."""

    def __init__(self, bases: Iterable[FactBase]) -> None:
        self.bases = {base.id: base for base in bases}
        self.kept: list[Question] = []
        self.uses: dict[tuple[str, str], int] = {}  # (fact base, event) -> orderings showing it

    def clash(self, question: Question) -> str | None:
        """Why the item cannot join the kept ones (the first clash found), or None."""
        base = self.bases.get(question.factbase)
        if base is None:
            return None
        for other in self.kept:
            if other.factbase == question.factbase:
                reason = gives_away(other, question, base) or gives_away(question, other, base)
                if reason:
                    return f"{other.id}: {reason}"
        return None

    def offer(self, question: Question) -> bool:
        """Keep the item if it clashes with none kept; whether it was kept."""
        if self.clash(question) is not None or self._worn(question):
            return False
        self.kept.append(question)
        if isinstance(question, Ordering):
            for fact in asked(question, self.bases[question.factbase]):
                key = (question.factbase, fact)
                self.uses[key] = self.uses.get(key, 0) + 1
        return True

    def _worn(self, question: Question) -> bool:
        """Whether an ordering shows an event that EVENT_USES kept orderings show already."""
        if not isinstance(question, Ordering) or question.factbase not in self.bases:
            return False
        base = self.bases[question.factbase]
        return any(self.uses.get((question.factbase, fact), 0) >= EVENT_USES
                   for fact in asked(question, base))


def find_leaks(quiz: Quiz) -> list[Leak]:
    """Every pair of items of a quiz where one gives the other away or asks its fact again."""
    leaks: list[Leak] = []
    questions = quiz.questions
    for i, a in enumerate(questions):
        for b in questions[i + 1 :]:
            if a.factbase != b.factbase:
                continue
            base = quiz.base(a.factbase)
            for x, y in ((a, b), (b, a)):
                reason = gives_away(x, y, base)
                if reason:
                    leaks.append(Leak(x.id, y.id, reason))
    return leaks
