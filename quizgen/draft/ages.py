"""Ages written onto a person: “the 52-year-old pilot said”, “20-year-old Ana Ruiz”."""

from __future__ import annotations

import bisect
import re

from quizgen.draft.quotes import Attributor

_YEAR_OLD = re.compile(r"-year-old\b\s*")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
# A role in lower case between "-year-old" and a name ("67-year-old retired teacher Jean Moss"),
# not a list or a clause ("a 12-year-old boy and Ana Ruiz") (round 22).
_ROLE_BEFORE = re.compile(r"(?:[a-z][\w-]*\s+){1,3}(?=[A-Z])")
_NO_ROLE = frozenset({"and", "or", "but", "with", "from", "of", "in", "on", "at", "to", "by",
                      "for", "said", "says", "told", "is", "was", "who", "that", "than", "as"})
_BIRTHDAY = re.compile(r"\b(?:his|her)\s+\w+\s+birthday\b")  # "on her 16th birthday"
# "Sara Khan, whose son is 15,": a bare number said of a person's kin.
_WHOSE_KIN = re.compile(r"((?:[A-Z][\w’'-]+\s+){0,3}[A-Z][\w’'-]+),\s+whose\s+(son|daughter|sons"
                        r"|daughters|child|children|brother|sister|grandson|granddaughter|wife"
                        r"|husband|mother|father|baby|twins?)\s+(?:is|was|are|were|turned|turns"
                        r")\s+(?:now\s+|only\s+|just\s+|still\s+)?$")


def kin_aged(text: str, start: int) -> str:
    """ "age of Sara Khan’s son" for "Sara Khan, whose son is 15", when no noun follows the
    number; else ""."""
    found = _WHOSE_KIN.search(text, max(0, start - 90), start)
    if found is None or re.match(r"[\d.]*\s+(?!at\b|in\b|when\b|and\b)[a-z]",
                                 text[start:start + 30]):
        return ""
    return f"age of {' '.join(found.group(1).split())}’s {found.group(2)}"


def aged_person(attributor: Attributor, start: int, end: int) -> str:
    """ "age of Ana Ruiz" for an age in years written onto a person: a name right after
    "-year-old" ("20-year-old Ana Ruiz"), or, after "the" ("the 52-year-old pilot said"), the
    person named last before it in its sentence or the two before; else ""."""
    if kin := kin_aged(attributor.article.text, start):
        return kin  # "Sara Khan, whose son is 15,"
    after = _YEAR_OLD.match(attributor.masked, end)
    if after is None and not _BIRTHDAY.search(attributor.masked, max(0, start - 5), end + 12):
        return ""
    at = bisect.bisect_left(attributor.starts, after.end()) if after else len(attributor.starts)
    role = _ROLE_BEFORE.match(attributor.masked, after.end()) if after else None
    if role is not None and not set(role.group().split()) & _NO_ROLE:  # "67-year-old retired
        near = bisect.bisect_right(attributor.starts, role.end())  # teacher Jean Moss": her
        for mention in attributor.mentions[max(0, near - 2):near]:  # age, the role before
            if mention.start <= role.end() < mention.end and mention.key is not None and \
                    attributor.entities[mention.key].kind == "person":  # the name or in it
                return f"age of {attributor.entities[mention.key].name}"
    if after and at < len(attributor.mentions) and attributor.mentions[at].start == after.end():
        key = attributor.mentions[at].key
        if key is not None and attributor.entities[key].kind == "person":
            return f"age of {attributor.entities[key].name}"  # "20-year-old Ana Ruiz"
    if after is None and _BIRTHDAY.search(attributor.masked, max(0, start - 5), end + 12):
        pass  # "on her 16th birthday": her age, she named before
    elif _THE_BEFORE.search(attributor.masked[max(0, start - 5):start]) is None:
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
