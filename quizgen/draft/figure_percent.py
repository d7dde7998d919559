"""A percentage's measure: the share of what, the change, or the level a clause gives."""

from __future__ import annotations

import re

from quizgen.article.numbers import NumberHit
from quizgen.draft.dimensions import changed_object, clause_before
from quizgen.draft.figure_reads import FigureReads
from quizgen.draft.levels import level_before
from quizgen.draft.measures import changed_before, named_before, tail_words
from quizgen.draft.noun_amounts import percent_noun
from quizgen.draft.shares import (
    content_share,
    likelihood,
    share_clause,
    share_doing,
    share_words,
)


class FigurePercents(FigureReads):
    """The measure of a figure given in percent."""

    text: str

    def percent_measure(self, hit: NumberHit, after_end: int) -> str:
        """ "share of those who took part", "rise in monthly visitors", "unemployment in the
        south": what a percentage is of, or the change or level it gives."""
        words = share_words(self.text, after_end)  # "64% of those who took part"
        change = re.match(r"\s+(increase|rise|growth|jump|fall|drop|cut|decrease|decline"
                          r"|reduction|rate|share)\b", self.text[hit.end:hit.end + 14])
        if apposed := self.change_in_apposition(hit):  # "lost 6m visitors, a 4% fall"
            measure = apposed
        elif likely := likelihood(self.text, hit.end):  # "33% less likely to develop …"
            measure = likely
        elif words:
            measure = share_clause(self.text, after_end, words, clause_before(
                self.text, self.article.sentence_at(hit.start).start, hit.start)) \
                or "share of " + " ".join(words)  # "Farmers earn 40% of their income from …"
        elif named := percent_noun(self.text, hit.end):  # "90% accuracy", "a 40% chance"
            measure = named
        elif content := content_share(self.text, self.article.sentence_at(hit.start).start,
                                      hit.start, after_end):
            measure = content  # "The grain contains 15% protein": share of protein in it
        elif change is not None:  # "a 40% increase in the troop level"
            measure = " ".join([change.group(1), *tail_words(self.text, hit.end + change.end(),
                                                       limit=6).split()])
            if measure == change.group(1):  # "Japan has seen a 4% rise": the one it saw
                measure = self.change_seen(hit, measure) or measure
        else:
            start = self.article.sentence_at(hit.start).start
            measure = named_before(self.text, start, hit.start, single=True) or changed_before(
                self.text, start, hit.start) or changed_object(self.text, start, hit.start) \
                or self.share_as_before(hit) or self.change_of_before(hit) or share_doing(
                    self.text, start, hit.start, after_end) or level_before(
                    self.text, start, hit.start) or "percentage"  # "and unemployment
            # in the south is now 30%": the level of the noun phrase the clause opens with
        return measure
