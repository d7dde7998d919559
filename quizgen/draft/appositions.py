"""Appositions after a name: the role they give (“, the Secretary General of …,”), or that the
name is a thing (“Quinoa, a grain from the Andes,”)."""

from __future__ import annotations

import re

from quizgen.article.lexicon import REPORTING_VERBS, ROLE_NOUNS, words
from quizgen.article.text import Article
from quizgen.draft.unnamed import PERSON_NOUNS


class Appositions:
    """Reads what follows a name between commas."""

    article: Article
    masked: str
    text: str

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
