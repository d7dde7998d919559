"""A count's subject past a participle, an it/they its opening When clause names (round 22)."""

from __future__ import annotations

import re

from quizgen.article.lexicon import SCALES

# A participle phrase set off by commas between a subject and its verb ("The petition, calling for
# an end to the war, has attracted …"; "The festival, founded in 1970, sold …"): blanked, so the
# subject meets its verb. A handful of irregular participles are named; -ing and -ed cover the rest.
_PARTICIPLE_SET_OFF = re.compile(r",\s+(?:[a-z]{3,}ing|[a-z]{3,}ed|known|born|led|run|built|made"
                                 r"|held|set|given|seen|written|taken|backed|based)\s"
                                 r"[^,;:—–()]{1,120},\s+")


def without_participles(before: str) -> str:
    """The words before a count with any participle phrase set off by commas left out."""
    return _PARTICIPLE_SET_OFF.sub(" ", before)


# A sentence opening with a clause of time or cause whose subject is a noun phrase, then its
# verb: "When hurricane Ian hit Florida last year, it …" (the subject: hurricane Ian).
_OPENING = re.compile(r"\s*(?:When|After|As|Once|Because|Since|Before|While|Although|Though|If)"
                      r"\s+((?:(?:the|a|an|[A-Z][\w’'-]*|[a-z][\w-]*)\s+){0,4}?"
                      r"(?:[A-Z][\w’'-]*|[a-z][\w-]*))\s+"
                      r"((?:has\s+|have\s+|had\s+)?(?:[a-z]{2,}ed|hit|struck|made|took|came|went"
                      r"|began|grew|fell|rose|won|lost|left|broke|hit|ran|swept|spread|tore|saw"
                      r"|found|met|burst|sank|shook|blew))\b[^,;:—–]*,\s+")
_NOT_SUBJECT = frozenset({"it", "they", "he", "she", "we", "you", "i", "this", "that", "these",
                          "those", "there", "who", "which", "what"})


def opening_subject(text: str, start: int, pronoun: str) -> str:
    """The noun phrase an *it* or *they* right after the sentence's opening clause of time or
    cause stands for ("When hurricane Ian hit Florida, it destroyed …": hurricane Ian), or "":
    *it* takes a noun phrase not ending in -s (or a name), *they* one ending in -s."""
    found = _OPENING.match(text, start)
    if found is None:
        return ""
    subject = found.group(1).split()
    if any(w.lower() in _NOT_SUBJECT for w in subject) or (subject[-1].islower() and (
            subject[-1].endswith("s") != (pronoun == "they"))):
        return ""
    if subject[-1][:1].isupper() and pronoun == "they":
        return ""  # "When Ana Ruiz arrived, they …": no "they" for one name
    subject[0] = subject[0].lower() if subject[0] in ("The", "A", "An") else subject[0]
    return " ".join(subject)


# "Saturn has a total of 146 moons orbiting it": what the count's things do to the subject.
_HAS_BEFORE = re.compile(r"(?<![\w’'-])((?:[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})|(?:[Tt]he\s+"
                         r"(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*))\s+(?:now\s+|also\s+|still\s+)?"
                         r"(?:has|have|had)\s+(?:a\s+total\s+of\s+|about\s+|around\s+|some\s+"
                         r"|nearly\s+|almost\s+|more\s+than\s+|over\s+|at\s+least\s+)*$")
_DOING_IT = re.compile(r"\s+([a-z]{3,}ing)\s+(?:around\s+|round\s+|through\s+|in\s+|on\s+)?"
                       r"(?:it|them)\b")


def counted_doing_it(text: str, start: int, at: int, unit_end: int, noun: str) -> str:
    """ "number of moons orbiting Saturn" for "Saturn has a total of 146 moons orbiting it": a
    count of things the subject has, doing something to it; or ""."""
    doing = _DOING_IT.match(text, unit_end)
    owner = _HAS_BEFORE.search(text, start, at) if doing is not None else None
    noun = " ".join(w for w in noun.split() if w not in SCALES)  # "million signatures"
    if doing is None or owner is None or not noun:
        return ""
    subject = owner.group(1).split()
    if subject[0].lower() in _NOT_SUBJECT:
        return ""
    subject[0] = "the" if subject[0] == "The" else subject[0]
    middle = text[doing.start(1):doing.end()].split()[:-1]
    return f"number of {noun} {' '.join(middle)} {' '.join(subject)}"


# Verbs in the plural present that follow a counted noun and its place ("40 women in the world
# hold the title", "2m people in the region live on less than $2 a day").
_PRESENT = frozenset({"hold", "live", "work", "use", "own", "speak", "play", "attend", "visit",
                      "eat", "earn", "die", "need", "want", "believe", "face", "receive", "get",
                      "share", "lack", "suffer", "follow", "support", "oppose", "take", "make",
                      "leave", "enter", "cross", "sleep", "spend", "buy", "rely", "depend"})
_PLACE_PREPOSITIONS = frozenset({"in", "from", "at", "across", "around", "on", "of", "near",
                                 "inside", "outside", "under", "over", "aged", "with"})


def relative_before_present(found: list[str]) -> list[str]:
    """The words after a count's noun with "that" put before a present verb that follows the
    noun's place ("in the world hold the title": in the world that hold the title)."""
    if not found or found[0].lower() not in _PLACE_PREPOSITIONS:
        return found
    verb = next((i for i, w in enumerate(found) if i > 1 and w in _PRESENT), 0)
    if verb and found[verb - 1].lower() not in ("who", "that", "which", "to", "and", "or"):
        return [*found[:verb], "that", *found[verb:]]
    return found
