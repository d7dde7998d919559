"""Where a fact base's people are named in an article, and who says what words there."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from quizgen.article.lexicon import REPORTING_VERBS

_QUOTES = "“”\"‘’'"
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_ORGANISATION = re.compile(
    r"\b(?:government|ministry|council|service|company|corporation|inc|ltd|plc|university|"
    r"party|agency|bank|association|foundation|committee|department|office|union|"
    r"organisation|organization|institute|authority|authorities|commission|court|army|police|"
    r"club|team|network|group|society|board|school|hospital|charity|press|news|times)\b", re.I)
_PRONOUNS = {"he": "he", "she": "she", "they": "they", "him": "he", "her": "she"}


def sentence_around(article: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or sentences) holding article[start:end]: from the end of the one before
    to the end of the last, a paragraph break ending a sentence too."""
    before = article.rfind("\n", 0, start)
    head = article[max(0, start - 400):start + 1]  # + 1: the capital a sentence starts with
    stops = [m.end() for m in re.finditer(r"[.!?][”’\"']?\s+(?=[“\"‘A-Z])", head)]
    if stops:
        before = max(before, max(0, start - 400) + stops[-1] - 1)
    after = re.search(r"[.!?][”’\"']?(?=\s+[“\"‘A-Z]|\s*$)|\n", article[end:end + 400])
    stop = end + after.end() if after else min(len(article), end + 400)
    return before + 1, max(stop, end)


def _names(person: Mapping[str, Any]) -> list[str]:
    """The ways an article names a person: the name, other names, a person's surname, and
    the words of the name its excerpt holds alone (“Malala” for Malala Yousafzai: how the
    article named them where they were found)."""
    name = str(person.get("name") or "")
    found = [name, *[str(a) for a in person.get("aliases") or []]]
    excerpt = " ".join(str(person.get("excerpt") or "").split())
    if excerpt and excerpt != name and re.search(rf"(?<!\w){re.escape(excerpt)}(?!\w)", name):
        found.append(excerpt)
    words = name.split()
    if person.get("kind", "person") == "person" and len(words) > 1 and len(words[-1]) > 2:
        found.append(words[-1])
    return [n for n in found if n.strip()]


_SHORT = re.compile(r"[Tt]he\s+(?:[A-Z][\w’'-]*\s+)+([a-z]+)")


def _short_names(people: Sequence[Mapping[str, Any]], taken: set[str]) -> list[tuple[str, str]]:
    """Short names: “the government” for the one body named “the Ethiopian government” (a
    news report names it in full once, then by its head noun), unless another person is named
    so or has the same head noun."""
    heads: dict[str, list[str]] = {}
    for person in people:
        found = _SHORT.fullmatch(str(person.get("name") or ""))
        if found is not None and person.get("kind", "person") != "person" and \
                _ORGANISATION.fullmatch(found.group(1)):
            heads.setdefault("the " + found.group(1), []).append(str(person["id"]))
    return [(head, ids[0]) for head, ids in heads.items() if len(ids) == 1 and head not in taken]


def mentions(text: str, people: Sequence[Mapping[str, Any]], *, offset: int = 0
             ) -> list[tuple[int, int, str]]:
    """Where each person is named in text: (start, end, id), longest names first, no overlap."""
    spans: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    options = sorted(((n, str(p["id"])) for p in people for n in _names(p)),
                     key=lambda item: -len(item[0]))
    options += _short_names(people, {n.lower() for n, _ in options})
    for name, person_id in options:
        words = [re.escape(w) for w in name.split()]
        if words[0] == "the":
            words[0] = "[Tt]he"  # "The ministry" starting a sentence
        pattern = r"(?<![\w])" + r"\s+".join(words) + r"(?![\w])"
        for match in re.finditer(pattern, text):
            if any(match.start() < b and a < match.end() for a, b in taken):
                continue
            taken.append((match.start(), match.end()))
            spans.append((offset + match.start(), offset + match.end(), person_id))
    return sorted(spans)


def speaker(article: str, start: int, end: int, people: Sequence[Mapping[str, Any]], *,
            depth: int = 0) -> list[str]:
    """Who says the words at article[start:end]: the person named nearest a reporting verb in
    their sentence outside the words; else, for "he said", the last person named before; a
    sentence with no reporting verb goes on with the speaker of the one before it in its
    paragraph (“… ,” he said. “More words.”)."""
    low, high = sentence_around(article, start, end)
    named = [m for m in mentions(article[low:high], people, offset=low)
             if m[1] <= start or m[0] >= end]
    verbs = [low + m.start() for m in re.finditer(r"[a-z]+", article[low:high].lower())
             if m.group() in REPORTING_VERBS and not start <= low + m.start() < end]
    verbs += [low + m.start() for m in re.finditer(r"according to", article[low:high].lower())]
    said = "|".join(sorted(REPORTING_VERBS))
    for match in re.finditer(rf"\b(he|she|they)\s+(?:{said})\b", article[low:high], re.I):
        if not start <= low + match.start() < end:  # "he told the students": he, not them
            return _last_named(article, start, low + match.start(), match.group(1).lower(),
                               people)
    named = _outside_appositions(article, named)
    if named and verbs:
        best = min(named, key=lambda m: min(abs(m[0] - v) for v in verbs))
        return [best[2]]
    pronoun = None
    for v in verbs:
        near = re.findall(r"[a-z]+", article[max(low, v - 12):v + 20].lower())
        pronoun = next((_PRONOUNS[w] for w in near if w in _PRONOUNS), pronoun)
    if pronoun is None and not verbs:
        before = article[max(0, low - 2):low]
        if depth < 2 and low > 1 and "\n" not in before:  # the sentence before, same paragraph
            return speaker(article, low - 2, low - 1, people, depth=depth + 1)
        return []
    if named and len({m[2] for m in named}) == 1:
        return [named[0][2]]
    return _last_named(article, start, low, pronoun, people)


_APPOSITION = re.compile(r",\s+(?:an?|the|who|whose|which|of|from|at|former)\b[^,.;:()“”]{0,150}?,")


def _outside_appositions(article: str, named: list[tuple[int, int, str]]
                         ) -> list[tuple[int, int, str]]:
    """The names not standing inside another's apposition or relative clause ("Regassa
    Feyissa, former head of the National Institute, warns …", "Kcho, who has close ties to
    the Cuban government, announced …": who speaks is the one the clause is about)."""
    inside = []
    for _, high, _person in named:
        clause = _APPOSITION.match(article, high)
        if clause is not None:
            inside.append((high, clause.end()))
    kept = [m for m in named if not any(a <= m[0] < b for a, b in inside)]
    return kept or named


def _last_named(article: str, start: int, low: int, pronoun: str | None,
                people: Sequence[Mapping[str, Any]]) -> list[str]:
    """The person named last before low (within 1,500 characters of start) whom pronoun fits."""
    kinds = {str(p["id"]): p for p in people}
    for m in reversed(mentions(article[max(0, start - 1500):low], people,
                               offset=max(0, start - 1500))):
        person = kinds[m[2]]
        if pronoun in (None, person.get("pronoun")) or (
                pronoun == "they" and person.get("kind") != "person"):
            return [m[2]]
    return []


def _clean(text: str) -> str:
    return " ".join(text.split()).strip(" ,;:")
