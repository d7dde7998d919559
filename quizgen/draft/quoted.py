"""A quoted passage's guess (its words, speakers and why), and the quotations nested in one."""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizgen.article.text import Article, Quoted

_CLOSING = ",;:"


@dataclass
class QuoteGuess:
    """A quoted passage, its words as a fact base writes them, and who probably said them."""

    quoted: Quoted
    text: str
    speakers: list[str]
    how: str  # why these speakers, for the fact's `check:`
    excerpt: tuple[int, int]
    nobody: str = ""  # why nobody says these words (a title, scare quotes …), if so
    nested: bool = False  # words quoted inside another quotation, by its speaker


def quote_text(article: Article, quoted: Quoted) -> str:
    """The quoted words: a trailing comma always, and a fragment's full stop, left out."""
    said = " ".join(article.text[quoted.inner_start:quoted.inner_end].split())
    said = said.rstrip(_CLOSING + " ")
    if said.endswith(".") and not said.endswith("..") and said[:1].islower():
        said = said[:-1].rstrip(_CLOSING + " ")
    return said


# Single marks inside a quotation in double ones ("… a normal, 'healthy' profile …"): an
# opening mark after a space or bracket and before a letter, a closing one after a letter or
# stop and before no letter (an apostrophe between letters is neither).
_NESTED = re.compile(r"(?<![\w’'])([‘'])(\w[^‘’'\n]{0,200}?[\w.!?])([’'])(?![\w’'])")


# Double marks inside a quotation in single ones (British style: ‘… “tests” …’).
_NESTED_DOUBLE = re.compile(r"(?<![\w])([“\"])(\w[^“”\"\n]{0,200}?[\w.!?,])([”\"])(?![\w])")


def nested_quotes(article: Article, outer: QuoteGuess) -> list[QuoteGuess]:
    """The words quoted inside a quotation, each a quote of its own by the same speakers
    (scare quotes, a name or words the speaker cites): “… these 'tests'.” gives “tests”."""
    quoted = outer.quoted
    mark = article.text[quoted.start:quoted.start + 1]
    if mark not in ("“", '"', "‘", "'"):
        return []
    pattern = _NESTED if mark in ("“", '"') else _NESTED_DOUBLE  # ‘… “fake news” …’
    found = []
    for match in pattern.finditer(article.text, quoted.inner_start, quoted.inner_end):
        inner = Quoted(match.start(), match.end(), match.start(2), match.end(2), True)
        found.append(QuoteGuess(inner, quote_text(article, inner), list(outer.speakers),
                                f"{outer.how}, whose quotation holds it", (match.start(),
                                                                          match.end()),
                                nobody=outer.nobody, nested=True))
    return found
