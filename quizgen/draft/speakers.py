"""Who says a quotation, read from the words around it: “…,” said X, X said, according to X."""

from __future__ import annotations

import bisect
import re

from quizgen.article.lexicon import (
    REPORTING_VERBS,
    ROLE_ADJECTIVES,
    ROLE_NOUNS,
)
from quizgen.article.text import Quoted, Sentence
from quizgen.draft.mentions import Entity
from quizgen.draft.quoted import QuoteGuess
from quizgen.draft.signed import IT_SAYS, OWNED_NAMED, said_described, signed_after
from quizgen.draft.speaker_base import SpeakerBase


class Speakers(SpeakerBase):
    """The Attributor's readings of a speaker near a quotation (see draft/quotes.py)."""

    def person_before(self, at: int) -> str | None:
        """The person named last before offset `at` (a description after a quotation refers
        back to them), looking back over at most 30 mentions."""
        upto = bisect.bisect_left(self.starts, at)
        for mention in reversed(self.mentions[max(0, upto - 30):upto]):
            key = self.key_of(mention)
            if key is not None and self.entities[key].kind == "person":
                return key
        return None

    def reported_since(self, index: int, previous: QuoteGuess | None, at: int) -> str | None:
        """A quotation (at offset `at`, in sentence `index`) in a later paragraph than the one
        before it: the person who is the subject of the last sentence between them that
        reports speech ("He says that …", "Ana Ruiz said:"), whose voice it goes on with;
        else None."""
        if previous is None or "\n" not in self.masked[previous.quoted.end:at]:
            return None
        for number in range(index - 1, -1, -1):
            sentence = self.article.sentences[number]
            if sentence.end <= previous.quoted.end:
                return None
            if number not in self.subjects:
                continue
            start, key = self.subjects[number]
            verb = re.match(r"[^,;:.“”\"]{0,60}?\b([a-z]+)\s+(?:that\b|:)",
                            self.masked[start:sentence.end])
            if verb is not None and verb.group(1) in REPORTING_VERBS:
                person = self.entities[key].kind == "person" and [key] != previous.speakers
                return key if person else None
        return None

    def group_before(self, at: int) -> str | None:
        """What “they” refers back to: the group (“the scientists”, “protesters”) that was
        the subject of one of the last three sentences, else the group named last before
        offset `at` among the last 30 names."""
        index = self.article.sentence_at(at).index
        for number in range(index, max(-1, index - 4), -1):
            found = self.subjects.get(number)
            if found is not None and found[0] < at and self.entities[found[1]].kind == "group":
                return found[1]
        upto = bisect.bisect_left(self.starts, at)
        for mention in reversed(self.mentions[max(0, upto - 30):upto]):
            if mention.key is not None and self.entities[mention.key].kind == "group":
                return mention.key
        return None

    def one_of(self, group: str, excerpt: tuple[int, int]) -> str:
        """A person who is “one of” a group named before (“Several executives denied it. “…,”
        one said”): drafted once per group, speaking for it."""
        name = re.sub(r"^(?:the|several|many|some|most|other|a few|few|two|three|four|five"
                      r"|dozens of|hundreds of|thousands of)\s+", "",
                      self.entities[group].name, flags=re.IGNORECASE)
        if name[:1].isupper() and name.split()[-1][:1].islower():
            name = name[0].lower() + name[1:]  # "Rescue workers" opening a sentence
        key = f"one of the {name}"
        if key not in self.entities:
            self.entities[key] = Entity(key=key, name=key, kind="person", excerpt=excerpt,
                                        speaks_for=group)
        return key

    def body_before(self, at: int) -> str | None:
        """What “it” as a speaker refers back to: the organisation that was the subject of one
        of the last three sentences (“The company said it would …. “…,” it said”), else the
        organisation named last before offset `at` among the last 30 names."""
        index = self.article.sentence_at(at).index
        for number in range(index, max(-1, index - 4), -1):
            found = self.subjects.get(number)
            if found is not None and found[0] < at and \
                    self.entities[found[1]].kind == "organisation":
                return found[1]
        upto = bisect.bisect_left(self.starts, at)
        for mention in reversed(self.mentions[max(0, upto - 30):upto]):
            if mention.key is not None and self.entities[mention.key].kind == "organisation":
                return mention.key
        return None

    def they_before(self, at: int) -> list[str]:
        """What “they” refers back to: people joined by “and” as the subject of one of the
        last three sentences (“Ana Ruiz and Tom Hale …”) when no group was a subject after
        them, else the group `group_before` finds."""
        index = self.article.sentence_at(at).index
        for number in range(index, max(-1, index - 4), -1):
            found = self.subjects.get(number)
            if found is None or found[0] >= at:
                continue
            if number in self.pairs:
                return list(self.pairs[number])
            if self.entities[found[1]].kind == "group":
                break
        group = self.group_before(at)
        return [group] if group is not None else []

    def after_quote(self, quoted: Quoted) -> tuple[list[str], int, str] | None:
        """“...,” said Smith / “...,” Smith said / “...,” according to Smith."""
        tail = self.masked[quoted.end:quoted.end + 120]
        lead = len(tail) - len(tail.lstrip(" ,"))
        inside = self.article.text[quoted.inner_start:quoted.inner_end].rstrip()
        if signed := signed_after(self.masked, quoted.end, self.person_at):  # “…” – Tom Hale.
            return signed
        if inside.endswith((".", "!", "?", "…")) and not tail.startswith(",") and \
                not tail.lstrip(" ")[:1].islower():
            return None  # the next sentence: “... hands.” He vowed, “...”
        at = quoted.end + lead
        they = re.match(r"they\s+(\w+)", tail[lead:])
        if they is not None and they.group(1) in REPORTING_VERBS:  # “…,” they said.
            group = self.they_before(quoted.start)
            shown = " and ".join(self.entities[k].name for k in group) + (
                ", the group" if len(group) == 1 else "")
            return (group, at + they.end(), f"“they {they.group(1)}” after it, taken to be"
                    f" {shown} named before it") if group else None
        one = re.match(r"one(?:\s+of\s+them)?\s+(\w+)", tail[lead:]) or re.match(
            r"(\w+)\s+one(?:\s+of\s+them)?(?=\s*[.,;])", tail[lead:])  # “…,” said one.
        if one is not None and one.group(1) in REPORTING_VERBS:  # “…,” one of them said
            group = self.they_before(quoted.start)
            if len(group) == 1 and self.entities[group[0]].kind == "group":
                person = self.one_of(group[0], (quoted.start, at + one.end()))
                return ([person], at + one.end(), f"“{one.group(0)}” after it, taken to be"
                        f" one of {self.entities[group[0]].name}, named before it")
        it = re.match(r"it\s+(\w+)", tail[lead:])
        if it is not None and it.group(1) in IT_SAYS:  # “…,” it said / found: a body speaks
            body = self.body_before(quoted.start)
            return ([body], at + it.end(), f"“it {it.group(1)}” after it, taken to be"
                    f" {self.entities[body].name}, named before it") if body else None
        if role_said := said_described(self.masked, at, self.person_at):  # “…,” said the head
            return role_said  # of a union, Paul Dunn.
        word = re.match(r"(\w+)", tail[lead:])
        following = self.mentions[(i := bisect.bisect_left(self.starts, at)):i + 1]
        if word is None or not following:
            return None
        mention = following[0]
        between = self.masked[at + word.end():mention.start]
        role_first = re.fullmatch(r"\s+(?:the|a|an)\s+(?:[a-z][\w’'-]*\s+){0,4}?[a-z][\w’'-]*,\s",
                                  between) is not None and mention.key is not None and \
            self.entities[mention.key].kind == "person"  # said the mayor, Ana Ruiz
        role_bare = re.fullmatch(r"\s+(?:(?:the|a|an)\s+)?(?:[a-z0-9][\w’'-]*\s+){1,3}", between) \
            is not None and mention.key is not None and self.entities[mention.key].kind == \
            "person" and all(w in ROLE_ADJECTIVES | ROLE_NOUNS | {"the", "a", "an"} | set(
                self.entities[mention.key].role.lower().split()) or _AGED.fullmatch(w)
                for w in between.split())  # says 16-year-old Ana Ruiz
        if word.group(1) in REPORTING_VERBS and (between.strip().lower() in (
                "", "a", "an", "the") or role_first or role_bare):  # said (a) police spokesman,
            # said retired postman Tom Hale
            mention = self.person_after_owner(mention)  # said Redmoor’s manager, Ruth Callan
            key = self.key_of(mention)
            return ([key], mention.end, f"“{word.group(1)} …” after it") if key else None
        according = re.match(r"according to\s+((?:the\s+)?)", tail[lead:])
        if according and mention.start in (at + according.end(), at + according.start(1)):
            key = self.key_of(mention)
            return ([key], mention.end, "“according to” after it") if key else None
        verb = re.match(r"(?:,[^,;:.“”\"]{3,90},|\s+[–—-]\s+[^–—;:.“”\"]{3,90}?\s+[–—-]"
                        r"|\s+\([^()“”\"]{1,90}\))?\s+(\w+)",  # “…,” X, the club's head, told;
                        self.masked[mention.end:mention.end + 120])  # X – the club's head – told
        described = re.match(r"(?:(?:an?|the|his|her|their|its)\s+[^,;:.“”\"]{1,60}"
                             r"|(?:[A-Z][\w’'-]*\s+){0,2}[A-Z][\w’'-]*[’']s\s+[a-z][^,;:.“”\"]{1,40}"
                             r"|[a-z][\w’'-]*"
                             r"(?:\s+[\w’'-]+){0,5}),\s+", tail[lead:])  # "former rival, X, told"
        later = re.match(r",\s+(?:\w+ly\s+)?(\w+)", self.masked[mention.end:mention.end + 40])
        if described is not None and mention.start < at + described.end():
            mention = next((m for m in self.mentions[i:i + 4] if m.start == at + described.end()),
                           mention)  # “…,” the council leader, X, told: past “the council”
            later = re.match(r",\s+(?:\w+ly\s+)?(\w+)", self.masked[mention.end:mention.end + 40])
        if described is not None and mention.start == at + described.end() and later and \
                later.group(1) in REPORTING_VERBS and (key := self.key_of(mention)) and \
                self.entities[key].kind in ("person", "organisation"):  # “…,” the club’s
            # manager, X, admitted; “…,” Ruiz’s club, Atletico Sur, said
            return [key], mention.end + later.end(), f"“… {later.group(1)}” after it"
        article = re.match(r"(?:an?|the)\s+", tail[lead:])
        if article is not None and mention.start == at + article.end():
            at = mention.start  # “...,” a union spokesman said
        particle = _PARTICLES.match(tail[lead:])
        if particle is not None and mention.start == at + particle.end():
            at = mention.start  # “…,” van der Berg said: the surname after its particles
        if mention.start == at and (key := mention.key) is not None and \
                self.entities[key].kind != "person" and \
                (owned_by := self.person_after_owner(mention)) is not mention:
            mention, at = owned_by, owned_by.start  # “…,” Acme chief executive Ana Ruiz said
            verb = re.match(r"\s+(\w+)", self.masked[mention.end:mention.end + 40])
        owned = re.match(r"[’']s?\s+", self.masked[mention.end:mention.end + 4]) or (
            re.match(r"\s+", self.masked[mention.end:mention.end + 2]) if self.masked[
                mention.start:mention.end].endswith(("’s", "'s")) else None)
        if mention.start == at and owned is not None and (nxt := self.mentions[i + 1:i + 2]) \
                and nxt[0].start == mention.end + owned.end() and nxt[0].key is not None and \
                self.entities[nxt[0].key].kind == "person":  # “…,” Greenpeace’s Tom Hale said
            mention, at = nxt[0], nxt[0].start
            verb = re.match(r"\s+(\w+)", self.masked[mention.end:mention.end + 40])
        if mention.start == at and not (verb and verb.group(1) in REPORTING_VERBS) and (
                placed := _PLACED_SAID.match(self.masked, mention.end)) is not None:
            verb = placed  # “…,” analysts at a Swiss bank said; “…,” Tom Hale of Acme told
        if mention.start == at and verb and verb.group(1) in REPORTING_VERBS:
            key = self.key_of(mention)
            shown = self.article.text[mention.start:mention.end]
            return ([key], mention.end + verb.end(), f"“{shown} {verb.group(1)}” after it") \
                if key else None
        return None

    def says_later(self, quoted: Quoted, sentence: Sentence) -> tuple[str, str] | None:
        """“… “changing lives” in the process, says X’s manager, Y.” and “…,” as he calls it:
        a verb of speech later in the sentence, then its speaker; and the agent of a passive
        right after it (“was described as “…” by teachers”, round 23)."""
        if (agent := self.passive_agent(quoted)) is not None:
            return agent, "“by …” after it: the agent of the passive"
        after = self.masked[quoted.end:sentence.end]
        for match in re.finditer(r"(?:,\s+(says|said|adds|added|explains|admits)\s+"
                                 r"(?:the\s+|an?\s+)?|\bas\s+)(?=\S)", after):
            at = quoted.end + match.end()
            nxt = bisect.bisect_left(self.quote_starts, quoted.end)
            if nxt < len(self.quote_starts) and self.quote_starts[nxt] < at:
                break  # another quotation comes first: the verb is that one's
            found = self.mentions[(i := bisect.bisect_left(self.starts, at)):i + 1]
            if not found or found[0].start != at:
                continue
            mention = self.person_after_owner(found[0])
            verb = match.group(1)
            if verb is None:  # "as he calls it"
                said = re.match(r"\s+(\w+)", self.masked[mention.end:mention.end + 20])
                if said is None or said.group(1) not in REPORTING_VERBS:
                    continue
                verb = said.group(1)
            key = self.key_of(mention)
            if key is not None:
                return key, f"“{verb}” and its speaker later in the sentence"
        return None

    def passive_agent(self, quoted: Quoted) -> str | None:
        """The person, body or group after “by” right after a quotation put on something in the
        passive (“was called “a disgrace” by Ana Ruiz”, “by her coach, Ben Ford”), else None."""
        by = _BY_AGENT.match(self.masked, quoted.end)
        if by is None or not _PASSIVE_BEFORE.search(self.masked, max(0, quoted.start - 40),
                                                    quoted.start):
            return None
        found = self.mentions[(i := bisect.bisect_left(self.starts, by.end())):i + 1]
        if not found or found[0].start != by.end():
            found = self.mentions[i:i + 1]  # "by her coach, Ben Ford": the person named
            if not found or not re.fullmatch(r"(?:[a-z’'-]+\s+){1,4}?[a-z’'-]+,\s+",
                                             self.masked[by.end():found[0].start]):
                return None
        return self.key_of(self.person_after_owner(found[0]))

    def according_to(self, quoted: Quoted, sentence: Sentence) -> tuple[str, str] | None:
        """“… “nine or so” assistants, according to a recent X profile”: X gives the words; so
        does X in “According to X, “…”” before it (no other quotation between)."""
        after = self.masked[quoted.end:sentence.end]
        match = re.search(r"\baccording to\s+((?:(?:the|an?)\s+)?(?:[a-z-]+\s+)?)", after)
        at = quoted.end + (match.end() if match else 0)
        how = "“according to” later in its sentence"
        if match is None:
            how = "“According to” before it"
            before = self.masked[sentence.start:quoted.start]
            match = re.match(r"\s*According to\s+((?:(?:the|an?)\s+)?(?:[a-z-]+\s+)?)", before)
            if match is None or self.holds_quotation(sentence.start + match.end(), quoted.start):
                return None
            at = sentence.start + match.end()
        lead = at - len(match.group(1))  # "According to his sister, Jane, he was “…”": Jane
        found = [m for m in self.in_span(lead, sentence.end) if m.start in (at, lead)
                 or OWNED_NAMED.fullmatch(self.masked, lead, m.start)][:1]
        key = self.key_of(found[0]) if found else None
        return (key, how) if key else None

    def relative_speaker(self, quoted: Quoted, start: int) -> tuple[str, str] | None:
        """“…, X, who said they had an “excellent” talk”: X speaks, not the sentence's subject."""
        before = self.masked[start:quoted.start]
        found = list(re.finditer(r",\s+who\s+(?:\w+ly\s+|also\s+|later\s+|then\s+)?(\w+)\b",
                                 before))
        match = found[-1] if found else None
        if match is None or match.group(1) not in REPORTING_VERBS or \
                re.search(r"[;:—]|\bthat\b.*\b(?:said|says)\b", before[match.end():]):
            return None
        named = self.in_span(start, start + match.start())
        key = self.key_of(named[-1]) if named else None
        if key is None or self.masked[named[-1].end:start + match.start()].strip():
            return None
        return key, f"“{self.article.text[named[-1].start:named[-1].end]}, who" \
            f" {match.group(1)}” before it"

    def verb_right_before(self, quoted: Quoted, start: int) -> tuple[str, str] | None:
        """“in what Mason called “…””, “as Ana Ruiz put it, “…””: a name and its verb of
        speech right before the quotation (no other words between) say it."""
        before = self.masked[max(start, quoted.start - 80):quoted.start]
        verb = re.search(r"\s+(?:\w+ly\s+)?(\w+)(?:\s+(?:it|them|this|that|these))?"
                         r"(?:\s+as)?\s*[,:]?\s*$", before)
        if verb is None or verb.group(1) not in REPORTING_VERBS | {"put", "calls", "call"}:
            return None
        at = quoted.start - len(before) + verb.start()
        named = self.in_span(max(start, at - 60), at)
        if not named or named[-1].end != at:
            return None
        key = self.key_of(named[-1])
        if key is None or self.entities[key].kind not in ("person", "organisation", "group"):
            return None
        return key, f"“{self.article.text[named[-1].start:named[-1].end]}" \
            f" {verb.group(1)}” right before it"

    def message_from(self, quoted: Quoted, start: int) -> tuple[str, str] | None:
        """“The message from doctors is clear: “…””: whose message, warning or advice the
        words are, named after “from” in the clause before the quotation."""
        before = self.masked[max(start, quoted.start - 160):quoted.start]
        found = list(_MESSAGE_FROM.finditer(before))
        if not found or re.search(r"[.;]", before[found[-1].end():]):
            return None
        at = quoted.start - len(before) + found[-1].end()
        named = [m for m in self.in_span(at, quoted.start) if m.start == at]
        key = self.key_of(named[0]) if named else None
        return (key, f"“{found[-1].group(0).strip()} …” before it") if key else None

    def view_of(self, quoted: Quoted) -> tuple[str, int, str] | None:
        """“…” That was the reaction of Jane Doe: the speaker named in the next sentence as
        the one whose reaction, view or words these were."""
        found = _VIEW_OF.match(self.masked, quoted.end)
        if found is None:
            return None
        for mention in self.in_span(found.end(), found.end() + 80)[:1]:
            key = self.key_of(mention)
            if mention.start == found.end() and key is not None:
                return key, mention.end, f"“{found.group(1)} … of {self.entities[key].name}”" \
                    " after it"
        return None

    def said_after_next(self, quoted: Quoted) -> tuple[list[str], int, str] | None:
        """The speaker named after the next quotation of the paragraph (“…,” said X), when
        only quotation marks and punctuation stand between the two: one speech goes on, its
        speaker named once after a later part (at most four quotations ahead)."""
        at = bisect.bisect_left(self.quote_starts, quoted.start)
        for following in self.article.quotes[at + 1:at + 5]:
            between = self.masked[quoted.end:following.start]
            if "\n" in between or re.search(r"\w", between):
                return None  # another paragraph, or words of the writer's own between
            found = self.after_quote(following)
            if found is not None:
                return found
            quoted = following
        return None

    def said_after_paragraphs(self, quoted: Quoted) -> tuple[list[str], int, str] | None:
        """A quotation left open at its paragraph's end, news style for a speech going on in
        the next paragraph (opening with a quotation mark): the speaker named right after a
        later part (“…\n\n“…,” said Jo Kent), at most four paragraphs ahead (round 23)."""
        at = bisect.bisect_left(self.quote_starts, quoted.start)
        for following in self.article.quotes[at + 1:at + 5]:
            if quoted.closed or self.masked[quoted.end:following.start].strip() or \
                    "\n" not in self.masked[quoted.end:following.start]:
                return None  # closed, or words of the writer's own between
            found = self.after_quote(following)
            if found is not None:
                return found
            quoted = following
        return None


# "… “a disgrace” by …": the agent of a passive right after a quotation, and the passive verb
# of naming before it ("was described as", "has been criticised as", "hailed as").
_BY_AGENT = re.compile(r"[,]?\s+by\s+(?:the\s+|an?\s+)?(?=\S)")
_PASSIVE_BEFORE = re.compile(r"\b(?:[a-z]+ed|been|be|being)\s+(?:as\s+)?(?:an?\s+|the\s+)?$")
# A speaker's place or body between the speaker and the verb after a quotation: "analysts at
# a Swiss bank said", "a source close to the president told".
_PLACED_SAID = re.compile(r"\s+(?:of|at|from|with|for|in|close\s+to|familiar\s+with)\s+"
                          r"[^,;:.!?“”\"\n]{2,50}?\s+(" + "|".join(sorted(REPORTING_VERBS))
                          + r")\b")
_AGED = re.compile(r"(?:\d+|[a-z]+(?:-[a-z]+)?)-year-old")  # an age before a name
# Lower-case particles a surname may open with when it is used alone ("van der Berg said").
_PARTICLES = re.compile(r"(?:(?:van|von|de|der|den|da|du|la|le|del|della|di|dos|bin|ibn|al|el)"
                        r"\s+){1,3}")
# "“…” That was the reaction of Jane Doe, …": whose words these were, in the next sentence.
_VIEW_OF = re.compile(r"\s*(?:That|This|Those|These|Such|So)\s+(?:was|is|were|are|runs|went)"
                      r"\s+(the\s+(?:[a-z]+"
                      r"\s+)?(?:reaction|view|verdict|response|message|opinion|words?|feeling"
                      r"|assessment|warning|answer|reply|advice|conclusion|argument|claim|plea"
                      r"|thinking))\s+(?:of|from)\s+(?:the\s+)?")
# "The message from doctors is clear: “…”": a noun for words, then whose they are.
_MESSAGE_FROM = re.compile(r"\b(?:message|warning|advice|verdict|response|reply|answer|reaction"
                           r"|plea|appeal|instruction|instructions|promise)\s+(?:from|of)\s+"
                           r"(?:the\s+)?")
