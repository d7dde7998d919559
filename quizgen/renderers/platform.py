"""Shared by the platform formats: clean text, matchings and orderings reshaped, limits, zips."""

from __future__ import annotations

import html
import io
import re
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timezone

from quizgen.factbase.model import FactBase
from quizgen.quiz.questions import (
    GapFill,
    Matching,
    MultipleChoice,
    Ordering,
    Question,
    Quiz,
    QuoteRef,
    SpeakerOf,
    assert_never,
)

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ufffe\uffff]")
_QUOTED = re.compile(r"“([^”]*)”")
ELLIPSIS = "…"


def clean(text: str) -> str:
    """The text on one line: control characters and runs of whitespace become one space."""
    return " ".join(_CONTROL.sub(" ", text).split())


# What a spreadsheet reads as the start of a formula (OWASP, "CSV Injection"): = + - @, and a
# TAB or CR, which spreadsheets strip and which may leave one of those first.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def sheet_cell(text: str) -> str:
    """A text cell of a delimited or spreadsheet file that no spreadsheet runs as a formula.

    A cell that starts with a formula character, after any leading whitespace, gets a single
    quote before it, as OWASP advises: spreadsheets show the text as written (`=1+1`, `-5%`)
    instead of computing it (Excel, LibreOffice and Google Sheets take the quote as "text").
    """
    if text.lstrip(" \t\r\n").startswith(_FORMULA_START) or text.startswith(_FORMULA_START):
        return "'" + text
    return text


def html_text(text: str) -> str:
    """Fact-base text as HTML text content: cleaned, with & < > escaped (never markup)."""
    return html.escape(clean(text), quote=False)


def ordinal(n: int) -> str:
    """1 -> '1st', 2 -> '2nd', 11 -> '11th': positions in an order, shown as answers."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def question_name(question: Question) -> str:
    """The name teachers see in a question bank: the prompt, then a matching's or an ordering's
    items or a gap-fill's passage (their prompts repeat), at most 100 characters."""
    items: tuple[str, ...]
    match question:
        case MultipleChoice():
            items = ()
        case Matching():
            items = tuple(o.text for o in question.left)
        case Ordering():
            items = tuple(o.text for o in question.items)
        case GapFill():
            items = (gapped(question),)
        case _:
            assert_never(question)
    listed = "; ".join(clean(item) for item in items)
    return shorten(clean(f"{question.prompt} {listed}"), 100)


# ---- Matchings and orderings as pairs --------------------------------------------------------


@dataclass(frozen=True)
class Pairs:
    """A matching as the platforms take it: left items, right answers and the correct pairs.

    A right item may answer several left items (a speaker used more than once), or none.
    """

    prompt: str
    left: tuple[str, ...]
    right: tuple[str, ...]
    answer: tuple[tuple[int, int], ...]  # (left index, right index), one per left item


def as_pairs(question: Matching | Ordering) -> Pairs:
    """A matching as it is; an ordering as matching each item to its position (1st, 2nd, ...)."""
    match question:
        case Matching():
            return Pairs(prompt=question.prompt, left=tuple(o.text for o in question.left),
                         right=tuple(o.text for o in question.right), answer=question.answer)
        case Ordering():
            return _ordering_pairs(question)
        case _:
            assert_never(question)


def _ordering_pairs(question: Ordering) -> Pairs:
    """An ordering as a matching of each item to its position, 1st the earliest."""
    items = tuple(option.text for option in question.items)
    position = {item: rank for rank, item in enumerate(question.answer)}
    return Pairs(
        prompt=f"{question.prompt} Match each event to its place: 1st is the earliest.",
        left=items,
        right=tuple(ordinal(n) for n in range(1, len(items) + 1)),
        answer=tuple((i, position[i]) for i in range(len(items))),
    )


# ---- Everything as multiple choice -----------------------------------------------------------


@dataclass(frozen=True)
class Choice:
    """One multiple-choice item as the quiz games take it: prompt, options, the correct index."""

    id: str  # the question's id, with "-2", "-3", ... for the 2nd, 3rd item a question became
    prompt: str
    options: tuple[str, ...]
    answer: int
    needs_options: bool = False  # the prompt asks "of these": it makes no sense without them
    source: str = ""  # the id of the question it came from (several choices may share one)


def quiz_choices(quiz: Quiz, *, max_options: int | None = None,
                 ends_only: bool = False) -> tuple[Choice, ...]:
    """Every question as multiple choice, in quiz order, never asking one twice (a quote of a
    matching may also be a who-said-it question); `ends_only`: an ordering asks only its first
    and last (see `as_choices`)."""
    seen: set[tuple[str, str]] = set()
    choices = []
    for question in quiz.questions:
        for choice in as_choices(question, base=quiz.base(question.factbase),
                                 max_options=max_options, ends_only=ends_only):
            key = (choice.prompt + "\n".join(choice.options) * choice.needs_options,
                   choice.options[choice.answer])
            if key not in seen:
                seen.add(key)
                choices.append(choice)
    return tuple(choices)


def as_choices(question: Question, *, base: FactBase, max_options: int | None = None,
               ends_only: bool = False) -> tuple[Choice, ...]:
    """A multiple choice as it is; a matching as one "who said" per quote; an ordering as one
    "which happened Nth" per position, all its items the options.

    A quote's options are the matching's speakers less any other the oracle finds also said it.
    With `ends_only` (the quiz games), or when an ordering has more items than `max_options`,
    only "first" and "last" are asked: neither is forced by the other (asking every place
    would give the last away), and they stay true of any window of the items that holds the
    answer. An ordering of two asks only "first".
    """
    match question:
        case MultipleChoice():
            return (Choice(id=question.id, prompt=clean(question.prompt),
                           options=tuple(clean(o.text) for o in question.options),
                           answer=question.answer, source=question.id),)
        case Matching():
            return tuple(choice for n, (left, right) in enumerate(question.answer)
                         if (choice := _who_said(question, left, right, base, n)) is not None)
        case Ordering():
            return _which_choices(question, max_options=max_options, ends_only=ends_only)
        case GapFill():
            return _gap_choices(question, max_options=max_options)
        case _:
            assert_never(question)


BLANK = "_____"
GAP_CONTEXT = 45  # characters of the passage shown on each side of a gap asked on its own


def gapped(question: GapFill, *, mark: str = BLANK) -> str:
    """The passage with each gap shown as a numbered blank: "… in (1) _____ on Saturday …"."""
    parts = [question.passage[0]]
    for n, piece in enumerate(question.passage[1:], start=1):
        parts += [f"({n}) {mark}", piece]
    return clean("".join(parts))


def _gap_choices(question: GapFill, *, max_options: int | None) -> tuple[Choice, ...]:
    """A gap-fill as one "which word fills the gap" per gap, the words around it shown (other
    gaps as …), the bank the options: the oracle proves exactly one bank word fits each gap,
    so any window of the bank holding the key is sound."""
    found = []
    for n, key in enumerate(question.answer):
        before = clean(ELLIPSIS.join(question.passage[: n + 1]))
        after = clean(ELLIPSIS.join(question.passage[n + 1 :]))
        left, right = before, after
        if len(before) > GAP_CONTEXT:  # whole words only, the cut marked
            left = ELLIPSIS + before[-GAP_CONTEXT:].split(" ", 1)[-1]
        if len(after) > GAP_CONTEXT:
            right = _cut(after, GAP_CONTEXT) + ELLIPSIS
        join = "" if right[:1] in tuple(",.;:!?’”)") else " "
        prompt = f"Which word fills the gap? “{left} {BLANK}{join}{right}”"
        options = [clean(o.text) for o in question.bank]
        answer = key
        if max_options is not None and len(options) > max_options:
            start = min(max(0, key - max_options // 2), len(options) - max_options)
            options, answer = options[start:start + max_options], key - start
        found.append(Choice(id=_nth_id(question.id, n), prompt=clean(prompt),
                            options=tuple(options), answer=answer, needs_options=True,
                            source=question.id))
    return tuple(found)


def _which_choices(question: Ordering, *, max_options: int | None,
                   ends_only: bool) -> tuple[Choice, ...]:
    """An ordering as "which happened Nth" per position (only first and last with `ends_only`
    or when it has more items than `max_options`), all its items the options."""
    items = tuple(clean(option.text) for option in question.items)
    ranks = list(range(len(items)))
    if ends_only or (max_options is not None and len(items) > max_options):
        ranks = sorted({0, len(items) - 1}) if len(items) > 2 else [0]
    return tuple(
        Choice(id=_nth_id(question.id, n), prompt=_which(rank, len(items)), options=items,
               answer=question.answer[rank], needs_options=True, source=question.id)
        for n, rank in enumerate(ranks))


def _nth_id(question_id: str, n: int) -> str:
    return question_id if n == 0 else f"{question_id}-{n + 1}"


def _which(rank: int, count: int) -> str:
    """The prompt asking for the item at `rank` of `count`, earliest first."""
    if rank == 0:
        return "Of these events, which came first?"
    if rank == count - 1:
        return "Of these events, which came last?"
    return f"Of these events, which came {ordinal(rank + 1)}, counting from the earliest?"


def _who_said(question: Matching, left: int, right: int, base: FactBase,
              n: int) -> Choice | None:
    """"Who said: “…”?" for one quote of a matching, proved by the oracle (None if it cannot be:
    then the quote is asked nowhere in the quiz games rather than asked wrongly)."""
    from quizgen.oracle import correct_options

    claim = question.left[left].claim
    if not isinstance(claim, QuoteRef):
        return None
    probe = MultipleChoice(
        id=question.id, kind=question.kind, factbase=question.factbase, prompt="",
        ask=SpeakerOf(claim.quote), options=question.right, answer=right, explanation=())
    true = set(correct_options(probe, base))
    if right not in true:
        return None
    keep = [i for i in range(len(question.right)) if i == right or i not in true]
    if len(keep) < 2:
        return None
    prompt = f"Who said: {clean(question.left[left].text)}?"
    return Choice(id=_nth_id(question.id, n), prompt=prompt,
                  options=tuple(clean(question.right[i].text) for i in keep),
                  answer=keep.index(right), source=question.id)


@dataclass(frozen=True)
class Limits:
    """What a quiz game accepts: answers per question, characters per question and answer."""

    options: int
    prompt_chars: int | None = None
    option_chars: int | None = None


def fit(choice: Choice, limits: Limits) -> Choice:
    """The choice within the limits: a window of options around the answer, texts shortened.

    Options keep their order (numeric ones stay ascending); an option shortened into another
    one's text is dropped, never the answer.
    """
    options, answer = list(choice.options), choice.answer
    if len(options) > limits.options:
        start = min(max(0, answer - limits.options // 2), len(options) - limits.options)
        options, answer = options[start:start + limits.options], answer - start
    if limits.option_chars is not None:
        short = [shorten(text, limits.option_chars) for text in options]
        seen, keep = {short[answer]}, []
        for i, text in enumerate(short):
            if i == answer or text not in seen:
                seen.add(text)
                keep.append(i)
        options, answer = [short[i] for i in keep], keep.index(answer)
    prompt = choice.prompt
    if limits.prompt_chars is not None:
        prompt = shorten(prompt, limits.prompt_chars)
    return replace(choice, prompt=prompt, options=tuple(options), answer=answer)


def shorten(text: str, limit: int) -> str:
    """The text cut at a word boundary to at most `limit` characters, ending in an ellipsis.

    A quotation in the text (“…”) is shortened first, so "Who said: “…”?" keeps its question.
    """
    if len(text) <= limit:
        return text
    quoted = _QUOTED.search(text)
    if quoted:
        room = len(quoted.group(1)) - (len(text) - limit) - len(ELLIPSIS)
        if room >= 12:
            inner = _cut(quoted.group(1), room) + ELLIPSIS
            return text[:quoted.start(1)] + inner + text[quoted.end(1):]
    return _cut(text, limit - len(ELLIPSIS)) + ELLIPSIS


def _cut(text: str, limit: int) -> str:
    """At most `limit` characters of the text, ending at a word boundary when there is one."""
    head = text[:limit + 1]
    if len(head) > limit:
        space = head.rfind(" ")
        head = head[:space] if space > limit // 2 else head[:limit]
    return head.rstrip(" ,;:.-–—")


def seconds(choice: Choice, allowed: tuple[int, ...]) -> int:
    """A time limit from `allowed`: 20 s, more for long reads (about two words a second)."""
    words = len(" ".join((choice.prompt, *choice.options)).split())
    wanted = max(20, 5 + words // 2)
    return next((s for s in sorted(allowed) if s >= wanted), max(allowed))


def time_limits(choices: Sequence[Choice], allowed: tuple[int, ...]) -> list[int]:
    """Each choice's time limit from `allowed`: one per source question (the longest any of its
    choices needs), so that the items a matching or an ordering became are timed alike."""
    longest: dict[str, int] = {}
    for choice in choices:
        longest[choice.source] = max(longest.get(choice.source, 0), seconds(choice, allowed))
    return [longest[choice.source] for choice in choices]


# ---- Reproducible zips -----------------------------------------------------------------------


def zip_bytes(files: Mapping[str, bytes], *, timestamp: int) -> bytes:
    """A zip of the files in the given order, every entry dated `timestamp` (UTC), deflated.

    No clock, no file-system metadata: the same files and timestamp give the same bytes.
    """
    moment = datetime.fromtimestamp(max(timestamp, 315532800), tz=timezone.utc)
    stamp = (moment.year, moment.month, moment.day, moment.hour, moment.minute,
             moment.second)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            archive.writestr(info, data, compresslevel=9)
    return buffer.getvalue()


def iso_time(timestamp: int) -> str:
    """The timestamp as an ISO 8601 UTC time, e.g. 2023-11-14T22:13:20Z."""
    return datetime.fromtimestamp(timestamp, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
