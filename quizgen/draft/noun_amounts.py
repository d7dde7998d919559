"""Money and percentages written before the noun they are the size of ("a $3bn takeover")."""

from __future__ import annotations

import re

from quizgen.article.lexicon import words
from quizgen.draft.dimensions import _BE, _FIRST_SECOND, _LEAD_WORDS, _STOP, _VERBISH

_SUMS = words("fine fee fees salary prize bonus budget loan grant bill award payment donation"
              " fund bailout debt tax levy pension wage rent fare ransom compensation")


def money_noun(text: str, end: int) -> str:
    """ "value of the takeover" for "a $3bn takeover", "amount of the fine" for "a £500 fine":
    money written before the noun it is the size of; else ""."""
    noun = re.match(r"[ -]([a-z]+(?:-[a-z]+)?)(?:\s+([a-z]+))?\b", text[end:end + 40])
    if noun is None:
        return ""
    first, second = noun.group(1), noun.group(2)
    if first in _STOP | _BE | _LEAD_WORDS | _FIRST_SECOND | _TIMES or first.endswith((
            "ly", "ed")) or \
            first in words("of in to for a an the and or per each more less than worth over"
                           " under across between into during within after before with from by"
                           " on at as against since until among via"):  # "£5bn with X" (22)
        return ""
    phrase = first if second is None or second in words(
        "of in to for from with by on at as and or was is were are has had have will would"
        " which that who") or second.endswith(("ed", "ly")) else f"{first} {second}"
    return f"{'amount' if phrase.split()[-1] in _SUMS else 'value'} of the {phrase}"


_TIMES = words("last next this each every per year years month week day today yesterday")
_NOUN_ENDINGS = ("cy", "ity", "ion", "ment", "ance", "ence", "ness", "ure", "ship")
_NOT_SHARE_NOUNS = words("of in to for from at on by with than and or but as more less higher lower"
                         " fewer greater smaller bigger larger increase rise growth jump fall drop"
                         " cut decrease decline reduction share stake the a an this that was is"
                         " were are will would has have had said says cent percent")


def percent_noun(text: str, end: int) -> str:
    """ "accuracy" for "90% accuracy", "success rate" for "a 70% success rate", "chance of
    rain" for "a 40% chance of rain": the noun a percentage is written before; else "" (a
    verb, a preposition, or a change word, which other rules read)."""
    noun = re.match(r"\s+([a-z]+)(?:\s+([a-z]+))?(?:\s+(of\s+[a-z]+(?:\s+[a-z]+)?))?",
                    text[end:end + 60])
    if noun is None or noun.group(1) in _NOT_SHARE_NOUNS | _BE | _VERBISH | _TIMES or \
            noun.group(1).endswith(("ly", "ed", "ing")):
        return ""
    nominal = noun.group(1).endswith(_NOUN_ENDINGS) or noun.group(2) == "of"
    if not (nominal or re.search(r"\b(?:a|an)\s+[\d.,]+\s?(?:%|per\s?cent|percent)\s*$",
                                 text[max(0, end - 24):end])):
        return ""  # "5% last year", "100% safe": no noun
    phrase = [noun.group(1)]
    second = noun.group(2)
    if second and second not in _NOT_SHARE_NOUNS | _BE | _VERBISH and not second.endswith(
            ("ly", "ed", "ing")) and noun.group(3) is None and second in words(
            "rate rates level levels score ratio chance risk share cut margin"):
        phrase.append(second)  # "success rate"
    tail = re.match(r"\s+of\s+((?:the\s+)?[a-z]+)", text[end + noun.end(len(phrase)):
                                                         end + noun.end(len(phrase)) + 30])
    if tail and tail.group(1).split()[-1] not in _NOT_SHARE_NOUNS:
        phrase += ["of", tail.group(1)]
    return " ".join(phrase)
