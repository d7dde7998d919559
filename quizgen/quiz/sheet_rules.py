"""Giveaways that are not one fact stated twice: a prompt whose own words point to its key, an
acronym that spells its answer, term items answering one another (keys piled on one speaker:
quizgen.quiz.spread)."""

import re
from decimal import Decimal
from functools import lru_cache

from quizgen.factbase.model import Entity, FactBase, Place, Term
from quizgen.factbase.numbers import TIME_UNIT, Amount
from quizgen.quiz.acronyms import LITTLE_WORDS as _STOP
from quizgen.quiz.acronyms import acronyms_of, is_acronym, spells
from quizgen.quiz.folding import QUOTED
from quizgen.quiz.passages import numbers_in
from quizgen.quiz.questions import (
    ClaimantOf,
    EntityRef,
    Matching,
    MultipleChoice,
    Option,
    Ordering,
    PlaceRef,
    Question,
    RoleRef,
    SpeakerOf,
    TermFor,
    TermMeaning,
    TermRef,
)
from quizgen.quiz.spread import key_entity

_ROLE_END = re.compile(r",|;|:|\(|\b(?:who|whom|which|that|whose|and)\b")
_DOING = re.compile(r"(?<=[^\W\d_]{4})(?:ing|ers?)$")  # a doer's or a doing's ending


def _letters(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", text.replace("’", "'").casefold())


@lru_cache(maxsize=1 << 18)  # the prompts, options and names of a sheet, read by each pair
def _content(text: str) -> frozenset[str]:
    return frozenset(w for w in _letters(text) if w not in _STOP and len(w) > 2)


def akin(a: str, b: str) -> bool:
    """Whether two folded words are one word to a reader: equal, sharing their first six
    letters, all but a short ending ('president' / 'presidential', 'marchers' / 'march'), or a
    doer and the doing ('driver' / 'driving')."""
    if a == b:
        return True
    short = min(len(a), len(b))
    if short < 5:
        return False
    common = 5 if short < 7 else 6  # the first letters to share: max(5, min(6, short - 1))
    if a[:common] == b[:common]:
        return True
    doer = _doer(a)  # one who does a thing and the doing: 'driver', 'driving'
    return doer != a and doer == _doer(b)


@lru_cache(maxsize=1 << 14)  # every pair of words compared reads both again
def _doer(word: str) -> str:
    return _DOING.sub("", word)


def forget_words() -> None:
    """Drop the content words and stems read of texts (leaks.forget, once quizzes are selected)."""
    _content.cache_clear()
    _doer.cache_clear()


def role_head(role: str) -> str:
    """What one is, the role's first phrase: 'President of Venezuela, declared …' -> 'President
    of Venezuela'; 'head of the nurses' union, one of …' -> 'head of the nurses' union'."""
    return _ROLE_END.split(role, maxsplit=1)[0]


def _entity_words(entity: Entity) -> set[str]:
    words: set[str] = set()
    for name in (entity.name, *entity.aliases, role_head(entity.role)):
        words |= _content(name)
    return words


def option_words(option: Option, base: FactBase, *, role: bool = True) -> set[str]:
    """The words that say which thing an option is: an entity's names (and, with `role`, what
    it is), a place's names, a term or its meaning, as shown."""
    claim = option.claim
    if isinstance(claim, EntityRef | RoleRef):
        entity = base.by_id.get(claim.entity)
        if isinstance(entity, Entity):
            names = set().union(*(_content(n) for n in (entity.name, *entity.aliases)))
            return (_entity_words(entity) if role else names) | _content(option.text)
    if isinstance(claim, PlaceRef):
        place = base.by_id.get(claim.place)
        if isinstance(place, Place):
            return set().union(*(_content(n) for n in (place.name, *place.aliases)))
    return set(_content(option.text))


def pointing_word(question: Question, base: FactBase) -> str | None:
    """A word of the prompt that only the key's name, role or text echoes ('on the placards
    many marchers carried' -> the marchers; 'at the … presidential palace' -> the president),
    or None. A word some wrong option's name echoes too tells nothing; a wrong option's role
    does not count, since a student who has not read the article sees only names."""
    if not isinstance(question, MultipleChoice) or not 0 <= question.answer < len(question.options):
        return None
    if not isinstance(question.ask, SpeakerOf | ClaimantOf | TermMeaning | TermFor):
        return None
    prompt = _content(question.prompt)
    key = option_words(question.options[question.answer], base)
    wrong: set[str] = set()
    for i, option in enumerate(question.options):
        if i != question.answer:
            wrong |= option_words(option, base, role=False)
    for word in sorted(key):
        echo = next((p for p in sorted(prompt) if akin(word, p)), None)
        if echo is not None and not any(akin(word, w) or akin(echo, w) for w in wrong):
            return echo
    return None


def spelled(question: Question, base: FactBase) -> str | None:
    """An acronym that spells its own answer and no wrong option's ('IHME' beside 'the Institute
    for Health Metrics and Evaluation'), or None."""
    if not term_item(question):
        return None
    assert isinstance(question, MultipleChoice) and isinstance(question.ask, TermMeaning | TermFor)
    term = base.by_id.get(question.ask.term)
    if not isinstance(term, Term):
        return None

    if isinstance(question.ask, TermMeaning):  # options are meanings: which one the term spells
        acronyms = acronyms_of(term)
        hits = [i for i, o in enumerate(question.options) if spells(acronyms, o.text)]
    else:  # options are terms: which one the meaning in the prompt spells
        hits = [i for i, o in enumerate(question.options)
                if spells({t for t in [o.text.strip()] if is_acronym(t)}, term.meaning)]
    if hits == [question.answer]:
        return f"the acronym spells the answer “{question.options[question.answer].text}”"
    return None


_COUNTERS = frozenset({"one", "another", "other", "a", "an", "the", "second", "third", "fourth",
                       "fifth", "sixth", "first", "last"})


def _bare_name(text: str) -> str:
    """A name without the counting words in front: 'a third fan' -> 'fan', 'one fan' -> 'fan'."""
    words = text.casefold().split()
    while len(words) > 1 and words[0] in _COUNTERS:
        words = words[1:]
    return " ".join(words)


def indistinct(question: Question) -> str | None:
    """Two people offered under one description ('one fan', 'a third fan'): only the order the
    article met them tells them apart, which no student reads for. None when there are none."""
    match question:
        case MultipleChoice():
            shown = [o.text for o in question.options if isinstance(o.claim, EntityRef)]
        case Matching():
            shown = [o.text for o in question.right]
        case _:
            return None
    seen: dict[str, str] = {}
    for text in shown:
        bare = _bare_name(text)
        if bare in seen and seen[bare] != text:
            return f"“{seen[bare]}” and “{text}” are told apart only by their order in the article"
        seen.setdefault(bare, text)
    return None


def term_item(question: Question) -> bool:
    """Whether an item asks a term's meaning or the term for a meaning (TermBlocks reads them)."""
    return isinstance(question, MultipleChoice) and isinstance(question.ask, TermMeaning | TermFor)


def trivia(question: Question) -> str | None:
    """Why an item is trivia no sheet should spend a line on (the time of day something happened
    or will: a kick-off at 17:30), or None. It stays in decks asked for everything."""
    if isinstance(question, MultipleChoice) and any(
        isinstance(o.claim, Amount) and " ".join(o.claim.unit.split()).casefold() == TIME_UNIT
        for o in question.options
    ):
        return "a time of day is trivia"
    return None


def gives_itself_away(question: Question, base: FactBase) -> str | None:
    """Why an item is answered by its own words, or None."""
    word = pointing_word(question, base)
    if word is not None:
        return f"its words “{word}” point to the answer"
    return spelled(question, base)


SAME_ACT_WORDS = 3  # words two speaker items' own wording share when they tell of one act


def _own_numbers(question: Question) -> frozenset[Decimal]:
    """The numbers of an item's prompt outside the words it quotes ("defending the toll of 97")."""
    return numbers_in(QUOTED.sub(" ", question.prompt))


def _own_words(question: Question) -> frozenset[str]:
    """The content words of an item's prompt outside the words it quotes."""
    return _content(QUOTED.sub(" ", question.prompt))


def _shared(a: frozenset[str], b: frozenset[str]) -> set[str]:
    return {w for w in a if any(akin(w, v) for v in b)}


def same_act(a: Question, b: Question, base: FactBase) -> str | None:
    """Why item b tells who said what speaker item a asks: b is keyed to the same speaker and
    its own words tell of the same act ("announcing a request to the International Criminal
    Court" beside "Who said that he would request the International Criminal Court …?"), or
    b shows an event naming a's key and telling of its act ("Hallan told parliament the reform
    was necessary and fair" beside "Who said, telling parliament about the reform: …?")."""
    key = key_entity(a)
    if key is None or a.factbase != b.factbase:
        return None
    if key == key_entity(b):
        shared = _shared(_own_words(a), _own_words(b))
        if len(shared) >= SAME_ACT_WORDS or _own_numbers(a) & _own_numbers(b):
            return "both tell of one act by the same speaker (" + ", ".join(sorted(shared)) + ")"
    if isinstance(b, Ordering):
        entity = base.by_id.get(key)
        if not isinstance(entity, Entity):
            return None
        names = [n for n in (entity.name, *entity.aliases) if _letters(n)]
        name_words = set().union(*(_content(n) for n in names))
        asked = _content(a.prompt) - name_words
        for item in b.items:
            said = " " + " ".join(_letters(item.text)) + " "
            if any(f" {' '.join(_letters(n))} " in said for n in names):
                shared = _shared(_content(item.text) - name_words, asked)
                if len(shared) >= SAME_ACT_WORDS or numbers_in(item.text) & numbers_in(a.prompt):
                    return f"shows an event telling who did it (“{item.text}”)"
    return None


# ---- term items on one sheet --------------------------------------------------------------


def _term_parts(question: Question) -> tuple[str, set[str], str, set[str]] | None:
    """A term item's term, the terms its wrong options show, its key text and its wrong texts."""
    if not isinstance(question, MultipleChoice) or not term_item(question):
        return None
    assert isinstance(question.ask, TermMeaning | TermFor)
    offered = {o.claim.term for i, o in enumerate(question.options)
               if i != question.answer and isinstance(o.claim, TermRef)}
    texts = {" ".join(o.text.split()).casefold() for i, o in enumerate(question.options)
             if i != question.answer}
    key = " ".join(question.options[question.answer].text.split()).casefold()
    return question.ask.term, offered, key, texts


class TermBlocks:
    """Term items kept on one sheet: none offers another's term or key, so that no block of them
    answers itself by elimination (built once per sheet, each item checked against indexes)."""

    def __init__(self) -> None:
        self.asked: set[tuple[str, str]] = set()  # (fact base, term) asked by a kept item
        self.offered: set[tuple[str, str]] = set()  # (fact base, term) a kept item offers as wrong
        self.keys: set[str] = set()  # kept items' key texts, folded (any fact base)
        self.wrong: set[str] = set()  # kept items' wrong option texts, folded

    def clash(self, question: Question) -> str | None:
        """Why a term item cannot join the kept ones, or None."""
        parts = _term_parts(question)
        if parts is None:
            return None
        term, offered, key, texts = parts
        base = question.factbase
        if (base, term) in self.offered or key in self.wrong:
            return f"another term item offers the answer of {term} as a wrong option"
        if {(base, t) for t in offered} & self.asked or texts & self.keys:
            return f"its options offer another term item's answer ({term})"
        return None

    def add(self, question: Question) -> None:
        """Remember a kept item."""
        parts = _term_parts(question)
        if parts is None:
            return
        term, offered, key, texts = parts
        self.asked.add((question.factbase, term))
        self.offered |= {(question.factbase, t) for t in offered}
        self.keys.add(key)
        self.wrong |= texts
