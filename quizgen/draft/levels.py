"""Amounts read from the verb before them: who has, holds or did the counted thing, money
someone raised or paid, what something is worth, and what an amount is the level of."""

from __future__ import annotations

import re

from quizgen.article.lexicon import REPORTING_VERBS, words
from quizgen.draft.clause_reads import cost_of_subject
from quizgen.draft.clause_subjects import opening_subject, without_participles
from quizgen.draft.measures import (
    AUXILIARIES,
    FIRST_SECOND,
    LEAD,
    OPENS_CLAUSE,
    TAIL_STOP,
    TAIL_TRIM,
    clean,
    named_after,
    relative_owner,
    reported,
    tail_words,
)

_HOLDING = ("contains|contained|employs|employed|includes|included|owns|owned|runs|ran|operates"
            "|operated|hosts|hosted|houses|housed|serves|served|collected|recorded|sold|sells"
            "|built|builds|killed|lost|won|scored|played|coached|trained|treated|received"
            "|attracts|attracted|produces|produced|has|have|had")
# A verb's particle ("took in 223 studies", "gave away $2m"): part of the verb.
_PARTICLE = r"(?:\s+(?:in|away|out|up|off|back|aside|on))?"
_HOLDER = re.compile(rf"(?:^|[,;:—–(]\s*)([^,;:—–(]*?)\s+((?:{_HOLDING}){_PARTICLE})\s+$")
# Any past tense of a regular verb, or an irregular one that takes an object, right before the
# count ("Police arrested two men", "the storm destroyed 300 homes"): the subject did it to them.
_ACTED = re.compile(r"(?:^|[,;:—–(]\s*)([^,;:—–(]*?)\s+((?:[a-z]{3,}ed|shot|hit|caught|struck|"
                    r"hurt|sent|brought|bought|sold|found|beat|fed|led|taught|chose|drew|took"
                    r"|saw|met|told|gave|kept|made|wrote|cut|put|set|kills|affects|uses|receives"
                    r"|loses|spends|earns|pays|makes|takes|gets|needs|buys|imports|exports"
                    r"|hires|supports|reaches|injures|cuts|sends|welcomes|feeds|(?:will|would"
                    r"|could|can|must|should)\s+[a-z]{3,})"  # "The crew will carry out 250 …"
                    rf"{_PARTICLE})\s+$")


_OWNER_WORD = re.compile(r"\s+(?:his|her|their|its|our)\s+$")  # before the count
_RELATIVE = re.compile(r",\s+(?:which|who|whose)\s+[^,;:—–(]{1,80},\s+")
_AGE_APPOSED = re.compile(r",\s+\d{1,3},\s+")  # "Okonjo, 34, has …": the age set aside
_ADVERBS = words("then also now already still just recently only even ever never")
_WHEN = words("year week month night weekend summer winter spring autumn today yesterday"
              " monday tuesday wednesday thursday friday saturday sunday")


def holder_words(text: str, start: int, at: int, *, acted: bool = False) -> str:
    """Who has or does the amount ("Butare, which has 89,600 residents": "of Butare"; "The
    suit contains 17 sensors": "the suit contains"), to follow "number of X"; or "". With
    `acted`, also a subject and any verb of the past acting on the count ("Police arrested two
    men": "police arrested")."""
    before = _AGE_APPOSED.sub(" ", _RELATIVE.sub(" ", text[start:at]))  # "The festival,
    # which began in 1970, sold"; "Okonjo, 34, has now scored"
    before = _OWNER_WORD.sub(" ", without_participles(before))  # "Ana Ruiz sold her 40
    # cows": sold them; "The petition, calling for …, has attracted": the petition has
    while (lead := LEAD.search(before)) is not None:
        before = before[:lead.start()]
    match = _HOLDER.search(before) or (_ACTED.search(before) if acted else None)
    if match is not None and match.group(2) in REPORTING_VERBS:
        return ""  # "the office reported 23 injuries": who reports it gives it, no more
    if match is None:
        return ""
    found = re.findall(r"[\w’'-]+", match.group(1))
    found = found[max((i + 1 for i, w in enumerate(found) if w in REPORTING_VERBS and i),
                      default=0):]  # "NASA reports Jupiter has 95 moons": Jupiter has them
    found = found[max((i + 1 for i, w in enumerate(found) if w.lower() in OPENS_CLAUSE),
                      default=0):]  # "… for 15 people after floods killed": after "after"
    if found and found[0].lower() in ("which", "that", "who") and len(found) == 1:
        named = re.findall(r"[\w’'-]+", before[:match.start(1)])
        found = [w for w in named[-3:] if w[:1].isupper()][-3:]  # "Butare, which has"
        if not found and before[:match.start(1)].rstrip().endswith(","):
            found = relative_owner(before[:match.start(1)].rstrip(" ,"), "which")  # "a small
            found = [] if found == ["which"] else found  # charity, which gave away"
            found[:1] = ["the"] if found[:1] in (["a"], ["an"]) else found[:1]
    while found and found[0].lower() in (TAIL_TRIM | TAIL_STOP | _WHEN | _ADVERBS) - {
            "the"}:
        found.pop(0)  # "Last year the charity rescued": the charity rescued
    if len(found) in (1, 2) and found[0].lower() in ("it", "they") and (
            opening := opening_subject(text, start, found[0].lower())):
        found = [*opening.split(), *found[1:]]  # "When hurricane Ian hit Florida, it destroyed"
    if found and found[0] in ("The", "Each", "Every", "Its", "Their", "His", "Her", "This"):
        found[0] = found[0].lower()  # "the bakery employs", not "bakery employs"
    helpers: list[str] = []  # "Okonjo has now scored": the subject, then "has scored"
    while len(found) > 1 and found[-1].lower() in AUXILIARIES | _ADVERBS:
        word = found.pop().lower()
        helpers[:0] = [word] if word in AUXILIARIES else []
    if not found or len(found) > 6 or any(w.lower() in TAIL_STOP | AUXILIARIES | {"which",
                                                                                   "that"}
                                          for w in found):
        return ""
    infinitive = found[-1:] == ["to"] and len(found) > 2  # "the firm plans to cut"
    shown = clean(found)
    shown += " to" if shown and infinitive else ""
    if not shown or any(c.isdigit() for c in shown):
        return ""
    verb = match.group(2)
    return f"of {shown}" if verb in ("has", "have", "had") else " ".join(
        ["that", shown, *helpers, verb])


# Verbs that move money, and "worth": who raised, gave or spent it; what is worth it.
_MONEY_VERB = re.compile(r"(?:^|[,;:—–(]\s*|\b(?:after|when|because|as|since|while)\s+)"
                         r"([^,;:—–(]{2,60}?)\s+((?:(?:has|have|had|will|would|could|can|may"
                         r"|might|must|should|is\s+to|are\s+to|(?:is|are|was|were)\s+set\s+to"
                         r"|plans?\s+to|wants?\s+to|hopes?\s+to|aims?\s+to|expects?\s+to"
                         r"|(?:is|are|was|were)\s+expected\s+to)\s+(?:also\s+)?)?)(raised|donated"
                         r"|gave|spent|invested|collected|earned|paid|lost|borrowed|received|won"
                         r"|raises?|donates?|gives?|spends?|invests?|collects?|earns?|pays|pay"
                         r"|loses|lose|borrows?|receives?|wins?|owes?|owed|promised|promises?|pledged|pledges?"
                         r"|offered|offers?|awarded|awards?|granted|grants?|allocated|allocates?"
                         r"|(?:is|are|was|were)\s+(?:spending|investing|paying|raising|giving"
                         r"|earning|losing|borrowing|offering))(?P<particle>\s+(?:away|out|back))?"
                         r"(?P<whom>\s+(?:him|her|them|the\s+[a-z]+|(?:[A-Z][\w’'-]*\s+){0,2}"
                         r"[A-Z][\w’'-]*))?\s+"  # "gave Ana Ruiz £5,000": whom it went to
                         r"(?:(?:about|around|some|nearly|almost|over|more than|up to|an"
                         r" estimated|at least|just|only|another|a further|an extra)\s+)*$")
_WORTH_APPOSED = re.compile(r"\b([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}),\s+(?:now\s+)?worth\s+"
                            r"(?:(?:about|around|some|nearly|almost|over|more than|up to"
                            r"|an estimated|at least)\s+)*$")
_WORTH = re.compile(r"(?:^|[,;:—–(]\s*)([^,;:—–(]{2,60}?)\s+(?:is|was|are|were|has been|had been"
                    r"|will be|would be|could be|(?:is|are|was|were)\s+(?:estimated|thought"
                    r"|said|believed|reckoned|expected)\s+to\s+be)\s+(?:now\s+|still\s+)?worth"
                    r"\s+(?:(?:about|around|some|nearly|almost|over|more than|up to|an estimated"
                    r"|at least)\s+)*$")  # "is estimated to be worth up to $800,000"


def _antecedent(before: str, relative: str) -> list[str]:
    """What a "who" or "which" after a comma stands for, past an apposition set off by commas
    ("Tom Hale, the software founder, who": Tom Hale), or [] when the text does not say."""
    parts = [p for p in re.split(r",\s*", before.rstrip().rstrip(",")) if p.strip()]
    for part in reversed(parts[-2:]):
        found = relative_owner(part, relative)
        if found != [relative] and not (relative == "who" and found[0][:1].islower()):
            return found
    return []


def money_handled(text: str, start: int, at: int, end: int) -> str:
    """ "money that Glastonbury raised for charity this year" for "Glastonbury raised £2m for
    charity this year"; "value of the company" for "The company is worth $250bn"; or ""."""
    if not re.match(r"\s+for\s", text[end:end + 6]) and (
            cost := cost_of_subject(text, start, at)):  # "… costs $10 for X": X's price
        return cost  # "Portable base stations cost $10,000": the cost of the subject
    before = text[start:at]
    worth = _WORTH.search(before)
    if worth is not None:
        owner = re.findall(r"[\w’'-]+", worth.group(1))
        if owner in (["who"], ["which"]):  # "Tom Hale, the founder, who is worth": Tom Hale
            owner = _antecedent(before[:worth.start(1)], owner[0])
        if owner and owner[0] in ("The", "A", "An", "Its", "Their", "His", "Her"):
            owner[0] = owner[0].lower()
        if 0 < len(owner) <= 6 and not any(w.lower() in TAIL_STOP | FIRST_SECOND
                                           for w in owner):
            return "value of " + " ".join(owner)
        return ""
    if apposed := _WORTH_APPOSED.search(before):  # "Tom Hale, worth $3.4bn, owns …"
        return f"value of {apposed.group(1)}"
    moved = _MONEY_VERB.search(before)
    if moved is None or named_after(text, end):
        return ""  # "paid £9m in corporation tax": corporation tax, as named after it
    said = re.findall(r"[\w’'-]+", moved.group(1))
    who = reported(said)  # "Reuters found the firm"
    if who in (["which"], ["who"]):  # "a small charity, which gave away £3,000"
        who = _antecedent(before[:moved.start(1)], who[0]) or who
        who[:1] = ["the"] if who[:1] in (["a"], ["an"]) else who[:1]
    if who in (["it"], ["they"]) and len(said) > 2:  # "The ministry said it was spending":
        head = said[:len(said) - 1]  # the ministry
        while head and (head[-1].lower() == "that" or head[-1] in REPORTING_VERBS):
            head.pop()
        who = _subject(head) or who
    if who and who[0] in ("The", "A", "An", "Its", "Their", "His", "Her"):
        who[0] = who[0].lower()
    if not who or len(who) > 6 or any(w.lower() in TAIL_STOP | FIRST_SECOND | AUXILIARIES
                                      or any(c.isdigit() for c in w) for w in who):
        return ""
    tail = tail_words(text, end, limit=6)
    helper = [w for w in moved.group(2).split() if w not in ("has", "have", "had")]  # "the
    # government will spend": "will spend"; "Fans have donated": "Fans donated"
    whom = (moved.group("whom") or "").split()
    if any(w in TAIL_STOP | FIRST_SECOND for w in whom[1:]):
        return ""
    return " ".join(["money that", *who, *helper, moved.group(3),
                     *(moved.group("particle") or "").split(), *whom,
                     *([tail] if tail else [])])


# A noun phrase that is, reaches or totals an amount ("The fee is £95", "oil consumption is
# forecast to reach 4.4bn tonnes", "Unemployment stood at 5%").
_LEVEL = re.compile(r"^(?P<what>.*?)\s+(?:(?:is|are|was|were)\s+(?:expected|forecast|projected"
                    r"|predicted|likely|set|due)\s+to\s+|(?:will|would|could|may|might|can)\s+"
                    r"|(?:has|have|had)\s+)?(?:reach|reached|reaches|hit|hits|total|totals"
                    r"|totalled|totaled|amount\s+to|amounts\s+to|amounted\s+to|stand\s+at"
                    r"|stands\s+at|stood\s+at|be|is|are|was|were)\s+$")
_LEVEL_CUT = words("that who which and but or while whereas although though because if when"
                   " since as said says according")


def level_before(text: str, start: int, at: int) -> str:
    """The noun phrase an amount is the level of ("the fee" for "The fee is £95", "oil
    consumption" for "… while oil consumption is forecast to reach 4.4bn tonnes"), or ""."""
    clause = re.split(r"(?:,(?!\d)|[;:—–(“”\"])", text[start:at])[-1]
    while (lead := LEAD.search(clause)) is not None:
        clause = clause[:lead.start()]
    match = _LEVEL.match(clause.strip() + " ")
    if match is None:
        return ""
    found = re.findall(r"[\w’'-]+", match.group("what"))
    found = found[max((i + 1 for i, w in enumerate(found) if w.lower() in _LEVEL_CUT),
                      default=0):]
    while len(found) > 1 and found[-1].lower() in _ADVERBS | {"currently"}:
        found.pop()  # "Support for the mayor now stands at": support for the mayor
    if not found or len(found) > 8 or found[0].lower() in ("in", "on", "at", "by", "for", "to",
                                                          "from", "with", "of"):
        return ""  # "In May the fee was …": no noun phrase of its own
    if found and (found[0] in ("The", "Its", "Their", "His", "Her", "A", "An") or (
            found[0][1:].islower() and text[start:at].lstrip().startswith(found[0]))):
        found[0] = found[0].lower()  # "The fee is …": the fee; "Unemployment stood at": …
    if not found or any(any(c.isdigit() for c in w) or w.lower() in FIRST_SECOND | {
            "it", "this", "that", "there", "what", "these", "those"} for w in found):
        return ""
    return " ".join(found)



_QUALIFIED = (r"(?:(?:about|around|some|nearly|almost|over|more\s+than|up\s+to|an\s+estimated"
              r"|just)\s+)*")
# A sale and its price: "the school sold its field for £2m", "the painting was expected to
# sell for $700,000", "a kilo sells for $8" (its subject, verb and object before "for").
_SOLD_FOR = re.compile(r"(?:^|[,;:—–(]\s*)(?P<who>[^,;:—–(]{2,60}?)\s+(?P<verb>(?:(?:is|are|was"
                       r"|were)\s+(?:expected|set|due|likely|thought)\s+to\s+|(?:will|would"
                       r"|could|might|may|can)\s+)?(?:(?:was|were|is|are|has\s+been|had\s+been)"
                       r"\s+)?(?:sold|sell|sells|bought|buy|buys|auctioned|went))(?P<what>\s+"
                       rf"[^,;:—–(]{{1,50}}?)?\s+for\s+{_QUALIFIED}$")
# A subject, then an apposition set off by commas before its verb's auxiliary.
_APPOSED = re.compile(r"^(\s*[A-Z][^,;:—–(]{1,40}),[^;:—–(]{2,200}?,\s+(?=(?:was|were|is|are"
                      r"|has|had|will|would|could|might|may|can)\b)")
# "It costs £15 to join the club": the cost of doing what the infinitive says.
_IT_COSTS = re.compile(rf"\b[Ii]t\s+(?:will\s+|would\s+|could\s+|can\s+|now\s+)?(?:costs?"
                       rf"|cost)\s+{_QUALIFIED}$")
# "who has a fortune of $75bn", "with a budget of £2m": the noun the money is.
_NOUN_OF = re.compile(rf"\b(?:has|had|have|with)\s+(?:(?:a|an)\s+)?(?P<noun>[a-z]+(?:\s+[a-z]+)?)"
                      rf"\s+of\s+{_QUALIFIED}$")

_NOT_MONEY_NOUNS = words("total sum amount value lot lots number couple range minimum maximum bit"
                         " pair handful series mix")


def _subject(words_: list[str]) -> list[str]:
    """A clause's opening words without the time words before its subject ("Last year the
    school": the school), or [] when no short subject is left."""
    while words_ and words_[0].lower() in (TAIL_TRIM | TAIL_STOP | _WHEN | _ADVERBS) - {
            "the", "a", "an"}:
        words_.pop(0)
    if words_ and words_[0] in ("The", "A", "An", "Its", "Their", "His", "Her"):
        words_[0] = words_[0].lower()
    if not words_ or len(words_) > 6 or any(
            w.lower() in TAIL_STOP | FIRST_SECOND | AUXILIARIES or any(c.isdigit() for c in w)
            for w in words_):
        return []
    return words_


def money_for(text: str, start: int, at: int, end: int) -> str:
    """The price of a sale ("price for which the school sold its field"), the cost of doing
    something ("cost to join the club" for "It costs £15 to join the club"), or a noun the
    money is had as ("fortune of Tom Hale" for "Tom Hale, who has a fortune of $75bn"); or
    ""."""
    before = text[start:at]
    sold = _SOLD_FOR.search(_APPOSED.sub(r"\1 ", before, count=1))  # "X, a painting of …,
    # was expected to sell for": X was expected to sell for
    if sold is not None:
        who = _subject(reported(re.findall(r"[\w’'-]+", sold.group("who"))))
        what = re.findall(r"[\w’'-]+", sold.group("what") or "")
        verb = sold.group("verb").split()
        if who and (what or len(verb) > 1) and len(what) <= 6 and not any(
                w.lower() in FIRST_SECOND or any(c.isdigit() for c in w) for w in what):
            return " ".join(["price for which", *who, *verb, *what])  # not "The phone
            # sells for $499", which other readings name (price of the phone)
    if _IT_COSTS.search(before) and (to := re.match(r"\s+to\s+([a-z]+)", text[end:end + 30])):
        rest = tail_words(text, end + to.end(), limit=6)
        return " ".join(["cost to", to.group(1), *([rest] if rest else [])])
    had = _NOUN_OF.search(before)
    if had is None or had.group("noun").split()[-1] in _NOT_MONEY_NOUNS:
        return ""
    clause = before[:had.start()].rstrip()
    owner = re.search(r"(?:^|,\s*)([^,]*?)\s*,\s+who\s*$", clause) if clause.endswith(
        "who") else None
    parts = [p for p in re.split(r"[,;:—–(]", clause) if p.strip()]  # "Ana Ruiz, with a"
    name = relative_owner(owner.group(1), "who") if owner else _subject(
        reported(re.findall(r"[\w’'-]+", parts[-1]))) if parts else []
    return f"{had.group('noun')} of {' '.join(name)}" if name and name != ["who"] else ""
