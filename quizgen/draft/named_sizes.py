"""Measures news names around a number: a size before "of", a density, a share in brackets, an
amount expected, a count's object clause, a span a relative clause gives."""

from __future__ import annotations

import re

from quizgen.article.numbers import NumberHit
from quizgen.draft.frames import resolved
from quizgen.draft.quotes import Attributor

# A noun that names a size or level ("an airspeed of 550mph", "a population density of 37
# people per sq km"), with a word or two saying which ("top speed", "average height").
_SIZE = (r"(?:(?:average|mean|top|maximum|minimum|peak|cruising|total|overall|estimated"
         r"|population)\s+)?(?:density|speed|airspeed|height|altitude|depth|length|width"
         r"|weight|mass|temperature|capacity|area|range|radius|diameter|volume|wingspan"
         r"|population|circumference|elevation)")
_QUALIFIER = (r"(?:(?:about|around|some|nearly|almost|just|only|roughly|up\s+to|more\s+than"
              r"|less\s+than|fewer\s+than|over|under|at\s+least|at\s+most|an\s+estimated)\s+)?")
_WORD = r"[\w’'-]+"
# "land with a population density of", "Kessen, with a population of": the size of what
# comes before "with".
_WITH_SIZE = re.compile(rf"\bwith\s+(?:an?|the|its|their)\s+({_SIZE})\s+of\s+{_QUALIFIER}$")
_SIZE_OF = re.compile(rf"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+({_SIZE})\s+of\s+{_QUALIFIER}$")
# "The population density of the Highlands is": the size of what it names.
_SIZE_IS = re.compile(rf"(?:^|[,;:]\s+)\s*(?:[Tt]he|[Ii]ts|[Tt]heir)\s+({_SIZE}\s+of\s+(?:the\s+)?"
                      rf"(?:{_WORD}\s+){{0,4}}?{_WORD})\s+(?:is|was|are|were|stands\s+at|stood"
                      rf"\s+at|reached|reaches)\s+{_QUALIFIER}$")
# "The plane has a top speed of": the subject's size.
_SUBJECT_HAS = re.compile(rf"^\s*((?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+(?:[a-z][\w’'-]*\s+){{0,2}}"
                          rf"[a-z][\w’'-]*|(?:[A-Z]{_WORD}\s+){{0,3}}[A-Z]{_WORD})\s+(?:has|had"
                          rf"|have|boasts|boasted|reaches|reached)\s+(?:an?|the)\s+({_SIZE})\s+of"
                          rf"\s+{_QUALIFIER}$")
# A gathering whose size the number is: "a crowd of 38,000", "put the crowd at 40,000", "the
# turnout was 5,000".
_GATHERING = (r"(?:[a-z-]+\s+)?(?:crowd|audience|attendance|turnout|gathering|congregation"
              r"|workforce)")
_CROWD = re.compile(rf"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+({_GATHERING})\s+(?:of|was|is|were"
                    rf"|stood\s+at|stands\s+at|reached|numbered)\s+{_QUALIFIER}$"
                    rf"|\b(?:put|puts|estimated|estimates|estimating|putting|numbered|counted)\s+"
                    rf"the\s+({_GATHERING})\s+at\s+{_QUALIFIER}$")
_STOP_WORDS = ("the", "a", "an", "its", "their", "his", "her", "on", "in", "at", "of", "to",
               "from", "for", "live", "lives", "living", "lived", "is", "are", "was", "were",
               "and", "or", "that", "which", "who", "if", "when", "as", "by", "into", "among")
# An area's unit after "per" ("per sq km"), as the tables write it ("square kilometre").
PER_AREA = re.compile(r"\s+per\s+(?:sq\.?|square)\s+(km|kilometres?|kilometers?|miles?|metres?"
                      r"|meters?|m|ft|feet|foot)\b")
_AREA_NAMES = {"km": "kilometre", "kilometres": "kilometre", "kilometers": "kilometre",
               "kilometer": "kilometre", "miles": "mile", "metres": "metre", "meters": "metre",
               "meter": "metre", "m": "metre", "ft": "foot", "feet": "foot"}
_PEOPLE = ("people", "inhabitants", "residents", "persons")


def per_area(text: str, end: int) -> tuple[str, int] | None:
    """ " per square kilometre" for "per sq km" after a unit, and where it ends; else None."""
    found = PER_AREA.match(text, end)
    if found is None:
        return None
    return f" per square {_AREA_NAMES.get(found.group(1), found.group(1))}", found.end()


def _owner(words: str) -> str:
    """ "the land" for "wolves live on land", "the airliner" for "If an airliner": the noun
    phrase that ends the words, from its last determiner or preposition on; a name set off by
    a comma ("Kessen, with"); else "" ("It flew with": no noun before "with")."""
    named = words.rstrip().endswith(",")
    found = words.rstrip(" ,").split()
    cut = max((i for i, w in enumerate(found) if w.lower() in _STOP_WORDS), default=-1)
    kept = found[cut + 1:]
    if not kept or len(kept) > 3 or any(c.isdigit() for c in " ".join(kept)):
        return ""
    if all(w[:1].isupper() for w in kept) and kept[0] not in ("It", "They", "He", "She"):
        return " ".join(kept) if named or cut >= 0 else ""  # "Kessen, with a population of"
    return "the " + " ".join(kept) if cut >= 0 and kept[0][:1].islower() else ""


def named_size(attributor: Attributor, hit: NumberHit, unit: str) -> str:
    """ "airspeed of the airliner" for "an airliner with an airspeed of 550mph", "population
    density of the Highlands" for "The population density of the Highlands is nine people per
    sq km", "top speed of the plane" for "The plane has a top speed of 900mph"; a number of
    people per square kilometre is a population density; else ""."""
    sentence = attributor.article.sentence_at(hit.start)
    before = resolved(attributor, sentence.start, hit.start) + " "
    density = unit.split(" per ")[0] in _PEOPLE and " per square " in unit
    if (crowd := _CROWD.search(before)) is not None:
        return f"size of the {crowd.group(1) or crowd.group(2)}"  # "Police put the crowd at"
    if (said := _SIZE_IS.search(before)) is not None:
        return said.group(1)
    if (has := _SUBJECT_HAS.match(before)) is not None:
        shown = has.group(1)
        shown = "the " + shown.split(" ", 1)[1] if shown.split()[0] in ("A", "An", "a", "an",
                                                                     "The") else shown
        return f"{has.group(2)} of {shown}"
    if (withs := _WITH_SIZE.search(before)) is not None and (owner := _owner(
            before[:withs.start()])):
        return f"{withs.group(1)} of {owner}"
    if (bare := _SIZE_OF.search(before)) is not None and " " in bare.group(1):
        return bare.group(1)  # "a population density of 21": which one, a second reading
    return "population density" if density else ""


# A percentage in brackets after the words it is the share of: "healthy eating (55%)".
_BRACKETED = re.compile(r"(?:^|[,;:]\s|\b(?:and|or|as|is|are|was|were|say|says|said|show|shows"
                        r"|showed|cite|cites|cited|include|includes|included|including|like"
                        r"|with|from|by|than|over)\s)((?:(?!(?:and|or|as|is|are|was|were|say"
                        r"|says|said|show|shows|showed|cite|cites|cited|include|includes"
                        r"|included|including|like|with|from|by|than|over)\s)[a-z][\w’'-]*\s+)"
                        r"{1,6})\($")


def bracketed_share(text: str, start: int, hit: NumberHit) -> str:
    """ "share for healthy eating" for "… show healthy eating (55%) and …": a percentage in
    brackets right after a noun phrase is the share that phrase has; else ""."""
    if text[hit.end:hit.end + 1] != ")":
        return ""
    found = _BRACKETED.search(text[start:hit.start])
    return f"share for {found.group(1).strip()}" if found is not None else ""


# "Analysts expect profits of about $1bn": the amount the subject expects.
_EXPECTED = re.compile(rf"(?:^|[,;:]\s+)\s*((?:[Tt]he\s+)?(?:{_WORD}\s+){{0,2}}{_WORD})\s+"
                       r"(expects?|expected|forecasts?|forecast|predicts?|predicted|estimates?"
                       r"|estimated|projects?|projected)\s+((?:[a-z][\w’'-]*\s+){0,2}[a-z]"
                       rf"[\w’'-]*)\s+of\s+{_QUALIFIER}$")
_PAST = {"expect": "expected", "forecast": "forecast", "predict": "predicted",
         "estimate": "estimated", "project": "projected"}


def expected_amount(attributor: Attributor, hit: NumberHit) -> str:
    """ "profits expected by analysts" for "Analysts expect profits of $1bn"; else ""."""
    sentence = attributor.article.sentence_at(hit.start)
    before = resolved(attributor, sentence.start, hit.start) + " "
    found = _EXPECTED.search(before)
    if found is None or found.group(1).lower() in ("it", "this", "that", "which", "who"):
        return ""
    verb = re.sub(r"(?:s|ed)$", "", found.group(2).lower())
    verb = {"forecast": "forecast"}.get(verb, verb)
    subject = found.group(1)
    subject = subject[0].lower() + subject[1:] if subject.split()[0] in ("The",) or (
        subject[:1].isupper() and subject.split()[0].lower() in _LOWER_SUBJECTS) else subject
    return f"{found.group(3)} {_PAST.get(verb, verb + 'ed')} by {subject}"


_LOWER_SUBJECTS = ("analysts", "economists", "experts", "officials", "forecasters",
                   "investors", "markets", "traders", "scientists", "researchers")


# "the three issues that he rails against most": the clause a count's object is in, its
# subject (he/she/they/it, "the X", a name) as a group of its own.
_OBJECT_CLAUSE = re.compile(r"\s+(that|which|whom)\s+(he|she|they|it|(?:[Tt]he|[Hh]is|[Hh]er|[Ii]ts"
                            r"|[Tt]heir)\s+[a-z][\w’'-]*|(?:[A-Z][\w’'-]*\s+){0,2}[A-Z][\w’'-]*)"
                            r"\s+(?=[a-z])")
_AUX = ("is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "may",
        "might", "must", "should", "be", "been", "do", "does", "did")
_CLAUSE_END = re.compile(r"[.;:!?()“”\"—–]|,\s")


def object_clause(attributor: Attributor, hit: NumberHit, unit_end: int) -> str:
    """ "that Tom Hale rails against most" for "the three issues that he rails against most":
    a relative clause after a count whose subject is someone else (he/she named), up to its
    clause's end or the main verb after it ("… most have become"); else ""."""
    text = attributor.masked
    if not re.search(r"\b(?:[Tt]he|[Tt]hese|[Tt]hose|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Aa]ll)\s+$",
                     text[max(0, hit.start - 8):hit.start]):
        return ""  # "sold 20 cars that …": not the object's own clause
    found = _OBJECT_CLAUSE.match(text, unit_end)
    if found is None:
        return ""
    rest = text[found.end():found.end() + 160]
    cut = _CLAUSE_END.search(rest)
    verbs = rest[:cut.start() if cut else len(rest)].split()
    at = 0
    while at < len(verbs) and verbs[at].lower() in _AUX:
        at += 1  # "that she has won": past its own auxiliaries
    end = next((i for i in range(at + 1, len(verbs)) if verbs[i].lower() in _AUX), len(verbs))
    shown = verbs[:end][:8]
    while shown and shown[-1].lower() in ("the", "a", "an", "of", "to", "and", "or", "that"):
        shown.pop()
    subject = resolved(attributor, found.start(2), found.end(2))
    clause = " ".join([subject, *shown])
    if len(shown) < 1 or at >= len(shown) or re.search(r"\d", clause) or re.search(
            r"\b(?:I|me|my|we|us|our|you|your)\b", clause) or subject in ("he", "she", "it",
                                                                         "they"):
        return ""
    if subject.split()[0] in ("The", "His", "Her", "Its", "Their"):
        subject = subject[0].lower() + subject[1:]  # "The firm": mid-prompt, "the firm"
    return f"{found.group(1)} {subject} {' '.join(shown)}"


# "a game, which they played for seven minutes", "the talks, which lasted three hours": a span
# in a relative clause is the time its verb took, with or without a subject of its own.
_WHICH_SPAN = re.compile(r"\b((?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+"
                         r"(?:[\w’'-]+\s+){0,4}?[\w’'-]+)\s*,\s+which\s+"
                         r"(?:(he|she|they|it|[A-Z][\w’'-]+)\s+)?"
                         r"([a-z]+)\s+(?:for\s+)?" + _QUALIFIER + "$")


def relative_span(attributor: Attributor, hit: NumberHit) -> str:
    """ "time they played a computer game Kessen Run" for "a computer game Kessen Run, which
    they played for seven minutes"; "time the talks lasted" for "the talks, which lasted three
    hours"; else ""."""
    sentence = attributor.article.sentence_at(hit.start)
    found = _WHICH_SPAN.search(attributor.masked, sentence.start, hit.start)
    if found is None or found.group(3) in _AUX or found.group(2) in ("it",):
        return ""
    noun = found.group(1)
    noun = noun[0].lower() + noun[1:] if noun.split()[0] in ("The", "A", "An", "Its", "Their",
                                                             "His", "Her") else noun
    if found.group(2):
        subject = resolved(attributor, found.start(2), found.end(2))
        return f"time {subject} {found.group(3)} {noun}"
    return f"time {noun} {found.group(3)}"
