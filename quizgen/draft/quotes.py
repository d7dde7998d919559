"""Quoted passages of an article with a guessed speaker from the reporting clause around each."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from quizgen.article.lexicon import REPORTING_VERBS, ROLE_NOUNS, words
from quizgen.article.text import Article, Quoted, Sentence
from quizgen.draft.entities import Entity, Mention

# Words that open a clause that is an adverbial, not a subject and its verb.
_ADVERBIAL = words(
    "on in at during despite amid amidst for from following under through among by of to"
    " like unlike without within across over after before since until upon into toward"
    " towards earlier later meanwhile once"
)
_SUBORDINATORS = words(
    "after before since until"
)
_RELATIVE = words(
    "who whom whose which that what"
)
_CLOSING = ",;:"


@dataclass
class QuoteGuess:
    """A quoted passage, its words as a fact base writes them, and who probably said them."""

    quoted: Quoted
    text: str
    speakers: list[str]
    how: str  # why these speakers, for the `# check:` comment
    excerpt: tuple[int, int]


def quote_text(article: Article, quoted: Quoted) -> str:
    """The quoted words: a trailing comma always, and a fragment's full stop, left out."""
    said = " ".join(article.text[quoted.inner_start:quoted.inner_end].split())
    said = said.rstrip(_CLOSING + " ")
    if said.endswith(".") and not said.endswith("..") and said[:1].islower():
        said = said[:-1].rstrip(_CLOSING + " ")
    return said


class Attributor:
    """Finds the speaker of each quotation from the mentions around it."""

    def __init__(self, article: Article, entities: dict[str, Entity],
                 mentions: list[Mention]) -> None:
        self.article = article
        self.masked = article.masked
        self.entities = entities
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]
        self.subjects: dict[int, tuple[int, str]] = {}  # sentence index -> (offset, key)
        self.subject_order: list[int] = []  # the sentence indexes of `subjects`, sorted
        # sentence index -> clause number -> the nearest clause with a subject up to it
        self.nearest: dict[int, dict[int, tuple[int, list[Mention], list[str]] | None]] = {}

    # ---- subjects and pronouns -------------------------------------------------------------
    def resolve(self, mention: Mention) -> str | None:
        """A he/she: the latest person who was a sentence's subject before it, of that sex."""
        sentence = self.article.sentence_at(mention.start)
        candidates = [self.subjects[i] for i in range(sentence.index, max(-1, sentence.index
                                                                          - 60), -1)
                      if i in self.subjects and self.subjects[i][0] < mention.start]
        if sentence.index - 1 >= 0 and sentence.index - 1 not in self.subjects:
            # the sentence before has no subject ("Among them was Tomasz Orel, ..."): its
            # last person named comes first
            before = self.article.sentences[sentence.index - 1]
            last = [(m.start, m.key) for m in self.in_span(before.start, before.end)
                    if m.key is not None and self.entities[m.key].kind == "person"]
            if sentence.index in self.subjects and self.subjects[sentence.index][0] < \
                    mention.start:
                candidates = candidates[:1] + last[-1:] + candidates[1:]
            else:
                candidates = last[-1:] + candidates
        upto = bisect.bisect_left(self.starts, mention.start)
        named = [(m.start, m.key) for m in reversed(self.mentions[max(0, upto - 200):upto])
                 if m.key is not None]
        here = [(m.start, m.key) for m in self.in_span(sentence.start, mention.start)
                if m.key is not None and self.entities[m.key].kind == "person"]
        if here:  # "Tomasz Orel, ..., who said he": the person named before it in its sentence
            at = 1 if candidates and candidates[0][0] >= sentence.start else 0
            candidates = candidates[:at] + here[::-1] + candidates[at:]
        for sure in (True, False):  # first people known by a full name, a title or their sex
            for _, key in [*candidates, *named]:
                entity = self.entities[key]
                known = len(key.split()) > 1 or bool(entity.role) or entity.gender is not None
                if entity.kind == "person" and entity.gender in (None, mention.gender) and (
                        known or not sure):
                    entity.gender = mention.gender
                    return key
        return None

    def key_of(self, mention: Mention) -> str | None:
        return mention.key if mention.key is not None else self.resolve(mention)

    def in_span(self, start: int, end: int) -> list[Mention]:
        low = bisect.bisect_left(self.starts, start)
        high = bisect.bisect_left(self.starts, end)
        return [m for m in self.mentions[low:high] if m.end <= end]

    def clause_subject(self, start: int, end: int, *, previous_bare: bool) -> list[Mention]:
        """The subject mention(s) of a clause: its first mention that some words follow."""
        head = self.masked[start:end].strip(" ,;:—–-()")
        first = head.split(" ", 1)[0].lower() if head else ""
        found = self.in_span(start, end)
        if first in _SUBORDINATORS and found and self.masked[start:found[0].start].strip(
                " ,").lower() == first:
            first = ""  # "after Lima recognized ...": a clause with its own subject
        if not head or first in _ADVERBIAL or first in _RELATIVE or first.endswith("ing") or (
                previous_bare and first in ("the", "a", "an")) or first == "according":
            return []
        if not found:
            return []
        lead = found[0]
        prefix = self.masked[start:lead.start]
        if len(found) == 1 and self.masked[start:end].rstrip().endswith(","):
            person = self.person_after_owner(lead)  # "Harbour City’s manager, Pieter de Wit,"
            if person is not lead:
                return [person]
        if len(found) > 1 and self.masked[lead.start:lead.end].endswith(("’s", "'s")) and \
                found[1].start == lead.end + 1:
            found = found[1:]  # "UNICEF's Regina De Dominicis said": the person speaks
            lead = found[0]
        rest = self.masked[lead.end:end].strip(" ,;:.—–-")
        if not rest and first in ("and", "or"):
            return []  # the last item of a list: "..., and the European Union,"
        if prefix.strip(" ,;:—–-()").lower() not in (
                "", "both", "and", "with", "while", "whereas", "but", "after", "before", "as",
                "when", "because", "although", "though", "where", "since", "until", "the",
                "whilst", "many", "some", "several", "most", "other", "hundreds of",
                "thousands of", "dozens of"):
            return []  # the clause begins with something else: the mention is not its subject
        subject = [lead]
        for other in found[1:]:
            joint = self.masked[subject[-1].end:other.start].strip()
            if joint in ("and", ",", ", and"):
                subject.append(other)
            else:
                break
        return subject

    def is_bare(self, start: int, end: int) -> bool:
        """Whether a clause is a name and nothing else ("Luis Almagro," before an apposition)."""
        found = self.in_span(start, end)
        return len(found) == 1 and self.masked[start:found[0].start].strip(" ,;:") == "" and \
            self.masked[found[0].end:end].strip(" ,;:") == ""

    def sentence_subject(self, sentence: Sentence) -> list[Mention]:
        clauses = self.article.clauses(sentence)
        for number, (start, end) in enumerate(clauses):
            bare = number > 0 and self.is_bare(*clauses[number - 1])
            found = self.clause_subject(start, end, previous_bare=bare)
            if found:
                return found
        return []

    def learn_subjects(self) -> None:
        for sentence in self.article.sentences:
            found = self.sentence_subject(sentence)
            key = self.key_of(found[0]) if found else None
            if key is not None:
                self.subjects[sentence.index] = (found[0].start, key)

    # ---- attribution -----------------------------------------------------------------------
    def person_after_owner(self, mention: Mention) -> Mention:
        """For “X’s manager, Ruth Callan”, the person; otherwise the mention itself."""
        if not self.masked[mention.start:mention.end].endswith(("’s", "'s")):
            return mention
        later = self.mentions[bisect.bisect_right(self.starts, mention.start):][:1]
        if not later:
            return mention
        between = self.masked[mention.end:later[0].start]
        words = between.strip(" ,").split()
        if 0 < len(words) <= 4 and words[-1].lower() in ROLE_NOUNS and all(
                w.islower() for w in words) and between.rstrip().endswith(",") and \
                later[0].key is not None and self.entities[later[0].key].kind == "person":
            return later[0]
        return mention

    def after_quote(self, quoted: Quoted) -> tuple[list[str], int, str] | None:
        """“...,” said Smith / “...,” Smith said / “...,” according to Smith."""
        tail = self.masked[quoted.end:quoted.end + 120]
        lead = len(tail) - len(tail.lstrip(" ,"))
        inside = self.article.text[quoted.inner_start:quoted.inner_end].rstrip()
        if inside.endswith((".", "!", "?", "…")) and not tail.startswith(",") and \
                not tail.lstrip(" ")[:1].islower():
            return None  # the next sentence: “... hands.” He vowed, “...”
        at = quoted.end + lead
        word = re.match(r"(\w+)", tail[lead:])
        following = self.mentions[bisect.bisect_left(self.starts, at):][:1]
        if word is None or not following:
            return None
        mention = following[0]
        if word.group(1) in REPORTING_VERBS and self.masked[at + word.end():mention.start] \
                .strip() == "":
            mention = self.person_after_owner(mention)  # said Redmoor’s manager, Ruth Callan
            key = self.key_of(mention)
            return ([key], mention.end, f"“{word.group(1)} …” after it") if key else None
        according = re.match(r"according to\s+((?:the\s+)?)", tail[lead:])
        if according and mention.start in (at + according.end(), at + according.start(1)):
            key = self.key_of(mention)
            return ([key], mention.end, "“according to” after it") if key else None
        verb = re.match(r"\s+(\w+)", self.masked[mention.end:mention.end + 30])
        article = re.match(r"(?:an?|the)\s+", tail[lead:])
        if article is not None and mention.start == at + article.end():
            at = mention.start  # “...,” a union spokesman said
        if mention.start == at and verb and verb.group(1) in REPORTING_VERBS:
            key = self.key_of(mention)
            shown = self.article.text[mention.start:mention.end]
            return ([key], mention.end + verb.end(), f"“{shown} {verb.group(1)}” after it") \
                if key else None
        return None

    def nearest_subject(self, sentence: Sentence, clauses: list[tuple[int, int]], number: int
                        ) -> tuple[int, list[Mention], list[str]] | None:
        """The last clause up to `number` with a subject: its start, mentions and keys.

        Each clause is read once per sentence, and the answer kept for the next quotation of
        the sentence, so a sentence of 5,000 quotations is not read 5,000 times.
        """
        cache = self.nearest.setdefault(sentence.index, {})
        pending: list[int] = []
        answer: tuple[int, list[Mention], list[str]] | None = None
        while number >= 0:
            if number in cache:
                answer = cache[number]
                break
            pending.append(number)
            start, end = clauses[number]
            bare_before = number > 0 and self.is_bare(*clauses[number - 1])
            found = self.clause_subject(start, end, previous_bare=bare_before)
            keys = [k for k in (self.key_of(m) for m in found) if k is not None]
            if keys:
                answer = (start, found, keys)
                break
            number -= 1
        for done in pending:
            cache[done] = answer
        return answer

    def subject_before(self, index: int) -> tuple[int, str] | None:
        """The subject of the last sentence before sentence `index` that has one (found by
        bisection, not by walking back over every sentence for each quotation)."""
        if len(self.subject_order) != len(self.subjects):
            self.subject_order = sorted(self.subjects)
        at = bisect.bisect_left(self.subject_order, index) - 1
        return self.subjects[self.subject_order[at]] if at >= 0 else None

    def attribute(self, quoted: Quoted, previous: QuoteGuess | None) -> QuoteGuess:
        text = quote_text(self.article, quoted)
        sentence = self.article.sentence_at(quoted.start)
        after = self.after_quote(quoted)
        if after is not None:
            keys, end, how = after
            return QuoteGuess(quoted, text, keys, how, (sentence.start, max(end, quoted.end)))
        if previous is not None and not previous.quoted.closed and \
                self.article.text[:quoted.start].rstrip(" ").endswith("\n"):
            return QuoteGuess(quoted, text, previous.speakers, "continues the quotation before"
                              " it", (quoted.start, quoted.end))
        clauses = self.article.clauses(sentence)
        number = bisect.bisect_right([c[0] for c in clauses], quoted.start) - 1
        nearest = self.nearest_subject(sentence, clauses, number)
        if nearest is not None:
            start, found, keys = nearest
            shown = self.article.excerpt(found[0].start, found[-1].end)
            how = f"“{shown}”, the subject of the clause before it"
            if found[0].key is None:
                how += f" (“{shown}” taken to be {self.entities[keys[0]].name})"
            return QuoteGuess(quoted, text, keys, how, (min(start, found[0].start),
                                                        quoted.end))
        if sentence.index in self.subjects:
            _, key = self.subjects[sentence.index]
            return QuoteGuess(quoted, text, [key], "the subject of its sentence",
                              (sentence.start, quoted.end))
        if previous is not None:
            return QuoteGuess(quoted, text, previous.speakers, "no speaker in its sentence: the"
                              " speaker of the quotation before it", (sentence.start,
                                                                      quoted.end))
        earlier = self.subject_before(sentence.index)
        if earlier is not None:
            return QuoteGuess(quoted, text, [earlier[1]], "no speaker in its sentence: the"
                              " subject of an earlier sentence", (sentence.start, quoted.end))
        return QuoteGuess(quoted, text, [], "no speaker found", (sentence.start, quoted.end))


def find_quotes(article: Article, entities: dict[str, Entity], mentions: list[Mention],
                *, body_start: int) -> list[QuoteGuess]:
    """Every quotation of the body with its text, guessed speakers and excerpt."""
    attributor = Attributor(article, entities, mentions)
    attributor.learn_subjects()
    guesses: list[QuoteGuess] = []
    for quoted in article.quotes:
        if quoted.start < body_start:
            continue
        guess = attributor.attribute(quoted, guesses[-1] if guesses else None)
        if re.search(r"\w", guess.text):
            guesses.append(guess)
    return guesses


def subjects_of(article: Article, entities: dict[str, Entity],
                mentions: list[Mention]) -> Attributor:
    """An attributor that has learnt each sentence's subject (for figures and events)."""
    attributor = Attributor(article, entities, mentions)
    attributor.learn_subjects()
    return attributor
