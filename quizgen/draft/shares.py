"""What a percentage is a share of: "share of voters who oppose the plan"."""

from __future__ import annotations

import re

from quizgen.article.lexicon import DEMONYM_ENDINGS, UNIT_STOP
from quizgen.draft.counts import count_clause
from quizgen.draft.figure_text import relative_after

_OWNERS = ("the", "its", "their", "his", "her", "our", "all", "this", "that")


def share_words(text: str, end: int) -> list[str]:
    """The words after "N% of" a share is of, with their relative clause or verb ("those who
    took part", "voters who oppose the plan", "British adults who have never run a marathon",
    "the money that went to schools"); [] when no "of" follows."""
    of = re.match(r"\s+of\s+((?:(?:the|all(?:\s+the)?)\s+)?[\w’'-]+(?:\s+[\w’'-]+)?)",
                  text[end:end + 60])  # "all" like "the": "25% of all ocean life" (round 22)
    if of is None:
        return []
    words = of.group(1).split()
    if len(words) == 2 and words[0].lower() not in _OWNERS and not (
            (words[0].islower() or words[0].endswith(DEMONYM_ENDINGS))
            and words[1].endswith("s") and not words[1].endswith("ss")
            and words[1].lower() not in UNIT_STOP):
        words = words[:1]  # "70 percent of Calderians oppose": the verb is not in it
    while len(words) > 1 and words[-1].lower() in UNIT_STOP | {"against", "versus"}:
        words.pop()
    if len(words) > 1:  # "12% of the money went to schools": "went" is the money's verb
        shorter = end + of.start(1) + len(" ".join(words[:-1]))
        clause = count_clause(text, shorter, words[-2]).split()
        if words[-1] in clause[:4]:
            words.pop()
    ending = end + of.start(1) + len(" ".join(words))
    rest = relative_after(text, ending) or count_clause(text, ending, words[-1]).split()
    if rest[:1] in (["who"], ["that"]):  # "64% of those who took part had backed it": the
        more = _predicate(text, ending, rest)  # share that did what the sentence says
        participle = [] if more or rest[:1] != ["that"] else _predicate(text, ending, rest[1:])
        rest = [*rest[1:], "that", *participle[1:]] if participle else rest + more  # "of
        # the rubbish left on site was recycled": left on site that was recycled (round 22)
    if rest[:2] == ["that", "being"]:  # "70% of all water being in farming": that is in it
        rest[1] = "are" if words[-1].endswith("s") and not words[-1].endswith("ss") else "is"
    if not rest and (said := _saying(text, ending)):  # "93% of voters in Peru said that …"
        rest = said
    if words[0].lower() in ("whom", "which"):  # "the press, 70% of whom are …": the press
        owner = _owner_before(text, end)
        return [*owner, *rest] if owner else []
    return words + rest


_SAID_SHARE = re.compile(r"((?:\s+(?:from|in)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)?)"
                     r"(?:\s+(?:from|across|in)\s+(?:more\s+than\s+|about\s+|around\s+)?\d[\d,]*"
                     r"\s+[a-z]+)?"  # "of respondents from 23 countries said": how many, a figure
                     r"\s+(said|say|says|believe|believed|believes|think|thinks|thought|consider"
                     r"|considers|considered|reported|report|reports)\s+([^.;:!?“”\"]{3,200})")


def _saying(text: str, end: int) -> list[str]:
    """ "from Peru who said that fishing matters" after "N% of respondents": where they are
    from, and what they said, believed or considered (a dash's aside left out), up to 14
    words; [] when no such verb follows the counted noun."""
    said = _SAID_SHARE.match(text, end)
    if said is None:
        return []
    aside = re.sub(r"\s+[–—]\s+[^–—]{1,40}?\s+[–—]\s+", " ", said.group(3))
    clause = re.split(r"\s+[–—]\s+|,\s", aside)[0].split()
    if clause[:14][-1:] and clause[:14][-1].lower() in ("is", "are", "was", "were", "be", "being"):
        return []  # "said that X is “…”": what was said runs into a quotation, cut there
    return [*said.group(1).split(), "who", said.group(2), *clause[:14]]


_JOINS = frozenset({"and", "but", "while", "whereas", "which", "because", "although", "though",
                    "so", "if", "when", "than"})


def _predicate(text: str, end: int, clause: list[str]) -> list[str]:
    """ "who had backed a new holiday in winter" after "those who took part": the sentence's
    verb phrase right after a relative clause (`clause`, from `end`), when it opens on "had",
    "were", "would" …, up to punctuation or a joining word; [] otherwise."""
    after = re.match(r"\s+" + r"\s+".join(map(re.escape, clause)) + r"\s+(?=(?:is|are|was|were"
                     r"|has|have|had|will|would|could|can|may|might|should|must)\s)",
                     text[end:end + 200])
    if after is None or {w.lower() for w in clause} & {"said", "says", "say", "told", "think",
                                                        "thought", "believe", "they", "he", "she"}:
        return []  # "voters who were asked said they would …": whose clause ends where?
    found: list[str] = []
    for word in re.findall(r"[^\s,.;:!?()“”\"—–]+|[,.;:!?()“”\"—–]",
                           text[end + after.end():end + after.end() + 120]):
        if not word[:1].isalpha() or word.lower() in _JOINS or len(found) == 8 or any(
                c.isdigit() for c in word):
            break
        found.append(word)
    while found and found[-1].lower() in _TRIM:
        found.pop()
    return [clause[0], *found] if len(found) >= 2 else []


# What "of whom" or "of which" after a comma stands for: "the national press, 70% of whom",
# "1,500 species, nearly half of which" (the species).
_OWNER_END = re.compile(r"(?:^|\s)(?:the|its|their|his|her|\d[\d,.]*(?:\s*(?:million|billion|m"
                        r"|bn))?)\s+((?:[a-z][\w’'-]*\s+){0,2}[a-z][\w’'-]*)\s*$", re.IGNORECASE)


def _owner_before(text: str, end: int) -> list[str]:
    """The noun phrase before the comma that sets off "N% of whom/which", with "the"; []."""
    before = text[max(0, end - 200):end]
    comma = before.rfind(",")
    found = _OWNER_END.search(before[:comma]) if comma > 0 else None
    return ["the", *found.group(1).split()] if found is not None else []


# A verb right after a bare percentage: it is the share of a group that does it ("40% said
# they ate breakfast", "20% are obese").
_DOING = re.compile(r"\s+(?:of\s+them\s+)?(?P<verb>said|say|says|think|thought|believe|believed"
                    r"|want|wanted|agreed|agree|admitted|admit|reported|report|voted|vote"
                    r"|are|were|have|had|do|did|would|will|could|can|eat|ate|own|owned"
                    r"|use|used|live|lived|work|worked|prefer|preferred|plan|planned"
                    r"|(?!(?:increased|decreased|declined|dropped|jumped|climbed|doubled)\b)"
                    r"[a-z]{3,}ed)\b")  # "45% worried about costs" (round 18)
_SAYING = ("said", "say", "says", "think", "thought", "believe", "believed", "want", "wanted",
           "agreed", "agree", "admitted", "admit", "reported", "report", "voted", "vote",
           "prefer", "preferred")
# The group a percentage is of, named before it in its sentence ("a survey of 2,000 adults",
# "a third of children", "Among teenagers,").
_GROUP_BEFORE = re.compile(r"\b(?:of|among|Among)\s+(?:[\d,]+\s+|the\s+|all\s+)?(?P<group>"
                           r"(?:[a-z][\w-]*\s+)?(?:[a-z][\w-]*[^s\W]s|children|people|men"
                           r"|women))\b")


def share_doing(text: str, start: int, at: int, end: int) -> str:
    """ "share of adults who said they ate breakfast every day" for "In a survey of 2,000
    adults, 40% said they ate breakfast every day": a bare percentage and the verb after it,
    of the group named before it in its sentence (else of people, for what people say or
    think); "" when no verb follows."""
    doing = _DOING.match(text, end)
    if doing is None:
        return ""
    groups = list(_GROUP_BEFORE.finditer(text, start, at))
    group = groups[-1].group("group") if groups else "people" if doing.group("verb") in \
        _SAYING else ""
    found: list[str] = []
    for word in re.findall(r"[^\s,.;:!?()“”\"—–]+|[,.;:!?()“”\"—–]", text[doing.start("verb"):
                                                                        doing.start("verb")
                                                                        + 100]):
        if not word[:1].isalpha() or len(found) == 10 or any(c.isdigit() for c in word) or \
                word.lower() in ("but", "while", "whereas", "and", "although", "compared"):
            break
        found.append(word)
    while found and found[-1].lower() in _TRIM:
        found.pop()
    if not group or len(found) < 2:
        return ""
    return f"share of {group} who {' '.join(found)}"


_TRIM = frozenset({"of", "the", "a", "an", "in", "to", "for", "with", "by", "on", "at", "from",
                   "that", "than", "more", "less"})


_LIKELY = re.compile(r"\s+(less|more)\s+likely\s+(?:than\s+[^,.;:]{1,40}?\s+)?to\s+([a-z]+)"
                     r"((?:\s+(?!than\b|if\b|when\b|because\b)[a-z][\w’'-]*){0,5})")


def likelihood(text: str, end: int) -> str:
    """ "fall in the likelihood of developing dementia" for "33% less likely to develop
    dementia": how much likelier or less likely something is; "" otherwise."""
    match = _LIKELY.match(text, end)
    if match is None:
        return ""
    verb = match.group(2)
    doing = verb[:-1] + "ing" if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")) \
        else verb + "ing"  # "develop" → "developing", "have" → "having"
    if re.fullmatch(r"[a-z]?[^aeiou][aeiou][bdgmnprt]", verb):
        doing = verb + verb[-1] + "ing"  # "drop" → "dropping", "get" → "getting"
    doing = {"die": "dying", "lie": "lying", "be": "being", "see": "seeing"}.get(verb, doing)
    rest = match.group(3).split()
    while rest and rest[-1].lower() in _TRIM:
        rest.pop()
    change = "fall" if match.group(1) == "less" else "rise"
    return " ".join([f"{change} in the likelihood of {doing}", *rest])


# What a thing is made of, by share: "The grain contains 15% protein", "Milk is 4% fat".
_CONTENT = re.compile(r"(?:^|[,;:—–(]\s*)(?P<what>(?:(?:the|The|a|A|an|An|its|Its|their|Their)"
                      r"\s+)?(?:[\w’'-]+\s+){0,2}?[\w’'-]+)\s+(?:contains?|contained|is|are|was"
                      r"|were)\s+(?:(?:about|around|nearly|almost|some|up\s+to|at\s+least|more"
                      r"\s+than|only|just)\s+)?$")
_SUBSTANCE = re.compile(r"\s+([a-z]{3,})(?=\s*(?:[.,;:!?]|and\b|or\b|$))")


def content_share(text: str, start: int, at: int, end: int) -> str:
    """ "share of protein in the grain" for "The grain contains 15% protein": a percentage
    before a lone noun after "contains" or "is" is the share of it in the subject; or ""."""
    substance = _SUBSTANCE.match(text, end)
    what = _CONTENT.search(text[start:at])
    if substance is None or what is None or substance.group(1) in UNIT_STOP:
        return ""
    subject = what.group("what").split()
    if subject[0] in ("The", "A", "An", "Its", "Their"):
        subject[0] = subject[0].lower()
    if subject[0][:1].islower() and subject[0] not in ("the", "a", "an", "its", "their"):
        return ""  # "… and is 4% fat" with no subject of its own
    return f"share of {substance.group(1)} in {' '.join(subject)}"


_PLACE_AFTER = re.compile(r"\s+((?:from|on|in|into|to|for|at|with)\s+(?:[\w’'-]+\s+){0,3}?"
                          r"[\w’'-]+)(?=\s*(?:[,.;:!?—–()]|\s(?:now|today|but|and|while|as"
                          r"|because|which|who)\b|$))")


def share_clause(text: str, end: int, words: list[str], clause: str) -> str:
    """ "share of their income that farmers earn from wool" for "Farmers earn 40% of their
    income from wool": a share of a bare noun phrase (`words`, after "N% of") that is the
    object of the clause before the number (`clause`, "that farmers earn"), with the
    preposition's phrase after it; "" when the noun phrase has its own clause or there is none
    before."""
    of = re.match(r"\s+of\s+" + r"\s+".join(map(re.escape, words)) + r"\b", text[end:end + 80])
    if of is None or not re.match(r"that |[a-z]+ which (?!.*\b(?:is|are|was|were|been)\b)",
                                  clause) or set(clause.lower().split()) & {
            "he", "she", "it", "they", "him", "her", "them", "we", "i", "you"}:
        return ""  # "that polls suggest he has": whom "he" stands for is not in the clause
    place = _PLACE_AFTER.match(text, end + of.end())
    where = f" {place.group(1)}" if place and not any(c.isdigit() for c in place.group(1)) else ""
    return f"share of {' '.join(words)} {clause}{where}"

