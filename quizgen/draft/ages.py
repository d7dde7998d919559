"""Ages written onto a person: “the 52-year-old pilot said”, “20-year-old Ana Ruiz”."""

from __future__ import annotations

import bisect
import re

from quizgen.draft.quotes import Attributor

_YEAR_OLD = re.compile(r"-year-old\b\s*")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")


def aged_person(attributor: Attributor, start: int, end: int) -> str:
    """ "age of Ana Ruiz" for an age in years written onto a person: a name right after
    "-year-old" ("20-year-old Ana Ruiz"), or, after "the" ("the 52-year-old pilot said"), the
    person named last before it in its sentence or the two before; else ""."""
    after = _YEAR_OLD.match(attributor.masked, end)
    if after is None:
        return ""
    at = bisect.bisect_left(attributor.starts, after.end())
    if at < len(attributor.mentions) and attributor.mentions[at].start == after.end():
        key = attributor.mentions[at].key
        if key is not None and attributor.entities[key].kind == "person":
            return f"age of {attributor.entities[key].name}"  # "20-year-old Ana Ruiz"
    if _THE_BEFORE.search(attributor.masked[max(0, start - 5):start]) is None:
        return ""  # "a 12-year-old boy": someone new
    index = attributor.article.sentence_at(start).index
    since = attributor.article.sentences[max(0, index - 2)].start
    upto = bisect.bisect_left(attributor.starts, start)
    for mention in reversed(attributor.mentions[:upto]):
        if mention.start < since:
            break
        key = attributor.key_of(mention)
        if key is not None and attributor.entities[key].kind == "person":
            return f"age of {attributor.entities[key].name}"
    return ""
