"""Hostile article shapes of round three (issue 20), each made to a size: shared by tests and bench.

Each maker returns an article text of about `size` characters whose shape once made `draft`
quadratic or worse: unclosed single quotes, runs of stops with no sentence after them, a pasted
list of quoted strings, acronyms in brackets after names, and plain news prose repeated.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "content" / "sources" / "venezuela-post-election.txt"
HEADLINE = "Hostile article for the drafter\n"


def _fill(unit: Callable[[int], str], size: int) -> str:
    parts: list[str] = []
    total = 0
    number = 0
    while total < size:
        part = unit(number)
        parts.append(part)
        total += len(part)
        number += 1
    return "".join(parts)


def unclosed_single_quotes(size: int) -> str:
    """One paragraph of `'x 'x 'x …`: every mark opens a quotation that never closes."""
    return HEADLINE + "Officials said " + "'x " * max(1, size // 3) + "\n"


def stop_runs(size: int) -> str:
    """One run of . ! ? … as long as the article, not followed by a space and a capital."""
    run = ".!?…" * max(1, size // 6)  # 6 bytes in UTF-8
    return HEADLINE + "The minister said" + run + "x and more.\n"


def quoted_list(size: int) -> str:
    """A pasted list of quoted strings in one sentence: `"more pay now 1", "more pay now 2", …`."""
    return HEADLINE + "The union listed " + _fill(lambda n: f'"more pay now {n}", ', size) \
        + 'and "the end".\n'


def bracketed_acronyms(size: int) -> str:
    """Organisations named with their acronym in brackets, then the acronyms used alone."""
    def unit(n: int) -> str:
        letters = _letters(n)
        words = " ".join(f"{c}{'ab' if i else 'orth'}" for i, c in enumerate(letters))
        return (f"The {words} Union ({letters}) met on Monday. The {letters} said it would"
                f" strike.\n")
    return HEADLINE + _fill(unit, size)


def _letters(number: int) -> str:
    """A distinct run of three or more capitals for every number: AAA, AAB, …"""
    out = ""
    number += 26 * 26
    while number:
        number, rest = divmod(number, 26)
        out = chr(ord("A") + rest) + out
    return out.rjust(3, "A")


def news_prose(size: int) -> str:
    """The bundled article repeated to the size: the drafter's ordinary work."""
    headline, body = ARTICLE.read_text(encoding="utf-8").split("\n", 1)
    copies = max(1, size // len(body) + 1)
    return headline + "\n" + "\n".join([body] * copies)[:size].rsplit("\n", 1)[0] + "\n"


SHAPES: dict[str, Callable[[int], str]] = {
    "unclosed single quotes": unclosed_single_quotes,
    "stop runs": stop_runs,
    "quoted list": quoted_list,
    "bracketed acronyms": bracketed_acronyms,
    "news prose": news_prose,
}
