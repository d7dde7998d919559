"""Figures of an article: each number with its unit, qualifier, a measure guess and its source."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from itertools import takewhile

from quizgen.article.lexicon import (
    REPORTING_VERBS,
    UNIT_STOP,
)
from quizgen.article.numbers import NumberHit, scan_numbers
from quizgen.draft import amounts
from quizgen.draft.ages import aged_person
from quizgen.draft.clause_reads import age_when, later_measure, size_at
from quizgen.draft.contexts import reread
from quizgen.draft.count_places import (
    collective_count,
    involved_in,
    place_with,
    whose_level,
)
from quizgen.draft.counts import count_clause
from quizgen.draft.dimensions import (
    MONEY_WORDS,
    age_of,
    ago_measure,
    clause_before,
    dimension_measure,
    group_of,
    priced_before,
    time_of_day_measure,
)
from quizgen.draft.entities import Mention
from quizgen.draft.figure_percent import FigurePercents
from quizgen.draft.figure_reads import FigureGuess
from quizgen.draft.figure_text import (
    ACTED_AFTER as _ACTED_AFTER,
)
from quizgen.draft.figure_text import (
    AGED_NOUN as _AGED_NOUN,
)
from quizgen.draft.figure_text import (
    BY as _BY,
)
from quizgen.draft.figure_text import (
    GIVEN as _GIVEN,
)
from quizgen.draft.figure_text import (
    LENGTH_NOUN as _LENGTH_NOUN,
)
from quizgen.draft.figure_text import (
    OVER_MEANS_MORE as _OVER_MEANS_MORE,
)
from quizgen.draft.figure_text import (
    PREPOSITIONS as _PREPOSITIONS,
)
from quizgen.draft.figure_text import (
    SPAN_NOUN as _SPAN_NOUN,
)
from quizgen.draft.figure_text import (
    WHERE_ADVERBS as _WHERE_ADVERBS,
)
from quizgen.draft.figure_text import (
    amount_doing,
    last_cut,
    named_window,
    ordinal_second,
    qualifier_after,
    rstrip_stop,
    side_of,
)
from quizgen.draft.figure_text import qualifier_before as qualifier_before  # studio/suggest.py
from quizgen.draft.frames import resolved
from quizgen.draft.insertions import blanked, insertions
from quizgen.draft.levels import holder_words, level_before, money_for
from quizgen.draft.measures import (
    PAST_VERBS,
    before_words,
    changed_before,
    cost_before,
    named_after,
    named_before,
    tail_words,
)
from quizgen.draft.money_paid import paid_in
from quizgen.draft.noun_amounts import money_noun
from quizgen.draft.periods import every_measure, gap_measure, period_measure, span_measure
from quizgen.draft.quotes import Attributor, QuoteGuess
from quizgen.draft.sizes import amount_done, dimension_of, speed_at, two_sides
from quizgen.draft.sources import FigureSources
from quizgen.draft.time_spent import multiplied, time_spent
from quizgen.draft.units import APPOSED_AGE, LABELS, PERIOD_UNITS
from quizgen.draft.years import year_measure


class _FigureFinder(FigureSources, FigurePercents):
    def __init__(self, attributor: Attributor, quotes: list[QuoteGuess], article_key: str
                 ) -> None:
        self.attributor = attributor
        self.article = attributor.article
        self.text = self.article.text
        self.quotes = quotes
        self.by_quote = {guess.quoted.start: guess for guess in quotes}
        self.article_key = article_key
        self.measures: dict[str, int] = {}
        self.last_base = ""  # the last measure counted, before any mark telling it apart
        self.lower_words = set(re.findall(r"(?<![\w’'-])[a-z]+\b", self.text))  # "researchers"
        self.done: list[FigureGuess] = []
        self.reporting: dict[int, list[tuple[int, list[str], str]]] = {}  # by sentence index
        self.subjects: dict[int, list[tuple[int, int, list[Mention]]]] = {}  # likewise
        self.inserted = insertions(self.article)
        self.plain = (blanked(self.text, self.inserted),
                      blanked(attributor.masked, self.inserted)) if self.inserted else ("", "")

    def measure(self, hit: NumberHit, unit: str, after_end: int) -> str:
        """A noun phrase a prompt can use ("number of people who are malnourished", "price of
        green juice", "year in which the Pentagon published a report"), told apart (counted)."""
        rest = self.text[after_end:after_end + 60]
        having = re.match(r"\s+having(?=\s+been\s+[a-z]+ed\b)", self.text[after_end:after_end + 20])
        told = after_end + having.end() if having else after_end  # "a million having been
        tail = tail_words(self.text, told)  # added": number of … added
        if hit.kind == "percent":
            measure = self.percent_measure(hit, after_end)
        elif hit.kind == "year":
            moved, window = named_window(self.attributor, self.article.sentence_at(hit.start).start,
                                         hit)  # "since he took office in 2022": he is named
            measure = year_measure(window, 0, moved, window)
        elif hit.kind == "time":
            sentence = self.article.sentence_at(hit.start)
            moved, window = named_window(self.attributor, sentence.start, hit)
            measure = time_of_day_measure(window, 0, moved.start, moved.end) or "time of day"
        elif (hit.kind == "money" or set(unit.lower().split()) & MONEY_WORDS) and (
                handled := self.money_moved(hit, after_end)):
            measure = handled  # "Glastonbury raised £2m for charity", "X is worth $250bn"
        elif hit.kind == "money" or set(unit.lower().split()) & MONEY_WORDS:
            bought = re.match(r"\s+(for|on)\s+", rest)
            given = _GIVEN.search(self.text, max(0, hit.start - 40), hit.start)
            start = self.article.sentence_at(hit.start).start
            for_what = tail_words(self.text, after_end + bought.end() - 1) if bought else ""
            if for_what and given and bought and bought.group(1) == "for":
                measure = f"money {given.group(1)} for {for_what}"  # "raised £3m for charity"
            elif for_what:
                measure = "price of " + for_what
            else:
                measure = self.figure_again(hit) or money_for(  # "…, up from $1.9bn in 2019"
                    self.text, start, hit.start, after_end) or cost_before(
                    self.text, start, hit.start) or priced_before(
                    self.text, start, hit.start) or changed_before(
                    self.text, start, hit.start) or named_before(  # "profits rose to $4.3bn"
                    self.text, start, hit.start) or paid_in(self.text, start, hit.start,
                                                            after_end) or named_after(
                    self.text, after_end) or \
                    money_noun(self.text, hit.end) or level_before(  # "The match fee is £95"
                    self.text, start, hit.start) or amount_doing(self.text, after_end)
        elif (strong := re.match(r"-strong\s+([a-z]+)", self.text[hit.end:hit.end + 30])):
            measure = f"size of the {strong.group(1)}"  # "the 10,000-strong crowd"
        elif unit == "years old":
            moved, window = named_window(self.attributor, self.article.sentence_at(hit.start)
                                         .start, hit)  # "when she was 14": her age, by name
            measure = aged_person(  # "the 52-year-old pilot said": the person named
                self.attributor, hit.start, hit.end) or age_when(  # "When she was 10, she …"
                window, moved.start, moved.end) or age_of(window, 0, moved.start)
            after = _AGED_NOUN.match(self.text, after_end)
            aged = list(takewhile(lambda w: w not in UNIT_STOP and not w.endswith("ed"),
                                  after.group().split() if after is not None else []))
            if measure == "age" and aged and "-year-old" in self.text[hit.end:after_end]:
                measure = f"age of the {' '.join(aged)}"  # "a 12-year-old boy": the boy's age
            elif measure == "age" and (apposed := APPOSED_AGE.search(self.text, max(
                    0, hit.end - 40), hit.end)):  # "The driver, 54, was arrested"
                measure = f"age of the {apposed.group(1)}"
        elif unit.startswith("out of ") and (ratio := amounts.ratio_measure(self.text, after_end)):
            measure = ratio  # "four out of five teachers say …": share of teachers who say …
        elif unit == "place":
            measure = "position"
        elif unit in LABELS and (joined := re.match(r"\s+([a-z]+)\b", self.text[hit.end:])) and \
                self.text[hit.start - 1] == "-" and joined.group(1) not in UNIT_STOP:
            measure = f"{unit} of the {joined.group(1)}"  # "a level-5 match": of the match
        elif unit in LABELS:  # "at level 5 of the league": level of the league
            measure = unit + (f" {tail}" if tail.startswith("of ") else "")
        elif unit.split()[-1:] and unit.split()[-1] in PERIOD_UNITS and (since := ago_measure(
                self.text, self.article.sentence_at(hit.start).start, hit.start, after_end)):
            measure = since  # "ten years ago": time since …
        elif unit.split()[-1:] and unit.split()[-1] in PERIOD_UNITS and (gap := gap_measure(
                self.text, self.article.sentence_at(hit.start).start, hit.start, after_end)
                or every_measure(self.text, self.article.sentence_at(hit.start).start,
                                 hit.start) or later_measure(self.attributor, self.article.
                                 sentence_at(hit.start).start, hit.start, after_end)):
            measure = gap  # "three months before the final, …", "every two years"
        elif not ordinal_second(self.text, hit) and (period := period_measure(
                0, *named_window(self.attributor, self.article.sentence_at(hit.start).start, hit),
                unit)):
            measure = period
        elif hit.unit is not None and (sides := two_sides(self.text, hit)):
            measure = sides  # "the 2m x 3m panel": the length of each side of the panel
        elif (_SPAN_NOUN.match(self.text, hit.end) or (
                hit.unit is not None and _LENGTH_NOUN.match(self.text, hit.end))) and tail:
            kept = list(takewhile(lambda w: w not in PAST_VERBS, tail.split()))
            measure = f"length of the {' '.join(kept)}"  # "a 70-minute discussion", "the 34km
            # crossing from Dover took": the crossing's, not "… took"
        elif unit.split()[-1:] and unit.split()[-1] in PERIOD_UNITS and not ordinal_second(
                self.text, hit) and (span := span_measure(resolved(
                self.attributor, last_cut(self.attributor.masked, self.article.sentence_at(
                    hit.start).start, hit.start), hit.start), tail)):  # "He spent": Ana Ruiz
            measure = span  # "time Mason's team spent swabbing the subway"
        else:
            noun = unit.removeprefix((hit.scale or "") + " ").strip() or "items"
            if hit.kind == "score" and tail.split()[:1] and tail.split()[0] not in _PREPOSITIONS:
                tail = ""  # "a 2-1 win for X": goals, not "goals win for X"
            side = side_of(self.text, self.article.sentence_at(hit.start).start, hit) \
                if hit.kind == "score" else ""
            if side:  # "X beat Y 2-1": goals scored by X, goals scored by Y
                return self.counted(f"{noun} scored by {side}", hit)
            doing = group_of(self.text, self.article.sentence_at(hit.start).start, hit.start) or (
                count_clause(self.text, told, noun) if noun != "units" else "")
            if doing:  # "23 people had been arrested": number of people arrested
                tail = doing
            opening = self.article.sentence_at(hit.start).start
            if _BY.search(self.text, max(0, hit.start - 24), hit.start) and (
                    by_change := changed_before(self.text, opening, hit.start)).startswith(
                    ("rise in ", "fall in ")):
                return self.counted(by_change, hit)  # "The population shrank by 1m": the fall
            went = changed_before(self.text, self.article.sentence_at(hit.start).start,
                                  hit.start) if not tail and not doing else ""
            if went and went.split()[-1].lower() == noun.split()[-1].lower():
                pass  # "Deaths rose to 1.38 million": number of deaths
            elif not tail and noun != "units":  # "number of sensors the suit contains"
                opening = self.article.sentence_at(hit.start).start
                tail = place_with(self.text, opening, hit.start) or involved_in(
                    self.text, opening, hit.start) or holder_words(
                    self.text, opening, hit.start, acted=True) or clause_before(
                    self.text, self.article.sentence_at(hit.start).start, hit.start)
            elif not doing and noun != "units" and (tail.split()[0] in _ACTED_AFTER or re.match(
                    r"(?:last|this|next|every|each)\s+(?:year|week|month|day|season|spring"
                    r"|summer|autumn|winter|weekend|night|time)", tail) or (noun in (
                    "times", "occasions") and not re.match(
                    r"\s+(?:more|less|fewer|as|the|a|an|(?!(?:over|under|after|ever|never)\b)"
                    r"[a-z]+er)\b", rest))  # "scored three times against Spain", not "four
                    # times more water"
                    or tail.split()[0] in _WHERE_ADVERBS) and (
                    acted := holder_words(self.text, self.article.sentence_at(hit.start).start,
                                          hit.start, acted=True) or self.relative_count(
                        hit, unit, rest)) and not acted.startswith("of "):  # "which employs …"
                tail = f"{acted} {tail}"  # "Police arrested two men on suspicion of …"
            measure = f"number of {noun}" + (f" {tail}" if tail and noun != "units" else "")
            start = self.article.sentence_at(hit.start).start
            taken = (amounts.time_taken(self.text, start, hit.start, tail) or time_spent(
                self.text, start, hit.start, after_end)) if noun.split()[0] in PERIOD_UNITS \
                else ""  # "It takes eight hours to fly …", "spends 4 hours watching TV"
            if measure == f"number of {noun}" and (listed := self.listed_with(hit, noun)):
                measure = listed  # "1,200 pupils and 80 teachers": of the school, both
            special = multiplied(self.text, start, hit.start, hit.end) or self.level_after_change(
                hit)[0] or self.figure_again(hit) or \
                amounts.population_of(
                self.text, start, hit.start) or amounts.number_of(self.text, start, hit.start) \
                or whose_level(self.text, start, hit.start) or collective_count(
                    self.text, start, hit.start, hit.end) or taken  # "X, whose crowd is …"
            if special.startswith("number of ") and (changed := changed_before(
                    self.text, start, hit.start)).startswith(("rise in the number of ",
                                                              "fall in the number of ")):
                special = changed  # "The number of users fell by 3 million": the fall in it
            measure = special or measure
            if not doing and re.match(r"\s*(?:[.,;:!?)]|$)", self.text[after_end:after_end + 3]) \
                    and not special and (level := level_before(self.text, start, hit.start)):
                measure = level  # "Life expectancy is 84 years.": life expectancy
            if dimension := dimension_measure(unit, rest, tail if not doing else ""):
                owner = re.search(r"\b([\w-]+)[’']s\s+$", self.text[max(0, hit.start - 30):
                                                                    hit.start])
                named = named_before(self.text, self.article.sentence_at(hit.start).start,
                                     hit.start) if " " not in dimension else ""
                measure = f"{dimension} of {owner.group(1)}" if owner and " " not in dimension \
                    else dimension_of(self.text, self.article.sentence_at(hit.start).start,
                                      hit.start, dimension, named or level_before(
                                          self.text, self.article.sentence_at(hit.start).start,
                                          hit.start)) or named or level_before(
                        self.text, self.article.sentence_at(hit.start).start, hit.start) \
                    or dimension  # "sound’s 740mph": speed
                # of sound; "Oil consumption will reach 4.4bn tonnes": oil consumption
                covered = amounts.area_of(self.text, self.article.sentence_at(hit.start).start,
                                  hit.start) if dimension == "area" else ""
                covered = covered or (speed_at(self.text, self.article.sentence_at(
                    hit.start).start, hit.start) if dimension == "speed" else "")
                covered = covered or size_at(self.text, self.article.sentence_at(
                    hit.start).start, hit.start, after_end)  # "began at 250 km high"
                measure = covered or amount_done(measure, clause_before(
                    self.text, self.article.sentence_at(hit.start).start, hit.start)) or measure
            if noun in PERIOD_UNITS and re.match(r"(?:in|at|on|with|without|away|behind|under"
                                                  r"|inside|outside|abroad)\b", tail):
                measure = f"time {tail}"  # "ten days in hospital": time in hospital
        return self.counted(measure, hit)

    def relative_count(self, hit: NumberHit, unit: str, rest: str) -> str:
        """ "that the company employs" for "The company, which employs 2,500 people in the
        UK,": the clause a count ends, but not a size's, nor who reports it (its source)."""
        clause = clause_before(self.text, self.article.sentence_at(hit.start).start, hit.start)
        return "" if dimension_measure(unit, rest, "") or (clause.split()[-1:] and \
            clause.split()[-1] in REPORTING_VERBS) else clause

    def read_plain(self, hit: NumberHit, unit: str, unit_end: int) -> str:
        """The measure read with the insertion between its sentence's subject and verb blanked
        ("Tom Hale, a farmer, has lost ten sheep": number of sheep that Tom Hale has lost),
        unless the number stands in it ("Ana Ruiz, 34, won": age of Ana Ruiz)."""
        at = bisect.bisect_right(self.inserted, (hit.start, len(self.text))) - 1
        inside = at >= 0 and self.inserted[at][0] <= hit.start < self.inserted[at][1]
        text, masked = self.text, self.attributor.masked
        if not inside and self.inserted:
            self.text, self.attributor.masked = self.plain  # put back in `finally`
        try:
            measure = self.measure(hit, unit, unit_end)
            base = self.last_base  # read again unmarked: "percentage (2)" is as bare as the first
            if better := reread(self.attributor, hit, unit, unit_end, base):
                self.measures[base] -= 1  # not counted after all: the better one is
                measure = self.counted(better, hit)  # "In 2013, he …": year in which Ana Ruiz
        finally:
            self.text, self.attributor.masked = text, masked
        return measure

    def counted(self, measure: str, hit: NumberHit) -> str:
        """The measure, told apart from an earlier one by the words before it, else "(2)"."""
        measure = self.common_first(measure, hit)
        self.last_base = measure
        count = self.measures.get(measure, 0) + 1
        self.measures[measure] = count
        if count > 1:
            before = before_words(self.text, self.article.sentence_at(hit.start).start, hit.start)
            if len(before.split()) > 1 and self.measures.get(f"{measure} ({before})", 0) == 0:
                self.measures[f"{measure} ({before})"] = 1
                return f"{measure}, {before}"
        return measure if count == 1 else f"{measure} ({count})"

    def figure(self, hit: NumberHit, first: NumberHit | None = None) -> FigureGuess:
        """The figure of a number; `first` starts the range `hit` ends, read for the measure."""
        qualifier, _ = qualifier_before(self.text, hit.start)
        if re.match(r"a\s+couple\b", self.text[hit.start:hit.end], re.I) and qualifier == "exact":
            qualifier = "about"  # "a couple of hours": about two
        if qualifier == "exact" and re.search(r"\bwithin\s+(?:the\s+next\s+)?$", self.text[
                max(0, hit.start - 20):hit.start], re.I):
            qualifier = "at most"  # "within a decade", "within 48 hours"
        if hit.kind == "time" and qualifier == "exact":  # "shortly before 17:30"
            timing = re.search(r"\b(before|by|after)\s+$", self.text[max(0, hit.start - 8):
                                                                     hit.start])
            if timing is not None:
                qualifier = {"after": "more than", "by": "at most"}.get(timing.group(1),
                                                                     "fewer than")
        during = re.search(r"(\w+)\s+over\s+$", self.text[max(0, hit.start - 30):hit.start])
        if qualifier == "more than" and during is not None and during.group(1).lower() not in \
                _OVER_MEANS_MORE and re.match(r"[\s-]+(?:decades?|years?|months?|weeks?|days?"
                                              r"|centuries|century)\b", self.text[hit.end:]):
            qualifier = "exact"  # "rose by a third over four decades": during, not more than
        unit, unit_end = self.unit_of(hit, first)
        if hit.scale and not unit.startswith(hit.scale):
            unit = f"{hit.scale} {unit}" if unit != "units" else hit.scale
        after = qualifier_after(self.text, unit_end, hit.end)  # "or more", "or over"
        if after and qualifier == "exact":
            qualifier = after
        given_by, how, source_start = self.source(hit)
        sentence = self.article.sentence_at(hit.start)
        clause_start = last_cut(self.attributor.masked, sentence.start, hit.start)
        start = source_start if 0 <= source_start < clause_start else clause_start
        measure = self.read_plain(replace(hit, start=first.start) if first else hit, unit,
                                  unit_end)
        rhetorical = hit.kind == "percent" and hit.value == 100 and not re.match(
            r"\s+of\b", self.text[hit.end:hit.end + 5])
        end = max(unit_end, hit.end)
        if "according to" in how or "later in" in how:  # the source comes after the number
            end = rstrip_stop(self.text, sentence.start, sentence.end)
        inside = self.article.in_quote(hit.start)
        if inside is not None:
            end = max(end, inside.end)
        return FigureGuess(hit, hit.value, unit, qualifier, measure, given_by, how,
                           (start, end), rhetorical=rhetorical)


def find_figures(attributor: Attributor, quotes: list[QuoteGuess], *, article_key: str,
                 body_start: int) -> list[FigureGuess]:
    """Every figure of the body; "between 40 and 60" becomes one figure with `to: 60`."""
    finder = _FigureFinder(attributor, quotes, article_key)
    hits = [hit for hit in scan_numbers(attributor.article.text) if hit.start >= body_start]
    figures: list[FigureGuess] = []
    skip: set[int] = set()
    for index, hit in enumerate(hits):
        if index in skip or re.search(r"\bout\s+of\s+$", attributor.article.text[
                max(0, hit.start - 8):hit.start]):
            continue  # "55 out of 100": the 100 is part of the unit before it
        nxt = hits[index + 1] if index + 1 < len(hits) else None
        ranged = nxt is not None and amounts.reads_as_range(attributor.article.text, hit, nxt)
        guess = finder.figure(hit if not ranged or nxt is None else nxt,
                              hit if ranged and nxt is not None else None)
        if ranged and nxt is not None and nxt.value > hit.value and guess.qualifier in (
                "exact", "about") and (guess.unit != "percent" or nxt.value <= 100):
            guess.to, guess.value, guess.hit = nxt.value, hit.value, hit
            guess.excerpt = (min(guess.excerpt[0], hit.start), guess.excerpt[1])
            skip.add(index + 1)
        figures.append(guess)
        finder.done.append(guess)
    return figures
