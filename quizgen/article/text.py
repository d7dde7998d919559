"""An article's text for drafting: paragraphs, sentences, quoted passages and clauses."""

import bisect
import re
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise
from typing import NamedTuple

from quizgen.article.lexicon import STOPWORDS, words
from quizgen.article.patterns import Lazy

# Opening mark -> closing mark. Straight quotes close themselves; ’ is also an apostrophe.
_PAIRS = {"“": "”", '"': '"', "‘": "’", "'": "'", "«": "»", "„": "“"}
_LETTER = re.compile(r"[^\W\d_]")
# Words that open a new clause inside a sentence (besides , ; : — and brackets).
CLAUSE_WORDS = words(
    "while whereas but after before when because although though where since until unless"
    " whilst"
)


class Quoted(NamedTuple):
    """A quoted passage: the marks at start and end - 1, its words between inner_start/inner_end."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool  # False when the paragraph ended before a closing mark (a continued quote)


@dataclass(frozen=True)
class Sentence:
    """One sentence of the article, as character offsets into the text."""

    start: int
    end: int
    index: int


def _is_word_char(char: str) -> bool:
    return bool(_LETTER.match(char)) or char.isdigit()


def _opens(text: str, at: int) -> bool:
    """Whether the mark at `at` can open a quotation (start of a word, not an apostrophe)."""
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    if after.isspace():
        return False
    if text[at] in "'‘" and _is_word_char(before):
        return False  # rock'n'roll, an apostrophe
    return not _is_word_char(before)


def _closes(text: str, at: int, mark: str) -> bool:
    """Whether the mark at `at` closes a quotation opened with its pair."""
    if mark in "'’":
        after = text[at + 1] if at + 1 < len(text) else " "
        before = text[at - 1] if at > 0 else " "
        # don’t, Venezuela’s: an apostrophe between letters never closes.
        return not _is_word_char(after) and not before.isspace()
    return True


def _plural_owner(text: str, at: int, last: dict[str, int]) -> bool:
    """A single mark after an s and before a lower-case word, with the same mark later in
    the paragraph to close the quotation: a plural's apostrophe (‘The pupils’ needs …’)."""
    return text[at] in last and last[text[at]] > at and text[at - 1:at] == "s" and \
        text[at + 1:at + 2] == " " and text[at + 2:at + 3].islower()


def find_quotes(text: str) -> list[Quoted]:
    """Outermost quoted passages, curly and straight, paragraph by paragraph.

    A quotation still open at the end of its paragraph (news style for a quote that goes on in
    the next paragraph) ends there, marked `closed=False`.
    """
    found: list[Quoted] = []
    spans = paragraphs(text)
    for number, (para_start, para_end) in enumerate(spans):
        following = spans[number + 1][0] if number + 1 < len(spans) else len(text)
        at = para_start
        # Closing marks that no longer close anything in this paragraph: whether a mark closes
        # does not depend on where its quotation opened, so once a search for one reached the
        # paragraph's end, a later opener's search would too (`'x 'x 'x …` stays linear).
        unclosed: set[str] = set()
        last = {mark: text.rfind(mark, para_start, para_end) for mark in "'’"}
        while at < para_end:
            char = text[at]
            if char in _PAIRS and _opens(text, at):
                close = _PAIRS[char]
                end = at + 1
                if close in unclosed:
                    end = para_end
                while end < para_end and not (text[end] == close and _closes(text, end, close)
                                              and not _plural_owner(text, end, last)) and not (
                        char == "“" and _turned(text, end)):
                    end += 1
                if end >= para_end:
                    unclosed.add(close)
                    end = _other_close(text, at, para_end)
                if end < para_end:
                    if end > at + 1:
                        found.append(Quoted(at, end + 1, at + 1, end, True))
                    at = end + 1
                    continue
                if char in "“\"«„" and (para_end - at > 20 or (  # a short speech that goes
                        text[_rstrip(text, at, para_end) - 1] in ".!?…" and  # on: “Go.\n\n“…
                        " " in text[at:para_end].strip() and text[following:following + 1]
                        in ("“", '"'))):
                    found.append(Quoted(at, para_end, at + 1, _rstrip(text, at, para_end), False))
                    at = para_end
                    continue
            at += 1
    return found


def _turned(text: str, at: int) -> bool:
    """An opening double mark “ at a word's end, printed for a closing one (“…“; round 23)."""
    return text[at] == "“" and _is_word_char(text[at - 1]) and (
        at + 1 >= len(text) or not _is_word_char(text[at + 1]))


def _other_close(text: str, at: int, para_end: int) -> int:
    """A double quotation whose own closing mark never comes may close with the other kind
    (“…" or "…”, as printed in some copy): the first such mark at a word's end; else the
    paragraph's end."""
    other = {"“": '"', '"': "”"}.get(text[at])
    end = at + 1
    while other is not None and end < para_end:
        if text[end] == other and not text[end - 1].isspace() and (
                end + 1 >= para_end or not _is_word_char(text[end + 1])):
            return end
        end += 1
    return para_end


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line-separated paragraph."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        if match.group().strip():
            spans.append((match.start(), match.end()))
    return spans


# A match starts only where a run of stops starts: tried at every stop of a long run (`....x`),
# the run would be matched again from each, a quadratic backtrack.
_BOUNDARY = Lazy(r"(?<![.!?…])[.!?…]+[”\"’')\]]*(\s+)(?=[“\"‘'(\[]?[A-Z0-9À-Þ])")
_BEFORE = Lazy(r"([\w.]+)[.!?…]*[”\"’')\]]*$")
_NEXT = Lazy(r"[“\"‘'(\[]?(\w+)")
# Words whose full stop does not end a sentence (titles, initials, months, "No. 10").
_ABBREVIATIONS = words(
    "Mr Mrs Ms Dr Prof Gen Sen Rep Gov Lt Col Sgt Capt Adm Cmdr Maj Brig St Jr Sr Rev Hon Mt Ft"
    " vs etc al Inc Ltd Corp Co Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec approx est"
    " No Nos Vol Fig Ave Blvd Rd Dept Univ Assn Bros Gov't e.g i.e"
)


def _ends_sentence(text: str, stop: int, start_next: int) -> bool:
    """Whether the full stop run ending at `stop` closes a sentence before `start_next`."""
    before = _BEFORE.search(text, max(0, stop - 60), stop)
    word = before.group(1) if before else ""
    following = _NEXT.match(text, start_next)
    nxt = following.group(1) if following else ""
    if word.rstrip(".") in _ABBREVIATIONS and text[stop - 1:stop] == ".":
        return word.rstrip(".") in ("etc", "al", "Inc", "Ltd", "Co") and nxt in STOPWORDS
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]?", word) or (
            len(word.rstrip(".")) == 1 and word[:1].isupper()):
        return nxt in STOPWORDS  # "the U.S. The ...", but "J. Smith", "U.S. Undersecretary"
    return True


def _segment(text: str, quotes: list[Quoted]) -> list[tuple[int, int]]:
    """Sentence spans: a stop, then space and a capital, never inside a quotation or after an
    abbreviation (Mr., U.S. before a name)."""
    spans: list[tuple[int, int]] = []
    starts = [q.inner_start for q in quotes]  # quotations are in order and never overlap
    for para_start, para_end in paragraphs(text):
        cursor = para_start
        for match in _BOUNDARY.finditer(text, para_start, para_end):
            stop, nxt = match.start(1), match.end(1)
            at = bisect.bisect_right(starts, nxt) - 1
            if at >= 0 and quotes[at].inner_start < nxt < quotes[at].end:
                continue
            if not _ends_sentence(text, stop, nxt):
                continue
            spans.append((cursor, stop))
            cursor = nxt
        end = _rstrip(text, cursor, para_end)
        if text[cursor:end].strip():
            spans.append((cursor, end))
    if any(end - start > MAX_SENTENCE for start, end in spans):
        spans = _bounded(text, quotes, spans)
    return spans


# A news sentence is under 100 words; a longer "sentence" (a pasted list, a table flattened
# into a line) is read in parts of at most this many characters, so that what is done per
# sentence for each fact in it stays bounded, and so do the excerpts drawn from it.
MAX_SENTENCE = 1_000
_CUTS = ",;:—–"


def _bounded(text: str, quotes: list[Quoted], spans: list[tuple[int, int]]
             ) -> list[tuple[int, int]]:
    """The spans with each longer than MAX_SENTENCE cut into parts: after the last clause mark
    that leaves a part within the limit, else at its last space; never inside a quotation (a
    part runs on to the end of a quotation longer than the limit)."""
    chars = list(text)
    for quote in quotes:  # quotations' insides hide their marks and spaces
        chars[quote.start + 1:quote.end] = "\x00" * (quote.end - quote.start - 1)
    blanked = "".join(chars)
    out: list[tuple[int, int]] = []
    for start, end in spans:
        while end - start > MAX_SENTENCE:
            limit = start + MAX_SENTENCE
            cut = max(blanked.rfind(mark, start + 1, limit) for mark in _CUTS) + 1
            if cut <= start:
                cut = blanked.rfind(" ", start + 1, limit)
            if cut <= start:
                cut = blanked.find(" ", limit, end)
            if cut <= start:
                break
            piece = _rstrip(text, start, cut)
            if piece > start:
                out.append((start, piece))
            start = cut
            while start < end and text[start].isspace():
                start += 1
        if start < end:
            out.append((start, end))
    return out


class Article:
    """The text with its sentences and quotations, and helpers to look inside them."""

    def __init__(self, text: str) -> None:
        self.text = text.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff")

    @cached_property
    def quotes(self) -> list[Quoted]:
        """Every outermost quoted passage, in order."""
        return find_quotes(self.text)

    @cached_property
    def sentences(self) -> list[Sentence]:
        """Sentences, never breaking inside a quotation."""
        spans = _segment(self.text, self.quotes)
        return [Sentence(s, e, i) for i, (s, e) in enumerate(spans)]

    @cached_property
    def masked(self) -> str:
        """The text with every quotation's inside replaced by spaces (same offsets)."""
        chars = list(self.text)
        for quote in self.quotes:
            for at in range(quote.inner_start, quote.inner_end):
                if chars[at] != "\n":
                    chars[at] = " "
        return "".join(chars)

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence holding this offset (the last one before it, between sentences)."""
        at = bisect.bisect_right(self._sentence_starts, offset) - 1
        return self.sentences[max(at, 0)]

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [sentence.start for sentence in self.sentences]

    @cached_property
    def _quote_starts(self) -> list[int]:
        return [quote.inner_start for quote in self.quotes]

    def in_quote(self, offset: int) -> Quoted | None:
        """The quotation whose words hold this offset, if any."""
        at = bisect.bisect_right(self._quote_starts, offset) - 1
        if at >= 0 and offset < self.quotes[at].inner_end:
            return self.quotes[at]
        return None

    def clauses(self, sentence: Sentence) -> list[tuple[int, int]]:
        """A sentence cut into clauses at punctuation and clause words outside quotations."""
        cached = self._clauses.get(sentence.index)
        if cached is None:
            cached = self._clauses[sentence.index] = self._cut(sentence)
        return cached

    @cached_property
    def _clauses(self) -> dict[int, list[tuple[int, int]]]:
        return {}

    def _cut(self, sentence: Sentence) -> list[tuple[int, int]]:
        masked = self.masked
        cuts = [sentence.start]
        for match in re.finditer(r"(?<!\d)[,:]|[,:](?!\d)|[;()—–]|\s-\s|\b(\w+)\b",
                                 masked[sentence.start:sentence.end]):
            word = match.group(1)
            at = sentence.start + match.start()
            if word is None:
                cuts.append(at + len(match.group()))
            elif word.lower() in CLAUSE_WORDS:
                cuts.append(at)
        cuts.append(sentence.end)
        spans = []
        for start, end in pairwise(cuts):
            if masked[start:end].strip(" ,;:()—–-"):
                spans.append((start, end))
        return spans

    def excerpt(self, start: int, end: int) -> str:
        """The text between two offsets, trimmed, as an excerpt (verbatim but for whitespace)."""
        return " ".join(self.text[start:end].split())
