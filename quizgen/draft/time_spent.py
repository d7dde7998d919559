"""Time spent doing a thing ("time the average Briton spends watching television"); multiples."""

from __future__ import annotations

import re

from quizgen.draft.measures import PAST_VERBS

_SPEND = re.compile(r"(?:^|[,;:—–(]\s*|\b(?:that|and)\s+)(?P<who>(?:(?:[Tt]he|[Aa]n?|[Ee]ach"
                    r"|[Ee]very|[Mm]ost|[Mm]any|[Ss]ome)\s+)?(?:[\w’'-]+\s+){0,2}?[\w’'-]+)\s+(?P<verb>"
                    r"spends?|spent|spending|waste[sd]?)\s+(?:(?:about|around|nearly|almost|some"
                    r"|just|only|up\s+to|at\s+least|more\s+than|less\s+than|an\s+average\s+of"
                    r"|on\s+average)\s+)?$")
_DOING = re.compile(r"(?P<rate>\s+(?:a|an|per|each|every)\s+(?:day|week|month|year|night))?\s+"
                    r"(?P<doing>[a-z]+ing(?:\s+(?!and\b|but\b|while\b|because\b)[\w’'-]+){0,5})")
_PRONOUNS = frozenset({"i", "we", "you", "they", "he", "she", "it", "people", "who", "which",
                       "that"})
_TRIM = frozenset({"of", "the", "a", "an", "in", "to", "for", "with", "by", "on", "at", "from",
                   "and", "or", "their", "his", "her", "its"})


def time_spent(text: str, start: int, at: int, end: int) -> str:
    """ "time the average Briton spends watching television a day" for "The average Briton
    spends 4 hours a day watching television"; "time spent holding their breath" when the
    subject is a pronoun; "" when no "spend" comes right before the number or no "-ing" after."""
    spend = _SPEND.search(text[start:at])
    doing = _DOING.match(text, end)
    if spend is None or doing is None:
        return ""
    found = re.findall(r"[^\s,.;:!?()“”\"—–]+", re.split(r"[,.;:!?()“”\"—–]",
                                                       doing.group("doing"))[0])
    while found and found[-1].lower() in _TRIM:
        found.pop()
    written = re.search(r"\s(?:a|an|per|each|every)\s+(?:day|week|month|year|night)\b",
                        text[at:end])
    rate = doing.group("rate") or (written.group() if written else "")  # "4 hours a day"
    who = spend.group("who").split()
    if who[0] in ("The", "A", "An", "Each", "Every", "Most", "Many", "Some"):
        who[0] = who[0].lower()
    if {w.lower() for w in who} & _PRONOUNS or len(who) > 4:
        return f"time spent {' '.join(found)}{rate}"
    return f"time {' '.join(who)} {spend.group('verb')} {' '.join(found)}{rate}"


_MULTIPLIED = re.compile(r"(?:doubl|tripl|trebl|quadrupl)(?:ed|es|e)|(?:doubling|tripling|trebling"
                         r"|quadrupling)", re.IGNORECASE)
_HELPERS = frozenset({"has", "have", "had", "both", "all", "nearly", "almost", "more", "than",
                      "now", "also", "since", "roughly", "about", "will", "would", "could", "may",
                      "might", "is", "are", "was", "were", "expected", "to", "set", "likely",
                      "been", "be"})


def multiplied(text: str, start: int, at: int, end: int) -> str:
    """ "rise in the price of teff" for "The price of teff has tripled": the rise in the noun
    phrase a verb of multiplying follows; "" when the number is not such a verb or its clause
    opens on no noun phrase of its own."""
    if not _MULTIPLIED.fullmatch(text[at:end]):
        return ""
    clause = re.split(r"(?:,(?!\d)|[;:—–(]|\b(?:but|while|after|as|because)\b)",
                      text[start:at])[-1]
    found = _subject(re.split(r"\band\b", clause)[-1])
    whole = _subject(clause)  # "allergic rhinitis and eczema have both trebled": one subject
    if len(found) < 2 and whole[1:] and not {w.lower() for w in whole} & (PAST_VERBS | _HELPERS):
        found = whole
    if not found or len(found) > 10 or found[0].lower() in _PRONOUNS or any(
            c.isdigit() for w in found for c in w):
        return ""
    if found[0] in ("The", "Its", "Their", "A", "An"):
        found[0] = found[0].lower()
    return "rise in " + " ".join(found)


def _subject(clause: str) -> list[str]:
    """The words of a clause without the helpers before its verb ("have both", "has")."""
    found = re.findall(r"[\w’'-]+", clause)
    while found and found[-1].lower() in _HELPERS:
        found.pop()
    return found
