"""Speakers named after a quotation past a description or a dash ("said the head of X, Y")."""

from __future__ import annotations

import re
from collections.abc import Callable

from quizgen.article.lexicon import REPORTING_VERBS
from quizgen.draft.mentions import Mention

_SAID_DESCRIBED = re.compile(r"\s*,?\s*(\w+)\s+(?:the|a|an|his|her|their|its)\s+[^,;:.“”\"]{1,60}"
                             r",\s+")
_DASH = re.compile(r"\s*[–—]\s*")
IT_SAYS = REPORTING_VERBS | {"found", "finds"}  # "“…,” it said / found": a body's, a study's
OWNED_NAMED = re.compile(r"(?:his|her|their|its)\s+[a-z]+,\s+")  # "his sister, Jane"


def said_described(masked: str, at: int, person_at: Callable[[int], Mention | None]
                   ) -> tuple[list[str], int, str] | None:
    """ "“…,” said the head of a farmers’ union, Paul Dunn.": a reporting verb, a description
    and a person's name ending the clause (from offset `at`, after the quotation): that
    person; else None."""
    said = _SAID_DESCRIBED.match(masked, at)
    if said is None or said.group(1) not in REPORTING_VERBS:
        return None
    named = person_at(said.end())
    if named is None or named.key is None or not re.match(r"\s*(?:[.,;!?]|$)",
                                                          masked[named.end:named.end + 2]):
        return None
    return [named.key], named.end, f"“{said.group(1)} …, {masked[named.start:named.end]}” after it"


def signed_after(masked: str, end: int, person_at: Callable[[int], Mention | None]
                 ) -> tuple[list[str], int, str] | None:
    """ "“It will never happen” – Tom Hale.": a person's name after a dash, ending its line or
    sentence, signs the quotation that ends at `end`; else None."""
    dash = _DASH.match(masked, end)
    named = person_at(dash.end()) if dash is not None else None
    if named is None or named.key is None or not re.match(r"[^\S\n]*(?:[.\n]|$)",
                                                          masked[named.end:named.end + 2]):
        return None
    return [named.key], named.end, "a name after a dash, signing it"


_THEY_CALLED = re.compile(r"\bwhat\s+they\s+(?:called|call|describe\s+as|described\s+as|termed"
                          r"|branded)\s+(?:an?\s+|the\s+)?$")


def they_called(masked: str, start: int, at: int) -> bool:
    """Whether “what they called” stands right before offset `at` (a quotation's start) in
    the text from `start`: the words are the group's that “they” names."""
    return _THEY_CALLED.search(masked, max(start, at - 60), at) is not None


_ISSUED = re.compile(r"\b(?:issued|released|put\s+out|published)\s+(?:a|an)\s+(?:[a-z]+\s+)?"
                     r"(?:statement|response|reply)\b")


def issued_statement(masked: str, start: int, end: int) -> bool:
    """Whether the sentence from `start` to `end` says its subject issued a statement (“the
    club released a statement”): the quotation after it is the statement's words."""
    return _ISSUED.search(masked, start, end) is not None
