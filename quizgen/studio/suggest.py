"""A new fact's fields guessed from the words selected in the article and their sentence."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from quizgen.article.lexicon import REPORTING_VERBS, UNIT_STOP
from quizgen.article.numbers import scan_numbers
from quizgen.draft.figures import qualifier_before

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
    """The ways an article names a person: the name, other names, and a person's surname."""
    name = str(person.get("name") or "")
    found = [name, *[str(a) for a in person.get("aliases") or []]]
    words = name.split()
    if person.get("kind", "person") == "person" and len(words) > 1 and len(words[-1]) > 2:
        found.append(words[-1])
    return [n for n in found if n.strip()]


def mentions(text: str, people: Sequence[Mapping[str, Any]], *, offset: int = 0
             ) -> list[tuple[int, int, str]]:
    """Where each person is named in text: (start, end, id), longest names first, no overlap."""
    spans: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    options = sorted(((n, str(p["id"])) for p in people for n in _names(p)),
                     key=lambda item: -len(item[0]))
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


def _unit_after(article: str, end: int) -> str:
    """The word naming what a number counts, right after it ("teachers"), with "per day" or
    "old" when they follow."""
    word = re.match(r"\s*([A-Za-z][\w’'-]*)", article[end:end + 40])
    if word is None or word.group(1).lower() in UNIT_STOP or word.group(1).endswith("ly"):
        return ""
    more = re.match(r"\s+(per\s+\w+|a\s+(?:day|week|month|year)|old|cent)\b",
                    article[end + word.end():end + word.end() + 20])
    return word.group(1) + (" " + more.group(1) if more else "")


def apposition(article: str, start: int, end: int) -> str:
    """The words that say what the name at article[start:end] is: an apposition after it
    ("Per Lindqvist, the town's engineer, …"), else one before it ("the UN envoy, Gordon
    Brown": from its last "the" or "a"), with that article kept, as a teacher writes a role or
    a meaning."""
    after = re.match(r",\s+((?:the|a|an)\s+[^,.;:()“”–—]{3,100}?)\s*(?:[,.;:()”–—]|$)",
                     article[end:end + 120])
    if after is not None:
        return after.group(1).strip()
    low = sentence_around(article, start, end)[0]
    before = re.search(r"\b((?:[Tt]he|[Aa]n?)\s+(?:(?!\b(?:the|a|an)\s)[^,.;:()“”–—]){3,100}?),"
                       r"\s*$",
                       article[max(low, start - 120):start])
    return before.group(1).strip() if before is not None else ""


def _involved(article: str, start: int, end: int, people: Sequence[Mapping[str, Any]]
              ) -> list[str]:
    """The people an event's words name, but not a country named only as where ("in
    Pakistan", "from Venezuela"): a place, not someone who took part."""
    kinds = {str(p["id"]): p.get("kind") for p in people}
    found = []
    for low, _, person_id in mentions(article[start:end], people, offset=start):
        where = re.search(r"\b(?:in|from|to|across|of|at|on|into|throughout)\s+(?:the\s+)?$",
                          article[max(0, low - 16):low])
        if kinds.get(person_id) == "country" and where is not None:
            continue
        if person_id not in found:
            found.append(person_id)
    return found


def _the_article(people: Sequence[Mapping[str, Any]]) -> list[str]:
    """The fact base's stand-in for the article itself (a person named "the article", which
    the format uses as the source of what the article states without naming one), if any."""
    return [str(p["id"]) for p in people if str(p.get("name", "")).lower() == "the article"][:1]


def _clean(text: str) -> str:
    return " ".join(text.split()).strip(" ,;:")


def suggest(article: str, start: int, end: int, section: str,
            people: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The fields a new fact of section starts with when article[start:end] is selected."""
    start, end = max(0, start), min(len(article), end)
    words = _clean(article[start:end])
    low, high = sentence_around(article, start, end)
    fields: dict[str, Any] = {"excerpt": words if section == "events" else
                              _clean(article[min(low, start):max(high, end)])}
    bare = words.strip(_QUOTES + " ").rstrip(_QUOTES + " ,.")
    if section == "quotes":
        fields.update(text=bare, speakers=speaker(article, start, end, people))
    elif section == "claims":
        claim = re.sub(r"^(?:that|how|whether)\s+", "", bare)
        fields.update(text=claim, claimants=speaker(article, start, end, people))
    elif section == "people":
        fields.update(name=bare, kind="organisation" if _ORGANISATION.search(bare) else "person")
        role = apposition(article, start, end)
        if role:
            fields["role"] = role
    elif section in ("places",):
        fields["name"] = bare
        if apposition(article, start, end):
            fields["description"] = apposition(article, start, end)
    elif section == "terms":
        fields["term"] = bare
        if apposition(article, start, end):
            fields["meaning"] = apposition(article, start, end)
    elif section == "events":
        fields["description"] = bare[:1].upper() + bare[1:]
        year = _YEAR.search(words)
        if year is not None:
            fields["date"] = year.group(1)
        subject = re.match(r"(?:\w+\s+){0,4}?(she|he|her|his)\b", words, re.I)
        named = _last_named(article, start, start, {"her": "she", "his": "he"}.get(
            subject.group(1).lower(), subject.group(1).lower()), people) if subject else []
        for person_id in _involved(article, start, end, people):
            if person_id not in named:
                named.append(person_id)
        fields["people"] = named
    elif section == "figures":
        hits = [h for h in scan_numbers(article[start:end]) if h.kind != "year"] or \
            scan_numbers(article[start:end])
        glued = re.search(r"(-?\d[\d,]*(?:\.\d+)?)([a-zA-Z]+)\b", article[start:end])
        if glued is not None and (not hits or hits[0].start > glued.start()):
            fields.update(value=glued.group(1).replace(",", ""), unit=glued.group(2),
                          qualifier=qualifier_before(article, start + glued.start())[0])
        elif hits:
            hit = hits[0]
            fields["value"] = str(hit.value)
            at = start + hit.start
            fields["qualifier"] = qualifier_before(article, at)[0]
            after = _unit_after(article, start + hit.end)
            unit = {"percent": "per cent"}.get(hit.kind) or (
                f"{hit.scale} {after}".strip() if hit.scale else after)
            if hit.currency:
                unit = (hit.currency + " " + (hit.scale or "")).strip()
            fields["unit"] = unit
        fields["given_by"] = speaker(article, start, end, people) if re.search(
            r"\b(?:" + "|".join(sorted(REPORTING_VERBS)) + r"|according)\b",
            article[slice(*sentence_around(article, start, end))].lower()) else \
            _the_article(people)
    return fields
