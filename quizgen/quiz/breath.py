"""One speaker's statement in one breath: a quote and a claim side by side in the article, and a
claim told in one paragraph with its claimant's quoted words (the reporter's summary of them)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from itertools import pairwise

from quizgen.article.text import paragraphs
from quizgen.factbase.model import FactBase
from quizgen.generators.speakers import unworthy
from quizgen.generators.textindex import WordFinder

# what may stand between two excerpts said in one breath: a space, a line break, a closing mark
_BETWEEN = frozenset(" \t\r\n”\"’'")

_BREATHS: dict[int, tuple[FactBase, dict[str, frozenset[str]]]] = {}


def _first_starts(article: str, texts: Iterable[tuple[str, str]]) -> dict[str, int]:
    """Where each text (by its fact's id) first stands in the article as whole words; a text
    not found has no entry. The article is read once for all of them (`WordFinder`), not once
    for each: a base's quotes and claims grow with its article."""
    finder = WordFinder((text, fact_id) for fact_id, text in texts if text)
    first: dict[str, int] = {}
    for start, fact_id in finder.starts(article):
        if start < first.get(fact_id, len(article) + 1):
            first[fact_id] = start
    return first


def breaths(base: FactBase) -> dict[str, frozenset[str]]:
    """For each quote the claims, and for each claim the quotes, of a shared speaker that stand
    right beside it in the article (nothing but spaces between): the report of a statement and
    its words in one breath, so a student who knows who said one knows who said the other."""
    known = _BREATHS.get(id(base))
    if known is not None and known[0] is base:
        return known[1]
    article = base.article or ""
    placed: list[tuple[int, int, str, frozenset[str]]] = []
    claims = {c.id for c in base.claims}
    said = [(q.id, q.excerpt.strip(), q.speakers) for q in base.quotes]
    said += [(c.id, c.excerpt.strip(), c.claimants) for c in base.claims]
    whole = [(fact_id, text) for fact_id, text, speakers in said  # one with "…" is edited
             if speakers and "…" not in text]
    starts = _first_starts(article, whole) if article else {}
    for fact_id, text, speakers in said:
        if (start := starts.get(fact_id)) is not None:
            placed.append((start, start + len(text), fact_id, frozenset(speakers)))
    placed.sort()
    found: dict[str, set[str]] = {}
    for (_, end, first, who), (start, _, second, whom) in pairwise(placed):
        if ((first in claims) != (second in claims) and who & whom and end <= start
                and set(article[end:start]) <= _BETWEEN):
            found.setdefault(first, set()).add(second)
            found.setdefault(second, set()).add(first)
    if len(_BREATHS) > 64:  # a deck's bases, kept until leaks.forget
        _BREATHS.clear()
    result = {k: frozenset(v) for k, v in found.items()}
    _BREATHS[id(base)] = (base, result)
    return result


def forget_breaths() -> None:
    """Drop what is kept of the last base (leaks.forget: nothing held once sheets are made)."""
    _BREATHS.clear()


def summaries(base: FactBase) -> frozenset[str]:
    """The claims told in one paragraph of the article with a quote worth asking (no fragment
    such as "clearly") of their claimant or of one who speaks for the same body: the reporter's
    summary of words the article quotes beside it ("Luntz believes Trump speaks for voters who
    …" before "As the pollster notes: 'Trump says what they're thinking …'"). Asked who made
    it, the claim asks the quote again in other words. Worked out once per base (FactBase.index)."""
    return base.index(_summaries)


def _summaries(base: FactBase) -> frozenset[str]:
    article = base.article or ""
    starts = [start for start, _ in paragraphs(article)]
    firsts = [(q.id, q.excerpt) for q in base.quotes if not unworthy(q)]
    firsts += [(c.id, c.excerpt) for c in base.claims]  # an edited excerpt: by its first part
    where = _first_starts(article, [(fact_id, excerpt.split("…")[0].strip())
                                    for fact_id, excerpt in firsts]) if article else {}

    def paragraph(fact_id: str) -> int | None:
        start = where.get(fact_id)
        return None if start is None else bisect_right(starts, start) - 1

    voices: dict[int, set[str]] = {}  # paragraph -> who is quoted in it
    for quote in base.quotes:
        if (at := paragraph(quote.id)) is not None:
            for speaker in quote.speakers:
                voices.setdefault(at, set()).update(base.speaker_equivalents(speaker) | {speaker})
    return frozenset(claim.id for claim in base.claims
                     if (at := paragraph(claim.id)) is not None
                     and voices.get(at, set()) & set(claim.claimants))
