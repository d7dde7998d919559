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


_ORGANISATION_HEADS = re.compile(
    r"(?:giants?|firms?|companies|brands?|sites?|websites?|platforms?|networks?|utility|"
    r"utilities|shops?|stores?|supermarkets?|retailers?|chains?|banks?|airlines?|makers?|"
    r"manufacturers?|providers?|operators?|carriers?|publishers?|newspapers?|broadcasters?|"
    r"charities|agency|agencies|businesses|start-?ups?|labels?|outlets?)$", re.I)
_LISTED = re.compile(r"\b([A-Za-z-]+)\s+(?:such\s+as|like|including)\s+"
                     r"(?:[^,.;:()]{1,40}?(?:,\s*|\s+and\s+|\s+or\s+))*$")


def _is_organisation_noun(word: str) -> bool:
    return bool(_ORGANISATION_HEADS.match(word) or _ORGANISATION.fullmatch(word))


def _kind(article: str, start: int, name: str, role: str) -> str:
    """A person's kind: "organisation" when its name has a word such as ministry or company,
    when its apposition's head noun is one ("Etecsa, the state-owned telecommunications
    utility"), or when it stands in a list after one ("tech giants such as Google and
    Apple", "sites like Facebook"); else "person"."""
    head = re.split(r"\s+(?:of|for|in|at|with|who|that|which|from|to|on)\s+", role)[0].split()
    listed = _LISTED.search(article[max(sentence_around(article, start, start + 1)[0],
                                        start - 200):start])
    if _ORGANISATION.search(name) or (head and _is_organisation_noun(head[-1])) or (
            listed is not None and _is_organisation_noun(listed.group(1))):
        return "organisation"
    return "person"


_SUBJECTS = {"he": "he", "she": "she", "they": "they"}
_PRONOUN_OF = {"he": "he", "she": "she", "they": "they", "him": "he", "her": "she",
               "his": "he", "their": "they", "them": "they"}
_NO_DOER = re.compile(r"(?:(?:after|before|while|when|since|upon|by)\s+)?"
                      r"(?!(?:[Ff]ollow|[Ii]nclud|[Aa]ccord|[Rr]egard|[Cc]oncern|[Dd]ur)ing\b)"
                      r"(?:[A-Za-z]+ing|[Bb]orn|[A-Z][a-z]+ed)\b")
_LEADING = re.compile(r"(?:in|on|by|since|after|before|during|at|from|until|aged?)\b"
                      r"[^,;:.“”]{0,40},\s+", re.I)
_WHERE = re.compile(r"\b(?:in|from|to|across|of|at|on|into|throughout)\s+(?:the\s+)?$")


def _doer(article: str, start: int, end: int, people: Sequence[Mapping[str, Any]]
          ) -> list[str]:
    """Who does what words with no doer of their own tell ("Born on one of Cuba's islands,
    he …", "He gained fame after winning the prize"): the sentence's first "he", "she" or
    "they" outside the words, or its first person named (not as where), whichever comes
    first."""
    low, high = sentence_around(article, start, end)
    found: list[tuple[int, list[str]]] = []
    for match in re.finditer(r"\b(he|she|they)\b", article[low:high], re.I):
        at = low + match.start()
        if not start <= at < end:
            found.append((at, _last_named(article, at, at, match.group(1).lower(), people)))
            break
    kinds = {str(p["id"]): p.get("kind") for p in people}
    for at, _, person_id in mentions(article[low:high], people, offset=low):
        if not start <= at < end and (kinds.get(person_id) != "country" or
                                      _WHERE.search(article[max(0, at - 16):at]) is None):
            found.append((at, [person_id]))
            break
    return min(found)[1] if found and min(found)[1] else []


def _event_people(article: str, start: int, end: int, people: Sequence[Mapping[str, Any]]
                  ) -> list[str]:
    """An event's people: whom words with no doer of their own are about (_doer), whom each
    he, she, her, his or him in the words points back to (from where it stands), and the
    people the words name (_involved)."""
    words = article[start:end].strip(_QUOTES + " ")
    named = _doer(article, start, end, people) if _NO_DOER.match(words) else []
    for match in re.finditer(r"\b(he|she|her|his|him)\b", article[start:end], re.I):
        at = start + match.start()
        for person_id in _last_named(article, at, at, _PRONOUN_OF[match.group(1).lower()],
                                     people):
            if person_id not in named:
                named.append(person_id)
    for person_id in _involved(article, start, end, people):
        if person_id not in named:
            named.append(person_id)
    return named


def event_description(article: str, start: int, end: int,
                      people: Sequence[Mapping[str, Any]]) -> str:
    """An event's words as the answer tables write a description: a leading "On 9 October,"
    or "By 15," left to the date; "Born …" with no doer as "NAME was born …"; a leading "she"
    as the person it points back to, and a "her" or "his" whose person the description has
    not named as theirs ("Death threats followed Malala's growing recognition"); "has
    opened" as "opened"."""
    words = _clean(article[start:end]).strip(_QUOTES + " ").rstrip(_QUOTES + " ,.")
    offset = start + article[start:end].find(words[:1]) if words else start
    lead = _LEADING.match(words)
    if lead is not None and re.match(r"(?:he|she|they)\b|[A-Z]", words[lead.end():]):
        words, offset = words[lead.end():], offset + lead.end()
    doer = _doer(article, start, end, people) if _NO_DOER.match(words) else []
    if re.match(r"[Bb]orn\b", words) and doer:
        words = _called(article, doer[0], people) + " was born" + words[4:]
    apostrophe = "’" if "’" in article else "'"
    said: set[str] = set()
    out = []
    for i, token in enumerate(re.split(r"(\b(?:he|she|they|her|his|their)\b)", words,
                                       flags=re.I)):
        pronoun = token.lower()
        if i % 2 == 0 or pronoun not in _PRONOUN_OF:
            said.update(m[2] for m in mentions(token, people))
            out.append(token)
            continue
        at = offset + len("".join(out))
        who = _last_named(article, at, at, _PRONOUN_OF[pronoun], people)
        name = _called(article, who[0], people) if who else ""
        if name and pronoun in _SUBJECTS and i == 1 and not "".join(out).strip():
            out.append(name)
        elif name and pronoun in ("her", "his", "their") and who[0] not in said and \
                not _next_is_object(words, "".join(out) + token):
            out.append(name + apostrophe + "s")
        else:
            out.append(token)
        if who:
            said.add(who[0])
    text = re.sub(r"\b(?:has|have)\s+(\w+ed)\b", r"\1", "".join(out))
    return text[:1].upper() + text[1:]


def _called(article: str, person_id: str, people: Sequence[Mapping[str, Any]]) -> str:
    """How the article calls a person most often ("Malala", not "Malala Yousafzai", when it
    calls her so; the latest of equals), else the person's name."""
    counts: dict[str, int] = {}
    for low, high, found in mentions(article, people):
        if found == person_id:
            text = " ".join(article[low:high].split())
            counts[text] = counts.pop(text, 0) + 1  # popped: the latest of equals comes last
    name = next((str(p.get("name") or "") for p in people if str(p["id"]) == person_id), "")
    return max(reversed(counts), key=lambda t: counts[t]) if counts else name


def _next_is_object(words: str, upto: str) -> bool:
    """Whether the "her" just read is an object ("put her forward"), not a possessive: no
    noun follows it."""
    rest = words[len(upto):]
    return re.match(r"\s*(?:(?:forward|back|up|down|out|in|to|as|and|at|for|with)\b|[,.;:]|$)",
                    rest) is not None


def _source(article: str, start: int, end: int, people: Sequence[Mapping[str, Any]]
            ) -> list[str]:
    """A figure's source: the person named nearest a reporting verb ("according to", "found",
    "a report by") in its sentence; a sentence with none goes on with the finding of the
    sentence before it in its paragraph ("A report by X found … 10.5. Globally, the average
    was 3.9."); else the fact base's "the article"."""
    low, high = sentence_around(article, start, end)
    sentence = article[low:high].lower()
    if re.search(r"\b(?:" + "|".join(sorted(REPORTING_VERBS)) + r"|according)\b", sentence):
        return speaker(article, start, end, people)
    found = _finding(article, low, high, start, end, people)
    if found:
        return found
    if low > 1 and "\n" not in article[max(0, low - 2):low]:
        before = sentence_around(article, low - 2, low - 1)
        found = _finding(article, before[0], before[1], low, low, people)
        if found:
            return found
    return _the_article(people)


def _finding(article: str, low: int, high: int, start: int, end: int,
             people: Sequence[Mapping[str, Any]]) -> list[str]:
    """Who a sentence says found something: the person named nearest "found", "showed" or
    "a report, study or survey by" (outside start:end)."""
    cues = [low + m.start() for m in re.finditer(
        r"\b(?:found|finds|showed|shows|(?:report|study|survey|analysis|poll)\s+by)\b",
        article[low:high], re.I)]
    named = [m for m in mentions(article[low:high], people, offset=low)
             if m[1] <= start or m[0] >= end]
    if not cues or not named:
        return []
    return [min(named, key=lambda m: min(abs(m[0] - c) for c in cues))[2]]


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
        role = apposition(article, start, end)
        fields.update(name=bare, kind=_kind(article, start, bare, role))
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
        named = _event_people(article, start, end, people)
        fields["description"] = event_description(article, start, end, people)
        year = _YEAR.search(words)
        if year is not None:
            fields["date"] = year.group(1)
        fields["people"] = named
    elif section == "figures":
        hits = [h for h in scan_numbers(article[start:end]) if h.kind != "year"] or \
            scan_numbers(article[start:end])
        glued = re.search(r"(-?\d[\d,]*(?:\.\d+)?)([a-zA-Z]+)\b", article[start:end])
        if glued is not None and glued.group(2).lower() in ("st", "nd", "rd", "th"):
            # an ordinal, not a unit: "her 16th birthday" is an age in years
            birthday = re.match(r"\s+birthday", article[start + glued.end():])
            fields.update(value=glued.group(1), unit="years" if birthday else "")
        elif glued is not None and (not hits or hits[0].start > glued.start()):
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
        fields["given_by"] = _source(article, start, end, people)
    return fields
