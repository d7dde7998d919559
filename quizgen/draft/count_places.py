"""Where a count is, from the clause it is given "with": "in Canada, with 60,000 wolves"."""

from __future__ import annotations

import re

# "… the most common predator in Canada, with around 60,000": the place the clause names last,
# then a comma and "with" (and a word of about-ness) right before the count.
_PLACE_WITH = re.compile(r"\b(?:in|across|throughout)\s+((?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z]"
                         r"[\w’'-]*){0,2}),\s+with\s+(?:(?:about|around|some|nearly|almost"
                         r"|roughly|an\s+estimated|more\s+than|over|up\s+to)\s+)?$")
_NOT_PLACES = frozenset({"January", "February", "March", "April", "May", "June", "July",
                         "August", "September", "October", "November", "December", "Monday",
                         "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"})


def place_with(text: str, start: int, at: int) -> str:
    """ "in Canada" for "Wolves are the most common predator in Canada, with around 60,000
    wolves": a count given "with" after a clause that ends on a place is the count there; ""
    otherwise (a month or day is no place)."""
    found = _PLACE_WITH.search(text, start, at)
    if found is None or found.end() != at or found.group(1).split()[-1] in _NOT_PLACES:
        return ""
    return f"in {found.group(1)}"


# "Clermont Foot 63, whose average home crowd at the stadium … is around": the noun after
# "whose", up to a preposition, and a form of "be" before the amount.
_WHOSE = re.compile(r"(?P<owner>(?:[A-Z][\w&’'-]*|\d+)(?:\s+(?:[A-Z][\w&’'-]*|\d+|of|the)){0,4}),"
                    r"\s+whose\s+(?P<what>(?:[a-z][\w’'-]*\s+){0,3}?[a-z][\w’'-]*)(?:\s+(?:at|in"
                    r"|on|of|for|from|with|across)\s[^,;:]{0,80}?)?\s+(?:is|was|are|were|stands"
                    r"|stood)\s+(?:(?:about|around|nearly|almost|some|roughly|just|only|over"
                    r"|more\s+than|under|less\s+than)\s+)?$")


def whose_level(text: str, start: int, at: int) -> str:
    """ "average home crowd of Clermont Foot 63" for "Clermont Foot 63, whose average home crowd
    at the stadium … is around 3,800": what the amount is of the named owner; "" otherwise."""
    found = _WHOSE.search(text, start, at)
    if found is None or found.end() != at:
        return ""
    return f"{found.group('what')} of {found.group('owner')}"


# A count written before a noun that is itself a number of people: "the expected nine-billion
# population in 2050", "the city's 2-million population".
_COLLECTIVE = re.compile(r"(?:-[a-z]+)?\s+(population|workforce|electorate|audience|membership"
                         r"|readership)\b(?:\s+(in|by)\s+((?:19|20)\d\d)\b)?")
_OWNED_BEFORE = re.compile(r"\b(?:(?P<the>the|its|their)\s+(?P<adjectives>(?:[a-z]+\s+){0,2})"
                           r"|(?P<owner>(?:the\s+)?[\w’'-]+)[’']s\s+)$", re.IGNORECASE)


def collective_count(text: str, start: int, hit_start: int, hit_end: int) -> str:
    """ "expected population in 2050" for "the expected nine-billion population in 2050",
    "population of the city" for "the city's 2-million population": a count written before a
    noun that counts people is that noun's size; "" otherwise."""
    noun = _COLLECTIVE.match(text, hit_end)
    before = _OWNED_BEFORE.search(text, max(start, hit_start - 40), hit_start)
    if noun is None or before is None:
        return ""
    when = f" {noun.group(2)} {noun.group(3)}" if noun.group(3) else ""
    if before.group("owner"):
        owner = before.group("owner")
        owner = "the " + owner[4:] if owner.startswith("The ") else owner
        return f"{noun.group(1)} of {owner}{when}"
    return f"{before.group('adjectives')}{noun.group(1)}{when}"


# "the 70-minute experiment, involving two tests": the thing a count is a part of, named before
# the participle that joins them.
_INVOLVING = re.compile(r"\b(?:the|a|an|its|their)\s+(?:[\w’'-]+\s+){0,2}?([a-z][\w’'-]*),?\s+"
                        r"(?:involving|including|featuring|comprising|containing)\s+(?:(?:about"
                        r"|around|some|nearly|almost|more\s+than|over|up\s+to|at\s+least|just"
                        r"|only)\s+)?$", re.IGNORECASE)


def involved_in(text: str, start: int, at: int) -> str:
    """ "in the experiment" for "the 70-minute experiment, involving two tests": a count joined
    to a noun by "involving", "including", "featuring" … is a count of its parts; or ""."""
    found = _INVOLVING.search(text, start, at)
    return f"in the {found.group(1)}" if found is not None and found.end() == at else ""
