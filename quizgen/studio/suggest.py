"""A new fact's fields guessed from the words selected in the article and their sentence."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from decimal import Decimal, InvalidOperation
from typing import Any

from quizgen.article.lexicon import COUNTRIES, CURRENCIES, REPORTING_VERBS
from quizgen.article.numbers import NumberHit, scan_numbers
from quizgen.draft.figures import qualifier_before
from quizgen.draft.measures import change_unit
from quizgen.draft.units import money_rate, plural, unit_words
from quizgen.studio.events import (
    _NARRATORS,
    _PRONOUN_OF,
    _event_people,
    event_description,
    past_tense,
)
from quizgen.studio.mentions import (
    _ORGANISATION,
    _QUOTES,
    _YEAR,
    _clean,
    _last_named,
    mentions,
    sentence_around,
    speaker,
)

__all__ = ["event_date", "mentions", "past_tense", "sentence_around", "speaker", "suggest"]


def figure_unit(article: str, hit: NumberHit) -> str:
    """What the number hit (placed in article) counts, written as the answer tables and the
    drafter write a unit: "percent" (or a "percent increase" past 100), "year", a currency's
    name with its rate ("pounds an hour"), "times", else the noun phrase after it ("youth
    leaders", "tonnes of coal", "years" for "a 20-year-old"), after the scale ("million
    people")."""
    if hit.kind == "percent":
        unit = "percent" if 0 <= hit.value <= 100 else change_unit(article, hit)
    elif hit.kind == "year":
        unit = "year"
    elif hit.kind == "time":
        unit = "time of day"
    elif hit.kind == "money":
        unit = CURRENCIES.get(hit.currency or "", "dollars") + money_rate(article, hit.end)
    elif hit.unit is not None:
        unit = hit.unit if hit.unit in ("times", "place") or hit.unit.endswith("s") or \
            " " in hit.unit else plural(hit.unit)
    else:
        unit = unit_words(article, hit.end)[0].removesuffix(" old").rstrip("’'")
        if hit.kind == "ordinal" and unit:
            unit = " ".join([*unit.split()[:-1], plural(unit.split()[-1])])
    if hit.scale and not unit.startswith(hit.scale):
        unit = f"{hit.scale} {unit}".strip()
    return unit


def apposition(article: str, start: int, end: int) -> str:
    """The words that say what the name at article[start:end] is: an apposition after it
    ("Per Lindqvist, the town's engineer, …"), else one before it ("the UN envoy, Gordon
    Brown": from its last "the" or "a"), with that article kept, as a teacher writes a role or
    a meaning (lower-case: "The Prime Minister, Ana Reyes," is "the Prime Minister")."""
    after = re.match(r"(?:,|\s+[–—])\s+((?:the|a|an)\s+[^,.;:()“”–—]{3,100}?)\s*"
                     r"(?:[,.;:()”–—]|$)", article[end:end + 120])
    if after is not None:
        return after.group(1).strip()
    low = sentence_around(article, start, end)[0]
    before = re.search(r"\b((?:[Tt]he|[Aa]n?)\s+(?:(?!\b(?:the|a|an)\s)[^,.;:()“”–—]){3,100}?),"
                       r"\s*$",
                       article[max(low, start - 120):start])
    found = before.group(1).strip() if before is not None else ""
    return found[:1].lower() + found[1:] if re.match(r"(?:The|An?)\s", found) else found


_SAYING = r"(?:" + "|".join(sorted(REPORTING_VERBS)) + r")"


def claim_words(article: str, words: str) -> str:
    """A claim's words as the tables write one: a reporting clause after them left to the
    claimant ("…, the guide says"), a leading "that", and the first word lower-cased when the
    article writes it so elsewhere ("Coal is …": "coal is …"; not a name)."""
    words = re.sub(rf",\s+(?:[^,;:]{{0,40}}\s+{_SAYING}|{_SAYING}\s+[^,;:]{{0,40}})$", "",
                   words)
    words = re.sub(r"^(?:that|how|whether)\b[\s,]*", "", words)
    first = re.match(r"[A-Z][a-z’']*\b", words)
    if first is not None and re.search(rf"\b{re.escape(first.group().lower())}\b", article):
        words = first.group().lower() + words[first.end():]
    return words


def spelled_out(article: str, start: int, end: int) -> str:
    """What an acronym in brackets stands for: the capitalised words right before the
    brackets, with "the" ("the International Energy Agency (IEA)": "the International Energy
    Agency"); "" when the words selected are no acronym in brackets."""
    if not re.fullmatch(r"[A-Z][A-Za-z&]{1,7}", article[start:end]) or \
            not re.search(r"\(\s*$", article[max(0, start - 3):start]) or \
            not re.match(r"\s*\)", article[end:end + 3]):
        return ""
    name = re.search(r"((?:[A-Z][\w’'-]*\s+(?:(?:of|for|and|on|the|de|&)\s+)*)*[A-Z][\w’'-]*)"
                     r"\s*\(\s*$", article[max(0, start - 120):start])
    return "the " + re.sub(r"^The\s+", "", name.group(1)) if name is not None else ""


def in_brackets(article: str, end: int) -> str:
    """Words in brackets right after a term, which say what it means ("cognitive load (how
    much you are thinking)"), unless they are an acronym of it."""
    found = re.match(r"\s*\(([^()]{3,80})\)", article[end:end + 90])
    return found.group(1).strip() if found and not re.fullmatch(r"[A-Z&]{2,8}",
                                                                  found.group(1)) else ""


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
    """A person's kind: "country" when the name (without "the") is a country of the lexicon;
    "group" for a lower-case plural or "a group of …" ("leading water scientists");
    "organisation" when its name has a word such as ministry or company, is an acronym or "the"
    and a capitalised word ("UEFA", "the Pentagon"), when its apposition's head noun is one
    ("Etecsa, the state-owned telecommunications utility"), or when it stands in a list after
    one ("tech giants such as Google and Apple", "sites like Facebook"); else "person"."""
    head = re.split(r"\s+(?:of|for|in|at|with|who|that|which|from|to|on)\s+", role)[0].split()
    listed = _LISTED.search(article[max(sentence_around(article, start, start + 1)[0],
                                        start - 200):start])
    bare = re.sub(r"^(?:[Tt]he)\s+", "", name)
    if bare in COUNTRIES or bare.replace(".", "") in COUNTRIES:
        return "country"
    first = re.split(r"\s+(?:of|for|in|at|around|across|with|who|that|from|on)\s+", name)[0]
    if name[:1].islower() and re.search(r"(?:[a-z][^s’'\W]s|\bgroup)$", first):
        return "group"  # "leading water scientists", "a group of experts": no one person
    if _ORGANISATION.search(name) or (head and _is_organisation_noun(head[-1])) or (
            listed is not None and _is_organisation_noun(listed.group(1))) or \
            re.fullmatch(r"[A-Z]{2,6}", bare) or re.match(r"[Tt]he\s+[A-Z]", name):
        return "organisation"  # "UEFA", "the Pentagon": a body, not someone's name
    return "person"


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


def _said_within(article: str, start: int, end: int, people: Sequence[Mapping[str, Any]]
                 ) -> list[str]:
    """Who the selected words themselves say said or found them, when they hold their own
    reporting clause ("…, says the government, as …", "A report by Akamai found …"): the
    person named nearest such a verb in them, within a few words of it."""
    words = article[start:end]
    cues = [(m.start(), m.end()) for m in re.finditer(
        r"\b(?:" + "|".join(sorted(REPORTING_VERBS)) + r"|according\s+to|found|finds|showed|"
        r"shows|(?:report|study|survey|analysis|poll)\s+by)\b", words, re.I)]
    near = [(min(max(a - m_end, m_start - b) for a, b in cues), person_id)
            for m_start, m_end, person_id in mentions(words, people)] if cues else []
    near = [(gap, person_id) for gap, person_id in near if gap <= 30]
    return [min(near)[1]] if near else []


def _subject(article: str, at: int, people: Sequence[Mapping[str, Any]]) -> str:
    """Whom the number at article[at] is about, when the words right before it say so: a
    person named just before it between commas ("Adonis Ortiz, 20,": an age), a his or her
    before it ("her 16th birthday": the person it points back to), a name's possessive ("the
    company’s 400 shops")."""
    low = sentence_around(article, at, at + 1)[0]
    before = article[max(low, at - 40):at]
    pronoun = re.search(r"\b(his|her|their)\s+$", before, re.I)
    if pronoun is not None:
        who = _last_named(article, at, at - len(pronoun.group()),
                          _PRONOUN_OF[pronoun.group(1).lower()], people)
        return who[0] if who else ""
    for _, m_end, person_id in reversed(mentions(before, people, offset=at - len(before))):
        gap = article[m_end:at]
        if (re.fullmatch(r",\s*", gap) and re.match(r"[\d.]+\s*,", article[at:at + 8])) or \
                re.fullmatch(r"[’']s\s+(?:[a-z-]+\s+){0,2}", gap):
            return person_id
        break
    return ""


def _the_article(people: Sequence[Mapping[str, Any]]) -> list[str]:
    """The fact base's stand-in for the article itself (a person named "the article", which
    the format uses as the source of what the article states without naming one), else its
    narrator (a person named "the narrator", "the writer", …: a first-person article's "I"),
    if any."""
    return ([str(p["id"]) for p in people if str(p.get("name", "")).lower() == "the article"] or
            [str(p["id"]) for p in people if str(p.get("name", "")).lower() in _NARRATORS])[:1]


def _figure_stated(article: str, start: int, end: int, figures: Sequence[Mapping[str, Any]]
                   ) -> str:
    """The figure a claim states: the first number in its words that is a figure's value,
    the figure whose excerpt is in the claim's sentence first when several have it."""
    low, high = sentence_around(article, start, end)
    sentence = " ".join(article[low:high].split())
    for number in re.finditer(r"(?<![\w.])\d[\d,]*(?:\.\d+)?", article[start:end]):
        try:
            value = Decimal(number.group().replace(",", ""))
        except InvalidOperation:
            continue
        same = [f for f in figures if _decimal(f.get("value")) == value]
        same.sort(key=lambda f: " ".join(str(f.get("excerpt") or "").split()) not in sentence)
        if same:
            return str(same[0]["id"])
    return ""


def _decimal(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value).replace(",", ""))
    except InvalidOperation:
        return None


_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
_MONTH = "|".join(m.capitalize() for m in _MONTHS)
_DAY_MONTH_YEAR = re.compile(rf"\b(?:(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})|({_MONTH})\s+"
                             rf"(\d{{1,2}})(?:st|nd|rd|th)?,?|({_MONTH}))\s+(1[89]\d\d|20\d\d)\b")


def event_date(words: str) -> str:
    """The date the words give, as precisely as they give it: "9 October 2012" or "October 9,
    2012" as 2012-10-09, "December 2012" as 2012-12, else the first year."""
    found = _DAY_MONTH_YEAR.search(words)
    if found is not None:
        day = found.group(1) or found.group(4)
        month = _MONTHS.index((found.group(2) or found.group(3) or found.group(5)).lower()) + 1
        return f"{found.group(6)}-{month:02d}" + (f"-{int(day):02d}" if day else "")
    year = _YEAR.search(words)
    return year.group(1) if year is not None else ""


def suggest(article: str, start: int, end: int, section: str,
            people: Sequence[Mapping[str, Any]], *,
            figures: Sequence[Mapping[str, Any]] = ()) -> dict[str, Any]:
    """The fields a new fact of section starts with when article[start:end] is selected
    (figures: the fact base's figures, which a claim may state)."""
    start, end = max(0, start), min(len(article), end)
    words = _clean(article[start:end])
    low, high = sentence_around(article, start, end)
    fields: dict[str, Any] = {"excerpt": words if section == "events" else
                              _clean(article[min(low, start):max(high, end)])}
    bare = words.strip(_QUOTES + " ").rstrip(_QUOTES + " ,.")
    if section == "quotes":  # its closing stop kept, as the words are quoted
        said = re.sub(r"^[“\"‘]\s*|\s*[”\"]$", "", words.strip()).rstrip(" ,")
        fields.update(text=said, speakers=speaker(article, start, end, people))
    elif section == "claims":
        claim = claim_words(article, bare)
        fields.update(text=claim, claimants=speaker(article, start, end, people) or
                      _said_within(article, start, end, people))
        stated = _figure_stated(article, start, end, figures)
        if stated:
            fields["figure"] = stated
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
        meaning = apposition(article, start, end) or spelled_out(article, start, end) or \
            in_brackets(article, end)
        if meaning:
            fields["meaning"] = meaning
    elif section == "events":
        named = _event_people(article, start, end, people)
        fields["description"] = event_description(article, start, end, people)
        date = event_date(words)
        if date:
            fields["date"] = date
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
            fields["unit"] = figure_unit(article, replace(hit, start=at, end=start + hit.end))
        fields["given_by"] = _source(article, start, end, people)
        number = re.search(r"\d", article[start:end])
        subject = _subject(article, start + (number.start() if number else 0), people)
        if subject:
            fields["subject"] = subject
    return fields
