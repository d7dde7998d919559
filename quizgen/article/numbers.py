"""Numbers as an article writes them (1,000, 51.2%, $5bn, three million, twelfth), with offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from quizgen.article.lexicon import (
    DAYS_MONTHS,
    ORDINALS,
    SCALES,
    UNIT_STOP,
    UNITS_WORDS,
    YEAR_BEFORE,
    YEAR_NOUNS,
)
from quizgen.article.patterns import Lazy
from quizgen.article.spans import Spans

_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
_WORD_NUMBER = re.compile(
    rf"\b(?:(?:{_TENS})(?:-(?:{_ONES}))?|{_ONES}|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen|dozen)\b", re.IGNORECASE)
_ORDINAL = re.compile(r"\b(?:" + "|".join(ORDINALS) + r")\b", re.IGNORECASE)
_DIGITS = re.compile(
    r"(?P<cur>US\$|C\$|A\$|[$€£¥₹])?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?(?!,\d{3}))"
    r"(?P<suffix>bn|tn|trn|m|k)?(?![\w])(?P<pct>\s?%|\s?per\s?cent\b|\s?percent\b)?")
_SUFFIXES = {"bn": "billion", "tn": "trillion", "trn": "trillion", "m": "million", "k": "thousand"}
_SCORE = re.compile(r"(?<![\w.,-])(\d{1,3}) ?[-–] ?(\d{1,3})(?![\w.,-]?\d)")  # "2-1", "2 –1"
_SCORE_CUES = (r"\b(?:beat|beating|beaten|won|win|wins|winning|lost|lose|losing|drew|draw|"
               r"defeat|defeated|victory|thrashed|thrashing|trailed|trailing|led|leading|"
               r"scoreline|score|final score|semi-final|match|game)\b")
# "three million", and hyphenated before a noun ("the nine-billion population")
_SCALE_AFTER = re.compile(r"(?:\s+|-)(hundred|thousand|million|billion|trillion)\b",
                          re.IGNORECASE)
# A range of shares written with a hyphen or dash: "25-30%", "5–8 per cent".
_PERCENT_RANGE = re.compile(r"(?<![\w.,-])(?P<low>\d{1,3}(?:\.\d+)?)\s?[-–]\s?(?P<high>\d{1,3}"
                            r"(?:\.\d+)?)(?:\s?%|\s?per\s?cent\b|\s?percent\b)")
# "one or two", "one to three": the low end of a range, though a lone "one" is no figure.
_ONE_TO = re.compile(r"\s+(?:or|to)\s+(?:two|three|four|five)\b", re.IGNORECASE)
_TIME = re.compile(r"\b([01]?\d|2[0-3]):([0-5]\d)\b(?:\s?([ap])\.?m\.?)?|\b(1[0-2]|[1-9])\s?"
                   r"([ap])\.?m\.?(?!\w)", re.IGNORECASE)


# "and a half" after a number: "two and a half years", "6 and a half hours" (round 23).
_AND_A_HALF = re.compile(r"\s+and\s+a\s+half\b(?![\s-]+(?:of|the)\b)", re.IGNORECASE)
# A part of "a million" or "a thousand" before it: "half a million", "a quarter of a million",
# "three-quarters of a billion" (round 23).
_PART_OF = re.compile(r"\b(half|(?:a|one)\s+quarter\s+of|three[\s-]quarters\s+of)\s+$",
                      re.IGNORECASE)
_PARTS = {"half": Decimal("0.5"), "a": Decimal("0.25"), "one": Decimal("0.25"),
          "three": Decimal("0.75"), "three-quarters": Decimal("0.75")}


# "and" and the tens and ones after "hundred": "two hundred and forty" (round 23).
_AND_TENS = re.compile(rf"\s+and\s+((?:{_TENS})(?:-(?:{_ONES}))?|{_ONES}|ten|eleven|twelve"
                       r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\b",
                       re.IGNORECASE)


def _word_value(word: str) -> int:
    return sum(UNITS_WORDS[part] for part in word.lower().split("-"))


@dataclass(frozen=True)
class NumberHit:
    """One number in the text: where, its value as written, and what kind of number it is."""

    start: int  # the first character (a currency sign included)
    end: int  # after the number, its scale word and a % sign
    value: Decimal  # as written, before any scale: "three million" is 3 with scale "million"
    scale: str | None
    kind: str  # "number", "percent", "money", "year", "ordinal", "time" or "score"
    currency: str | None = None
    unit: str | None = None  # for scores: goals or points


_MONTHS = DAYS_MONTHS - {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                         "Sunday"}


def _month_near(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 12):start].split()
    after = text[end:end + 12].split()
    return bool((before and before[-1].strip(",.") in _MONTHS) or (
        after and after[0].strip(",.") in _MONTHS))


def _scale(text: str, end: int) -> tuple[str | None, int]:
    match = _SCALE_AFTER.match(text, end)
    return (match.group(1).lower(), match.end()) if match else (None, end)


def _is_year(text: str, start: int, end: int, value: Decimal) -> bool:
    if not (1800 <= value <= 2100) or "," in text[start:end] or "." in text[start:end]:
        return False
    before = text[max(0, start - 20):start].split()
    after = re.match(r"\s*(\w*)", text[end:end + 20])
    word_after = after.group(1).lower() if after else ""
    if len(before) > 1 and before[-1].lower() in ("about", "around", "circa", "c.", "roughly",
                                                  "approximately") and \
            before[-2].lower() in YEAR_BEFORE:
        return True  # "in about 2008"
    if before and (before[-1].lower().strip("(") in YEAR_BEFORE or before[-1].strip(",") in
                   DAYS_MONTHS or before[-1].endswith(",")):
        return True
    return word_after in YEAR_NOUNS or not word_after or not text[end:end + 1].isspace()


# A plural noun after "6m" makes it millions ("6m tonnes", "3m people"), not metres ("6m
# tall", "6m across").
# A count in millions said without its noun, the level a change reached: "were up 6% to 70m.",
# "a 4% rise to 64m," (a length in metres is said with what it measures: "a 70m tower").
_MILLION_LEAD = Lazy(r"\b(?:to|topped|passed|reached)\s+(?:about\s+|nearly\s+|almost\s+"
                           r"|over\s+|more\s+than\s+)?$")
_MILLION_END = Lazy(r"\s*(?:[,;:)–—]|\.(?!\d)|$)")
# A count in millions with its noun earlier in a sentence: "9m monthly visitors", "1.2bn".
_IN_MILLIONS = Lazy(r"\d(?:m\s+(?:[a-z]+\s+)?[a-z]+s\b|bn\b)|\b(?:million|billion)\s+"
                    r"(?:[a-z]+\s+)?[a-z]+s\b")
_CHANGED = Lazy(r"\d\s?(?:%|per\s?cent\b|percent\b)")
_MILLION_OF = Lazy(r"\s+(?:more\s+|new\s+|extra\s+|fewer\s+)?(?:(?:[A-Z]{2,}|(?!(?:tall|high"
                         r"|wide|long|deep|thick|away|below|above|across|is|was|has|as)\b)[a-z]+ly"
                         r"|active|daily|weekly|monthly|regular|new|young|foreign|mobile|cubic"
                         r"|square)\s+)?"
                         r"(?!(?:across|is|was|has"
                         r"|as|thus|plus|less|always|towards|upwards|downwards)\b)"
                         r"(?:[a-z]+[^s\W]*s|people|children|men|women)\b")  # "6m US visitors"


def scan_numbers(text: str) -> list[NumberHit]:
    """Every number the text states, in order (dates' days, ids like G7 and 1990s left out)."""
    hits: list[NumberHit] = []
    taken: list[tuple[int, int]] = []
    for match in _TIME.finditer(text):
        hour = int(match.group(1) or match.group(4))
        minute = int(match.group(2) or 0)
        half = (match.group(3) or match.group(5) or "").lower()
        if half == "p" and hour < 12:
            hour += 12
        if half == "a" and hour == 12:
            hour = 0
        hits.append(NumberHit(match.start(), match.end(), Decimal(hour * 60 + minute), None,
                              "time"))
        taken.append((match.start(), match.end()))
    for match in _SCORE.finditer(text):  # "beating Redmoor 2-1", "a 3–0 win": two scores
        around = text[max(0, match.start() - 40):match.start()].lower() + " " + text[
            match.end():match.end() + 20].lower()
        if re.search(_SCORE_CUES, around) is None:
            continue
        unit = "goals" if max(int(match.group(1)), int(match.group(2))) <= 20 else "points"
        for group in (1, 2):
            hits.append(NumberHit(match.start(group), match.end(group),
                                  Decimal(match.group(group)), None, "score", unit=unit))
        taken.append((match.start(), match.end()))
    for match in _PERCENT_RANGE.finditer(text):  # "25-30% of the vote": both ends are shares
        for name in ("low", "high"):
            hits.append(NumberHit(match.start(name), match.end(name) if name == "low"
                                  else match.end(), Decimal(match.group(name)), None,
                                  "percent"))
        taken.append((match.start(), match.end()))
    for match in _DIGITS.finditer(text):
        start, end = match.start(), match.end()
        before = text[start - 1] if start else " "
        if before.isalnum() or (before in "-_/" and start > 1 and text[start - 2].isalnum()
                                and not re.search(r"\b(?:over|under|nearly|almost|about|up"
                                                  r"|level|grade|category|tier|stage|phase)-$",
                                                  text[max(0, start - 9):start], re.I)):
            continue  # G7, COVID-19, 24/7 (but "the over-4 month gap" is a number)
        if any(s <= start < e for s, e in taken) or re.match(r"(?:st|nd|rd|th|s)\b|[:/-]\d",
                                                            text[end:end + 3]):
            continue
        if text[end:end + 1] == "°":
            continue  # 100°C: a unit written onto the digits (see _spelled_out)
        if text[end:end + 1] == "." and text[end + 1:end + 2].isdigit():
            continue  # a version number such as 1.2.3
        value = Decimal(match.group("num").replace(",", ""))
        if start and text[start - 1] in "-−" and (start == 1 or text[start - 2] in " (\n"):
            start, value = start - 1, -value  # -20 degrees
        elif re.search(r"\bminus\s+$", text[max(0, start - 7):start], re.IGNORECASE):
            value = -value
        currency = match.group("cur")
        suffix = match.group("suffix")
        if suffix == "m" and currency is None and _MILLION_OF.match(text, end):
            pass  # "6m tonnes", "2.5m users", "3m people": millions of a plural noun
        elif suffix == "m" and currency is None and _MILLION_END.match(text, end) and \
                _MILLION_LEAD.search(text, max(0, start - 12), start) and \
                _CHANGED.search(text, max(0, start - 60), start):
            pass  # "were up 6% to 70m.": a count's level after a change, no length
        elif suffix == "m" and currency is None and _IN_MILLIONS.search(
                re.split(r"[.!?]\s", text[max(0, start - 200):start])[-1]):
            pass  # "lost 9m visitors in the US and 2m in the UK": millions, as before it
        elif suffix in ("m", "k") and currency is None:
            continue  # 5m could be five metres
        if not suffix and not match.group("pct") and (half := _AND_A_HALF.match(text, end)):
            value, end = value + Decimal("0.5"), half.end()  # "6 and a half years"
        scale, end = (_SUFFIXES[suffix], end) if suffix else _scale(text, end)
        if match.group("pct"):
            kind = "percent"
        elif currency:
            kind = "money"
        elif scale is None and _is_year(text, start, match.end(), value):
            kind = "year"
        elif _month_near(text, start, end) and value <= 31:
            continue  # the day of a date
        else:
            kind = "number"
        hits.append(NumberHit(start, end, value, scale, kind, currency))
    consumed = 0  # the end of the last "N hundred and M": its M is no number of its own
    tens_of_a_hundred = {m.start(1) for m in re.finditer(r"\ba\s+hundred" + _AND_TENS.pattern,
                                                         text, re.IGNORECASE)}  # read below
    for match in _WORD_NUMBER.finditer(text):
        word = match.group().lower()
        parts = word.split("-")
        value = Decimal(sum(UNITS_WORDS[p] for p in parts))
        end = match.end()
        if match.start() < consumed or match.start() in tens_of_a_hundred:
            continue  # the "forty" of "two hundred and forty", the "fifty" of "a hundred and"
        if word != "dozen" and (half := _AND_A_HALF.match(text, end)) is not None:
            value, end = value + Decimal("0.5"), half.end()  # "two and a half years"
        scale, end = _scale(text, end)
        if scale == "hundred" and (bigger := _scale(text, end))[0] is not None:
            value, (scale, end) = value * 100, bigger  # "nine hundred million": 900 million
        elif scale == "hundred" and (tens := _AND_TENS.match(text, end)) is not None:
            value, scale, end = value * 100 + _word_value(tens.group(1)), None, tens.end()
            consumed = end  # "two hundred and forty passengers": 240 (round 23)
        if word == "one" and scale is None and not _ONE_TO.match(text, match.end()) and \
                value == 1:
            continue  # "one of", "no one": counted only as "one million"
        if re.match(r"[\s-]quarters?\s+(?:of|the)\b", text[match.end():match.end() + 16]):
            continue  # "three-quarters of": a share, read below
        if word == "dozen" and not re.search(r"\ba\s+$", text[max(0, match.start() - 3):
                                                             match.start()]):
            continue  # "dozens of": vague
        start = match.start() - 2 if word == "dozen" else match.start()
        if word == "dozen" and re.search(r"\bhalf\s+$", text[max(0, start - 6):start], re.I):
            start, value = text.rindex("alf", 0, start) - 1, Decimal(6)  # "half a dozen"
        pct = re.match(r"\s?(?:per\s?cent|percent)\b", text[end:end + 10]) \
            if scale is None else None  # "three percent": a share, as "3 percent" is
        hits.append(NumberHit(start, end + pct.end() if pct else end, value, scale,
                              "percent" if pct else "number"))
    for match in re.finditer(r"\b(?:a|one)\s+(hundred|thousand|million|billion)\b", text,
                             re.IGNORECASE):
        word = match.group(1).lower()
        part = _PART_OF.search(text, max(0, match.start() - 20), match.start())
        start, share = (part.start(), _PARTS[part.group(1).lower().split()[0]]) if part and \
            match.group().lower().startswith("a") else (match.start(), Decimal(1))
        tens = _AND_TENS.match(text, match.end()) if word == "hundred" else None
        if word in ("hundred", "thousand") and not match.group().lower().startswith("one"):
            hits.append(NumberHit(start, tens.end() if tens else match.end(), SCALES[word] * share
                                  + (_word_value(tens.group(1)) if tens else 0), None,
                                  "number"))  # "a thousand years"; "a hundred and fifty"
            consumed = max(consumed, tens.end() if tens else 0)
        elif not match.group().lower().startswith("one"):  # "one million" is counted above
            hits.append(NumberHit(start, match.end(), share, word, "number"))  # "half a
            # million people": 0.5 million; "a quarter of a million": 0.25 million
    for match in re.finditer(r"\ba\s+couple\s+of\b", text, re.IGNORECASE):  # about two
        hits.append(NumberHit(match.start(), match.end(), Decimal(2), None, "number"))
    for match in _ORDINAL.finditer(text):
        noun = re.match(r"[\s-]+([a-z]+)", text[match.end():match.end() + 30])
        if noun is None or noun.group(1) in UNIT_STOP:
            continue  # "fell by a third in", "the third of": a fraction or no count
        hits.append(NumberHit(match.start(), match.end(), Decimal(ORDINALS[match.group()
                                                                          .lower()]),
                              None, "ordinal", unit="years old" if noun.group(1) == "birthday"
                              else None))
    hits.extend(_spelled_out(text, [(h.start, h.end) for h in hits]))
    return sorted(hits, key=lambda hit: hit.start)


# A unit written onto the digits ("550mph", "5km", "100C"): the unit each stands for.
_ATTACHED = {"mph": "miles per hour", "kph": "kilometres per hour", "km/h": "kilometres per hour",
             "km/hr": "kilometres per hour", "kmh": "kilometres per hour", "km": "kilometres",
             "kg": "kilograms", "mm": "millimetres", "cm": "centimetres", "ft": "feet",
             "lb": "pounds", "lbs": "pounds",
             "mg": "milligrams", "kw": "kilowatts", "kwh": "kilowatt hours", "mw": "megawatts",
             "gw": "gigawatts", "gb": "gigabytes", "mb": "megabytes", "tb": "terabytes",
             "c": "degrees Celsius", "f": "degrees Fahrenheit", "°c": "degrees Celsius",
             "°f": "degrees Fahrenheit", "°": "degrees", "p": "pence"}
_ATTACHED_RE = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)("
                          + "|".join(sorted(_ATTACHED, key=len, reverse=True))
                          + r")(?!\w)", re.IGNORECASE)  # "550mph", "17,500mph"
# Periods and measures counted with "a" ("within a decade", "a year to fall one metre").
_ONE_UNIT = ("decade|century|year|month|fortnight|week|day|hour|minute|second|metre|meter"
             "|mile|kilometre|kilometer|tonne|ton|litre|liter|kilogram|kilo|pound|foot|inch")
_A_UNIT = re.compile(rf"\b(?:a|an|one|the (?:past|last|next|previous|coming))\s+({_ONE_UNIT})"
                     r"\b(?![-’'])", re.IGNORECASE)
_RATE_BEFORE = re.compile(r"(?:\b(?:times|twice|once|per|each|every)|(?:\d\S*|\b(?:" + "|".join(
    UNITS_WORDS) + r"|hundred|thousand|million|billion)\b)(?:\s+\S+){0,2})\s+$",
                          re.IGNORECASE)  # "5 tonnes a year", "twice a day": a rate, not 1
# "60 minutes of exercise a day", "two hours of PE a week": a rate after a longer amount.
_RATE_AFTER_AMOUNT = Lazy(r"(?:\d\S*|\b(?:" + "|".join(UNITS_WORDS) + r"|hundred|thousand"
                                r"|million|billion)\b)(?:\s+[a-z]\S*){1,6}\s+$", re.IGNORECASE)
_SPAN_BEFORE = Lazy(r"\b(?:for|in|within|after|over|than|about|only|just|least|most|take"
                         r"|takes|took|lasted|lasts|last|spent|spend|spends|to|by)\s+$",
                         re.IGNORECASE)  # "for one day", "took one day": a span of a day
_MULTIPLES = {"twice": 2, "doubled": 2, "doubling": 2, "twofold": 2, "two-fold": 2,
              "trebled": 3, "tripled": 3, "trebling": 3, "tripling": 3, "threefold": 3,
              "three-fold": 3, "quadrupled": 4, "fourfold": 4, "four-fold": 4, "fivefold": 5,
              "tenfold": 10, "ten-fold": 10}
_MULTIPLE_RE = re.compile(r"\b(" + "|".join(_MULTIPLES) + r")\b", re.IGNORECASE)
_PLACE_CUE = Lazy(r"\b(?:rank|ranked|ranking|ranks|finished|placed|came|comes|lies|lying"
                        r"|sits|sitting|position|place|currently)\b[^.]{0,25}$", re.IGNORECASE)


def _spelled_out(text: str, taken: list[tuple[int, int]]) -> list[NumberHit]:
    """Amounts written without a plain number: units written onto digits ("550mph"), "a
    decade", "half of", "twice" or "trebled", and a place such as "14th out of 20"."""
    hits = []

    spans = Spans(taken)

    def free(start: int, end: int) -> bool:
        return not spans.overlaps(start, end)

    for match in _ATTACHED_RE.finditer(text):
        if free(match.start(), match.end()):
            amount = Decimal(match.group(1).replace(",", ""))  # "17,500mph" too
            if re.search(r"(?:\bminus\s+|(?:^|[\s(])[-−])$", text[max(0, match.start() - 7):
                                                                  match.start()], re.I):
                amount = -amount  # "minus 20C", "fell to -20C"
            hits.append(NumberHit(match.start(), match.end(), amount, None, "number",
                                  unit=_ATTACHED[match.group(2).lower()]))
    for match in _A_UNIT.finditer(text):
        if match.group().lower() == "one day" and not _SPAN_BEFORE.search(
                text[max(0, match.start() - 12):match.start()]):
            continue  # "it could one day be studied", "One day, she …": some day, no figure
        if match.group(1).lower() == "second" and re.match(
                r"\s+(?!(?:of|to|in|or|and|later|after|before|for|ago|earlier|longer|each|per"
                r"|every|a|an|the|at|on|when|while|as|than|is|was)\b)[a-z]",
                text[match.end():match.end() + 20]):
            continue  # "a second chance", "a second term": an ordinal, no second of time
        before = text[max(0, match.start() - 60):match.start()]
        if free(match.start(), match.end()) and not _RATE_BEFORE.search(before[-20:]) and not (
                match.group().lower().startswith("a") and _RATE_AFTER_AMOUNT.search(before)
                and not _SPAN_BEFORE.search(before)):
            hits.append(NumberHit(match.start(), match.end(), Decimal(1), None, "number",
                                  unit=match.group(1).lower()))
    for match in re.finditer(r"\b(?:(?:a\s+)?half|(?P<n>a|one|three)[\s-]quarters?)\s+(?:of|the)\b",
                             text, re.IGNORECASE):
        if free(match.start(), match.end()):  # "half of", "a quarter of", "three-quarters of"
            end = match.start() + len(match.group().rsplit(None, 1)[0])
            value = 50 if match.group("n") is None else 75 if match.group("n").lower() == \
                "three" else 25
            hits.append(NumberHit(match.start(), end, Decimal(value), None, "percent"))
    for match in _MULTIPLE_RE.finditer(text):
        if free(match.start(), match.end()):
            hits.append(NumberHit(match.start(), match.end(),
                                  Decimal(_MULTIPLES[match.group(1).lower()]), None, "number",
                                  unit="times"))
    for match in re.finditer(r"\bsecond(?=-[a-z]{3,})", text, re.IGNORECASE):
        if free(match.start(), match.end()):  # "a second-division club" ("second" alone is
            hits.append(NumberHit(match.start(), match.end(), Decimal(2), None, "ordinal"))
    for match in re.finditer(r"(?<![\w.,])(\d{1,3})(?:st|nd|rd|th)\b", text):
        if free(match.start(), match.end()) and re.match(r"\s+birthday\b", text[match.end():]):
            hits.append(NumberHit(match.start(), match.end(), Decimal(match.group(1)), None,
                                  "ordinal", unit="years old"))  # "on her 16th birthday"
        elif free(match.start(), match.end()) and (
                re.match(r"\s+out\s+of\b", text[match.end():match.end() + 10])
                or _PLACE_CUE.search(text[max(0, match.start() - 40):match.start()])):
            hits.append(NumberHit(match.start(), match.end(), Decimal(match.group(1)), None,
                                  "ordinal", unit="place"))
    return hits


def scale_factor(scale: str | None) -> int:
    """How much a scale word multiplies by (1 for none)."""
    return SCALES.get(scale or "", 1)
