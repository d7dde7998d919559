"""Which section words selected in the article most likely make, read from their shape."""

from __future__ import annotations

import re

from quizgen.article.lexicon import GROUP_HEADS, PLACE_WORDS, REPORTING_VERBS
from quizgen.studio.candidates import _is_place, _is_term
from quizgen.studio.mentions import sentence_around

_SAYING = r"\b(?:" + "|".join(sorted(REPORTING_VERBS)) + r"|found|finds|according\s+to)\b"
# what a claim says rather than what happened: a forecast, a finding, a belief
_CLAIMING = (r"\b(?:will|would|could|might|may|can|is\s+likely|are\s+likely|forecast|"
             r"predicts?|shows?\s+that|suggests?|fears?|believes?|thinks?|according)\b")
_REGION = re.compile(r"\b(?:Africa|America|Asia|Europe|Middle\s+East|Atlantic|Pacific|Arctic|"
                     r"Antarctica|Mediterranean|Caribbean|Scandinavia|Balkans)\b")
_PLACE_HEADS = frozenset(w.lower() for w in PLACE_WORDS) | {"city", "town", "village",
                                                           "region", "area", "district", "coast"}
_LEADS = r"(?:his|her|their|its|our|my|the|a|an|one|another|some|many|most|young|local)\b"
_PERSON_ENDS = r"(?:ists?|ers|ians?|man|men|woman|women|people|fans?|children)$"
_NUMBER_WORDS = frozenset((
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "million",
    "billion", "dozen", "half", "twice"))
_NUMBER = re.compile(r"[£$€]?\d[\d,.]*(?:%|[a-zA-Z]{0,5})?|[£$€]?\d[\d,.]*\s+(?:per\s?cent|"
                     r"percent|million|billion)")


def section_of(article: str, start: int, end: int) -> str:
    """The section the words article[start:end] most likely make: words in quotation marks a
    quote; a number a figure; a short name (capitalised, or "the" and capitals) a term when
    it reads as one (an acronym in brackets, a name after "called"), a place when it reads as
    one (after "in", "near", a place's noun), else a person; a few lower-case words a person
    (a group: "young Cubans", "his spokesman"); longer words a claim when their sentence
    reports them (a reporting verb, "found" or "according to" in it), when they forecast or
    find ("will", "could", "is likely", "shows that") or follow "that", else an event."""
    words = article[start:end].strip()
    before, after = article[max(0, start - 1):start], article[end:end + 1]
    if not words or words[0] in "“\"‘" or (before and before in "“\"‘") or words[-1] in "”’":
        return "quotes"
    plain = words.strip("()[],.;:").split()
    if _NUMBER.fullmatch(" ".join(plain)) or (len(plain) <= 4 and any(
            re.match(r"[£$€(]?\d", w) or w.lower() in _NUMBER_WORDS for w in plain)):
        return "figures"  # a number, or a few words with one ("eight hours", "20-year-old")
    if len(plain) <= 5 and not re.search(r"[,;:]", words):
        bare = re.sub(r"^(?:[Tt]he)\s+", "", words)
        last = plain[-1].lower()
        if _REGION.search(words) or (bare != words and last in _PLACE_HEADS):
            return "places"  # "sub-Saharan Africa", "the Middle East", "the Greek coast"
        if bare[:1].isupper():
            if _is_term(article, start, words):
                return "terms"
            return "places" if _is_place(article, start, words) else "people"
        if len(plain) <= 3 and not after.isalpha():
            # a few lower-case words: a group of people when a determiner, a possessive or a
            # capitalised word leads them ("his spokesman", "young Cubans"), or their head is
            # a group's; else a thing to explain ("jet lag", "ampakines")
            if re.match(_LEADS, words) or any(re.search(r"[A-Z]", w) for w in plain) or \
                    last in GROUP_HEADS or re.search(_PERSON_ENDS, last):
                return "people"
            return "terms"
    low, high = sentence_around(article, start, end)
    if re.search(_SAYING, article[low:high], re.I) or re.search(_CLAIMING, words, re.I) or \
            re.search(r"\bthat\s*$", article[max(0, start - 6):start]):
        return "claims"
    return "events"
