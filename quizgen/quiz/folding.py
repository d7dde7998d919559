"""Texts folded to their words once: the sheet rules read the same prompts, options and names
for every pair of items they compare, and fold each text only the first time."""

from __future__ import annotations

import re
import sys
from functools import lru_cache

# texts kept folded (the least recently read dropped first): a sheet's items and names are a few
# hundred texts, a 10,000-fact base's about 30,000 and a 50,000-fact base's about 250,000. Too few
# kept and the pairs of a large base fold the same texts again and again, more often the larger
# the base (at 4,096 kept: 27,000 folds at 10,000 facts, 243,000 at 50,000). Kept for one
# selection: leaks.forget drops them (`forget` below) before the quizzes are rendered.
KEPT = 1 << 18

_LETTERS = re.compile(r"[^\W\d_]+")
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")  # words a prompt quotes, curly or straight


@lru_cache(maxsize=KEPT)
def folded_words(text: str) -> tuple[str, ...]:
    """The runs of letters of a text, case-folded, a curly apostrophe read as a straight one
    (one string kept for each word, as `passages.words` does)."""
    return tuple(map(sys.intern, _LETTERS.findall(text.replace("’", "'").casefold())))


@lru_cache(maxsize=KEPT)
def spaced(text: str) -> str:
    """The folded words one space apart, with one space before and after: a folded name said
    in a folded text as whole words is `spaced(name) in spaced(text)`."""
    return " " + " ".join(folded_words(text)) + " "


def forget() -> None:
    """Drop the folded texts (leaks.forget, once the quizzes are selected)."""
    folded_words.cache_clear()
    spaced.cache_clear()
