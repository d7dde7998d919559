"""What a term's meaning says it is (a word, a body, a time, a method, …), read from the head noun
of the meaning, so that a term item whose key is the only option of its kind, or whose wrong
options are mostly plainly of other kinds, stays off a sheet."""

from __future__ import annotations

import re
from functools import lru_cache

from quizgen.article.lexicon import ORG_WORDS
from quizgen.factbase.model import Entity, FactBase, Term
from quizgen.quiz.questions import MultipleChoice, Option, Question, RoleRef, TermFor, TermMeaning

# words that make a name a body's but are no head of what a thing is ("International Space
# Station", "Water Research")
_NOT_HEADS = frozenset({"international", "research", "energy", "times", "news", "post", "press",
                        "united", "athletic", "systems", "technologies", "reserve", "watch"})
# kinds of thing a meaning's head noun names, in general English (no article's words); a head
# outside these lists is of no kind known here, and its item is left alone
_KINDS: dict[str, frozenset[str]] = {
    "word": frozenset({"word", "words", "name", "names", "nickname", "nicknames", "term",
                       "slogan", "phrase", "expression", "saying", "motto", "acronym",
                       "abbreviation", "remark", "catchphrase"}),
    "body": frozenset({w.casefold() for w in ORG_WORDS if w.isalpha()} - _NOT_HEADS
                      | {"limited", "organization", "organisation", "body", "team", "troupe",
                         "band",
                         "choir", "charity", "firm", "business", "shop", "store", "club",
                         "clubs", "group", "groups", "bodies", "side"}),
    "time": frozenset({"year", "years", "day", "days", "month", "months", "week", "weeks",
                       "season", "period", "date", "night", "century", "decade", "era", "age",
                       "hour", "moment", "time"}),
    "place": frozenset({"city", "town", "village", "region", "province", "country", "desert",
                        "island", "mountain", "river", "lake", "valley", "district", "area",
                        "capital", "county", "state", "street", "square", "stadium", "site",
                        "observatory", "laboratory", "building", "station", "park", "reserve",
                        "base", "museum", "hall", "port", "harbour", "coast", "sea", "ocean"}),
    "device": frozenset({"device", "devices", "machine", "machines", "tool", "tools", "detector",
                         "instrument", "instruments", "telescope", "camera", "satellite",
                         "spacecraft", "rocket", "probe", "robot", "rover", "sensor", "engine",
                         "vehicle", "aircraft", "app", "software", "computer", "weapon"}),
    "sky": frozenset({"star", "stars", "planet", "planets", "moon", "moons", "galaxy",
                      "comet", "asteroid", "meteor", "constellation", "cluster", "sun"}),
    "living": frozenset({"animal", "animals", "plant", "plants", "species", "bird", "birds",
                         "fish", "tree", "trees", "insect", "insects", "bacteria", "bacterium",
                         "mammal", "predator", "predators", "virus", "disease", "illness"}),
    "language": frozenset({"language", "languages", "dialect", "dialects", "tongue"}),
    "substance": frozenset({"chemical", "gas", "liquid", "metal", "mineral", "acid",
                            "compound", "molecule", "element", "substance", "material",
                            "fuel", "drug", "medicine", "food", "drink"}),
    "event": frozenset({"festival", "festivals", "event", "events", "celebration", "ceremony",
                        "holiday", "feast", "fair", "contest", "tournament", "match", "race",
                        "rally", "march", "protest", "competition", "games"}),
    "method": frozenset({"technique", "techniques", "method", "methods", "way", "ways",
                         "process", "procedure", "approach", "practice", "system", "test",
                         "tests", "therapy", "treatment", "model", "strategy"}),
    "text": frozenset({"act", "law", "laws", "legislation", "bill", "treaty", "report",
                       "book", "books", "documentary", "film", "guide", "study", "paper",
                       "survey", "article", "programme", "program", "directive", "agreement",
                       "scheme", "policy", "plan", "song", "hymn", "poem", "novel"}),
    "person": frozenset({"man", "woman", "men", "women", "person", "people", "player",
                         "players", "leader", "member", "members", "officer", "official",
                         "referee", "referees", "coach", "manager", "owner", "founder",
                         "expert", "scientist", "doctor", "minister", "president", "chief"}),
}
_KIND_OF = {word: kind for kind, heads in _KINDS.items() for word in heads}
# wrong options of a kind known here other than the answer's (whose own kind may be unknown: it
# is then none of these) that leave the item a guess among the rest
ODD_KINDS = 2

# words that end a noun phrase's head: what follows tells of the head, it is not the head
_ENDS = frozenset({"of", "that", "which", "who", "whom", "whose", "where", "when", "in", "for",
                   "to", "from", "on", "at", "by", "with", "as", "than", "and", "or", "but",
                   "after", "before", "about", "during", "over", "under", "between", "into",
                   "like", "meaning"})
_LEADS = frozenset({"a", "an", "the", "one", "some", "any", "its", "his", "her", "their", "our",
                    "this", "these", "those", "what"})
# "a kind of X", "one of the Xs": the head is X
_PARTS = frozenset({"kind", "kinds", "class", "type", "types", "sort", "form", "one", "variety",
                    "varieties", "piece", "pair", "part", "member", "members"})
_POSSESSOR = re.compile(r"^\s*(?:the\s+)?[A-Z][^,]*?[’']s?\s+(?=\S)")


def _phrase(meaning: str) -> list[str]:
    """The words of a meaning's noun phrase up to where what follows tells of its head ("the
    evening hymn sung as the last light fades": evening, hymn, sung), past "a kind of" and
    "one of" and a possessor ("Harbour City's nickname": nickname)."""
    text = meaning.strip()
    possessor = _POSSESSOR.match(text)
    if possessor and possessor.group().rstrip().endswith(("'s", "’s", "s'", "s’")):
        text = text[possessor.end():]
    words: list[str] = []
    for token in re.findall(r"[^\W\d_][\w’'-]*|[,;:–—(]", text):
        word = token.casefold()
        if words and (not word[0].isalpha() or word in _ENDS
                      or word.endswith(("ed", "ing", "ly"))):
            if word == "of" and words[-1] in _PARTS:
                words = []
                continue
            break
        if word not in _LEADS and word[0].isalpha():
            words.append(word)
    return words


def head(meaning: str) -> str | None:
    """The head noun of a meaning read as a noun phrase: the last word of its kind known here
    ("the evening hymn sung as …": hymn; "a kind of event where …": event), else its last word
    ("a small, cool star": small), or None when it has no word."""
    words = _phrase(meaning)
    known = [w for w in words if w in _KIND_OF]
    return known[-1] if known else (words[-1] if words else None)


@lru_cache(maxsize=4096)
def kind_of(meaning: str) -> str | None:
    """The kind of thing a meaning says its term is (a key of _KINDS), or None when unknown;
    kept per meaning, since a selection asks it of every option each time it offers an item."""
    found = head(meaning)
    return _KIND_OF.get(found) if found else None


def _meaning_shown(option: Option, question: MultipleChoice, base: FactBase) -> str:
    """What an option of a term item is, as a meaning: its own text when it shows a meaning or a
    role ("What is X?"), the meaning of the term it names ("Which term means …?")."""
    if isinstance(question.ask, TermFor):
        claim = option.claim
        term = base.by_id.get(getattr(claim, "term", ""))
        if isinstance(term, Term):
            return term.meaning
        return ""
    if isinstance(option.claim, RoleRef):
        entity = base.by_id.get(option.claim.entity)
        return entity.role if isinstance(entity, Entity) else option.text
    return option.text


def lone_kind(question: Question, base: FactBase) -> str | None:
    """Why a term item's key is the only option of its kind, or None: its meaning's head says
    what the term is (a nickname, a technique, a festival, a body) and no wrong option's meaning
    is of that kind ("Harbour City's nickname" among roles of clubs; a technique among a
    light-year and a red dwarf; the word for return among a festival, loaves and a solstice),
    so a student picks it without the article. Also when two or more wrong options are of a
    kind known here other than the key's, the key's kind known or not (asked for a bonfire,
    a day, a word and a hymn are plainly no answer): a guess between what is left."""
    if not isinstance(question, MultipleChoice) or not isinstance(question.ask,
                                                                   TermMeaning | TermFor):
        return None
    if not 0 <= question.answer < len(question.options):
        return None
    key = kind_of(_meaning_shown(question.options[question.answer], question, base))
    wrong = [kind_of(_meaning_shown(option, question, base))
             for i, option in enumerate(question.options) if i != question.answer]
    other = [kind for kind in wrong if kind is not None and kind != key]
    if len(other) >= ODD_KINDS:  # a bonfire among a day, a word and a hymn
        return (f"{len(other)} of its wrong options are plainly of another kind than its "
                f"answer ({', '.join(dict.fromkeys(other))}): a guess among the rest")
    if key is None or key in wrong:
        return None
    return f"its answer is the only {key} among the options"


# head nouns general English uses for one kind of thing: a name ending in one and a meaning
# headed by another say the same ("… Space Telescope": "the orbiting observatory")
_NEAR: tuple[frozenset[str], ...] = (
    frozenset({"telescope", "observatory"}),
    frozenset({"satellite", "spacecraft", "probe", "orbiter", "craft", "spaceship"}),
    frozenset({"agency", "authority", "body", "organisation", "organization", "institution"}),
    frozenset({"festival", "celebration", "feast"}),
    frozenset({"law", "act", "bill", "legislation", "statute"}),
    frozenset({"court", "tribunal"}),
    frozenset({"council", "board", "committee", "commission", "panel"}),
    frozenset({"company", "firm", "business", "corporation", "enterprise"}),
    frozenset({"school", "academy", "college", "university"}),
    frozenset({"hospital", "clinic"}),
    frozenset({"ship", "vessel", "boat"}),
    frozenset({"union", "association", "federation", "league"}),
    frozenset({"prize", "award"}),
    frozenset({"stadium", "arena"}),
    frozenset({"plan", "scheme", "programme", "program"}),
    frozenset({"study", "survey", "poll"}),
)
_NEAR_OF = {word: group for group in _NEAR for word in group}


def _one(word: str) -> str:
    """A noun without a plural's s ('telescopes': telescope)."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def name_head(name: str) -> str | None:
    """The head noun a name of two or more words ends in ("James Webb Space Telescope":
    telescope), folded; None for a name of one word or an acronym, which says no kind."""
    words = re.findall(r"[^\W\d_][\w’'-]*", re.sub(r"\([^)]*\)", " ", name))
    if len(words) < 2 or words[-1].isupper():
        return None
    return _one(words[-1].casefold())


def _same_head(a: str, b: str) -> bool:
    a, b = _one(a), _one(b)
    return a == b or b in _NEAR_OF.get(a, frozenset())


def _names(term: Term) -> tuple[str, ...]:
    return tuple(n for n in (term.term, *term.aliases) if n.strip())


def name_says(question: Question, base: FactBase) -> str | None:
    """Why a term item's answer is read off the term's own name, or None: the name's head noun
    is the key meaning's head or a near synonym ("What is the James Webb Space Telescope?" keyed
    "the orbiting observatory"; "Which term means the court that …?" offering "the Supreme
    Court"), and no wrong option's is."""
    if not isinstance(question, MultipleChoice) or not isinstance(question.ask,
                                                                   TermMeaning | TermFor):
        return None
    if not 0 <= question.answer < len(question.options):
        return None
    if isinstance(question.ask, TermMeaning):
        term = base.by_id.get(question.ask.term)
        if not isinstance(term, Term):
            return None
        heads = {h for n in _names(term) if (h := name_head(n))}
        found = [head(_meaning_shown(o, question, base)) for o in question.options]
    else:
        meaning_head = None
        term = base.by_id.get(question.ask.term)
        if isinstance(term, Term):
            meaning_head = head(term.meaning)
        if meaning_head is None:
            return None
        heads = {meaning_head}
        found = [name_head(o.text) for o in question.options]
    hits = [i for i, h in enumerate(found) if h and any(_same_head(h, n) for n in heads)]
    if hits != [question.answer]:
        return None
    said = next(n for n in sorted(heads) if _same_head(found[question.answer] or "", n))
    return (f"the term's name and its meaning say one kind of thing (“{said}”,"
            f" “{found[question.answer]}”), and no wrong option does: read off the name")
