"""Shared by the platform formats: clean text, matchings and orderings reshaped, limits, zips."""

from __future__ import annotations

import html
import io
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timezone

from quizgen.questions import Matching, MultipleChoice, Ordering, Question

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ufffe\uffff]")
_QUOTED = re.compile(r"“([^”]*)”")
ELLIPSIS = "…"


def clean(text: str) -> str:
    """The text on one line: control characters and runs of whitespace become one space."""
    return " ".join(_CONTROL.sub(" ", text).split())


def html_text(text: str) -> str:
    """Fact-base text as HTML text content: cleaned, with & < > escaped (never markup)."""
    return html.escape(clean(text), quote=False)


def ordinal(n: int) -> str:
    """1 -> '1st', 2 -> '2nd', 11 -> '11th': positions in an order, shown as answers."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


# ---- Matchings and orderings as pairs --------------------------------------------------------


@dataclass(frozen=True)
class Pairs:
    """A matching as the platforms take it: left items, right answers and the correct pairs.

    `asks` holds, for each left item, the question it becomes on its own ("Who said: “…”?").
    A right item may answer several left items (a speaker used more than once).
    """

    prompt: str
    left: tuple[str, ...]
    right: tuple[str, ...]
    answer: tuple[tuple[int, int], ...]  # (left index, right index), one per left item
    asks: tuple[str, ...]


def as_pairs(question: Matching | Ordering) -> Pairs:
    """A matching as it is; an ordering as matching each item to its position (1st, 2nd, ...)."""
    if isinstance(question, Matching):
        left = tuple(option.text for option in question.left)
        return Pairs(
            prompt=question.prompt,
            left=left,
            right=tuple(option.text for option in question.right),
            answer=question.answer,
            asks=tuple(f"Who said: {text}?" for text in left),
        )
    items = tuple(option.text for option in question.items)
    position = {item: rank for rank, item in enumerate(question.answer)}
    return Pairs(
        prompt=f"{question.prompt} Match each event to its place: 1st is the earliest.",
        left=items,
        right=tuple(ordinal(n) for n in range(1, len(items) + 1)),
        answer=tuple((i, position[i]) for i in range(len(items))),
        asks=tuple(f"Earliest first, where in the order does this event come: {text}?"
                   for text in items),
    )


# ---- Everything as multiple choice -----------------------------------------------------------


@dataclass(frozen=True)
class Choice:
    """One multiple-choice item as the quiz games take it: prompt, options, the correct index."""

    id: str  # the question's id, with "-2", "-3", ... for the 2nd, 3rd item a question became
    prompt: str
    options: tuple[str, ...]
    answer: int
    explanation: tuple[str, ...]
    tags: tuple[str, ...]


def as_choices(question: Question) -> tuple[Choice, ...]:
    """A multiple choice as it is; a matching or ordering as one multiple choice per left item."""
    if isinstance(question, MultipleChoice):
        return (Choice(id=question.id, prompt=clean(question.prompt),
                       options=tuple(clean(o.text) for o in question.options),
                       answer=question.answer, explanation=question.explanation,
                       tags=question.tags),)
    pairs = as_pairs(question)
    right = tuple(clean(text) for text in pairs.right)
    return tuple(
        Choice(id=question.id if n == 0 else f"{question.id}-{n + 1}",
               prompt=clean(pairs.asks[left]), options=right, answer=answer,
               explanation=question.explanation, tags=question.tags)
        for n, (left, answer) in enumerate(pairs.answer)
    )


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
