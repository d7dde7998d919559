"""Names that are places: met mostly as “in X”, “at X”, “from X”, or described as a town."""

from __future__ import annotations

import re

from quizgen.article.lexicon import ORG_WORDS, PLACE_WORDS, TITLES
from quizgen.draft.bodies import EMPLOYED_AT, STAKE_IN
from quizgen.draft.mentions import Entity, Mention

_PLACE_NOUNS = ("town", "city", "village", "province", "region", "state", "district", "county",
                "capital", "port", "island", "river", "valley", "square", "street", "avenue",
                "palace", "station", "airport", "bridge", "building", "neighbourhood",
                "neighborhood", "suburb", "coast", "border", "mountain", "lake")
_LOCATIVE = re.compile(r"(?:\b(?:in|at|near|from|to|into|outside|inside|across|towards?|around"
                       r"|through|between|residents|inhabitants|people|citizens|streets|outskirts"
                       r"|" + "|".join(_PLACE_NOUNS) + r")(?:\s+of)?[^\S\n]+"
                       r"(?:the\s+)?)$", re.IGNORECASE)  # never across a line break


# First words of a place's name: a river, a region ("North Africa", "the Middle East"), a city.
_PLACE_FIRST = ("River", "Lake", "Mount", "Cape", "Gulf", "Bay", "Isle", "North", "South", "East",
                "West", "Northern", "Southern", "Eastern", "Western", "Central", "Middle",
                "Latin", "New", "Upper", "Lower", "Greater", "St", "St.", "Saint", "San",
                "Santa", "Strait", "Straits", "Sea", "Port", "Mouth")


# Features of land and water that end a place's name and no body's ("the Mekong Delta", "the
# Amazon Basin", "Victoria Falls"), beside the lexicon's place words (round 22).
_LAND_ENDS = frozenset({"Delta", "Basin", "Plateau", "Canyon", "Falls", "Reef", "Archipelago",
                        "Lagoon", "Estuary", "Volcano", "Gorge", "Dunes", "Swamp", "Rainforest",
                        "Fjord", "Steppe", "Savannah", "Oasis", "Atoll"})


def is_place(entity: Entity, spots: list[Mention], text: str) -> bool:
    """A name that is only ever "in X", "at X", "from X" (`spots`: its mentions): a place."""
    if entity.kind in ("person", "organisation") and spots and not entity.role and \
            (entity.name.split()[-1] in PLACE_WORDS | _LAND_ENDS or entity.name.removeprefix(
                "the ").split()[0]
             in _PLACE_FIRST) and (entity.name.split()[-1] in PLACE_WORDS or not any(
                 w in ORG_WORDS for w in entity.name.split())):
        return True  # "River Tagus", "Harbour Avenue", "Times Square" (an org word inside)"
    body = entity.kind == "organisation" and not entity.name.startswith("the ") and not any(
        w in ORG_WORDS for w in entity.name.split())  # "London", a bare name taken as a body
    if (entity.kind != "person" and not body) or not spots or any(
            t in entity.role.split() for t in TITLES):
        return False
    head = re.split(r"\s+(?:of|in|at|on|for|from|near|with|who|which|that|and)\s+",
                    entity.role.lower())[0].split()
    if head and head[-1] in _PLACE_NOUNS:
        return True  # "Vila Serrana, the provincial capital" (not "street artist": an artist)
    named = [m for m in spots if text[m.start:m.start + 1].isupper()]  # not "the ambassador’s"
    if any(EMPLOYED_AT.search(text, max(0, m.start - 40), m.start) or STAKE_IN.search(
            text, max(0, m.start - 40), m.start) for m in named):
        return False  # "analysts at Kessen bank", "shares in Acme": a body
    located = sum(1 for m in named if _LOCATIVE.search(text[max(0, m.start - 40):m.start].rsplit(
        "\n", 1)[-1])  # within its line: a headline ending "the valley" places no one (22)
                  and not _PARTIES.search(text[max(0, m.start - 40):m.start]))
    return bool(named) and 2 * located >= len(named)


# "talks between X and Y", "a match between X": two sides of something, not a place between.
_PARTIES = re.compile(r"\b(?:talks|meetings?|match|game|fight|deal|dispute|war|race|contest"
                      r"|agreement|marriage|conversation|clash(?:es)?|relationship|rivalry|debate"
                      r"|summit|negotiations|call|partnership|feud|duel|final|row|split)\s+"
                      r"between\s+(?:the\s+)?$")
