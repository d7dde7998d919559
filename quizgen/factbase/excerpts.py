"""Excerpts left out of a fact base, found in the article: the sentence of a quote or figure."""

from __future__ import annotations

import dataclasses
import re

from quizgen.errors import Problem, QuizgenError
from quizgen.factbase.model import FactBase, Figure, Quote


def _problem(fact: Quote | Figure, field: str, message: str, *, found: str,
             expected: str) -> Problem:
    span = fact.span
    return Problem(message, file=span.file if span else None, line=span.line if span else None,
                   column=span.column if span else None, field=field, found=found,
                   expected=expected)


def fill_excerpts(base: FactBase) -> tuple[FactBase, list[Problem]]:
    """The base with each missing quote or figure excerpt set to its sentence in the article.

    A quote's excerpt may be left out when its text occurs once in the article, a figure's when
    its number does; anything else is a problem naming the fact.
    """
    todo: list[tuple[str, Quote | Figure]] = [
        (f"quotes[{i}].excerpt", q) for i, q in enumerate(base.quotes) if not q.excerpt]
    todo += [(f"figures[{i}].excerpt", f) for i, f in enumerate(base.figures) if not f.excerpt]
    if not todo:
        return base, []
    from quizgen.factbase.provenance import read_source_text

    try:
        text = read_source_text(base)
    except QuizgenError as error:
        reason = error.problems[0].message if error.problems else "no article text"
        return base, [_problem(fact, field, "missing excerpt", found=f"no excerpt ({reason})",
                               expected="an excerpt, or source.text_file naming the article"
                               " so that the sentence can be found in it")
                      for field, fact in todo]
    from quizgen.article.numbers import scan_numbers
    from quizgen.article.text import Article

    article = Article(text)
    numbers = scan_numbers(article.text)
    found: dict[str, str] = {}
    problems: list[Problem] = []
    for field, fact in todo:
        if isinstance(fact, Quote):
            pattern = r"(?<!\w)" + r"\s+".join(re.escape(w) for w in fact.text.split()) + \
                (r"(?!\w)" if fact.text[-1:].isalnum() else "")
            spots = [m.start() for m in re.finditer(pattern, article.text)]
            what = f"its text {fact.text[:40]!r}"
        else:
            want = "time" if fact.unit == "time of day" else None
            spots = [hit.start for hit in numbers if hit.value == fact.value and (
                want is None or hit.kind == want)]
            what = f"its number {fact.value}"
        if len(spots) == 1:
            sentence = article.sentence_at(spots[0])
            found[fact.id] = article.excerpt(sentence.start, sentence.end)
            continue
        times = "does not occur" if not spots else f"occurs {len(spots)} times"
        problems.append(_problem(
            fact, field, "missing excerpt", found=f"no excerpt, and {what} {times} in the"
            " article", expected="an excerpt copied from the article (it can be left out only"
            " when the text or number occurs exactly once)"))
    quotes = tuple(dataclasses.replace(q, excerpt=found.get(q.id, q.excerpt)) if not q.excerpt
                   else q for q in base.quotes)
    figures = tuple(dataclasses.replace(f, excerpt=found.get(f.id, f.excerpt)) if not f.excerpt
                    else f for f in base.figures)
    return dataclasses.replace(base, quotes=quotes, figures=figures), problems
