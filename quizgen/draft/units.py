"""The unit of a figure: the noun after a number, or what a bare number counts."""

from __future__ import annotations

import re

from quizgen.article.lexicon import UNIT_STOP, UNITS_WORDS, words
from quizgen.draft.named_sizes import per_area

_PER = re.compile(r"\s+(per|an?|each)\s+(day|night|week|month|year|hour|minute|second|capita"
                  r"|person|head)\b")


def money_rate(text: str, end: int) -> str:
    """ "an hour" for "£7.20 an hour", "a year" for "$3m a year": the rate money is paid at."""
    per = _PER.match(text, end)
    return f" {per.group(1)} {per.group(2)}" if per is not None else ""


# "The driver, 54,": an age set off by commas after a noun with "the" or "a" (round 18).
APPOSED_AGE = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+((?:[a-z]+\s+)?[a-z]{3,}),[^\S\n]*\d{1,2}$")


# "At 92, Tom Hale …", "At nine, she …": an age opening a sentence before a person (round 23).
_AT_AGE = re.compile(r"(?:^|\n|[.!?”\"][^\S\n]+)At[^\S\n]+(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)$")
_PERSON_NEXT = re.compile(r",[^\S\n]+(?:he|she|[A-Z][a-z’'-]+(?:[^\S\n]+[A-Z][a-z’'-]+)*"
                          r"[^\S\n]+(?:still|was|is|has|had|became|won|started|began|left"
                          r"|joined|moved|wrote|became|took|[a-z]+ed|[a-z]+s)\b)")


def unit_words(text: str, end: int) -> tuple[str, int]:
    """The noun phrase naming what is counted, right after the number ("injuries", "barrels")."""
    rest = text[end:end + 120]
    if re.match(r"[,.)](?:\s|$)", rest) and re.search(r"[A-Z][\w’'-]+,[^\S\n]*(?:\d{1,3}|[a-z]+"
                                                       r"(?:-[a-z]+)?)$", text[
            max(0, end - 40):end]):  # "says Ana Lee, 27." too; "says Tom, nine."
        return "years old", end  # "Mark Evans, 54, said": an age
    if re.match(r",(?:\s|$)", rest) and APPOSED_AGE.search(text, max(0, end - 40), end):
        return "years old", end  # "The driver, 54, was arrested": an age (round 18)
    if _AT_AGE.search(text, max(0, end - 24), end) and _PERSON_NEXT.match(text, end):
        return "years old", end  # "At 92, Tom Hale still swims": an age (round 23)
    out_of = re.match(r"\s+out\s+of\s+(\d[\d,.]*|two|three|four|five|six|seven|eight|nine"
                      r"|ten|twenty|a hundred|100)\b", rest)  # "four out of five teachers"
    if out_of is not None:  # "55 out of 100"
        return f"out of {out_of.group(1)}", end + out_of.end()
    strong = re.match(r"-strong\b", rest)
    if strong is not None:
        return "people", end + strong.end()  # "the 10,000-strong crowd": its size in people
    if re.match(r"-odd\s+[a-z]", rest):  # "20-odd people": people, about 20 (round 23)
        end, rest = end + 4, rest[4:]
    compound = re.match(r"-([a-z]+)(-old)?\b", rest)
    if compound is not None:  # a 64-year-old baker, a 10-day ban
        return plural(compound.group(1)) + (" old" if compound.group(2) else ""), \
            end + compound.end()
    skipped = re.match(r"\s+(?:or so|or more|or fewer|or less|plus)?\s*[”’\"']?(?=\s)", rest)
    if skipped is not None and skipped.end() > 0 and skipped.group().strip():
        end, rest = end + skipped.end(), rest[skipped.end():]  # “nine or so” assistants
    extra = re.match(r"\s+(?:more|fewer|extra|additional|further|other|new)(?=\s+[a-z])"
                     r"(?!\s+than\b)", rest)
    if extra is not None:  # "1.2bn more tonnes of coal", "300 new homes": tonnes, homes
        end, rest = end + extra.end(), rest[extra.end():]
    of = re.match(r"\s+of\s+(?:the|these|those|its|their|his|her|our"
                  r"|[A-Z][\w-]*[’']s)\s+(?:\w+[’']s\s+(?=\d))?(?:\w+\s+)?", rest)  # "four of
    # Ingenuity’s blades"; "3 of the team’s 5 goals"
    words: list[str] = []
    cursor = end
    if of is not None and re.match(r"\s+of\s+[\w’']+\s+\w+", rest):
        cursor = end + of.end() - 1
        probe = re.compile(r"\s*(\w+)").match(text, cursor)  # not a copy of the rest
        if probe and not probe.group(1).isalpha():
            cursor = end
        elif probe and probe.group(1).lower() in UNITS_WORDS:  # "four of its last five games"
            cursor = probe.end()
        elif probe and probe.group(1).lower() in UNIT_STOP and _plural_noun(
                skipped_word := text[:cursor].split()[-1]):  # "five of his pieces at": pieces
            cursor -= len(skipped_word) + 1
    segment = text[cursor:cursor + 80]
    at = 0
    while True:
        match = re.match(r"\s+([\w’'-]+)", segment[at:])
        if match is None:
            break
        word = match.group(1)
        if word.lower() in UNIT_STOP or word.lower() in ("having", "being") or \
                not word[0].isalpha() or (word.endswith("ly") and not (
                not words and word.lower() in _PER_TIME and re.match(
                    r"\s+(?:[a-z]+\s+)?[a-z]+s\b", segment[at + match.end():]))) or (  # "monthly
                # active users"
                word[0].isupper() and any(w[0].islower() for w in words)) or (
                words and word.endswith(("ed", "ing"))) or word.lower() in _VERBS_AND_TIMES or (
                not words and word.endswith("ed") and word.islower() and len(word) > 4
                and _ends_clause(segment[at + match.end():])):
            break  # "students took", "jobs last year"; "twenty-three passed.": no noun
        at += match.end()
        if word.endswith(("s’", "s'")):  # "two hours’ sleep", "minutes’ worth": the hours
            words.append(word[:-1])
            break
        words.append(word)
        if len(words) == 3 or segment[at:at + 1] in (",", ".", ";", ":", ")", "”"):
            break
        following = re.match(r"\s+([a-z][\w’'-]*)", segment[at:])
        if _plural_noun(word) and following is not None and following.group(1) != "old":
            break  # "85 richest people own", "users worldwide": the noun ends the unit
    if not words:
        return "", end
    scale = _TEMPERATURE_SCALE.match(segment, at)
    if scale is not None and words[-1].lower() in ("degrees", "degree"):
        words.append(scale.group(1))  # "minus 179 degrees Celsius": the scale is the unit's
        at = scale.end()
    phrase_end = cursor + at
    if (listed := listed_nouns(text, phrase_end)) is not None:
        words[-1] += listed[0]  # "180 students and staff members": all of them
        phrase_end = listed[1]
    if len(words) == 1 and words[0].lower() == "population":
        return "people", phrase_end  # "the nine-billion population": nine billion people
    if len(words) == 1 and words[0].lower() in _PEOPLE_ADJECTIVES:
        return "people", phrase_end  # "some 2,000 homeless", "37 dead"
    speed = re.match(r"/hr?\b", text[phrase_end:phrase_end + 4])
    if speed is not None and words[-1].lower() in ("km", "kilometres", "kilometers"):
        return "kilometres per hour", phrase_end + speed.end()  # "300 km/h"
    per = _PER.match(text, phrase_end)
    if per is not None:
        return " ".join(words) + " " + per.group(1) + " " + per.group(2), per.end()
    if (area := per_area(text, phrase_end)) is not None:  # "37 people per sq km"
        return " ".join(words) + area[0], area[1]
    return " ".join(words), phrase_end


_TEMPERATURE_SCALE = re.compile(r"\s+(Celsius|Fahrenheit|centigrade|Kelvin)\b")
_CONJUNCT = re.compile(r"(,?)\s+(and\s+)?((?:[a-z][\w-]*\s+)?[a-z][\w-]*)(?=[,.;:)]|\s+[a-z]|\s*$)")
_NOT_LISTED = words("hundreds thousands millions billions dozens tens scores others more"
                    " times years months weeks days hours minutes seconds")

_QUANTIFIERS = words("many several some most few all both other numerous countless various")


def listed_nouns(text: str, end: int) -> tuple[str, int] | None:
    """ ", tadpoles and eggs" after "500 frogs": the rest of a list of plural nouns a number
    counts, each of at most two words ending in a plural noun, the last after "and"."""
    items: list[str] = []
    at = end
    while (match := _CONJUNCT.match(text, at)) is not None and len(items) < 6:
        parts = match.group(3).split()
        if len(parts) > 1 and (parts[-1] in UNIT_STOP or not _plural_noun(parts[-1])):
            match = _CONJUNCT.match(text[:match.start(3) + len(parts[0])], at)  # one word
            if match is None:
                return None
            parts = parts[:1]
        if parts[0] in UNIT_STOP or parts[0] in _VERBS_AND_TIMES or parts[0] in _QUANTIFIERS \
                or parts[-1] in _NOT_LISTED or parts[-1] in UNIT_STOP or \
                not _plural_noun(parts[-1]) or parts[-1].endswith(("ed", "ing")) or (
                len(parts) > 1 and parts[0].endswith(("ed", "ly"))) or (
                not match.group(1) and not match.group(2)):
            return None  # "40 workers and closed two shops": a verb, not a noun
        items.append(match.group())
        at = match.end()
        if match.group(2):
            return re.sub(r"\s+", " ", "".join(items)), at
    return None


def _plural_noun(word: str) -> bool:
    """A plural noun that ends a unit (“people”, “users”), not “glass” or “census”."""
    lower = word.lower()
    return lower in ("people", "children", "men", "women") or (
        len(lower) > 3 and lower.endswith("s") and not lower.endswith(("ss", "us", "is")))


# Verbs and time words that end the noun after a number: "45 students took the exam", "1,200
# jobs last year" (regular past tenses in -ed end it already).
_VERBS_AND_TIMES = words(
    "took takes went goes came comes made gave gives got gets left fell grew ran won lost paid"
    " spent met meet meets saw told became held kept sat stood died live say says found thought"
    " showed shown knew felt brought bought sold built sent wrote chose drove slept woke began"
    " fought caught taught sought led fled fed cut put set hit let shut quit spread hurt"
    " last next this yesterday tomorrow tonight")
# Adjectives of a rate before a plural noun ("9m monthly visitors", "daily users").
_PER_TIME = words("hourly daily weekly monthly yearly quarterly annually")
PERIOD_UNITS = words("seconds minutes hours days weeks months years decades centuries")
# Adjectives that count people when they stand for the noun: "left 2,000 homeless".
_PEOPLE_ADJECTIVES = words(
    "homeless dead injured wounded missing displaced unemployed jobless hurt killed"
    " stranded evacuated")

_COLLECTIVES = ("crowd", "crowds", "audience", "attendance", "population", "turnout",
                "workforce", "staff", "membership", "congregation", "gathering")


def _ends_clause(rest: str) -> bool:
    """Nothing but punctuation or a function word follows ("passed." / "passed in 2019"), so
    the word before is a verb, not an adjective before its noun ("enforced disappearances")."""
    following = re.match(r"\s+([\w’'-]+)", rest)
    return following is None or following.group(1).lower() in UNIT_STOP


# Nouns a number follows as a label of rank or place: "level 5", "category 4", "round 3".
LABELS = words("level levels grade category stage phase tier division round step page chapter"
                " section article platform gate room floor row seat lane track")


def label_before(text: str, at: int) -> str:
    """The noun a number labels when it comes right after it (“at level 5”: level), or ""."""
    match = re.search(r"\b([A-Za-z]+)(?:\s+|-)$", text[max(0, at - 20):at])
    return match.group(1).lower() if match and match.group(1).lower() in LABELS else ""


# A person (a name or he/she) who "was", "is" or "turned" a bare number: their age.
_AGE_BE = re.compile(r"(?:\b(?:he|she|He|She)|(?<![\w’'-])(?!(?:It|This|That|There|What|Which|"
                     r"Who|The|Its|Their|Our)\b)[A-Z][a-z][\w’'-]*)\s+(?:was|is|turned|turns)"
                     r"\s+(?:only\s+|just\s+|now\s+|barely\s+)?$")


# A plural noun that rose, fell or reached a bare number counts what the number counts
# ("Deaths rose to 1.38 million", "Visitor numbers" excepted: numbers count nothing).
_CHANGED_TO = re.compile(r"\b([A-Za-z][a-z]+[^s\W’']s)\s+(?:have\s+|has\s+|had\s+)?(?:rose|risen"
                         r"|fell|fallen|grew|grown|increased|decreased|dropped|climbed|reached"
                         r"|totalled|totaled|numbered|jumped|soared)\s+(?:to\s+)?(?:about\s+"
                         r"|around\s+|nearly\s+|almost\s+|more\s+than\s+|over\s+|some\s+)?$")
_NOT_COUNTED = {"numbers", "figures", "levels", "rates", "prices", "sales", "costs", "totals",
                "profits", "revenues", "earnings", "savings", "emissions", "temperatures",
                "this", "its", "his", "was", "has", "does", "is", "us"}


def unit_before(text: str, start: int, at: int) -> str:
    """A unit from the noun before a bare number: a crowd or population counts people, an age
    counts years; else "units", which the check asks to replace."""
    before = re.findall(r"[a-z]+", text[start:at].lower())[-30:]
    if "toll" in before:
        return "deaths"  # "The death toll has risen to 112"
    counted = re.search(r"\bnumber of ((?:[a-z][\w’'-]*\s+){0,2}?[a-z][\w’'-]*s)\b",
                        text[start:at])
    if counted is not None:
        return counted.group(1)  # "the number of cases rose to 941"
    numbering = _NUMBERING.search(text, start, at)
    if numbering is not None:
        return numbering.group(1).lower()  # "The bears, which number about 250": bears
    if _OVER_AN_AGE.search(text, start, at):
        return "years old"  # "26% are over 65", "people aged over 65": an age
    changed = _CHANGED_TO.search(text[start:at])
    if changed is not None and changed.group(1).lower() not in _NOT_COUNTED:
        return changed.group(1).lower()  # "Deaths rose to 1.38 million": deaths
    if any(word in _COLLECTIVES for word in before):
        return "people"  # "a home crowd of around 3,800"
    near = text[max(start, at - 60):at]  # a few words back, never the whole sentence
    if re.search(r"(?:\bwho\s+(?:is|was)|\bturned|\bturns|,)\s+(?:now\s+)?$", near) and \
            re.search(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?,\s+(?:who\s+(?:is|was|turned)\s+"
                      r"|now\s+)", near):
        return "years old"  # "Malala, who is now 17,", "Michael Eavis, now 80,": an age
    if _AGE_BE.search(near):
        return "years old"  # "When Maya Chen was 14, she …", "by the time he was 30": an age
    if any(word in ("age", "aged", "ages") for word in before[-4:]) or re.search(
            r"\bage\s+(?:at|from|for)\s+which\b[^,;:—–()]*$", text[start:at]):
        return "years old"  # "the pension age from 62"
    if _HARMED.search(near):
        return "people"  # "The virus has infected 200": people (round 23)
    return "units"


# A verb done to people right before a bare number: "has infected 200", "rescued 45".
_HARMED = re.compile(r"\b(?:killed|killing|kills|injured|injuring|wounded|wounding|infected"
                     r"|infecting|arrested|arresting|rescued|rescuing|evacuated|evacuating"
                     r"|displaced|hurt|hospitalised|hospitalized|employed|employs|employing)"
                     r"(?:\s+(?:at\s+least|about|around|nearly|almost|more\s+than|over|some"
                     r"|up\s+to|an\s+estimated))?\s+$")


# A plural noun and "number" or "total" as its verb ("The bears, which number about 250").
_NUMBERING = re.compile(r"\b([A-Za-z][a-z]+[^s\W]s|people|children)\s*,?\s+(?:which\s+|who\s+"
                        r"|that\s+)?(?:now\s+)?(?:number|numbered|total|totalled|totaled)\s+"
                        r"(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|more\s+than\s+"
                        r"|fewer\s+than\s+|just\s+|only\s+|over\s+|under\s+)?$")
# People over or under an age, with no noun after it ("26% are over 65").
_OVER_AN_AGE = re.compile(r"(?:(?:%|\bper\s?cent|\bpercent)\s+(?:are|were)|\bpopulation\s+(?:is"
                          r"|are|was|were)|\bthose|\bpeople"
                          r"|\badults|\baged)\s+(?:aged\s+)?(?:over|under|above|below)\s+$")


# English plurals not made with -s, and nouns the same in both numbers: "the 2m x 3m panel"
# is measured in feet, never "feets".
_IRREGULAR = {"foot": "feet", "man": "men", "woman": "women", "child": "children",
              "person": "people", "tooth": "teeth", "mouse": "mice", "goose": "geese"}
_SAME_PLURAL = frozenset({*_IRREGULAR.values(), "sheep", "deer", "fish", "police", "cattle",
                          "data", "media", "aircraft", "offspring", "livestock"})


def plural(noun: str) -> str:
    """The plural of a noun, by the regular English endings and the common irregular ones."""
    if noun.lower() in _SAME_PLURAL:
        return noun
    if noun.lower() in _IRREGULAR:
        return _IRREGULAR[noun.lower()]
    if noun.endswith("s"):
        return noun
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"
