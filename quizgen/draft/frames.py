"""A bare measure said with its clause: "number of internationals in which Ana Ruiz played"."""

from __future__ import annotations

import re

from quizgen.article.lexicon import REPORTING_VERBS, words
from quizgen.article.numbers import NumberHit
from quizgen.draft.counts import count_clause
from quizgen.draft.figure_text import last_cut
from quizgen.draft.measures import PAST_VERBS, relative_owner
from quizgen.draft.quotes import Attributor

# Words a clause may open with that belong to no subject ("and", "but", "while", "so").
_OPENERS = words("and but or so while whereas although though because as when if since then"
                 " also yet which that who where")
# Words between a clause and its number that say how much, not what ("about", "as many as").
_HOW_MUCH = re.compile(r"(?:\s+(?:about|around|some|nearly|almost|roughly|approximately|just"
                       r"|only|over|under|up|to|at|least|most|more|less|fewer|than|as|many"
                       r"|much|fast|far|high|long|an|a|the|estimated|another|extra|further"
                       r"|additional|all|(?:average|total|maximum|minimum|allocation|quota|batch|fleet|herd|flock"
                       r"|group|team|squad|supply)\s+of))+\s*$",
                       re.IGNORECASE)
# Prepositions a count or span is the object of: said first, with "which".
_PREPOSITIONS = words("for in within over during after on at by from into across among through"
                      " throughout under")
_AUX = words("is are was were be been has have had will would can could may might must should"
             " shall do does did")
_VERBISH = words("take takes took spend spends spent last lasts lasted wait waits waited need"
                 " needs needed hold holds held keep keeps kept play plays played serve serves"
                 " served live lives lived work works worked sleep sleeps slept run runs ran"
                 " give gives gave get gets got make makes made use uses used reach reaches"
                 " reached fall falls fell rise rises rose cost costs pay pays paid win wins won"
                 " lose loses lost score scores scored carry carries carried contain contains"
                 " contained employ employs employed receive receives received"
                 " want wants wanted see sees saw sell sells sold buy buys bought")
_TRADES = words("sell sells sold buy buys bought")
_FIRST_SECOND = words("i me my we us our you your him them")
_SUBJECT_PRONOUNS = words("he she they it")


def resolved(attributor: Attributor, start: int, end: int) -> str:
    """The masked text of a span, each he/she/him/her in it replaced by the person's name."""
    parts: list[str] = []
    at = start
    for mention in attributor.in_span(start, end):
        if mention.key is not None:
            continue
        key = attributor.key_of(mention)
        if key is None or attributor.entities[key].kind != "person":
            continue
        parts += [attributor.masked[at:mention.start], attributor.entities[key].name]
        at = mention.end
    parts.append(attributor.masked[at:end])
    return " ".join("".join(parts).split())


def _has_verb(found: list[str]) -> bool:
    return any(w.lower() in _AUX | _VERBISH or (w.islower() and w.endswith("ed"))
               or (w.islower() and w in PAST_VERBS) for w in found)  # "withdrew", "sent"


def _sentence_subject(attributor: Attributor, start: int) -> list[str]:
    """The name, he/she or "the" noun a sentence opens with, as named ("She …": Carolina
    Morace; "The strike lasted …": the strike), else []."""
    plain = re.match(r"\s*(?:The|A|An|Its|Their)\s+((?:[a-z][\w’'-]*\s+)?[a-z][\w’'-]*)\s+(?=(?:"
                     r"[a-z]+ed|has|had|have|is|was|were|are|will|would|can|could)\b)",
                     attributor.masked[start:start + 60])
    if plain is not None:
        return ["the", *plain.group(1).split()]
    each = re.match(r"\s*(Each|Every)\s+([a-z][\w’'-]*(?:\s+of\s+(?:the\s+|a\s+|an\s+)?"
                    r"[\w’'-]+)?)\s+(?=[a-z]+s\b)", attributor.masked[start:start + 60])
    if each is not None:  # "Each transit of the moon dims …": each transit of the moon
        return [each.group(1).lower(), *each.group(2).split()]
    opening = re.match(r"\s*((?:[A-Z][\w’'-]+\s+){0,2}[A-Z][\w’'-]+|[Hh]e|[Ss]he)(?:,\s+[^,;:.“”\"]"
                       r"{1,80},)?\s+(?=[a-z])", attributor.masked[start:start + 140])  # "X, a …,"
    if opening is None or opening.group(1) in ("The", "A", "An", "It", "This", "In", "On", "At",
                                               "But", "And", "When", "If", "They"):
        return []
    named = resolved(attributor, start + opening.start(1), start + opening.end(1)).split()
    return [] if named[0] in ("He", "She", "he", "she") else named


_LAST_NOT = words("both all each of a an the to")
_PARTICLES = words("away up out off back down over on in")
_ADVERBS = words("only still also just now already even never ever often")
_NUMBER_WORDS = words("one two three four five six seven eight nine ten eleven twelve twenty"
                      " thirty forty fifty hundred thousand million billion dozen")


def _unframed(found: list[str]) -> bool:
    """Words that make no frame: too few or too many, no verb, a digit, I/we/you, no
    subject, a reporting verb, or an ending a clause cannot have ("… of", "… containing")."""
    if len(found) < 2 or len(found) > 12 or not _has_verb(found[1:]):
        return True
    first, last = found[0], found[-1]
    return any((any(c.isdigit() for c in w) and not w[:1].isupper())  # "Kessler-7b": a name
               or w.lower() in _FIRST_SECOND | REPORTING_VERBS | _NUMBER_WORDS for w in found) \
        or first.lower() in _SUBJECT_PRONOUNS | _AUX | _VERBISH | _PREPOSITIONS or (
            first.islower() and first.endswith("ed")) or \
        last.lower() in _AUX | _OPENERS | _LAST_NOT or (
            last.islower() and last.endswith(("ing", "ly")))


def _ends_on_verb(found: list[str]) -> bool:
    """Words ending on their verb ("the stadium holds", "can endure", "has given away") or on
    the one the amount is given to ("cost the firm"), not on its object ("sent troops")."""
    kept = [w for w in found if not (w.islower() and (w.endswith("ly") or w in _ADVERBS))]
    last, before = found[-1], kept[-2].lower() if kept[1:] else ""  # "can only endure"
    given = kept[-2:-1] in (["the"], ["a"], ["an"], ["its"], ["their"]) and kept[2:] and \
        _has_verb(kept[-3:-2])  # "cost the firm £4m": the one given to, then the amount
    return _has_verb([last]) or before in _AUX or last.lower() in _PARTICLES or bool(given) or (
        last.endswith("s") and not _has_verb([before]))


def frame_measure(attributor: Attributor, hit: NumberHit, head: str) -> str:
    """The head ("time", "number of games", "distance") said with the clause the number ends:
    its subject (a he/she named) and verb, a preposition before the number put first ("after
    only two games, she resigned" is no such clause; "She played for Italy in 153
    internationals": number of internationals in which Carolina Morace played for Italy);
    "" when the clause has no verb, speaks as I/we/you, or holds another number."""
    sentence = attributor.article.sentence_at(hit.start)
    cut = last_cut(attributor.masked, sentence.start, hit.start)
    before = _HOW_MUCH.sub("", " " + attributor.masked[cut:hit.start])
    found = resolved(attributor, cut, cut + len(before) - 1).split() if before.strip() else []
    found = [w for w in found if w not in ("“", "”", '"')]
    joined = max((i + 1 for i, w in enumerate(found[:-1]) if w in ("and", "but") and (
        found[i + 1].lower() in _AUX | _VERBISH or found[i + 1].endswith("ed"))), default=0)
    found = found[joined:]  # "She was … and played for Italy in": played for Italy in
    if found[1:] and found[0] in ("which", "who"):
        owner = relative_owner(attributor.masked[sentence.start:max(sentence.start, cut - 1)],
                               found[0])
        if owner == [found[0]]:
            return ""  # "which will give him": whose clause it is, the text does not say
        found = [*owner, *found[1:]]  # "the award, which will give": the award will give
    while found and found[0].lower() in _OPENERS:
        found.pop(0)
    relative = next((i for i, w in enumerate(found[1:-1], 1) if w in ("that", "which", "who")
                     and (found[i + 1].lower() in _AUX | _VERBISH or found[i + 1].endswith("ed"))),
                    0)
    if relative:  # "the site that won 30m users": number of users that the site won
        found = found[:relative] + found[relative + 1:]
    prep = ""
    if found and found[-1].lower() in _PREPOSITIONS:
        prep = found.pop().lower()
    if found and (found[0].lower() in _AUX | _VERBISH or (found[0].islower() and
                                                          found[0].endswith("ed"))):
        found = _sentence_subject(attributor, sentence.start) + found  # "… and played for"
    if found and found[0].lower() in _QUANTIFIERS | {"each", "every", "this", "that", "these",
                                                     "those", "such"}:
        found[0] = found[0].lower()  # "Each transit lasts": each transit
    if found[1:] and found[0].lower() in _QUANTIFIERS | {"each", "every"} and (
            found[1].lower() in _AUX | _VERBISH or found[1].endswith("s")):
        return ""  # "Each lasts": each what?
    if _unframed(found) or head.split()[-1] in found:
        return ""  # "a soldier was reported" (its source); "The number of bears has risen to"
    if not prep and not _ends_on_verb(found):
        return ""  # "The army sent troops to": no frame ends on its object ("sent troops")
    shown = " ".join(found)
    if head == "money" and prep == "for" and found[-1].lower() in _TRADES:
        head = "price"  # "Heath Lodge sold for £12m": price for which Heath Lodge sold
    return f"{head} {prep} which {shown}" if prep else f"{head} that {shown}"


_LISTED = re.compile(r"\s+and\s+((?:[\w’'-]+\s+){0,2}?[a-zA-Z][\w’'-]*)\s+(?=(?:were|was|are|is"
                     r"|have|has|had)\s)")
_QUANTIFIERS = words("many some several few more most other others dozens hundreds thousands"
                     " millions all both his her their its the a an")


def listed_count(text: str, unit_end: int, noun: str) -> str:
    """ "two siblings and many cousins were killed": the counted noun's verb after the rest
    of its list ("siblings killed in the genocide"; "Tutsis and moderate Hutus killed"), or
    "" when no list and verb follow the noun."""
    listed = _LISTED.match(text, unit_end)
    if listed is None or any(c.isdigit() for c in listed.group(1)):
        return ""
    clause = count_clause(text, listed.end(1), noun)
    if not clause:
        return ""
    other = listed.group(1)
    shown = noun if other.split()[0].lower() in _QUANTIFIERS else f"{noun} and {other}"
    return f"number of {shown} {clause}"


_LEVEL = re.compile(r"(?P<what>[A-Za-z][\w’'-]*(?:\s+[\w’'-]+){0,5}?)\s+(?:(?:is|are|was|were)\s+)?"
                    r"(?:now\s+|still\s+|already\s+)?(?P<verb>up|down|stands\s+at|stood\s+at|hit"
                    r"|hits|reached|reaches|is|are|was|were|remains|remained|fell\s+to|rose\s+to)"
                    r"\s+(?:(?:about|around|nearly|almost|more\s+than|less\s+than|over|under|just"
                    r"|only|some|roughly|a\s+record|now|still|already)\s+)*$")
_EXPECT = words("expect expects forecast forecasts predict predicts show shows suggest suggests"
                " say think thinks believe believes estimate estimates see sees")
_NOT_SUBJECT = words("it this that they he she we i you there which who what one")


def level_of(attributor: Attributor, hit: NumberHit) -> str:
    """What a percentage is the level of, or the rise or fall in: "Support for the party
    stands at 31%" (support for the party), "Inflation hit 10.1%" (inflation), "revenues up
    36%" (rise in revenues); "" when no plain noun phrase comes before the verb."""
    sentence = attributor.article.sentence_at(hit.start)
    cut = last_cut(attributor.masked, sentence.start, hit.start)
    match = _LEVEL.search(" ".join(attributor.masked[cut:hit.start].split()) + " ")
    if match is None:
        return ""
    found = match.group("what").split()
    verbs = [i for i, w in enumerate(found) if w.lower() in _AUX | _VERBISH | REPORTING_VERBS
             | _EXPECT or (w.islower() and w.endswith("ed"))]
    found = found[verbs[-1] + 1:] if verbs else found  # "Analysts expect revenues up"
    while found and found[0].lower() in _OPENERS | {"the", "a", "an"}:
        found.pop(0)
    if not found or len(found) > 5 or found[0].lower() in _NOT_SUBJECT | _FIRST_SECOND or any(
            any(c.isdigit() for c in w) for w in found) or found[-1].lower() in _LAST_NOT or \
            " ".join(found).lower() in ("figure", "number", "total", "amount", "level"):
        return ""
    named = {attributor.masked[m.start:m.end].split()[0] for m in attributor.in_span(
        cut, hit.start) if attributor.masked[m.start:m.end].split()}
    if found[0][1:].islower() and found[0] not in named:
        found[0] = found[0].lower()  # "Inflation hit": inflation, not a name
    verb = match.group("verb")
    shown = " ".join(found)
    return f"rise in {shown}" if verb == "up" else f"fall in {shown}" if verb == "down" \
        else shown
