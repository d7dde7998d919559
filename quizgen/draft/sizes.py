"""Sizes said of what has them: "weight of the bears", "amount of chocolate that … eats"."""

from __future__ import annotations

import re

from quizgen.article.lexicon import words
from quizgen.article.numbers import NumberHit

# A noun phrase doing what a size says, right before it ("The bears weigh up to", "The car can
# reach", "The town is", "a corridor of air to move as fast as").
_SIZED = re.compile(r"(?:^|[,;:—–(]\s*|\b(?:that|which|where|and|but)\s+)(?P<what>(?:(?:the|a|an"
                    r"|its|their|his|her|this|these|each|some|most)\s+)?(?:[\w’'-]+\s+){0,3}?"
                    r"[\w’'-]+)\s+(?:(?:can|could|will|would|may|might|must|to|often|usually"
                    r"|typically)\s+)*(?P<verb>weigh|weighs|weighed|weighing|reach|reaches"
                    r"|reached|travel|travels|travelled|traveled|move|moves|moved|fly|flies|flew"
                    r"|run|runs|ran|grow|grows|grew|stretch|stretches|stretched|measure"
                    r"|measures|measured|lies|lie|sits|sit|(?:is|are|was|were)\s+(?:located|situated)|is|are"
                    r"|was|were)(?:\s+(?:estimated|thought|believed|expected|said|known)\s+to\s+be)?"
                    r"\s+(?:(?:about|around|some|nearly"
                    r"|almost|more\s+than|less\s+than|up\s+to|over|at\s+least|just|only|for|as\s+"
                    r"(?:fast|far|much|heavy|high|long)\s+as|minus)\s+)*$", re.IGNORECASE)
# A noun phrase and a relative "that is" before the size: "a crust that is from five to 10
# kilometers thick" (the crust's thickness).
_SIZED_WHICH = re.compile(r"(?<![\w’'-])(?P<what>(?:the|a|an|its|their|his|her)\s+(?:[\w’'-]+"
                          r"\s+){0,3}?[\w’'-]+)\s+(?:that|which)\s+(?:is|are|was|were)\s+(?:(?:about"
                          r"|around|nearly|almost|more\s+than|up\s+to|over|at\s+least|from|minus)"
                          r"\s+)*$", re.IGNORECASE)
# Heads that already name an amount ("Temperatures reached 45C", "Oil consumption is …").
_AMOUNT_HEADS = words(
    "temperature temperatures speed speeds height heights depth length distance weight weights"
    " level levels consumption production output rainfall total average amount amounts record"
    " limit capacity demand emissions use price cost figure size area range")
_NO_THING = words("it this that they he she we you i there which who what one")


def dimension_of(text: str, start: int, at: int, dimension: str, named: str) -> str:
    """ "weight of the bears" for "The bears weigh up to 400kg", "speed of the car" for "The car
    can reach 200mph": a bare size ("weight", "speed") or a bare noun phrase named before it
    ("the car") said of the thing; "" when the phrase already names an amount
    ("temperatures") or no thing is named."""
    kind, _, rest = dimension.partition(" ")
    if rest and (kind not in ("distance", "speed", "weight", "height", "length", "depth")
                 or rest.split()[0] == "of"):
        return ""  # "amount of coal": said of its own noun already
    phrase = named
    if not phrase:
        match = _SIZED.search(text[start:at]) or _SIZED_WHICH.search(text[start:at])
        if match is None:
            return ""
        found = re.findall(r"[\w’'-]+", match.group("what"))
        if not found or any(w.lower() in _NO_THING or any(c.isdigit() for c in w)
                            for w in found):
            return ""
        if found[0] in ("The", "A", "An", "Its", "Their", "His", "Her", "This", "These",
                        "Each", "Some", "Most"):
            found[0] = found[0].lower()
        phrase = " ".join(found)
    last = phrase.split()[-1].lower()
    if last in _AMOUNT_HEADS or kind in phrase.lower() or last in _NO_THING:
        return ""
    return f"{kind} of {phrase}" + (f" {rest}" if rest else "")  # "distance of the town from
    # the border"


def amount_done(measure: str, clause: str) -> str:
    """ "amount of chocolate that the average Briton eats a year" for "The average Briton eats
    8kg of chocolate a year": an amount of a substance with the subject and verb before it
    (`clause`, "that the average Briton eats"); "" when either is missing."""
    match = re.fullmatch(r"amount of ((?:[\w’'-]+ ){0,2}?[\w’'-]+)((?: (?:a|an|per|each|every|in"
                         r"|on|at|from|for|into) .*)?)", measure)
    if match is None or not clause.startswith("that "):
        return ""
    return f"amount of {match.group(1)} {clause}{match.group(2)}"


# Two sides of a thing, written "4ft x 5ft" before its noun: the first number, then the second.
_SIDE = r"\d[\d.,]*\s?(?:ft|m|cm|mm|km|in|feet|foot|metres?|meters?|inches|inch)?"
_SIDES_AFTER = re.compile(rf"\s*(?:x|×|by)\s*{_SIDE}\s+([a-z][a-z-]+)\b")
_SIDES_BEFORE = re.compile(rf"{_SIDE}\s*(?:x|×|by)\s*$")
_NOUN_AFTER = re.compile(r"\s+([a-z][a-z-]+)\b")


def two_sides(text: str, hit: NumberHit) -> str:
    """ "the 2m x 3m panel": the length of one side of the panel, then of the other; else ""."""
    first = _SIDES_AFTER.match(text, hit.end)
    if first is not None:
        return f"length of one side of the {first.group(1)}"
    second = _NOUN_AFTER.match(text, hit.end)
    if second is not None and _SIDES_BEFORE.search(text, max(0, hit.start - 24), hit.start):
        return f"length of the other side of the {second.group(1)}"
    return ""


# A subject and its verb moving at a speed: "The train travels at 300km/h", "The station
# orbits the Earth at a speed of 28,000km/h".
_MOVING = re.compile(r"\s*(?P<what>(?:The|A|An|[A-Z][\w’'-]*)\s+[^,;:—–()]{2,80}?)\s+at\s+"
                     r"(?:(?:a|an|its|their)\s+(?:top\s+|average\s+|maximum\s+|cruising\s+)?speed\s+of\s+)?"
                     r"(?:(?:about|around|nearly|almost|more\s+than|up\s+to|over|some)\s+)?$")
_MOVES = re.compile(r"\b(?:[a-z]+s|[a-z]+ed|can\s+[a-z]+|could\s+[a-z]+|will\s+[a-z]+|flew|ran"
                    r"|rode|swam|drove|went|goes|is\s+[a-z]+ing|was\s+[a-z]+ing)\b")


def speed_at(text: str, start: int, at: int) -> str:
    """ "speed at which the train travels" for "The train travels at 300km/h" (a sentence's
    subject and verb before "at"), or ""."""
    moving = _MOVING.match(text, start, at)
    if moving is None:
        return ""
    found = moving.group("what").split()
    if len(found) < 2 or len(found) > 10 or _MOVES.search(" ".join(found[1:])) is None or any(
            w.lower() in _NO_THING or any(c.isdigit() for c in w) for w in found):
        return ""
    if found[0] in ("The", "A", "An"):
        found[0] = "the"
    return "speed at which " + " ".join(found)
