"""What level of place a place is (a building or street, a town, a region, a country, a river, a
mountain), read from the kind word of its name or of its description, so that a "where?" item
offers places of its answer's level only: a country among states, a hall among valleys and a
river among towns are picked without the article."""

from __future__ import annotations

import re
from functools import lru_cache

from quizgen.factbase.model import Place

# levels of place in general English (no article's words): each level's words, and what a
# teacher calls places of that level in a skip report
_LEVELS: dict[str, frozenset[str]] = {
    "site": frozenset({
        "building", "buildings", "palace", "station", "stadium", "arena", "chamber", "chambers",
        "hall", "square", "street", "avenue", "road", "lane", "boulevard", "bridge", "pier",
        "hotel", "residence", "house", "church", "cathedral", "mosque", "temple", "school",
        "university", "college", "hospital", "clinic", "court", "courthouse", "office",
        "headquarters", "ministry", "parliament", "museum", "gallery", "theatre", "theater",
        "airport", "market", "shop", "store", "restaurant", "cafe", "pub", "park", "garden",
        "gardens", "farm", "ranch", "prison", "jail", "camp", "centre", "center", "factory",
        "plant", "mine", "zoo", "library", "embassy", "consulate", "laboratory", "lab",
        "observatory", "base", "field", "ground", "grounds", "course", "venue", "club",
        "studio", "tower", "castle", "monument", "memorial", "cemetery", "harbour", "harbor",
        "dock", "docks", "terminal", "mall", "campus", "room", "auditorium",
    }),
    "district": frozenset({"neighbourhood", "neighborhood", "borough", "quarter", "suburb",
                           "suburbs", "district", "districts", "ward", "estate"}),
    "town": frozenset({"city", "cities", "town", "towns", "village", "villages", "capital",
                       "port", "hamlet", "municipality", "settlement", "metropolis"}),
    "region": frozenset({"region", "regions", "province", "provinces", "state", "states",
                         "county", "counties", "territory", "territories", "department",
                         "prefecture", "canton", "emirate", "oblast", "governorate"}),
    "country": frozenset({"country", "countries", "nation", "nations", "kingdom", "republic",
                          "monarchy"}),
    "continent": frozenset({"continent", "continents", "subcontinent"}),
    "water": frozenset({"river", "rivers", "lake", "lakes", "sea", "seas", "ocean", "oceans",
                        "bay", "gulf", "strait", "channel", "canal", "stream", "creek",
                        "lagoon", "reservoir", "estuary", "waterfall", "falls", "spring"}),
    "land": frozenset({"mountain", "mountains", "mount", "hill", "hills", "valley", "valleys",
                       "desert", "forest", "island", "islands", "peninsula", "cape", "head",
                       "headland", "point", "plain", "plains", "wetland", "wetlands", "marsh",
                       "marshes", "delta", "beach", "coast", "glacier", "volcano", "range",
                       "plateau", "canyon", "cave", "reef", "moor", "moors", "wood", "woods",
                       "jungle", "savanna", "swamp"}),
}
_LEVEL_OF = {word: level for level, words in _LEVELS.items() for word in words}
# levels whose places a student reads by a bare name ("Birmingham", "Kenya", "Harlem"), as a
# place of no level the fact base says would read
_NAMED_AREAS = frozenset({"district", "town", "region", "country", "continent"})
# what a teacher calls places of each level: "only 1 other town or city"
LEVEL_WORDS: dict[str | None, tuple[str, str]] = {
    "site": ("building, street or site", "buildings, streets or sites"),
    "district": ("district", "districts"),
    "town": ("town or city", "towns or cities"),
    "region": ("region, province or state", "regions, provinces or states"),
    "country": ("country", "countries"),
    "continent": ("continent", "continents"),
    "water": ("river, lake or sea", "rivers, lakes or seas"),
    "land": ("valley, mountain, island or coast", "valleys, mountains, islands or coasts"),
    None: ("place whose kind the fact base does not say", "places whose kind the fact base "
           "does not say"),
}

# kind words that open a name ("River Tagus", "Lake Kivu", "Port Aldren"); other words that
# open one are names ("Bay Ridge", "Wood Green")
_PREFIXES = frozenset({"river", "lake", "mount", "port", "cape", "fort"})
# words after which a description tells of its head, not the head itself
_ENDS = frozenset({"of", "that", "which", "who", "whom", "whose", "where", "when", "in", "for",
                   "to", "from", "on", "at", "by", "with", "as", "near", "and", "or", "but",
                   "beside", "outside", "inside", "between", "along", "across", "off"})
# "one of the states …", "part of the valley": the head follows "of"
_PARTS = frozenset({"one", "part", "kind", "type", "sort", "some", "each", "any", "member"})
_WORD = re.compile(r"[^\W\d_][\w’'-]*")
# determiners: leading ones are skipped; one after the head starts a clause that tells of it
# ("the avenue the march wound along")
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "this", "these",
                          "those", "our"})


def _head_words(description: str) -> list[str]:
    """The words of a description's noun phrase before what tells of its head ("the American
    state where …": american, state; "one of the states whose …": states). Empty when the
    description opens on what tells of a head it never names ("where the march ended")."""
    words: list[str] = []
    for token in _WORD.findall(description):
        word = token.casefold()
        if word in _DETERMINERS:
            if words:
                break
            continue
        if word in _ENDS:
            if word == "of" and words and words[-1] in _PARTS:
                words = []
                continue
            break
        words.append(word.removesuffix("'s").removesuffix("’s"))
    return words


def _named_level(name: str) -> str | None:
    """The level a place's own name says ("Liberty Square", "the River Ribeira", "the UN
    chamber", "Lake Kivu"): its last word, or its first after "the"."""
    words = [w.casefold() for w in _WORD.findall(name)]
    if words and words[0] == "the":
        words = words[1:]
    # a one-word name is the name of a place, not a kind ("Reading", "Mount" alone are names)
    if len(words) < 2:
        return None
    if words[0] == "united":  # the United States, the United Kingdom: countries
        return "country"
    return _LEVEL_OF.get(words[-1]) or (
        _LEVEL_OF.get(words[0]) if words[0] in _PREFIXES else None)


@lru_cache(maxsize=4096)
def _described_level(description: str) -> str | None:
    """The level the description's head says: the last word of a level among its head words."""
    found = [w for w in _head_words(description) if w in _LEVEL_OF]
    return _LEVEL_OF[found[-1]] if found else None


def level(place: Place) -> str | None:
    """What level of place this is (a key of LEVEL_WORDS): what its description's head noun
    says it is, else the kind word of its name ("Liberty Square"); None when neither says."""
    found = _described_level(place.description)
    if found is not None:
        return found
    return next(filter(None, map(_named_level, (place.name, *place.aliases))), None)


def same_level(one: Place, other: Place) -> bool:
    """Whether two places may stand side by side as options: of one level, or one of a level the
    fact base does not say beside a town, a region or a country (a name with no kind word in it,
    "Birmingham", reads as any of these), never beside a building, a river or a valley."""
    first, second = level(one), level(other)
    if first is None or second is None:
        return (first or second) in _NAMED_AREAS or first == second
    return first == second
