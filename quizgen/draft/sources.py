"""Who gives a figure: a quotation's speaker, "according to X", a subject that reports it."""

from __future__ import annotations

import bisect
import re

from quizgen.article.lexicon import REPORTING_VERBS
from quizgen.article.numbers import NumberHit
from quizgen.article.text import Article, Sentence
from quizgen.draft.mentions import Mention
from quizgen.draft.quotes import Attributor, QuoteGuess


class FigureSources:
    """The source of each figure, read from its sentence (clauses read once per sentence)."""

    attributor: Attributor
    article: Article
    by_quote: dict[int, QuoteGuess]
    article_key: str
    reporting: dict[int, list[tuple[int, list[str], str]]]
    subjects: dict[int, list[tuple[int, int, list[Mention]]]]

    def source(self, hit: NumberHit) -> tuple[list[str], str, int]:
        """Who gives the figure: a quotation's speaker, "according to X", or X reported ..."""
        inside = self.article.in_quote(hit.start)
        guess = self.by_quote.get(inside.start) if inside is not None else None
        if guess is not None and guess.speakers:
            return guess.speakers, "in a quotation of its speaker", hit.start
        sentence = self.article.sentence_at(hit.start)
        masked = self.attributor.masked
        for match in re.finditer(r"\b[Aa]ccording to\s+((?:the\s+)?)",
                                 masked[sentence.start:sentence.end]):
            spots = {sentence.start + match.end(), sentence.start + match.start(1)}
            for mention in self.attributor.in_span(min(spots), sentence.end)[:1]:
                if mention.start in spots:
                    key = self.attributor.key_of(mention)
                    if key is not None:
                        return [key], "“according to” in its sentence", sentence.start
        subjects = self.subject_clauses(sentence)
        at = bisect.bisect_right([start for start, _, _ in subjects], hit.start) - 1
        if at >= 0:  # the nearest clause before the number with a subject
            start, end, found = subjects[at]
            keys = [k for k in (self.attributor.key_of(m) for m in found) if k is not None]
            # the subject's verb: right after it, or after an apposition ("X, which ..., said")
            upto = hit.start if start <= hit.start < end else sentence.end
            if at + 1 < len(subjects):  # "X did …, officials said": the verb is the later subject's
                upto = min(upto, subjects[at + 1][0])
            verbs = [w for w in re.findall(r"[a-z]+", masked[found[-1].end:upto])
                     if w in REPORTING_VERBS]
            if verbs and keys:
                return keys, f"“{verbs[0]}” in its sentence", min(start, found[0].start)
        for start, keys, verb in self.later_sources(sentence):
            if start > hit.start:  # "..., the agency said on Monday." after the number
                return keys, f"“{verb}” later in its sentence", -1
        return [self.article_key], "no source named in its sentence", -1

    def subject_clauses(self, sentence: Sentence) -> list[tuple[int, int, list[Mention]]]:
        """The clauses of a sentence that have a subject, with it, in order (read once per
        sentence: a number looks back to the nearest one before it)."""
        found_before = self.subjects.get(sentence.index)
        if found_before is not None:
            return found_before
        clauses = self.article.clauses(sentence)
        subjects = []
        for number, (start, end) in enumerate(clauses):
            bare = number > 0 and self.attributor.is_bare(*clauses[number - 1])
            found = self.attributor.clause_subject(start, end, previous_bare=bare)
            if found:
                subjects.append((start, end, found))
        self.subjects[sentence.index] = subjects
        return subjects

    def later_sources(self, sentence: Sentence) -> list[tuple[int, list[str], str]]:
        """The clauses of a sentence whose subject reports (“the agency said”), in order: read
        once per sentence, not once per number in it."""
        found_before = self.reporting.get(sentence.index)
        if found_before is not None:
            return found_before
        masked = self.attributor.masked
        reporting: list[tuple[int, list[str], str]] = []
        for start, end in self.article.clauses(sentence):
            found = self.attributor.clause_subject(start, end, previous_bare=False)
            keys = [k for k in (self.attributor.key_of(m) for m in found) if k is not None]
            verb = re.match(r"\s+(\w+)", masked[found[-1].end:end]) if found else None
            if keys and verb and verb.group(1) in REPORTING_VERBS:
                reporting.append((start, keys, verb.group(1)))
        self.reporting[sentence.index] = reporting
        return reporting
