"""Names found after the name runs: lower-case bodies (“the prosecutor’s office”), unnamed
speakers (“one fan said”), and “the minister” for a person named before."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from itertools import chain

from quizgen.article.lexicon import (
    COUNTRIES,
    DEMONYM_ENDINGS,
    FEMALE,
    GROUP_HEADS,
    MALE,
    ROLE_NOUNS,
    UNIT_STOP,
    words,
)
from quizgen.article.text import Article
from quizgen.draft.acronyms import ACRONYM
from quizgen.draft.kin import DESCRIBING_NOUNS
from quizgen.draft.mentions import Entity, Mention
from quizgen.draft.tokens import Token, modifier, possessive
from quizgen.draft.unnamed import studies, unnamed_speakers

ROLE_STOP = UNIT_STOP | words("out up down off away back then now also who what")
# Number words opening a sentence are no name ("Forty-five students took the exam").
NUMBER_WORDS = words(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"
    " sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety"
    " hundred hundreds thousand thousands million millions dozen dozens half"
    " first second third fourth fifth sixth seventh eighth ninth tenth")
_LOOKBACK = 300  # mentions named_body reads back over for a body's full name
# Heads that name a body only with "the" and a word saying which ("the US embassy", "the
# French national team"; not "the team", "the other side").
_MODIFIED_HEADS = {"team", "side", "squad", "embassy", "consulate"}
_SPEAKING_HEADS = {"spokesman", "spokeswoman", "spokesperson", "official", "officials",
                   "representative", "representatives", "source", "sources"}
# A body a spokesman or a statement speaks for, after "for", "of", "at", "from", "by" or "on"
# ("a spokeswoman for the council", "a statement from the ministry").
_OWNED = re.compile(r"\b(?:for|of|at|from|by|on)\s+(?:the\s+)?$")


# Nouns for a person that tell their sex ("a spokeswoman", "her father", "one woman").
_KIN_MALE = words("man men father son brother husband boyfriend uncle nephew grandfather"
                  " grandson widower boy businessman")
_KIN_FEMALE = words("woman women mother daughter sister wife girlfriend aunt niece grandmother"
                    " granddaughter widow girl businesswoman")
# Adjectives and determiners that name no body's field ("the other side", "the same office").
_NOT_FIELDS = words("other same whole first last next new old own entire main only best worst"
                    " big small great good bad top local former current present rest very")
_THE_BEFORE = re.compile(r"\b(?:[Tt]he|[Ss]everal|[Mm]any|[Ss]ome|[Mm]ost|[Oo]ther)\s+"
                         r"(?:[a-z]+\s+)?$")  # "the national", "Several senior tech"
# "the " and up to two lower-case words right before a role noun ("the prime minister", "the
# former president"): a role said again for the person who holds it.
_LEAD_WORDS = re.compile(r"\b[Tt]he ((?:[a-z]+ ){0,2})$")
_TIME_WORDS = words("former then current new outgoing incoming acting late")
_QUANTIFIERS = words("several many some most other few")
_AGE_NOUNS = {"teenager", "teen", "youngster", "pensioner", "schoolgirl", "schoolboy"}  # by age
_REFERRING = ROLE_NOUNS | DESCRIBING_NOUNS  # nouns "the …" may name a person named before


def _role_head(role: str) -> str:
    """The noun a role is said with (“British astronaut”, “researcher at the University of
    Leeds who …”: astronaut, researcher), or ""."""
    head = re.split(r"\s+(?:at|of|for|in|on|from|with|who|whose|which|that|and)\s+",
                    role.lower())[0].split()
    return head[-1] if head and head[-1].isalpha() else ""


# Common nouns news calls a named firm by, once named ("the company", "the coffee chain").
_FIRM_HEADS = frozenset({"company", "firm", "chain", "retailer", "carmaker", "giant", "airline",
                         "broadcaster", "manufacturer", "supermarket", "insurer", "publisher",
                         "conglomerate", "multinational", "charity", "thinktank",
                         "organisation", "organization", "newspaper", "magazine", "website",
                         "startup", "start-up", "brand", "label", "band", "agency"})


_DEMONYM = re.compile(r"[A-Z][a-z]{2,}(?:ese|ian|ish|ean)")  # "Japanese officials said" (r. 23)
_AT_BODY = re.compile(r"\s+(?:at|from)\s+(?:the\s+)?")


class Groups:
    """The finder's later passes, over the mentions its name runs found (see entities.py)."""

    article: Article
    text: str
    masked: str
    body_start: int
    tokens: list[Token]
    token_starts: list[int]
    sentence_starts: set[int]
    entities: dict[str, Entity]
    mentions: list[Mention]
    named: Counter[str]

    def next_token(self, end: int) -> Token | None:
        at = bisect.bisect_left(self.token_starts, end)
        if at < len(self.tokens):
            token = self.tokens[at]
            return token if self.masked[end:token.start].strip() == "" else None
        return None

    def add_groups(self) -> None:
        """Lower-case bodies: "the prosecutor’s office", "U.S. officials", "NGOs"."""
        names = sorted((m for m in self.mentions if m.key is not None), key=lambda m: m.start)
        ending = {m.end: m for m in names}
        starts = [m.start for m in names]
        added: list[Mention] = []
        for index, token in enumerate(self.tokens):
            if (token.upper and token.start not in self.sentence_starts) or \
                    token.word.lower() not in GROUP_HEADS | _MODIFIED_HEADS:
                continue
            plural = token.word.endswith("s")
            taken = [token]
            owner: str | None = None
            for prior in reversed(self.tokens[max(0, index - 3):index]):
                if self.masked[prior.end:taken[0].start] != " " or prior.text.lower() in \
                        ROLE_STOP | {"the", "its", "their", "his", "her"}:
                    break
                if prior.upper and prior.start in self.sentence_starts and modifier(
                        prior.word.lower()) and prior.word.lower().split("-")[0] not in \
                        NUMBER_WORDS:
                    taken.insert(0, prior)  # "Health officials said": a common word first
                    break
                if prior.end in ending and prior.upper:  # "a Common Front spokesman"
                    named = ending[prior.end]
                    owner = named.key
                    taken.insert(0, self.tokens[bisect.bisect_left(self.token_starts,
                                                                   named.start)])
                    break
                if prior.upper and not (ACRONYM.match(prior.word) or possessive(prior) or prior.word
                                        in COUNTRIES or _DEMONYM.fullmatch(prior.word) or (
                                            prior.word.endswith(DEMONYM_ENDINGS) and
                                            prior.start not in self.sentence_starts)):
                    break  # "the French national team", "the Iranian government"
                if not prior.upper and not (possessive(prior) or modifier(prior.word)) and not (
                        prior.word.isalpha() and prior.word not in ROLE_STOP | UNIT_STOP
                        | _NOT_FIELDS
                        and not prior.word.endswith(("ed", "ing", "ly"))
                        and _THE_BEFORE.search(self.masked, max(0, prior.start - 24),
                                               prior.start)):
                    break  # a noun naming the body's field after "the" stays: "the tourism
                    # ministry", "the national weather service"
                taken.insert(0, prior)
            the = self.masked[max(0, taken[0].start - 4):taken[0].start].lower() == "the "
            if not the and not plural and len(taken) == 1 and token.word.lower() != "police":
                continue  # "in office", "opposition protests": not a body named on its own
            if token.word.lower() == "service" and (len(taken) == 1 or not the):
                continue  # "the service was held": a body only as "the weather service"
            if token.word.lower() in _MODIFIED_HEADS and (not the or len(taken) == 1 or (
                    (following := self.next_token(token.end)) is not None and following.upper)):
                continue  # "the team", "a national side"; "the Premiership side Celtic"
            if token.word.lower() in _SPEAKING_HEADS and not plural and (
                    (following := self.next_token(token.end)) is not None and following.upper
                    and following.start not in self.sentence_starts):
                continue  # "said Acme spokesman Tom Hale": a role before a name, no one else
            upto = bisect.bisect_left(starts, token.start)
            holder = self.holder_of(token.word.lower(), names[max(0, upto - 50):upto]) \
                if the and len(taken) == 1 and owner is None and not plural else None
            if holder is not None:  # "Its spokesman, Tim Fox, …" then "the spokesman said"
                added.append(Mention(taken[0].start - 4, token.end, holder))
                continue
            named_next = names[upto:upto + 1]
            if token.word.lower() in _SPEAKING_HEADS and not plural and named_next and \
                    self.masked[token.end:named_next[0].start] == ", " and \
                    self.entities[str(named_next[0].key)].kind == "person":
                continue  # "The group’s spokesman, Tim Fox,": the person, no one else
            around = names[(i := max(0, bisect.bisect_right(starts, taken[0].start) - 1)):i + 1]
            if owner is None and around and around[0].start <= taken[0].start and \
                    token.end <= around[0].end:
                continue
            start = taken[0].start - 4 if the else taken[0].start
            phrase = self.text[start:token.start] + token.word
            if owner is None:
                owner = next((self.key_for(t.word) for t in taken[:-1] if t.upper and not (
                    t.start in self.sentence_starts and modifier(t.word.lower()))), None) or \
                    next((t.word.lower() for t in taken[:-1] if t.word.lower() in self.entities
                          and token.word.lower() in _SPEAKING_HEADS), None)  # police spokesman
                if owner is None and plural:
                    owner = self.body_after(token.end, names)  # "analysts at the Institute"
            bare = phrase[4:] if phrase.lower().startswith("the ") else phrase
            key = bare[0].lower() + bare[1:] if token.start in self.sentence_starts or (
                taken[0].start in self.sentence_starts) else bare  # "Police" = "the police"
            upto = bisect.bisect_left(starts, token.start)  # the last mentions only: no copy
            named_before = self.named_body(token, taken[:-1], sorted(
                names[max(0, upto - _LOOKBACK):upto] + added[-_LOOKBACK:],
                key=lambda m: m.start)) if the and owner is None else None  # and those
            # named in this pass ("the Ethiopian government" … "the government")
            if named_before is not None:
                key = named_before  # "the agency" after "the National Civil Protection Agency"
            entity = self.entities.get(key)
            if entity is None:
                kind = "group" if plural or token.word.lower() == "opposition" else \
                    "person" if token.word.lower().startswith("spokes") else "organisation"
                first = phrase.split()[0]
                shown = phrase[0].lower() + phrase[1:] if phrase.startswith("The ") or (
                    taken[0].start in self.sentence_starts and first[1:].islower() and
                    first.lower() in _QUANTIFIERS) else phrase  # "Several doctors said"
                entity = Entity(key=key, name=shown, kind=kind, excerpt=(start, token.end))
                entity.speaks_for = owner
                self.entities[key] = entity
            added.append(Mention(start, token.end, key))
        spans = [(m.start, m.end) for m in added]
        last = [max(0, bisect.bisect_right(spans, (m.start, 1 << 62)) - 1) for m in self.mentions]
        self.mentions = [m for m, i in zip(self.mentions, last, strict=True) if not any(
            s <= m.start < e for s, e in spans[i:i + 1])] + added  # names inside a body's phrase

    def body_after(self, end: int, names: list[Mention]) -> str | None:
        """The body named right after a group and “at” or “from” (“analysts at the Kessen
        Institute said”, “researchers from Kessen University”): the group speaks for it."""
        link = _AT_BODY.match(self.masked, end)
        if link is None:
            return None
        found = next((m for m in names if m.start == link.end()), None)
        if found is None or found.key is None:
            return None
        body = self.entities[str(found.key)]
        return body.key if body.kind == "organisation" else None

    def holder_of(self, noun: str, before: list[Mention]) -> str | None:
        """The person named last before whose role is this noun (“the spokesman” after “Its
        spokesman, Tim Fox”): the definite article says the one already named; else None."""
        for mention in reversed(before):
            entity = self.entities.get(str(mention.key))
            if entity is not None and entity.kind == "person" and \
                    _role_head(entity.role).lower() == noun:
                return entity.key
        return None

    def add_unnamed_speakers(self) -> None:
        """Speakers named by a common noun: “one fan said”, “, the guide says”, “…,” said a
        witness (see draft/unnamed.py)."""
        named = sorted((m for m in self.mentions if m.key is not None), key=lambda m: m.start)
        starts = [m.start for m in named]
        taken = [(m.start, m.end) for m in named if self.masked[m.start:m.start + 1].isupper()
                 or self.entities[str(m.key)].kind == "person"]  # "the minister": a person
        left = Counter(str(m.key) for m in named)  # mentions of each key still kept
        dropped: set[Mention] = set()
        added: list[Mention] = []
        spans = {(m.start, m.end) for m in named}
        for start, end, key, kind in chain(unnamed_speakers(self.masked, self.body_start, taken),
                                           studies(self.masked, self.body_start, taken)):
            if (start, end) in spans:
                continue  # "the government announced": the body found already
            inside = [m for m in named[bisect.bisect_left(starts, start):
                                       bisect.bisect_left(starts, end)] if m.end <= end]
            after = named[(i := bisect.bisect_left(starts, end)):i + 1]
            if (kind == "person" or (kind == "organisation" and " " in str(after[0].key if after
                                                                        else ""))) and \
                    after and self.masked[end:after[0].start] == ", " and \
                    self.entities[str(after[0].key)].kind == "person" and \
                    str(after[0].key)[:1].isupper():  # "said their solicitor, Mark Evans"
                person = self.entities[str(after[0].key)]  # "said the mayor, Ana Ruiz"
                person.role = person.role or re.sub(
                    r"^(?:the|a|an|his|her|their|its|our)\s+", "", key)
                continue
            earlier = named[:bisect.bisect_left(starts, start)]
            firm = (self.headed_body(key.split()[-1], [], earlier) if len(key.split()) == 2
                    else None) or self.firm_named_last(key.split()[-1], earlier) if kind == \
                "organisation" and key.startswith("the ") else None  # "the bank said"
            if firm is not None:  # "The coffee store chain insists": the firm named before
                added.append(Mention(start, end, firm))
                continue
            if key not in self.entities:
                entity = Entity(key=key, name=key, kind=kind, excerpt=(start, end))
                sex = [w for w in key.split() if w in MALE | FEMALE | _KIN_MALE | _KIN_FEMALE]
                if kind == "person" and sex:  # "a spokeswoman for the institute": she
                    entity.gender = "male" if sex[0] in MALE | _KIN_MALE else "female"
                owners = [m.key for m in inside if m.start > start and (
                    _OWNED.search(self.masked[start:m.start]) or str(m.key)[:1].isupper())]
                entity.speaks_for = owners[-1] if owners else None
                self.entities[key] = entity
            for mention in set(inside) - dropped:
                dropped.add(mention)
                left[str(mention.key)] -= 1
            added.append(Mention(start, end, key))
            left[key] += 1
            for gone in {str(m.key) for m in inside if left[str(m.key)] <= 0
                         and not _OWNED.search(self.masked[start:m.start])}:
                if gone in self.entities and self.entities[gone].name[:1].islower():
                    del self.entities[gone]  # "senior administration" inside "a senior
                    # administration official": only the official is named
        self.mentions = [m for m in self.mentions if m not in dropped] + added

    def sex_from_roles(self) -> None:
        """A person whose role is kin or a sexed noun (“Lee's husband, Tom Hale”, “her
        mother, Ana”, “spokeswoman”) is known as he or she before any pronoun is read."""
        for entity in self.entities.values():
            if entity.kind != "person" or entity.gender is not None or not entity.role:
                continue
            head = re.split(r"\s+(?:of|at|for|to|in|from|who|whose)\s+", entity.role)[0]
            nouns = [w.lower() for w in head.split() if not re.search(r"[’']s?$", w)]
            if nouns and nouns[-1] in _KIN_MALE | _KIN_FEMALE | MALE | FEMALE:
                entity.gender = "male" if nouns[-1] in _KIN_MALE | MALE else "female"

    def add_role_references(self) -> None:
        """“the minister” after “Foreign Minister Ali Reza”: a mention of that person."""
        people = sorted((m for m in self.mentions if m.key is not None
                         and self.entities[m.key].kind == "person"), key=lambda m: m.start)
        starts = [m.start for m in people]
        taken = {m.start for m in self.mentions}
        heads = {_role_head(self.entities[str(m.key)].role) for m in people}  # "the astronaut"
        roles = " ".join(e.role for e in self.entities.values() if e.kind == "person")
        sentences = sorted(self.sentence_starts)  # "Mark Dunne, an economist, agreed. “…,”
        # the professor said": a noun of work said right after a person is named is them
        for token in self.tokens:
            noun = token.word.lower()
            aged = noun in _AGE_NOUNS or bool(re.fullmatch(r"[\w-]+-year-old", noun))
            if (noun not in _REFERRING and noun not in heads and not aged) or token.start in \
                    taken:
                continue
            lead = _LEAD_WORDS.search(self.masked, max(0, token.start - 40), token.start)
            if lead is None:
                continue  # neither "the minister" nor "the prime minister"
            said_with = lead.group(1).lower().split()  # "prime" of "the prime minister"
            following = self.next_token(token.end)
            if following is not None and following.upper:
                continue  # "the president Emmanuel Macron": a role before a name
            upto = bisect.bisect_left(starts, token.start)
            age = re.match(r"(\d+)-year-old$", noun)
            of_age = next((m for m in reversed(people[max(0, upto - 50):upto])
                           if re.match(rf",\s+(?:aged\s+)?{age.group(1)}\b", self.masked[
                               m.end:m.end + 12]) or self.masked[max(0, m.start - 16):m.start]
                           .endswith(f"{age.group(1)}-year-old ")), None) if age else None
            if of_age is not None and not said_with:  # "Ana Ruiz, 24, …" then "The
                # 24-year-old said": the person of that age, whoever was named last
                self.mentions.append(Mention(lead.start(), token.end, of_age.key))
                continue
            for mention in reversed(people[max(0, upto - 50):upto]):  # no copy of all before
                role = self.entities[str(mention.key)].role.lower().split()
                if (noun in role and all(w in role or w in _TIME_WORDS for w in said_with)) or (
                        aged and not said_with):  # "The teenager added": the person named last
                    self.mentions.append(Mention(lead.start(), token.end, mention.key))
                    break
            else:
                if noun in DESCRIBING_NOUNS and not said_with and noun not in roles and (
                        last := self.person_just_named(people[max(0, upto - 5):upto],
                                                       sentences, token.start)):
                    self.mentions.append(Mention(lead.start(), token.end, last))

    def person_just_named(self, before: list[Mention], sentences: list[int], at: int
                          ) -> str | None:
        """The person named last before offset `at`, in its sentence or the one before, by a
        full name or with a role (“Mark Dunne, an economist,”), or None."""
        since = bisect.bisect_right(sentences, at) - 2
        for mention in reversed(before):
            if bisect.bisect_right(sentences, mention.start) - 1 < since:
                return None
            entity = self.entities[str(mention.key)]
            if " " in entity.key or entity.role:
                return entity.key
        return None

    def named_body(self, head: Token, modifiers: list[Token],
                   before: list[Mention]) -> str | None:
        """The organisation named earlier whose name ends in this head ("the agency")."""
        return self.headed_body(head.word, [m.word for m in modifiers], before) or \
            self.firm_named_last(head.word, before)

    def headed_body(self, head: str, modifiers: list[str], before: list[Mention]) -> str | None:
        """The organisation named last before whose name ends in `head` or has it before its
        “of”/“for” (“the ministry” after “the Ministry of Defence”), with every modifier."""
        for mention in reversed(before[-_LOOKBACK:]):
            if mention.key is None or mention.key not in self.entities:
                continue
            entity = self.entities[mention.key]
            words = entity.name.lower().split()
            cut = next((i for i, w in enumerate(words) if w in ("of", "for")), len(words))
            if entity.kind == "organisation" and words and head.lower() in (words[-1], words[
                    cut - 1], entity.role.lower().split(" of ")[0].split()[-1:][0] if entity.role
                    else "") and len(words) > 1 and all(m.lower() in words for m in modifiers):
                return mention.key  # "the agency", "the ministry" after "the Ministry of X"
        return None

    def firm_named_last(self, head: str, before: list[Mention]) -> str | None:
        """ "the company", "the coffee store chain" after a body is named: that body, the last
        one named (a one-word name with no title counts, as it will be a body); else None."""
        if head.lower() not in _FIRM_HEADS:
            return None
        for mention in reversed(before[-40:]):  # "Starbucks … The coffee store chain insists"
            entity = self.entities.get(str(mention.key))
            if entity is None or not entity.name[:1].isupper():
                continue
            if entity.kind == "organisation" or (
                    entity.kind == "person" and " " not in entity.key and not entity.role
                    and entity.gender is None and not entity.aliases):
                return mention.key
            if entity.kind == "person":
                return None  # a person named last: whose firm it is, the text does not say
        return None

    def key_for(self, word: str) -> str | None:
        for key, entity in self.entities.items():
            if word == entity.name.removeprefix("the ") or word in entity.aliases or word == key:
                return key
        return None
