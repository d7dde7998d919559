"""Measures named by what a number's clause does: a time of day, a distance, a weight, a change."""

from __future__ import annotations

import re

from quizgen.article.lexicon import CURRENCY_WORDS, words
from quizgen.draft.measures import relative_owner
from quizgen.draft.plural_verbs import (
    DEMONYM_PLURALS,
    PARTICLES,
    plural_present,
    singular_present,
    time_written_onto,
)

MONEY_WORDS = CURRENCY_WORDS | words("krona kronor krone kroner rand shekels lira lire naira"
                                     " baht ringgit zloty forint dirhams")
_STOP = words("because when while although though if as so but and or which whereas unless"
              " according said says told than where who that")
_LEAD_WORDS = words("at by before after until from around about shortly just soon sometime"
                    " roughly approximately nearly almost some on")
_FIRST_SECOND = words("i me my we us our you your he she it they him them his her their its"
                      " there this these those")
_BE = words("is are was were be been being")
_VERBISH = words(
    "is are was were be been has have had will would may might can could shall should must do"
    " does did set sets began begins begin starts start ends end opens open closes close"
    " leaves leave left arrives arrive goes go went comes come came took takes struck strikes"
    " hit hits broke breaks burst bursts fell falls rose rises ran runs met meets held holds")


def _subject_clause(found: list[str]) -> list[str]:
    """A clause's words from its subject on, with its first determiner in lower case; [] when
    it has no verb, or its subject is a pronoun (which the prompt could not resolve)."""
    cut = max((i + 1 for i, w in enumerate(found) if w.lower() in _STOP), default=0)
    found = found[cut:]
    if found and found[0] in ("The", "A", "An", "Its", "Their", "His", "Her", "Each", "Every",
                              "All", "Some", "Most", "Many", "Both", "This", "These", "Those"):
        found[0] = found[0].lower()
    if len(found) < 2 or any(w.lower() in _FIRST_SECOND for w in found[:1]) or (not any(
            w.lower() in _VERBISH or (w.endswith("ed") and w.islower()) for w in found[1:]) \
            and not _ends_on_present_verb(found) and not plural_present(found)
            and not singular_present(found)):
        return []
    if plural_present(found) and found[0] == found[-3 if found[-1] in PARTICLES else -2] and \
            not found[0].lower().endswith(DEMONYM_PLURALS):
        found = [found[0].lower(), *found[1:]]  # "Farmers earn": farmers; not "Americans"
    return found


def _ends_on_present_verb(found: list[str]) -> bool:
    """ "the average Briton eats", "the factory produces": a singular noun phrase (a
    determiner or a name first, its last noun not ending in -s) and a verb in -s after it."""
    last, noun = found[-1], found[-2]
    return 2 <= len(found) <= 6 and last.islower() and len(last) > 3 and \
        last.endswith("s") and not last.endswith(("ss", "us", "is", "ous")) and \
        not noun.lower().endswith("s") and noun.lower() not in _STOP | _BE and \
        (found[0] in ("the", "a", "an", "each", "every", "this") or found[0][:1].isupper()) \
        and not any(w.lower() in _STOP | _BE for w in found[1:-1])


def time_of_day_measure(text: str, start: int, at: int, end: int) -> str:
    """ "time the march set off" for "The march set off at 14:00"; "time the river burst its
    banks" for "At 03:40, the river burst its banks"; "time of kick-off" for "Kick-off is at
    17:30"; "" when the clause has no subject and verb of its own."""
    if written := time_written_onto(text, start, at, end):
        return written  # "the 3pm start time", "a 10pm curfew"
    clause = re.split(r"(?:,(?!\d)|[;:—–(])", text[start:at])[-1]
    found = re.findall(r"[\w’'-]+", clause)
    while found and found[-1].lower() in _LEAD_WORDS:
        found.pop()
    if len(found) >= 2 and found[-1].lower() in _BE and not any(
            w.lower() in _STOP for w in found[:-1]):
        noun = found[:-1]  # "Kick-off is at 17:30": time of kick-off
        if noun[0] in ("The", "A", "An") or noun[0][1:].islower():
            noun[0] = noun[0].lower()
        return "time of " + " ".join(noun) if len(noun) <= 6 else ""
    shown = _subject_clause(found)
    if not shown:  # "At 03:40, the river burst its banks": the clause after the time
        after = re.split(r"[.;:—–(]", text[end:end + 160])[0]
        after = re.sub(r"^\s*(?:[ap]\.?m\.?\s*)?(?:on\s+\w+\s*)?,?\s*", "", after)
        shown = _subject_clause(re.findall(r"[\w’'-]+", after.split(",")[0]))
    shown = shown[:10]
    while shown and shown[-1].lower() in words("the a an of in to at on by for with from"):
        shown.pop()
    if len(shown) < 2 or any(any(c.isdigit() for c in w) for w in shown):
        return ""
    return "time " + " ".join(shown)


# What a number with these units measures ("4km": a distance); the adjective after the unit
# names the dimension when there is one ("41 light-years away", "3m tall").
_DIMENSIONS = {
    "distance": words("kilometres kilometers km metres meters miles yards feet foot inches"
                      " centimetres centimeters cm mm millimetres millimeters light-years"),
    "weight": words("kilograms kilogrammes kilos kg grams grammes tonnes tons ounces lbs"),
    "temperature": words("degrees"),
    "area": words("hectares acres"),
    "voltage": words("volts volt kilovolts millivolts"),
}
_ADJECTIVE_DIMENSION = {"away": "distance", "long": "length", "high": "height", "tall": "height",
                        "deep": "depth", "wide": "width", "thick": "thickness", "old": "age"}
_SPEED = re.compile(r"\b(?:per|an|a)\s+(?:hour|second)\b|\bmph\b|\bkm/h\b|\bknots\b")


def dimension_measure(unit: str, rest: str, tail: str) -> str:
    """ "distance along Harbour Avenue" for "4 kilometres along Harbour Avenue", "amount of
    coal" for "2 tonnes of coal", "speed", "temperature", "height" for "3 metres high"; the
    dimension alone when no words say of what; "" for a unit that is no measure of size."""
    noun = unit.split()[-1].lower() if unit.split() else ""
    if _SPEED.search(unit.lower()):
        kind = "speed"
    elif unit.lower().split()[0] in ("square", "sq") and len(unit.split()) > 1:
        kind = "area"  # "1,000 square kilometres": an area, not a distance
    else:
        kind = next((k for k, nouns in _DIMENSIONS.items()
                     if noun in nouns or unit.lower().split()[0] in nouns), "")
    if not kind:
        return ""
    adjective = re.match(r"\s+(away|long|high|tall|deep|wide|thick)\b", rest)
    if adjective is not None:
        kind = _ADJECTIVE_DIMENSION[adjective.group(1)]
    if tail.startswith("of ") and kind in ("weight", "distance"):
        small = noun in words("millimetres millimeters mm centimetres centimeters cm inches")
        # "500 tonnes of water", "310mm of rain": amount of …; "40km of coast": length of …
        return ("amount " if kind == "weight" or small else "length ") + tail
    if tail and tail.split()[0] in words("of in along across from to south north east west"
                                         " above below between within on at per"):
        return f"{kind} {tail}"
    return kind


_RAISE = words("increase increases increased increasing raise raises raised raising boost boosts"
               " boosted boosting double doubles doubled lift lifts lifted expand expands"
               " expanded")
_LOWER = words("cut cuts cutting reduce reduces reduced reducing lower lowers lowered lowering"
               " halve halves halved slash slashes slashed shrink shrinks")


def changed_object(text: str, start: int, at: int) -> str:
    """ "increase in food production" for "we must increase food production by 70%", "cut in
    emissions" for "to cut emissions by 40%": a verb of change and its object; else ""."""
    clause = re.split(r"(?:,(?!\d)|[;:—–(])", text[start:at])[-1]
    clause = re.sub(r"\s+(?:by\s+)?(?:up\s+to|about|around|nearly|almost|some|more\s+than"
                    r"|less\s+than|at\s+least|just|only|as\s+much\s+as)?\s*$", "", clause)
    clause = re.sub(r"\s+by$", "", clause)
    found = re.findall(r"[\w’'-]+", clause)
    verb = max((i for i, w in enumerate(found) if w.lower() in _RAISE | _LOWER), default=-1)
    thing = found[verb + 1:] if verb >= 0 else []
    if not thing or len(thing) > 7 or any(
            (w.lower() in _STOP | _BE | _FIRST_SECOND and not (
                0 < i < len(thing) - 1 and w.lower() in ("of", "a", "an", "the")))
            or any(c.isdigit() for c in w) for i, w in enumerate(thing)):  # "cut the risk of a
        # heart attack by 30%": of its noun phrase, "of" and an article may stand inside
        return ""
    if thing[0].lower() in ("the", "its", "their", "his", "her", "our"):
        thing = thing[1:] if thing[0].lower() == "the" else thing
    if not thing:
        return ""
    noun = "increase" if found[verb].lower() in _RAISE else "cut"
    return f"{noun} in {' '.join(thing)}"


_PRICED = re.compile(r"(?:^|\s)(?P<what>(?:the|a|an|its|their|this|each)\s+(?:[\w’'-]+\s+){0,3}?"
                     r"[\w’'-]+)\s+(?:(?:is|was|are|were|will\s+be|would\s+be|could\s+be"
                     r"|has\s+been|had\s+been)\s+)?(?:(?:likely|expected|set)\s+to\s+be\s+)?"
                     r"(?P<verb>priced|valued|sold|bought|insured|sells|sell|retails|retail)"
                     r"\s+(?:at|for)\s+$",
                     re.IGNORECASE)
_COST_OBJECT = re.compile(r"(?:^|\s)(?P<what>(?:the|a|an|its|their|this|each)\s+(?:[\w’'-]+\s+)"
                          r"{0,3}?[\w’'-]+)\s+(?:(?:could|would|will|may|might|can)\s+)?"
                          r"(?:cost|costs)\s+(?P<whom>(?:the|its|their)\s+[\w’'-]+)\s+$",
                          re.IGNORECASE)
_COSTED = re.compile(r"\b(costed|valued|priced)\s+(?P<what>(?:the|a|an|its|their|this)\s+"
                     r"(?:[\w’'-]+\s+){0,3}?[\w’'-]+)\s+at\s+$", re.IGNORECASE)
_MONEY_LEAD = re.compile(r"(?:up\s+to|about|around|nearly|almost|some|more\s+than|less\s+than"
                         r"|at\s+least|an\s+estimated|as\s+much\s+as|over|under)\s+$")


def priced_before(text: str, start: int, at: int) -> str:
    """ "price of the device" for "the device would be priced at £280", "value of the house"
    for "the house was valued at £1m", "cost of an extra day off to the economy" for "an extra
    day off could cost the economy up to 300 million krona"; else ""."""
    before = re.split(r"(?:,(?!\d)|[;:—–(])", text[start:at])[-1]
    while (lead := _MONEY_LEAD.search(before)) is not None:
        before = before[:lead.start()]
    costed = _COSTED.search(before)
    if costed is not None:  # "the government had costed the holiday at": cost of the holiday
        noun = {"costed": "cost", "valued": "value", "priced": "price"}[costed.group(1).lower()]
        return f"{noun} of {_lower_first(costed.group('what'))}"
    priced = _PRICED.search(before)
    if priced is not None:
        noun = {"priced": "price", "valued": "value", "sold": "price", "bought": "price",
                "insured": "insured value", "sells": "price", "sell": "price",
                "retails": "price", "retail": "price"}[priced.group("verb").lower()]
        return f"{noun} of {_lower_first(priced.group('what'))}"
    cost = _COST_OBJECT.search(before)
    if cost is not None and not any(w.lower() in _STOP | _BE for w in cost.group("what").split()):
        return f"cost of {_lower_first(cost.group('what'))} to {cost.group('whom').lower()}"
    return ""


def _lower_first(phrase: str) -> str:
    found = phrase.split()
    if found[0].lower() in ("the", "a", "an", "this", "each"):
        found[0] = "the"
    return " ".join(found)


_NAME_BEFORE = re.compile(r"(?:^|[^\w’'-])((?:[A-Z][\w’'-]+\s+){0,3}[A-Z][\w’'-]+),\s+"
                          r"(?:an?\s+|aged\s+|now\s+|who\s+(?:is|was|turned)\s+(?:now\s+)?)?$")
# "Maya Chen is 14" (not "when Maya Chen was 14": her age at a time the clause names).
_NAME_WAS = re.compile(r"(?:^|[^\w’'-])((?:[A-Z][\w’'-]+\s+){0,3}[A-Z][\w’'-]+)\s+(?:was|is"
                       r"|turned|turns)\s+(?:only\s+|just\s+|now\s+|barely\s+)?$")
_AT_A_TIME = re.compile(r"\b(?:when|since|until|after|before|while|time)\s+$", re.IGNORECASE)


def _name_is(before: str) -> re.Match[str] | None:
    """ "Maya Chen is" right before an age; not after "when", "since" … ("When Maya …")."""
    named = _NAME_WAS.search(before)
    if named is None or named.group(1).split()[0] in ("When", "Since", "Until", "After",
                                                      "Before", "While"):
        return None
    return None if _AT_A_TIME.search(before[:named.start(1)]) else named


_AGE_AT = re.compile(r"\bthe\s+((?:[a-z]+\s+)?age\s+(?:at|from|for)\s+which\s+[^,;:—–()]{3,80}?)"
                     r"\s+(?:from\s+[\w.,]+\s+)?(?:from|to|at|is|was|of|will\s+be|would\s+be)"
                     r"\s+$")


def age_of(text: str, start: int, at: int) -> str:
    """ "age of Ana Lee" for "Ana Lee, 27," or "Ana Lee, a 24-year-old student": the name
    the age stands after in apposition; "age at which Calderians can draw a pension" for "the
    age at which Calderians can draw a pension from 62"; "age" when there is neither."""
    clause = _AGE_AT.search(text[max(start, at - 160):at])
    if clause is not None and not any(c.isdigit() for c in clause.group(1)):
        return clause.group(1)  # "raise the age at which Calderians can draw a pension from 62"
    if done := _age_done(text, start, at):
        return done  # "Ana Ruiz died at the age of 87": age at which Ana Ruiz died
    aged = re.search(r"(?:\d[\d,.]*\s+|the\s+|their\s+|two\s+|three\s+|four\s+)?\b([a-z][\w-]*)"
                     r"(?:\s+|,\s+)aged\s+(?:between\s+|from\s+|up\s+to\s+|over\s+|under\s+)?$",
                     text[max(start, at - 80):at])
    if aged is not None and aged.group(1) not in _TIME_NOUNS:  # "1,500 children aged between
        # five and 11": age of the children (not "Last month, aged 16,": the month's)
        return f"age of the {aged.group(1)}"
    named = _NAME_BEFORE.search(text[max(start, at - 80):at]) or _name_is(
        text[max(start, at - 80):at])  # "Maya Chen is 14": age of Maya Chen
    if named is None or named.group(1).split()[0] in ("The", "A", "An", "In", "On", "At"):
        return "age"
    return f"age of {named.group(1)}"


_AT_AGE = re.compile(r"\s+(?:at\s+the\s+age\s+of|at\s+age|aged|at)\s+(?:about\s+|around\s+"
                     r"|just\s+|only\s+)?$")
_DONE_VERB = re.compile(r"^(?:[a-z]+ed|died|began|begun|left|won|became|took|wrote|ran|went"
                        r"|came|got|made|gave|met|set|quit|learned|learnt|started|married)$")


def _age_done(text: str, start: int, at: int) -> str:
    """ "age at which Ana Ruiz started running" for "Ana Ruiz started running aged 40" or "…
    at the age of 40": the subject and verb of the clause the age ends; "" when the clause
    has no named subject or no verb in the past."""
    lead = _AT_AGE.search(text, start, at)
    if lead is None:
        return ""
    parts = re.split(r"(?:,(?!\d)|[;:—–(“”\"])", text[start:lead.start()])
    found = re.findall(r"[\w’'-]+", parts[-1])
    if found[1:] and found[0] in ("who", "which") and len(parts) > 1:
        found = [*relative_owner(parts[-2], found[0]), *found[1:]]  # "X, who began painting"
    verb = next((i for i, w in enumerate(found) if _DONE_VERB.match(w)), 0)
    joined = max((i for i, w in enumerate(found[:-1]) if i > verb and w == "and"
                  and _DONE_VERB.match(found[i + 1])), default=0)
    if verb and joined:  # "Ana Ruiz started at seven and joined the team at 19": its last verb
        found = [*found[:verb], *found[joined + 1:]]
    if not 0 < verb <= 4 or len(found) > 9 or not found[0][:1].isupper() or any(
            c.isdigit() for w in found for c in w) or found[0] in ("The", "A", "An", "In"):
        return ""  # a name opening the clause, then its verb ("The boy died": no name)
    cut = next((i for i, w in enumerate(found) if i > verb and w.lower() in _WHEN_WORDS),
               len(found))  # "who died on Monday aged 80": the age at which she died
    return "age at which " + " ".join(found[:cut])


_TIME_NOUNS = words("year years month months week weeks day days time season summer winter"
                    " spring autumn")
_WHEN_WORDS = words("on in at during last this yesterday today after before when while")


_QUALIFYING = re.compile(r"(?:\s+(?:up\s+to|about|around|nearly|almost|some|roughly|more\s+than"
                         r"|less\s+than|fewer\s+than|at\s+least|at\s+most|just|only|over|under"
                         r"|as\s+many\s+as|an\s+estimated|exactly|precisely))+\s*$")


def clause_before(text: str, start: int, at: int) -> str:
    """ "that the stadium holds" for "The stadium holds up to 82,000 spectators", "that Redmoor
    finished the match with" for "… with ten players": the subject and verb of the clause a
    count ends, to follow "number of X"; "" when it has no subject, no verb, or a number."""
    parts = re.split(r"(?:,(?!\d)|[;:—–(“”\"])", text[start:at])  # not "3,000"
    clause = _QUALIFYING.sub("", " " + _YEAR_PHRASE.sub("", parts[-1]))  # "in 2008": no count
    counted = _COUNT_IN.search(clause) is not None  # another count: kept only before "in" …
    clause = _COUNT_IN.sub(" ", clause)  # "employs roughly 3,000 people in": employs people in
    found = re.findall(r"[\w’'-]+", clause)
    if found[1:] and found[0] in ("which", "who") and found[1].islower() and len(parts) > 1:
        found = [*relative_owner(parts[-2], found[0]), *found[1:]]  # "The film, which has …"
    if not found or len(found) > 9 or any(any(c.isdigit() for c in w) for w in found) or \
            found[-1].lower() in ("a", "an", "the", "and", "or", "but", "than", "of"):
        return ""
    shown = _subject_clause(found)
    if not shown or shown[0].lower() in _BE or shown[0].lower() in _VERBISH or (
            shown[0].endswith("ed") and shown[0].islower()):
        return ""
    if len(shown) > 2 and shown[-1] in _PLACE_PREPOSITIONS:  # the preposition goes first
        return f"{shown[-1]} which " + " ".join(shown[:-1])  # "in which the film was shown"
    return "" if counted else "that " + " ".join(shown)  # not "hours that … recorded transits"


_COUNT_IN = re.compile(r"\s(?:(?:roughly|about|around|some|nearly|almost|more than|over|at least"
                       r"|up to)\s+)?\d[\d,.]*(?:\s*(?:million|billion|m|bn))?(?=\s+[a-z])")
_YEAR_PHRASE = re.compile(r"\s+(?:in|since|by|until|before|after)\s+(?:1[89]|20)\d\d\b")
# Prepositions a count may follow ("shown in 20 countries", "finished with ten players").
_PLACE_PREPOSITIONS = words("in at from across to into on with among between within for during"
                            " over through throughout")  # "catch oil within a decade"


_GROUPS = words("study survey poll sample group team panel trial crew squad class cohort"
                " delegation review analysis")


def group_of(text: str, start: int, at: int) -> str:
    """ "in the study" for "a study of 2,000 adults", "in the team" for "a team of 23
    researchers": the group a count is the size of (whose verb it is, not the count's)."""
    found = re.search(r"\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir)\s+((?:[a-z]+\s+)?([a-z]+))\s+of\s+"
                      r"(?:(?:about|around|some|nearly|almost|over|more\s+than|up\s+to"
                      r"|at\s+least)\s+)?$",
                      text[max(start, at - 60):at])
    return f"in the {found.group(1)}" if found and found.group(2) in _GROUPS else ""


def ago_measure(text: str, start: int, at: int, end: int) -> str:
    """ "time since the troupe was founded by Ana Ruiz" for "The troupe, which was founded by
    Ana Ruiz ten years ago, …"; "time since Ana Ruiz moved to Paris" for "Ana Ruiz moved to
    Paris three years ago"; "" when no "ago" follows or the clause has no subject."""
    if not re.match(r"\s+ago\b", text[end:end + 6]):
        return ""
    parts = re.split(r"(?:,(?!\d)|[;:—–(])", text[start:at])
    found = re.findall(r"[\w’'-]+", parts[-1])
    while found and found[-1].lower() in _LEAD_WORDS | {"only", "just", "some", "nearly"}:
        found.pop()
    if found and found[0].lower() in ("which", "who", "that") and len(parts) > 1:
        antecedent = re.findall(r"[\w’'-]+", parts[-2])[-4:]
        cut = max((i + 1 for i, w in enumerate(antecedent) if w.lower() in _STOP | _BE), default=0)
        found = antecedent[cut:] + found[1:]  # "The troupe, which was founded …"
    shown = _subject_clause(found)
    if not shown or len(shown) > 12 or any(any(c.isdigit() for c in w) for w in shown):
        return ""
    return "time since " + " ".join(shown)

