"""Names and passages indexed by their words, so finding them in a text does not read them all."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")

_RUN = re.compile(r"\w+")
_WORD = re.compile(r"\w")


def _runs(text: str) -> list[re.Match[str]]:
    return list(_RUN.finditer(text))


def _inner(text: str) -> list[str]:
    """The word runs of `text` with a non-word character on both sides inside the text: wherever
    the text occurs in a longer one, each of these is a whole word run of that one too."""
    return [m[0] for m in _runs(text) if m.start() > 0 and m.end() < len(text)]


class WordFinder(Generic[T]):
    """Needles found as whole words in a text: `(?<!\\w)needle(?!\\w)`, as `re.search` would.

    Every word run of a needle is a whole word run of a text it occurs in as whole words, so each
    needle is filed under its longest run and a text is read once, word by word; only needles
    filed under one of its words are compared. A needle without a word character is searched for.
    """

    def __init__(self, needles: Iterable[tuple[str, T]]) -> None:
        self._by_word: dict[str, list[tuple[str, int, T]]] = {}
        self._wordless: list[tuple[re.Pattern[str], T]] = []
        for needle, value in needles:
            runs = _runs(needle)
            if not runs:
                self._wordless.append((re.compile(rf"(?<!\w){re.escape(needle)}(?!\w)"), value))
                continue
            key = max(runs, key=lambda m: len(m[0]))
            self._by_word.setdefault(key[0], []).append((needle, key.start(), value))

    def found(self, text: str) -> list[T]:
        """The values of the needles that occur in `text` as whole words (repeats possible)."""
        hits: list[T] = []
        for match in _RUN.finditer(text):
            for needle, offset, value in self._by_word.get(match[0], ()):
                start = match.start() - offset
                end = start + len(needle)
                if (start >= 0 and text.startswith(needle, start)
                        and not (start > 0 and _WORD.match(text, start - 1))
                        and not _WORD.match(text, end)):
                    hits.append(value)
        hits += [value for pattern, value in self._wordless if pattern.search(text)]
        return hits


class Passages(Generic[T]):
    """Texts indexed so that those overlapping a text (one inside the other) are found quickly.

    `overlapping(text)` gives the values of the passages `p` with `p in text or text in p`, both
    non-empty, in the order they were given. A passage inside the text has its rarest inner word
    among the text's words; a text inside a passage has each of its inner words among the
    passage's. Passages (or texts) without an inner word are compared one by one.
    """

    def __init__(self, passages: Sequence[tuple[str, T]], *, fold: Callable[[str], str]) -> None:
        self._fold = fold
        self._texts = [(fold(text), value) for text, value in passages]
        inner = [set(_inner(text)) for text, _ in self._texts]
        counts = Counter(word for words in inner for word in words)
        self._rarest: dict[str, list[int]] = {}
        self._loose: list[int] = []  # passages with no inner word: compared with every text
        self._postings: dict[str, list[int]] = {}
        for index, ((text, _), words) in enumerate(zip(self._texts, inner, strict=True)):
            if not text:
                continue
            if words:
                self._rarest.setdefault(min(words, key=lambda w: (counts[w], w)), []).append(index)
            else:
                self._loose.append(index)
            for word in dict.fromkeys(m[0] for m in _runs(text)):
                self._postings.setdefault(word, []).append(index)

    def overlapping(self, text: str) -> list[T]:
        """Values of the passages inside `text` or holding it, in the order given."""
        text = self._fold(text)
        if not text:
            return []
        words = {m[0] for m in _runs(text)}
        candidates = set(self._loose)
        for word in words:
            candidates.update(self._rarest.get(word, ()))
        inner = _inner(text)
        if inner:
            fewest: list[int] = min((self._postings.get(word, []) for word in inner), key=len)
            candidates.update(fewest)
        else:
            candidates.update(range(len(self._texts)))
        found = []
        for index in sorted(candidates):
            passage, value = self._texts[index]
            if passage and (passage in text or text in passage):
                found.append(value)
        return found
