"""Fact-base strings made safe for Anki fields, and the HTML fragments notes are built of."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from quizgen.factbase.model import PartialDate
from quizgen.renderers.wording import typographic

# C0/C1 control characters other than tab and newline; \x1f is Anki's field separator.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPACE = re.compile(r"\s+")
# Characters Anki's template engine, cloze parser, sound tags or LaTeX tags would act on even
# after HTML escaping: braces ({{c1::...}}, {{Field}}) and brackets ([sound:...], [latex], [$]).
_ANKI_SYNTAX = str.maketrans({"{": "&#123;", "}": "&#125;", "[": "&#91;", "]": "&#93;"})
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def text(value: str) -> str:
    """A fact-base string as inert HTML: escaped, control characters dropped, Anki syntax defused.

    Braces and brackets become entities, so neither Anki's template engine, its cloze parser,
    nor its [sound:...] and [latex] tags ever see them. Quotes and apostrophes stay as they are
    (the result is text content, never an attribute value): a student's search for
    "Calderia's" must find the field, and Anki's own editor stores them so.
    """
    safe = html.escape(_CONTROL.sub(" ", value), quote=False)
    if "{" in safe or "}" in safe or "[" in safe or "]" in safe:  # translate is ~70x the test
        return safe.translate(_ANKI_SYNTAX)
    return safe


MIN_QUOTE_WORDS = 3  # a shorter fragment ("clearly", "massive fraud") is not worth a gap card
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_COMMON = frozenset(re.findall(r"\w+", (
    "a an and are as at be been but by for from had has have he her his i if in into is it its"
    " me my no not of on or our she so than that the their them then there these they this to"
    " us was we were what when which who will with would you your"
)))


def worth_asking(quote: str) -> bool:
    """Whether a quote has the MIN_QUOTE_WORDS words it takes to be attributed or gapped."""
    return len(_WORD.findall(quote)) >= MIN_QUOTE_WORDS


def gap(quote: str, key_phrase: str | None) -> tuple[str, str] | None:
    """The quote with a gap in place of its distinctive words, and with those words marked, as
    HTML; None when the quote is too short to leave enough of it around a gap.

    The gap is the key phrase when it leaves at least two words standing, else the quote's
    longest uncommon word; never the whole quote.
    """
    words = list(_WORD.finditer(quote))
    if len(words) < MIN_QUOTE_WORDS:
        return None
    span = _gap_span(quote, key_phrase, words)
    if span is None:
        return None
    start, end = span
    before, missing, after = quote[:start], quote[start:end], quote[end:]
    return (
        text(before) + '<span class="qg-gap">…</span>' + text(after),
        text(before) + f'<span class="qg-missing">{text(missing)}</span>' + text(after),
    )


def _gap_span(quote: str, key_phrase: str | None,
              words: list[re.Match[str]]) -> tuple[int, int] | None:
    def standing(start: int, end: int) -> int:
        return sum(1 for w in words if w.end() <= start or w.start() >= end)

    if key_phrase and key_phrase.strip():
        found = quote.find(key_phrase)
        if found >= 0 and standing(found, found + len(key_phrase)) >= 2:
            return found, found + len(key_phrase)
    candidates = [w for w in words if w.group().casefold() not in _COMMON and len(w.group()) > 2]
    if not candidates:
        return None
    best = max(candidates, key=lambda match: (len(match.group()), -match.start()))
    return best.start(), best.end()


__all__ = ["typographic"]  # re-exported for the notes: one place for quizgen's own wording


def plain(value: str) -> str:
    """A string on one line with runs of whitespace collapsed (for deck names and labels)."""
    return _SPACE.sub(" ", _CONTROL.sub(" ", value)).strip()


def article_name(base_id: str) -> str:
    """A fact base's short name, from its id ("Venezuela post election"): its deck's name, and
    what sets its notes apart from another article's in Anki's browser and duplicate check."""
    words = re.sub(r"[-_]+", " ", base_id).strip()
    return (words[:1].upper() + words[1:]) if words else base_id


def letter(index: int) -> str:
    """The label of the index-th option: A, B, ..., Z, then 27, 28, ..."""
    return chr(ord("A") + index) if 0 <= index < 26 else str(index + 1)


def join_names(names: Sequence[str]) -> str:
    """Names as English prose: "A", "A and B", "A, B and C" (already escaped strings)."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def date(value: PartialDate) -> str:
    """A partial date in words: "2024", "July 2024", "28 July 2024"."""
    if value.month is None or not 1 <= value.month <= 12:
        return f"{value.year}"
    month = _MONTHS[value.month - 1]
    if value.day is None:
        return f"{month} {value.year}"
    return f"{value.day} {month} {value.year}"


def item(label: str, body: str, *, css: str = "", mark: str = "", ref: str = "") -> str:
    """One list entry: a label chip, its (already escaped) body, then a mark or a reference chip."""
    cls = f' class="{css}"' if css else ""
    tail = f'<span class="qg-mark">{mark}</span>' if mark else ""
    tail += (
        f'<span class="qg-chip qg-ref" title="as shown on the front">{ref}</span>' if ref else ""
    )
    chip = f'<span class="qg-chip">{label}</span>'
    return f'<li{cls}>{chip}<span class="qg-body">{body}</span>{tail}</li>'


def item_list(items: Sequence[str], *, css: str) -> str:
    """A list of item() entries."""
    return f'<ol class="qg-list {css}">' + "".join(items) + "</ol>"


def excerpts(values: Sequence[str]) -> str:
    """Source excerpts as block quotes (empty when there are none)."""
    return "".join(f'<blockquote class="qg-excerpt">{text(value)}</blockquote>' for value in values)
