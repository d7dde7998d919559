"""What news English shows a name to be: a body ("the group X", "X, which"), a titled person."""

from __future__ import annotations

import re

from quizgen.article.lexicon import TITLES, words
from quizgen.draft.entities import Entity, Mention

# Nouns for a body that news puts before its name ("the campaign group UK Uncut", "a little
# shop called Inzozi Nziza", "the Scottish Premiership side Celtic").
_BODY_NOUNS = words(
    "group company firm shop store club side team troupe band charity organisation organization"
    " network newspaper magazine website brand chain retailer start-up startup agency business"
    " restaurant cafe café bakery label studio publisher broadcaster channel outlet movement"
    " party union coalition association foundation institute consultancy bank airline"
    " manufacturer maker carmaker supermarket school university hospital provider operator giant"
)
_BODY_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(_BODY_NOUNS)) + r"),?\s+(?:called\s+"
                          r"|named\s+|known as\s+)?$")
# Who is "of" a body, not of a person ("co-founders of X", "the president of X").
_OF_BODY = re.compile(r"\b(?:co-?founders?|founders?|members?|owners?|president|chairman"
                      r"|chairwoman|chief executive|directors?|managers?|staff|employees"
                      r"|headquarters|shareholders)\s+of\s+$", re.IGNORECASE)
_WHICH = re.compile(r"\s*(?:,|\s[–—-])\s*which\b")
_ACRONYM_WORD = re.compile(r"[A-Z]{2,5}")


def after_body_noun(text: str, start: int, *, comma: bool = False) -> bool:
    """A body noun right before a name (“provider Verizon”), or with `comma` also in an
    apposition (“a Serie A side, Perugia”; not for a full name: “the team, Ann Lee,”)."""
    before = text[max(0, start - 40):start].lower()
    return bool(_BODY_BEFORE.search(before)) and (comma or not before.rstrip().endswith(","))


def _is_body(entity: Entity, spots: list[Mention], text: str) -> str:
    """Why a name drafted as a person is a body, or ""."""
    if " & " in entity.key:
        return "“&” inside the name"  # "Fortnum & Mason": no person's name has one
    if len(entity.key.split()) > 1 and any(_ACRONYM_WORD.fullmatch(w)
                                           for w in entity.key.split()):
        return "an acronym inside the name"  # "UK Uncut", "HM Revenue"
    for spot in spots:
        before = text[max(0, spot.start - 40):spot.start]
        if after_body_noun(text, spot.start):
            return "a body noun before the name"
        if _OF_BODY.search(before):
            return "“founders of”, “president of” … before the name"
        if _WHICH.match(text, spot.end):
            return "“, which” after the name"
    return ""


def names_of_bodies(entities: dict[str, Entity], mentions: list[Mention], text: str) -> None:
    """A name with no title or he/she that news treats as a body (a body noun before it,
    "members of" before it, "which" after it, an acronym or "&" inside it) is an organisation."""
    spots: dict[str, list[Mention]] = {}
    for mention in mentions:  # by key once: linear in the article (issue 20)
        if mention.key is not None:
            spots.setdefault(mention.key, []).append(mention)
    for entity in entities.values():
        if entity.kind != "person" or entity.gender is not None or any(
                t in TITLES for t in entity.role.split()):
            continue
        if _is_body(entity, spots.get(entity.key, []), text):
            entity.kind = "organisation"


_TITLED = re.compile(r"\b(Dr|Mr|Mrs|Ms|Miss|Professor|Prof|President|Sir|Dame|Lord|Lady|Pope"
                     r"|Senator|Judge|Rev|Reverend|General|Captain)\.?\s+((?:[A-Z][\w’'-]+\s+)"
                     r"{0,3}[A-Z][\w’'-]+)")


def people_in_quotes(entities: dict[str, Entity], text: str, spans: list[tuple[int, int]]
                     ) -> None:
    """People a speaker names with a title inside a quotation (“Dr Ann Lee says …”), which
    the name runs (outside quotations) never see, drafted as people with that title."""
    known: set[str] = set()  # every run of words of a name or alias, built once (issue 20)
    for entity in entities.values():
        for name in (entity.key, *entity.aliases):
            parts = name.split()
            known.update(" ".join(parts[i:j]) for i in range(len(parts))
                         for j in range(i + 1, min(len(parts), i + 6) + 1))
    for start, end in spans:
        for match in _TITLED.finditer(text, start, end):
            name = match.group(2).removesuffix("’s").removesuffix("'s")
            if name in known or any(w in known for w in name.split()) or \
                    len(name.split()) < 2:
                continue  # named outside too, or a surname alone ("Mr Smith")
            known.add(name)
            entities[name] = Entity(key=name, name=name, kind="person", role=match.group(1),
                                    excerpt=(match.start(), match.start(2) + len(name)))
