"""Which pairs of events a student could put in order without the article: events of one story
(not dated in different years), whose order is cause and effect or the plain order of steps; or
both tell of one thing (a shared word, or one person or body both involve) and their verbs say
which comes first ("announced" before
"passed", a march "set off" before it "ended"), or one says it follows another ("after", "again",
"replacement", a figure "updated" or "revised")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from quizgen.factbase.model import Event
from quizgen.generators.verbs import is_past

# Stages of any undertaking, as the verbs and nouns that tell of them (stems, matched at a word's
# start). A pair at different stages that shares a topic word is ordered by common sense.
_STAGES: tuple[tuple[str, ...], ...] = (
    ("plan", "propos", "announc", "present", "introduc", "schedul", "promis", "threaten", "bar",
     "nominat", "campaign", "register", "submit", "warn", "prepar", "call for", "called for",
     "first", "due to"),
    ("start", "began", "begin", "set off", "sets off", "launch", "open", "held", "hold", "kick",
     "struck", "strike", "burst", "erupt", "broke out", "took office", "came to power", "arriv",
     "went on sale", "go on sale", "goes on sale",
     # a thing is made before anything is done with it or said of it ("created the polygraph"
     # before a court "ruled" on it)
     "creat", "invent", "founded", "built", "design"),
    ("join", "continu", "updat", "respond", "react", "repl", "appeal", "recount", "endors",
     "resum", "again", "replacement", "follow", "after", "later", "then", "second", "re-",
     "extend", "rais", "revis",
     # a thing changes only once it is there: it "became" or "was renamed" after it began
     "became", "becom", "renam", "changed its name", "changed their name"),
    ("end", "finish", "clos", "pass", "approv", "adopt", "vote", "declar", "won", "win",
     "confirm", "conclud", "ruled", "resign", "complet"),
)
_STOP = frozenset({
    "the", "a", "an", "of", "and", "or", "for", "in", "on", "at", "to", "by", "with", "from",
    "into", "as", "its", "his", "her", "their", "was", "were", "is", "are", "be", "been", "had",
    "has", "have", "that", "this", "after", "before", "then", "first", "again", "new",
})  # fmt: skip


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+(?:[-'’][^\W_]+)*", text.casefold())


# each stage's stems as one pattern: a stem at a word's start, whichever stem it is
_STAGE_PATTERNS = tuple(re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, stems)) + ")")
                        for stems in _STAGES)


def stage(description: str) -> int | None:
    """The latest stage of an undertaking a description's words tell of, or None."""
    folded = " " + " ".join(_words(description)) + " "
    found = None
    for number, pattern in enumerate(_STAGE_PATTERNS):
        if pattern.search(folded):
            found = number
    return found


_TO_COME = re.compile(r"\b(?:will|shall|is due|are due|is to|are to|is set to|are set to)\b")


def to_come(description: str) -> bool:
    """Whether a description tells of something still to come: 'will', 'is due to', or no verb
    in the past ("The telescope launches", "Parliament votes on the reform")."""
    folded = " ".join(_words(description))
    if _TO_COME.search(folded):
        return True
    return not any(is_past(w) or w in ("was", "were", "had") for w in folded.split())


def dated_apart(earlier: Event, later: Event) -> bool:
    """Whether two events are dated by the facts in different years: only then is their order
    one a student learns from the article. Events of one story (one day, one season) ordered by
    the story itself are sorted by cause and effect or by the plain order of steps (eleven
    killed before a leader "updated the death toll", announced before passed), and "moments
    before" or "later" is no order a student can learn."""
    return (earlier.date is not None and later.date is not None
            and earlier.date.year != later.date.year)


def years_apart(events: Sequence[Event]) -> list[int]:
    """For each event, the mask of the events dated_apart from it (none for an undated one),
    made by year at once, not pair by pair."""
    by_year: dict[int, int] = {}
    for i, event in enumerate(events):
        if event.date is not None:
            by_year[event.date.year] = by_year.get(event.date.year, 0) | 1 << i
    dated = 0
    for mask in by_year.values():
        dated |= mask
    return [dated & ~by_year[e.date.year] if e.date is not None else 0 for e in events]


def _topic(description: str) -> set[str]:
    return {w[:5] for w in _words(description) if w not in _STOP and len(w) > 3}


def guessed_orders(events: Sequence[Event]) -> tuple[list[int], list[int]]:
    """For each event, the masks of the events common sense puts after it and of those it puts
    before it (the same relation read the other way). After it: a shared topic word and a later
    stage of an undertaking, or (for an event told in the past) any event told as still to come.
    Each event's masks are made at once, not event by event: the pairs grow as the square of
    the events."""
    stages = [stage(e.description) for e in events]
    coming = 0
    for i, event in enumerate(events):
        if to_come(event.description):
            coming |= 1 << i
    past = ((1 << len(events)) - 1) & ~coming
    # one thing's story: a shared word, or a person or body both events involve ("the NAO
    # started …" and "the orchestra changed its name …", both of the orchestra)
    topics = [_topic(e.description) | {"\x00" + p for p in e.people} for e in events]
    after = [0] * len(events)
    before = [0] * len(events)
    by_word: dict[str, int] = {}
    for i, words in enumerate(topics):
        for word in words:
            by_word[word] = by_word.get(word, 0) | 1 << i
    later, earlier = _stage_masks(stages)
    for i in range(len(events)):
        if coming >> i & 1:
            before[i] |= past
        else:
            after[i] |= coming
        here = stages[i]
        if here is None:
            continue
        near = 0
        for word in topics[i]:
            near |= by_word[word]
        near &= ~(1 << i)
        after[i] |= near & later[here]
        before[i] |= near & earlier[here]
    return after, before


def _stage_masks(stages: Sequence[int | None]) -> tuple[dict[int, int], dict[int, int]]:
    """For each stage found, the masks of the events at a later stage and at an earlier one."""
    at: dict[int, int] = {}
    for j, there in enumerate(stages):
        if there is not None:
            at[there] = at.get(there, 0) | 1 << j
    later: dict[int, int] = {}
    earlier: dict[int, int] = {}
    above = below = 0
    for stage_number in sorted(at, reverse=True):
        later[stage_number] = above
        above |= at[stage_number]
    for stage_number in sorted(at):
        earlier[stage_number] = below
        below |= at[stage_number]
    return later, earlier
