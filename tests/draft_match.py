"""What the draft scorer counts as the same unit, the same entity and a usable measure."""

from __future__ import annotations

import re

from quizgen.factbase.model import Entity, FactBase

SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9,
          "trillion": 10**12, "bn": 10**9, "m": 10**6, "k": 1000}
_IRREGULAR = {"people": "person", "men": "man", "women": "woman", "children": "child",
              "feet": "foot", "teeth": "tooth", "mice": "mouse", "geese": "goose",
              "percent": "percent", "news": "news", "series": "series", "species": "species"}
_FUNCTION = {"of", "in", "for", "on", "at", "to", "by", "with", "per", "from", "among", "that",
             "which", "who", "whose", "where", "when", "than", "as", "into", "over", "under",
             "about", "during", "after", "before", "since", "between", "against"}
_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "this", "that", "these",
                "those", "each", "every"}
# "number of people" asks for people: the head is the noun after "of".
_CONTAINERS = {"number", "amount", "total", "count", "figure", "quantity"}
# Heads a teacher would not change one for the other: a share, a span of time, a price.
_SHARES = {"share": "share", "percentage": "share", "proportion": "share", "fraction": "share",
           "rate": "rate", "time": "time", "period": "time", "length": "time", "duration": "time",
           "price": "price", "cost": "price"}
_NOT_NOUNS = {"is", "are", "was", "were", "be", "been", "has", "have", "had", "do", "does",
              "did", "will", "would", "can", "could", "said", "says", "how", "what", "when",
              "who", "which", "why", "where", "and", "or", "but", "if", "more", "less",
              "than", "very", "not", "it", "they", "he", "she", "we", "you", "i", "units",
              "unit", "figure"}
_GENERIC = {"percentage", "share", "amount", "amount of money", "year", "time of day", "number",
            "total", "figure", "value", "time", "number of units", "number of items"}
_AUXILIARIES = ("is", "are", "was", "were", "has", "have", "had", "will", "would", "can",
                "could", "may", "might", "must", "should")
# Adjectives of how often, not adverbs: "Facebook’s monthly visitors" asks about visitors.
_FREQUENCY = {"hourly", "daily", "weekly", "monthly", "quarterly", "yearly", "nightly"}
_TRAILING_BAD = _FUNCTION | _DETERMINERS | {"and", "or", "but", "'s", "s"} \
    | {"it", "they", "them", "he", "him", "she"}  # "… support of it": whose? (round 18)
# Words that open a clause of concession or cause: never part of the amount asked about
# ("number of people malnourished in spite of the fact that per-capita food", round 18).
_CONCESSIVE = r"\b(?:despite|although|though|whereas|in spite of|the fact that)\b"
# A short phrase of place, time or condition that a one-story article answers: the time the
# march ended "in Liberty Square", the crowd "at the final", the bins "in 2014" (round 18).
_SETTING = {"in", "at", "on", "since", "during", "over", "across", "from", "to", "against",
            "after", "before", "around", "near", "each", "every", "per", "underwater"}
_WHEN_HEADS = {"time", "year", "age", "day", "date", "share", "price", "rate"}
_WHEN_NOW = {"now", "today", "currently", "still", "already", "so", "far", "ever", "yet"}
_RELATIVE = {"who", "whom", "whose", "which", "that", "where", "when"}
# Words that change which amount is meant: "extra people" are not "people" (round 18).
_WHICH_AMOUNT = {"extra", "additional", "more", "further", "other", "remaining"}


def words(text: str) -> list[str]:
    """Lower-case words of a phrase, curly apostrophes made straight, % spelled percent."""
    text = text.lower().replace("’", "'").replace("%", " percent ").replace("per cent", "percent")
    return re.findall(r"[^\W_]+(?:['-][^\W_]+)*", text)  # letters of any script: Andalucía


def singular(word: str) -> str:
    """A noun's singular by the regular English endings (and a few irregular plurals)."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes", "zes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


_AFTER_UNIT = {"old", "away", "long", "high", "wide", "deep", "tall", "ago", "celsius",
               "fahrenheit", "equivalent", "more", "extra"}


def unit_key(unit: str) -> tuple[str, ...]:
    """A unit reduced to its head nouns: case, plural and scale words dropped, the words from
    "of" or "the" on dropped ("tonnes of oil equivalent" is "tonne"), a trailing "old", "away",
    "Celsius" … dropped ("years old" is "year"), and "X per Y" keeps the heads of both sides
    ("barrel", "day")."""
    parts = re.split(r"\s+(?:per|a|an|each)\s+", " ".join(words(unit)))
    heads = []
    for part in parts:
        kept = [w for w in part.split() if w not in SCALES]
        if "of" in kept[1:]:  # "tonnes of oil equivalent", "times the width of Earth"
            kept = kept[:kept.index("of", 1)]
        if "the" in kept[1:]:
            kept = kept[:kept.index("the", 1)]
        while len(kept) > 1 and kept[-1] in _AFTER_UNIT:
            kept.pop()  # "years old", "light-years away", "degrees Celsius"
        heads.append(singular(kept[-1]) if kept else "")
    return tuple(heads)


def same_unit(one: str, two: str) -> bool:
    """Two units the same noun once plural, case and scale words are set aside."""
    return unit_key(one) == unit_key(two) and unit_key(one) != ("",)


def measure_chunk(measure: str) -> list[str]:
    """The words a measure asks about: those before its first preposition, participle or
    adverb, singular, with "number of X" read as X and share, percentage, proportion as one."""
    parts = words(measure)
    while parts and parts[0] in _DETERMINERS:
        parts = parts[1:]
    chunk: list[str] = []
    rest: list[str] = []
    for index, word in enumerate(parts):
        # a preposition, or a participle or adverb after the noun ("goals scored in …")
        if chunk and (word in _FUNCTION or (word.endswith(("ed", "ing", "ly"))
                                            and word not in _FREQUENCY) or word in _NOT_NOUNS):
            rest = parts[index:]
            break
        chunk.append(word)
    chunk = [_SHARES.get(singular(w), singular(w)) for w in chunk]
    cased = measure.replace("’", "'").split()
    if chunk[:1] and chunk[0] in _WHEN_HEADS and len(chunk) > 1 and parts == words(measure) \
            and (parts[1] in _DETERMINERS or cased[1][:1].isupper()):
        chunk = chunk[:1]  # "time the review lasted", "year De Wit took charge": a clause with
        # no "that" follows the noun asked about (round 18)
    if chunk[-2:] == ["death", "toll"]:  # a death toll asks how many people died (round 16)
        chunk += ["person", "victim", "fatality"]
    if chunk and chunk[-1] in _CONTAINERS and rest[:1] == ["of"]:
        return measure_chunk(" ".join(rest[1:])) or chunk
    return chunk


def measure_head(measure: str) -> str:
    """The noun a measure asks about: the last word of its chunk (see measure_chunk)."""
    chunk = measure_chunk(measure)
    return chunk[-1] if chunk else ""


def reads_as_noun_phrase(measure: str) -> bool:
    """A measure a prompt can use as written ("What was the … ?"): a few words, no number,
    bracket or comma, not a bare generic noun ("percentage", "amount of money"), no I/we/you,
    not starting with a verb or question word, nor ending on a function word, and no "which"
    straight before a verb."""
    parts = words(measure)
    named = re.sub(r"\b[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*\s+\d+\b", "", measure)  # "Clermont
    named = re.sub(r"\b[A-Z][\w’'-]*\d[\w’'-]*", "", named)  # Foot 63", "Kessler-7b", "G7": names
    named = re.sub(r"\b(?:in|by|since|of|until|before|after|from|to|for) (?:1[89]|20)\d\d\b", "",
                   named)  # "revenues in 2012": a year says which, as a teacher would (round 18)
    if not parts or len(parts) > 16 or re.search(r"[0-9()\[\]?,;]", named):
        return False  # a number, a bracket, or a clause tacked on after a comma
    if " ".join(parts) in _GENERIC:
        return False  # "percentage", "amount of money", "year": which one?
    if re.search(r"\b(?:" + "|".join(_FUNCTION - {"that", "which", "who", "whose", "where",
                                                  "when", "than", "as"})
                 + r") (?:which|whom) (?:" + "|".join(_AUXILIARIES) + r")\b", " ".join(parts)):
        return False  # "year by which have to switch …": the clause lacks its subject; but in
        # "number of people who had taken part" the relative word is the subject (round 16)
    if re.search(r"\b(?:which|who|whom|that) (?:which|who|whom|that)\b", " ".join(parts)):
        return False  # "share of which that were bacteria": two relative words, no clause
    if re.search(r"\b(?:which|whom|where|when) be\b", " ".join(parts)):
        return False  # "time within which be in use": a bare "be" has no subject (round 18)
    if re.search(_CONCESSIVE, " ".join(parts)):
        return False  # a clause of concession tacked on (round 18)
    if re.search(r"\b(?:share|percentage|proportion|fraction) for\b", " ".join(parts)):
        return False  # "share for healthy eating": a share is of something (round 18)
    cased = re.findall(r"[^\W_]+", measure.replace("’", "'"))
    if {w.lower() for w in cased if w != "US"} & {"i", "me", "my", "we", "us", "our", "you",
                                                   "your"}:  # "US" is the country
        return False  # words lifted from a quotation ("years of my back")
    return parts[0] not in _NOT_NOUNS | _FUNCTION | {"because"} \
        and parts[-1] not in _TRAILING_BAD \
        and measure_head(measure) not in _NOT_NOUNS


def usable_measure(drafted: str, wanted: str) -> bool:
    """The automatic proxy for "usable unedited": the drafted measure reads as a noun phrase
    and its head noun is among the words the hand-written one asks about ("number of assistants"
    and "number of assistants Huffington has" ask about assistants), and, when the hand-written
    one says which amount it is with more words, the drafted one shares at least one of them
    ("number of countries" is not usable for "number of countries where Starbucks does
    business") and is not the hand-written one cut short (see `cut_short`)."""
    if not reads_as_noun_phrase(drafted) or measure_head(drafted) not in measure_chunk(wanted):
        return False
    chunk = measure_chunk(wanted)
    if (set(chunk[:chunk.index(measure_head(drafted))]) & _WHICH_AMOUNT) - set(words(drafted)):
        return False  # "people expected to be alive" for "extra people expected …" (round 18)
    context = _content(wanted) - {measure_head(wanted), measure_head(drafted)}
    return (not context or bool(context & _content(drafted))) and not cut_short(drafted, wanted)


def cut_short(drafted: str, wanted: str) -> bool:
    """Whether the drafted measure says nothing the hand-written one does not and stops before
    the words that say which amount it is: "number of European countries" for "number of
    European countries across which the lynx live", "share of the media" for "share of the media
    he calls scum" (round 18). A possessor left to the article is no such words: "number of
    assistants" for "number of assistants Huffington has"."""
    mine = _content(drafted)
    wanted_words = [_SHARES.get(singular(w), singular(w)) for w in words(wanted)]
    shared = [i for i, w in enumerate(wanted_words) if w in mine]
    if not shared or mine - set(wanted_words) - {"time", "share", "price"}:
        return False  # words of its own: another reading, judged by the other tests
    tail = words(wanted)[shared[-1] + 1:]
    if tail and tail[-1] in {"has", "had", "have"}:
        return False  # "… Huffington has": whose, which a one-subject article answers
    if set(tail) <= _WHEN_NOW:
        return False  # "… from meat now": the time of the article (round 18)
    if tail[:1] == ["if"] or (len(tail) <= 6 and tail[:1] and tail[0] in _SETTING
                              and not set(tail) & _RELATIVE):
        return False  # "… in Liberty Square", "… in 2014", "… if nothing changes": a setting
    if tail[:1] and tail[0].endswith("ed") and (len(tail) == 1 or (
            len(tail) <= 5 and tail[1] in _SETTING and not set(tail) & _RELATIVE)):
        return False  # "days of national mourning declared", "fish collected after the spill"
    return bool(_content(" ".join(tail)))


def _content(measure: str) -> set[str]:
    """The content words of a measure, singular (no function words, determiners, verbs "be"
    and "have", or the container words "number", "amount")."""
    return {singular(w) for w in words(measure)} - _FUNCTION - _DETERMINERS - _NOT_NOUNS - \
        _CONTAINERS - {"and", "or", "but"}


def names(base: FactBase, entity_id: str) -> set[str]:
    """Every name an entity goes by, and those of whom it speaks for, lower case, no "the"."""
    entity = base.by_id[entity_id]
    assert isinstance(entity, Entity)
    found = {name_key(n) for n in (entity.name, *entity.aliases)}
    owner = getattr(entity, "speaks_for", None)
    if owner:
        found |= names(base, owner)
    return found


def name_key(name: str) -> str:
    """A name compared without case, a leading "the"/"a"/"an", dots or a possessive ending."""
    text = " ".join(name.lower().replace("’", "'").replace(".", "").split())
    for article in ("the ", "a ", "an "):
        text = text.removeprefix(article)
    return text.removesuffix("'s")


def own_names(entity: Entity) -> set[str]:
    """An entity's name and aliases as compared, without those it speaks for."""
    return {name_key(n) for n in (entity.name, *entity.aliases)}


def is_stand_in(entity: Entity) -> bool:
    """The entity standing for the article itself (no real person or organisation)."""
    return entity.id == "article" or name_key(entity.name) in {"article", "column", "report"}


def same_kind(drafted: Entity, real: Entity) -> bool:
    """A person matches a person; an organisation may be any body (organisation, group,
    country) the table lists."""
    return (drafted.kind == "person") == (real.kind == "person")
