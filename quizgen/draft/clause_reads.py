"""Measures built from the clause a number opens or ends: its subject and verb (round 21)."""

from __future__ import annotations

import re

from quizgen.article.lexicon import words
from quizgen.draft.frames import resolved
from quizgen.draft.quotes import Attributor

_DETERMINERS = words("the a an each every its their his her this these that those")
_PRONOUNS = words("he she it they we you i him her them us me this that these those which who")
_ADVERBS = words("just only even also still already")
_JOINS = words("and but so yet or then")
_WORD = r"[\w’'-]+"
_QUALIFIERS = (r"(?:(?:about|around|some|nearly|almost|roughly|just|only|more\s+than|less\s+than"
               r"|over|under|up\s+to|at\s+least|an\s+estimated|anywhere\s+from)\s+)*")
# "A ticket for one adult can cost around $50", "Portable base stations cost $10,000".
_COSTS = re.compile(r"(?:^|[,;:—–(]\s*)(?P<subject>[^,;:—–()]{3,90}?)\s+(?:(?:can|could|will"
                    r"|would|may|might|should|must|does|did|usually|typically|often)\s+)*"
                    r"(?:cost|costs)\s+" + _QUALIFIERS + r"$")


def cost_of_subject(text: str, start: int, at: int) -> str:
    """ "cost of a ticket for one adult" for "A ticket for one adult can cost around $50":
    money after the verb "cost" is the cost of the clause's subject, a noun phrase opening with
    a determiner or a bare plural, which may carry an of- or for-phrase; "" for a pronoun, a
    relative word or a subject with a number or a verb in it."""
    match = _COSTS.search(text[start:at])
    if match is None:
        return ""
    found = re.findall(_WORD, match.group("subject"))
    while found and found[0].lower() in _JOINS:
        found.pop(0)  # "And portable base stations cost …"
    found = [w for w in found if w.lower() not in _ADVERBS]  # "for just one animal"
    if not 1 <= len(found) <= 8 or any(w.lower() in _PRONOUNS for w in found) or any(
            c.isdigit() for w in found for c in w):
        return ""
    first = found[0].lower()
    plural = len(found) <= 3 and found[-1].endswith("s") and not found[-1].endswith("ss") \
        and all(w.islower() or w is found[0] for w in found)
    if first not in _DETERMINERS and not plural:
        return ""  # "Ana Ruiz said tickets cost": a name or a clause, not a noun phrase
    if any(w.lower() in words("is are was were has have had said says will would can")
           or w.lower().endswith("ed") for w in found[1:]):
        return ""  # a verb inside: not one noun phrase
    if first in _DETERMINERS:
        found[0] = "the" if first in ("a", "an", "this", "each", "every") else first
    else:
        found[0] = found[0].lower() if found[0][1:].islower() else found[0]
    return "cost of " + " ".join(found)


# "When he was 10, he spent a year in Syria": the age, said with what the person did then.
_WHEN_WAS = re.compile(r"(?:^|[,;:—–]\s*)When\s+(?P<who>(?:[A-Z][\w’'-]*\s+){0,3}[A-Z][\w’'-]*)"
                       r"\s+was\s+(?:only\s+|just\s+|about\s+|around\s+)?$")


def age_when(window: str, at: int, end: int) -> str:
    """ "age at which Ana Ruiz moved to Spain" for "When she was 10, she moved to Spain" (the
    he/she already named in `window`, see figure_text.named_window): an age opening a clause
    with "When X was", said with the clause after the comma (its he/she named X); else ""."""
    when = _WHEN_WAS.search(window[:at])
    if when is None:
        return ""
    clause = re.match(r"\s*(?:years?\s+old\s*)?,\s+([^,;:—–(.!?“”\"]{4,120})", window[end:])
    if clause is None:
        return ""
    found = re.findall(_WORD, clause.group(1))[:12]
    if found and found[0].lower() in ("he", "she"):
        found[0:1] = when.group("who").split()
    if len(found) < 2 or found[0].lower() in _PRONOUNS or any(
            c.isdigit() for w in found for c in w):
        return ""
    while found and found[-1].lower() in words("with in at on to of for from and the a an"):
        found.pop()
    return "age at which " + " ".join(found) if len(found) >= 2 else ""


# "this electric field began at around 250 kilometers high": the height at which it began.
_AT_SIZE = re.compile(r"(?:^|\s)(?P<subject>(?:the|this|that|its|their|a|an)\s+(?:[a-z][\w’'-]*\s+)"
                      r"{0,3}?[a-z][\w’'-]*)\s+(?P<verb>[a-z]+(?:ed|an|un|gan|ins|ts|es))\s+at\s+"
                      + _QUALIFIERS + r"$", re.IGNORECASE)
_SIZE_WORDS = {"high": "height", "up": "height", "deep": "depth", "down": "depth",
               "long": "length", "wide": "width", "tall": "height"}


def size_at(text: str, start: int, at: int, end: int) -> str:
    """ "height at which the electric field began" for "this electric field began at 250
    kilometers high": a size after "at" and before "high", "deep", "long" … is the size at
    which the clause's subject does its verb; else ""."""
    size = re.match(r"\s+(high|up|deep|down|long|wide|tall)\b", text[end:end + 12])
    subject = _AT_SIZE.search(text[start:at])
    if size is None or subject is None:
        return ""
    found = subject.group("subject").split()
    if any(w.lower() in _PRONOUNS - _DETERMINERS for w in found[1:]):
        return ""
    found[0] = "the" if found[0].lower() in ("this", "that", "a", "an") else found[0].lower()
    return f"{_SIZE_WORDS[size.group(1).lower()]} at which {' '.join(found)} " \
        f"{subject.group('verb')}"


def later_measure(attributor: Attributor, start: int, at: int, end: int) -> str:
    """ "time after which Ana Ruiz was back at work" for "Nine months (and two operations)
    later, she was back at work": a span opening its sentence before "later" measures the
    clause after the comma (its he/she named); else ""."""
    text = attributor.article.text
    if not re.fullmatch(r"\s*(?:About|Around|Some|Nearly|Almost|Just|Only)?\s*", text[start:at]):
        return ""
    later = re.match(r"(?:\s+and\s+[^,;:.!?]{1,60}?)?\s+later\s*,\s+", text[end:end + 90])
    if later is None:
        return ""
    stop = re.compile(r"[,;:—–(.!?“”\"]|\s(?:and|but|while|to|because|when)\s")
    close = stop.search(text, end + later.end())
    found = re.findall(_WORD, resolved(attributor, end + later.end(),
                                       close.start() if close else len(text)))[:12]
    if found and found[0] in ("The", "A", "An", "Its", "Their", "His", "Her"):
        found[0] = found[0].lower()
    if not 3 <= len(found) <= 12 or found[0].lower() in _PRONOUNS or any(
            c.isdigit() for w in found for c in w):
        return ""  # "Two years later, it …": whose clause, the text does not say here
    return "time after which " + " ".join(found)


_SAYING = re.compile(r"\b(?P<say>say|says|said|think|thinks|thought|believe|believes|believed)"
                     r"\s+(?:that\s+)?[a-z][^()]{0,60}?\s*\(\d")
_GROUPS = words("many most some more others several few")
_ADVERBS_SAID = words("also still now often")


def said_in_brackets(text: str, start: int, at: int, end: int) -> str:
    """ "share of people who say care for the environment is important" for "many say care for
    the environment (44%) and animal welfare (31%) are important, as is taste (35%)": a
    percentage in brackets after an item of a list that a group says, thinks or believes is
    something; "many", "most" … are people; else ""."""
    if text[end:end + 1] != ")":
        return ""
    sentence = text[start:]
    stop = re.search(r"[.!?](?:\s|$)", sentence)
    sentence = sentence[:stop.start() if stop else len(sentence)]
    verdict = re.search(r"\)\s+(?P<be>are|is|were|was)\s+(?P<adj>[a-z]+)\b", sentence)
    said = _SAYING.search(sentence)
    if verdict is None or said is None or said.start() > at - start:
        return ""
    clause = re.split(r"[,;:—–]", sentence[:said.start()])[-1].split()
    while clause and clause[-1].lower() in _ADVERBS_SAID:
        clause.pop()
    if not clause:
        return ""
    last = clause[-1]
    if last.lower() in _GROUPS:
        group = "people"
    elif last.islower() and last.endswith("s") and not last.endswith("ss") and \
            last not in _PRONOUNS:
        named = len(clause) > 1 and clause[-2][:1].isupper() and sentence[:said.start()] \
            .split()[0] != clause[-2]
        group = f"{clause[-2]} {last}" if named else last  # "British voters"
    else:
        return ""  # "they say": whose words, the text does not say here
    item = re.search(r"(?:^|[,;]\s+as\s+(?:is|are|was|were)\s+|\b(?:and|or)\s+|\)\s*,\s*|"
                     r"(?<=\s))((?:[a-z][\w’'-]*\s+){0,4}[a-z][\w’'-]*)\s*\($", text[start:at])
    if item is None:
        return ""
    words_ = item.group(1).split()
    if said.group("say") in words_:  # the first item: its words start after the verb
        words_ = words_[words_.index(said.group("say")) + 1:]
    while words_ and words_[0] in ("as", "is", "are", "was", "were", "and", "or", "that"):
        words_.pop(0)
    be = "was" if verdict.group("be") in ("was", "were") else "is"
    return f"share of {group} who {said.group('say')} {' '.join(words_)} {be} " \
        f"{verdict.group('adj')}" if words_ else ""


_COMPARED = {"heavier": "weight", "lighter": "weight", "bigger": "size", "larger": "size",
             "smaller": "size", "faster": "speed", "slower": "speed", "longer": "length",
             "shorter": "length", "taller": "height", "higher": "height", "wider": "width",
             "deeper": "depth", "older": "age", "brighter": "brightness", "hotter": "temperature"}
# The noun phrase a multiple is of: "a planet about 1.6 times", "Chopper is about 20 times".
_OWNER = re.compile(r"(?:^|\s)(?P<owner>(?:(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+"
                    r"(?:[a-z][\w’'-]*\s+){0,2}[a-z][\w’'-]*)|[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})\s+(?P<verb>(?:is|was"
                    r"|are|were|will\s+be|would\s+be|could\s+be)\s+)?" + _QUALIFIERS
                    + r"(?:between\s+[\d.]+\s+and\s+)?$")
_MORE = re.compile(r"(?:^|[,;:—–]\s*|\bthat\s+)(?P<subject>(?:[A-Za-z][\w’'-]*\s+){1,4}?)"
                   r"(?P<verb>[a-z]+s|[a-z]+ed|used|uses|use|need|needs|needed)\s+" + _QUALIFIERS
                   + r"(?:between\s+[\d.]+\s+and\s+|[\w.-]+\s+to\s+)?$")


def multiple_of(text: str, start: int, at: int, end: int) -> str:
    """ "width of the planet compared with Earth" for "a planet about 1.6 times the width of
    Earth"; "weight of Chopper compared with Ingenuity" for "Chopper is 20 times heavier than
    Ingenuity"; "water that meat consumes compared with a vegetarian diet" for "Meat consumes
    five times more water than a vegetarian diet": a multiple said of what it compares; ""."""
    after = text[end:end + 120]
    same = re.match(r"\s*times\s+the\s+([a-z][\w’'-]*(?:\s+[a-z][\w’'-]*)?)\s+of\s+"
                    r"((?:the\s+|a\s+)?[\w’'-]+(?:\s+[a-z][\w’'-]*){0,2}?)(?=\s*[,.;:!?]|\s+(?:and|which|who"
                    r"|orbiting|in|at|on|from)\b)", after)
    compared = re.match(r"\s*times\s+(" + "|".join(_COMPARED) + r")\s+than\s+((?:the\s+|a\s+)?"
                        r"[\w’'-]+(?:\s+[a-z][\w’'-]*){0,2}?)(?=\s*[,.;:!?]|\s+(?:and|but)\b)",
                        after)
    more = re.match(r"\s*times\s+more\s+([a-z][\w’'-]*)\s+than\s+((?:the\s+|a\s+)?[\w’'-]+"
                    r"(?:\s+[a-z][\w’'-]*){0,2}?)(?=\s*[,.;:!?]|\s+(?:and|but)\b)", after)
    before = text[start:at]
    if more is not None and (doing := _MORE.search(before)) is not None:
        subject = doing.group("subject").split()
        if any(w.lower() in _PRONOUNS for w in subject):
            return ""
        subject[0] = subject[0].lower() if subject[0] in ("The", "A", "An") or (
            subject[0][1:].islower() and before.lstrip().startswith(subject[0])
            and len(subject) > 1) else subject[0]
        return f"{more.group(1)} that {' '.join(subject)} {doing.group('verb')} compared with " \
            f"{more.group(2)}"
    owner = _OWNER.search(before)
    if owner is None or owner.group("owner").lower() in _PRONOUNS:
        return ""
    found = owner.group("owner").split()
    verb = bool(owner.group("verb"))
    while len(found) > 1 and found[-1] in ("is", "was", "are", "were", "be"):
        found.pop()  # "The new drone is about 20 times": the verb, not the owner's
        verb = True
    while len(found) > 1 and found[-1] in ("about", "around", "some", "nearly", "almost",
                                           "roughly", "just", "only", "over", "under"):
        found.pop()  # "a planet about 1.6 times": the planet
    found[0] = "the" if found[0].lower() in ("a", "an", "the") else found[0]
    if same is not None and not verb:
        return f"{same.group(1)} of {' '.join(found)} compared with {same.group(2)}"
    if compared is not None and verb:
        return f"{_COMPARED[compared.group(1)]} of {' '.join(found)} compared with " \
            f"{compared.group(2)}"
    return ""


_SIZE_NOUNS = words("speed speeds voltage temperature height depth distance weight length width"
                    " altitude pressure density area volume mass power")
# "the sensor was able to measure an electrical voltage of 0.55 volts"
_SIZE_OBJECT = re.compile(r"(?:^|[,;:—–]\s*)(?P<clause>(?:[\w’'-]+\s+){1,9}?)(?P<verb>[a-z]+)\s+"
                          r"(?:a|an|the|its|their)\s+(?P<noun>(?:[a-z][\w’'-]*\s+){0,2}"
                          r"[a-z][\w’'-]*)\s+of\s+" + _QUALIFIERS + r"$")


def size_object(text: str, start: int, at: int) -> str:
    """ "top speed that the car recorded" for "The car recorded a top speed of 300 km/h": a
    size named before "of" and the number, the object of its clause's verb, said with the
    clause's subject and verb; else ""."""
    found = _SIZE_OBJECT.search(text[start:at])
    if found is None or found.group("noun").split()[-1] not in _SIZE_NOUNS:
        return ""
    clause = [*found.group("clause").split(), found.group("verb")]
    if clause[0] in ("The", "A", "An", "Its", "Their"):
        clause[0] = clause[0].lower()
    if clause[0].lower() in ("a", "an"):
        clause[0] = "the"
    if any(w.lower() in _PRONOUNS - {"this", "that", "these", "those"} or any(
            c.isdigit() for c in w) for w in clause) or clause[-1] in (
            "is", "was", "of", "with", "has", "have", "had", "at", "in", "on", "for", "by",
            "from", "to", "into", "over", "under", "about", "reach", "reaching"):
        return ""  # "it reached", "with a speed of", "has a top speed of": named_sizes reads it
    return f"{found.group('noun')} that {' '.join(clause)}"
