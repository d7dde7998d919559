"""The sort of a speaker a student sees in an option (a person, a body, a group, a country, or a
text: a journal, a report, a study), so that words are attributed among speakers of one sort:
a journal among people, or survey respondents among named people, is picked without reading."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from quizgen.article.lexicon import ORG_WORDS
from quizgen.factbase.model import Entity

# head nouns that make a body a text that speaks only through print (general English, no
# article's words): "the journal that published …", "the Pentagon's 2008 report"
_TEXTS = frozenset({
    "journal", "journals", "newspaper", "newspapers", "paper", "papers", "magazine",
    "publication", "report", "reports", "study", "studies", "analysis", "review", "survey",
    "poll", "polls", "guide", "document", "documents", "presentation", "book", "article",
    "statement", "letter", "website", "blog", "leaflet", "manual", "dossier", "memo",
})
TEXT = "text"
# head nouns of a role that make its entity a body or people, whatever its name says ("the firm
# where …" makes "Enders Analysis" a firm)
_AGENTS = frozenset({w.casefold() for w in ORG_WORDS if w.isalpha()} - _TEXTS - {
    "research", "international", "energy", "times", "news", "post", "press", "watch"} | {
    "firm", "company", "organization", "organisation", "team", "group", "researchers",
    "scientists", "experts", "people", "charity", "campaign", "business", "agency", "body",
    "club", "band", "members", "officials", "leaders", "residents"})
TEXT_WORDS = ("journal, report or study", "journals, reports or studies")  # in a teacher's words
# words that end a noun phrase's head: what follows tells of it ("the researchers behind …")
_ENDS = frozenset({"of", "that", "which", "who", "whom", "whose", "where", "when", "in", "for",
                   "to", "from", "on", "at", "by", "with", "as", "than", "and", "or", "but",
                   "after", "before", "about", "during", "over", "under", "between", "into",
                   "behind", "near", "across", "through", "against", "like", "led", "such"})
_LEADS = frozenset({"a", "an", "the", "one", "its", "his", "her", "their", "our", "this"})
_TOKEN = re.compile(r"[^\W\d_][\w’'-]*|[,;:–—(“”\"]")
_POSSESSOR = re.compile(r"^\s*(?:the\s+)?[A-Z][^,]*?[’']s\s+(?=\S)")


def _noun_head(text: str) -> str | None:
    """The head noun of a noun phrase ("the journal that published …": journal; "the
    Pentagon's 2008 report “…”": report), or None when it has no word before what tells of it."""
    text = _POSSESSOR.sub("", text, count=1)
    tokens = [t.casefold() for t in _TOKEN.findall(text)]
    words: list[str] = []
    for token in tokens:
        if not words and token in _LEADS:
            continue
        ends = (not token[0].isalpha() or token in _ENDS or token in _LEADS
                or (len(token) > 4 and token.endswith(("ed", "ing"))))
        if ends:
            break
        words.append(token)
    return words[-1] if words else None


def sort_of(entity: Entity) -> str:
    """The entity's sort as its option reads: its kind (person, organisation, country, group),
    or "text" for a body or group that is a publication or a piece of writing: its role's head
    says so ("the newspaper that …"), or its name's does ("the 2012 study") and its role names
    no body or person ("the firm where …" makes "Enders Analysis" a firm). A person whose role
    is a text, or whose name is a plural label ("respondents", "local residents"), is of that
    sort: what a student reads in the option, whatever kind the fact base left it at."""
    if entity.kind == "person":  # the default kind: a newspaper or "respondents" left at it
        if _opens_phrase(entity.role) and _noun_head(entity.role) in _TEXTS:
            return TEXT
        return "group" if _label(entity.name) else entity.kind
    if entity.kind not in ("organisation", "group"):
        return entity.kind
    role = _noun_head(entity.role) if _opens_phrase(entity.role) else None
    if role is not None and role in _TEXTS:
        return TEXT
    if role is not None and role in _AGENTS:
        return entity.kind
    name = _noun_head(entity.name)
    return TEXT if name is not None and name in _TEXTS else entity.kind


_SINGLE = frozenset({"one", "a", "an", "each", "every", "another"})


def _label(name: str) -> bool:
    """Whether a name is a plural label of people, not a person's name: its words all in lower
    case after "the" or "some", the last a plural ("respondents", "some local residents"),
    never one of them ("one of the executives")."""
    words = [w for w in _TOKEN.findall(name) if w[0].isalpha()]
    if not words or words[0].casefold() in _SINGLE:
        return False
    rest = [w for w in words if w.casefold() not in ("the", "some", "many", "other", "most")]
    return (bool(rest) and all(w[0].islower() for w in rest)
            and rest[-1].endswith("s") and not rest[-1].endswith("ss"))


def _opens_phrase(text: str) -> bool:
    """Whether a role opens as a noun phrase ("the newspaper that …", "the Pentagon's report"),
    not on a verb or a relative word ("published the report …", "whose report …")."""
    first = next(iter(_TOKEN.findall(text)), "").casefold()
    return first in _LEADS or first in _TEXTS or _POSSESSOR.match(text) is not None


def same_sort(one: Entity, other: Entity) -> bool:
    """Whether two entities may be offered side by side for one quote or claim."""
    return sort_of(one) == sort_of(other)


def lone_sorts(entities: Iterable[Entity]) -> list[str]:
    """The sorts that exactly one of these entities has (an option list or a matching's speakers
    where it is the odd one out), in order of first appearance; empty when none is alone."""
    sorts = [sort_of(e) for e in entities]
    counts = Counter(sorts)
    return [s for s in dict.fromkeys(sorts) if counts[s] == 1] if len(counts) > 1 else []
