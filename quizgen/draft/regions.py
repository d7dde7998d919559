"""Names that are no body to list: US states, languages, parts of bodies, units (round 22)."""

from __future__ import annotations

import re

from quizgen.article.lexicon import DEMONYM_ENDINGS, THING_WORDS, words
from quizgen.draft.mentions import Entity, Mention

# The fifty states (English general knowledge, like the country list): places, never bodies.
# "Washington" and "Georgia" are left out: the first also names the US government, the second
# is a country in the country list.
US_STATES = frozenset({
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut",
    "Delaware", "Florida", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas",
    "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota",
    "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey",
    "New Mexico", "New York State", "North Carolina", "North Dakota", "Ohio", "Oklahoma",
    "Oregon", "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee",
    "Texas", "Utah", "Vermont", "Virginia", "West Virginia", "Wisconsin", "Wyoming"})


def is_state(entity: Entity) -> bool:
    """A state of the United States drafted as a body, or as a person with no role or sex."""
    return entity.name.removeprefix("the ") in US_STATES and (
        entity.kind not in ("person", "country") or (not entity.role and entity.gender is None))


# Before a language's name: a verb of speaking, learning or translating ("speaking Spanish",
# "translated into Arabic"); after it, a noun only a language takes ("Spanish speakers").
_SPOKEN_BEFORE = re.compile(r"\b(?:speak|speaks|speaking|spoke|spoken|learn|learns|learning"
                            r"|learned|learnt|teach|teaches|teaching|taught|translated\s+into"
                            r"|fluent\s+in|written\s+in|in\s+fluent)\s+$", re.IGNORECASE)
_SPOKEN_AFTER = re.compile(r"(?:\s+(?:language|languages|speakers|speaker|words|lessons|classes"
                           r"|dialect|dialects)\b|-speaking\b|-language\b)")


def languages(entities: dict[str, Entity], by_key: dict[str | None, list[Mention]],
              text: str) -> set[str]:
    """One-word names ending like a demonym that the article speaks, learns or translates into
    somewhere ("speaking Spanish is important"): a language, not a body."""
    found: set[str] = set()
    for key, entity in entities.items():
        if entity.kind != "organisation" or " " in entity.name or entity.aliases or \
                not entity.name.endswith(DEMONYM_ENDINGS):
            continue
        if any(_SPOKEN_BEFORE.search(text, max(0, m.start - 24), m.start) or
               _SPOKEN_AFTER.match(text, m.end) for m in by_key.get(key, [])):
            found.add(key)
    return found


# The part of a body ("College", "School of Medicine") right after the body's possessive
# ("Cornell University’s College of Agriculture"): the body is the one to list.
_PART_FIRST = words("College School Faculty Department Institute Centre Center Division"
                    " Laboratory Lab Unit Programme Program")
_OWNER = re.compile(r"\b(?:University|College|Institute|Hospital|Academy|Foundation|Company"
                    r"|Corporation|Agency|Ministry|Department|Council|Museum)[’']s?\s+$")


def parts_of_bodies(entities: dict[str, Entity], by_key: dict[str | None, list[Mention]],
                    text: str) -> set[str]:
    """Bodies always named as a part of a named body, after its possessive: "Cornell
    University’s College of Agriculture and Life Sciences" (the university is listed)."""
    found: set[str] = set()
    for key, entity in entities.items():
        spots = by_key.get(key, [])
        if entity.kind == "organisation" and spots and entity.name.removeprefix("the ").split(
                )[0] in _PART_FIRST and all(_OWNER.search(text, max(0, m.start - 40), m.start)
                                            for m in spots):
            found.add(key)
    return found


# A scale named after its maker, right after its unit ("35 degrees Celsius"): a unit, no body.
_AFTER_UNIT = re.compile(r"\b(?:degrees?|°)\s*$")


def unit_names(by_key: dict[str | None, list[Mention]], text: str) -> set[str]:
    """Names met only right after "degrees" ("43 degrees Celsius"): a scale, neither a person
    nor a body."""
    return {key for key, spots in by_key.items() if key is not None and spots and all(
        _AFTER_UNIT.search(text, max(0, m.start - 10), m.start) for m in spots)}


# A name made an adjective by a hyphen ("a Washington-based group", "a Qatar-funded school").
_HYPHENED = re.compile(r".+-(?:based|born|led|owned|backed|funded|made|style|era|linked|run"
                       r"|bound|wide|registered|listed|headquartered)$")


# A name an illness or a law of nature is named after ("Alzheimer’s disease", "Parkinson's").
_EPONYM = re.compile(r"[’']s\s+(?:disease|syndrome|law|theorem|principle|palsy|sarcoma)\b")
# A verb in the present inside a drafted group's words ("the drug gives families"): no group.
_VERBS = words("gives says makes takes has does helps gets lets means needs wants shows tells"
               " asks keeps puts is was are were")


def not_bodies(entities: dict[str, Entity], by_key: dict[str | None, list[Mention]],
               text: str) -> set[str]:
    """Names of an illness's or a law's namesake ("Alzheimer" of "Alzheimer’s disease"), and
    lower-case groups read across a verb ("the drug gives families"): neither listed."""
    found = {key for key, spots in by_key.items() if key is not None and " " not in key and any(
        _EPONYM.match(text, m.end) or _EPONYM.match(text, m.end - 2) for m in spots)}
    return found | {key for key, entity in entities.items() if entity.name[:1].islower() and
                    set(entity.name.split()[:-1]) & _VERBS}


# ", the Canadian," after a name: a description of the person named before it.
_SET_OFF_THE = re.compile(r"[\w.’'-],\s+the\s+$")
# A possessive name before the rest of a thing's name ("the International Children’s Peace
# Prize", "the Women’s World Cup"): part of the thing's name.
_THING_AFTER = re.compile(r"[’']s?\s+(?:[A-Z][\w-]*\s+){0,3}(?:" + "|".join(sorted(
    THING_WORDS)) + r")\b")


_PLURALS = frozenset({"Children", "Women", "Men", "People"})  # a plural owner: "Women’s …"


def part_of_other_name(text: str, start: int, end: int, name: str) -> bool:
    """Whether a run of capitals is no name of its own: an adjective made with a hyphen
    ("Washington-based"), a demonym after "the" set off by commas
    after a name ("Agatha Janzen, the Canadian, said": her description), or the possessive
    opening a thing's name, a plural's ("the International Children’s Peace Prize", "the Young
    Writers’ Poetry Prize"), not a body's own ("ABC’s Farm Plan")."""
    if _HYPHENED.fullmatch(name):
        return True  # "a Washington-based group": an adjective
    if " " not in name and name.endswith(DEMONYM_ENDINGS) and _SET_OFF_THE.search(
            text, max(0, start - 8), start) and text[end:end + 1] == ",":
        return True
    plural = name.split()[-1].removesuffix("’s").removesuffix("'s") in _PLURALS or \
        text[end - 2:end] in ("s’", "s'") or (name.endswith("s") and text[end:end + 1] in (
            "’", "'") and text[end + 1:end + 2] != "s")
    owned = text[end - 2:end] in ("’s", "'s") or text[end - 1:end] in ("’", "'")
    return plural and bool(_THING_AFTER.match(text, end) or (owned and _THING_AFTER.match(
        "’" + text[end:end + 80])))  # not "ABC’s Farm Plan": the body's own plan
