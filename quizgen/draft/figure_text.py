"""Readings of the words around a number: its qualifier, its comma-part, a scoreline's sides."""

from __future__ import annotations

import re
from dataclasses import replace

from quizgen.article.lexicon import QUALIFIER_AFTER, QUALIFIER_WORDS, words
from quizgen.article.numbers import NumberHit
from quizgen.draft.amounts import age_opening
from quizgen.draft.counts import count_clause
from quizgen.draft.quotes import Attributor

# Words and shapes the figure finder (figures.py) reads around a number.
# The noun an age in years is written before ("a 12-year-old boy", "a 2.5 million-year-old
# fossil"): one word, or two when the first is a modifier ("a 24-year-old student").
AGED_NOUN = re.compile(r"(?:\s+[a-z]+){0,2}")
ACTED_AFTER = ("among", "in", "at", "on", "from", "across", "for", "during", "before", "after",
               "within")  # not "of": the unit's
PREPOSITIONS = ("among", "in", "of", "at", "on", "from", "across", "for")
# Adverbs of where or how often after a count ("sold 12 million sets worldwide").
WHERE_ADVERBS = ("worldwide", "globally", "nationwide", "abroad", "overseas", "online",
                  "annually", "daily", "weekly", "locally", "internationally")
# Words after which "over N years" means more than N years ("for over 40 years").
OVER_MEANS_MORE = words(
    "for of in after than aged age spent spend spends lasted lasting lasts took take takes is"
    " was are were be been being just well now by")


# A length written onto its number before the noun it measures ("the 34km crossing").
LENGTH_NOUN = re.compile(r"\s+(?:crossing|walk|run|race|route|journey|trip|swim|drive|ride|road"
                          r"|tunnel|trail|hike|trek|coastline|border|stretch|loop|pipeline|wall"
                          r"|bridge|flight|voyage|march)\b")
# A span written as an adjective before its noun ("a 70-minute discussion", "a 10-mile walk").
SPAN_NOUN = re.compile(r"-(?:second|minute|hour|day|week|month|year|decade|mile|kilometre"
                        r"|kilometer|km|metre|meter)\s+[a-z]")


# Money moved for a cause, its giver unnamed ("It raised £3.5m for charity").
GIVEN = re.compile(r"\b(raised|donated|collected|pledged|earned)\s+(?:(?:about|around|some"
                    r"|nearly|almost|over|more\s+than|up\s+to|an\s+estimated|at\s+least)\s+)*$")


# "by" and a qualifier right before a number: the amount of a change ("shrank by 1 million").
BY = re.compile(r"\bby\s+(?:about\s+|around\s+|nearly\s+|almost\s+|more\s+than\s+|some\s+)?$")


_QUALIFIER_KEYS = sorted(QUALIFIER_WORDS, key=len, reverse=True)
# One search for every qualifier: the leftmost match is the longest key that ends the text
# (a shorter one that also does is its suffix, and starts later), as when tried one by one.
_QUALIFIER_ENDING = re.compile(r"(?:^|[^\w])(" + "|".join(map(re.escape, _QUALIFIER_KEYS))
                               + r") ?$")
def qualifier_before(text: str, start: int) -> tuple[str, str]:
    """The FORMAT SPEC qualifier the words before a number give, and those words."""
    before = text[max(0, start - 30):start].lower()
    before = re.sub(r"\s+", " ", before).removesuffix("-")  # "the over-4 month gap"
    before = re.sub(r"(?<!\w)minus ?$", "", before)  # "about minus 179 degrees": about
    found = _QUALIFIER_ENDING.search(before)
    if age_opening(text, start) == "by":
        return "at most", "by"  # "By 14, she was on the radar": no older than 14
    if found is not None:
        return QUALIFIER_WORDS[found.group(1)], found.group(1)
    return "exact", ""


def rstrip_stop(text: str, start: int, end: int) -> int:
    """The end of a sentence without its final full stop."""
    while end > start and text[end - 1] in ". ":
        end -= 1
    return end


_NAME = r"(?:[A-Z][\w’'-]*\s+){0,3}[A-Z][\w’'-]*"
_BEAT = re.compile(rf"(?:(?P<x>{_NAME})\s+)?(?:beat|beats|beating|defeated|defeats|defeating"
                   rf"|thrashed|thrashing|edged|edging|overcame|overcoming|won\s+against"
                   rf"|drew\s+with|drawing\s+with)\s+(?P<y>{_NAME})\s+(?:by\s+)?$")
_LOST = re.compile(rf"(?:(?P<y>{_NAME})\s+)?(?:lost|losing|lose|loses)\s+(?:to\s+)(?P<x>{_NAME})"
                   rf"\s+(?:by\s+)?$")
_WIN_FOR = re.compile(rf"\s*(?:win|victory)\s+for\s+(?P<x>{_NAME})\s+(?:over|against)\s+"
                      rf"(?P<y>{_NAME})")


def score_side(text: str, start: int, first: int, end: int, *, winner: bool) -> str:
    """Whose goals a scoreline's number counts: "X beat Y 2-1", "beating Y 2-1" (X the
    sentence's first name), "Y lost to X 0-2", "a 2-1 win for X over Y", "X drew with Y": the
    winner's (`winner`, the larger number, or the first of a draw) or the other side's; ""
    when no side is named around it."""
    before = text[start:first]
    sides = _BEAT.search(before) or _LOST.search(before) or _WIN_FOR.match(text, end)
    if sides is None:
        return ""
    x = sides.group("x") or (re.match(rf"\s*({_NAME})", text[start:first]) or sides).group(1)
    y = sides.group("y")
    if x is None or y is None or x.split()[0] in ("The", "A", "An", "In", "On", "At", "But"):
        return ""
    return x if winner else y


def side_of(text: str, start: int, hit: NumberHit) -> str:
    """The side whose goals one number of a scoreline ("2-1", "2 –1") counts, or ""."""
    lead = re.search(r"\d{1,3} ?[-–] ?$", text[max(0, hit.start - 8):hit.start])
    trail = re.match(r" ?[-–] ?\d{1,3}", text[hit.end:hit.end + 8])
    first = hit.start - len(lead.group()) if lead else hit.start
    end = hit.end if lead else hit.end + (trail.end() if trail else 0)
    numbers = [int(n) for n in re.findall(r"\d{1,3}", text[first:end])]
    if len(numbers) != 2:
        return ""
    mine, other = (numbers[1], numbers[0]) if lead else (numbers[0], numbers[1])
    return score_side(text, start, first, end,
                      winner=mine > other or (mine == other and lead is None))


def last_cut(masked: str, start: int, end: int) -> int:
    """Where the comma-part holding offset `end` starts: just after the last `;`, `—`, `–`, or
    `,` or `:` not between two digits (1,000), in masked[start:end]; `start` when there is none.
    Searched backwards from `end`, so a number late in a long sentence costs no more."""
    at = end
    while True:
        at = max(masked.rfind(mark, start, at) for mark in ",:;—–")
        if at < 0:
            return start
        if masked[at] in ";—–" or at + 1 >= end or not (
                masked[at + 1].isdecimal() and at > start and masked[at - 1].isdecimal()):
            return at + 1


_MAIN_VERB = ("is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can",
              "may", "might", "should", "must")


def relative_after(text: str, end: int, *, limit: int = 7) -> list[str]:
    """The words of a relative clause right after a noun ("who took part", "that Earth
    receives from the Sun"), up to punctuation or the sentence's own verb ("… had backed"); []
    when none follows."""
    opening = re.match(r"\s+(who|that|which)\s+", text[end:end + 20])
    if opening is None:
        return []
    found = [opening.group(1)]
    for word in re.findall(r"[^\s,.;:!?()“”\"—–]+|[,.;:!?()“”\"—–]", text[end + opening.end():
                                                                     end + 160]):
        if not word[:1].isalpha() or any(c.isdigit() for c in word) or len(found) > limit or (
                (len(found) > 2 or found[-1].lower() not in _MAIN_VERB)
                and word.lower() in _MAIN_VERB):  # "who applied were": "were" is the sentence's
            break
        found.append(word)
    while found and found[-1].lower() in ("of", "the", "a", "an", "in", "to", "for", "and", "or",
                                          "on", "at", "by", "with", "from", "its", "their"):
        found.pop()
    return found if len(found) >= 2 else []


def ordinal_second(text: str, hit: NumberHit) -> bool:
    """ "a second bookable offence": "a second" before a noun is an ordinal, not a span."""
    return bool(re.match(r"an?\s+second$", text[hit.start:hit.end], re.IGNORECASE)
                and re.match(r"\s+[a-z]", text[hit.end:hit.end + 2]))


def amount_doing(text: str, end: int) -> str:
    """ "amount lost to tax avoidance" for "£32bn was lost to tax avoidance": what an amount
    of money had done to it; else the plain "amount of money", which the check asks to fix."""
    doing = count_clause(text, end, "money")
    return f"amount {doing}" if doing and not doing.startswith(("that", "who")) else \
        "amount of money"


def named_window(attributor: Attributor, start: int, hit: NumberHit) -> tuple[NumberHit, str]:
    """The masked text from `start` (a sentence's) to a little after the number, each he/she
    before the number replaced by the name of the person it stands for, and the number's hit
    moved into it: a measure's clause can then name who did it ("year in which Ana Ruiz took
    office", not "year"). The text is the same when no he/she is resolved."""
    masked = attributor.masked
    parts: list[str] = []
    at = start
    for mention in attributor.in_span(start, hit.start):
        if mention.key is not None:
            continue
        key = attributor.key_of(mention)
        if key is None or attributor.entities[key].kind != "person":
            continue
        parts += [masked[at:mention.start], attributor.entities[key].name]
        at = mention.end
    parts.append(masked[at:hit.start])
    before = "".join(parts)
    window = before + masked[hit.start:hit.end + 200]
    return replace(hit, start=len(before), end=len(before) + hit.end - hit.start), window


def share_for(text: str, earlier: NumberHit, measure: str, hit: NumberHit) -> str:
    """ "51.2% of the vote against 44.2% for X": the second share is of the same thing, for
    whom the words after it name ("share of the vote for X"); else ""."""
    if not re.fullmatch(r"\s+of\s+[^,;.]*?\s(?:against|versus|vs\.?|to|and|compared\s+with"
                        r"|with)\s+", text[earlier.end:hit.start]):
        return ""
    whom = re.match(r"\s+for\s+((?:[A-Z][\w’'-]*\s*){1,4}|the\s+[a-z]+)", text[hit.end:
                                                                          hit.end + 60])
    return f"{measure.split(' for ')[0]} for {whom.group(1).strip()}" if whom else ""


# Words after a number or its unit that qualify it ("1,000 or more", "aged 65 or over"); right
# after the number, "plus" is left out ("£5 plus VAT").
_AFTER = re.compile(r"\s+(" + "|".join(QUALIFIER_AFTER) + r")\b")
_AFTER_BARE = re.compile(r"\s+(" + "|".join(w for w in QUALIFIER_AFTER if w != "plus") + r")\b")


def qualifier_after(text: str, unit_end: int, end: int) -> str:
    """The qualifier said after a figure's unit or right after its number, or ""."""
    found = _AFTER.match(text, unit_end, unit_end + 14) or _AFTER_BARE.match(text, end, end + 14)
    if found is None and text[end:end + 5] in ("-odd ", "-odd\n"):
        return "about"  # "20-odd people" (round 23)
    return QUALIFIER_AFTER[found.group(1)] if found is not None else ""
