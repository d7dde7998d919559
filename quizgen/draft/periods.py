"""Spans of time as measures: "time within which coal will catch oil", "time the talks lasted"."""

from __future__ import annotations

import re

from quizgen.article.lexicon import words
from quizgen.article.numbers import NumberHit
from quizgen.draft.measures import AUXILIARIES as _AUXILIARIES
from quizgen.draft.measures import PAST_VERBS, SAYS, relative_owner, without_amounts
from quizgen.draft.measures import TAIL_STOP as _TAIL_STOP
from quizgen.draft.measures import TAIL_TRIM as _TAIL_TRIM
from quizgen.draft.measures import clean as _clean

_PERIODS = ("decade", "decades", "year", "years", "month", "months", "week", "weeks", "day",
            "days", "hour", "hours", "minute", "minutes", "century", "centuries", "second",
            "seconds")


def period_measure(start: int, hit: NumberHit, masked: str, unit: str) -> str:
    """ "time within which coal will catch oil", "time for which grandparents have lit fires":
    a span of time after within, for, over, in, after, during, with its clause; else ""."""
    if unit.split()[-1:] and unit.split()[-1] not in _PERIODS:
        return ""
    if re.match(r"\s*[a-z]+[’']?\s+(?:of|worth)\s", masked[hit.end:hit.end + 30]):
        return ""  # "over 1,200 hours of observations": an amount of something, not a span
    before = masked[start:hit.start]
    prep = re.search(r"\b(within|for|over|in|after|during)\s+(?:(?:the|a|an|about|around|some"
                     r"|nearly|almost|more than|less than|just|only|past|last|next|coming"
                     r"|up to|at least|as long as|roughly|over|under)\s+)*$",  # "for up to"
                     before, re.IGNORECASE)
    if prep is None:  # "By 32 seconds, the craft was back": the time by which it was
        opening = re.fullmatch(r"\s*By\s+(?:about\s+|around\s+|nearly\s+|just\s+)?", before)
        clause = re.split(r"\s+and\s+(?=(?:was|were|is|are|had|has|did)\b)", masked[hit.end:])[0]
        return _opening_period("by", clause + ".") if opening else ""  # one clause: its first
    parts = re.split(r"(?:,(?!\d)|[;:—–(])", before[:prep.start()])
    clause = parts[-1]
    found = re.findall(r"[\w’'-]+(?:,\d{3})*", clause)  # "12,000" one word
    found = found if len(found) <= 12 and found[:1] and found[0][:1].isupper() else found[-9:]
    while found and found[0].lower() in _TAIL_STOP | {"then", "if", "unless", "even"} and not (
            found[0] in ("who", "which") and found[1:2] and found[1].islower() and len(parts) > 1):
        found.pop(0)  # "demand – which is expected to rise …": kept, for the noun it stands for
    named: list[str] = []  # the noun phrase a "which" stands for, when it has no "the"
    said = max((i + 1 for i, w in enumerate(found[:-2]) if w.lower() in SAYS), default=0)
    if said:  # "Analysts predict that cars will …": the span is the prediction's, not theirs
        found = found[said + (found[said].lower() == "that"):]
    if not found and len(parts) > 1 and prep.group(1).lower() == "after" and re.match(
            r"\s*[a-z]+\s*[.!?]", masked[hit.end:hit.end + 16]):  # "The embassy reopened in
        found = re.findall(r"[\w’'-]+(?:,\d{3})*", parts[-2])[-9:]  # 2015, after 54 years."
        while found and found[0].lower() in _TAIL_STOP | {"then", "if", "unless", "even"}:
            found.pop(0)
    if not found:  # "Over the past 20 years, bee numbers have fallen", "if, after five years,
        # poverty has not gone": a span opening its clause measures the clause after it
        return _opening_period(prep.group(1).lower(), masked[hit.end:])
    if len(found) > 2 and found[0] in _SPEAKING and found[1].lower() in _STAYED and \
            found[2].lower() in _WHERE:  # "I was in hospital for five days": time in hospital
        return "time " + " ".join(w for w in found[2:] if w not in _SPEAKING)
    if found[1:] and found[0] in ("who", "which") and len(parts) > 1:
        found = [*relative_owner(parts[-2], found[0]), *found[1:]]  # "Cole, who has studied"
        if found[0] == "which" and (bare := _BARE_OWNER.search(parts[-2])):
            named = [bare.group(1).lower(), *bare.group(2).split()]
            found = [*named, *found[1:]]  # "demand –
            # which is expected to rise": a noun phrase with no "the" opening it or after "to X"
    if found[:1] == ["that"]:  # "a device, held in the mouth, that lets …": the device
        unmoved = [p for p in parts[:-1] if not re.match(r"\s*[a-z]+ed\b", p)
                   and p.split()[:1] != [] and p.split()[0] not in PAST_VERBS]
        owner = relative_owner(unmoved[-1], "which") if unmoved else ["which"]
        if owner == ["which"]:
            return ""  # "so minimal that crossing …": no thing the clause is about
        found = [*owner, *found[1:]]
    if found and found[0] in ("The", "A", "An", "Its", "Their", "His", "Her"):
        found[0] = found[0].lower()  # "The typical swimmer can hold …": the typical swimmer
    kept = without_amounts(found)  # "rise from 62 to 65 over the next nine years"
    while kept and kept[-1].lower() in ("aged", "between", "and", "from"):
        kept.pop()  # "adults aged over 60": the age is a figure of its own
    shown = _clean(kept)
    if len(found) > 2 and found[-1].lower() in ("last", "lasts") and found[-2].lower() in \
            _AUXILIARIES | {"to"} and (subject := _clean(found[:-2])):
        shown = " ".join([subject, *found[-2:]])  # "the ban will last": "last" is its verb
    if len(shown.split()) < 2 or any(c.isdigit() for c in shown) or (
            without_amounts(found) != found and shown[:1].islower() and not named
            and shown.split()[0] not in _OPENS_PHRASE and not shown.split()[0].endswith("s")):
        return ""  # "draw a full state pension": a clause cut from its subject
    return f"time {prep.group(1).lower()} which {shown}"


# A noun phrase with no determiner that a "which" after a dash or comma stands for: opening
# the sentence ("Global oil demand – which …") or after "to" and a verb ("to meet rising demand,
# which …").
_BARE_OWNER = re.compile(r"(?:^\s*|\bto\s+[a-z]+\s+)([A-Za-z][a-z’'-]*)((?:\s+[a-z][\w’'-]*)"
                         r"{0,2})\s*$")
# A speaker's own stay somewhere: "I was in hospital for five days", "we lived abroad for".
_SPEAKING = frozenset({"I", "We", "we", "You", "you"})
_STAYED = words("was were am are been stayed stay lived live remained worked spent")
_WHERE = words("in at on abroad away inside outside behind under overseas")
_OPENS_PHRASE = words("the a an its their his her this these those some many most all each"
                      " every our other")
_PERIOD_NOUN = {"over": "period", "in": "period", "during": "period", "within": "time",
                "for": "time", "after": "time"}


def _opening_period(prep: str, after: str) -> str:
    """ "period over which the number of bees has fallen" for "Over the past 20 years, the
    number of bees has fallen": a span opening its sentence measures the clause after it."""
    clause = re.match(r"\s*[a-z]*\s*,\s+([^,;:—–(.!?“”\"]{6,120})", after)
    if clause is None:
        return ""
    found = without_amounts(re.findall(r"[\w’'-]+(?:[.,]\d+)*", clause.group(1)))[:12]  # "has
    # lost nearly 9m visitors": the amount is a figure of its own
    if found and found[0] in ("The", "A", "An", "Its", "Their", "His", "Her"):
        found[0] = found[0].lower()
    shown = _clean(found)
    if len(shown.split()) < 3 or any(c.isdigit() for c in shown) or not any(
            w.lower() in _AUXILIARIES or (w.islower() and w.endswith("ed"))
            or w.lower() in _SPAN_VERBS for w in shown.split()[1:]):
        return ""  # no verb: "Within five years, a new school" says nothing done
    return f"{_PERIOD_NOUN.get(prep, 'time')} {prep} which {shown}"


_SPAN_LEAD = re.compile(r"(?:\b(?:for|in|over|during|about|around|some|nearly|almost|just|only|more"
                        r"|than|less|at least|up to|roughly|the|a|an|past|last|first|next"
                        r"|another)\s+)+$", re.IGNORECASE)


def span_measure(clause: str, tail: str) -> str:
    """ "time Mason's team spent swabbing the subway": a span of time as the time its clause
    takes, from the clause before the number (its subject and verb) and the words after the
    unit; "" when the clause has no verb or is too short to say which span it is."""
    if tail.startswith(("of ", "’ worth", "' worth")):
        return ""  # "declared three days of national mourning": days of something, no span
    before = _SPAN_LEAD.sub("", clause.rstrip() + " ")
    found = re.findall(r"[\w’'-]+", before)[-8:]
    while found and found[0].lower() in (_TAIL_STOP | _TAIL_TRIM | {"then", "also"}) - {
            "the", "a", "an"}:
        found.pop(0)
    if "and" in found[:-1] and found[-1].lower() in _SPAN_VERBS:
        return ""  # "Each lap … takes the drivers past the pier and lasts": its subject opens
        # the sentence (frames.frame_measure reads it)
    found = [w for w in found if w.lower() not in ("that", "which", "who")]  # "a review that
    # lasted", "an astronaut who spent almost a year"
    if found and found[0] in ("The", "A", "An", "a", "an"):
        found[0] = "the"  # "the talks lasted", not "talks lasted"
    shown = _clean(found + tail.split()).split()
    if len(shown) < 2 or any(any(c.isdigit() for c in w) for w in shown) or not any(
            ((w.lower().endswith("ed") and not w.lower().endswith("eed"))  # not "need"
             or w.lower() in _SPAN_VERBS) and w.lower() not in _AUXILIARIES
            for w in shown[1:]):
        return ""  # "time Police have": no verb saying what the span is spent on
    return "time " + " ".join(shown)


_SPAN_VERBS = words("spent spend spends took take takes lasted lasts last waited wait waits"
                    " worked works lived lives served serves ran runs held holds kept keeps"
                    " sat sits stayed stays slept sleeps played plays spent has have had been")


_GAP = re.compile(r"\s+(before|after)\s+((?:the|a|an|his|her|its|their)\s+(?:[\w’'-]+\s+){0,3}?"
                  r"[\w’'-]+)(?=\s*[,.;!?]|\s*$)")


def gap_measure(text: str, start: int, at: int, end: int) -> str:
    """ "time before the final when Ana Ruiz broke her leg" for "Three months before the
    final, Ana Ruiz broke her leg" (or "Ana Ruiz broke her leg three months before the
    final"): a span before or after an event, with what happened then; or ""."""
    gap = _GAP.match(text, end)
    if gap is None:
        return ""
    lead = text[start:at]
    if not lead.strip(" \n") or re.fullmatch(r"\s*(?:about|around|some|nearly|almost|just|only"
                                             r"|more\s+than)?\s*", lead, re.IGNORECASE):
        clause = re.match(r"\s*,\s+([^,;:—–(.!?“”\"]{6,120})", text[gap.end():gap.end() + 130])
        words_ = re.findall(r"[\w’'-]+", clause.group(1)) if clause else []
    else:
        words_ = re.findall(r"[\w’'-]+", re.split(r"(?:,(?!\d)|[;:—–(])", lead)[-1])
    if words_ and words_[0] in ("The", "A", "An", "Its", "Their", "His", "Her"):
        words_[0] = words_[0].lower()
    shown = _clean(words_)
    if not 2 <= len(shown.split()) <= 10 or any(c.isdigit() for c in shown) or not any(
            w.lower() in _AUXILIARIES or (w.islower() and w.endswith("ed")) or w.lower() in
            _SPAN_VERBS or w.lower() in _PAST for w in shown.split()[1:]):
        return ""  # no verb: nothing said to happen then
    return f"time {gap.group(1)} {gap.group(2)} when {shown}"


_PAST = words("broke began left won lost made took gave came went got became fell rose died"
              " met sold bought built found wrote opened closed moved")


def every_measure(text: str, start: int, at: int) -> str:
    """ "interval at which the festival takes place" for "The festival takes place every two
    years": a span after "every" measures how often its clause happens; or ""."""
    every = re.search(r"\bevery\s+$", text[start:at])
    if every is None:
        return ""
    words_ = re.findall(r"[\w’'-]+", re.split(r"(?:,(?!\d)|[;:—–(])",
                                              text[start:start + every.start()])[-1])
    if words_ and words_[0] in ("The", "A", "An", "Its", "Their", "His", "Her"):
        words_[0] = words_[0].lower()
    shown = _clean(words_)
    return f"interval at which {shown}" if 2 <= len(shown.split()) <= 10 and not any(
        c.isdigit() for c in shown) else ""
