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
