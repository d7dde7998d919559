"""People news names by another's name and a noun: kin ("Ana Ruiz’s mother") and "the spokesman"."""

from __future__ import annotations

import re

from quizgen.article.lexicon import ROLE_NOUNS, words
from quizgen.draft.mentions import Entity, Mention
from quizgen.draft.unnamed import PERSON_NOUNS

# Kin of a person named, with no name of their own after them ("Ana Ruiz’s mother said").
KIN_OF = re.compile(r"\b((?:[A-Z][\w'-]+\s+)?[A-Z][\w'-]+)[’']s\s+(mother|father|wife|husband"
                    r"|son|daughter|brother|sister|grandmother|grandfather|widow|widower|partner"
                    r"|girlfriend|boyfriend|mum|dad|aunt|uncle)\b(?!,?\s+[A-Z])")
_MALE = words("father husband son brother grandfather widower boyfriend dad uncle")
_FEMALE = words("mother wife daughter sister grandmother widow girlfriend mum aunt")
# Nouns of a person's work or standing that news uses, with "the", for the person just named
# ("Mark Dunne, an economist, agreed. “…,” the professor said"); not nouns of one person's
# relation to another (doctor, lawyer, coach), which name someone else.
DESCRIBING_NOUNS = words(
    "professor economist scientist researcher academic expert author novelist poet actor"
    " actress singer musician star athlete astronaut artist designer architect entrepreneur"
    " businessman businesswoman billionaire tycoon campaigner activist veteran historian"
    " psychologist biologist physicist chemist explorer inventor comedian broadcaster"
    " journalist politician philosopher mathematician engineer")


def add_kin(entities: dict[str, Entity], mentions: list[Mention], masked: str,
            body_start: int) -> list[Mention]:
    """“Ana Ruiz’s mother watched …”: kin of a person named, with no name of their own (not
    “Ana Ruiz’s mother, Eva,”), a person of the kin's sex, so that a he/she after it can be
    read as them; the mentions with each such phrase in place of the owner's name."""
    by_start = {m.start: m for m in mentions if m.key is not None}
    dropped: set[Mention] = set()
    added: list[Mention] = []
    for match in KIN_OF.finditer(masked, body_start):
        owner = by_start.get(match.start(1))
        if owner is None or entities[str(owner.key)].kind != "person":
            continue
        key = " ".join(masked[match.start():match.end()].split())
        kin = match.group(2).lower()
        if key not in entities:
            entities[key] = Entity(key=key, name=key, kind="person", excerpt=match.span(),
                                   gender="male" if kin in _MALE else "female" if kin in
                                   _FEMALE else None)
        dropped.add(owner)
        added.append(Mention(match.start(), match.end(), key))
    return [m for m in mentions if m not in dropped] + added if added else mentions


# Nouns for one who speaks for a body: "the official" after "a spokesman for X" is that one.
_VOICES = {"spokeswoman": "spokesman", "spokesperson": "spokesman", "official": "spokesman",
           "representative": "spokesman"}


def speaker_noun(phrase: str) -> str:
    """The noun an unnamed speaker's phrase is headed by ("spokesman" of "a spokesman for the
    council" and of "Acme’s spokesman")."""
    return re.split(r"\s+(?:for|of|at|from|in|with)\s+", phrase)[0].split()[-1]


def same_unnamed_speakers(entities: dict[str, Entity], mentions: list[Mention]
                          ) -> list[Mention]:
    """“the spokesman” after “a spokesman for the council” or “Acme’s spokesman”: the one
    named before with that noun, not a second speaker (the definite article says so); the
    mentions so moved, in text order."""
    latest: dict[str, str] = {}  # a person noun -> the unnamed speaker named last with it
    moved: set[str] = set()
    kept: set[str] = set()
    found: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: m.start):
        entity = entities.get(str(mention.key))
        found.append(mention)
        if entity is None or entity.kind != "person" or entity.key[:1].isupper():
            continue
        name = entity.name.lower()
        noun = _VOICES.get(speaker_noun(name), speaker_noun(name))  # "a government spokesman
        # said … The official added": one voice
        if re.fullmatch(r"the [a-z-]+", name) and latest.get(noun, entity.key) != entity.key:
            found[-1] = Mention(mention.start, mention.end, latest[noun])
            moved.add(entity.key)
            continue
        kept.add(entity.key)
        if len(name.split()) > 1 and noun in ROLE_NOUNS | PERSON_NOUNS:
            latest[noun] = entity.key
    for key in moved - kept:
        del entities[key]
    return found


# An age set off by commas after a name: "says Tom, nine.", "Mia, 12, added".
_AGED = re.compile(r",[^\S\n]*(?:\d{1,3}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
                   r"(?:-[a-z]+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
                   r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)[^\S\n]*[,.;)]")


# A relative clause for a person after a name: "Hiroshi, who asked that his surname …", "Jake,
# who plays in the school team" (a singular verb or his/her; teams take "who play", bodies
# "which"; round 23).
_WHO_PERSON = re.compile(r",[^\S\n]+who[^\S\n]+(?:(?:[a-z]+[^\S\n]+){0,8}?(?:his|her|he|she)\b"
                         r"|(?:also[^\S\n]+|now[^\S\n]+|still[^\S\n]+)?(?:is|was|has|[a-z]+[^s\W]s)\b)")


def aged_names(masked: str, mentions: list[Mention]) -> set[str]:
    """The keys of names given an age in apposition (“says Tom, nine.”) or a relative clause
    for a person (“Jake, who plays …”): people, though named by one word."""
    return {str(m.key) for m in mentions if m.key is not None and (
        _AGED.match(masked, m.end, m.end + 20) or _WHO_PERSON.match(masked, m.end, m.end + 80))}
