"""Appositions after a name: the role they give (“, the Secretary General of …,”), or that the
name is a thing (“Quinoa, a grain from the Andes,”)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cached_property

from quizgen.article.lexicon import (
    GROUP_HEADS,
    ORG_WORDS,
    REPORTING_VERBS,
    ROLE_NOUNS,
    STOPWORDS,
    THING_WORDS,
    is_role_noun,
    words,
)
from quizgen.article.text import Article
from quizgen.draft.mentions import Entity, Mention
from quizgen.draft.tokens import Token, possessive
from quizgen.draft.unnamed import PERSON_NOUNS

_AT_OR_FROM = re.compile(r"\s+(?:at|from)\s+(?:the\s+)?")  # "Analysts at Kessen bank"


class Appositions:
    """Reads what follows a name between commas."""

    article: Article
    masked: str
    text: str
    tokens: list[Token]
    sentence_starts: set[int]
    entities: dict[str, Entity]
    mentions: list[Mention]

    next_token: Callable[[int], Token | None]  # groups.Groups

    @cached_property
    def capitals_inside(self) -> set[str]:
        """Words written with a capital somewhere other than at a sentence's start."""
        return {t.word for t in self.tokens if t.upper and t.start not in self.sentence_starts}

    def modifies_noun(self, run: list[Token]) -> bool:
        """ "Opinion polls show", "Death threats followed": a capitalised word opening its
        sentence, never capitalised elsewhere, before a plural common noun (not what a body
        has or who speaks for it: "Acme shares", "Oxfam workers") is part of that noun phrase,
        no name."""
        following = self.next_token(run[-1].end)
        if len(run) != 1 or possessive(run[0]) or following is None or following.upper or \
                run[0].word in self.capitals_inside:
            return False
        noun = following.text.lower()
        after = self.next_token(following.end)
        if after is not None and after.text == "to" and (verb := self.next_token(after.end)) \
                is not None and not verb.upper and verb.text not in ("the", "a", "an"):
            return False  # "Nasa plans to return": a verb, so "Nasa" is a name
        return len(noun) > 4 and noun.endswith("s") and not noun.endswith(("ss", "us", "is")) \
            and noun not in REPORTING_VERBS | _VERBS | _BODY_NOUNS | GROUP_HEADS and \
            not is_role_noun(noun[:-1]) and not is_role_noun(noun) and noun[:-1] not in \
            PERSON_NOUNS and not noun.endswith(("ists", "ians", "ants", "ents"))

    def named_as_thing(self, end: int) -> bool:
        """ "Red Dog, a spray-painted artwork depicting …", "Kessen Home, software that …":
        an apposition whose noun (before a participle, preposition or relative) names a work,
        a product or a structure, so the name before it is a thing's."""
        found = re.match(r",\s+(?:(?:a|an|the)\s+)?((?:[\w’'-]+(?:,?\s+|(?=[.;]\s|[.;]$))){0,5})",
                         self.masked[end:end + 80])  # "Titan, a cold, icy world."
        if found is None:
            return False
        head: list[str] = []
        for word in found.group(1).replace(",", " ").split():
            if (not word[:1].islower() and not word[:1].isdigit()) or word in _RELATIVE_WORDS or \
                    word in _AFTER_HEAD or (head and word.endswith("ing")):
                break
            head.append(word)
        return bool(head) and head[-1] in _THING_NOUNS

    @cached_property
    def things(self) -> set[str]:
        """Names an apposition showed to be things (named_as_thing), for their later mentions."""
        return set()

    def body_of_person(self, run: list[Token]) -> bool:
        """ "Kestrel Nine’s Tom Hale": a name in the possessive right before a person's full
        name is the body that person belongs to (a band, a club, a firm), not a person."""
        if not possessive(run[-1]):
            return False
        first = self.next_token(run[-1].end)
        second = self.next_token(first.end) if first is not None else None
        return first is not None and second is not None and first.upper and second.upper \
            and not possessive(first) and first.word.isalpha() and second.word.isalpha() and \
            first.word not in STOPWORDS and second.word not in ORG_WORDS | THING_WORDS

    def groups_at_bodies(self) -> None:
        """A group named in capitals and a body after “at” or “from” (“Analysts at Kessen
        bank have …”) speaks for the body, as a lower-case group does."""
        names = [m for m in self.mentions if m.key is not None]
        by_start = {m.start: m for m in names}
        for mention in names:
            group = self.entities[str(mention.key)]
            link = _AT_OR_FROM.match(self.masked, mention.end)
            body = by_start.get(link.end()) if link is not None and group.kind == "group" else None
            if body is not None and group.speaks_for is None and self.entities[
                    str(body.key)].kind == "organisation":
                group.speaks_for = str(body.key)

    def described_thing(self, end: int) -> bool:
        """“, a grain from the Andes,” after a one-word name: an apposition with “a”/“an”
        whose noun names no person (no role noun, no -er, -or, -ist … ending)."""
        if not re.match(r",\s+(?:a|an)\s", self.masked[end:end + 6]):
            return False
        found = self.appositive(end)
        head = re.split(r"\s+(?:from|of|in|at|for|with|that|which|who|on|by|to)\s+",
                        found[1])[0].split() if found else []
        noun = head[-1].lower() if head else ""
        return bool(noun) and noun.isalpha() and noun not in ROLE_NOUNS | PERSON_NOUNS and \
            not noun.endswith(("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "ee"))

    def appositive(self, end: int) -> tuple[int, str] | None:
        """", the Secretary General of ... ," right after a name (or after an age: ", 52, a
        shopkeeper"): (its end, the role), never running past the sentence's end ("Tom Hale, a
        baker. Paul Vey, …": a baker)."""
        if self.masked[max(0, end - 2):end] in ("’s", "'s"):
            return None  # "like Earth’s, the team calculates …": a possessive, no apposition
        limit = self.article.sentence_at(end).end
        age = re.match(r",\s+\d{1,3}(?=,)", self.masked[end:end + 8])
        end += age.end() if age else 0  # "Maria Lopez, 52, a shopkeeper": the age first
        window = self.masked[end:min(end + 200, limit)]
        match = re.match(r",\s+(?:the|a|an)\s+([^,;:“”\"()]+(?:\([^()]*\))?[^,;:“”\"]*?)"
                         r"(?=,|\.(?:\s|$)|;)", window) or _bare_role(window) or _owned_role(window)
        if match is None or len(match.group(1).split()) > 14 or any(
                word in REPORTING_VERBS for word in match.group(1).split()) or \
                _finite_clause(match.group(1).split()):
            return None  # ", the agency said on Monday": a clause, not an apposition
        if re.match(r",\s+(?:[A-Z][\w’'-]+\s+)+[A-Z][\w’'-]+\s*,", window[match.end(1):]):
            return None  # "the BBC, the education secretary, Michael Gove,": Gove's role
        return end + match.end(1), self.text[end + match.start(1):end + match.end(1)].strip()


_VERBS = words("is was are were has have had will would can could may might must should"
               " does did shall")


def _finite_clause(found: list[str]) -> bool:
    """ "the average age is 59": a verb of its own before any who, which or that, so a
    clause after the comma ("According to X, the average age is 59"), no apposition."""
    for word in found:
        if word in _RELATIVE_WORDS:
            return False
        if word in _VERBS:
            return True
    return False


def verb_like(word: str) -> bool:
    """A lower-case word that reads as the verb after a name (“published”, “says”, “is”)."""
    return word in REPORTING_VERBS or word in _VERBS or word.endswith("ed")


_BARE_ROLE = re.compile(r",\s+((?:[a-z][\w’'-]*\s+){0,3}?([a-z][\w’'-]*)(?:\s+(?:of|at|for|to"
                        r"|in)\s+[^,;:“”\"()]+)?)(?=,|\.(?:\s|$)|;)")


def _bare_role(window: str) -> re.Match[str] | None:
    """“, former manager of the French national team,”: an apposition with no article, a
    role noun at most four words in (not a clause: “, who …”, “, said …”)."""
    match = _BARE_ROLE.match(window)
    if match is None or match.group(2).lower() not in ROLE_NOUNS or any(
            verb_like(w) or w in _RELATIVE_WORDS for w in match.group(1).split()[:4]):
        return None
    return match


_OWNED_ROLE = re.compile(r",\s+((?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*[’']s\s+((?:[a-z][\w-]*\s+){0,3})"
                         r"([a-z][\w-]*)(?:\s+(?:of|for|at|in)\s+[^,;:“”\"()]{1,60}?)?)(?=,|\.(?:\s|$)|;)")


def _owned_role(window: str) -> re.Match[str] | None:
    """“, Nasa’s chief scientist for the space station,”: an apposition led by its owner's
    name, a role noun its head."""
    match = _OWNED_ROLE.match(window)
    return match if match is not None and match.group(3).lower() in ROLE_NOUNS else None


_RELATIVE_WORDS = words("who which that whose whom where when and or but")

# What a body has or who works for it, after its name ("Acme shares", "Oxfam staff").
_BODY_NOUNS = words("stores shops branches outlets shares shareholders staff employees executives"
                    " customers clients profits revenues teams players members fans supporters"
                    " officials sources forces troops police")
# Works, products and structures an apposition can say a name is.
_THING_NOUNS = words("artwork artworks painting paintings sculpture mural drawing photograph"
                     " software app film movie book novel song album drug vaccine device"
                     " gadget product game programme program website ship vessel yacht car"
                     " rocket satellite spacecraft telescope phone smartphone festival mine dam"
                     " tower bridge monument statue world planet moon star asteroid comet galaxy"
                     " exoplanet rover orbiter lander probe rotorcraft helicopter")
_AFTER_HEAD = words("of from in at for with on by to about as")
