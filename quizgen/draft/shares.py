"""What a percentage is a share of: "share of voters who oppose the plan"."""

from __future__ import annotations

import re

from quizgen.article.lexicon import DEMONYM_ENDINGS, UNIT_STOP
from quizgen.draft.counts import count_clause
from quizgen.draft.figure_text import relative_after

_OWNERS = ("the", "its", "their", "his", "her", "our", "all", "this", "that")


def share_words(text: str, end: int) -> list[str]:
    """The words after "N% of" a share is of, with their relative clause or verb ("those who
    took part", "voters who oppose the plan", "British adults who have never run a marathon",
    "the money that went to schools"); [] when no "of" follows."""
    of = re.match(r"\s+of\s+((?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+)?)", text[end:end + 60])
    if of is None:
        return []
    words = of.group(1).split()
    if len(words) == 2 and words[0].lower() not in _OWNERS and not (
            (words[0].islower() or words[0].endswith(DEMONYM_ENDINGS))
            and words[1].endswith("s") and not words[1].endswith("ss")
            and words[1].lower() not in UNIT_STOP):
        words = words[:1]  # "70 percent of Calderians oppose": the verb is not in it
    while len(words) > 1 and words[-1].lower() in UNIT_STOP | {"against", "versus"}:
        words.pop()
    if len(words) > 1:  # "12% of the money went to schools": "went" is the money's verb
        shorter = end + of.start(1) + len(" ".join(words[:-1]))
        clause = count_clause(text, shorter, words[-2]).split()
        if words[-1] in clause[:4]:
            words.pop()
    ending = end + of.start(1) + len(" ".join(words))
    return words + (relative_after(text, ending) or count_clause(text, ending,
                                                                 words[-1]).split())
