"""Acronyms as a student reads them: a name in capitals ("IHME") or mixed ("IgG"), and whether a
phrase spells one (its initials, its words' letters, or letters inside its words in order)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from quizgen.factbase.model import Term

# Words that point to no one: articles, prepositions, pronouns, and the words every prompt of a
# kind has ("Who said that …", "Which term means …"), so they tell no option from another.
LITTLE_WORDS = frozenset({
    "a", "an", "the", "of", "and", "or", "for", "in", "on", "at", "to", "by", "with", "from",
    "into", "as", "is", "are", "was", "were", "be", "been", "its", "it", "his", "her", "their",
    "them", "they", "he", "she", "we", "our", "who", "whom", "whose", "what", "which", "where",
    "when", "why", "how", "that", "this", "these", "those", "said", "say", "says", "saying",
    "term", "means", "mean", "did", "do", "does", "happen", "there", "than", "but", "not", "no",
    "de", "la", "el", "del", "le", "les", "di", "da", "dos", "das", "van", "von", "y",
})  # fmt: skip

_CAPITALS = re.compile(r"[A-Z]{2,7}")
# a mixed acronym: two to seven letters, at least two capitals, one of them first ("IgG", "HbA")
_MIXED = re.compile(r"(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z]{1,6}")


def is_acronym(text: str) -> bool:
    """Whether a name is an acronym: all capitals ("IHME"), or capitals with small letters
    between them that stand for letters inside a word ("IgG": immunoglobulin G)."""
    return bool(_CAPITALS.fullmatch(text) or _MIXED.fullmatch(text))


def acronyms_of(term: Term) -> set[str]:
    """The term's names (its own and its aliases) that are acronyms."""
    return {n.strip() for n in (term.term, *term.aliases) if is_acronym(n.strip())}


def initials(text: str) -> tuple[str, ...]:
    """The initials a phrase's acronym could be: of its words but articles and prepositions,
    and of all its words ('Institute for Health Metrics and Evaluation': IHME, IFHMAE)."""
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    kept = [w for w in words if w.casefold() not in LITTLE_WORDS]
    return ("".join(w[0] for w in kept).upper(), "".join(w[0] for w in words).upper())


def letters_among(acronym: str, text: str) -> bool:
    """Whether every letter of the acronym is the initial of a word of the text, in any order, a
    word in capitals giving all its letters: CNE in "Venezuela's national electoral council"
    (the Spanish order), HMRC in "HM Revenue & Customs"."""
    kept = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if w.casefold() not in LITTLE_WORDS]
    if len(kept) > len(acronym) + 1:  # a long phrase has every letter somewhere: no spelling
        return False
    found: Counter[str] = Counter()
    for word in kept:
        found.update(word if word.isupper() else word[0].upper())
    return not Counter(acronym.upper()) - found


def spelled_inside(acronym: str, text: str) -> bool:
    """Whether a mixed acronym's letters open the phrase in order, each capital starting a word
    and each small letter found further inside the word before it: "IgG" in "immunoglobulin G,
    antibodies …". An acronym in capitals alone is read by its initials, not here."""
    if acronym.isupper() or not acronym[:1].isupper():
        return False
    pattern = ""
    for index, letter in enumerate(acronym):
        if letter.isupper():
            pattern += (r"[\w'’-]*[\s/]+" if index else "") + re.escape(letter)
        else:
            pattern += r"[\w'’-]*?" + re.escape(letter)
    head = re.sub(r"^(?:the|an?)\s+", "", text.strip(), flags=re.IGNORECASE)
    return re.match(pattern, head, re.IGNORECASE) is not None


# where a meaning's opening noun phrase ends: what follows tells of it
_LEAD_END = re.compile(r"[,;:(–—]|\b(?:who|whom|which|that|whose|where|when|with|of|for|in|on"
                       r"|at|from|by|to|used|made|built|set)\b", re.IGNORECASE)
_POSSESSIVE = ("'s", "’s", "s'", "s’")


def lead_spelled(acronym: str, meaning: str) -> bool:
    """Whether the words of a meaning's opening noun phrase (two or more, a possessor left out)
    all begin with letters of the acronym: "the orbiter’s subsurface radar sounder" in the
    letters of MARSIS (r, s, s). A student picks the option the letters spell."""
    phrase = _LEAD_END.split(meaning, maxsplit=1)[0]
    kept = [w for w in re.findall(r"[^\W\d_][\w'’-]*", phrase)
            if w.casefold() not in LITTLE_WORDS and not w.endswith(_POSSESSIVE)]
    if not 2 <= len(kept) <= len(acronym):
        return False
    return not Counter(w[0].upper() for w in kept) - Counter(acronym.upper())


def spells(acronyms: Iterable[str], meaning: str) -> bool:
    """Whether the phrase spells one of the acronyms."""
    return any(a.upper() in initials(meaning) or letters_among(a, meaning)
               or spelled_inside(a, meaning) or lead_spelled(a, meaning) for a in acronyms)
