"""Mentions a speaker is looked up in: a person at an offset, a he/she resolved, an owner."""

from __future__ import annotations

import bisect
import re

from quizgen.article.lexicon import is_role_noun
from quizgen.article.text import Article
from quizgen.draft.mentions import Entity, Mention


class SpeakerBase:
    """The mentions and sentence subjects the readings of a speaker look up (draft/speakers.py)."""

    article: Article
    masked: str
    entities: dict[str, Entity]
    mentions: list[Mention]
    starts: list[int]
    subjects: dict[int, tuple[int, str]]
    pairs: dict[int, list[str]]
    quote_starts: list[int]

    def holds_quotation(self, start: int, end: int) -> bool:
        """Whether a quotation overlaps the span (by bisection: quotations are in order)."""
        at = bisect.bisect_left(self.quote_starts, end) - 1
        return at >= 0 and self.article.quotes[at].end > start

    def resolve(self, mention: Mention) -> str | None:
        """A he/she: the latest person who was a sentence's subject before it, of that sex."""
        sentence = self.article.sentence_at(mention.start)
        candidates = [self.subjects[i] for i in range(sentence.index, max(-1, sentence.index
                                                                          - 60), -1)
                      if i in self.subjects and self.subjects[i][0] < mention.start]
        if sentence.index - 1 >= 0 and (sentence.index - 1 not in self.subjects or self.entities[
                self.subjects[sentence.index - 1][1]].kind != "person"):
            # the sentence before has no subject ("Among them was Tomasz Orel, ..."), or a
            # body or group ("Doctors told Ana Ruiz that …", round 23): its people named,
            # the last first, come first
            before = self.article.sentences[sentence.index - 1]
            last = [(m.start, m.key) for m in self.in_span(before.start, before.end)
                    if m.key is not None and self.entities[m.key].kind == "person"][::-1]
            if sentence.index in self.subjects and self.subjects[sentence.index][0] < \
                    mention.start:
                candidates = candidates[:1] + last + candidates[1:]
            else:
                candidates = last + candidates
        upto = bisect.bisect_left(self.starts, mention.start)
        named = [(m.start, m.key) for m in reversed(self.mentions[max(0, upto - 200):upto])
                 if m.key is not None]
        here = [(m.start, m.key) for m in self.in_span(sentence.start, mention.start)
                if m.key is not None and self.entities[m.key].kind == "person"]
        if here:  # "Tomasz Orel, ..., who said he": the person named before it in its sentence
            at = 1 if candidates and candidates[0][0] >= sentence.start else 0
            candidates = candidates[:at] + here[::-1] + candidates[at:]
        recent = self.subjects.get(sentence.index - 1, (0, ""))[1]  # the sentence before's
        for sure in (True, False):  # first people known by a full name, a title or their sex,
            for _, key in [*candidates, *named]:  # or the subject of the sentence before
                entity = self.entities[key]
                known = len(key.split()) > 1 or bool(entity.role) or entity.gender is not None \
                    or key == recent
                if entity.kind == "person" and entity.gender in (None, mention.gender) and (
                        known or not sure):
                    entity.gender = mention.gender
                    return key
        return None

    def key_of(self, mention: Mention) -> str | None:
        return mention.key if mention.key is not None else self.resolve(mention)

    def person_at(self, at: int) -> Mention | None:
        """The mention of a person by name starting at offset `at`, or None."""
        found = self.mentions[(i := bisect.bisect_left(self.starts, at)):i + 1]
        return found[0] if found and found[0].start == at and found[0].key is not None and \
            found[0].key[:1].isupper() and self.entities[found[0].key].kind == "person" \
            else None

    def in_span(self, start: int, end: int) -> list[Mention]:
        low = bisect.bisect_left(self.starts, start)
        high = bisect.bisect_left(self.starts, end)
        return [m for m in self.mentions[low:high] if m.end <= end]

    def person_after_owner(self, mention: Mention) -> Mention:
        """For “X’s manager, Ruth Callan”, the person; otherwise the mention itself."""
        key = mention.key
        if key is not None and key[:1].islower() and self.entities[key].kind == "person":
            named = self.mentions[(at := bisect.bisect_right(self.starts, mention.start)):at + 1]
            if named and self.masked[mention.end:named[0].start] == ", " and named[0].key \
                    is not None and self.entities[named[0].key].kind == "person" and \
                    named[0].key[:1].isupper():
                return named[0]  # "the report’s editor, Anders Lind": the person named
        if key is not None and self.entities[key].kind != "person":
            named = self.mentions[(at := bisect.bisect_right(self.starts, mention.start)):at + 1]
            shown = self.masked[mention.end:named[0].end] if named else ""
            role = shown[:len(shown) - len(shown.lstrip(" abcdefghijklmnopqrstuvwxyz-"))]
            if named and named[0].key is not None and named[0].key[:1].isupper() and \
                    self.entities[named[0].key].kind in ("person", "organisation") and \
                    re.fullmatch(r"(?: [a-z][\w-]*){0,2} [a-z][\w-]* ", role) and \
                    is_role_noun(role.split()[-1]):
                return named[0]  # "said Acme spokesman Tom Hale": the person, the body's role
        if not self.masked[mention.start:mention.end].endswith(("’s", "'s")) and \
                self.masked[mention.end:mention.end + 1] not in ("’", "'"):
            return mention  # neither "Redmoor’s manager" nor "Harbour Foods’ manager"
        later = self.mentions[(at := bisect.bisect_right(self.starts, mention.start)):at + 1]
        if not later:
            return mention
        between = self.masked[mention.end:later[0].start].lstrip("’'")
        words = re.split(r"\s+(?:of|for|at|in)\s+", between.strip(" ,"))[0].split()
        if 0 < len(words) <= 4 and is_role_noun(words[-1]) and all(  # "X’s minister for
                w.islower() for w in words) and between.rstrip().endswith(",") and \
                len(between.split()) <= 8 and \
                later[0].key is not None and self.entities[later[0].key].kind == "person":
            return later[0]
        return mention
