"""Fact-base strings made safe for Anki fields, and the HTML fragments notes are built of."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from quizgen.model import PartialDate

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
    nor its [sound:...] and [latex] tags ever see them.
    """
    return html.escape(_CONTROL.sub(" ", value), quote=True).translate(_ANKI_SYNTAX)


def cloze_text(value: str) -> str:
    """Like text(), and also defuses "::" so the string can sit inside a {{c1::...}} deletion."""
    return text(value).replace(":", "&#58;")


def cloze(quote: str, key_phrase: str | None) -> str:
    """The quote as a cloze field with one deletion: the key phrase, or a deterministic fallback."""
    start, end = _blank_span(quote, key_phrase)
    return text(quote[:start]) + "{{c1::" + cloze_text(quote[start:end]) + "}}" + text(quote[end:])


def _blank_span(quote: str, key_phrase: str | None) -> tuple[int, int]:
    """Where to blank: the key phrase's first occurrence, else the longest word (earliest wins)."""
    if key_phrase and key_phrase.strip():
        found = quote.find(key_phrase)
        if found >= 0:
            return found, found + len(key_phrase)
    words = list(re.finditer(r"[^\W_]+(?:['’-][^\W_]+)*", quote))
    if not words:
        return 0, len(quote)
    best = max(words, key=lambda match: (len(match.group()), -match.start()))
    return best.start(), best.end()


def plain(value: str) -> str:
    """A string on one line with runs of whitespace collapsed (for deck names and labels)."""
    return _SPACE.sub(" ", _CONTROL.sub(" ", value)).strip()


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
