"""What news English shows a name to be: a body ("the group X", "X, which"), a titled person."""

from __future__ import annotations

import bisect
import re

from quizgen.article.lexicon import (
    COUNTRIES,
    ORG_WORDS,
    ROLE_NOUNS,
    THING_WORDS,
    TITLES,
    is_role_noun,
    words,
)
from quizgen.draft.mentions import Entity, Mention

# Nouns for a body that news puts before its name ("the campaign group UK Uncut", "a little
# shop called Inzozi Nziza", "the Scottish Premiership side Celtic").
_BODY_NOUNS = words(
    "group company firm shop store club side team troupe band charity organisation organization"
    " network newspaper journal magazine website brand chain retailer start-up startup agency"
    " business publication"
    " restaurant cafe café bakery label studio publisher broadcaster channel outlet movement"
    " party union coalition association foundation institute consultancy bank airline"
    " manufacturer maker carmaker supermarket school university hospital provider operator giant"
)
_BODY_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(_BODY_NOUNS)) + r"),?\s+(?:called\s+"
                          r"|named\s+|known as\s+)?$")
# Who is "of" a body, not of a person ("co-founders of X", "the president of X").
_OF_BODY = re.compile(r"\b(?:co-?founders?|founders?|members?|owners?|president|chairman"
                      r"|chairwoman|chief executive|directors?|managers?|staff|employees"
                      r"|headquarters|shareholders|coach|coaches|captain)\s+of\s+$",
                      re.IGNORECASE)
# Who works at a body, before its name: "said Ana Ruiz at Kessen Analysis", "an economist at
# Tarn Capital" (a person's name or a noun of work, then "at").
EMPLOYED_AT = re.compile(r"(?:\b[A-Z][\w’'-]+|\b[a-z]+(?:ists?|ers?|ors?|ants?|ents?))[^\S\n]+at"
                         r"[^\S\n]+$")
# What is owned or bought of a company: "Shares in Tarvo Foods", "a stake in Orbis".
STAKE_IN = re.compile(r"\b(?:[Ss]hares?|stakes?|shareholders?|investors?|invested|investments?"
                      r"|holdings?|invest(?:ed|s|ing)[^\S\n]+[^.;:\n]{1,40}?)[^\S\n]+in[^\S\n]+$")
# ("has invested about $13 billion in OpenAI": a body, round 22)
# A body's name before its member's role and name: "said Acme Foods spokesman Tom Hale".
_OWNS_ROLE = re.compile(r"(?: (?!(?:and|or|the|a|an|with|by|to|of|for|from|in|on|at)\b)"
                        r"[a-z][a-z-]*){0,2}? ([a-z][a-z-]*) [A-Z][\w’'-]+ [A-Z]")
# A body noun with its owner, then the name in apposition: "Ruiz’s club, Atletico Sur,",
# "its parent company, Acme,": a person is never someone's club or company.
_OWNED_BODY = re.compile(r"(?:[’']s|\b(?:[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur|whose))\s+"
                         r"(?:[a-z-]+\s+)?(?:" + "|".join(sorted(_BODY_NOUNS)) + r"),\s+$")
_APPOSED = re.compile(r",\s+(?:which|that)\b")  # "a charity, Clear Seas, that has …"
_WHICH = re.compile(r"\s*(?:,|\s[–—-])\s*which\b")
_ACRONYM_WORD = re.compile(r"[A-Z]{2,5}")


def after_body_noun(text: str, start: int, *, comma: bool = False) -> bool:
    """A body noun right before a name (“provider Verizon”), or with `comma` also in an
    apposition (“a Serie A side, Perugia”; not for a full name: “the team, Ann Lee,”)."""
    before = text[max(0, start - 40):start].lower()
    return bool(_BODY_BEFORE.search(before)) and (comma or not before.rstrip().endswith(","))


# Nouns a body's description is headed by, besides those put before its name.
_DESCRIBED_AS = _BODY_NOUNS | words("site app platform service marketplace tracker firm"
                                    " studio department")
# Where a description's head noun ends: a relative word, a preposition, a participle.
_HEAD_END = re.compile(r"\s+(?:that|which|who|whose|of|for|in|at|on|with|from|to|by|and"
                       r"|[a-z]+ed|[a-z]+ing)(?=\s|$)")


def described_as_body(role: str) -> bool:
    """A description whose head noun is a body's (“the video site that won 5m
    users”, “a social network founded by …”): what it describes is no person."""
    head = _HEAD_END.split(" " + role.strip(), maxsplit=1)[0].split()
    return bool(head) and head[-1].lower() in _DESCRIBED_AS and head[0][:1].islower()


def _is_body(entity: Entity, spots: list[Mention], text: str) -> str:
    """Why a name drafted as a person is a body, or ""."""
    if len(entity.key.split()) == 1 and described_as_body(entity.role):
        return "described as a body (“X, the video site”)"
    if " & " in entity.key:
        return "“&” inside the name"  # "Fortnum & Mason": no person's name has one
    if len(entity.key.split()) > 1 and any(_ACRONYM_WORD.fullmatch(w)
                                           for w in entity.key.split()):
        return "an acronym inside the name"  # "UK Uncut", "HM Revenue"
    for spot in spots:
        before = text[max(0, spot.start - 40):spot.start]
        if after_body_noun(text, spot.start) and text[spot.start:spot.start + 1].isupper():
            return "a body noun before the name"  # not "Green Coalition spokesman Tom Hale"
        if _OWNED_BODY.search(before) and text[spot.end:spot.end + 1] in (",", "."):
            return "a body noun with its owner before the name, in apposition"
        if after_body_noun(text, spot.start, comma=True) and _APPOSED.match(text, spot.end):
            return "a body noun before the name, in apposition"  # "a charity, Clear Seas, that"
        owns = _OWNS_ROLE.match(text, spot.end)
        if owns is not None and owns.group(1) in ROLE_NOUNS:
            return "a role noun and a person's name after it (“Acme spokesman Tom Hale”)"
        if _OF_BODY.search(before):
            return "“founders of”, “president of” … before the name"
        if STAKE_IN.search(before):
            return "shares or a stake in the name"  # "Shares in Tarvo Foods fell"
        if EMPLOYED_AT.search(before) and len(entity.key.split()) > 1 and \
                not after_body_noun(text, spot.start):
            return "someone who works there and “at” before the name"
        role = re.search(r"\b([a-z]+)\s+$", before)
        if _WHICH.match(text, spot.end) and not (role and (is_role_noun(role.group(1)) or (
                role.group(1).endswith("ee") and role.group(1) != "committee"))):
            return "“, which” after the name"  # not "employee Ana Ruiz, which": a person's
            # role before her, so "which" goes back to the noun before both
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


# A body's name inside a quotation: capitalised words, "of", "for", "the", "&" between.
_WORD = r"[A-Z](?:[\w’'&-]|\.(?=[A-Za-z]))*"  # "U.S." inside, never a full stop after
_QUOTED_BODY = re.compile(rf"(\b[Tt]he\s+)?({_WORD}(?:\s+(?:(?:of|for|the|&)\s+)?{_WORD}){{1,5}})")


def bodies_in_quotes(entities: dict[str, Entity], text: str, spans: list[tuple[int, int]]
                     ) -> None:
    """Bodies a speaker names inside a quotation (“to get promoted to the Premier League”),
    which the name runs outside quotations never see: two or more capitalised words, one of
    them a word for a body (League, Court, Party, Post …), not opening the quoted sentence."""
    known = {w for e in entities.values() for n in (e.key, e.name, *e.aliases)
             for w in [n.removeprefix("the ")]}
    for start, end in spans:
        for match in _QUOTED_BODY.finditer(text, start, end):
            name = match.group(2).removesuffix("’s").removesuffix("'s")
            parts = name.split()
            opens = match.start() == start or re.search(  # a few characters back only
                r"[.!?]\s+$", text[max(start, match.start() - 4):match.start()]) is not None
            if not any(w in ORG_WORDS for w in parts) or any(w in THING_WORDS for w in parts) \
                    or (opens and match.group(1) is None) or name in known or name in COUNTRIES \
                    or parts[-1] in ("of", "for", "and", "the", "&") or re.sub(
                        r"^(?:[Tt]he|[Aa]n?)\s+", "", text[start:end].strip(" ,.")) == name:
                continue  # a quotation that is a name and nothing else: a title (“The Salt
                # House”), not a body a speaker names
            known.add(name)
            shown = ("the " + name) if match.group(1) else name
            entities[name] = Entity(key=name, name=shown, kind="organisation",
                                    excerpt=(match.start(2), match.start(2) + len(name)))


# Work a body does, "by" before its name ("an investigation by Reuters", "a poll by YouGov").
_WORK_BY = re.compile(r"\b(?:investigation|report|study|survey|poll|analysis|review|audit"
                      r"|inquiry|ruling|statement|campaign|takeover|bid)\s+by\s+$")
# What a body has and a person has not, after its name ("Vodafone stores", "Benfica’s youth
# teams", "Acme’s shareholders").
_BODY_HAS = (r"(?:stores|shops|branches|outlets|shares|shareholders|staff|employees|workforce"
             r"|executives|headquarters|subsidiary|subsidiaries|squad|teams?|players"
             r"|customers|clients|profits?|revenues?|turnover)\b")
_HAS_AFTER = re.compile(rf"(?:[’']s)?\s+(?:[a-z][\w-]*\s+){{0,2}}?{_BODY_HAS}")
_AND = re.compile(r"\s+and\s+(?:the\s+)?$")
# Who works for or is told by a body, and what is held in one: "works for Acmeco", "told
# Reuters", "shares in Corvex" (a person is named in full, a place is not worked for or told).
_SERVED = re.compile(r"\b(?:(?:works?|worked|working|plays?|played|playing|employed|hired)"
                     r"\s+(?:for|by)|told|tells|telling|(?:shares|stake"
                     r"|stakes|investors?)\s+in|(?:work\s+experience|internship|a\s+job"
                     r"|worked|works|working)\s+at)\s+$", re.IGNORECASE)
_DASH_WHICH = re.compile(r"\s+[–—-]\s*which\b")
# A role in the body after its name: "a former Zentrix employee", "an Acme spokesman".
_ROLE_AFTER = re.compile(r"\s+(?:employee|employees|worker|workers|spokesman|spokeswoman"
                         r"|spokesperson|boss|bosses|executive|executives|founder|director"
                         r"|chairman|chairwoman)\b")
_PLACE_BEFORE = re.compile(r"\b(?:in|at|from|to|near|into|across|around|outside|inside"
                           r"|through|towards?)\s+$", re.IGNORECASE)


def bodies_named_once(entities: dict[str, Entity], mentions: list[Mention], text: str
                      ) -> set[str]:
    """One-word names (already drafted as organisations) that news English shows to be bodies
    though they are named once: the work of a body before them (“an investigation by
    Reuters”), who is of a body (“chief executive of Acme”), what a body owns after them
    (“Vodafone stores”, “Benfica’s male youth teams”), or joined by “and” to an organisation
    (“Oxfam and the UN prepare”)."""
    named = [m for m in mentions if m.key is not None and m.key in entities]
    starts = [m.start for m in named]
    found: set[str] = set()
    for index, mention in enumerate(named):
        key = str(mention.key)
        if " " in key or entities[key].kind != "organisation" or not key[:1].isalpha():
            continue
        before = text[max(0, mention.start - 40):mention.start]
        end = mention.end - 2 if text[mention.end - 2:mention.end] in ("’s", "'s") else \
            mention.end
        if _WORK_BY.search(before) or _HAS_AFTER.match(text, end) or _OF_BODY.search(
                before) or _SERVED.search(before) or _ROLE_AFTER.match(text, end) or \
                _DASH_WHICH.match(text, end):  # "Microsoft – which …" (", which" is a place's too)
            found.add(key)
            continue
        if _PLACE_BEFORE.search(before):
            continue  # "flew to Paris and the European Union": a place
        partner = named[index + 1] if index + 1 < len(named) else None
        if partner is not None and _AND.fullmatch(text, mention.end, partner.start) and \
                _a_named_body(entities[str(partner.key)]):
            found.add(key)  # "Oxfam and the UN"
            continue
        at = bisect.bisect_left(starts, mention.start) - 1
        if at >= 0 and _AND.fullmatch(text, named[at].end, mention.start) and \
                _a_named_body(entities[str(named[at].key)]):
            found.add(key)  # "the UN and Oxfam"
    return found


def _a_named_body(entity: Entity) -> bool:
    """An organisation named by more than one word or an acronym ("the UN")."""
    bare = entity.name.removeprefix("the ")
    return entity.kind == "organisation" and (" " in bare or bool(_ACRONYM_WORD.fullmatch(
        bare.replace(".", ""))))


# Works a name can be the title of ("a computer game Never End", "the novel Wolf Hall").
_WORK_BEFORE = re.compile(r"\b(?:game|book|novel|film|movie|song|album|app|show|series|play"
                          r"|documentary|painting|poem|opera|musical|video|podcast|sitcom)"
                          r"(?:\s+(?:called|titled|named))?\s+(?:[Tt]he\s+)?"  # "her book The X"
                          r"(?:[A-Z][\w-]*[’']s\s+)?$"  # "the series The Queen’s Gambit" (22)
                          r"|\b(?:renamed|retitled|entitled|titled)\s+(?:[Tt]he\s+)?$")  # "The
# work, renamed Love is in the Bin, …": a title whatever the noun before


# A nickname: "known as the Sage of Omaha", "nicknamed Big Tom", "dubbed the Iron Lady".
_NICKNAMED = re.compile(r"\b(?:known\s+as|nicknamed|dubbed)\s+(?:[Tt]he\s+)?$")


def titles_of_works(mentions: list[Mention], text: str) -> set[str]:
    """Names met right after a noun for a work (“the novel Wolf Hall”, “a computer game Never
    End”): the title of a book, film or game, neither a person nor a body; and names always
    met as a nickname (“known as the Sage of Omaha”), unless a body noun says what bears it
    (“a shop known as Inzozi”)."""
    found = {str(m.key) for m in mentions if m.key is not None and m.key[:1].isupper()
             and _WORK_BEFORE.search(text, max(0, m.start - 40), m.start)}
    spots: dict[str, list[bool]] = {}
    for m in mentions:
        if m.key is not None and m.key[:1].isupper():
            spots.setdefault(m.key, []).append(bool(_NICKNAMED.search(
                text, max(0, m.start - 20), m.start)) and not after_body_noun(text, m.start))
    return found | {key for key, nicknamed in spots.items() if all(nicknamed)}
