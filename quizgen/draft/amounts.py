"""Measures news gives a number by a noun of its own (an age after "aged", an area covered, a
population, "the number of X", the time something takes, a share "out of"), and ranges."""

from __future__ import annotations

import re

from quizgen.article.numbers import NumberHit
from quizgen.draft.counts import count_clause

_WINDOW = 160  # each reading looks this far back from the number, never over a whole sentence
_QUALIFIERS = (r"(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|more\s+than\s+|over\s+"
               r"|roughly\s+|just\s+|only\s+|an\s+estimated\s+|up\s+to\s+)?")
# "1,500 children aged between five and 11", "members aged over 60": an age.
_AGED = re.compile(r"\baged\s+(?:between\s+|from\s+|up\s+to\s+|over\s+|under\s+)?$", re.I)
# What covers an area: "The park covers 500 hectares", "the reserve, which spans 30 sq km".
_COVERS = re.compile(r"\b((?:the|its|their)\s+(?:[a-z][\w’'-]*\s+){0,2}?[a-z][\w’'-]*)"
                     r"(?:,\s+which)?\s+(?:now\s+)?(?:covers?|covered|covering|spans?|spanning"
                     rf"|occup(?:y|ies))\s+(?:an\s+area\s+of\s+)?{_QUALIFIERS}$", re.I)
# Whose population: "Japan’s population is 127 million", "Ethiopia has a population of 90
# million", "the city, which has a population of 2 million".
_POPULATION = re.compile(
    r"(?:\b((?:[Tt]he\s+)?[A-Za-z][\w-]*(?:\s+[A-Z][\w-]*)?)[’']s\s+population\s+(?:is|was|has"
    r"\s+(?:risen|grown|fallen)\s+to|stands\s+at|of|rose\s+to|fell\s+to|grew\s+to|reached)"
    r"|\b((?:[Tt]he\s+)?[A-Za-z][\w-]*(?:\s+[A-Z][\w-]*)?)(?:,\s+which)?\s+(?:has|had|have)\s+a"
    rf"\s+population\s+of)\s+{_QUALIFIERS}$")
# "the number of bears has risen to 4,000": the count is of bears.
_NUMBER_OF = re.compile(r"\b[Tt]he\s+number\s+of\s+((?:[a-z][\w’'-]*\s+){0,3}?[a-z][\w’'-]*)"
                        r"\s+(?:has\s+|had\s+|have\s+)?(?:is|was|rose|risen|fell|fallen|grew"
                        r"|grown|reached|increased|decreased|dropped|doubled|stands|stood|climbed)"
                        rf"\b[^,;:.]{{0,20}}?\s+(?:to\s+|at\s+|by\s+)?{_QUALIFIERS}$")
# "It takes about eight hours to fly from London to New York": the time it takes.
_TAKES = re.compile(rf"\b(?P<verb>takes?|took|taking)\s+(?P<whom>(?:the\s+|its\s+|their\s+"
                    rf"|his\s+|her\s+)?\w+\s+)?{_QUALIFIERS}$")


# A step in a life, then "at" and a bare number: "left school at 14", "died at 88", "started
# playing rugby at seven" (a level's verb, "stood at 45", is none).
_LIFE_STEP = re.compile(r"\b(?:died|dies|retired|retires|retire|started|starts|start|began|begins"
                        r"|begin|left|leaves|leave|joined|joins|join|married|marries|marry"
                        r"|became|becomes|learned|learnt|learns|learn|quit|quits|moved|emigrated"
                        r"|graduated|won|wins)(?:\s+[a-z][\w’'-]*){0,4}?\s+at\s+$")


def life_step_age(text: str, hit: NumberHit) -> bool:
    """Whether a bare whole number of at most 110 follows "at" after a step in a life in its
    clause ("left school at 14", "joined the team at 19"): an age, not a count."""
    return hit.value == int(hit.value) and 0 < hit.value <= 110 and not re.match(
        r"[:.]\d|\s*(?:a\.?m\b|p\.?m\b|o[’']clock)", text[hit.end:hit.end + 8]) and \
        _LIFE_STEP.search(text, max(0, hit.start - 60), hit.start) is not None


def aged_before(text: str, at: int) -> bool:
    """Whether the number at `at` follows "aged" (“children aged 11”), or opens its clause
    after "By" or "At" with a comma and a person after it (“By 14, she was …”): an age."""
    return _AGED.search(text, max(0, at - 20), at) is not None or bool(age_opening(text, at))


# "By 14, she was …", "and, at 16, Ana Ruiz left": an age opening its clause, its subject a
# person (he, she, a name) right after the comma.
_AGE_LEAD = re.compile(r"(?:^|[.;:!?”\"]\s+|\n|,\s+(?:and,?\s+|but,?\s+)?)([Bb]y|[Aa]t)\s+$")
_AGE_SUBJECT = re.compile(r"(?:\d{1,3}|[a-z]+(?:-[a-z]+)?),\s+(?:he|she|I|[A-Z][a-z’'-]+(?:\s+[A-Z]"
                          r"[a-z’'-]+)?)\s+(?:was|had|became|left|began|started|joined|won|wrote"
                          r"|moved|made|took|got|could|would|became|[a-z]+ed)\b")


def age_opening(text: str, at: int) -> str:
    """"by" or "at" when the number at `at` is an age opening its clause; else ""."""
    lead = _AGE_LEAD.search(text, max(0, at - 12), at)
    return lead.group(1).lower() if lead is not None and _AGE_SUBJECT.match(text, at) else ""


# An area a subject burned, flooded or cleared ("The fire burned 300 acres").
_AREA_DONE = re.compile(r"\b((?:the|its|their)\s+(?:[a-z][\w’'-]*\s+){0,2}?[a-z][\w’'-]*)\s+"
                        r"(burned|burnt|destroyed|flooded|cleared|planted|scorched)\s+"
                        rf"{_QUALIFIERS}$", re.I)
# A clause done on an area: "Tom Hale, who grows oats on 3 hectares", "The farm grows rice on".
_ON_AREA = re.compile(r"(?:^|[,;:—–(]\s*)(?P<clause>[^,;:—–()]{3,80}?)\s+on\s+(?:about\s+|around"
                      r"\s+|nearly\s+|almost\s+|some\s+|just\s+|more\s+than\s+)?$")


def area_of(text: str, start: int, at: int) -> str:
    """ "area of the park" for "The park covers 500 hectares", "area on which Tom Hale grows
    oats" for "Tom Hale, who grows oats on 3 hectares"; "" when nothing covers it."""
    covers = _COVERS.search(text, max(start, at - _WINDOW), at)
    burned = _AREA_DONE.search(text, max(start, at - _WINDOW), at) if covers is None else None
    if burned is not None:  # "The fire burned 300 acres": area that the fire burned
        return f"area that {burned.group(1)[0].lower()}{burned.group(1)[1:]} {burned.group(2)}"
    if covers is None:
        before = text[start:at]
        done = _ON_AREA.search(before)
        found = done.group("clause").split() if done is not None else []
        if found[:1] in (["who"], ["which"]):  # "Tom Hale, who grows oats on"
            owner = re.search(r"((?:[A-Z][\w’'-]+\s+){0,3}[A-Z][\w’'-]+|(?:the|The)\s+[a-z]+)"
                              r"\s*,\s*$", before[:done.start("clause")]) if done else None
            found = [*owner.group(1).split(), *found[1:]] if owner else []
        found[:1] = ["the"] if found[:1] == ["The"] else found[:1]
        return f"area on which {' '.join(found)}" if 2 < len(found) <= 10 and not any(
            c.isdigit() for c in " ".join(found)) else ""
    return f"area of {covers.group(1)[0].lower()}{covers.group(1)[1:]}"


def population_of(text: str, start: int, at: int) -> str:
    """ "population of Japan" for "Japan’s population is 127 million" or "Japan has a
    population of 127 million"; "" otherwise."""
    found = _POPULATION.search(text, max(start, at - _WINDOW), at)
    if found is None:
        return ""
    whose = found.group(1) or found.group(2)
    whose = whose[0].lower() + whose[1:] if whose.startswith("The ") else whose
    return f"population of {whose}"


def number_of(text: str, start: int, at: int) -> str:
    """ "number of bears" for "The number of bears has risen to 4,000"; "" otherwise."""
    found = _NUMBER_OF.search(text, max(start, at - _WINDOW), at)
    return f"number of {found.group(1)}" if found else ""


def time_taken(text: str, start: int, at: int, tail: str) -> str:
    """ "time it takes to fly from London to New York" for "It takes about eight hours to fly
    from London to New York"; "" when no "take" comes before or no "to" after."""
    takes = _TAKES.search(text, max(start, at - _WINDOW), at)
    if takes is not None and not tail.startswith("to ") and (to := re.match(
            r"[\w.,]+\s+[a-z]+\s+(to\s+[a-z][^.,;:!?“”\"()]{1,60})", text[at:at + 100])):
        tail = to.group(1).strip()  # "It will take us two years to read it all"
    if takes is None or not tail.startswith("to "):
        return ""
    whom = re.fullmatch(r"(?:the|its|their|his|her)\s+[a-z]+|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?",
                        (takes.group("whom") or "").strip())
    if whom is not None and re.search(r"\b[Ii]t\s+$", text[max(start, takes.start() - 4):
                                                          takes.start()]):
        return f"time {whom.group()} {takes.group('verb')} {tail}"  # "It took the team six
    return f"time it takes {tail}"  # hours to reach the summit": time the team took …


def ratio_measure(text: str, end: int) -> str:
    """ "share of teachers who say sport matters" for "four out of five teachers say sport
    matters" (`end`: after "out of five"); "" when no plural noun follows."""
    noun = re.match(r"\s+((?:[a-z][\w-]*\s+)?(?:[a-z][\w-]*s|people|children|men|women))\b",
                    text[end:end + 60])
    if noun is None:
        return ""
    doing = count_clause(text, end + noun.end(), noun.group(1))
    return f"share of {noun.group(1)}" + (f" {doing}" if doing else "")


# "a crust that is from five to 10 kilometers thick": a size from one end to the other after a
# form of "be", where no change is told ("raised the age from 62 to 65" has its verb).
_BE_FROM = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+from\s+$", re.I)


def reads_as_range(text: str, hit: NumberHit, nxt: NumberHit) -> bool:
    """Whether two numbers make one range: "between 150 and 200", "40–60", "two or three",
    "anywhere from 1kg to 3kg", "is from five to 10 km thick"; not "from 62 to 65", nor "rose by
    $500bn to $3.5 trillion" (a change and where it ends: "by" or a verb of change before,
    "rose 5p to 210p", or two different scale words)."""
    between = text[hit.end:nxt.start]
    return hit.kind == nxt.kind and hit.kind != "score" and (
        (re.search(r"\bbetween\s+$", text[max(0, hit.start - 9):hit.start], re.I)
         and between.strip() == "and") or (between in ("-", "–", " – ", " to ")
        and (not re.search(r"\bfrom\s+$", text[max(0, hit.start - 6):hit.start])
             or re.search(r"\b(?:anywhere|ranging|ranges|range|varying|vary|varies)\s+from"
                          r"\s+$", text[max(0, hit.start - 20):hit.start], re.I)
             or _BE_FROM.search(text, max(0, hit.start - 14), hit.start)))
        or (between == " or " and hit.kind == "number" and hit.unit is None)) and not (
            re.search(r"\bby\s+$", text[max(0, hit.start - 4):hit.start]) or re.search(
                r"\b(?:rose|rise|rises|risen|fell|fall|falls|fallen|grew|grow|grows|grown"
                r"|jumped|dropped|climbed|slipped|increased|decreased|gained|lost)\s+$",
                text[max(0, hit.start - 10):hit.start]) or (
                hit.scale is not None and nxt.scale is not None and hit.scale != nxt.scale)
            or re.fullmatch(r"(?:doubl|tripl|trebl|quadrupl|halv)(?:ed|es|e)",  # "doubled to
                            text[hit.start:hit.end], re.I))  # 40,000": a change, then its end
