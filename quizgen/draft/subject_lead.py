"""Words news puts before a clause's subject that are no part of it: a time, a role adjective."""

from __future__ import annotations

import re

from quizgen.article.lexicon import DEMONYM_ENDINGS, REPORTING_VERBS, ROLE_ADJECTIVES
from quizgen.draft.mentions import Mention

_DAYS = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|weekend"
_MONTHS = (r"January|February|March|April|May|June|July|August|September|October|November"
           r"|December")
_PERIODS = r"week|month|year|night|morning|afternoon|evening|spring|summer|autumn|winter"
# A time opening a clause with no comma after it: "Last week the company said", "On Monday
# police said", "Yesterday the minister told", "In 2019 Ana Ruiz wrote", "Earlier this month
# officials said" (the subject comes after it).
_TIME_LEAD = re.compile(
    rf"\s*(?:(?:[Oo]n|[Ll]ate|[Ee]arly)\s+(?:(?:last|this|next)\s+)?(?:{_DAYS})"
    rf"(?:\s+(?:morning|afternoon|evening|night))?"
    rf"|(?:[Ll]ast|[Tt]his|[Ee]arlier\s+this|[Ll]ater\s+that|[Ee]arlier\s+that)\s+(?:{_PERIODS}"
    rf"|{_DAYS})"
    rf"|(?:[Yy]esterday|[Tt]oday)(?:\s+(?:morning|afternoon|evening))?"
    rf"|[Ii]n\s+(?:(?:early|late|mid-?)\s*)?(?:(?:{_MONTHS})(?:\s+\d{{4}})?|\d{{4}}))"
    r"\s+(?=[A-Za-z])(?!(?:and|or|but|to|of|as|is|was|were|are|has|had|have)\b)")


def after_time_lead(masked: str, start: int, end: int) -> int:
    """Where a clause's subject may start: past a time opening it with no comma (“Last week
    the company said …”), else `start`."""
    match = _TIME_LEAD.match(masked, start, end)
    return match.end() if match is not None else start


def role_adjectives(prefix: str) -> bool:
    """Whether the words before a name are only role adjectives and demonyms (“Local MP Ana
    Ruiz said”, “Veteran coach Tom Hale”, “Japanese officials said”): the name is still the
    subject."""
    found = [w for w in prefix.split() if w.lower() not in ("the", "a", "an")]
    return bool(found) and all(w.lower() in ROLE_ADJECTIVES or (
        w[:1].isupper() and w[1:].islower() and w.endswith(DEMONYM_ENDINGS) and len(w) > 4)
        for w in found)


# "…, and Ana Ruiz predicts that …": a clause joined by "and" or "but", a name and its verb of
# speech.
_JOINED = re.compile(r"\b(?:and|but|while|whereas)\s+$")
_VERB_AFTER = re.compile(r"\s+(?:also\s+|now\s+|even\s+)?([a-z]+)\b")


def joined_speaker(masked: str, start: int, found: list[Mention], *,
                   unless: list[Mention] | None = None) -> list[Mention]:
    """The subject of a clause joined inside another by “and” or “but”, a name then a verb of
    speech (“A number of firms have nap pods and Ana Ruiz predicts that …”; round 23): the
    first such name, else none; none when the clause's own subject (`unless`) speaks itself
    (“Ana Ruiz said … and Tom Hale says …”)."""
    if unless and _speaks(masked, unless[-1].end):
        return []
    for mention in found:
        if _JOINED.search(masked, max(start, mention.start - 10), mention.start) and \
                _speaks(masked, mention.end):
            return [mention]
    return []


def _speaks(masked: str, end: int) -> bool:
    """Whether a verb of speech follows a name ending at `end` ("said", "predicts")."""
    verb = _VERB_AFTER.match(masked, end)
    return verb is not None and (verb.group(1) in REPORTING_VERBS or (  # "predicts"
        verb.group(1).endswith("s") and f"{verb.group(1)[:-1]}ed" in REPORTING_VERBS))


# What follows a person's full name opening a sentence: an apposition or a verb of speech
# ("Mark Owen, a historian, said", "Grace Hale said").
_PERSON_AFTER = re.compile(r"(?:,[^\S\n]+(?:an?|the|who|whose|\d)\b|[^\S\n]+(?:said|says|told"
                           r"|added|adds|explained|explains|agreed|agrees|admitted|warned)\b)")


def first_name_opening(masked: str, end: int, word: str) -> bool:
    """Whether a common word opening a sentence before one more capitalised word is a first
    name (“Mark Owen, a historian, said …” though the article writes “to mark”): the two
    words are then followed by an apposition or a verb of speech (round 23)."""
    return word.isalpha() and not word.endswith("ly") and word.lower() not in _PARTICLES and \
        _PERSON_AFTER.match(masked, end) is not None


# Particles a surname opens with, capitalised at a sentence's start ("De Wit said"): no first
# name.
_PARTICLES = frozenset({"de", "van", "von", "der", "den", "da", "di", "du", "la", "le", "del",
                        "della", "dos", "das", "bin", "ibn", "al", "el", "ter", "ten", "mac"})


# A his or her that is a possessive or reflexive (never the object "her": "thanked her"); moved
# from quotes.py (round 23).
HIS = re.compile(r"\b(?:his|himself)\b")
HER = re.compile(r"\bherself\b|\bher\s+(?!(?:to|for|with|and|or|in|on|at|a|an|the|that|as|by"
                 r"|from|of|when|if|because|about|into|up|down|out|back|off|over|again)\b)"
                 r"[a-z]")
OPENING_POSSESSIVE = re.compile(r"\s*(His|Her)\s+[a-z]")
# A speaker described after a quotation as going on: the one who spoke the quotation before.
GOES_ON = re.compile(r"[,\s]*(?:the|a|an)\s+[\w’'-]+(?:\s+[\w’'-]+)?\s+(?:continued|went\s+on"
                     r"|carried\s+on)\b|[,\s]*(?:continued|went\s+on)\s+the\b")
# Between two quotations of a sentence, the first one's speaker adding the second ("“…,” she
# said, before adding that she had “…”", "…, adding: “…”"; round 23).
ADDING = re.compile(r"[,\s]*(?:(?:he|she|they|it|[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)\s+(?:said"
                    r"|says|told\s+[^,;:.“”\"]{1,40})[,\s]+)?(?:before\s+|and\s+|then\s+)?"
                    r"(?:adding|added|adds|going\s+on\s+to\s+say|went\s+on\s+to\s+say)"
                    r"(?:\s+that)?[^.;“”\"]{0,80}?[:,\s]*")
# A possessive and a noun right before a name open a subject: "His colleague Ana Ruiz
# agreed", "Her lawyer Tom Hale said" (no comma: the noun describes the name after it).
KIN_BEFORE = re.compile(r"\s*(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur)(?:\s+[a-z][a-z-]*){0,3}"
                        r"(?<!\bof)(?<!\bby)(?<!\bto)(?<!\bfor)(?<!\bwith) ")
