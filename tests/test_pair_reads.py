"""What the pair rules read of one item is read once per selection (issue 22): the key and marks
context_tied compares, and each text's words."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from conftest import loaded

from quizgen.factbase.loader import load_factbase
from quizgen.factbase.model import FactBase, Quote
from quizgen.generators import get_generator
from quizgen.generators.base import GenOptions
from quizgen.quiz import guessed, passages, ties
from quizgen.quiz.leaks import forget, statements
from quizgen.quiz.questions import MultipleChoice, Question, SpeakerOf
from quizgen.quiz.request import wanted_kinds
from quizgen.quiz.select import build_quiz

ROOT = Path(__file__).resolve().parent.parent
BASES = [*sorted((ROOT / "content").glob("*.yaml")),
         *sorted((ROOT / "tests" / "corpus").glob("*/*.yaml"))[:8]]
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


def _items(base: FactBase) -> list[Question]:
    made: list[Question] = []
    for kind in wanted_kinds(None):
        made += get_generator(kind)(base, seed=0, options=GenOptions()).questions
    return made


def _tied_as_before(question: Question, texts: list[str], base: FactBase) -> str | None:
    """context_tied as it read every pair before (each item's key, names and marks per pair)."""
    entity = guessed._key_entity(question, base)
    if entity is None:
        return None
    names = (entity.name, *entity.aliases)
    own = {w for n in names for w in re.findall(r"[^\W\d_]+", n.replace("’", "'").casefold())}
    found = re.findall(r"(?<!^)(?<![.?!:] )\b([A-Z][^\W\d_]+)", _QUOTED.sub(" ", question.prompt))
    marks = {w.casefold() for w in found} - own
    fellows = [*ties._same_occasion(question, base), *_places_in_quote(question, base)]
    for text in texts:
        if guessed._named(text, names) and (any(guessed._named(text, [m]) for m in marks)
                                            or guessed._named(text, fellows)):
            return f"another item ties {entity.name} to what the prompt tells of"
    return None


def _places_in_quote(question: Question, base: FactBase) -> list[str]:
    """The place names (of a word longer than two letters) a who-said-it item's quote says as
    whole words, read here with a regular expression of its own."""
    if not isinstance(question, MultipleChoice) or not isinstance(question.ask, SpeakerOf):
        return []
    quote = base.by_id.get(question.ask.quote)
    if not isinstance(quote, Quote):
        return []
    text = quote.text.replace("’", "'")
    return [name for place in base.places for name in (place.name, *place.aliases)
            if re.search(r"[^\W\d_]{3}", name) and re.search(
                r"(?<![^\W\d_])" + r"[^\w]+".join(map(re.escape, re.findall(
                    r"[^\W\d_]+", name.replace("’", "'")))) + r"(?![^\W\d_])",
                text, re.IGNORECASE)]


def test_context_tied_says_what_it_said_reading_each_pair_afresh() -> None:
    """For every pair of items made of the bundled and some corpus bases, context_tied (its
    reading of each item kept) gives the reason the pair-by-pair reading gives."""
    tied = 0
    for path in BASES:
        base = loaded(path)
        items = _items(base)
        for a in items:
            for b in items:
                shown = list(statements(b)) + [o.text for o in getattr(b, "options", ())]
                expected = _tied_as_before(a, shown, base)
                assert ties.context_tied(a, shown, base) == expected, (path.name, a.id, b.id)
                tied += expected is not None
    forget()
    assert tied > 0  # the rule fires on some pairs, so both readings were compared at work


def test_a_selection_reads_each_items_ties_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A class selection of the bundled base looks up each item's key for context_tied once,
    however many pairs the item is compared in."""
    base = load_factbase(ROOT / "content" / "venezuela-post-election.yaml")
    looked: Counter[int] = Counter()
    key_entity = ties.key_entity

    def counted(question: Question) -> str | None:
        looked[id(question)] += 1
        return key_entity(question)

    monkeypatch.setattr(ties, "key_entity", counted)
    forget()
    build_quiz(base, seed=1, count=20)
    forget()
    assert looked and max(looked.values()) == 1


class _Counted:
    """A compiled pattern whose findall calls are counted by text."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.read: Counter[str] = Counter()

    def findall(self, text: str) -> list[str]:
        self.read[text] += 1
        return self.pattern.findall(text)


def test_a_selection_reads_each_texts_words_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A class selection of the bundled base splits each text into words once (passages.words),
    though the pairs of its items read the same prompts and options again and again."""
    base = load_factbase(ROOT / "content" / "venezuela-post-election.yaml")
    counted = _Counted(passages._WORD)
    monkeypatch.setattr(passages, "_WORD", counted)
    forget()
    build_quiz(base, seed=1, count=20)
    forget()
    assert len(counted.read) > 50 and max(counted.read.values()) == 1
