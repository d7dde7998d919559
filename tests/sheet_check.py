"""The sheet rules of issue 18, written again for the tests without quizgen.quiz's code: what a
student could answer from another item, the title, the prompt's own words, common sense or the
habit of always picking the main speaker."""

from __future__ import annotations

import hashlib
import os
import pickle
import re
from collections import Counter
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import cast
from unittest import mock

from conftest import CONTENT, ROOT, SHARED, loaded

import quizgen.quiz.select as select
from quizgen.factbase.model import Entity, FactBase, Term
from quizgen.generators.verbs import PAST as IRREGULAR_PAST
from quizgen.quiz.deck_spread import DeckSpread
from quizgen.quiz.questions import (
    Amount,
    ClaimantOf,
    EntityRef,
    EventRef,
    Matching,
    MultipleChoice,
    Ordering,
    Question,
    Quiz,
    QuoteRef,
    SpeakerOf,
    TermFor,
    TermMeaning,
    TermRef,
)
from quizgen.quiz.select import CLASS_LENGTH, build_quiz

# every fact base a teacher might print: content/ and the hand-written bases for real articles
BASES = sorted(CONTENT.glob("*.yaml")) + sorted((ROOT / "tests" / "corpus").glob("*/*.yaml"))
SEEDS = range(1, 21)
# made-up bases the sheet sweeps read besides the real ones (tests/data/sweep/): rules no real
# base meets (a block of term items answering one another, two names of one thing) meet them
MADE_UP = sorted((ROOT / "tests" / "data" / "sweep").glob("*.yaml"))
SMALL = {"a", "an", "the", "of", "and", "for", "in", "on", "at", "to", "by", "with", "from", "s"}


def base_at(path: Path) -> FactBase:
    """A fact base, loaded once per test session (conftest.loaded: the same object other files'
    tests read)."""
    return loaded(path)


@cache
def sheet(path: Path, seed: int) -> Quiz:
    """The default class sheet of a fact base for a seed, built once per test session (under
    pytest-xdist, once per run: the first worker to build it leaves it for the others)."""
    shared = shared_file(f"sheet-{path.stem}-{seed}-{hashlib.sha256(bytes(path)).hexdigest()[:12]}")
    if shared is not None and shared.exists():
        return cast(Quiz, pickle.loads(shared.read_bytes()))
    quiz = build_quiz(base_at(path), seed=seed, count=CLASS_LENGTH)
    if shared is not None:
        scratch = shared.with_suffix(f".{os.getpid()}")
        scratch.write_bytes(pickle.dumps(quiz, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(scratch, shared)  # whole or absent, as another worker reads it
    return quiz


def shared_file(name: str) -> Path | None:
    """Where xdist workers leave what they built for each other in this run (a folder the
    controller made and removes, see conftest.py), or None outside a worker."""
    folder = os.environ.get(SHARED)
    if folder is None or "PYTEST_XDIST_WORKER" not in os.environ:
        return None
    return Path(folder) / f"{name}.pickle"


@cache
def kinds_sheet(path: Path, seed: int, kinds: tuple[str, ...]) -> Quiz:
    """A sheet of the class length of only these kinds (a teacher asking for terms gets terms:
    no kind is rationed), built once per test session."""
    return build_quiz(base_at(path), seed=seed, count=CLASS_LENGTH, kinds=list(kinds))


@cache
def made(path: Path, seed: int) -> tuple[Question, ...]:
    """Every item made for a base and seed (everything=True: before the sheet's choice, and
    before the deck's spreading leaves items out or asks them as statements), built once per
    test session."""
    return unspread(base_at(path), seed).questions


def unspread(base: FactBase, seed: int) -> Quiz:
    """The deck of a base as it was before spreading: every question made, none left out or
    re-formed (select.spread_deck keeping all)."""
    def keep_all(questions: list[Question], bases: object, *, seed: int) -> DeckSpread:
        found = DeckSpread()
        found.kept = list(questions)
        return found

    with mock.patch.object(select, "spread_deck", keep_all):
        return build_quiz(base, seed=seed, everything=True)


def sheets(paths: list[Path], seeds: range) -> Iterator[tuple[str, FactBase, Quiz]]:
    """(label, base, sheet) for every base and seed."""
    for path in paths:
        for seed in seeds:
            yield f"{path.stem} seed {seed}", base_at(path), sheet(path, seed)


def words(text: str) -> list[str]:
    """Folded words of letters."""
    return re.findall(r"[a-zà-ÿ]+", text.replace("’", "'").casefold())


def stem(word: str) -> str:
    """A word as a reader links it to its kin: its first six letters ('presid', 'marche')."""
    return word[:6] if len(word) > 5 else word


def shown(question: Question) -> list[str]:
    """The texts an item shows as true: prompt, matching quotes, ordering events, sources."""
    texts = [question.prompt, *question.explanation]
    if isinstance(question, Matching):
        texts += [o.text for o in question.left]
    if isinstance(question, Ordering):
        texts += [o.text for o in question.items]
    return texts


def quote_ids(question: Question) -> list[str]:
    """The quotes an item asks who said."""
    if isinstance(question, Matching):
        return [o.claim.quote for o in question.left if isinstance(o.claim, QuoteRef)]
    if isinstance(question, MultipleChoice) and isinstance(question.ask, SpeakerOf):
        return [question.ask.quote]
    return []


def key(question: MultipleChoice) -> str:
    """The text of a multiple choice's key."""
    return question.options[question.answer].text


def names_of(base: FactBase, entity_id: str) -> list[str]:
    """An entity's name and aliases."""
    entity = base.by_id.get(entity_id)
    return [entity.name, *entity.aliases] if isinstance(entity, Entity) else []


def whole(phrase: str, text: str) -> bool:
    """Whether a phrase occurs in a text as whole words, case and spacing aside."""
    needle = " ".join(words(phrase))
    return bool(needle) and f" {needle} " in " " + " ".join(words(text)) + " "


def is_term_item(question: Question) -> bool:
    """What is X? / Which term means Y?"""
    return isinstance(question, MultipleChoice) and isinstance(question.ask, TermMeaning | TermFor)


def terms_touched(question: MultipleChoice) -> set[str]:
    """The term an item asks and the terms its options show."""
    assert isinstance(question.ask, TermMeaning | TermFor)
    return {question.ask.term} | {o.claim.term for o in question.options
                                  if isinstance(o.claim, TermRef)}


def main_speaker(base: FactBase) -> str | None:
    """Whoever has the most quotes and claims (the first in the fact base among equals)."""
    said = Counter(s for q in base.quotes for s in q.speakers)
    said.update(c for claim in base.claims for c in claim.claimants)
    ranked = sorted((-n, [e.id for e in base.entities].index(e)) for e, n in said.items()
                    if e in {x.id for x in base.entities})
    return base.entities[ranked[0][1]].id if ranked else None


def always_main_score(quiz: Quiz, base: FactBase) -> tuple[float, float, int]:
    """(score of "always the main speaker", score of guessing, items) over a sheet's speaker
    items: a matching scores the share of its quotes the main speaker said."""
    main = main_speaker(base)
    got = chance = 0.0
    items = 0
    for q in quiz.questions:
        if isinstance(q, MultipleChoice) and isinstance(q.ask, SpeakerOf | ClaimantOf):
            ids = [o.claim.entity for o in q.options if isinstance(o.claim, EntityRef)]
            got += (ids[q.answer] == main) if main in ids else 1 / len(q.options)
        elif isinstance(q, Matching):
            ids = [o.claim.entity for o in q.right if isinstance(o.claim, EntityRef)]
            if main in ids:
                got += sum(ids[r] == main for _, r in q.answer) / len(q.answer)
            else:
                got += 1 / len(q.right)
        else:
            continue
        chance += 1 / len(q.options if isinstance(q, MultipleChoice) else q.right)
        items += 1
    return (got / items, chance / items, items) if items else (0.0, 0.0, 0)


def events_shown(question: Question) -> list[str]:
    """The events an ordering asks to put in order."""
    if isinstance(question, Ordering):
        return [o.claim.event for o in question.items if isinstance(o.claim, EventRef)]
    return []


def overused(orderings: list[Question]) -> list[tuple[str, int]]:
    """Events in more than a third of the orderings (more than one when there are few)."""
    uses = Counter(e for q in orderings for e in events_shown(q))
    return [(e, n) for e, n in uses.items() if n > max(1, len(orderings) // 3)]


# Verbs that give the order of two steps of one undertaking away (the test's own short list).
PLAN = ("announced", "presented", "proposed", "planned", "was barred")
START = ("began", "started", "set off", "sets off", "opened", "launched", "held",
         "created", "invented", "founded", "built", "designed")  # a thing made is the start
# a later step of what was started: a figure given again ("updated the death toll", "revised")
REVISE = ("updated", "revised", "raised", "continued", "joined", "resumed")
END = ("ended", "finished", "closed", "passed", "approved", "votes", "voted", "declared", "ruled")


def _step(text: str) -> int | None:
    folded = " " + " ".join(words(text)) + " "
    for number, verbs in ((3, END), (2, REVISE), (1, START), (0, PLAN)):
        if any(f" {v} " in folded for v in verbs):
            return number
    return None


# irregular past forms: the grammar's own table of English verbs (a word list, not a rule)
PAST = set(IRREGULAR_PAST) | {"was", "were", "had"}


def to_come(text: str) -> bool:
    """An event told as still to come: 'will', 'is due', or no verb in the past."""
    found = words(text)
    if "will" in found or " is due " in f" {' '.join(found)} ":
        return True
    return not any(w in PAST or (w.endswith("ed") and len(w) > 4) for w in found)


def common_sense_pair(question: Ordering) -> tuple[str, str] | None:
    """Two events of an ordering on one topic whose verbs give their order, as the key has it,
    or an event told in the past before one told as still to come."""
    ordered = [question.items[i].text for i in question.answer]
    for i, early in enumerate(ordered):
        for late in ordered[i + 1 :]:
            if to_come(late) and not to_come(early):
                return early, late
            a, b = _step(early), _step(late)
            topic = {stem(w) for w in words(early) if len(w) > 3} & {
                stem(w) for w in words(late) if len(w) > 3}
            if a is not None and b is not None and a < b and topic:
                return early, late
    return None


def term_of(base: FactBase, term_id: str) -> Term | None:
    """A term by id."""
    found = base.by_id.get(term_id)
    return found if isinstance(found, Term) else None


def amount_key(question: Question) -> Amount | None:
    """The amount a figure item's key states."""
    if isinstance(question, MultipleChoice) and isinstance(key_claim := question.options[
            question.answer].claim, Amount):
        return key_claim
    return None
