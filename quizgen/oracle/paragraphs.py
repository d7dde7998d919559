"""Which paragraph of the article holds a fact: the oracle's own reading of the article text."""

from __future__ import annotations

import re

from quizgen.article.text import paragraphs
from quizgen.factbase.model import Event, FactBase, Quote, ReportedClaim
from quizgen.oracle.figure_truth import Truth
from quizgen.quiz.questions import MultipleChoice, ParagraphOf, ParagraphRef

_NUMBER = re.compile(r"\d+")


def paragraph_truth(q: MultipleChoice, base: FactBase, problems: list[str]) -> list[Truth]:
    """Each option true when it names the one paragraph whose text holds the fact's excerpt.

    The fact must be an event, claim or quote of the base with an excerpt that stands exactly
    once in the whole article (whitespace runs read as one space); an option names a paragraph
    by a ParagraphRef within the article and shows that number and no other.
    """
    ask = q.ask
    assert isinstance(ask, ParagraphOf)
    fact = base.by_id.get(ask.fact)
    if not isinstance(fact, Event | ReportedClaim | Quote):
        problems.append(f"ask.fact {ask.fact!r} is not an event, claim or quote of the base")
        return [False] * len(q.options)
    if base.article is None:
        problems.append("no article text to find the paragraph in")
        return [False] * len(q.options)
    excerpt = " ".join(fact.excerpt.split())
    texts = [" ".join(base.article[a:b].split()) for a, b in paragraphs(base.article)]
    holding = [n for n, text in enumerate(texts, start=1) for _ in range(text.count(excerpt))]
    if not excerpt or len(holding) != 1:
        problems.append(f"the excerpt of {ask.fact} stands {len(holding)} times in the article;"
                        " exactly one paragraph must hold it")
        return [False] * len(q.options)
    if excerpt not in (" ".join(e.split()) for e in q.explanation):
        problems.append(f"the explanation does not show the excerpt of {ask.fact}")
    truth: list[Truth] = []
    for i, option in enumerate(q.options):
        claim = option.claim
        if not isinstance(claim, ParagraphRef) or not 1 <= claim.paragraph <= len(texts):
            problems.append(f"options[{i}]: not a paragraph of the article: {claim!r}")
            truth.append(False)
            continue
        if _NUMBER.findall(option.text) != [str(claim.paragraph)]:
            problems.append(f"options[{i}]: text {option.text!r} does not show paragraph"
                            f" {claim.paragraph}")
        truth.append(claim.paragraph == holding[0])
    return truth
