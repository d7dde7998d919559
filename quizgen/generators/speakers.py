"""Who may be offered as the speaker of words (a quote, a claim): people of the speaker's kind who
speak or act in the article, never the speaker's equivalents (speaks_for) nor whom the words are
about; and which quotes are worth asking about at all."""

from __future__ import annotations

import random
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache

from quizgen.factbase.model import Entity, FactBase, Pronoun, Quote
from quizgen.generators.common import (
    BODY_KINDS,
    KIND_WORDS,
    FactIndex,
    draw,
    index_facts,
    link_edges,
    name_fold,
    norm,
    only,
    reach,
)
from quizgen.generators.sayings import FRAGMENT_SAID, fragment
from quizgen.generators.speaker_sorts import TEXT, TEXT_WORDS, same_sort, sort_of
from quizgen.generators.textindex import Passages, has_word

MIN_QUOTE_WORDS = 3  # "clearly", "16 murders": a scare-quoted fragment is not a quote to attribute
# words on which quoted words open mid-sentence, written in lower case: a verb that waits for its
# subject ("have previously been linked to …", "should be a gentle reminder …") or a word joining
# them to words before ("and probably get some sleep …", "but I still feel proud": the clause
# it answers is the reporter's)
_HEADLESS = frozenset({
    "have", "has", "had", "is", "are", "was", "were", "will", "would", "shall", "should", "can",
    "could", "may", "might", "must", "do", "does", "did", "and", "or", "nor", "but", "yet",
})  # fmt: skip
_FIRST_WORD = re.compile(r"[^\W\d_]+")


def headless(text: str) -> bool:
    """Whether quoted words open mid-sentence on a verb or a joining word in lower case, their
    subject or the clause they join left in the reporter's words ('conclude that many
    antioxidants “have previously been linked to …”'). A quotation opening a sentence ("And
    not just …", "But it's …") is a statement of its own."""
    first = _FIRST_WORD.search(text)
    if first is None or text[:first.start()].strip(" “”\"'‘’…([-—–"):
        return False
    return first.group() in _HEADLESS


def unworthy(quote: Quote) -> str | None:
    """Why a quote is not asked about (who said it, match it), or None when it is worth asking."""
    if not quote.distinctive:
        return "a quote marked distinctive: false is not asked about"
    words = len([w for w in quote.text.split() if re.search(r"\w", w)])
    if words < MIN_QUOTE_WORDS:
        return f"a quote of fewer than {MIN_QUOTE_WORDS} words is a fragment, not asked about"
    if headless(quote.text):
        return ("a quote opening mid-sentence on a verb or a joining word (“have previously "
                "been linked …”: its subject is in the reporter's words) is a fragment, not "
                "asked about")
    if fragment(quote.text, quote.excerpt):
        return FRAGMENT_SAID
    return None


def same_speaker(base: FactBase, ids: Iterable[str]) -> set[str]:
    """The entities and everyone who counts as the same speaker through speaks_for, and entries
    that are one of them under another name (same_as)."""
    same = _same_as_edges(base)
    found: set[str] = set()
    for entity_id in reach(same, ids):
        found |= base.speaker_equivalents(entity_id)
    return reach(same, found)


_SAME_AS: dict[int, tuple[FactBase, dict[str, set[str]]]] = {}  # id(base) -> (base, edges)


def _same_as_edges(base: FactBase) -> dict[str, set[str]]:
    """The base's same_as links, made once per fact base (same_speaker is asked per item)."""
    known = _SAME_AS.get(id(base))
    if known is not None and known[0] is base:
        return known[1]
    if len(_SAME_AS) > 64:
        _SAME_AS.clear()
    edges = link_edges((e.id, e.same_as) for e in base.entities)
    _SAME_AS[id(base)] = (base, edges)
    return edges


def _names(entity: Entity) -> list[str]:
    return [n for n in (entity.name, *entity.aliases) if n.strip()]


def named_in(facts: FactIndex, text: str) -> set[str]:
    """Entities whose name or an alias occurs in the text as whole words."""
    return set(facts.name_finder.found(" " + name_fold(text) + " "))


def _excerpts(base: FactBase) -> Passages[tuple[str, ...]]:
    """The excerpts of figures with a subject and of events, with whom each is about."""
    return Passages(
        [(figure.excerpt, (figure.subject,)) for figure in base.figures
         if figure.subject is not None]
        + [(event.excerpt, event.people) for event in base.events],
        fold=norm,
    )


def targets(
    base: FactBase, facts: FactIndex, *, words: str, excerpt: str, about: tuple[str, ...] = ()
) -> set[str]:
    """Whom words are about, from the facts: anyone named in them (or their context), the
    subject of a figure drawn from the same excerpt, and the people of an event drawn from it
    ("Maduro challenged Musk ...": Musk), and whom the fact base says they are `about`, with
    those who speak for them or for whom they speak. The speakers are taken out by the caller.
    (Excerpts overlap when one holds the other, compared loosely.)"""
    found = named_in(facts, words) | same_speaker(base, about)
    for people in base.index(_excerpts).overlapping(excerpt):
        found.update(people)
    return found


@dataclass(frozen=True)
class Cast:
    """Who speaks or acts in the article, by kind, in fact-base order (mere sources left out)."""

    speaking: dict[str, list[Entity]]  # quoted or claiming something
    acting: dict[str, list[Entity]]  # taking part in an event or giving a figure, not speaking
    main: str | None = None  # the main speaker (main_speaker): offered first where it may be

    def tiers(self, kind: str) -> list[list[Entity]]:
        """Distractor pools for a speaker of this kind, best first. A group that only acts (a
        people, a crowd, the subject of a figure: "Venezuelans", "Americans") is no speaker to
        offer: a group speaks only through a voice the article quotes."""
        if kind == "group":
            return [self.speaking.get(kind, [])]
        return [self.speaking.get(kind, []), self.acting.get(kind, [])]

    def main_of(self, kind: str) -> Entity | None:
        """The main speaker when one of the pools of this kind holds it (the first found)."""
        return self._mains.get(kind)

    @cached_property
    def _mains(self) -> dict[str, Entity]:
        """The main speaker by each kind whose pools hold it, found once, not per question."""
        found: dict[str, Entity] = {}
        for pools in (self.speaking, self.acting):
            for kind, pool in pools.items():
                for entity in pool:
                    if entity.id == self.main:
                        found.setdefault(kind, entity)
                        break
        return found


_MAIN: dict[int, tuple[FactBase, str | None]] = {}  # id(base) -> (base, its main speaker)


def main_speaker(base: FactBase) -> str | None:
    """The entity with the most quotes and claims (the first in the fact base on a tie): the
    answer a student would guess for every "who said it?" without reading. Worked out once per
    fact base (the selection asks for every item)."""
    known = _MAIN.get(id(base))
    if known is not None and known[0] is base:
        return known[1]
    if len(_MAIN) > 64:
        _MAIN.clear()
    found = _main_speaker(base)
    _MAIN[id(base)] = (base, found)
    return found


def _main_speaker(base: FactBase) -> str | None:
    said: dict[str, int] = {}
    for speakers in [q.speakers for q in base.quotes] + [c.claimants for c in base.claims]:
        for entity_id in speakers:
            said[entity_id] = said.get(entity_id, 0) + 1
    order = {e.id: i for i, e in enumerate(base.entities)}
    known = [e for e in said if e in order]
    return min(known, key=lambda e: (-said[e], order[e])) if known else None


def _acts_in(entity: Entity, description: str) -> bool:
    """Whether an event's description names the entity (name or alias, whole words, with or
    without a leading article): it does something there, not merely the means or place of it
    ("Machado condemned the repression" lists X, the network she posted on, among its people)."""
    folded = " " + norm(description.replace("’", "'")) + " "
    for name in _names(entity):
        words = norm(name.replace("’", "'")).split()
        if words and words[0] in ("a", "an", "the") and len(words) > 1:
            words = words[1:]
        if has_word(folded, " ".join(words)):
            return True
    return False


def cast_of(base: FactBase, facts: FactIndex) -> Cast:
    """The article's speakers and actors: an entity acts in an event whose description names it,
    or gives a figure."""
    speak = {s for q in base.quotes for s in q.speakers}
    speak |= {c for claim in base.claims for c in claim.claimants}
    act = {p for e in base.events for p in e.people
           if p in facts.entities and _acts_in(facts.entities[p], e.description)}
    act |= {g for f in base.figures for g in f.given_by}
    speaking: dict[str, list[Entity]] = {}
    acting: dict[str, list[Entity]] = {}
    for entity in facts.entities.values():
        if not facts.offerable(entity):
            continue
        if entity.id in speak:
            speaking.setdefault(entity.kind, []).append(entity)
        elif entity.id in act:
            acting.setdefault(entity.kind, []).append(entity)
    return Cast(speaking, acting, main_speaker(base))


def base_cast(base: FactBase) -> Cast:
    """The base's cast (cast_of over its own fact index), made once per base: every seed and
    every generator offers from the same one."""
    return base.index(_base_cast)


def _base_cast(base: FactBase) -> Cast:
    return cast_of(base, index_facts(base))


# "we", "our", "us" as a body speaks of itself ("US", the country, is no "us")
_WE = re.compile(r"(?<![\w’'-])(?:[Ww]e|us|[Oo]urs?|[Oo]urselves)(?![\w-])")
_BRACKETS = re.compile(r"\[[^\]]*\]")


def first_person_plural(text: str) -> bool:
    """Whether words are said in the first person plural ("we correctly classified", "our
    partners"), the editor's [brackets] left out."""
    return _WE.search(_BRACKETS.sub(" ", text)) is not None


def voices_of_bodies(cast: Cast) -> Cast:
    """The cast a body's first-person-plural quote ("we correctly classified …") may offer:
    bodies that are quoted or claim something in the article (a court that only ruled, a senate
    that only reported, has no "we" a student could weigh against the key's)."""
    speaking = {kind: pool for kind, pool in cast.speaking.items() if kind in BODY_KINDS}
    return Cast(speaking, {}, cast.main)


def barred_names(facts: FactIndex, ids: Iterable[str]) -> set[str]:
    """Every name and alias of these entities, folded: no distractor may show one."""
    return {n for i in ids if i in facts.entities for n in _folded(facts.entities[i])}


def clashes(entity: Entity, names: set[str]) -> bool:
    """Whether an entity's name or an alias is one of `names`."""
    return not names.isdisjoint(_folded(entity))


@lru_cache(maxsize=1 << 16)  # every entity of a large base (4,096 were too few at 50,000 facts)
def _folded(entity: Entity) -> frozenset[str]:
    """An entity's names and aliases folded, once per entity (every distractor drawn asks)."""
    return frozenset(norm(n) for n in _names(entity))


def pick_others(
    rng: random.Random, cast: Cast, facts: FactIndex, correct: Entity, barred: set[str], *,
    want: int, pronoun: Pronoun | None = None,
) -> list[Entity]:
    """Up to `want` other speakers of `correct`'s kind, those who speak before those who only
    act: none barred, none sharing a name or alias with a barred one or with another chosen,
    and each known by `pronoun` when one is given (the words shown say 'her' or 'his')."""
    barred = set(barred)
    names = barred_names(facts, barred)

    def accept(entity: Entity) -> bool:
        if entity.id in barred or clashes(entity, names):
            return False
        if pronoun is not None and entity.pronoun != pronoun:
            return False
        if not same_sort(correct, entity):  # a journal among bodies that speak is the odd one
            return False
        barred.add(entity.id)
        names.update(barred_names(facts, [entity.id]))
        return True

    chosen: list[Entity] = []
    first = cast.main_of(correct.kind)
    if first is not None and want > 0 and accept(first):  # the one a guesser would pick
        chosen.append(first)
    for tier in cast.tiers(correct.kind):
        chosen += draw(rng, tier, want - len(chosen), accept, slack=len(barred) + 8)
        if len(chosen) == want:
            break
    return chosen


# a person the words call "she" or "he" is offered only among women or men: say so plainly
_GENDERED = {"she": ("woman", "women"), "he": ("man", "men")}


def others(correct: Entity, count: int, pronoun: Pronoun | None = None) -> str:
    """'only 1 other person', 'only 2 other organisations', 'no other women', 'no other people
    known as "they"': the distractors there were, in a teacher's words."""
    one, many = KIND_WORDS.get(correct.kind, (correct.kind, correct.kind))
    if sort_of(correct) == TEXT:
        one, many = TEXT_WORDS
    if correct.kind == "person" and pronoun in _GENDERED:
        one, many = _GENDERED[pronoun]
        pronoun = None
    said = only(count, f"other {one}", f"other {many}")
    return said if pronoun is None else f"{said} known as '{pronoun}'"
