"""A new event's people and description guessed from the words selected in the article."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from quizgen.studio.mentions import _QUOTES, _clean, _last_named, mentions, sentence_around


def _involved(article: str, start: int, end: int, people: Sequence[Mapping[str, Any]]
              ) -> list[str]:
    """The people an event's words name, but not a country named only as where ("in
    Pakistan", "from Venezuela"): a place, not someone who took part."""
    kinds = {str(p["id"]): p.get("kind") for p in people}
    found = []
    whose: list[str] = []
    where_end = -1  # where the last country named as where ends
    for low, high, person_id in mentions(article[start:end], people, offset=start):
        where = re.search(r"\b(?:in|from|to|across|of|at|on|into|throughout)\s+(?:the\s+)?$",
                          article[max(0, low - 16):low])
        listed = where_end >= 0 and re.fullmatch(r"(?:,\s*|\s+and\s+|\s+or\s+)(?:the\s+)?",
                                                 article[where_end:low]) is not None
        if kinds.get(person_id) == "country" and (where is not None or listed):
            where_end = high  # "in Pakistan and the UK": both where
            continue
        if re.match(r"[’']s\b", article[high:high + 3]):
            whose.append(person_id)  # "the Taliban’s drive": whose, maybe not who took part
        elif person_id not in found:
            found.append(person_id)
    return found or whose


_SUBJECTS = {"he": "he", "she": "she", "they": "they"}
_PRONOUN_OF = {"he": "he", "she": "she", "they": "they", "him": "he", "her": "she",
               "his": "he", "their": "they", "them": "they"}
_NO_DOER = re.compile(r"(?:(?:after|before|while|when|since|upon|by)\s+)?"
                      r"(?!(?:[Ff]ollow|[Ii]nclud|[Aa]ccord|[Rr]egard|[Cc]oncern|[Dd]ur)ing\b)"
                      r"(?:[A-Za-z]+ing|[Bb]orn|[A-Z][a-z]+ed)\b")
_LEADING = re.compile(r"(?:(?:in|on|by|since|after|before|during|at|from|until|aged?|within|"
                      r"then|later|soon|eventually|finally|meanwhile|afterwards|last|earlier|"
                      r"\w+\s+(?:days?|weeks?|months?|years?)\s+(?:later|earlier|before|after))"
                      r"\b[^,;:.“”]{0,40}|\w+ly),\s+", re.I)
_MONTH_NAMES = ("January|February|March|April|May|June|July|August|September|October|November"
                "|December")
_DATED = re.compile(rf"\s+(?:in|on)\s+(?:(?:\d{{1,2}}\s+)?(?:{_MONTH_NAMES})\s+)?"
                    rf"(?:1[89]\d\d|20\d\d)\b(?!\s*[-–])")
_WHERE = re.compile(r"\b(?:in|from|to|across|of|at|on|into|throughout)\s+(?:the\s+)?$")
_NARRATORS = {"the narrator", "the writer", "the author", "the columnist", "the reporter"}


def _doer(article: str, start: int, end: int, people: Sequence[Mapping[str, Any]]
          ) -> list[str]:
    """Who does what words with no doer of their own tell ("Born on one of Cuba's islands,
    he …", "He gained fame after winning the prize"): the sentence's first "he", "she" or
    "they" outside the words, or its first person named (not as where), whichever comes
    first."""
    low, high = sentence_around(article, start, end)
    found: list[tuple[int, list[str]]] = []
    for match in re.finditer(r"\b(he|she|they)\b", article[low:high], re.I):
        at = low + match.start()
        if not start <= at < end:
            found.append((at, _last_named(article, at, at, match.group(1).lower(), people)))
            break
    kinds = {str(p["id"]): p.get("kind") for p in people}
    for at, _, person_id in mentions(article[low:high], people, offset=low):
        if not start <= at < end and (kinds.get(person_id) != "country" or
                                      _WHERE.search(article[max(0, at - 16):at]) is None):
            found.append((at, [person_id]))
            break
    return min(found)[1] if found and min(found)[1] else []


def _event_people(article: str, start: int, end: int, people: Sequence[Mapping[str, Any]]
                  ) -> list[str]:
    """An event's people: whom words with no doer of their own are about (_doer), whom each
    he, she, her, his or him in the words points back to (from where it stands), and the
    people the words name (_involved)."""
    words = article[start:end].strip(_QUOTES + " ")
    named = _doer(article, start, end, people) if _NO_DOER.match(words) else []
    if re.match(r"(?:who|which)\b", words):  # "…, who won an award": the one named before
        low = sentence_around(article, start, end)[0]
        before = mentions(article[low:start], people, offset=low)
        named = [before[-1][2]] if before else named
    narrator = [str(p["id"]) for p in people if str(p.get("name", "")).lower() in _NARRATORS]
    if narrator and re.search(r"\b(?:I|me|my|myself)\b", words) and narrator[0] not in named:
        named.append(narrator[0])  # "I had opened a shop": the one the article's "I" is
    for match in re.finditer(r"\b(he|she|her|his|him)\b", article[start:end], re.I):
        at = start + match.start()
        for person_id in _last_named(article, at, at, _PRONOUN_OF[match.group(1).lower()],
                                     people):
            if person_id not in named:
                named.append(person_id)
    for person_id in _involved(article, start, end, people):
        if person_id not in named:
            named.append(person_id)
    return named


_DOING = re.compile(r"(?:(?:after|before|while|when|since|upon|by|on)\s+)?([a-z]+ing)\b", re.I)
_NOT_DONE = {"following", "including", "according", "regarding", "concerning", "during",
             "being", "having"}
_IRREGULAR = {  # the past tense of the common irregular verbs, by their -ing form
    "becoming": "became", "beginning": "began", "breaking": "broke", "bringing": "brought",
    "building": "built", "buying": "bought", "catching": "caught", "choosing": "chose",
    "coming": "came", "doing": "did", "drawing": "drew", "driving": "drove", "eating": "ate",
    "falling": "fell", "feeling": "felt", "fighting": "fought", "finding": "found",
    "flying": "flew", "forgetting": "forgot", "getting": "got", "giving": "gave",
    "going": "went", "growing": "grew", "hanging": "hung", "hearing": "heard",
    "hitting": "hit", "holding": "held", "keeping": "kept", "knowing": "knew",
    "leading": "led", "leaving": "left", "letting": "let", "lying": "lay", "losing": "lost",
    "making": "made", "meeting": "met", "paying": "paid", "putting": "put", "reading": "read",
    "riding": "rode", "rising": "rose", "running": "ran", "saying": "said", "seeing": "saw",
    "seeking": "sought", "selling": "sold", "sending": "sent", "setting": "set",
    "shooting": "shot", "singing": "sang", "sitting": "sat", "sleeping": "slept",
    "speaking": "spoke", "spending": "spent", "standing": "stood", "stealing": "stole",
    "swimming": "swam", "taking": "took", "teaching": "taught", "telling": "told",
    "thinking": "thought", "throwing": "threw", "understanding": "understood",
    "waking": "woke", "wearing": "wore", "winning": "won", "writing": "wrote", "dying": "died"}


def past_tense(doing: str) -> str:
    """The simple past of a verb's -ing form ("winning" → "won", "calling" → "called",
    "creating" → "created", "stopping" → "stopped", "studying" → "studied")."""
    low = doing.lower()
    if low in _IRREGULAR:
        return _IRREGULAR[low]
    stem = low[:-3]
    if re.search(r"[^aeiou]y$", stem):
        return stem[:-1] + "ied"
    return stem + "ed"


def event_description(article: str, start: int, end: int,
                      people: Sequence[Mapping[str, Any]]) -> str:
    """An event's words as the answer tables write a description: a leading "On 9 October,"
    or "By 15," left to the date; "Born …" with no doer as "NAME was born …"; a leading "she"
    as the person it points back to, and a "her" or "his" whose person the description has
    not named as theirs ("Death threats followed Malala's growing recognition"); "has
    opened" as "opened"."""
    words = _clean(article[start:end]).strip(_QUOTES + " ").rstrip(_QUOTES + " ,.")
    offset = start + article[start:end].find(words[:1]) if words else start
    lead = _LEADING.match(words)
    if lead is not None and re.match(r"(?:he|she|they|the|a|an)\b|[A-Z]", words[lead.end():]):
        words, offset = words[lead.end():], offset + lead.end()
    doer = _doer(article, start, end, people) if _NO_DOER.match(words) else []
    doing = _DOING.match(words)
    if re.match(r"[Bb]orn\b", words) and doer:
        words = _called(article, doer[0], people) + " was born" + words[4:]
    elif doing is not None and doer and doing.group(1).lower() not in _NOT_DONE:
        words = _called(article, doer[0], people) + " " + past_tense(doing.group(1)) + \
            words[doing.end():]
    apostrophe = "’" if "’" in article else "'"
    said: set[str] = set()
    out = []
    for i, token in enumerate(re.split(r"(\b(?:he|she|they|her|his|their)\b)", words,
                                       flags=re.I)):
        pronoun = token.lower()
        if i % 2 == 0 or pronoun not in _PRONOUN_OF:
            said.update(m[2] for m in mentions(token, people))
            out.append(token)
            continue
        at = offset + len("".join(out))
        who = _last_named(article, at, at, _PRONOUN_OF[pronoun], people)
        name = _called(article, who[0], people) if who else ""
        if name and pronoun in _SUBJECTS and i == 1 and not "".join(out).strip():
            out.append(name)
        elif name and pronoun in ("her", "his", "their") and who[0] not in said and \
                not _next_is_object(words, "".join(out) + token):
            out.append(name + apostrophe + "s")
        else:
            out.append(token)
        if who:
            said.add(who[0])
    text = re.sub(r"\b(?:has|have|had)\s+(\w+ed)\b", r"\1", "".join(out))
    text = _DATED.sub("", text)  # "Food shortages in 2008 led to …": the year is its date
    narrator = next((str(p["name"]) for p in people
                     if str(p.get("name", "")).lower() in _NARRATORS), "")
    if narrator:  # "I had opened a shop": "The narrator had opened a shop"
        text = re.sub(r"\b(?:I|me|myself)\b", narrator, text)
        text = re.sub(r"\bmy\b", narrator + apostrophe + "s", text)
    return text[:1].upper() + text[1:]


def _called(article: str, person_id: str, people: Sequence[Mapping[str, Any]]) -> str:
    """How the article calls a person most often ("Malala", not "Malala Yousafzai", when it
    calls her so; the latest of equals), else the person's name."""
    counts: dict[str, int] = {}
    for low, high, found in mentions(article, people):
        if found == person_id:
            text = " ".join(article[low:high].split())
            counts[text] = counts.pop(text, 0) + 1  # popped: the latest of equals comes last
    name = next((str(p.get("name") or "") for p in people if str(p["id"]) == person_id), "")
    return max(reversed(counts), key=lambda t: counts[t]) if counts else name


def _next_is_object(words: str, upto: str) -> bool:
    """Whether the "her" just read is an object ("put her forward"), not a possessive: no
    noun follows it."""
    rest = words[len(upto):]
    return re.match(r"\s*(?:(?:forward|back|up|down|out|in|to|as|and|at|for|with)\b|[,.;:]|$)",
                    rest) is not None
