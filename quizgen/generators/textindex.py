"""Names and passages indexed by their words, so finding them in a text does not read them all."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")

_RUN = re.compile(r"\w+")
_WORD = re.compile(r"\w")


def has_word(text: str, needle: str) -> bool:
    """Whether `needle` occurs in `text` as whole words: `(?<!\\w)needle(?!\\w)`, as `re.search`
    reads it, without compiling a pattern for each needle (a name is looked for once or twice
    a build; compiling its pattern cost ten times the search). A word character is what `\\w`
    matches in a str pattern: alphanumeric (`str.isalnum`) or `_`."""
    end = len(needle)
    start = text.find(needle)
    while start != -1:
        before = text[start - 1] if start else " "
        after = text[start + end] if start + end < len(text) else " "
        if not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_"):
            return True
        start = text.find(needle, start + 1)
    return False


def _runs(text: str) -> list[re.Match[str]]:
    return list(_RUN.finditer(text))


def _inner(text: str) -> list[str]:
    """The word runs of `text` with a non-word character on both sides inside the text: wherever
    the text occurs in a longer one, each of these is a whole word run of that one too."""
    return [m[0] for m in _runs(text) if m.start() > 0 and m.end() < len(text)]


WINDOW = 4  # the most consecutive words a key holds: names and passages sharing words (places,
# first names, "Council of") are told apart by their words together, not each word alone


def _windows(words: Sequence[str]) -> list[tuple[int, tuple[str, ...]]]:
    """(position, words) of each run of min(WINDOW, len(words)) consecutive words."""
    size = min(WINDOW, len(words))
    return [(i, tuple(words[i:i + size])) for i in range(len(words) - size + 1)] if size else []


def _lookups(words: Sequence[str], sizes: Iterable[int]) -> list[tuple[int, tuple[str, ...]]]:
    """(position, words) of each run of consecutive words of the given sizes."""
    return [(i, tuple(words[i:i + size])) for size in sizes
            for i in range(len(words) - size + 1)]


class WordFinder(Generic[T]):
    """Needles found as whole words in a text: `(?<!\\w)needle(?!\\w)`, as `re.search` would.

    Every word run of a needle is a whole word run of a text it occurs in as whole words, and its
    runs follow one another there as in the needle, so each needle is filed under its rarest
    WINDOW consecutive runs (all of them when it has fewer) and a text is read once, looking up
    its runs of those lengths; only needles filed there are compared. A needle without a word
    character is searched for.
    """

    def __init__(self, needles: Iterable[tuple[str, T]]) -> None:
        self._by_words: dict[tuple[str, ...], list[tuple[str, int, T]]] = {}
        self._wordless: list[tuple[re.Pattern[str], T]] = []
        spelled = [(needle, _runs(needle), value) for needle, value in needles]
        keys = [_windows([m[0] for m in runs]) for _, runs, _ in spelled]
        counts = Counter(key for found in keys for key in {words for _, words in found})
        for (needle, runs, value), found in zip(spelled, keys, strict=True):
            if not runs:
                self._wordless.append((re.compile(rf"(?<!\w){re.escape(needle)}(?!\w)"), value))
                continue
            first, words = min(found, key=lambda key: (counts[key[1]], key[0]))
            self._by_words.setdefault(words, []).append((needle, runs[first].start(), value))
        self._sizes = sorted({len(words) for words in self._by_words})

    def found(self, text: str) -> list[T]:
        """The values of the needles that occur in `text` as whole words (repeats possible)."""
        return [value for _, value in self.starts(text)]

    def starts(self, text: str) -> list[tuple[int, T]]:
        """(where it starts, value) of each time a needle occurs in `text` as whole words, in
        no particular order (a needle without a word character: its first time only)."""
        hits: list[tuple[int, T]] = []
        runs = _runs(text)
        for i, words in _lookups([m[0] for m in runs], self._sizes):
            for needle, offset, value in self._by_words.get(words, ()):
                start = runs[i].start() - offset
                end = start + len(needle)
                if (start >= 0 and text.startswith(needle, start)
                        and not (start > 0 and _WORD.match(text, start - 1))
                        and not _WORD.match(text, end)):
                    hits.append((start, value))
        for pattern, value in self._wordless:
            if match := pattern.search(text):
                hits.append((match.start(), value))
        return hits


class Passages(Generic[T]):
    """Texts indexed so that those overlapping a text (one inside the other) are found quickly.

    `overlapping(text)` gives the values of the passages `p` with `p in text or text in p`, both
    non-empty, in the order they were given. The inner words of a passage inside the text are
    consecutive words of the text, so a passage is filed under its rarest WINDOW consecutive
    inner words (all of them when fewer), and a text looks up its runs of words of those sizes; a
    text inside a
    passage has each of its inner words among the passage's. Passages (or texts) without an inner
    word are compared one by one.
    """

    def __init__(self, passages: Sequence[tuple[str, T]], *, fold: Callable[[str], str]) -> None:
        self._fold = fold
        self._texts = [(fold(text), value) for text, value in passages]
        keys = [{words for _, words in _windows(_inner(text))} for text, _ in self._texts]
        counts = Counter(key for found in keys for key in found)
        self._rarest: dict[tuple[str, ...], list[int]] = {}
        self._loose: list[int] = []  # passages with no inner word: compared with every text
        self._postings: dict[str, list[int]] = {}
        for index, ((text, _), found) in enumerate(zip(self._texts, keys, strict=True)):
            if not text:
                continue
            if found:
                rarest = min(found, key=lambda key: (counts[key], key))
                self._rarest.setdefault(rarest, []).append(index)
            else:
                self._loose.append(index)
            for word in dict.fromkeys(m[0] for m in _runs(text)):
                self._postings.setdefault(word, []).append(index)
        self._sizes = sorted({len(key) for key in self._rarest})

    def overlapping(self, text: str) -> list[T]:
        """Values of the passages inside `text` or holding it, in the order given."""
        text = self._fold(text)
        if not text:
            return []
        candidates = set(self._loose)
        for _, key in _lookups([m[0] for m in _runs(text)], self._sizes):
            candidates.update(self._rarest.get(key, ()))
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
