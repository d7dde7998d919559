"""Candidate events: sentences with a time cue ("on Wednesday", "in 2009", "in response")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizgen.draft.quotes import Attributor

_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November"
          r"|December)")
# Each cue and whether it is relative (says an order, which only the teacher may assert).
_CUES = [
    (re.compile(rf"\b(?:on|since|by|until|last|this|next|from|early|late) {_DAY}\b", re.I), False),
    (re.compile(rf"\b(?:in|on|since|by|until|early|late|last|this|next) {_MONTH}\b"), False),
    (re.compile(rf"\b{_MONTH} \d{{1,2}}\b|\b\d{{1,2}} {_MONTH}\b"), False),
    (re.compile(r"\b(?:in|since|until|by|from|before|after) (?:the )?(?:1[89]|20)\d\d\b"), False),
    (re.compile(r"\b(?:yesterday|today|tonight|this morning|last night|last week|last month"
                r"|last year|next week|next month|next year)\b", re.I), False),
    (re.compile(r"\b(?:in response|in reaction|in retaliation|as a result|earlier|later"
                r"|previously|subsequently|afterwards|meanwhile|then|since then|hours later"
                r"|days later|weeks later|the next day|the following day|the day before"
                r"|prior to|ahead of|following|after|before|until|once)\b", re.I), True),
]
_LEAD = re.compile(r"^(?:(?:on|in|since|by|until|during|after|before|earlier|later|meanwhile"
                   r"|then|yesterday|today|in response|following)\b[^,]{0,60},\s*)", re.I)


# A country after a preposition is named in passing (where something happened), not as one
# who acts ("droughts in the US", "imports from China"); so are those listed after it.
_IN_PASSING = re.compile(r"\b(?:in|at|from|to|into|across|around|near|of|throughout|within"
                         r"|outside|inside|towards?|through|over|between|among|like|including)"
                         r"\s+(?:the\s+)?$", re.I)
_LIST_GAP = re.compile(r"(?:,\s+|\s+and\s+|,\s+and\s+|\s+or\s+)(?:the\s+)?")


@dataclass
class EventGuess:
    """A sentence that reports something happening, with its time cues."""

    description: str
    people: list[str]
    cues: list[str]
    relative: list[str]
    year: str | None
    excerpt: tuple[int, int]


def _description(sentence: str) -> str:
    """The sentence as a short description: leading time phrase and final stop removed."""
    text = _LEAD.sub("", sentence.strip()).rstrip(".!? ")
    text = re.sub(r",\s+(?:which|who|whose|where)\b(?:[^,]|,(?=\d))*,(?!\d)", "",
                  text)  # relative clauses (a comma inside "500,000" ends none)
    for cut in (", saying", ", stating", ", with ", ", while ", ", which ", ", who "):
        if cut in text and len(text) > 120:
            text = text[: text.index(cut)]
    words = text.split()
    if len(words) > 24:
        text = " ".join(words[:24]) + " …"
    return text[:1].upper() + text[1:] if text else sentence.strip()


def find_events(attributor: Attributor, *, body_start: int) -> list[EventGuess]:
    """One candidate event for each body sentence that carries a time cue."""
    article = attributor.article
    events: list[EventGuess] = []
    for sentence in article.sentences:
        if sentence.start < body_start:
            continue
        masked = article.masked[sentence.start:sentence.end]
        cues: list[str] = []
        relative: list[str] = []
        for pattern, is_relative in _CUES:
            for match in pattern.finditer(masked):
                (relative if is_relative else cues).append(match.group())
        if not cues and not relative:
            continue
        year = re.search(r"\b(?:1[89]|20)\d\d\b", " ".join(cues))
        people: list[str] = []
        passing = -1  # where the last country named in passing ends
        for mention in attributor.in_span(sentence.start, sentence.end):
            key = attributor.key_of(mention)
            if key is not None and attributor.entities[key].kind == "country" and (
                    _IN_PASSING.search(article.masked, max(0, mention.start - 30),
                                       mention.start) or
                    (passing >= 0 and _LIST_GAP.fullmatch(article.masked, passing,
                                                          mention.start))):
                passing = mention.end  # "droughts in the US and Russia": no participant
                continue
            if key is not None and key not in people:
                people.append(key)
        text = article.text[sentence.start:sentence.end]
        events.append(EventGuess(_description(" ".join(text.split())), people, cues, relative,
                                 year.group() if year else None,
                                 (sentence.start, sentence.end)))
    return events
