"""Texts folded to their words once: the sheet rules read the same prompts, options and names
for every pair of items they compare, and fold each text only the first time."""

from __future__ import annotations

import re
from functools import lru_cache

# texts kept folded (the least recently read dropped first): a sheet's items and names are a few
# hundred texts; a 10,000-fact base's are more, folded again when read again (kept few: the
# folds stay to the end of the process, and its peak memory is at the end)
KEPT = 4_096

_LETTERS = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=KEPT)
def folded_words(text: str) -> tuple[str, ...]:
    """The runs of letters of a text, case-folded, a curly apostrophe read as a straight one."""
    return tuple(_LETTERS.findall(text.replace("’", "'").casefold()))


@lru_cache(maxsize=KEPT)
def spaced(text: str) -> str:
    """The folded words one space apart, with one space before and after: a folded name said
    in a folded text as whole words is `spaced(name) in spaced(text)`."""
    return " " + " ".join(folded_words(text)) + " "
