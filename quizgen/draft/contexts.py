"""Measures for figures the other readings left bare ("year", "distance", "amount of money")."""

from __future__ import annotations

import re

from quizgen.article.numbers import NumberHit
from quizgen.draft.amounts import age_opening
from quizgen.draft.clause_reads import multiple_of, said_in_brackets, size_object
from quizgen.draft.clause_subjects import counted_doing_it
from quizgen.draft.frames import frame_measure, level_of, listed_count, resolved
from quizgen.draft.measures import without_amounts
from quizgen.draft.named_sizes import (
    bracketed_share,
    expected_amount,
    named_size,
    object_clause,
    relative_span,
)
from quizgen.draft.onto import age_since, held_in, moved_at, written_onto
from quizgen.draft.quotes import Attributor
from quizgen.draft.share_groups import dashed_share, opened_group, value_worth

# What the figure readings write when they found nothing in the number's clause: a measure
# a prompt cannot use as it is ("How many years?"), worth reading again.
_BARE = re.compile(r"(?:percentage|year|distance|weight|speed|amount of money|temperature|age"
                   r"|number of (?:[A-Z]{2,} |[a-z]+ly |mobile |active |new |young |foreign"
                   r" |regular )?[\w’'-]+)"
                   r"(?: \(\d+\))?")
_PERIOD_UNITS = ("years", "months", "weeks", "days", "hours", "minutes", "seconds", "decades")
# The words a clause's reading stops at: a new clause, a quotation, a bracket.
_CLAUSE_END = re.compile(r"[.;:!?()“”\"—–]|,\s|\s(?:but|while|whereas|although|because|and)\s")
_FIRST_SECOND = re.compile(r"\b(?:I|me|my|we|us|our|you|your)\b")
_WORD = r"[\w’'-]+"
_MAIN_VERBS = ("is", "are", "was", "were", "has", "have", "had", "will", "would", "can",
               "could", "may", "might", "must", "should")
_DETERMINERS = ("a", "an", "the", "his", "her", "its", "their")


def _clause_after(attributor: Attributor, start: int, *, limit: int = 12) -> str:
    """The words from `start` up to the end of their clause (at most `limit` words, a
    he/she named), or "" when they hold a digit or speak as I/we/you."""
    rest = attributor.article.text[start:start + 200]  # a quotation's marks end it too
    cut = _CLAUSE_END.search(rest)
    span_end = start + (cut.start() if cut else len(rest))
    shown = without_amounts(resolved(attributor, start, span_end).split())[:limit]  # "it
    # sold for £1.04m": it sold; the amount is a figure of its own
    while shown and shown[-1].lower() in ("the", "a", "an", "of", "to", "in", "on", "at",
                                          "and", "or", "for", "with", "by", "that"):
        shown.pop()
    text = " ".join(shown)
    if len(shown) < 2 or re.search(r"\d", text) or _FIRST_SECOND.search(text):
        return ""
    return text


# "But, after only two games, she resigned": a count of things after which a clause happened.
_AFTER_COUNT = re.compile(r"(?:^|[,;:—–]\s*|\b(?:[Bb]ut|[Aa]nd|[Ss]o),?\s+)[Aa]fter\s+(?:only\s+"
                          r"|just\s+|about\s+|nearly\s+|some\s+)?$")


def _first_clause(clause: str) -> str:
    """A clause cut before a participle or joining word after its verb ("she resigned from the
    job following a clash": she resigned from the job), its first "The" lower case."""
    found = clause.split()
    cut = next((i for i, w in enumerate(found) if i >= 2 and (
        w.endswith("ing") or w in ("because", "while", "as", "when", "after", "before"))),
        len(found))
    found = found[:cut]
    while found and found[-1].lower() in ("the", "a", "an", "of", "to", "in", "on", "at", "and",
                                          "for", "with", "by", "from"):
        found.pop()
    return _lower_article(" ".join(found))


def reread(attributor: Attributor, hit: NumberHit, unit: str, unit_end: int,
           measure: str) -> str:
    """A better measure for a bare one, from the words around the number; else ""."""
    text = attributor.masked
    sentence = attributor.article.sentence_at(hit.start)
    before = text[sentence.start:hit.start]
    if onto := written_onto(text, hit, unit):
        return onto  # "a 12-page report": number of pages in the report
    if measure.startswith("speed") and (moved := moved_at(text, sentence.start, hit)):
        return moved  # "causes the air to move as fast as 250mph": speed of the air
    if re.fullmatch(r"number of (?:years|months|weeks|days|hours|minutes|seconds|decades)(?: of"
                    r" the|,) .+", measure) and (framed := frame_measure(attributor, hit, "time")):
        return framed  # "can endure about 12 months of the work": time that … can endure; a
        # repeated "number of hours, white people sleep an average": time white people sleep
    if spanned := re.fullmatch(r"number of (?:years|months|weeks|days|hours|minutes|decades) ("
                               r"(?:in|within|for|over|during|through|throughout) which .+)",
                               measure):
        return f"time {spanned.group(1)}"  # "within a decade": time, not a count of decades
    if hit.kind not in ("money", "percent", "year", "time", "score") and (
            " that " not in measure and " of " not in measure) and (
            sized := size_object(text, sentence.start, hit.start)):
        return sized  # "The car recorded a top speed of 300 km/h": top speed that the car …
    if hit.kind not in ("year", "time", "percent", "money") and (
            sized := named_size(attributor, hit, unit)) and sized != measure and \
            not measure.startswith("speed at which"):  # "orbits at a speed of": said already
        return sized  # "an airliner with an airspeed of 550mph": airspeed of the airliner
    if hit.kind in ("money", "number") and (expected := expected_amount(attributor, hit)):
        return expected  # "Analysts expect profits of $1bn": profits expected by analysts
    if unit == "times" and (multiple := multiple_of(text, sentence.start, hit.start, hit.end)):
        return multiple  # "Chopper is 20 times heavier than X": weight of Chopper compared …
    if hit.kind == "percent" and measure.startswith("share of people who ") and (
            group := opened_group(text, sentence.start, hit.start)):
        return measure.replace("people", group, 1)  # "Of the 2,000 adults questioned, 40% …"
    if hit.kind == "percent" and (dashed := dashed_share(text, sentence.start, hit.start,
                                                          unit_end)):
        return dashed  # "An even lower number of respondents – 42 percent – said that …"
    if measure == "amount of money" and (valued := value_worth(text, sentence.start, hit.start)):
        return valued  # "signed a deal worth £5bn": value of the deal
    if measure.startswith("number of ") and (doing := counted_doing_it(
            text, sentence.start, hit.start, unit_end, unit)):
        return doing  # "Saturn has 146 moons orbiting it": number of moons orbiting Saturn
    if not _BARE.fullmatch(measure):
        return _reworded(attributor, hit, unit, unit_end, measure, sentence.start)
    if held := held_in(text, sentence.start, hit, unit):
        return held  # "a lost wallet containing £5": money in the lost wallet
    if measure == "age" and (since := age_since(attributor, hit)):
        return since  # "he had been driving since he was 19": age at which … started driving
    if hit.kind == "percent" and (share := said_in_brackets(
            text, sentence.start, hit.start, hit.end) or bracketed_share(
            text, sentence.start, hit)):
        return share  # "polls show healthy eating (55%) and …": share for healthy eating
    if unit.split()[-1:] and unit.split()[-1] in _PERIOD_UNITS and (
            span := relative_span(attributor, hit)):
        return span  # "a game, which they played for seven minutes": time they played it
    if measure.startswith("number of ") and (clause := object_clause(attributor, hit,
                                                                       unit_end)):
        return re.sub(r" [(]\d+[)]$", "", measure) + f" {clause}"  # "the three issues that
        # he rails against": number of issues that Tom Hale rails against
    if measure.startswith("number of ") and _AFTER_COUNT.search(before) and (
            comma := re.match(r"\s*,\s+", text[unit_end:unit_end + 4])) and (
            clause := _clause_after(attributor, unit_end + comma.end(), limit=10)):
        return re.sub(r" [(]\d+[)]$", "", measure) + " after which " + _first_clause(clause)
    if hit.kind == "year":
        lead = re.fullmatch(r"\s*(In|By|Since|Until|Before|After)\s+", before)
        comma = re.match(r"\s*,\s+", text[hit.end:hit.end + 4])
        if lead is not None and comma is not None:  # "In 2013, he announced …"
            clause = _clause_after(attributor, hit.end + comma.end())
            word = {"By": "by", "Since": "since", "Until": "until", "Before": "before",
                    "After": "after"}.get(lead.group(1), "in")
            if clause:
                return f"year {word} which {_lower_article(clause)}"
        return ""
    if hit.kind == "money":
        bracket = re.search(rf"(?:^|,\s|\b(?:from|to|or|and|buy|buys|bought|sells?|sold|is|are"
                            rf"|was|were|with)\s)((?:(?!(?:from|to|or|and|buy|buys|bought|sells?"
                            rf"|sold|is|are|was|were|with)\s){_WORD}\s+){{1,14}})\($", before)
        if bracket is not None and text[unit_end:unit_end + 1] == ")":  # "a mask ($299)"
            noun = bracket.group(1).strip()
            if _FIRST_SECOND.search(noun):  # "a cover with a sensor that tracks your sleep"
                noun = re.split(r"\s+(?:that|which|who)\s+", noun)[0]
            if not re.search(r"\d", noun) and not _FIRST_SECOND.search(noun):
                return f"price of {_lower_article(noun)}"
    if hit.kind == "money" and (worth := _WORTH_APPOSED.search(before)):
        return f"value of {_lower_article(worth.group(1))}"  # "a villa, worth £18m,"
    if hit.kind == "percent" and (rate := _RATE_OF.search(before)):  # "a success rate of 70%"
        return rate.group(1)
    if hit.kind == "percent" and (level := level_of(attributor, hit)):
        return level  # "Support for the party stands at 31%", "revenues up 36%"
    if hit.kind == "money" and (owned := _MONEY_OF.search(before)):  # "a fine of £50,000"
        return f"amount of the {owned.group(1)}"
    if measure.startswith("age") and (aged := age_opening(attributor.article.text, hit.start)) \
            and (clause := _clause_after(attributor, hit.end + 2)):  # "By 14, she was …"
        return f"age {aged} which {_lower_article(clause)}"
    if measure.startswith("age") and (died := _DIED_AGED.search(before)):
        return f"age at which {died.group(1)} died"  # "Ana Ruiz, who died on Monday aged 80"
    changed = _CHANGED_TO.search(before)
    if changed is not None and hit.kind in ("money", "number") and (
            changed.group(1).lower() not in ("it", "they", "this", "which", "that")):
        return _common_first(attributor, sentence.start + changed.start(1),
                             _lower_article(changed.group(1)))  # "Sales rose 12% to £4.2bn"
    done = _DONE_TO.search(before)
    if done is not None and measure.startswith("number of "):  # "…, killing at least 40 people"
        noun = measure.removeprefix("number of ").split(" (")[0]
        return f"number of {noun} {_PARTICIPLES.get(done.group(1), done.group(1)[:-3] + 'ed')}"
    contact = _contact_clause(attributor, hit, unit_end)
    if contact:  # "the 11km he runs during a game": distance Tom Hale runs during a game
        head = _head(measure, unit)
        return f"{head} {contact}" if head else ""
    if unit.split()[-1:] and unit.split()[-1] in _PERIOD_UNITS and (
            span := _span_in_commas(attributor, hit, before, sentence.start, unit_end)):
        return span
    head = re.sub(r" \(\d+\)$", "", measure)
    if unit.split()[-1:] and unit.split()[-1] in _PERIOD_UNITS:
        head = "time"
    with_ = _WITH_APPOSED.search(before)
    if head.startswith("number of ") and with_ is not None and re.match(
            r"\s*,", text[unit_end:unit_end + 3]):  # "Staten Island, with just three stops,"
        past = re.match(r"\s*,\s+(?:\w+\s+)?(?:had|was|were|[a-z]+ed)\b",
                        text[unit_end:unit_end + 40])
        return f"{head} that {_lower_article(with_.group(1))} {'had' if past else 'has'}"
    listed = listed_count(attributor.article.text, unit_end, head.removeprefix("number of "))
    if head.startswith("number of ") and listed:
        return listed  # "two siblings and many cousins were killed"
    head = "money" if head == "amount of money" else head
    if head.startswith("number of ") or head in ("time", "distance", "weight", "speed",
                                                  "temperature", "money"):
        return frame_measure(attributor, hit, head)  # "She played for Italy in 153 …"
    return ""


# A count set off after a name with "with": "Staten Island, with just three stops, had …".
_WITH_APPOSED = re.compile(r"((?:[A-Z][\w’'-]+\s+){0,3}[A-Z][\w’'-]+|(?:[Tt]he|[Aa]n?)\s+(?:[a-z]"
                           r"[\w’'-]*\s+){0,2}[a-z][\w’'-]*),\s+with\s+(?:(?:just|only|about"
                           r"|around|some|nearly|almost|more\s+than|over|fewer\s+than)\s+)?$")
# Money set off as what a thing is worth: "an empty villa, worth £18m, with …".
_WORTH_APPOSED = re.compile(r"\b((?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+(?:[a-z][\w’'-]*\s+){0,3}"
                            r"[a-z][\w’'-]*),\s+(?:now\s+)?worth\s+(?:about\s+|around\s+"
                            r"|nearly\s+|almost\s+|more\s+than\s+|over\s+|an\s+estimated\s+)?$")
# Money that is a named amount: "a fine of £50,000", "a salary of $90,000".
_MONEY_OF = re.compile(r"\b(?:an?|the|his|her|its|their)\s+((?:[a-z]+\s+)?(?:fine|salary|bill"
                       r"|budget|loss|profit|debt|deficit|bonus|payment|fee|grant|loan|reward"
                       r"|prize|ransom|bail|settlement|wage|pension|donation|investment|deal"
                       r"|contract|compensation|refund|penalty))\s+of\s+(?:about\s+|around\s+"
                       r"|nearly\s+|almost\s+|up\s+to\s+|more\s+than\s+|over\s+)?$")
# A percentage that is a named rate: "a success rate of 70%", "a turnout of 64%".
_RATE_OF = re.compile(r"\b(?:an?|the|its|their|his|her)\s+((?:[a-z-]+\s+){0,2}(?:rate|level"
                      r"|share|turnout|majority|growth|increase|rise|fall|drop|cut|decline"
                      r"|accuracy|margin|stake|return|yield|discount|pay rise|inflation)(?:\s+in"
                      r"\s+(?:[a-z-]+\s+){0,3}?[a-z-]+)?)\s+of\s+(?:about\s+|around\s+|nearly"
                      r"\s+|almost\s+|up\s+to\s+|more\s+than\s+|over\s+|just\s+)?$")
_DIED_AGED = re.compile(r"((?:[A-Z][\w’'-]+\s+){0,3}[A-Z][\w’'-]+),?\s+(?:who\s+)?died\b"
                        r"[^.;:]{0,60}?,?\s+aged\s+$")
# What changed to the amount: "Sales rose 12% to £4.2bn", "Its debt fell to $3m".
_CHANGED_TO = re.compile(r"(?:^|,\s)\s*((?:(?:[Tt]he|[Ii]ts|[Tt]heir)\s+)?[\w’'-]+"
                         r"(?:\s+[a-z][\w’'-]*)?)"
                         r"\s+(?:rose|fell|grew|increased|decreased|dropped|climbed|jumped"
                         r"|slumped|soared|plunged|reached)\b[^.;,]{0,30}?\bto\s+(?:about\s+"
                         r"|around\s+|nearly\s+|almost\s+|more\s+than\s+)?$")
# "killing at least 40 people", "injuring 12": the count is of those it was done to.
_DONE_TO = re.compile(r"\b(killing|injuring|wounding|leaving|displacing|affecting|forcing"
                      r"|stranding|trapping)\s+(?:(?:at\s+least|more\s+than|over|about|around"
                      r"|nearly|almost|some|up\s+to|an\s+estimated)\s+)?$")
_PARTICIPLES = {"killing": "killed", "injuring": "injured", "wounding": "wounded",
                "leaving": "left", "displacing": "displaced", "affecting": "affected",
                "forcing": "forced", "stranding": "stranded", "trapping": "trapped"}
# After a length, height …: "The bridge is 2km long" is the bridge's length.
_SIZE_WORDS = {"long": "length", "high": "height", "tall": "height", "wide": "width",
               "deep": "depth", "thick": "thickness"}


def _reworded(attributor: Attributor, hit: NumberHit, unit: str, unit_end: int,
              measure: str, start: int) -> str:
    """Measures the other readings wrote with a word missing: a clause with no subject (“The
    firm, which …, was founded in 1990”), a size's subject (“The bridge is 2km long”)."""
    text = attributor.masked
    size = re.match(r"\s+(long|high|tall|wide|deep|thick)\b", text[unit_end:unit_end + 8])
    subject = re.match(r"\s*((?:The|A|An|Its|Their|His|Her)\s+[a-z][\w’'-]*(?:\s+(?!(?:is|are|was"
                       r"|were|has|have|had|will|would|can|could)\b)[a-z][\w’'-]*)?"
                       r"|(?:[A-Z][\w’'-]*\s+){0,3}[A-Z][\w’'-]*)\s*,?\s+(?=\S)",
                       text[start:start + 80])
    if subject is None or subject.group(1).split()[0] in ("In", "On", "At", "By", "For",
                                                          "When", "If", "As", "It", "This"):
        return ""
    shown = _lower_article(subject.group(1))
    if size is not None and re.search(r"\b(?:is|are|was|were|will\s+be|would\s+be)\s+"
                                      r"(?:about\s+|around\s+|nearly\s+|almost\s+|over\s+)?$",
                                      text[start:hit.start]):
        return f"{_SIZE_WORDS[size.group(1)]} of {shown}"
    lost = re.fullmatch(r"((?:year|time) (?:in|for|by|since|within|over|until) which) ((?:was|were"
                        r"|is|are|has|have|had|will|would|could|can)\b.*)", measure)
    if lost is not None and not re.search(r"[;:—–()]", text[start:hit.start]):
        return f"{lost.group(1)} {shown} {lost.group(2)}"  # "Tom Hale, 45, was jailed"
    return ""


def _common_first(attributor: Attributor, at: int, phrase: str) -> str:
    """The phrase with its first word in lower case when it opens a sentence and names no
    one (“Sales”, “Doctors”), as a measure writes it."""
    named = [m for m in attributor.in_span(at, at + 80) if m.start == at]
    opens = attributor.article.sentence_at(at).start == at or not attributor.masked[
        attributor.article.sentence_at(at).start:at].strip()
    if opens and phrase[:1].isupper() and all(str(m.key)[:1].islower() for m in named):
        return phrase[0].lower() + phrase[1:]
    return phrase


def _lower_article(phrase: str) -> str:
    first, _, rest = phrase.partition(" ")
    return (first.lower() + " " + rest).strip() if first in ("The", "A", "An") else phrase


def _head(measure: str, unit: str) -> str:
    """The noun a measure is said with before a clause ("distance", "money", "time")."""
    bare = re.sub(r" \(\d+\)$", "", measure)
    if bare.startswith("number of ") and unit.split()[-1:] and unit.split()[-1] in \
            _PERIOD_UNITS:
        return "time"
    if bare == "amount of money":
        return "money"
    return bare if bare in ("distance", "weight", "speed", "temperature") else ""


def _contact_clause(attributor: Attributor, hit: NumberHit, unit_end: int) -> str:
    """ "the 11km he runs during a game": a clause right after the unit (a subject, he/she or
    a name, and its verb) that says whose amount it is, with "the" before the number."""
    if not re.search(r"\b[Tt]he\s+(?:\w+\s+)?$", attributor.masked[max(0, hit.start - 12):
                                                                   hit.start]):
        return ""
    after = re.match(rf"\s+(?:he|she|they|(?:[A-Z]{_WORD}\s+){{0,2}}[A-Z]{_WORD})\s+([a-z]+)",
                     attributor.masked[unit_end:unit_end + 60])
    if after is None or after.group(1) in ("and", "or", "of", "in", "on", "at", "to", "for"):
        return ""
    found = _clause_after(attributor, unit_end, limit=10).split()
    verb = next((i for i, w in enumerate(found) if i > 1 and w in _MAIN_VERBS), len(found))
    return " ".join(found[:verb])  # "the 20kg he carries is too heavy": not "is too heavy"


def _span_in_commas(attributor: Attributor, hit: NumberHit, before: str, start: int,
                    unit_end: int) -> str:
    """ "Police have, for almost 100 years, relied on lie detectors": a span set off by
    commas inside its clause is the time the clause's subject and verb take."""
    lead = re.search(r",\s+for\s+(?:(?:almost|nearly|about|around|some|more than|over|at least"
                     r"|the past|the last|the next)\s+)*$", before)
    close = re.match(r"\s*,\s+", attributor.masked[unit_end:unit_end + 4])
    if lead is None or close is None:
        return ""
    cut = max((m.end() for m in re.finditer(r"[,;:—–(]", before[:lead.start()])), default=0)
    subject = resolved(attributor, start + cut, start + lead.start()).split()[-8:]
    if subject and subject[-1] in ("that", "who", "which"):  # "led a team that, for …,"
        det = max((i for i, w in enumerate(subject[:-1]) if w.lower() in _DETERMINERS),
                  default=None)
        subject = ["the", *subject[det + 1:-1]] if det is not None else []
    opening = start + cut + len(before[cut:]) - len(before[cut:].lstrip())
    if subject and opening == start:  # "Doctors have, for …": no name, a capital
        subject = _common_first(attributor, opening, " ".join(subject)).split()
    verb = _clause_after(attributor, unit_end + close.end(), limit=8)
    shown = " ".join(subject)
    if not subject or not verb or not re.fullmatch(r"[A-Za-z’' -]+", shown) or \
            _FIRST_SECOND.search(shown) or subject[0].lower() in ("that", "which", "who"):
        return ""
    verb_words = re.split(r"\s+to\s+(?=[a-z]+\s)", verb)[0].split()  # not "to help …"
    return f"time {_lower_article(shown)} {' '.join(verb_words[:max(2, 13 - len(subject))])}"
