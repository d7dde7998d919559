"""Quoted passages of an article with a guessed speaker from the reporting clause around each."""

from __future__ import annotations

import bisect
import re

from quizgen.article.lexicon import REPORTING_VERBS, is_role_noun, words
from quizgen.article.text import Article, Quoted, Sentence
from quizgen.draft.bodies import after_body_noun
from quizgen.draft.mentions import Entity, Mention
from quizgen.draft.quoted import QuoteGuess as QuoteGuess
from quizgen.draft.quoted import nested_quotes, quote_text
from quizgen.draft.signed import issued_statement, they_called
from quizgen.draft.speakers import Speakers
from quizgen.draft.subject_lead import (
    ADDING,
    GOES_ON,
    HER,
    HIS,
    KIN_BEFORE,
    OPENING_POSSESSIVE,
    after_time_lead,
    joined_speaker,
    role_adjectives,
)
from quizgen.draft.unnamed import described_speaker
from quizgen.draft.unsaid import nobody_says

# Words that open a clause that is an adverbial, not a subject and its verb.
_ADVERBIAL = words(
    "on in at during despite amid amidst for from following under through among by of to"
    " like unlike without within across over after before since until upon into toward"
    " towards earlier later meanwhile once"
)
_SUBORDINATORS = words("after before since until")
_RELATIVE = words("who whom whose which that what")


class Attributor(Speakers):
    """Finds the speaker of each quotation from the mentions around it."""

    def __init__(self, article: Article, entities: dict[str, Entity],
                 mentions: list[Mention]) -> None:
        self.article = article
        self.masked = article.masked
        self.entities = entities
        self.mentions = sorted(mentions, key=lambda m: (m.start, -m.end))  # the longest first
        self.starts = [m.start for m in self.mentions]
        self.subjects: dict[int, tuple[int, str]] = {}  # sentence index -> (offset, key)
        self.pairs: dict[int, list[str]] = {}  # sentence index -> people joined by "and"
        self.subject_order: list[int] = []  # the sentence indexes of `subjects`, sorted
        # sentence index -> clause number -> the nearest clause with a subject up to it
        self.nearest: dict[int, dict[int, tuple[int, list[Mention], list[str]] | None]] = {}
        self.quote_starts = [q.start for q in article.quotes]  # in order, never overlapping
        self.subject_cache: dict[tuple[int, int, bool], list[Mention]] = {}

    # ---- subjects and pronouns -------------------------------------------------------------
    def clause_subject(self, start: int, end: int, *, previous_bare: bool) -> list[Mention]:
        """The subject mention(s) of a clause: its first mention that some words follow (each
        clause read once: every number and quotation of a long sentence asks again)."""
        key = (start, end, previous_bare)
        if key not in self.subject_cache:
            self.subject_cache[key] = self._clause_subject(start, end, previous_bare=previous_bare)
        return list(self.subject_cache[key])

    def _clause_subject(self, start: int, end: int, *, previous_bare: bool) -> list[Mention]:
        start = after_time_lead(self.masked, start, end)  # "Last week the firm said"
        head = self.masked[start:end].strip(" ,;:—–-()")
        first = head.split(" ", 1)[0].lower() if head else ""
        found = self.in_span(start, end)
        if first in _SUBORDINATORS and found and self.masked[start:found[0].start].strip(
                " ,").lower() == first:
            first = ""  # "after Lima recognized ...": a clause with its own subject
        if found and not self.masked[start:found[0].start].strip(" ,;:—–-()"):
            first = ""  # "Longstanding Uncut campaigner Anna Walker said": the role opens it
        if not head or first in _ADVERBIAL or first in _RELATIVE or first.endswith("ing") or (
                previous_bare and first in ("the", "a", "an")) or first == "according":
            return []
        if not found:
            return []
        lead = found[0]
        prefix = self.masked[start:lead.start]
        if (apposed := self.apposed_person(start, end, lead, prefix)) is not None:
            return [apposed]  # "as Tom Hale, the UN secretary-general, described …": Hale
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
                "a", "an",  # "An Acme spokesman said"
                "when", "because", "although", "though", "where", "since", "until", "the",
                "whilst", "many", "some", "several", "most", "other", "hundreds of",
                "thousands of", "dozens of") and not (
                    re.fullmatch(r"(?:the|an?)(?:\s+[a-z-]+){1,4}", " ".join(
                        prefix.lower().split())) and after_body_noun(self.masked, lead.start)) \
                and not KIN_BEFORE.fullmatch(prefix) and not role_adjectives(prefix):
            return joined_speaker(self.masked, start, found)  # else not its subject
        subject = [lead]
        for other in found[1:]:
            joint = self.masked[subject[-1].end:other.start].strip()
            if joint in ("and", ",", ", and"):
                subject.append(other)
            else:
                break
        return joined_speaker(self.masked, start, found[len(subject):], unless=subject) or subject

    def apposed_person(self, start: int, end: int, lead: Mention, prefix: str
                       ) -> Mention | None:
        """A clause opening with “the <body> <role>,” right after a person's name is that
        person's role in apposition, not a subject of its own: the person, else None."""
        role = self.masked[lead.end:end].split(",", 1)[0].split()
        if prefix.strip(" ,").lower() not in ("the", "a", "an") or not role or \
                not is_role_noun(role[-1].strip(".;:")) or lead.key is None or \
                self.entities[str(lead.key)].kind != "organisation":
            return None
        close = len(self.masked[:start].rstrip(" ,"))
        if not self.masked[close:start].strip().startswith(","):
            return None
        person = [m for m in self.in_span(max(0, close - 80), close) if m.end == close]
        return person[0] if person and person[0].key is not None and \
            self.entities[str(person[0].key)].kind == "person" else None

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

    def sex_from_possessives(self, sentence: Sentence, key: str, after: int) -> None:
        """ "Ana Ruiz cancelled her order", "Tom Hale is a farmer. His farm …": a his or her
        after the only person a sentence names (or opening the next sentence) is theirs, so
        it tells their sex (never a him or her, which names someone else)."""
        entity = self.entities[key]
        if entity.kind != "person" or entity.gender is not None or any(
                m.key is not None and m.key != key and self.entities[m.key].kind == "person"
                for m in self.in_span(sentence.start, sentence.end)):
            return
        rest = self.masked[after:sentence.end]
        nxt = self.article.sentences[sentence.index + 1] if sentence.index + 1 < len(
            self.article.sentences) else None
        opening = OPENING_POSSESSIVE.match(self.masked, nxt.start) if nxt is not None else None
        male = HIS.search(rest) is not None or (opening is not None and opening.group(1) in (
            "His", "his"))
        female = HER.search(rest) is not None or (opening is not None and opening.group(1) in (
            "Her", "her"))
        if male != female:
            entity.gender = "male" if male else "female"

    def learn_subjects(self) -> None:
        for sentence in self.article.sentences:
            found = self.sentence_subject(sentence)
            says = re.search(r",\s+(?:says|said)\s+(?:the\s+|an?\s+)?(?=\S)(?!(?:he|she|they"
                             r"|it|we|I)\b)",  # not "X's husband, Tom Hale, said she had …"
                             self.masked[sentence.start:sentence.end])
            if says is not None:  # "The shop’s success is no exception, says X, …"
                at = sentence.start + says.end()
                later = [m for m in self.in_span(at, sentence.end) if m.start == at]
                found = [self.person_after_owner(later[0])] if later else found
            key = self.key_of(found[0]) if found else None
            if key is not None:
                self.subjects[sentence.index] = (found[0].start, key)
                self.sex_from_possessives(sentence, key, found[0].end)
            joint = [k for k in (self.key_of(m) for m in found[1:]) if k is not None]
            if key is not None and joint and all(
                    self.entities[k].kind == "person" for k in (key, *joint)):
                self.pairs[sentence.index] = [key, *joint]  # "Ana Ruiz and Tom Hale …"

    # ---- attribution -----------------------------------------------------------------------
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
        if previous is not None and len(previous.speakers) == 1 and \
                GOES_ON.match(self.masked, quoted.end) and \
                self.entities[previous.speakers[0]].kind == "person":
            return QuoteGuess(quoted, text, list(previous.speakers), "“continued” after it:"
                              " the speaker of the quotation before", (sentence.start,
                                                                      sentence.end))
        after = self.after_quote(quoted)
        if after is not None:
            keys, end, how = after
            return QuoteGuess(quoted, text, keys, how, (sentence.start, max(end, quoted.end)))
        between = self.masked[previous.quoted.end:quoted.start] if previous else ""
        if previous is not None and previous.speakers and not previous.nobody and \
                previous.quoted.start >= sentence.start and re.fullmatch(
                    r",?\s+[^“”\"‘’.!?;:]{1,80},\s*", between) and len(between.split()) <= 6 \
                and any(w in REPORTING_VERBS and not w.endswith("ing")
                        for w in re.findall(r"[a-z]+", between)) \
                and self.article.text[previous.quoted.start:previous.quoted.end].rstrip(
                    "”\"’' ").endswith(","):  # “We won,” she said, “and we will win again.”
            return QuoteGuess(quoted, text, previous.speakers, "goes on with the quotation"
                              " before it, past its speaker", (previous.quoted.start, quoted.end))
        if previous is not None and previous.speakers and not previous.nobody and \
                previous.quoted.start >= sentence.start and ADDING.fullmatch(between):
            return QuoteGuess(quoted, text, previous.speakers, "“adding” after the quotation"
                              " before it: its speaker", (previous.quoted.start, quoted.end))
        if previous is not None and not previous.quoted.closed and \
                self.article.text[:quoted.start].rstrip(" ").endswith("\n"):
            return QuoteGuess(quoted, text, previous.speakers, "continues the quotation before"
                              " it", (quoted.start, quoted.end))
        view = self.view_of(quoted)
        if view is not None:  # “We were shocked.” That was the reaction of Jane Doe
            return QuoteGuess(quoted, text, [view[0]], view[2], (quoted.start, view[1]))
        named = nobody_says(self.masked, quoted, text, sentence, named_only=True)
        if named and self.passive_agent(quoted) is None:  # “The word “…” is misused, said X”:
            # a term, whoever speaks of it; not "was called “…” by X" (round 23)
            return QuoteGuess(quoted, text, [], "", (sentence.start, quoted.end), nobody=named)
        inverted = self.says_later(quoted, sentence)
        if inverted is not None:
            return QuoteGuess(quoted, text, [inverted[0]], inverted[1],
                              (sentence.start, sentence.end))
        described = described_speaker(self.masked, quoted.end)
        person = self.person_before(quoted.start) if described else None
        if person is not None:  # “…,” said the 34-year-old: the person last named before
            return QuoteGuess(quoted, text, [person], f"“{described}” after it, taken to be"
                              f" {self.entities[person].name}, the person named before it",
                              (sentence.start, sentence.end))
        nobody = nobody_says(self.masked, quoted, text, sentence)
        if nobody:
            return QuoteGuess(quoted, text, [], "", (sentence.start, quoted.end), nobody=nobody)
        who = self.relative_speaker(quoted, sentence.start) or self.according_to(quoted,
                                                                             sentence)
        if who is not None:
            return QuoteGuess(quoted, text, [who[0]], who[1], (sentence.start, quoted.end))
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
        if (ahead := self.said_after_paragraphs(quoted)) is not None:  # “…\n\n“…,” said X
            return QuoteGuess(quoted, text, ahead[0], "a speech going on in the next paragraph:"
                              f" {ahead[2]}", (quoted.start, quoted.end))
        they = re.match(r"\s*(They|It)\s+(?:also\s+|later\s+|then\s+)?(\w+)",
                        self.masked[sentence.start:quoted.start])
        body = self.body_before(quoted.start) if they is not None and they.group(1) == "It" \
            and they.group(2) in REPORTING_VERBS else None
        if body is not None:  # It said: “…” (a body named before speaks)
            return QuoteGuess(quoted, text, [body], f"“It {they.group(2) if they else ''}”"
                              f" before it, taken to be {self.entities[body].name}, named"
                              " before it", (sentence.start, quoted.end))
        group = self.they_before(quoted.start) if they is not None and \
            they.group(1) == "They" and they.group(2) in REPORTING_VERBS else []
        if group:  # They said: “…”
            shown = " and ".join(self.entities[k].name for k in group) + (
                ", the group" if len(group) == 1 else "")
            return QuoteGuess(quoted, text, group, f"“They {they.group(2) if they else ''}”"
                              f" before it, taken to be {shown} named before it",
                              (sentence.start, quoted.end))
        if they_called(self.masked, sentence.start, quoted.start) and (
                called := self.they_before(quoted.start)):  # what they called “…”
            return QuoteGuess(quoted, text, called, "“what they called” before it, taken to"
                              f" be {self.entities[called[0]].name}", (sentence.start,
                                                                       quoted.end))
        if sentence.index in self.subjects:
            _, key = self.subjects[sentence.index]
            return QuoteGuess(quoted, text, [key], "the subject of its sentence",
                              (sentence.start, quoted.end))
        right_before = self.verb_right_before(quoted, sentence.start) or self.message_from(
            quoted, sentence.start)
        if right_before is not None:  # in what Mason called “…”
            return QuoteGuess(quoted, text, [right_before[0]], right_before[1],
                              (sentence.start, quoted.end))
        if len(text.split()) <= 6 and not text.endswith((".", "!", "?", "…")) and \
                re.search(r"\w", self.masked[sentence.start:quoted.start]) and \
                "according to" not in self.masked[sentence.start:sentence.end].lower() and \
                self.after_quote(quoted) is None:
            return QuoteGuess(quoted, text, [], "", (sentence.start, quoted.end),
                              nobody="a few words in quotation marks inside a sentence that"
                              " names no speaker (scare quotes, a name or a term): say who,"
                              " if someone says them")
        ahead = self.said_after_next(quoted)
        if ahead is not None:  # “It was awful.” “We ran,” said Jo Kent: one speech, hers
            how = f"no speaker in its sentence: the speaker of the next quotation of its" \
                f" paragraph ({ahead[2]})"
            return QuoteGuess(quoted, text, ahead[0], how, (quoted.start, ahead[1]))
        earlier = self.subject_before(sentence.index)
        before = sentence.index - 1
        about = self.entities[self.subjects[before][1]] if before in self.subjects else None
        prior = self.article.sentences[before] if before >= 0 else sentence
        if about is not None and (about.kind == "group" or (about.kind == "person" and (
                len(about.key.split()) > 1 or about.role or about.gender)) or (
                about.kind == "organisation" and issued_statement(  # "X issued a statement."
                    self.masked, prior.start, prior.end))) and \
                not self.holds_quotation(prior.start, prior.end):  # or "Other fans agree."
            return QuoteGuess(quoted, text, [about.key], "no speaker in its sentence: the"
                              f" {about.kind} the sentence before is about", (prior.start,
                                                                               quoted.end))
        one = {k for k in (self.key_of(m) for m in self.in_span(prior.start, prior.end))
                 if k is not None and self.entities[k].kind == "person"} \
            if before >= 0 and "\n" not in self.masked[prior.start:quoted.start] and \
            not self.holds_quotation(prior.start, prior.end) else set()
        if len(one) == 1 and (previous is None or set(previous.speakers) != one):
            key = one.pop()  # "For Ana Ruiz, the answer is simple. “…”": the one person
            return QuoteGuess(quoted, text, [key], "no speaker in its sentence: the one person"
                              f" the sentence before it names, {self.entities[key].name}",
                              (prior.start, quoted.end))
        if (reported := self.reported_since(sentence.index, previous, quoted.start)):
            return QuoteGuess(quoted, text, [reported], "no speaker in its sentence: the person"
                              " who reports speech before it", (sentence.start, quoted.end))
        spoken = previous.speakers if previous is not None else []
        if not spoken and earlier is not None:
            return QuoteGuess(quoted, text, [earlier[1]], "no speaker in its sentence (the"
                              " quotation before has none): the subject of an earlier sentence",
                              (sentence.start, quoted.end))
        if previous is not None:
            return QuoteGuess(quoted, text, previous.speakers, "no speaker in its sentence: the"
                              " speaker of the quotation before it", (sentence.start,
                                                                      quoted.end))
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
        for key in guess.speakers:  # "“…,” its director said": of the body named before
            speaker = entities[key]
            if speaker.speaks_for is None and speaker.kind == "person" and \
                    speaker.name.startswith(("its ", "Its ")):
                speaker.speaks_for = attributor.body_before(quoted.start)
        if re.search(r"\w", guess.text):
            guesses.append(guess)
            guesses += nested_quotes(article, guess)
    return guesses


def subjects_of(article: Article, entities: dict[str, Entity],
                mentions: list[Mention]) -> Attributor:
    """An attributor that has learnt each sentence's subject (for figures and events)."""
    attributor = Attributor(article, entities, mentions)
    attributor.learn_subjects()
    return attributor
