"""A subject and its present verb ("farmers earn", "the app limits"); a time of day onto a noun."""

from __future__ import annotations

import re

from quizgen.article.lexicon import DEMONYM_ENDINGS, UNIT_STOP, words
from quizgen.draft.measures import PAST_VERBS

DEMONYM_PLURALS = tuple(ending + "s" for ending in DEMONYM_ENDINGS)  # "Americans", "Brazilians"
_OPENERS = words("the most many all some few several both these those")
_NOT_VERBS = words(
    "and or but nor so yet because when while although though if as than that which who whom"
    " whose where the a an its their his her our your my this these those there here not no"
    " is are was were be been being has have had will would may might can could shall should"
    " must do does did of in on at by for from with to into onto over under about after"
    " before since during per against among between through also only just even still now"
    " then today very too more most less least much many few")


PARTICLES = words("up out off down back over away")


def plural_present(found: list[str]) -> bool:
    """ "Humans derive", "most farmers earn", "The biggest banks hold": a plural noun (after a
    determiner or opening the clause with a capital) and a lower-case word after it in the
    present, not an -s, -ly, -ing or -ed word and no grammar word; False otherwise."""
    if len(found) > 2 and found[-1] in PARTICLES:  # "Women make up": the verb is "make"
        found = found[:-1]
    if not 2 <= len(found) <= 5:
        return False
    verb, noun = found[-1], found[-2]
    first = found[0]
    if not (verb.isalpha() and verb.islower() and len(verb) > 2) or verb in _NOT_VERBS \
            or verb in UNIT_STOP or verb.endswith(("s", "ly", "ing", "ed")):
        return False
    if noun.lower() not in ("women", "men", "children", "people") and (not (
            noun.isalpha() and len(noun) > 3 and noun.endswith("s")) or noun.endswith(
            ("ss", "us", "is")) or noun.lower() in _NOT_VERBS):
        return False
    if len(found) > 2 and first.lower() not in _OPENERS:
        return False
    if len(found) == 2 and not first[:1].isupper():
        return False  # "… where farmers earn": the clause's own words are cut before this
    return all(w.isalpha() and w.islower() and w not in _NOT_VERBS for w in found[1:-2])


# A time of day between a determiner and the noun it is the time of: "the 3pm start time".
_BEFORE_TIME = re.compile(r"\b(?:the|a|an|its|their|his|her)\s+$", re.IGNORECASE)
_AFTER_TIME = re.compile(r"(?:\s*[ap]\.?m\.?)?(?:\s+local\s+time)?\s+([a-z][a-z-]+)"
                         r"(?:\s+([a-z][a-z-]+))?")


def time_written_onto(text: str, start: int, at: int, end: int) -> str:
    """ "start time" for "the 3pm start time", "time of the curfew" for "a 10pm curfew": a time
    of day written before the noun it is the time of; "" when no determiner comes before it or
    no noun after it."""
    after = _AFTER_TIME.match(text, end)
    if not _BEFORE_TIME.search(text, start, at) or after is None or after.group(1) in _NOT_VERBS \
            or after.group(1).endswith(("ed", "ly")):
        return ""
    if after.group(2) in ("time", "deadline", "slot"):
        return f"{after.group(1)} {after.group(2)}"
    return "" if after.group(1).endswith("s") else f"time of the {after.group(1)}"


def singular_present(found: list[str]) -> bool:
    """ "the app limits its users to", "Path restricts its users to": a singular noun phrase (a
    determiner or a name first) and a verb in -s after it, with words after the verb; False
    otherwise (the verb last is read by dimensions._ends_on_present_verb)."""
    if not 3 <= len(found) <= 8 or not (found[0].lower() in ("the", "a", "an", "each", "every",
                                                                "this") or found[0][:1].isupper()):
        return False
    for at in range(1, min(len(found) - 1, 4)):
        verb, noun = found[at], found[at - 1]
        if verb.islower() and verb.isalpha() and len(verb) > 3 and verb.endswith("s") and \
                not verb.endswith(("ss", "us", "is", "ous")) and verb not in _NOT_VERBS and \
                not noun.lower().endswith("s") and noun.lower() not in _NOT_VERBS and \
                all(w.lower() not in _NOT_VERBS | PAST_VERBS and not w.endswith("ed")
                    for w in found[1:at]):  # "The army sent troops to": "sent" is the verb
            return found[at + 1].lower() in ("its", "their", "the", "his", "her", "a", "an") \
                or found[at + 1].islower()
    return False
