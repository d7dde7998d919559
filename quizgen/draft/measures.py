"""Measure wording for drafted figures: the words after a unit, before a number, a year's clause."""

from __future__ import annotations

import re

from quizgen.article.lexicon import QUALIFIER_WORDS, words
from quizgen.article.numbers import NumberHit
from quizgen.draft.amount_words import without_amounts as without_amounts
from quizgen.draft.clause_subjects import relative_before_present

_TAIL_STOP = words("because when while although though if as so but and or which after before"
                   " since until than whereas unless once – — according said says told")
_TAIL_TRIM = words("of the a an in to for with by on at from is are was were has have had will"
                   " would can could be been being its their his her this that these those"
                   " who which up out last past next coming first same over more about around"
                   " nearly almost between than")
_PAST_VERBS = words("took went came made gave got left fell grew ran won lost paid spent met saw"
                    " told became held kept sat stood died live lived work worked"
                    " began broke built chose drove fought flew forgot froze hid knew led meant"
                    " rang rose sang sank shook shot shut spoke spread stole struck swam threw"
                    " understood woke wore wrote bought brought caught taught thought sold found"
                    " felt heard sent withdrew set put cut hit")
_FIRST_SECOND = words("i me my we us our you your he she it they him them")
_AUXILIARIES = words("is are was were has have had may might will would can could shall should"
                     " must do does did be been")


def _clean(words_: list[str]) -> str:
    while words_ and words_[-1].lower() in _TAIL_TRIM:
        words_.pop()
    if any(w.lower() in _FIRST_SECOND and w != "US" for w in words_):  # "US": the country
        return ""  # words lifted from speech ("years of my back") are no measure
    return " ".join(words_)


def tail_words(text: str, end: int, *, limit: int = 7) -> str:
    """The words after a unit that say which amount it is ("who are malnourished", "in a
    small cumulus cloud"), up to punctuation or a new clause."""
    found: list[str] = []
    for match in re.finditer(r"\s*([^\s,.;:!?()“”\"—–]+)|(.)", text[end:end + 120]):
        word = match.group(1)
        if word is None or word.lower() in _TAIL_STOP or len(found) == limit + 3 * any(
                w in ("who", "that") for w in found[1:]) or \
                not word[:1].isalpha() or any(c.isdigit() for c in word) or (
                    (word.lower() in _AUXILIARIES or (word.endswith("ed") and word.islower()))
                    and not (found and (found[0].lower() in ("who", "that") or found[-1]
                                        in ("who", "that")))) or (  # "in Asia who have"
                    word.lower() in _AUXILIARIES and found[:1] == ["that"] and any(
                        w.lower() in _AUXILIARIES or (w.islower() and w.endswith("ed"))
                        for w in found[2:]) and found[-1].lower() not in _AUXILIARIES):
            break  # a new clause, a number, or the verb of the sentence ("people have died";
            # "the goals that Ana Ruiz scored were late": "were" is the sentence's)
        found.append(word)
    if found and found[0].lower() in _PAST_VERBS:
        found.insert(0, "who")  # "45 students took the exam": students who took the exam
    verb = next((i for i, w in enumerate(found) if i > 1 and w.lower() in _PAST_VERBS), 0)
    if verb and verb + 1 < len(found) and found[0].lower() == "of" and found[verb - 1].lower() \
            not in ("who", "that"):
        found.insert(verb, "that")  # "310mm of rain fell on the town": of rain that fell …
    return _clean(relative_before_present(found))  # "in the world that hold the title"


def before_words(text: str, start: int, at: int) -> str:
    """The clause before a number, shortened, to tell apart figures with the same measure."""
    clause = re.split(r"(?:,(?!\d)|[;:—–(])", text[start:at])[-1]
    found = [w for w in re.findall(r"[\w’'-]+", clause)][-7:]
    if any(any(c.isdigit() for c in w) for w in found):
        return ""
    while found and (found[-1].lower() in _TAIL_TRIM or found[-1].lower() in QUALIFIER_WORDS
                     or found[-1].lower() in ("about", "around", "nearly", "almost", "than",
                                              "more", "over", "some", "just", "only")):
        found.pop()
    while found and found[0].lower() in _TAIL_TRIM | _TAIL_STOP:
        found.pop(0)
    return _clean(found)


_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November"
           "|December")


# Verbs whose object is a clause ("said the world's population may …"); not "added a holiday".
_SAYS = words("said says say told tells warned warns claimed claims announced announces stated"
              " states reported reports estimated estimates believes believe believed thinks"
              " think thought predicted predicts argued argues insisted"
              " insists suggested suggests showed shows found finds predict calculates calculate"
              " calculated")
_SUBORDINATE = words("that since because when while although though until unless whereas once if")


_OPENS_CLAUSE = (_SUBORDINATE - {"that"}) | {"after", "before", "as"}


def _reported(found: list[str]) -> list[str]:
    """The words of a clause after its last reporting verb, "that" or subordinator ("the
    report said the world’s population may …": the world’s population may …; "prices rose
    since Ana Ruiz took office": Ana Ruiz took office)."""
    cut = max((i + 1 for i, w in enumerate(found) if w.lower() in _SAYS | _SUBORDINATE),
              default=0)
    return found[cut:]


# What a relative clause after a comma is about: a name ("Ana Ruiz, who …") or a noun
# phrase with its determiner ("The film, which …").
_NAME_END = re.compile(r"((?:[A-Z][\w’'-]+\s+){0,3}[A-Z][\w’'-]+)\s*$")
_PHRASE_END = re.compile(r"(?:^|\s)((?:the|The|a|A|its|Its|their|Their)\s+(?:[\w’'-]+\s+){0,3}"
                         r"[a-z][\w’'-]*)\s*$")


def relative_owner(before: str, relative: str) -> list[str]:
    """The words a "who" or "which" after a comma stands for, from the text before the comma
    ("Dan Sickles" for "Dan Sickles, who won …", "the film" for "The film, which …"); the
    relative word itself when neither ends the text."""
    found = (_NAME_END if relative == "who" else _PHRASE_END).search(before)
    if found is None or (relative == "who" and found.group(1).split()[0] in ("The", "A", "In",
                                                                           "On", "At")):
        return [relative]
    shown = found.group(1).split()
    if shown[0] in ("The", "A", "Its", "Their"):
        shown[0] = shown[0].lower()
    return shown




def change_unit(text: str, hit: NumberHit) -> str:
    """A rise or fall of more than 100%: a "percent increase" or "percent decrease", from the
    noun after it ("a 300% rise") or the verb before it ("prices rose by 300%")."""
    after = re.match(r"\s+(increase|rise|growth|jump|fall|drop|cut|decrease|decline|reduction)"
                     r"\b", text[hit.end:hit.end + 14])
    before = re.findall(r"\b(ris|rose|increas|grow|grew|gain|jump|up|boost|fall|fell|drop|declin"
                        r"|cut|down|reduc|decreas)\w*", text[max(0, hit.start - 40):hit.start])
    word = after.group(1) if after else before[-1] if before else ""
    if not word:
        return "percent change"
    falling = word.startswith(("fall", "fell", "drop", "declin", "cut", "down", "reduc",
                               "decreas"))
    return "percent decrease" if falling else "percent increase"


_LINK = (r"of|is|was|are|were|(?:would|will|could|may|might|should|can)\s+be|exceeds|exceeded"
         r"|totals|totalled|totaled|reached|reaches"
         r"|stands at|stood at|amounts to|amounted to|came to|comes to|at")
_LEAD = re.compile(r"(?:about|around|over|under|nearly|almost|just|only|some|roughly|more than"
                   r"|less than|up to|at least|as much as|approximately|an estimated|between"
                   r"|anywhere from"  # a range's measure is read before its first number
                   # an adverb of time between the verb and the amount ("is now more than
                   # 30%", "was still about 5%") leaves the verb's subject the amount's
                   r"|now|still|currently|already|also|today|again)\s+$")


# The name a clause is about, before its verb ("Jeff Bezos topped the list"): a name and a
# verb of the past or present (or a form of "be" or "have").
_SUBJECT_NAME = re.compile(r"\b((?:[A-Z][\w’'-]+\s+){1,2}[A-Z][\w’'-]+|[A-Z][\w’'-]+)\s+(?:[a-z]+ed"
                           r"|[a-z]+s|has|had|is|was|won|made|became|took|got|left|sold|built"
                           r"|ran|grew|came|went|held|kept|led|paid|spent)\b")


def named_before(text: str, start: int, at: int, *, single: bool = False) -> str:
    """The noun phrase an amount is given for, before "of", a form of "be" or "exceeds"
    ("a success rate in tests of over 70%", "the match fee at level 5 is £95"), or ""; with
    `single`, one word opening the sentence will do ("Turnout was 64%")."""
    clause = re.split(r"(?:,(?!\d)|[;:—–(])", text[start:at])[-1]
    while (lead := _LEAD.search(clause)) is not None:
        clause = clause[:lead.start()]
    link = re.search(rf"\b(?:{_LINK})\s+$", clause)
    if link is None or re.search(r"\b(?:now|still|currently|already)\s+(?:stands|stood)\s+at\s+$",
                                 clause):
        return ""  # "Support for the mayor now stands at": a level (levels.level_before)
    found = re.findall(r"[\w’'-]+", clause[:link.start()])[-8:]
    cut = max((i + 1 for i, w in enumerate(found) if w.lower() in ("with", "by", "for")
               or w.endswith(("’s", "'s"))), default=0)
    said = max((i + 1 for i, w in enumerate(found[:-2]) if w.lower() in _SAYS), default=0)
    if said > cut:  # "the team calculates that its surface temperature would be": not theirs
        cut = said + (found[said].lower() == "that")
    with_noun = cut and found[cut - 1].lower() == "with" and len(found) - cut <= 2 and \
        found[-1].islower() and found[cut].lower() in ("a", "an")
    found = found[cut:]  # "a method with a success rate", "the company’s economic impact"
    if with_noun and (who := _SUBJECT_NAME.search(text[start:at])) is not None:
        return f"{found[-1]} of {who.group(1)}"  # "X topped the list, with a fortune of"
    while len(found) > 2 and found[-1].lower() in _ESTIMATED | _BE_FORMS:
        found.pop()  # "whose fortune is estimated at $12bn": fortune
    if found[1:] and found[0].lower() == "whose":  # "Ana Ruiz, whose wealth is £45m"
        parts = re.split(r"(?:,(?!\d)|[;:—–(])", text[start:at])
        owner = relative_owner(parts[-2], "who") if len(parts) > 1 else ["whose"]
        return "" if owner == ["who"] else f"{' '.join(found[1:])} of {' '.join(owner)}"
    verb = max((i for i, w in enumerate(found[1:-1], 1) if w.lower() in _PAST_VERBS or (
        w.islower() and w.endswith("ed"))), default=0)
    if verb and found[0] in ("The", "the", "A", "a", "An", "an", "Its", "Their") and \
            found[verb + 1].lower() in ("a", "an", "the", "its", "their") and verb < 4:
        found[0] = found[0].lower()  # "The bank made a profit of": profit that the bank made
        return f"{' '.join(found[verb + 2:])} that {' '.join(found[:verb + 1])}"
    while found and found[0].lower() in _TAIL_TRIM | _TAIL_STOP | _CONCEDES:
        found.pop(0)  # "despite sales of £3bn": sales
    if single and len(found) == 1 and found[0][1:].islower() and \
            text[start:at].lstrip().startswith(found[0]) and found[0].lower() not in \
            _FIRST_SECOND | _TAIL_TRIM | _TAIL_STOP | _AUXILIARIES | {"this", "that", "it"}:
        return str(found[0]).lower()  # "Turnout was 64%": turnout
    if len(found) < 2 or found[-1].lower() in _TAIL_TRIM | _AUXILIARIES or any(
            any(c.isdigit() for c in w) for w in found[-1:]) or any(
            w.lower() in _TAIL_STOP | _AUXILIARIES for w in found):
        return ""  # "the team has achieved", one bare word: no phrase to ask about
    return _clean(found)


_ESTIMATED = words("estimated valued put reckoned thought believed said")
_BE_FORMS = words("is are was were been being be")
_CONCEDES = words("despite although though unlike besides including excluding")
_RISE = ("rose", "risen", "rises", "grew", "grown", "grows", "climbed", "climbs", "jumped",
         "jumps", "increased", "increases", "soared", "soars", "doubled", "surged")
_FALL = ("fell", "fallen", "falls", "dropped", "drops", "declined", "declines", "decreased",
         "decreases", "slipped", "slips", "plunged", "plunges", "plummeted", "shrank", "shrunk",
         "shrinks", "sank", "sunk")
_BASE = ("rise", "grow", "climb", "jump", "increase", "soar", "double", "surge", "fall", "drop",
         "decline", "decrease", "slip", "plunge", "plummet", "shrink", "sink")
_CHANGE = re.compile(rf"^(?P<what>.*?)\s+(?:(?:has|have|had)\s+(?:been\s+)?|(?:(?:is|are|was|were)"
                     rf"\s+(?:expected|forecast|projected|predicted|likely|set|due)\s+to|will|would"
                     rf"|could|may|might|can|should|must)\s+)?(?P<verb>"
                     rf"{'|'.join(_RISE + _FALL + _BASE)})(?:\s+by\s+\S+)?(?P<start>\s+from\s+\S+)?"
                     rf"(?:\s+(?P<how>by|to|from))?"
                     r"\s+$",  # "rose by 70% to $150bn": the level it rose to
                     re.IGNORECASE)


# A noun phrase and "up" or "down by", no verb: "shows his support among farmers down by".
_UP_DOWN = re.compile(r"\b((?:(?:his|her|their|its|the)\s+[a-z]+|(?<=\w\s)[a-z]+[^s\W]s)(?:\s+"
                      r"(?:among|in|for|of|at)\s+(?:the\s+)?[\w’'-]+)?)\s+(up|down)\s+by\s+$")


def changed_before(text: str, start: int, at: int) -> str:
    """What rose or fell by or to an amount: "unemployment" for "Unemployment rose to 5.2%",
    "rise in rents" for "rents rose by 15%", "rise in energy demand" for "energy demand –
    which is expected to rise by 60%"; or "" (no change verb, or no noun before it)."""
    parts = re.split(r"(?:,(?!\d)|[;:—–(])", text[start:at])
    clause = parts[-1]
    which = re.match(r"\s*(?:which|that)\s+", clause)
    if which is not None and len(parts) > 1:  # "energy demand – which is expected to rise"
        clause = parts[-2].rstrip() + " " + clause[which.end():]
    while (lead := _LEAD.search(clause)) is not None:
        clause = clause[:lead.start()]
    match = _CHANGE.match(clause)
    if match is None:
        moved = _UP_DOWN.search(clause)  # "One poll shows his support among farmers down by"
        return f"{'fall' if moved.group(2) == 'down' else 'rise'} in {moved.group(1)}" \
            if moved is not None else ""
    found = re.findall(r"[\w’'-]+", match.group("what"))
    whose = next((i for i, w in enumerate(found) if w.lower() == "whose"), -1)
    if 0 <= whose < len(found) - 1 and len(parts) > 1:  # "Ana Ruiz, whose wealth rose by 70%"
        owner = relative_owner(parts[-2], "who")
        if owner == ["who"]:
            return ""
        found = ["the", *found[whose + 1:], "of", *owner]
    counted = max((i for i, w in enumerate(found[:-2]) if w.lower() in ("number", "share",
                                                                      "proportion")
                   and found[i + 1] == "of"), default=-1)
    found = ["the", *found[counted:]] if 0 <= counted >= len(found) - 8 else found[-5:]  # "The
    # number of teenagers using the site fell by 25%": fall in the number of teenagers …
    opening = re.match(r"\s*([A-Z][a-z]+ of (?:[\w’'-]+ ){1,6}?(?:in|on|at) (?:the )?[\w’'-]+)"
                       r"\s*$", match.group("what")) if not parts[:-1] else None
    opening = opening or (re.match(r"\s*([A-Z][a-z]+ (?:[a-z]+ )?(?:at|in|on|for|among|from|to) "
                                   r"(?:[\w’'-]+ )"
                                   r"{0,5}?[\w’'-]+)\s*$", match.group("what"))
                          if not parts[:-1] and not re.match(r"\s*(?:In|On|At|For|From|Among)"
                                                             r"\b", match.group("what")) else None)
    if opening is not None:  # "Sales of organic food in the UK fell": all of it, not "UK";
        # "Sales at the shop rose": rise in sales at the shop
        found = opening.group(1).split()
        found[0] = found[0].lower()
    cut = 0 if opening is not None or counted >= 0 else max(  # not inside "the share of
        # pupils who walk to school"
        (i + 1 for i, w in enumerate(found) if w.lower() in _TAIL_STOP | _AUXILIARIES
         | {"that", "who", "which", "and", "then", "also", "in", "on", "at", "since", "to",
            "from", "with", "by"}), default=0)
    if cut and found[cut - 1].lower() == "to" and cut < len(found) - 2 and found[cut].islower() \
            and found[cut].lower() not in _TAIL_TRIM:
        cut += 1  # "coal to satisfy global energy demand": the verb after "to" is no noun
    found = found[cut:]
    if found and (found[0] in ("The", "Its", "Their", "His", "Her") or (
            found[0][1:].islower() and not found[0].endswith(("’s", "'s")) and
            text[start:at].lstrip().startswith(found[0]))):
        found[0] = found[0].lower()  # "Rents rose …" opens its sentence: rents
    if not found or any(any(c.isdigit() for c in w) for w in found) or \
            found[-1].lower() in _FIRST_SECOND | _TAIL_TRIM:
        return ""
    shown = _clean(found)
    if not shown:
        return ""
    verb = match.group("verb").lower()
    noun = "fall" if verb in _FALL or verb in _BASE[8:] else "rise"
    if match.group("how") == "from" or (match.group("how") == "to" and match.group("start")):
        # "The tax will rise from 20% to 25%": the tax before the rise, the tax after it
        when = "before" if match.group("how") == "from" else "after"
        return f"{shown} {when} the {noun}"
    if match.group("how") == "to":
        return shown  # "Unemployment rose to 5.2%": unemployment
    if not re.match(r"the (?:number|share|proportion) of ", shown) and (
            shown.split()[-1].endswith("s") or len(shown.split()) > 2 or
            not shown.split()[-1].islower()):
        shown = shown.removeprefix("the ")  # "rise in rents", "fall in the number of …",
        # but "rise in the economy"
    return f"{noun} in {shown}"


_COST = re.compile(r"(?:^|[,;:—–(]\s*)(?:(?P<which>which|that)\s+)?(?:will\s+|would\s+|could\s+)?"
                   r"(?:cost|costs|costing)\s+(?:(?:about|around|some|nearly|almost|more than"
                   r"|less than|over|under|an estimated|up to|at least)\s+)?$")
_COST_SUBJECT = re.compile(r"(?:^|\s)((?:the|a|an|its|their|this|each)\s+(?:[\w’'-]+\s+){0,3}?"
                           r"[\w’'-]+)\s*,?\s*$", re.IGNORECASE)


# A plural noun with no article opening its clause ("Tickets cost £250", "school meals cost").
_BARE_PLURAL = re.compile(r"(?:^|[,;:—–(])\s*((?:[A-Za-z][a-z-]*\s+)?[A-Za-z][a-z-]*[^s\W]s)\s*$")

_NOT_PLURAL = words("this its his hers theirs ours yours was has does is us thus plus less"
                    " news always perhaps sometimes")


def cost_before(text: str, start: int, at: int) -> str:
    """ "cost of the bridge" for "The bridge, which cost £45m" or "the new bridge cost £45m";
    "" when no noun phrase with an article comes before "cost"."""
    before = text[start:at]
    match = _COST.search(before) or re.search(r"\s(?:(?:will|would|could|may|might|had|has"
                                              r"|have)\s+)?(?:cost|costs)\s+(?:(?:about"
                                              r"|around|some|nearly|almost|over|more than"
                                              r"|an estimated)\s+)?$", before)
    if match is None:
        return ""
    owner = _COST_SUBJECT.search(before[:match.start()])
    bare = _BARE_PLURAL.search(before[:match.start()])
    found = [w.lower() for w in bare.group(1).split()] if bare is not None else []
    while found and found[0] in _TAIL_STOP | _AUXILIARIES | _FIRST_SECOND | {"now", "also"}:
        found.pop(0)
    if owner is None and found and not any(w in _TAIL_STOP | _NOT_PLURAL for w in found):
        return "cost of " + " ".join(found)  # "Tickets cost £250": cost of tickets
    if owner is None:
        return ""
    phrase = owner.group(1).split()
    last = max(i for i, w in enumerate(phrase) if w.lower() in (
        "the", "a", "an", "its", "their", "this", "each"))
    phrase = phrase[last:]  # "the agency said the mission had cost": the mission
    if len(phrase) < 2 or any(w.lower() in _TAIL_STOP | _AUXILIARIES | _FIRST_SECOND
                              for w in phrase[1:]):
        return ""
    phrase[0] = "the" if phrase[0].lower() in ("the", "a", "an", "this", "each") else \
        phrase[0].lower()
    return "cost of " + " ".join(phrase)


def named_after(text: str, end: int) -> str:
    """The noun after an amount of money given "of" or "in" ("£900m of tax", "£8.6m in
    corporation tax since launching"), or ""."""
    link = re.match(r"\s+(?:of|in)\s+(?=[a-z])", text[end:end + 12])
    if link is None:
        return ""
    found = tail_words(text, end + link.end() - 1, limit=5)
    return found if found and found.split()[0].lower() not in _TAIL_TRIM else ""


# Shared with draft/levels.py.
AUXILIARIES = _AUXILIARIES
OPENS_CLAUSE = _OPENS_CLAUSE
TAIL_TRIM = _TAIL_TRIM
clean = _clean
FIRST_SECOND = _FIRST_SECOND
LEAD = _LEAD
TAIL_STOP = _TAIL_STOP
reported = _reported
SAYS = _SAYS
PAST_VERBS = _PAST_VERBS
MONTHS = _MONTHS
RISE = _RISE
FALL = _FALL
