"""The kind a run of capitalised words names: a person, a body, a country, a group or a thing."""

from __future__ import annotations

import re

from quizgen.article.lexicon import (
    COUNTRIES,
    DEMONYM_ENDINGS,
    ORG_WORDS,
    THING_ACRONYMS,
    THING_WORDS,
    TITLES,
    words,
)
from quizgen.draft.acronyms import ACRONYM
from quizgen.draft.tokens import PARTICLE_NAME

SAINT = frozenset({"St", "St.", "Saint"})
# Spans of time in the plural: opening a sentence ("Hours later, the club said") never a name.
SPANS = words("seconds minutes hours days weeks months years decades centuries moments")
# Bodies named by one word, alone ("the Executive Branch and Congress": two bodies).
SOLE_BODIES = words("Congress Parliament Senate Cabinet Treasury Pentagon Kremlin Vatican Nato")
# Trade words that end a business's name, never a person's ("Harlow Foods", "Acme Stores"),
# though alone they are common nouns.
TRADE_ENDS = words("Foods Stores Supermarkets Pharmaceuticals Brands Studios Publishing"
                   " Enterprises")
# What ends a company's registered name: "and" after it starts another name ("Orbis Ltd and
# Kestrel Inc").
COMPANY_ENDS = words("Ltd Ltd. Limited Inc Inc. plc PLC LLC Corp Corp. AG GmbH SA NV BV")
# What a body's name spelled out with "of"/"for" may end on after "and" ("Centers for Disease
# Control and Prevention", "Department for Culture, Media and Sport"): an abstract noun.
ABSTRACT = re.compile(r"(?:tion|ment|ity|ance|ence|ure|ing|ism|ogy|ics|Sport|Care|Skills"
                      r"|Services|Trade|Industry|Energy|Media|Science|Justice|Security|Safety"
                      r"|Welfare|Research|Transport|Housing|Fisheries|Food|Health|Affairs"
                      r"|Enterprise|Change|Growth)$")
# Titles a person is styled by with the place they are "of" ("the Duke of Sussex").
_STYLED_OF = words("Duke Duchess Earl Countess Marquess Marchioness Viscount Baron Baroness"
                   " Prince Princess Archbishop Bishop Dean Lord Lady Bishop Emir Sultan")
# Events of history and of news ("the Cold War", "the French Revolution", "the Gulf Crisis"):
# things, unless a body's word is in the name too ("the Stop the War Coalition").
EVENT_WORDS = words("War Wars Revolution Crisis Pandemic Earthquake")
# Place words that end no person's name ("Downing Street"; not "Park", "Lake", "Forest").
_PLACE_ENDS = frozenset({"Street", "Road", "Avenue", "Square", "Boulevard", "Lane", "Airport",
                         "Station", "Canal", "Strait", "Gulf", "Ocean", "Sea", "Peninsula",
                         "Province", "District", "County", "River", "Valley", "Desert",
                         "Harbour", "Harbor", "Island", "Islands", "Mountains"})
# Articles of Spanish, French and Italian opening a place's name ("Los Frailes", "La Paz",
# "Le Mans"): a place or what is named after it, never a person's first name (round 22).
_ARTICLES = frozenset({"Los", "Las", "El", "La", "Le", "Les", "Il"})
# Nationality adjectives that open a body's name, never a person's ("English Heritage").
_NATIONS = frozenset({"English", "British", "American", "French", "German", "Italian", "Spanish",
                      "Japanese", "Chinese", "Russian", "Indian", "Irish", "Scottish", "Welsh",
                      "Australian", "Canadian", "European", "African", "Swedish", "Dutch",
                      "Mexican", "Brazilian", "Cuban", "Ethiopian", "Korean", "Turkish",
                      "Polish", "Norwegian", "Danish", "Portuguese", "Egyptian", "Kenyan"})
# The Earth, the Sun, the planets and the galaxy: named in capitals, neither people nor bodies
# that act ("Earth receives", "the Milky Way").
_SKY = frozenset({"Earth", "Sun", "Moon", "Mercury", "Venus", "Mars", "Jupiter", "Saturn",
                  "Uranus", "Neptune", "Pluto", "Milky Way", "Solar System"})


def run_kind(words: list[str]) -> tuple[str, int]:
    """The run's kind and how many leading words are a title (role) rather than name."""
    name = " ".join(words)
    if any(w in THING_WORDS for w in words[words[:1] == ["Bill"]:]) or name in _SKY:  # "Bill
        # Gates" is a first name, "the Finance Bill" a law (round 23)
        return "thing", 0  # a scheme, report, treaty, holiday or planet: no person or body
    if any(w in EVENT_WORDS for w in words) and not any(w in ORG_WORDS for w in words):
        return "thing", 0  # "the Cold War", not "the Stop the War Coalition"
    if name in COUNTRIES and "United" in words:
        return "country", 0  # "the United States", "United Kingdom": not a club's "United"
    if any(w in ORG_WORDS for w in words) or any(w in TRADE_ENDS for w in words[1:]):
        return "organisation", 0
    if len(words) > 2 and words[0] in _STYLED_OF and words[1] == "of" and not any(
            w in ORG_WORDS for w in words):
        return "person", 0  # "the Duke of Sussex", "the Archbishop of Canterbury": a person
    if any(w in ("of", "for", "&") for w in words):
        return "group" if words[0].endswith("s") else "organisation", 0
    if name in COUNTRIES or name.replace(".", "") in COUNTRIES:
        return "country", 0
    if len(words) > 1 and (words[-1] in COUNTRIES or words[-1] in ("UK", "US", "USA")) and \
            words[0] not in TITLES:
        return "organisation", 0  # "Sport England", "Cancer Research UK": no person's name
    if (len(words) > 1 and (words[-1] in _PLACE_ENDS or words[0] in _ARTICLES)) or (
            len(words) == 2 and words[-1] in ("City", "Town")):  # "Harbour City" (round 22)
        return "organisation", 0  # "Downing Street said": a place, or a body it stands for
    if len(words) > 1 and words[-1].endswith("s") and len(words[-1]) > 5 and all(
            w.endswith(DEMONYM_ENDINGS) for w in (*words[:-1], words[-1][:-1])):  # not "Evans"
        return "group", 0  # "African Americans", "British Muslims" is not a person
    if len(words) > 1 and len(words[-1]) >= 8 and words[-1].endswith("ans") and \
            words[-1][1:].islower() and words[0] not in TITLES:
        return "group", 0  # "Muslim Americans", "Black Europeans": people of a kind
    if len(words) == 1 and (words[0].endswith("ists") or (
            words[0].endswith("ans") and len(words[0]) >= 8)) and words[0][1:].islower():
        return "group", 0  # "Scientists say", "Calderians marched": people of a kind, no body
    if len(words) > 1 and words[0] in _NATIONS and not any(w in TITLES for w in words):
        return "organisation", 0  # "English Heritage", "American Express": no person's name
    if words[0][:1].islower() and not PARTICLE_NAME.match(words[0]):
        return "organisation", 0  # "eBay", "comScore": a brand's camel case, no person's name
    if len(words) == 1 and ACRONYM.match(words[0]):
        return ("thing" if any(c.isdigit() for c in words[0]) or words[0].removesuffix("s")
                in THING_ACRONYMS else "organisation"), 0  # "MH370", "DNA", "TVs"
    if any(any(c.isdigit() for c in w) for w in words):
        return "thing", 0  # "Kessler-7", "Model 3": a product, a star or a planet's name
    cut = 0
    for index, word in enumerate(words[:-1]):
        if word in SAINT:
            break  # "St Paul’s Cathedral", "St Petersburg": a saint names a place or body
        if word in TITLES or (word == "Major" and index == 0) or (  # "Major Tim Peake"; not
                # "John Major" (round 23)
                index + 1 < len(words) and words[index + 1] in TITLES and (
                word.endswith(DEMONYM_ENDINGS) or ACRONYM.match(word))):
            cut = index + 1
    return "person", cut
