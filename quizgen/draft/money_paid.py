"""Money a subject paid, raised or spent "in" a noun: "tax that the firm had paid since 2010"."""

from __future__ import annotations

import re

# The subject and verb before the amount: "the company had paid only", "Oxfam has raised".
_PAID = re.compile(r"(?:^|[\s,])(?P<who>(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:[a-z][\w’'-]*\s+){0,2}"
                   r"[a-z][\w’'-]*|[A-Z][\w&’'-]*(?:\s+[A-Z][\w&’'-]*){0,3})\s+(?P<verb>(?:(?:had|has|have)"
                   r"\s+)?(?:paid|raised|spent|invested|received|lost|earned|collected|donated"
                   r"|saved|borrowed|generated))\s+(?:(?:only|just|about|around|nearly|almost"
                   r"|more\s+than|some|over|less\s+than|an\s+estimated)\s+)?$")
_IN = re.compile(r"\s+in\s+(?=[a-z])")
_STOPS = frozenset({"since", "over", "during", "last", "this", "in", "from", "to", "on", "for",
                    "and", "or", "but", "while", "which", "that", "said", "says", "it", "they",
                    "he", "she", "we", "who", "had", "has", "have", "was", "were", "is", "are"})
# When: "since launching in the UK", "since 2010", "over the last three years", "last year".
_WHEN = re.compile(r"\s+(since\s+[a-z]+ing(?:\s+(?!in\s+\d)[\w’'-]+){0,3}|since\s+(?:19|20)\d\d"
                   r"|over\s+the\s+(?:last|past)\s+[a-z]+\s+years?|(?:last|this)\s+year"
                   r"|in\s+(?:19|20)\d\d)\b")
_NOT_NOUNS = frozenset({"the", "a", "an", "total", "all", "its", "their", "his", "her", "our",
                        "cash", "order", "return", "addition", "part", "full", "fact"})


def paid_in(text: str, start: int, at: int, end: int) -> str:
    """ "corporation tax that the company had paid since launching in the UK" for "the company
    had paid only £8.6m in corporation tax since launching in the UK in 1998": the noun after
    "in", what its subject paid, raised or spent, and when; "" when no such subject and verb
    come right before the amount, or the subject is a pronoun."""
    paid = _PAID.search(text[start:at])
    link = _IN.match(text, end)
    if paid is None or link is None:
        return ""
    noun: list[str] = []
    for word in re.finditer(r"\s*([\w’'-]+|\S)", text[link.end():link.end() + 60]):
        if len(noun) == 3 or not word.group(1)[:1].isalpha() or word.group(1) in _STOPS:
            break
        noun.append(word.group(1))
    who, verb = paid.group("who").split(), paid.group("verb")
    if who[1:] and who[-1] in ("had", "has", "have"):  # "the charity had raised": "had" is
        verb = f"{who.pop()} {verb}"  # the verb's
    if who[0] in ("The", "Its", "Their"):
        who[0] = who[0].lower()
    if not noun or noun[0] in _NOT_NOUNS or set(who[1:]) & _STOPS or who[0] in (
            "It", "They", "He", "She", "We", "I", "You"):
        return ""  # "the club said it had paid": whom "it" stands for is not said here
    after = re.search(r"\s" + r"\s+".join(map(re.escape, noun)) + r"\b", text[end:end + 80])
    when = _WHEN.match(text, end + after.end()) if after is not None else None
    shown = f"{' '.join(noun)} that {' '.join(who)} {verb}"
    return shown + (f" {when.group(1)}" if when else "")
