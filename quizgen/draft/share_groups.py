"""Who a bare percentage counts: the group an "Of the N X," opener or a dashed aside names."""

from __future__ import annotations

import re

# "Of the 2,000 adults questioned, 40% said …": the group the share is of.
_OF_THE = re.compile(r"\s*Of\s+(?:the|those|these)\s+(?:[\d,.]+\s+(?:million\s+|thousand\s+)?)?"
                     r"((?:[a-z][\w-]*\s+){0,3}?[a-z][\w-]*)\s*,\s+(?:about|around|some|nearly"
                     r"|almost|more\s+than|just|only|over|roughly)?\s*$")
# "An even lower number of respondents – 42 percent – said that …": the group before the dash.
_DASHED = re.compile(r"(?:^|[.,;:]\s+)((?:[A-Za-z][\w’'-]*\s+){1,7}?)[–—]\s+(?:about|around"
                     r"|some|nearly|almost|just|only|over)?\s*$")
_SAID = re.compile(r"\s*[–—]\s+(said|say|says|believe|believed|believes|think|thought|thinks"
                   r"|agreed|agree|agrees|felt|feel|feels|reported|report|reports)\s+"
                   r"((?:that\s+)?[^,.;:!?“”\"()–—]{3,120})")
_LEADS = frozenset({"a", "an", "the", "some", "many", "most", "even", "lower", "higher",
                    "smaller", "larger", "number", "share", "proportion", "of"})


def opened_group(text: str, start: int, at: int) -> str:
    """ "adults questioned" for "Of the 2,000 adults questioned, 40% said …"; or ""."""
    found = _OF_THE.fullmatch(text[start:at])
    return found.group(1) if found else ""


def dashed_share(text: str, start: int, at: int, unit_end: int) -> str:
    """ "share of respondents who said that religion is important" for "An even lower number
    of respondents – 42 percent – said that religion is important"; or ""."""
    before = _DASHED.search(text[start:at])
    after = _SAID.match(text, unit_end)
    if before is None or after is None:
        return ""
    group = before.group(1).split()
    if "of" in group:
        group = group[len(group) - group[::-1].index("of"):]  # "a number of respondents"
    while group and group[0].lower() in _LEADS:
        group = group[1:]
    if not group or len(group) > 4 or not group[-1].islower():
        return ""
    words = after.group(2).split()[:16]
    return f"share of {' '.join(group)} who {after.group(1)} {' '.join(words)}"


# "goods and services worth $2.7 trillion", "a deal worth £5bn": what the money is the value of.
_WORTH = re.compile(r"((?:[\w’'-]+\s+){0,4}[a-z][\w-]*)\s+worth\s+(?:about|around|nearly|almost"
                    r"|up\s+to|more\s+than|over|some|an\s+estimated|at\s+least)?\s*$")
_DETERMINERS = frozenset({"a", "an", "the", "its", "their", "his", "her", "our", "this", "that"})


def value_worth(text: str, start: int, at: int) -> str:
    """ "value of the deal" for "signed a deal worth £5bn", "value of goods and services" for
    "provide goods and services worth $2.7 trillion"; or "" (not "is worth": said elsewhere)."""
    found = _WORTH.search(text[start:at])
    if found is None:
        return ""
    words = found.group(1).split()
    if words[-1] in ("is", "are", "was", "were", "be", "been"):
        return ""
    lead = max((i for i, w in enumerate(words) if w.lower() in _DETERMINERS), default=-1)
    if lead >= 0:
        words = ["the" if words[lead].lower() in ("a", "an", "this", "that") else
                 words[lead].lower(), *words[lead + 1:]]
    else:
        words = words[-3:] if len(words) > 2 and words[-2] == "and" else words[-1:]
    return "value of " + " ".join(words) if words[-1][:1].islower() else ""
