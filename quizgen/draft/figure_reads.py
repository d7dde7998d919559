"""A figure guess, and measures read from the figures before it or from money moved."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from itertools import takewhile

from quizgen.article.lexicon import CURRENCIES, CURRENCY_WORDS, UNIT_STOP
from quizgen.article.numbers import NumberHit
from quizgen.article.text import Article
from quizgen.draft import amounts, units
from quizgen.draft.ages import kin_aged
from quizgen.draft.figure_text import named_window, share_for
from quizgen.draft.levels import money_handled
from quizgen.draft.measures import change_unit, changed_before
from quizgen.draft.quotes import Attributor
from quizgen.draft.units import label_before, plural, unit_before, unit_words


@dataclass
class FigureGuess:
    """One figure: value as written (with `to` for a range), unit, qualifier and where it is."""

    hit: NumberHit
    value: Decimal
    unit: str
    qualifier: str
    measure: str
    given_by: list[str]
    how_given: str
    excerpt: tuple[int, int]
    to: Decimal | None = None
    rhetorical: bool = False
    notes: list[str] = field(default_factory=list)


# Words after a count in millions that name no noun it counts ("its 27m total").
_NO_NOUN = frozenset({"total", "mark", "figure", "level", "peak", "high", "low"})
# A plural subject whose level a sentence gives: "Monthly visitors in Brazil were up 6% to".
_SUBJECT_UP = re.compile(r"(?:[A-Z][a-z]+\s+|[a-z]+\s+)?(?P<noun>[a-z]+s)\b(?:\s+(?:in|of|at|on"
                         r"|from|to)\s+(?:the\s+)?[A-Z][\w’'-]*)?\s+(?:were|are|was|is|have|has"
                         r"|had)?\s*(?:been\s+)?(?:up|down|rose|risen|fell|fallen|grew|grown"
                         r"|climbed|dropped)\b", re.IGNORECASE)
# A verb of change and "to" right before a number: the level the change reached.
_WENT_TO = re.compile(r"\b(rose|risen|grew|grown|climbed|jumped|increased|doubled|tripled"
                      r"|trebled|fell|fallen|dropped|declined|decreased|shrank|shrunk|halved"
                      r"|sank)\s+to\s+(?:about\s+|nearly\s+|almost\s+|over\s+|some\s+)?$")
_FALLING = ("fell", "fallen", "dropped", "declined", "decreased", "shrank", "shrunk", "halved",
            "sank")


class FigureReads:
    """Readings of a figure's measure that look at the figures before it in its sentence."""

    attributor: Attributor
    article: Article
    text: str
    done: list[FigureGuess]
    lower_words: set[str]

    def done_since(self, start: int) -> Iterator[FigureGuess]:
        """The figures done from `start` on, the last first (`done` is in text order, so the
        scan stops at `start` rather than going back through the whole article)."""
        return takewhile(lambda g: g.hit.start >= start, reversed(self.done))

    def unit_of(self, hit: NumberHit, first: NumberHit | None) -> tuple[str, int]:
        """A figure's unit, and where its words end: a percentage's, a year's, money's, a
        unit the number carries, else the noun after it or what the sentence before counts."""
        unit_end = hit.end
        if hit.kind == "percent":  # a rise of 300% is a change, not a share
            unit = "percent" if 0 <= hit.value <= 100 else "percent change"
            if unit == "percent change":
                unit = change_unit(self.text, hit)
        elif hit.kind == "year":
            unit = "year"
        elif hit.kind == "time":
            unit = "time of day"
        elif hit.kind == "money":  # "£7.20 an hour": pounds an hour
            unit = CURRENCIES.get(hit.currency or "", "dollars") + units.money_rate(self.text,
                                                                                    hit.end)
        elif hit.kind == "score":
            unit = hit.unit or "goals"
        elif hit.unit is not None:  # "550mph", "a decade", "twice", "14th out of 20"
            named = {"kilo": "kilograms"}.get(hit.unit, hit.unit)
            unit = named if named in ("times", "place", "pence") or named.endswith("s") or \
                " " in named else plural(named)
        else:
            noun, unit_end = unit_words(self.text, hit.end)
            if hit.scale and noun.split()[:1] and noun.split()[0].lower() in _NO_NOUN:
                noun, unit_end = "", hit.end  # "its 27m total": 27m of what it counts
            label = label_before(self.text, hit.start) if hit.kind != "ordinal" else ""
            following = re.match(r"\s+([a-z]+)", self.text[hit.end:hit.end + 20])
            if label and (following is None or following.group(1) in UNIT_STOP
                          or self.text[hit.start - 1] == "-"):  # "a level-5 match": level
                noun, unit_end = label, hit.end  # "a match at level 5": level
            if hit.kind == "ordinal" and noun:  # "a twelfth public holiday": public holidays
                noun = " ".join([*noun.split()[:-1], plural(noun.split()[-1])])
            if (noun and noun.split()[0].lower() in CURRENCY_WORDS) or noun:
                unit = noun
            elif amounts.aged_before(self.text, (first or hit).start) or (
                    first is None and amounts.life_step_age(self.text, hit)) or kin_aged(
                    self.text, hit.start):
                unit = "years old"  # "1,500 children aged between five and 11": an age
            elif after_change := self.level_after_change(hit)[1]:
                unit = after_change  # "visitors … were up 6% to 70m": 70m visitors
            elif (earlier := self.counted_before(hit)) is not None and earlier.unit != \
                    earlier.hit.scale:  # "42,200 cases ... 941"
                unit = earlier.unit.removeprefix((earlier.hit.scale or "") + " ")
            elif hit.scale and (subject := _SUBJECT_UP.match(self.text, self.article.sentence_at(
                    hit.start).start)) is not None and subject.end() < hit.start:
                unit = subject.group("noun").lower()  # "Visitors in Brazil were up 6% to 70m"
            elif hit.scale and (earlier := self.scaled_before(hit)) is not None:
                unit = earlier.unit.removeprefix(earlier.hit.scale or "").strip()  # "... to 64m"
            else:
                unit = unit_before(self.text, self.article.sentence_at(hit.start).start,
                                    hit.start)
        return unit, unit_end

    def money_moved(self, hit: NumberHit, after_end: int) -> str:
        """Money raised, paid or worth (see levels.money_handled), read again with a he/she
        before it named ("He is worth $75bn": value of Tom Hale)."""
        start = self.article.sentence_at(hit.start).start
        if handled := money_handled(self.text, start, hit.start, after_end):
            return handled
        moved, window = named_window(self.attributor, start, hit)
        return money_handled(window, 0, moved.start, after_end - hit.start + moved.start) \
            if moved.start != hit.start - start else ""

    def change_of_before(self, hit: NumberHit) -> str:
        """ "160,000 Americans visited, up 77% on the year before": the rise in the amount
        just before it in its sentence ("rise in the number of Americans who visited …")."""
        sentence = self.article.sentence_at(hit.start)
        moved = re.search(r"[,(–—]\s*(up|down)\s+(?:by\s+)?(?:about\s+|nearly\s+|almost\s+"
                          r"|more\s+than\s+|some\s+)?$", self.text[sentence.start:hit.start])
        earlier = next((g for g in self.done_since(sentence.start)
                        if g.hit.kind not in ("percent", "year", "time")), None)
        if moved is None or earlier is None or "(" in earlier.measure or \
                not earlier.measure.startswith(("number of", "amount of", "money", "price",
                                                "cost", "value")):
            return ""
        return f"{'rise' if moved.group(1) == 'up' else 'fall'} in the {earlier.measure}"

    def change_in_apposition(self, hit: NumberHit) -> str:
        """ "has lost 6m US visitors, a 4% fall", "1.4m fewer users …, a fall of 4.5%": a
        change set off by a comma after a count is the change in the number it counts."""
        sentence = self.article.sentence_at(hit.start)
        after = re.match(r"\s+(fall|rise|drop|increase|decrease|decline|jump|gain|loss)\b"
                         r"(?!\s+(?:in|of)\b)", self.text[hit.end:hit.end + 16])
        before = re.search(r",\s+an?\s+(?:(fall|rise|drop|increase|decrease|decline|jump|gain"
                           r"|loss)\s+of\s+(?:about\s+|nearly\s+|almost\s+|some\s+)?)?$",
                           self.text[sentence.start:hit.start])
        if before is None or (after is None) == (before.group(1) is None):
            return ""
        earlier = self.counted_before(hit)
        if earlier is None or not earlier.measure.startswith("number of ") or \
                re.search(r"[;:.!?]", self.text[earlier.hit.end:hit.start]):
            return ""
        noun = " ".join(w for w in earlier.unit.split() if w.lower() not in _SCALE_WORDS)
        if not noun or noun in ("units", "people"):
            return ""
        change = (after.group(1) if after is not None else before.group(1)).lower()
        return f"{change} in the number of {noun}"

    def change_seen(self, hit: NumberHit, change: str) -> str:
        """ "Japan has seen a 4% rise", "The town saw a 10% fall": a bare change its subject
        sees, records or suffers is the change that subject saw; else ""."""
        sentence = self.article.sentence_at(hit.start)
        seen = _SEEN.search(self.text[sentence.start:hit.start])
        if seen is None:
            return ""
        subject = seen.group(1).split()
        cut = max((i + 1 for i, w in enumerate(subject) if w.lower() in _CLAUSE_WORDS), default=0)
        subject = subject[cut:]
        if len(subject) > 2 and subject[0].lower() in ("in", "on", "at", "by", "during", "last",
                                                        "this", "next"):
            subject = subject[2:]  # "In March the shop recorded …": the shop
        if not subject or len(subject) > 6 or any(w.lower() in _NO_SUBJECT for w in subject):
            return ""
        if subject[0] in ("The", "A", "An", "Its", "Their", "This"):
            subject[0] = subject[0].lower()
        return f"{change} that {' '.join(subject)} {seen.group(2)}"

    def level_after_change(self, hit: NumberHit) -> tuple[str, str]:
        """ "Visitors in Brazil were up 6% to 70m": the level after the rise the percentage
        before it measures, as ("visitors in Brazil after the rise", "visitors"); else ("", "")."""
        sentence = self.article.sentence_at(hit.start)
        if not re.search(r"\bto\s+(?:about\s+|nearly\s+|almost\s+|over\s+)?$",
                         self.text[max(sentence.start, hit.start - 20):hit.start]):
            return "", ""
        earlier = next((g for g in reversed(self.done) if g.hit.start >= sentence.start
                        and g.hit.kind != "year"), None)  # "grown by 20% since 2015, to 10m"
        moved = re.fullmatch(r"(rise|fall|drop|increase|decrease|decline) in (?:the )?([\w’' -]+)",
                             earlier.measure) if earlier is not None and \
            earlier.hit.kind == "percent" else None
        went = _WENT_TO.search(self.text, sentence.start, hit.start) if moved is None else None
        if went is not None and (earlier is None or earlier.hit.kind != "percent"):  # "Visitors
            # to Japan rose to 19.7m", "Sales of cars doubled to 40,000"
            what = changed_before(self.text, sentence.start, went.end())
            change = "fall" if went.group(1).startswith(_FALLING) else "rise"
            moved = re.fullmatch(r"(rise|fall) in (?:the )?([\w’' -]+)", f"{change} in {what}") \
                if len(what.split()) > 1 and not what.startswith((  # "Deaths rose to 1.38m",
                    "rise ", "fall ", "the number of ", "number of ")) else None  # as before
        if moved is None:
            return "", ""
        what = moved.group(2).removeprefix("number of ")
        head = re.split(r"\s+(?:in|of|at|on|for|from|to|by|with)\s+", what)[0].split()[-1]
        return f"{what} after the {moved.group(1)}", head if head.endswith("s") else ""

    def share_as_before(self, hit: NumberHit) -> str:
        """ "51.2% of the vote against 44.2% for X": the share "for X" of the one before."""
        sentence = self.article.sentence_at(hit.start)
        earlier = next((g for g in self.done_since(sentence.start)
                        if g.hit.kind == "percent" and g.measure.startswith("share of ")), None)
        return share_for(self.text, earlier.hit, earlier.measure, hit) if earlier else ""

    @cached_property
    def after_word(self) -> dict[str, bool]:
        """What said_after_word found, by word (one dict for each draft's finder)."""
        return {}

    def said_after_word(self, word: str) -> bool:
        """Whether the article has the word after a lower-case word or a comma ("… said Jones"),
        searched once a word: a search of the whole text for each figure grew with the square
        of the article's length (issue 22)."""
        if word not in self.after_word:
            self.after_word[word] = re.search(rf"[a-z,] {word}\b", self.text) is not None
        return self.after_word[word]

    def common_first(self, measure: str, hit: NumberHit) -> str:
        """The measure with its sentence's first word in lower case when that word is in it
        and names no one ("number of adults that researchers followed", not "Researchers"):
        it is used in lower case elsewhere in the article."""
        first = re.match(r"\s*([A-Z][a-z]+)\b(?!\s+[A-Z])", self.text[self.article.sentence_at(
            hit.start).start:hit.start])
        word = first.group(1) if first is not None else ""
        if not word or not re.search(rf"(?<![\w’'-]){word}\b", measure):
            return measure
        named = any(word in e.name.split() and e.name != word
                    for e in self.attributor.entities.values() if e.kind != "group") or \
            self.said_after_word(word)  # "… said Jones"
        if named or word.lower() not in self.lower_words:
            return measure  # "Leeds lost to Hull": never "leeds"
        return re.sub(rf"(?<![\w’'-]){word}\b", word.lower(), measure, count=1)

    def counted_before(self, hit: NumberHit) -> FigureGuess | None:
        """The last count (not a year or percentage) before this number in its sentence."""
        start = self.article.sentence_at(hit.start).start
        return next((g for g in takewhile(lambda g: g.hit.start >= start, reversed(self.done))
                     if g.unit not in ("year", "percent", "time of day", "units", "place")), None)

    def scaled_before(self, hit: NumberHit) -> FigureGuess | None:
        """The last count in millions or billions with its noun in the sentence before this
        one ("Visitors were up 6% to 70m. India has seen a 4% rise to 64m": visitors)."""
        start = self.article.sentence_at(hit.start).start
        before = self.article.sentence_at(max(0, start - 2)).start if start else start
        return next((g for g in takewhile(lambda g: g.hit.start >= before, reversed(self.done))
                     if g.hit.scale and g.hit.kind == "number" and g.hit.start < start
                     and g.unit.split()[-1:] != [g.hit.scale]), None)

    def listed_with(self, hit: NumberHit, noun: str) -> str:
        """ "The school has 1,200 pupils and 80 teachers": a count listed right after another
        count of its sentence, with "and" or a comma, is said with the same words ("number of
        teachers of the school"); else ""."""
        earlier = self.counted_before(hit)
        if earlier is None or not earlier.measure.startswith("number of ") or "(" in \
                earlier.measure or "," in earlier.measure:
            return ""
        counted = earlier.unit.removeprefix((earlier.hit.scale or "") + " ")
        between = self.text[earlier.hit.end:hit.start]
        if not re.fullmatch(r"\s*" + re.escape(counted) + r"\s*(?:,\s*(?:and\s+|alongside\s+"
                            r"|as\s+well\s+as\s+|plus\s+)?|\s+and\s+|\s+alongside\s+)"
                            r"(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+|more\s+than"
                            r"\s+|over\s+)?", between) or \
                not earlier.measure.startswith(f"number of {counted} "):
            return ""
        return f"number of {noun} {earlier.measure.removeprefix(f'number of {counted} ')}"

    def figure_again(self, hit: NumberHit) -> str:
        """ "900,000 people live with dementia, a figure expected to rise to 1.6 million": the
        same measure as the figure before it in its sentence, as expected later; "sold 12
        million sets, down from 15 million in 2019": that measure in 2019; else ""."""
        sentence = self.article.sentence_at(hit.start)
        again = _AGAIN.search(self.text, sentence.start, hit.start)
        before = _FROM.search(self.text, sentence.start, hit.start)
        earlier = next((g for g in self.done_since(sentence.start)
                        if g.hit.kind not in ("year", "time")), None)
        if (again is None and before is None) or earlier is None or "(" in earlier.measure \
                or "," in earlier.measure:
            return ""
        year = re.match(r"[^,;.]{0,30}?\b(by|in)\s+((?:19|20)\d\d)\b", self.text[hit.end:
                                                                          hit.end + 60])
        if again is None:  # "sold 12 million sets, down from 15 million in 2019"
            done = re.sub(r"\s+(?:expected|forecast|predicted|projected|estimated)\b.*$", "",
                          earlier.measure)  # "sales expected by analysts": sales in 2019
            last = re.match(r"[^,;.]{0,12}?\b(last\s+year|a\s+year\s+(?:earlier|ago|before)"
                            r"|the\s+(?:previous|year\s+before))\b",
                            self.text[hit.end:hit.end + 40])
            return done + (f" in {year.group(2)}" if year else f" {last.group(1)}" if last
                           else " before")  # "…, up from 1,810 last year"
        shown = f"{again.group(1)} {earlier.measure}" if again.group(1) else earlier.measure
        return shown + (f" {year.group(1)} {year.group(2)}" if year else "")


# A subject, then a verb of undergoing or recording, then "a" before a percentage: "Japan has
# seen a 4% rise"; the subject starts after a clause boundary or a time phrase.
_SEEN = re.compile(r"(?:^|[,;:]\s+|\.\s+|\b(?:In|in|On|on|Last|last|This|this)\s+[\w]+\s+)"
                   r"((?:[A-Za-z][\w’'-]*\s+){0,5}?[A-Za-z][\w’'-]*)\s+((?:has\s+|have\s+|had\s+)?"
                   r"(?:seen|saw|sees|see|recorded|records|reported|reports|posted|posts|suffered"
                   r"|suffers|enjoyed|enjoys|experienced|experiences|registered|registers))"
                   r"\s+an?\s+(?:about\s+|nearly\s+|almost\s+)?$")
_CLAUSE_WORDS = frozenset({"after", "before", "when", "because", "as", "while", "and", "but",
                           "so", "that", "which", "since", "until", "if", "although", "though"})
_NO_SUBJECT = frozenset({"i", "we", "you", "it", "they", "he", "she", "which", "who", "that",
                         "there", "this"})
_SCALE_WORDS = frozenset({"hundred", "thousand", "million", "billion", "trillion", "m", "bn",
                          "k"})
# An amount said again as where it is going ("…, a figure expected to rise to 1.6 million").
_AGAIN = re.compile(r",\s+(?:a|the)\s+(?:figure|number|total)\s+(?:that\s+is\s+|which\s+is\s+)?"
                    r"(expected|forecast|projected|predicted|set|likely)?\s*(?:to\s+)?(?:rise|grow"
                    r"|increase|fall|drop|reach|double|climb|decline)\s+(?:to\s+)?(?:about\s+"
                    r"|around\s+|nearly\s+|almost\s+|more\s+than\s+|over\s+)?$")
# An amount an earlier one changed from ("…, down from 15 million in 2019").
_FROM = re.compile(r"[,(–—]\s*(?:down|up)\s+from\s+(?:about\s+|around\s+|nearly\s+|almost\s+"
                   r"|more\s+than\s+|over\s+)?$")
